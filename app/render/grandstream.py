"""Grandstream P-value XML (`<gs_provision>`), reference grandstream.md.

Grandstream devices take a *directory* as Config Server Path (P237) and append file names, so
the configuration sets P237 = "<host:port>/<access key>" and the same configuration is also
served as the follow-up files cfg.xml and cfg<mac>.xml below the access key (the device
requests /<access key>/cfg<mac>.xml first, then .../cfg.xml). The phonebook path P331 is the
same directory; the device fetches phonebook.xml there (file name unconfirmed).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from app.catalog import Catalog, DeviceType
from app.render import common
from app.render.inputs import LineData, PbxData, RenderedFile, RenderInput

CONTENT_TYPE = "application/xml"
_TRANSPORT = {"udp": "0", "tcp": "1", "tls": "2"}
PValues = list[tuple[str, str]]


def render(catalog: Catalog, device_type: DeviceType, inp: RenderInput) -> tuple[RenderedFile, ...]:
    links = common.links(inp)
    values: PValues = []
    comments: list[str] = []
    if device_type.kind == "desk":
        values += _desk_account(inp.device.line, inp.pbx)
        values += _keys(catalog, device_type, inp, comments)
    elif device_type.kind == "dect-base":
        values += _profile(inp.pbx)
        values += _dect_handsets(catalog, device_type, inp)
    elif device_type.kind == "gateway":
        values += _profile(inp.pbx)
        values += _gateway_ports(device_type, inp, comments)
    values += _globals(catalog, device_type, inp, links)
    body = _document(inp, values, comments)
    files = [RenderedFile("", CONTENT_TYPE, body), RenderedFile("cfg.xml", CONTENT_TYPE, body)]
    if inp.device.mac:
        files.append(RenderedFile(f"cfg{inp.device.mac.lower()}.xml", CONTENT_TYPE, body))
    files.append(RenderedFile(common.PHONEBOOK_FILE, "application/xml", phonebook(inp)))
    return tuple(files)


def _document(inp: RenderInput, values: PValues, comments: list[str]) -> bytes:
    root = ET.Element("gs_provision", {"version": "1"})
    if inp.device.mac:  # must match the device's MAC or be absent
        ET.SubElement(root, "mac").text = common.xml_text(inp.device.mac.lower())
    config = ET.SubElement(root, "config", {"version": "1"})
    for text in comments:
        config.append(ET.Comment(f" {common.xml_text(text).replace('--', '- -')} "))
    for name, value in values:
        ET.SubElement(config, name).text = common.xml_text(value)
    return common.xml_bytes(root)


def _server(pbx: PbxData) -> str:
    """P47: the SIP domain; the registrar port belongs to it only when the registrar is the domain host
    (otherwise the registrar host:port goes to the outbound proxy P48, see common.proxy)."""
    if pbx.registrar_host == pbx.sip_domain:
        return f"{pbx.sip_domain}:{pbx.registrar_port}"
    return pbx.sip_domain


def _desk_account(line: LineData, pbx: PbxData) -> PValues:
    values = [
        ("P271", "1"),
        ("P270", line.display_name or line.number),
        ("P47", _server(pbx)),
        ("P48", common.proxy(pbx) or ""),
        ("P35", line.sip_user),
        ("P36", line.auth_user),
        ("P34", line.password),
        ("P3", line.display_name),
        ("P32", str(common.REGISTER_EXPIRES_SECONDS // 60)),  # minutes
        ("P130", _TRANSPORT[common.check_transport(pbx)]),
        ("P1347", pbx.pickup_prefix),  # BLF call-pickup prefix
    ]
    if pbx.voicemail_number:
        values.append(("P33", pbx.voicemail_number))
    return values


def _profile(pbx: PbxData) -> PValues:
    """SIP server profile 1 of DECT bases and gateways (account-1 P-values)."""
    return [
        ("P271", "1"),
        ("P47", _server(pbx)),
        ("P48", common.proxy(pbx) or ""),
        ("P130", _TRANSPORT[common.check_transport(pbx)]),
        ("P32", str(common.REGISTER_EXPIRES_SECONDS // 60)),
    ]


def _line_values(n: int, line: LineData) -> PValues:
    """Per-account/per-port values of DP750 and HT81x; n = account or port - 1."""
    return [
        (f"P{4060 + n}", line.sip_user),
        (f"P{4090 + n}", line.auth_user),
        (f"P{4120 + n}", line.password),
        (f"P{4180 + n}", line.display_name),
    ]


def _dect_handsets(catalog: Catalog, device_type: DeviceType, inp: RenderInput) -> PValues:
    values: PValues = []
    for handset in common.handsets(catalog, device_type, inp):
        n = handset.slot - 1  # account number = handset slot
        values += _line_values(n, handset.line)
        values += [
            (
                f"P{4150 + n}",
                "0",
            ),  # account uses SIP profile 1 (template also lists P4153+ elsewhere: unconfirmed)
            (f"P{27080 + n}", str(handset.slot)),  # hunting group: rings only on its handset
            (f"P{27020 + n}", handset.line.display_name or handset.line.number),  # handset name
            (f"P{4300 + 10 * n}", str(handset.slot)),  # the handset's line 1 = its account
        ]
    return values


def _gateway_ports(device_type: DeviceType, inp: RenderInput, comments: list[str]) -> PValues:
    """HT81x (FusionPBX HT814 template, Grandstream's comments, firmware 1.0.63.3): every FXS port has its
    account values, a profile id (P4150+n, 0 = profile 1) and an enable flag (P4595+n); fax mode and
    re-INVITE on fax tone belong to the SIP profile, not to the port. All ports use profile 1."""
    modes = _native_list(device_type, "fax_mode_settings")  # index = profile - 1
    reinvites = _native_list(device_type, "fax_reinvite_settings")
    assigned = {p.port: p for p in common.ports(device_type, inp)}
    values: PValues = []
    for number in range(1, device_type.ports + 1):
        n, port = number - 1, assigned.get(number)
        if port is None:  # a cleared port: empty account, port off, so the old account does not stay
            values += [(f"P{4060 + n}", ""), (f"P{4090 + n}", ""), (f"P{4120 + n}", ""), (f"P{4180 + n}", "")]
        else:
            values += _line_values(n, port.line)
        values += [(f"P{4150 + n}", "0"), (f"P{4595 + n}", "1" if port is not None else "0")]
    fax = device_type.fax and any(p.fax for p in assigned.values())
    if modes:
        values.append((modes[0], "0" if fax else "1"))  # 0 = T.38 (auto detect), 1 = pass-through
    if reinvites:
        values.append((reinvites[0], "1" if fax else "0"))  # re-INVITE to T.38 on fax tone
    if fax and not all(p.fax for p in assigned.values()):
        comments.append("Fax (T.38) is a setting of SIP profile 1, which all ports use: every port has T.38.")
    return values


def _native_list(device_type: DeviceType, name: str) -> list[str]:
    value = device_type.native_value(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.startswith("P") for v in value):
        raise common.RenderError(f"{device_type.source}: [native] {name} must be a list of P-value names")
    return value


def _globals(catalog: Catalog, device_type: DeviceType, inp: RenderInput, links: common.Links) -> PValues:
    pbx, device = inp.pbx, inp.device
    family = catalog.family(device_type.renderer)
    values: PValues = []
    if device_type.has_admin_password:
        values.append(("P2", device.admin_password))
    if device_type.has_user_password:  # the user login name is fixed ("user") on Grandstream
        values.append(("P196", device.user_password))
    values += [
        ("P30", pbx.ntp_server),
        ("P64", common.posix_rule(pbx.time_zone)),
        ("P1362", family.language(pbx.language)),
        ("P212", "2" if links.https else "1"),  # config upgrade via HTTPS / HTTP
        ("P237", links.server_path),
        ("P194", "1"),  # check the configuration every P193 minutes
        ("P193", str(common.RECHECK_MINUTES)),
        ("P145", "0"),  # DHCP options must not override our server path
        ("P4428", "0"),  # SIP NOTIFY authentication stays on
        ("P330", "3" if links.https else "1"),  # phonebook XML download via HTTPS / HTTP
        ("P331", links.server_path),
        ("P332", "720"),  # phonebook refresh, minutes (maximum)
    ]
    return values


def _keys(catalog: Catalog, device_type: DeviceType, inp: RenderInput, comments: list[str]) -> PValues:
    values: PValues = []
    skipped_modules: set[int] = set()
    for spot in common.assignments(catalog, device_type, inp):
        if spot.data is None and not spot.released:  # the phone keeps its own key (manual)
            continue
        numbers = _key_pvalues(spot.bank, spot.native_index)
        if numbers is None:
            skipped_modules.add(spot.module)
            continue
        if spot.data is None:  # released by the console: back to "none"
            mode, account, label, value = "-1", "0", "", ""
        else:
            mode, account, label, value = spot.fields["mode"], "0", spot.data.label, spot.fields.get("value", "")
        values += [
            (f"P{numbers[0]}", mode),
            (f"P{numbers[1]}", account),
            (f"P{numbers[2]}", label),
            (f"P{numbers[3]}", value),
        ]
    for module in sorted(skipped_modules):
        comments.append(
            f"Expansion module {module}: key assignments not written; the module's P-values are "
            "unconfirmed (reference grandstream.md section 5)."
        )
    return values


def _key_pvalues(bank: str, k: int) -> tuple[int, int, int, int] | None:
    """P-values (mode, account, label, value) of key k of a bank; None when unknown."""
    if bank == "vpk":  # GRP26xx template logic (FusionPBX); assumed equal on GXP21xx
        if k <= 6:
            return 1363 + 2 * (k - 1), 1364 + 2 * (k - 1), 1465 + 2 * (k - 1), 1466 + 2 * (k - 1)
        base = 23800 + 4 * (k - 7)
        return base, base + 1, base + 2, base + 3
    if bank == "mpk":  # GRP MPK (Wazo)
        base = 23000 + 5 * (k - 1)
        return base, base + 1, base + 2, base + 3
    if bank == "ext":  # GXP2200EXT on GXP2140/2170: keys numbered 1..160 across modules (catalog native_first)
        # FusionPBX gxp2170 template for firmware 1.0.7.97 ("MPKs ... for the GXP2200EXT"): P23000 + 5(k-1)
        base = 23000 + 5 * (k - 1)
        return base, base + 1, base + 2, base + 3
    return None


def phonebook(inp: RenderInput) -> bytes:
    root = ET.Element("AddressBook")
    for number, (name, phone) in enumerate(inp.phonebook):
        contact = ET.SubElement(root, "Contact")
        ET.SubElement(contact, "id").text = str(number)
        ET.SubElement(contact, "FirstName").text = common.xml_text(name)
        entry = ET.SubElement(contact, "Phone", {"type": "Work"})
        ET.SubElement(entry, "phonenumber").text = common.xml_text(phone)
        ET.SubElement(entry, "accountindex").text = "0"
    return common.xml_bytes(root)
