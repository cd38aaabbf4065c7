"""The PBX tab (administrators): the vPBX with its exchange access data, read-only for now."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.demo import create_demo
from app.events import DataChanged
from app.services.dto import Actor, PbxInfo
from ui.messages import SERVICE_ERRORS, sentence


class PbxTab(QWidget):
    demo_loaded = Signal(object)  # app.demo.DemoResult

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self._pbxs: list[PbxInfo] = []

        self.pbx_combo = QComboBox(self)
        self.pbx_combo.currentIndexChanged.connect(self._show_selected)
        self.picker = QWidget(self)
        picker = QHBoxLayout(self.picker)
        picker.setContentsMargins(0, 0, 0, 0)
        picker.addWidget(QLabel(self.tr("vPBX:"), self.picker))
        picker.addWidget(self.pbx_combo, 1)

        self.fields: dict[str, QLineEdit] = {}
        labels = {
            "name": self.tr("Name:"),
            "sip_domain": self.tr("SIP domain:"),
            "registrar_host": self.tr("Registrar host:"),
            "registrar_port": self.tr("Registrar port:"),
            "transport": self.tr("Transport:"),
            "outbound_proxy": self.tr("Outbound proxy:"),
            "wss_url": self.tr("WebSocket URL (WebRTC):"),
            "pickup_prefix": self.tr("Call pickup prefix:"),
            "voicemail_number": self.tr("Voicemail number:"),
            "ntp_server": self.tr("NTP server:"),
            "time_zone": self.tr("Time zone:"),
            "language": self.tr("Language:"),
            "topstop_limit": self.tr("TopStop limit:"),
        }
        self.access_box = QGroupBox(self.tr("Exchange access data"), self)
        form = QFormLayout(self.access_box)
        for key, label in labels.items():
            edit = QLineEdit(self.access_box)
            edit.setReadOnly(True)
            self.fields[key] = edit
            form.addRow(label, edit)

        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.demo_button = QPushButton(self.tr("Load demo data"), self)
        self.demo_button.setToolTip(self.tr("Creates a demo vPBX with eight lines and one device of every type."))
        self.demo_button.clicked.connect(self.load_demo)

        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(self.access_box)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.reload()

    @Slot()
    def reload(self) -> None:
        selected = self.selected_pbx()
        self._pbxs = self._ctx.pbx.list(self._actor)
        self.pbx_combo.blockSignals(True)
        self.pbx_combo.clear()
        for pbx in self._pbxs:
            self.pbx_combo.addItem(pbx.name, pbx.id)
        row = self.pbx_combo.findData(selected.id) if selected else -1
        self.pbx_combo.setCurrentIndex(max(row, 0) if self._pbxs else -1)
        self.pbx_combo.blockSignals(False)
        empty = not self._pbxs
        self.pbx_combo.setEnabled(len(self._pbxs) > 1)
        self.picker.setVisible(not empty)
        self.access_box.setVisible(not empty)
        # the demo creates a vPBX, which only a provider may do
        can_load_demo = empty and self._actor.role == "provider"
        self.demo_button.setVisible(can_load_demo)
        self.empty_label.setVisible(empty)
        self.empty_label.setText(
            self.tr("There is no vPBX yet. Load the demo data to try the console.") if can_load_demo
            else self.tr("There is no vPBX yet; a provider creates it."))
        self._show_selected()

    @Slot(object)
    def on_data_changed(self, event: DataChanged) -> None:
        if event.what == "pbx":
            self.reload()

    def selected_pbx(self) -> PbxInfo | None:
        row = self.pbx_combo.currentIndex()
        return self._pbxs[row] if 0 <= row < len(self._pbxs) else None

    @Slot()
    def _show_selected(self) -> None:
        pbx = self.selected_pbx()
        for key, edit in self.fields.items():
            value = getattr(pbx, key) if pbx is not None else None
            edit.setText("" if value is None else str(value))

    @Slot()
    def load_demo(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = create_demo(self._ctx, self._actor)
        except SERVICE_ERRORS as exc:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self, self.tr("Demo data"), sentence(exc))
            return
        QGuiApplication.restoreOverrideCursor()
        self.reload()
        self.demo_loaded.emit(result)
