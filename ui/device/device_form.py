"""The "Device" tab of the Device dialog: the manual's device parameters (passwords, user name, MAC,
MAC Provisioning, Base Unit), the device's status (Last Access, sync state, reachability) and the
buttons of the manual's procedures. The dialog wires the buttons; this widget only edits and shows.

Parameters are edited locally; [Save] stores them all at once through `DeviceService.update`, which
validates everything before writing, so an error leaves the stored device untouched.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import validation as v
from app.catalog import DeviceType
from app.context import AppContext
from app.services.devices import DeviceInput
from app.services.dto import Actor, DeviceInfo
from ui.itemmodels.phones_tree_model import local_time_text
from ui.messages import SERVICE_ERRORS, inline_error_label, sentence, show_inline

# the input fields, in the order of the manual's "Parameter Configuration"
FIELDS = ("admin_password", "user_name", "user_password", "mac", "mac_provisioning", "base_unit")
# ValidationError.field as the services and app.validation write it (lower case) -> our field
_SERVICE_FIELDS = {
    "password for 'admin'": "admin_password",
    "user name": "user_name",
    "password for 'user'": "user_password",
    "mac": "mac",
    "mac provisioning": "mac_provisioning",
    "base unit": "base_unit",
}
# kinds whose own MAC address the console does not use: apps and browsers have none, a DECT
# handset gets its configuration from its base station
_NO_MAC_KINDS = ("app", "webrtc", "dect-handset")


def field_of(error: v.ValidationError) -> str | None:
    """Our input field for a service's ValidationError, None if it belongs to no single field."""
    return _SERVICE_FIELDS.get(error.field.strip().lower())


def mac_text(mac: str | None) -> str:
    """As on the type label and in the manual's example: 00041345C9BF."""
    return (mac or "").upper()


@dataclass(frozen=True)
class _Snapshot:
    """What the inputs held when the device was loaded: unsaved changes are differences to it."""

    admin_password: str
    user_name: str
    user_password: str
    mac: str
    mac_provisioning: str
    base_unit: int | None


class DeviceForm(QWidget):
    unsaved_changed = Signal(bool)

    def __init__(self, ctx: AppContext, actor: Actor, device: DeviceInfo, device_type: DeviceType,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deviceForm")
        self.ctx, self.actor, self.device_type = ctx, actor, device_type
        self.device = device
        self.pbx_id = ctx.lines.get(actor, device.line_id).pbx_id
        self._loaded: _Snapshot | None = None
        self.reachable: bool | None = None  # the SIP monitor's verdict, set by the dialog
        self._was_unsaved = False
        self._loading = False  # load() fills the inputs: no "unsaved" flicker while it does
        self.errors: dict[str, QLabel] = {}
        self._build()
        self.load(device)

    # --- what applies to this type -----------------------------------------------------------
    @property
    def kind(self) -> str:
        return self.device_type.kind

    def applies(self, name: str) -> bool:
        """Whether the parameter exists for this device type (the manual: "if present, configure them")."""
        t = self.device_type
        return {
            "admin_password": t.has_admin_password,
            "user_name": t.has_user_password,
            "user_password": t.has_user_password,
            "mac": t.kind not in _NO_MAC_KINDS,
            "mac_provisioning": bool(t.redirection) and t.kind not in _NO_MAC_KINDS,
            "base_unit": t.kind == "dect-handset",
        }[name]

    # --- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        box = QVBoxLayout(self)
        box.addWidget(self._build_parameters())
        box.addLayout(self._build_save_row())
        box.addWidget(self._build_status())
        box.addLayout(self._build_actions())
        self.message_label = QLabel(self)
        self.message_label.setObjectName("deviceMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.message_label)
        self.error_label = inline_error_label(self)
        box.addWidget(self.error_label)
        box.addStretch(1)

    def _build_parameters(self) -> QGroupBox:
        group = QGroupBox(self.tr("Parameters"), self)
        self.parameters_layout = QFormLayout(group)
        generated = self.tr(
            "If no password is entered, a random 40-digit password is generated automatically. "
            "This automatic password is never disclosed."
        )
        self.admin_password_edit, admin_row = self._password_input(
            self.tr("Defines the password for the configuration access of the administrator to the "
                    "VoIP device: 4 to 9 digits, no characters.") + "\n" + generated)
        self.user_name_edit = QLineEdit(self)
        self.user_name_edit.setToolTip(self.tr(
            "Defines the user name for the user's configuration access to the VoIP device. Any string."))
        self.user_password_edit, user_row = self._password_input(
            self.tr("Defines the password for the configuration access of the user to the VoIP device: "
                    "4 to 9 digits, no characters.") + "\n" + generated)
        self.mac_edit = QLineEdit(self)
        self.mac_edit.setPlaceholderText(self.tr("e.g. 00041345C9BF"))
        self.mac_edit.setToolTip(self.tr(
            "Defines the MAC address of the VoIP device. The MAC address can usually be read on the type "
            "label of the device: 12 hex digits, e.g. 00041345C9BF (00:04:13:45:C9:BF is accepted too)."))
        self.mac_provisioning_combo = QComboBox(self)
        for state, label in (("no", self.tr("no")), ("once", self.tr("once")), ("done", self.tr("done"))):
            self.mac_provisioning_combo.addItem(label, state)
        redirection = self.device_type.redirection or ""
        self.mac_provisioning_combo.setToolTip(self.tr(
            "Defines whether the VoIP device is configured via the manufacturer's redirection service "
            "(%1).\nno: the configuration via the redirection service is switched off.\n"
            "once: the configuration is allowed once; to repeat it, set it to \"once\" again.\n"
            "done: the configuration has taken place via the redirection service (set by the console)."
        ).replace("%1", redirection))
        self.base_unit_combo = QComboBox(self)
        self.base_unit_combo.setToolTip(self.tr(
            "Defines the DECT base station to which the DECT handset must connect. Only base stations "
            "of this vPBX that fit this handset type are listed."))

        rows = (
            ("admin_password", self.tr("Password for 'adm&in':"), admin_row, self.admin_password_edit),
            ("user_name", self.tr("User &Name:"), self.user_name_edit, self.user_name_edit),
            ("user_password", self.tr("Password for '&user':"), user_row, self.user_password_edit),
            ("mac", self.tr("MA&C:"), self.mac_edit, self.mac_edit),
            ("mac_provisioning", self.tr("MAC &Provisioning:"), self.mac_provisioning_combo,
             self.mac_provisioning_combo),
            ("base_unit", self.tr("&Base Unit:"), self.base_unit_combo, self.base_unit_combo),
        )
        self.field_inputs: dict[str, QWidget] = {}
        for name, caption, widget, focus in rows:
            label = QLabel(caption, group)
            label.setBuddy(focus)
            error = inline_error_label(group)
            error.setObjectName(f"{name}Error")
            self.errors[name] = error
            cell = QWidget(group)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(error)
            self.parameters_layout.addRow(label, cell)
            self.parameters_layout.setRowVisible(cell, self.applies(name))
            self.field_inputs[name] = focus
        self.no_parameters_label = QLabel(self._no_parameters_text(), group)
        self.no_parameters_label.setWordWrap(True)
        self.parameters_layout.addRow(self.no_parameters_label)
        self.parameters_layout.setRowVisible(self.no_parameters_label, not any(self.applies(n) for n in FIELDS))

        for edit in (self.admin_password_edit, self.user_name_edit, self.user_password_edit, self.mac_edit):
            edit.textChanged.connect(self._inputs_changed)
        self.mac_edit.editingFinished.connect(lambda: self._check_now("mac"))
        self.admin_password_edit.editingFinished.connect(lambda: self._check_now("admin_password"))
        self.user_password_edit.editingFinished.connect(lambda: self._check_now("user_password"))
        for combo in (self.mac_provisioning_combo, self.base_unit_combo):
            combo.currentIndexChanged.connect(self._inputs_changed)  # mouse, keys and wheel alike
        return group

    def _no_parameters_text(self) -> str:
        if self.kind == "app":
            return self.tr("The smartphone app has no parameters here: click [New] to show a QR code "
                           "that the app scans to load its configuration.")
        if self.kind == "webrtc":
            return self.tr("The browser phone has no parameters here: it logs in with the user name and "
                           "password of the AdminCenter account on the exchange's web phone page.")
        return self.tr("This device type has no parameters to configure here.")

    def _password_input(self, tooltip: str) -> tuple[QLineEdit, QWidget]:
        """A password field with a [Show] toggle; a generated password is never put into it."""
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        edit = QLineEdit(row)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setToolTip(tooltip)
        show = QToolButton(row)
        show.setText(self.tr("Show"))
        show.setCheckable(True)
        show.setToolTip(self.tr("Show or hide the digits you typed (a generated password is never shown)."))
        show.toggled.connect(lambda on: edit.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
        layout.addWidget(edit, 1)
        layout.addWidget(show)
        return edit, row

    def _build_save_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.state_label = QLabel(self)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setObjectName("deviceSaveButton")
        self.save_button.setToolTip(self.tr(
            "Store the parameters on the telephone exchange (Ctrl+S). Nothing is stored if one of them "
            "is wrong."))
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.state_label, 1)
        row.addWidget(self.save_button)
        return row

    def _build_status(self) -> QGroupBox:
        group = QGroupBox(self.tr("Status"), self)
        layout = QFormLayout(group)
        self.last_access_label = QLabel(group)
        self.last_access_label.setObjectName("lastAccess")
        self.last_access_label.setWordWrap(True)
        self.last_access_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.last_access_label.setToolTip(self.tr(
            "Date, time, IP address and User-Agent of the device's last download of its configuration."))
        self.refresh_button = QPushButton(self.tr("Re&fresh"), group)
        self.refresh_button.setToolTip(self.tr(
            "Read Last Access and the sync state again, e.g. to check whether the configuration was loaded."))
        access_row = QHBoxLayout()
        access_row.addWidget(self.last_access_label, 1)
        access_row.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addRow(self.tr("Last Access:"), access_row)
        self.sync_label = QLabel(group)
        self.sync_label.setObjectName("syncState")
        self.sync_label.setWordWrap(True)
        self.sync_label.setToolTip(self.tr(
            "Whether the device has loaded the configuration revision the exchange holds now."))
        layout.addRow(self.tr("Configuration:"), self.sync_label)
        self.reachable_label = QLabel(group)
        self.reachable_label.setObjectName("reachability")
        self.reachable_label.setToolTip(self.tr("The SIP monitor's last check of the device's registration."))
        layout.addRow(self.tr("Reachability:"), self.reachable_label)
        return group

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.sync_button = QPushButton(self.tr("S&ynchronize"), self)
        self.sync_button.setToolTip(self.tr(
            "Tell the device to download its saved configuration now, and wait until it has."))
        self.restart_button = QPushButton(self.tr("&Restart ..."), self)
        self.restart_button.setToolTip(self.tr("Restart the device (asks first)."))
        self.new_key_button = QPushButton(self.tr("New &Access Key ..."), self)
        self.new_key_button.setToolTip(self.tr(
            "Replace the access key after misuse or loss of configuration data (asks first; the current "
            "link stops working at once)."))
        self.manual_button = QPushButton(self.tr("&Manual configure ..."), self)
        self.manual_button.setToolTip(self.tr(
            "Show the link with the access key and the exact steps to enter it on the device."))
        self.state_button = QPushButton(self.tr("S&tate ..."), self)
        self.state_button.setToolTip(self.tr("Show the registrations of this telephone line."))
        self.new_qr_button = QPushButton(self.tr("&New"), self)
        self.new_qr_button.setToolTip(self.tr(
            "Create a new access key and show it as a QR code for the smartphone app to scan."))
        self.webrtc_button = QPushButton(self.tr("&Web phone ..."), self)
        self.webrtc_button.setToolTip(self.tr("How to start the browser phone and the page to open."))
        t = self.device_type
        shown = {
            self.new_qr_button: self.kind == "app",
            self.webrtc_button: self.kind == "webrtc",
            self.sync_button: t.notify_resync is not None,
            self.restart_button: t.restart_supported,
            # for the app, [New] makes the new key and shows it as a QR code at once
            # a DECT handset never loads a link: it gets its configuration through its base unit
            self.new_key_button: self.kind not in ("app", "dect-handset"),
            self.manual_button: bool(t.manual_steps) and self.kind != "dect-handset",
            self.state_button: True,
        }
        for button in (self.new_qr_button, self.webrtc_button, self.sync_button, self.restart_button,
                       self.new_key_button, self.manual_button, self.state_button):
            button.setVisible(shown[button])
            row.addWidget(button)
        row.addStretch(1)
        return row

    # --- loading -------------------------------------------------------------------------------
    def load(self, device: DeviceInfo) -> None:
        """Show the stored parameters and status; unsaved input is replaced."""
        self.device = device
        self._loading = True
        try:
            self._fill_inputs(device)
        finally:
            self._loading = False
        self._loaded = self._snapshot()
        self.clear_errors(fields_only=True)  # a procedure's message below the form stays
        self.show_status(device, self.reachable)
        self._inputs_changed()

    def _fill_inputs(self, device: DeviceInfo) -> None:
        for edit, stored, generated in (
            (self.admin_password_edit, device.admin_password, device.admin_password_generated),
            (self.user_password_edit, device.user_password, device.user_password_generated),
        ):
            # a generated password is never handed out by the service, and never shown here
            edit.setText("" if generated else (stored or ""))
            edit.setPlaceholderText(self.tr("(generated, never shown)") if generated
                                    else self.tr("empty: a random password is generated"))
        self.user_name_edit.setText(device.user_name)
        self.mac_edit.setText(mac_text(device.mac))
        self._fill_mac_provisioning(device.mac_provisioning)
        self._fill_base_units(device.base_unit_id)

    def _fill_mac_provisioning(self, state: str) -> None:
        combo = self.mac_provisioning_combo
        combo.setCurrentIndex(max(0, combo.findData(state)))
        # "done" is the console's note that provisioning took place: shown, never chosen
        done_item = combo.model().item(combo.findData("done"))  # type: ignore[attr-defined]
        done_item.setEnabled(state == "done")

    def _fill_base_units(self, current: int | None) -> None:
        combo = self.base_unit_combo
        combo.clear()
        combo.addItem(self.tr("(none)"), None)
        if not self.applies("base_unit"):
            return
        try:
            bases = self.ctx.devices.compatible_bases(self.actor, self.device_type.id, self.pbx_id)
        except SERVICE_ERRORS as exc:
            show_inline(self.errors["base_unit"], sentence(exc))
            bases = []
        for base in bases:
            text = self.tr("%1 on line %2 (#%3)").replace("%1", base.type_label) \
                .replace("%2", base.line_number).replace("%3", str(base.id))
            combo.addItem(text, base.id)
        if current is not None and combo.findData(current) < 0:
            combo.addItem(self.tr("device #%1").replace("%1", str(current)), current)
        combo.setCurrentIndex(max(0, combo.findData(current)))

    def show_status(self, device: DeviceInfo, reachable: bool | None = None) -> None:
        """Last Access, sync state and reachability; the inputs are left alone."""
        self.device = device
        if device.last_access_at is None:
            self.last_access_label.setText(self.tr("never: the device has not loaded its configuration yet"))
        else:
            text = self.tr("%1 from %2").replace("%1", local_time_text(device.last_access_at)) \
                .replace("%2", device.last_access_ip or "?")
            if device.last_access_user_agent:
                text += "\n" + self.tr("User-Agent: %1").replace("%1", device.last_access_user_agent)
            self.last_access_label.setText(text)
        self.sync_label.setText(self._sync_text(device))
        self.show_reachable(reachable)

    def _sync_text(self, device: DeviceInfo) -> str:
        revision = str(device.config_revision)
        if device.served_revision is None:
            return self.tr("not loaded yet: the device has not fetched revision %1 with its current "
                           "access key").replace("%1", revision)
        served = str(device.served_revision)
        if device.synchronized and not device.needs_sync:
            when = local_time_text(device.synchronized_at) if device.synchronized_at else self.tr("an unknown time")
            return self.tr("synchronized at %1 (revision %2)").replace("%1", when).replace("%2", served)
        return self.tr("needs sync: the device has revision %1, the exchange holds revision %2; "
                       "click [Synchronize]").replace("%1", served).replace("%2", revision)

    def show_reachable(self, reachable: bool | None) -> None:
        self.reachable = reachable
        if reachable is None:
            text = self.tr("unknown: the SIP monitor has not checked this device yet")
        elif reachable:
            text = self.tr("reachable")
        else:
            text = self.tr("unreachable: the device did not answer the SIP monitor")
        self.reachable_label.setText(text)

    # --- editing -------------------------------------------------------------------------------
    def _snapshot(self) -> _Snapshot:
        return _Snapshot(self.admin_password_edit.text(), self.user_name_edit.text(),
                         self.user_password_edit.text(), self.mac_edit.text(),
                         self.mac_provisioning_combo.currentData() or "no", self.base_unit_combo.currentData())

    def has_unsaved_changes(self) -> bool:
        return self._loaded is not None and self._snapshot() != self._loaded

    def _inputs_changed(self, *_args: object) -> None:
        if self._loading:
            return
        unsaved = self.has_unsaved_changes()
        self.save_button.setEnabled(unsaved)
        if unsaved != self._was_unsaved:
            # only on a change, so that "Saved." stays until the next edit
            self.state_label.setText(self.tr("● Unsaved changes") if unsaved else "")
            self._was_unsaved = unsaved
            self.unsaved_changed.emit(unsaved)

    def clear_errors(self, *, fields_only: bool = False) -> None:
        for label in self.errors.values():
            show_inline(label, "")
        if not fields_only:
            show_inline(self.error_label, "")

    def show_error(self, field: str | None, text: str) -> None:
        """A message next to its field (focused), or below the form if it belongs to no field."""
        if field in self.errors and self.applies(field):
            show_inline(self.errors[field], text)
            self.field_inputs[field].setFocus()
        else:
            show_inline(self.error_label, text)

    def _check_now(self, field: str) -> None:
        """On leaving a field: its message at once, by the same rules as [Save]."""
        if self.applies(field):
            show_inline(self.errors[field], self.problems().get(field, ""))

    def problems(self) -> dict[str, str]:
        """Input errors found before asking the service (same rules: app.validation), by field."""
        found: dict[str, str] = {}
        checks = (
            ("admin_password", lambda: v.device_password(self.admin_password_edit.text(), "Password for 'admin'")),
            ("user_name", lambda: v.device_user_name(self.user_name_edit.text())),
            ("user_password", lambda: v.device_password(self.user_password_edit.text(), "Password for 'user'")),
            ("mac", lambda: v.normalize_mac(self.mac_edit.text())),
        )
        for name, check in checks:
            if not self.applies(name):
                continue
            try:
                check()
            except v.ValidationError as exc:
                found[name] = sentence(exc.message)
        return found

    def pending_input(self) -> DeviceInput:
        """The changed parameters only (None: unchanged), as DeviceService.update expects them."""
        loaded, now = self._loaded, self._snapshot()
        assert loaded is not None
        values: dict[str, object] = {}
        for kind in ("admin", "user"):
            name = f"{kind}_password"
            if not self.applies(name):
                continue
            text = getattr(now, name)
            # unchanged text keeps the stored password; "" where one was typed before: generate one
            if text != getattr(loaded, name):
                values[name] = text
        if self.applies("user_name") and now.user_name.strip() != loaded.user_name.strip():
            values["user_name"] = now.user_name
        # a MAC typed with separators is the stored one: no change
        if self.applies("mac") and v.normalize_mac(now.mac) != v.normalize_mac(loaded.mac):
            values["mac"] = now.mac
        if self.applies("mac_provisioning") and now.mac_provisioning != loaded.mac_provisioning:
            values["mac_provisioning"] = now.mac_provisioning
        if self.applies("base_unit") and now.base_unit != loaded.base_unit:
            if now.base_unit is None:
                values["clear_base_unit"] = True
            else:
                values["base_unit_id"] = now.base_unit
        return DeviceInput(**values)  # type: ignore[arg-type]

    def save(self) -> bool:
        """[Save]: all parameters or none. Errors appear next to their fields."""
        self.clear_errors()
        problems = self.problems()
        if problems:
            for name in reversed(FIELDS):  # the first wrong field ends up with the focus
                if name in problems:
                    self.show_error(name, problems[name])
            return False
        data = self.pending_input()
        if data == DeviceInput():
            self.load(self.device)  # e.g. only separators of the MAC changed: show it as stored
            return True
        try:
            stored = self.ctx.devices.update(self.actor, self.device.id, data)
        except v.ValidationError as exc:
            field = field_of(exc)
            if field is not None and self.applies(field):
                self.show_error(field, sentence(exc.message))  # the field says which one
            else:
                self.show_error(None, sentence(exc))
            return False
        except SERVICE_ERRORS as exc:
            self.show_error(None, sentence(exc))
            return False
        self.load(stored)
        self.state_label.setText(self.tr("Saved. Click [Synchronize] to send it to the device."))
        return True

    # --- messages of the procedures (synchronize, restart, new key) ---------------------------------
    def show_message(self, text: str, *, error: bool = False) -> None:
        if error:
            self.message_label.setText("")
            show_inline(self.error_label, text)
        else:
            show_inline(self.error_label, "")
            self.message_label.setText(text)
