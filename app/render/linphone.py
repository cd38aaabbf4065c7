"""Linphone remote provisioning: lpconfig XML (`config/section/entry`), reference linphone.md.

The app keeps `[misc] config-uri` = the device's own link and re-reads it at every start
(its "periodic re-check"); no NOTIFY resync exists for it. Time, language and passwords are the
smartphone's own. Follow-up file: phonebook.vcf (vCard 4.0 list, `[misc] contacts-vcard-list`).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from app.catalog import Catalog, DeviceType
from app.render import common
from app.render.inputs import RenderedFile, RenderInput

CONTENT_TYPE = "application/xml"
PHONEBOOK_VCF = "phonebook.vcf"
NAMESPACE = "http://www.linphone.org/xsds/lpconfig.xsd"


def render(catalog: Catalog, device_type: DeviceType, inp: RenderInput) -> tuple[RenderedFile, ...]:
    links = common.links(inp)
    pbx, line = inp.pbx, inp.device.line
    transport = common.check_transport(pbx)
    root = ET.Element(
        "config",
        {
            "xmlns": NAMESPACE,
            "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
            "xsi:schemaLocation": f"{NAMESPACE} lpconfig.xsd",
        },
    )
    identity = f"sip:{line.sip_user}@{pbx.sip_domain}"
    if line.display_name:
        identity = f"{common.sip_quoted(line.display_name)} <{identity}>"
    registrar = f"<sip:{pbx.registrar_host}:{pbx.registrar_port};transport={transport}>"
    proxy = pbx.outbound_proxy  # reg_route: the outbound proxy, if the vPBX has one
    _section(
        root,
        "misc",
        [
            ("config-uri", links.config_url),
            ("contacts-vcard-list", links.directory_url + PHONEBOOK_VCF),
        ],
    )
    _section(root, "sip", [("default_proxy", "0")])
    _section(
        root,
        "proxy_0",
        [
            ("reg_identity", identity),
            ("reg_proxy", registrar),
            *([("reg_route", f"<sip:{proxy};transport={transport};lr>")] if proxy else []),
            ("reg_expires", str(common.REGISTER_EXPIRES_SECONDS)),
            ("reg_sendregister", "1"),
            ("realm", pbx.sip_domain),
        ],
    )
    _section(
        root,
        "auth_info_0",
        [
            ("username", line.sip_user),
            ("userid", line.auth_user),
            ("passwd", line.password),
            ("realm", pbx.sip_domain),
            ("domain", pbx.sip_domain),
        ],
    )
    return (
        RenderedFile("", CONTENT_TYPE, common.xml_bytes(root)),
        RenderedFile(PHONEBOOK_VCF, "text/vcard; charset=utf-8", vcards(inp)),
    )


def _section(root: ET.Element, name: str, entries: list[tuple[str, str]]) -> None:
    section = ET.SubElement(root, "section", {"name": name, "overwrite": "true"})
    for key, value in entries:
        entry = ET.SubElement(section, "entry", {"name": key, "overwrite": "true"})
        entry.text = common.xml_text(value)


def _vcard_text(value: str) -> str:
    """RFC 6350 text value: escape backslash, comma, semicolon and line breaks."""
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return common.one_line(value.replace("\r\n", "\\n").replace("\n", "\\n"))


def vcards(inp: RenderInput) -> bytes:
    cards = []
    for name, number in inp.phonebook:
        cards.append(
            "\r\n".join(
                [
                    "BEGIN:VCARD",
                    "VERSION:4.0",
                    f"FN:{_vcard_text(name)}",
                    f"TEL;VALUE=uri;TYPE=work:tel:{_vcard_text(number)}",
                    "END:VCARD",
                ]
            )
            + "\r\n"
        )
    return "".join(cards).encode("utf-8")
