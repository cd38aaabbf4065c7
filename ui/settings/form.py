"""The editable settings (provisioning server, SIP, console) with one inline message per field.

Validation is the app's (`Settings.validated`): each field is checked alone against the saved settings,
so every wrong field gets its message at once, then all together for the rules that span fields.
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import validation as v
from app.context import link_base
from app.settings import Settings
from ui.messages import inline_error_label, sentence, show_inline

# ValidationError.field (as app/settings.py names them) -> Settings attribute
FIELD_OF_ERROR = {
    "bind address": "bind_address",
    "provisioning port": "port",
    "public host": "public_host",
    "minimum TLS version": "min_tls",
    "SIP bind address": "sip_bind_address",
    "monitor interval": "monitor_interval_s",
    "NOTIFY route": "notify_route",
    "registration source": "registration_source",
    "Kamailio JSON-RPC URL": "kamailio_rpc_url",
    "language": "language",
}
SERVER_FIELDS = ("bind_address", "port", "public_host", "tls", "min_tls")  # applied when the server restarts
TLS_VERSIONS = ("1.2", "1.3", "1.1", "1.0")
LANGUAGE_NAMES = (("en", "English"), ("de", "Deutsch"))  # names in their own language, never translated


class SettingsForm(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsForm")
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._server_box())
        layout.addWidget(self._sip_box())
        layout.addWidget(self._console_box())

    # -- building ------------------------------------------------------------------------------------------

    def _row(self, form: QFormLayout, label: str, name: str, widget: QWidget, tip: str) -> None:
        widget.setToolTip(tip)
        caption = QLabel(label, form.parentWidget())
        caption.setBuddy(widget)
        error = inline_error_label(form.parentWidget())
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        form.addRow(caption, box)
        self.widgets[name] = widget
        self.errors[name] = error

    def _server_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Provisioning server"), self)
        form = QFormLayout(box)
        self.bind_address_edit = QLineEdit(box)
        self._row(form, self.tr("&Bind address:"), "bind_address", self.bind_address_edit,
                  self.tr("The address the server listens on: 0.0.0.0 listens on every IPv4 address, :: on every "
                          "IPv6 one, 127.0.0.1 only on this computer."))
        self.port_edit = QLineEdit(box)
        self.port_edit.setMaxLength(5)
        self._row(form, self.tr("&Port:"), "port", self.port_edit,
                  self.tr("The TCP port of the server, 1 to 65535; the devices' links contain it (default 8448)."))
        self.public_host_edit = QLineEdit(box)
        self.public_host_edit.setPlaceholderText(self.tr("empty: this computer's name"))
        self._row(form, self.tr("Public &host:"), "public_host", self.public_host_edit,
                  self.tr("The host name or address the devices use in their link; it must reach this computer."))
        self.tls_box = QCheckBox(self.tr("Serve &over HTTPS (TLS)"), box)
        self._row(form, "", "tls", self.tls_box,
                  self.tr("HTTPS encrypts the configurations, which contain SIP and device passwords. Turn it off "
                          "only for devices that cannot use HTTPS."))
        self.plain_http_warning = inline_error_label(box)
        self.plain_http_warning.setText(self.tr(
            "Plain HTTP: configurations with SIP and device passwords travel unencrypted and can be read by anyone "
            "on the network path."))
        form.addRow(self.plain_http_warning)
        self.min_tls_combo = QComboBox(box)
        self.min_tls_combo.setEditable(True)
        self.min_tls_combo.addItems(TLS_VERSIONS)
        self._row(form, self.tr("Minimum &TLS version:"), "min_tls", self.min_tls_combo,
                  self.tr("The oldest TLS version the server accepts: 1.2 (default) or 1.3; 1.0 and 1.1 only for old "
                          "devices that need them."))
        self.url_preview = QLabel(box)
        self.url_preview.setObjectName("urlPreview")
        self.url_preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url_preview.setToolTip(self.tr("The link the devices load their configuration from, with these "
                                            "settings."))
        form.addRow(self.tr("Devices load from:"), self.url_preview)
        for edit in (self.bind_address_edit, self.port_edit, self.public_host_edit):
            edit.textChanged.connect(self._changed)
        self.min_tls_combo.currentTextChanged.connect(self._changed)
        self.tls_box.toggled.connect(self._changed)
        return box

    def _sip_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("SIP"), self)
        form = QFormLayout(box)
        self.monitor_interval_spin = QSpinBox(box)
        self.monitor_interval_spin.setRange(5, 3600)
        self.monitor_interval_spin.setSuffix(self.tr(" s"))
        self._row(form, self.tr("Registration &monitor interval:"), "monitor_interval_s", self.monitor_interval_spin,
                  self.tr("How often the registration monitor checks every device, 5 to 3600 seconds; the monitor "
                          "uses a new interval when it is started again."))
        self.notify_route_combo = QComboBox(box)
        self.notify_route_combo.addItem(self.tr("Directly to the device"), "direct")
        self.notify_route_combo.addItem(self.tr("Through the exchange"), "exchange")
        self._row(form, self.tr("&NOTIFY route:"), "notify_route", self.notify_route_combo,
                  self.tr("How [Synchronize] and [Restart ...] reach the device: directly to its registered "
                          "address, or through the exchange (Kamailio, needs its JSON-RPC URL)."))
        self.registration_source_combo = QComboBox(box)
        self.registration_source_combo.addItem(self.tr("REGISTER query to the registrar"), "register")
        self.registration_source_combo.addItem(self.tr("Kamailio JSON-RPC"), "kamailio-rpc")
        self._row(form, self.tr("Registration sour&ce:"), "registration_source", self.registration_source_combo,
                  self.tr("Where [State ...] reads the registrations: a REGISTER without Contact to the registrar, "
                          "or the exchange's Kamailio JSON-RPC interface."))
        self.kamailio_url_edit = QLineEdit(box)
        self.kamailio_url_edit.setPlaceholderText("http://127.0.0.1:5071/RPC")
        self._row(form, self.tr("&Kamailio RPC URL:"), "kamailio_rpc_url", self.kamailio_url_edit,
                  self.tr("The exchange's Kamailio JSON-RPC URL, e.g. http://127.0.0.1:5071/RPC; needed for the "
                          "Kamailio registration source and the NOTIFY route through the exchange."))
        self.sip_bind_edit = QLineEdit(box)
        self._row(form, self.tr("SIP bind add&ress:"), "sip_bind_address", self.sip_bind_edit,
                  self.tr("The local address SIP requests are sent from; 0.0.0.0 lets the system choose."))
        self.kamailio_url_edit.textChanged.connect(self._changed)
        self.sip_bind_edit.textChanged.connect(self._changed)
        self.monitor_interval_spin.valueChanged.connect(self._changed)
        self.notify_route_combo.currentIndexChanged.connect(self._changed)
        self.registration_source_combo.currentIndexChanged.connect(self._changed)
        return box

    def _console_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Console"), self)
        form = QFormLayout(box)
        self.language_combo = QComboBox(box)
        for code, name in LANGUAGE_NAMES:
            self.language_combo.addItem(name, code)
        self._row(form, self.tr("&Language:"), "language", self.language_combo,
                  self.tr("The language of this console's windows."))
        note = QLabel(self.tr("A new language takes effect after the console is restarted."), box)
        note.setWordWrap(True)
        form.addRow("", note)
        self.language_combo.currentIndexChanged.connect(self._changed)
        return box

    # -- values --------------------------------------------------------------------------------------------

    def load(self, settings: Settings) -> None:
        widgets = list(self.widgets.values())
        for widget in widgets:
            widget.blockSignals(True)
        self.bind_address_edit.setText(settings.bind_address)
        self.port_edit.setText(str(settings.port))
        self.public_host_edit.setText(settings.public_host)
        self.tls_box.setChecked(settings.tls)
        self.min_tls_combo.setCurrentText(settings.min_tls)
        self.monitor_interval_spin.setValue(settings.monitor_interval_s)
        _select(self.notify_route_combo, settings.notify_route)
        _select(self.registration_source_combo, settings.registration_source)
        self.kamailio_url_edit.setText(settings.kamailio_rpc_url)
        self.sip_bind_edit.setText(settings.sip_bind_address)
        if self.language_combo.findData(settings.language) < 0:  # a language set outside this console
            self.language_combo.addItem(settings.language, settings.language)
        _select(self.language_combo, settings.language)
        for widget in widgets:
            widget.blockSignals(False)
        self.show_errors({})
        self._update_dependent()

    def raw_values(self) -> dict[str, object]:
        """The fields as entered (the port as text: parsing it is part of validation)."""
        return {
            "bind_address": self.bind_address_edit.text().strip(),
            "port": self.port_edit.text().strip(),
            "public_host": self.public_host_edit.text().strip(),
            "tls": self.tls_box.isChecked(),
            "min_tls": self.min_tls_combo.currentText().strip(),
            "monitor_interval_s": self.monitor_interval_spin.value(),
            "notify_route": self.notify_route_combo.currentData(),
            "registration_source": self.registration_source_combo.currentData(),
            "kamailio_rpc_url": self.kamailio_url_edit.text().strip(),
            "sip_bind_address": self.sip_bind_edit.text().strip(),
            "language": self.language_combo.currentData(),
        }

    def validate(self, base: Settings) -> tuple[Settings | None, dict[str, str]]:
        """(the edited settings, {}) or (None, {field: sentence}); "" is the key of a message for no field."""
        values = self.raw_values()
        errors: dict[str, str] = {}
        try:
            values["port"] = v.port_number(str(values["port"]), "provisioning port")
        except v.ValidationError as exc:
            errors["port"] = sentence(exc)
            values["port"] = base.port
        for name, value in values.items():
            if name in errors:
                continue
            try:
                replace(base, **{name: value}).validated()
            except v.ValidationError as exc:
                # a rule spanning fields may fail here only because another field is still the saved one
                if FIELD_OF_ERROR.get(exc.field) == name:
                    errors[name] = sentence(exc)
        if errors:
            return None, errors
        try:
            return base.with_changes(**values), {}
        except v.ValidationError as exc:
            return None, {FIELD_OF_ERROR.get(exc.field, ""): sentence(exc)}

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, label in self.errors.items():
            show_inline(label, errors.get(name, ""))
        first = next((self.widgets[n] for n in self.widgets if n in errors), None)
        if first is not None:
            first.setFocus()

    def set_editable(self, editable: bool) -> None:
        for widget in self.widgets.values():
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(not editable)
            else:
                widget.setEnabled(editable)
        self._editable = editable
        self._update_dependent()

    # -- live updates --------------------------------------------------------------------------------------

    @Slot()
    def _changed(self) -> None:
        self._update_dependent()
        self.edited.emit()

    def _update_dependent(self) -> None:
        editable = getattr(self, "_editable", True)
        tls = self.tls_box.isChecked()
        self.plain_http_warning.setVisible(not tls)
        self.min_tls_combo.setEnabled(editable and tls)
        needs_rpc = (self.registration_source_combo.currentData() == "kamailio-rpc"
                     or self.notify_route_combo.currentData() == "exchange")
        self.kamailio_url_edit.setEnabled(needs_rpc)
        self.url_preview.setText(self.preview_url())

    def preview_url(self) -> str:
        # the rule of AppContext.base_url(), applied to the values being edited
        return link_base(self.public_host_edit.text().strip(), self.port_edit.text().strip(),
                         self.tls_box.isChecked()) + self.tr("<access key>.cfg")


def _select(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)
