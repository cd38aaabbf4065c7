"""[State ...]: the manual's "Check the VoIP Device Registration Status".

Shows the line's registrations as the registrar reports them and spells out the manual's three
checks for one device of the line:
  - a "User Agent" is listed that matches the VoIP device,
  - an "IP address" is specified,
  - in "Contact" the telephone number is included.
Asking the registrar is a SIP round trip (seconds when it does not answer), so it runs in the task
pool; the dialog stays usable and shows the outcome when it arrives.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.events import utcnow
from app.services.dto import DeviceInfo
from app.sipops import LineState, Registration
from app.tasks import TaskFinished, TaskHandle
from ui.messages import inline_error_label, sentence, show_inline
from ui.session import ConsoleSession

PASSED_MARK = "\u2714"  # heavy check mark
FAILED_MARK = "\u2718"  # heavy ballot x


def _tr(text: str) -> str:
    return QCoreApplication.translate("StateDialog", text)


@dataclass(frozen=True)
class Check:
    """One of the manual's three checks, with what was found (or missing) in plain words."""

    title: str
    passed: bool
    detail: str


def check_titles() -> tuple[str, str, str]:
    return (_tr("A User Agent is listed that matches the VoIP device"),
            _tr("An IP address is specified"),
            _tr("In Contact the telephone number is included"))


def manual_checks(state: LineState, device_id: int | None, device_label: str) -> tuple[Check, Check, Check]:
    """The manual's checks of `state` for one device of the line (`None`: the line has no device)."""
    titles = check_titles()
    if state.error:
        detail = _tr("The registrar could not be asked.")
        return tuple(Check(title, False, detail) for title in titles)  # type: ignore[return-value]
    if not state.registrations:
        detail = _tr("There is no registration on line %1.").replace("%1", state.number)
        return tuple(Check(title, False, detail) for title in titles)  # type: ignore[return-value]
    if device_id is None:
        matched = None
        # without a device only a lone registration can be judged
        own = state.registrations[0] if len(state.registrations) == 1 else None
    else:
        matched = next((r for r in state.registrations if device_id in r.matching_device_ids), None)
        own = state.registration_of(device_id)

    if device_id is None:
        agent = Check(titles[0], False, _tr("The line has no device to compare with."))
    elif matched is not None:
        agent = Check(titles[0], True, _tr("%1 matches %2.").replace("%1", matched.user_agent or "")
                      .replace("%2", device_label))
    else:
        listed = ", ".join(r.user_agent or _tr("(none)") for r in state.registrations)
        agent = Check(titles[0], False, _tr("Listed: %1; none of them matches %2.").replace("%1", listed)
                      .replace("%2", device_label))
    if own is None:
        missing = _tr("No registration can be attributed to %1.").replace("%1", device_label or state.number)
        return agent, Check(titles[1], False, missing), Check(titles[2], False, missing)
    address = Check(titles[1], bool(own.ip), own.ip and f"{own.ip}:{own.port}" or _tr("No IP address."))
    says = _tr("%1 contains %2.") if own.contains_number else _tr("%1 does not contain %2.")
    contact = Check(titles[2], own.contains_number, says.replace("%1", own.contact).replace("%2", state.number))
    return agent, address, contact


class Column:
    USER_AGENT, IP_ADDRESS, PORT, CONTACT, EXPIRES, REACHABLE, DEVICE = range(7)


class StateDialog(QDialog):
    """Non-blocking: call `.open()`. `refreshed` is emitted after every answer (or error) is shown.

    `device_id` preselects the device the checks judge (default: the line's first device). The
    constructor reads the line and its devices from the database and raises the services' NotFound
    (a LookupError) for a line the actor may not see."""

    refreshed = Signal()

    def __init__(self, session: ConsoleSession, line_id: int, device_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stateDialog")
        self.session = session
        self.line_id = line_id
        self.state: LineState | None = None
        self._reading = False
        line = session.ctx.lines.get(session.actor, line_id)
        self.devices: list[DeviceInfo] = session.ctx.devices.list(session.actor, line_id=line_id)
        self.setWindowTitle(self.tr("State of line %1").replace("%1", line.number))

        heading = QLabel(self.tr("Line %1 \u2013 %2").replace("%1", line.number).replace("%2", line.display_name), self)
        heading.setObjectName("stateHeading")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)

        self.device_combo = QComboBox(self)
        self.device_combo.setObjectName("stateDeviceCombo")
        self.device_combo.setToolTip(self.tr("The device of the line whose registration the checks below judge."))
        for device in self.devices:
            self.device_combo.addItem(self.tr("%1 (device %2)").replace("%1", device.type_label)
                                      .replace("%2", str(device.id)), device.id)
        if not self.devices:
            self.device_combo.addItem(self.tr("(the line has no device)"), None)
            self.device_combo.setEnabled(False)
        elif device_id is not None:
            index = self.device_combo.findData(device_id)
            self.device_combo.setCurrentIndex(max(index, 0))
        self.device_combo.currentIndexChanged.connect(self._show_state)
        device_row = QFormLayout()
        device_label = QLabel(self.tr("&Device:"), self)
        device_label.setBuddy(self.device_combo)
        device_row.addRow(device_label, self.device_combo)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("stateStatus")
        self.error_label = inline_error_label(self)
        self.error_label.setObjectName("stateError")

        self.no_registration_label = QLabel(self)
        self.no_registration_label.setObjectName("stateNoRegistration")
        self.no_registration_label.setWordWrap(True)
        self.no_registration_label.setFont(font)
        self.no_registration_label.setVisible(False)
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("registrationsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("User Agent"), self.tr("IP address"), self.tr("Port"), self.tr("Contact"),
            self.tr("Expires"), self.tr("Reachable"), self.tr("Device")])
        self.table.setToolTip(self.tr("The registrations of the line as the registrar reports them."))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrow keys move inside it
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.CONTACT, QHeaderView.ResizeMode.Stretch)
        registrations = QGroupBox(self.tr("Registrations"), self)
        registrations_layout = QVBoxLayout(registrations)
        registrations_layout.addWidget(self.no_registration_label)
        registrations_layout.addWidget(self.table)

        self.checks_box = QGroupBox(self.tr("Checks"), self)
        checks_layout = QVBoxLayout(self.checks_box)
        self.check_labels: list[QLabel] = []
        for number, title in enumerate(check_titles()):
            label = QLabel(title + self.tr(": not checked yet."), self.checks_box)
            label.setObjectName(f"stateCheck{number + 1}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            checks_layout.addWidget(label)
            self.check_labels.append(label)
        hint = QLabel(self.tr("If no registration is possible, see 'Support for Problems' in the manual."),
                      self.checks_box)
        hint.setWordWrap(True)
        checks_layout.addWidget(hint)

        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setObjectName("stateRefreshButton")
        self.refresh_button.setToolTip(self.tr("Ask the registrar again (F5)."))
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setToolTip(self.tr("Close this window (Esc)."))
        bar = QHBoxLayout()
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(device_row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addWidget(registrations, 1)
        layout.addWidget(self.checks_box)
        layout.addLayout(bar)
        self.setTabOrder(self.device_combo, self.table)
        self.setTabOrder(self.table, self.refresh_button)
        self.setTabOrder(self.refresh_button, self.close_button)
        self.resize(760, 460)
        self.refresh()

    # --- reading ------------------------------------------------------------------------------
    @property
    def reading(self) -> bool:
        return self._reading

    def selected_device_id(self) -> int | None:
        data = self.device_combo.currentData()
        return int(data) if data is not None else None

    @Slot()
    def refresh(self) -> None:
        """Ask the registrar in the task pool; the answer arrives in `_on_finished`."""
        if self._reading:
            return
        self._reading = True
        self.refresh_button.setEnabled(False)
        self.status_label.setText(self.tr("Asking the registrar for the registrations of this line \u2026"))
        sip, actor, line_id = self.session.sip, self.session.actor, self.line_id

        def read_state(_handle: TaskHandle) -> LineState:
            return sip.line_state(actor, line_id)

        # No progress dialog: the status line says what happens and the dialog stays usable. No parent
        # either: the run lives until its job ends even if this dialog is deleted before.
        run = self.session.run(read_state, self.tr("Registration state"), self.tr("Asking the registrar \u2026"),
                               None, show_dialog=False)
        run.finished.connect(self._on_finished)

    @Slot(object)
    def _on_finished(self, event: TaskFinished) -> None:
        self._reading = False
        self.refresh_button.setEnabled(True)
        when = utcnow().astimezone().strftime("%H:%M:%S")
        self.status_label.setText(self.tr("Read at %1.").replace("%1", when))
        if event.error or not isinstance(event.result, LineState):
            self.state = None
            show_inline(self.error_label, sentence(event.error or self.tr("the registration state could not be read.")))
            self._fill_table(())
            self._show_failed_checks(self.tr("The registrar could not be asked."))
        else:
            self.state = event.result
            self._show_state()
        self.refreshed.emit()

    # --- showing -------------------------------------------------------------------------------
    def _device_label(self, device_id: int | None) -> str:
        device = next((d for d in self.devices if d.id == device_id), None)
        return device.type_label if device is not None else ""

    @Slot()
    def _show_state(self) -> None:
        state = self.state
        if state is None:
            return
        show_inline(self.error_label, sentence(state.error) if state.error else "")
        self._fill_table(state.registrations)
        if not state.error and not state.registrations:
            self.no_registration_label.setText(
                self.tr("No registration: no device is registered on line %1.").replace("%1", state.number))
        self.no_registration_label.setVisible(not state.error and not state.registrations)
        device_id = self.selected_device_id()
        checks = manual_checks(state, device_id, self._device_label(device_id))
        for label, check in zip(self.check_labels, checks, strict=True):
            self._show_check(label, check)
        own = state.registration_of(device_id) if device_id is not None else None
        if own is not None:
            self.table.selectRow(state.registrations.index(own))

    def _show_failed_checks(self, detail: str) -> None:
        for label, title in zip(self.check_labels, check_titles(), strict=True):
            self._show_check(label, Check(title, False, detail))

    def _show_check(self, label: QLabel, check: Check) -> None:
        verdict = self.tr("passed") if check.passed else self.tr("failed")
        mark = PASSED_MARK if check.passed else FAILED_MARK
        label.setProperty("passed", check.passed)
        label.setText(f"{mark} {check.title}: {verdict}. {check.detail}")

    def _fill_table(self, registrations: tuple[Registration, ...]) -> None:
        self.table.setRowCount(len(registrations))
        for row, registration in enumerate(registrations):
            for column, text in enumerate(self._row_texts(registration)):
                item = QTableWidgetItem(text)
                if column == Column.DEVICE:
                    item.setToolTip(self.tr("Whether the User Agent matches the type of a device of this line."))
                elif column == Column.CONTACT:
                    item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(registrations))
        if registrations:
            self.table.setCurrentCell(0, 0)

    def _row_texts(self, registration: Registration) -> list[str]:
        expires = self.tr("%1 s").replace("%1", str(registration.expires)) if registration.expires is not None else ""
        if registration.reachable is None:
            reachable = self.tr("not checked")
        elif registration.reachable:
            reachable = self.tr("yes")
            if registration.rtt_ms is not None:
                reachable = self.tr("yes (%1 ms)").replace("%1", f"{registration.rtt_ms:.0f}")
        else:
            reachable = self.tr("no")
        if registration.matches_device:
            names = ", ".join(dict.fromkeys(self._device_label(i) for i in registration.matching_device_ids))
            device = f"{PASSED_MARK} " + self.tr("matches %1").replace("%1", names)
        else:
            device = f"{FAILED_MARK} " + self.tr("does not match")
        return [registration.user_agent or self.tr("(none)"), registration.ip, str(registration.port),
                registration.contact, expires, reachable, device]
