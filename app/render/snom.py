"""Snom XML settings (`<settings>` with `<phone-settings>` and `<functionKeys>`), reference snom.md.

Every setting is written with perm="R" (read-only for the user: the console owns it).
Desk phones: identity 1, other identities switched off, all fkeys (phone keys first, then the
D7 modules, numbered as the catalog's expansion.native_first says). DECT base (M700): server
profile 1 and one identity per bound handset, mapped with subscr_sip_hs_idx.
Follow-up file: phonebook.xml (SnomIPPhoneDirectory).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from app.catalog import Catalog, DeviceType
from app.render import common
from app.render.inputs import LineData, PbxData, RenderedFile, RenderInput

CONTENT_TYPE = "application/xml"


def _set(parent: ET.Element, name: str, value: str, idx: int | None = None) -> None:
    element = ET.SubElement(parent, name)
    if idx is not None:
        element.set("idx", str(idx))
    element.set("perm", "R")
    element.text = common.xml_text(value)


def render(catalog: Catalog, device_type: DeviceType, inp: RenderInput) -> tuple[RenderedFile, ...]:
    links = common.links(inp)
    root = ET.Element("settings")
    phone = ET.SubElement(root, "phone-settings", {"e": "2"})
    _provisioning(phone, links)
    if device_type.kind == "dect-base":
        _dect_base(phone, catalog, device_type, inp)
    else:
        _identity(phone, 1, inp.device.line, inp.pbx)
        for idx in range(2, device_type.accounts + 1):
            _set(phone, "user_active", "off", idx)
    _globals(phone, catalog, device_type, inp, links)
    if device_type.kind == "desk":
        keys = ET.SubElement(root, "functionKeys", {"e": "2"})
        for spot in common.assignments(catalog, device_type, inp):
            if spot.data is None and not spot.released:  # the phone keeps its own key (manual)
                continue
            fkey = ET.SubElement(
                keys,
                "fkey",
                {
                    "idx": str(spot.native_index),
                    "context": "1",
                    "label": common.xml_text(spot.data.label if spot.data else ""),
                    "perm": "R",
                },
            )
            fkey.text = common.xml_text(spot.fields["action"] if spot.data else "none")
    return (
        RenderedFile("", CONTENT_TYPE, common.xml_bytes(root)),
        RenderedFile(common.PHONEBOOK_FILE, "application/xml", phonebook(inp)),
    )


def _provisioning(phone: ET.Element, links: common.Links) -> None:
    _set(phone, "setting_server", links.config_url)
    _set(phone, "settings_refresh_timer", str(common.RECHECK_MINUTES * 60))
    # Our link is set permanently; SRAPS and DHCP must not redirect the phone elsewhere again.
    _set(phone, "provisioning_order", "dhcp:stop redirection:stop")  # as Wazo writes it
    _set(phone, "pnp_config", "off")


def _registration_target(pbx: PbxData) -> str:
    target = common.proxy(pbx) or f"{pbx.registrar_host}:{pbx.registrar_port}"
    return f"{target};transport={common.check_transport(pbx)}"


def _identity(phone: ET.Element, idx: int, line: LineData, pbx: PbxData) -> None:
    _set(phone, "user_active", "on", idx)
    _set(phone, "user_realname", line.display_name, idx)
    _set(phone, "user_idle_text", line.display_name or line.number, idx)
    _set(phone, "user_name", line.sip_user, idx)
    _set(phone, "user_pname", line.auth_user, idx)
    _set(phone, "user_pass", line.password, idx)
    _set(phone, "user_host", pbx.sip_domain, idx)
    _set(phone, "user_outbound", _registration_target(pbx), idx)
    _set(phone, "user_expiry", str(common.REGISTER_EXPIRES_SECONDS), idx)
    if pbx.voicemail_number:
        _set(phone, "user_mailbox", pbx.voicemail_number, idx)


def _dect_base(phone: ET.Element, catalog: Catalog, device_type: DeviceType, inp: RenderInput) -> None:
    pbx = inp.pbx
    # Server profile 1 (setting names from Wazo's base-dect template; user_outbound per server
    # profile is unconfirmed).
    _set(phone, "srv_sip_server_alias", pbx.name, 1)
    _set(phone, "user_host", pbx.sip_domain, 1)
    _set(phone, "user_outbound", _registration_target(pbx), 1)
    # srv_sip_transport per server profile: name from the M-series settings list, values udp/tcp/tls
    # unconfirmed (the transport is also in user_outbound).
    _set(phone, "srv_sip_transport", common.check_transport(pbx), 1)
    for handset in common.handsets(catalog, device_type, inp):
        idx, line = handset.slot, handset.line
        _set(phone, "user_active", "on", idx)  # per account, as on desk phones (snom.md §2)
        _set(phone, "user_name", line.sip_user, idx)
        _set(phone, "user_pname", line.auth_user, idx)
        _set(phone, "user_pass", line.password, idx)
        _set(phone, "user_realname", line.display_name, idx)
        _set(phone, "subscr_sip_line_name", line.display_name or line.number, idx)
        if pbx.voicemail_number:
            _set(phone, "user_mailbox", pbx.voicemail_number, idx)
        _set(phone, "subscr_sip_hs_idx", str(handset.slot), idx)
        _set(phone, "subscr_sip_ua_data_server_id", "1", idx)


def _globals(
    phone: ET.Element, catalog: Catalog, device_type: DeviceType, inp: RenderInput, links: common.Links
) -> None:
    pbx, device = inp.pbx, inp.device
    family = catalog.family(device_type.renderer)
    _set(phone, "ntp_server", pbx.ntp_server)
    zone = family.time_zone(pbx.time_zone)
    if zone:  # zones missing in families.toml keep the device's own time zone setting
        _set(phone, "timezone", zone["code"])
        _set(phone, "tone_scheme", zone["tone"])
    _set(phone, "language", family.language(pbx.language))
    _set(phone, "web_language", family.language(pbx.language))
    if device_type.kind == "dect-base":
        if device_type.has_admin_password:
            _set(phone, "http_user", "admin")
            _set(phone, "http_pass", device.admin_password)
        _set(phone, "phonebook_location", links.phonebook_url)  # name from reference §6, unconfirmed
        return
    # D-series: the phone asks for digest authentication of check-sync NOTIFYs (the identity's
    # SIP password); empty checksync_action = do what the NOTIFY says (reboot=true/false).
    _set(phone, "challenge_checksync", "on")
    _set(phone, "checksync_action", "")
    # Desk phones: the web login is the "user" level, the admin mode password the "admin" level.
    if device_type.has_user_password and device.user_name:  # no empty http_user with a password
        _set(phone, "http_user", device.user_name)
        _set(phone, "http_pass", device.user_password)
    if device_type.has_admin_password:
        _set(phone, "admin_mode_password", device.admin_password)
        _set(phone, "admin_mode_password_confirm", device.admin_password)
    _set(phone, "dkey_directory", f"url {links.phonebook_url}")


def phonebook(inp: RenderInput) -> bytes:
    root = ET.Element("SnomIPPhoneDirectory")
    ET.SubElement(root, "Title").text = common.xml_text(inp.pbx.name)
    ET.SubElement(root, "Prompt").text = "Prompt"
    for name, number in inp.phonebook:
        entry = ET.SubElement(root, "DirectoryEntry")
        ET.SubElement(entry, "Name").text = common.xml_text(name)
        ET.SubElement(entry, "Telephone").text = common.xml_text(number)
    return common.xml_bytes(root)
