"""The vPBX's exchange access data, NTP/time zone/language and TopStop limit as one form; used by the
first start, the Exchange page and the New vPBX dialog. Validation is the service's (PbxInput)."""
from __future__ import annotations

import zoneinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from app import validation as v
from app.services.dto import PbxInfo
from app.services.pbx import PbxInput
from ui.pbx.form import ValidatedForm


class PbxForm(ValidatedForm):
    changed = Signal()  # any field edited by the user
    submitted = Signal()  # Enter in a text field (pages connect it; a dialog has its default button)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QLineEdit] = {}
        self.transport_combo = QComboBox(self)
        self.transport_combo.addItems(list(v.TRANSPORTS))
        self.language_combo = QComboBox(self)
        self.language_combo.addItems(list(v.LANGUAGES))
        zones = QCompleter(sorted(zoneinfo.available_timezones() | {"UTC"}), self)
        zones.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        zones.setFilterMode(Qt.MatchFlag.MatchContains)

        def edit(key: str, label: str, tooltip: str, *service_fields: str, placeholder: str = "") -> QLineEdit:
            line = QLineEdit(self)
            line.setPlaceholderText(placeholder)
            line.textEdited.connect(self.changed)
            line.returnPressed.connect(self.submitted)
            self.fields[key] = line
            self.add_row(key, label, line, tooltip, *service_fields)
            return line

        edit("name", self.tr("&Name:"), self.tr("The vPBX's name in this console; unique."), "vPBX name")
        edit("sip_domain", self.tr("SIP &domain:"),
             self.tr("The domain of the SIP addresses (user@domain) the devices register with."), "SIP domain",
             placeholder="sip.example.net")
        edit("registrar_host", self.tr("&Registrar host:"),
             self.tr("Host name or IP address of the exchange's registrar."), "registrar host",
             placeholder="sip.example.net")
        edit("registrar_port", self.tr("Registrar p&ort:"),
             self.tr("The registrar's port, 1 to 65535; usually 5060 (UDP/TCP) or 5061 (TLS)."), "registrar port")
        self.add_row("transport", self.tr("&Transport:"), self.transport_combo,
                     self.tr("How the devices talk SIP to the exchange: UDP, TCP or TLS."), "transport")
        edit("outbound_proxy", self.tr("Outbound prox&y:"),
             self.tr("host or host:port of an outbound proxy; leave empty when there is none."), "outbound proxy")
        edit("wss_url", self.tr("&WebSocket URL (WebRTC):"),
             self.tr("SIP over WebSocket for browser phones, e.g. wss://pbx.example.net:8089/ws; may be empty."),
             "WebSocket URL", placeholder="wss://pbx.example.net:8089/ws")
        edit("webrtc_login_url", self.tr("WebRTC &login page:"),
             self.tr("Where users open the web phone (the manual's \"Web-Telephone\"), e.g. "
                     "https://pbx.example.net:8449/webphone.jsp; empty: port 8449 of the WebSocket host."),
             "WebRTC login URL", placeholder="https://pbx.example.net:8449/webphone.jsp")
        edit("pickup_prefix", self.tr("Call pic&kup prefix:"),
             self.tr("What the exchange expects before a number to pick up its call (BLF and team keys)."),
             "pickup prefix")
        edit("voicemail_number", self.tr("Voice&mail number:"),
             self.tr("What the voicemail key dials; empty: each device's own setting."), "voicemail number")
        edit("ntp_server", self.tr("NTP server:"),
             self.tr("The time server the devices set their clock from."), "NTP server")
        zone = edit("time_zone", self.tr("Time &zone:"),
                    self.tr("An IANA time zone, e.g. Europe/Berlin; type part of it to choose."), "time zone")
        zone.setCompleter(zones)
        self.add_row("language", self.tr("Lan&guage:"), self.language_combo,
                     self.tr("The language of the devices' menus."), "language")
        edit("topstop_limit", self.tr("TopStop l&imit:"),
             self.tr("A charge limit for the whole vPBX against damage from misuse, e.g. 100 or 49.90; "
                     "empty: none."), "vPBX TopStop", placeholder=self.tr("none"))
        # every field of the vPBX by its PbxInfo name: the text fields and the two choices
        self.widgets: dict[str, QWidget] = {**self.fields, "transport": self.transport_combo,
                                            "language": self.language_combo}
        self.transport_combo.activated.connect(self.changed)
        self.language_combo.activated.connect(self.changed)
        self.load(None)

    def load(self, pbx: PbxInfo | None) -> None:
        """Show a vPBX; None shows the defaults of a new one."""
        self.clear_errors()
        defaults = PbxInput(name="", sip_domain="", registrar_host="")
        source: PbxInfo | PbxInput = pbx if pbx is not None else defaults
        for key, line in self.fields.items():
            value = getattr(source, key)
            line.setText("" if value is None else str(value))
        self.transport_combo.setCurrentText(source.transport)
        self.language_combo.setCurrentText(source.language)

    def input(self) -> PbxInput:
        text = {key: line.text() for key, line in self.fields.items()}
        return PbxInput(transport=self.transport_combo.currentText(), language=self.language_combo.currentText(),
                        **text)

    def set_editable(self, editable: bool) -> None:
        for line in self.fields.values():
            line.setReadOnly(not editable)
        self.transport_combo.setEnabled(editable)
        self.language_combo.setEnabled(editable)
