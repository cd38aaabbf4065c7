"""A banner above the tabs when a retired access key is used: the configuration may have been published.

The manual's answer to that is the procedure "Procedure at Loss of Critical Data and Misuse (Fraud)";
the banner links to it and to the access log. The key itself is never shown (the event does not carry it).
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QVBoxLayout, QWidget

from app.provisioning.events import RetiredKeyUsed
from ui.help.topics import MISUSE
from ui.messages import SERVICE_ERRORS
from ui.session import ConsoleSession


@dataclass(frozen=True)
class MisuseReport:
    client_ip: str
    device: str  # "Yealink T46U of line 100", never the key
    at: str


class MisuseBanner(QFrame):
    """Hidden until a RetiredKeyUsed event arrives; reports accumulate until [Dismiss]."""

    # The main window may answer these with its own help viewer and access log; when nothing is
    # connected the banner opens its own, so it also works on its own.
    help_requested = Signal(str)  # anchor of the help topic
    access_log_requested = Signal()

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("misuseBanner")
        self._session = session
        self.reports: list[MisuseReport] = []

        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)  # stands out in light and dark themes
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(32, 32))
        self.text_label = QLabel(self)
        self.text_label.setObjectName("misuseText")
        self.text_label.setWordWrap(True)
        self.text_label.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("misuseCount")
        self.count_label.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.procedure_button = QPushButton(self.tr("&Procedure at misuse ..."), self)
        self.procedure_button.setToolTip(self.tr(
            "Open the manual's \"Procedure at Loss of Critical Data and Misuse (Fraud)\": new access keys, new SIP "
            "credentials and the transfer to every device of the line."))
        self.access_log_button = QPushButton(self.tr("Show access &log"), self)
        self.access_log_button.setToolTip(self.tr("Every request to the provisioning server, refusals first."))
        self.dismiss_button = QPushButton(self.tr("&Dismiss"), self)
        self.dismiss_button.setToolTip(self.tr("Hide this notice; the requests stay in the access log."))

        text = QVBoxLayout()
        text.addWidget(self.text_label)
        text.addWidget(self.count_label)
        layout = QHBoxLayout(self)
        layout.addWidget(icon)
        layout.addLayout(text, 1)
        layout.addWidget(self.procedure_button)
        layout.addWidget(self.access_log_button)
        layout.addWidget(self.dismiss_button)

        self.procedure_button.clicked.connect(self.show_procedure)
        self.access_log_button.clicked.connect(self.show_access_log)
        self.dismiss_button.clicked.connect(self.dismiss)
        session.bridge.event_received.connect(self._on_event)
        self.hide()

    @Slot(object)
    def _on_event(self, event: object) -> None:
        if isinstance(event, RetiredKeyUsed):
            self.report(event)

    def report(self, event: RetiredKeyUsed) -> None:
        device = self._describe_device(event.device_id)
        if device is None:
            return  # a device of another vPBX or line: not this actor's business
        at = event.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        self.reports.append(MisuseReport(event.client_ip, device, at))
        text = self.tr("A retired access key was used from %1 for device %2 at %3. This may mean the "
                       "configuration was published (possible misuse).")
        self.text_label.setText(text.replace("%1", event.client_ip).replace("%2", device).replace("%3", at))
        count = len(self.reports)
        self.count_label.setText(self.tr("%1 such requests since the last dismissal.").replace("%1", str(count))
                                 if count > 1 else "")
        self.count_label.setVisible(count > 1)
        self.show()

    def _describe_device(self, device_id: int | None) -> str | None:
        session = self._session
        if device_id is not None:
            try:
                info = session.ctx.devices.get(session.actor, device_id)
            except SERVICE_ERRORS:
                info = None
            if info is not None:
                return self.tr("%1 of line %2").replace("%1", info.type_label).replace("%2", info.line_number)
        # deleted meanwhile, or not visible to this actor: only the provider sees every device
        return self.tr("(deleted device)") if session.actor.role == "provider" else None

    @Slot()
    def dismiss(self) -> None:
        self.reports.clear()
        self.hide()

    @Slot()
    def show_procedure(self) -> None:
        self.help_requested.emit(MISUSE)

    @Slot()
    def show_access_log(self) -> None:
        self.access_log_requested.emit()
