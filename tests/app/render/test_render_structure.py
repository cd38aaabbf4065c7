"""Structural checks: outputs parse, and the settings for server, user, password, display name
and keys carry the names the vendor references give (reference/vendors/*.md)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from render_scenario import ACCESS_KEY, BASE_URL, LINE, PBX, line, scenario_input

from app.catalog import load_catalog
from app.render import RenderError, render
from app.render.inputs import HandsetData, KeyData, PortData

CATALOG = load_catalog()
CONFIG_URL = f"{BASE_URL}{ACCESS_KEY}.cfg"
PHONEBOOK_URL = f"{BASE_URL}{ACCESS_KEY}/phonebook.xml"
SERVER_PATH = f"prov.example.net:8448/{ACCESS_KEY}"


def files_of(type_id: str, **device_changes):
    inp = scenario_input(CATALOG, type_id)
    if device_changes:
        inp = replace(inp, device=replace(inp.device, **device_changes))
    return {f.name: f for f in render(CATALOG, inp)}


def yealink_settings(body: bytes) -> list[tuple[str, str]]:
    lines = body.decode("utf-8").splitlines()
    assert lines[0] == "#!version:1.0.0.1"
    pairs = []
    for text in lines[1:]:
        if text.startswith("#"):
            continue
        name, sep, value = text.partition(" =")
        assert sep, f"not a setting line: {text!r}"
        pairs.append((name, value.removeprefix(" ")))
    return pairs


def snom_settings(body: bytes) -> dict[tuple[str, str | None], str]:
    root = ET.fromstring(body)
    assert root.tag == "settings"
    return {(e.tag, e.get("idx")): e.text or "" for e in root.find("phone-settings")}


def gs_values(body: bytes) -> dict[str, str]:
    root = ET.fromstring(body)
    assert root.tag == "gs_provision"
    return {e.tag: e.text or "" for e in root.find("config") if isinstance(e.tag, str)}


@pytest.mark.parametrize("type_id", [d.id for d in CATALOG.device_types()])
def test_every_xml_output_parses_and_json_loads(type_id):
    for rendered in files_of(type_id).values():
        if "xml" in rendered.content_type:
            ET.fromstring(rendered.body)
        elif "json" in rendered.content_type:
            json.loads(rendered.body)
        else:
            rendered.body.decode("utf-8")


@pytest.mark.parametrize(
    "type_id", ["yealink-t33g", "yealink-t46u", "yealink-t48u", "yealink-t54w", "yealink-t57w"]
)
def test_yealink_desk_settings(type_id):
    files = files_of(type_id)
    settings = dict(yealink_settings(files[""].body))
    assert settings["account.1.user_name"] == LINE.sip_user
    assert settings["account.1.auth_name"] == LINE.auth_user
    assert settings["account.1.password"] == LINE.password
    assert settings["account.1.display_name"] == LINE.display_name
    assert settings["account.1.sip_server.1.address"] == PBX.sip_domain
    assert settings["account.1.sip_server.1.transport_type"] == "2"  # TLS
    assert settings["account.1.outbound_proxy.1.address"] == PBX.registrar_host
    assert settings["static.auto_provision.server.url"] == CONFIG_URL
    assert settings["remote_phonebook.data.1.url"] == PHONEBOOK_URL
    assert settings["sip.notify_reboot_enable"] == "0"
    assert (settings["linekey.1.type"], settings["linekey.2.type"], settings["linekey.2.value"]) == (
        "15",
        "16",
        "202",
    )
    assert settings["linekey.2.extension"] == PBX.pickup_prefix
    device = CATALOG.device_type(type_id)
    if device.expansion:
        assert settings["expansion_module.1.key.1.type"] == "16"
        assert settings["expansion_module.1.key.60.value"] == "+498912345"
    assert len(files["phonebook.xml"].body) > 0


def test_yealink_passwords_repeat_the_same_key_per_level():
    pairs = yealink_settings(files_of("yealink-t46u")[""].body)
    assert [v for k, v in pairs if k == "static.security.user_password"] == ["admin:4711", "anna:0815"]


def test_yealink_dect_base_carries_each_handset_with_its_line():
    settings = dict(yealink_settings(files_of("yealink-w70b")[""].body))
    assert settings["account.1.user_name"] == "211" and settings["account.2.user_name"] == "212"
    assert settings["account.2.display_name"] == "Lager & Versand"
    assert settings["handset.2.incoming_lines"] == "2" and settings["handset.2.dial_out_default_line"] == "2"
    assert settings["account.3.enable"] == "0"
    assert not any(name.startswith("linekey.") for name in settings)


@pytest.mark.parametrize("type_id", ["snom-d717", "snom-d735", "snom-d785"])
def test_snom_desk_settings(type_id):
    body = files_of(type_id)[""].body
    settings = snom_settings(body)
    assert settings[("user_name", "1")] == LINE.sip_user
    assert settings[("user_pname", "1")] == LINE.auth_user
    assert settings[("user_pass", "1")] == LINE.password
    assert settings[("user_realname", "1")] == LINE.display_name
    assert settings[("user_host", "1")] == PBX.sip_domain
    assert settings[("user_outbound", "1")] == "sip.example.net:5061;transport=tls"
    assert settings[("setting_server", None)] == CONFIG_URL
    assert settings[("challenge_checksync", None)] == "on"
    keys = ET.fromstring(body).find("functionKeys")
    fkeys = {int(k.get("idx")): k.text for k in keys}
    device = CATALOG.device_type(type_id)
    own = len(device.keys)
    assert fkeys[0] == "line" and fkeys[1] == "blf 202|**" and fkeys[3] == f"dest sip:202@{PBX.sip_domain}"
    assert fkeys[own] == "blf 205|**"  # module 1, key 1 follows the phone's own keys
    assert fkeys[own + 17] == "speed +498912345"  # module 1, key 18
    assigned = {k.index - 1 for k in device.keys[: len(scenario_input(CATALOG, type_id).device.keys)]}
    assert set(fkeys) <= set(range(own)) | {own, own + 17} and assigned - set(fkeys) <= set(range(own))
    assert "none" not in fkeys.values()


def test_snom_dect_base_maps_each_handset():
    settings = snom_settings(files_of("snom-m700")[""].body)
    assert settings[("user_name", "2")] == "212" and settings[("user_pass", "2")] == "pw-212-secret"
    assert settings[("subscr_sip_hs_idx", "2")] == "2"
    assert settings[("http_pass", None)] == "4711"


@pytest.mark.parametrize("type_id", ["grandstream-grp2614", "grandstream-gxp2170"])
def test_grandstream_desk_pvalues(type_id):
    files = files_of(type_id)
    values = gs_values(files[""].body)
    assert (values["P35"], values["P36"], values["P34"], values["P3"]) == (
        LINE.sip_user,
        LINE.auth_user,
        LINE.password,
        LINE.display_name,
    )
    assert values["P47"] == PBX.sip_domain  # the registrar (other host) carries the port, in P48
    assert values["P237"] == SERVER_PATH and values["P331"] == SERVER_PATH and values["P212"] == "2"
    assert values["P4428"] == "0"  # NOTIFY authentication on
    assert (values["P1363"], values["P1365"], values["P1466"], values["P1468"]) == ("31", "1", "", "202")
    assert values["P23800"] == "6"  # key 7 = voicemail
    assert files["cfg.xml"].body == files[""].body == files["cfg001565a1b2c3.xml"].body
    assert ET.fromstring(files[""].body).findtext("mac") == "001565a1b2c3"


def test_grandstream_gxp2200ext_keys_are_rendered():
    files = files_of("grandstream-gxp2170")
    values = gs_values(files[""].body)
    assert (values["P23000"], values["P23001"], values["P23003"]) == ("1", "0", "205")  # module 1 key 1: BLF
    assert (values["P23195"], values["P23198"]) == ("0", "+498912345")  # module 1 key 40: speed dial
    assert b"not written" not in files[""].body
    module2 = gs_values(files_of("grandstream-gxp2170", keys=(KeyData(2, "key-1", "dnd", "", "x"),))[""].body)
    assert module2["P23200"] == "22" and "P23000" not in module2  # module 2 key 1 = EXT key 41


def test_grandstream_dect_base_binds_each_handset_to_its_account():
    values = gs_values(files_of("grandstream-dp750")[""].body)
    assert (values["P4060"], values["P4061"], values["P4121"]) == ("211", "212", "pw-212-secret")
    assert (values["P4300"], values["P4310"], values["P27081"]) == ("1", "2", "2")


def test_grandstream_gateway_ports_and_fax():
    values = gs_values(files_of("grandstream-ht812")[""].body)
    assert (values["P4060"], values["P4061"]) == ("221", "222")
    # fax is a setting of SIP profile 1 (HT81x template), which every port uses: no per-port fax P-values
    assert (values["P228"], values["P4416"]) == ("0", "1")
    assert (values["P4150"], values["P4151"], values["P4595"], values["P4596"]) == ("0", "0", "1", "1")
    assert "P710" not in values and "P4417" not in values


def test_grandstream_gateway_clears_and_disables_an_unassigned_port():
    values = gs_values(files_of("grandstream-ht814", ports=(PortData(1, LINE, True),))[""].body)
    assert values["P4060"] == LINE.sip_user and values["P4595"] == "1"
    for n in (1, 2, 3):  # ports 2..4: no old account stays on the adapter
        assert (values[f"P{4060 + n}"], values[f"P{4120 + n}"], values[f"P{4595 + n}"]) == ("", "", "0")


def test_gateway_without_ports_puts_the_device_line_on_port_one():
    values = gs_values(files_of("grandstream-ht812", ports=())[""].body)
    assert values["P4060"] == LINE.sip_user and values["P228"] == "0"


def test_linphone_lpconfig():
    files = files_of("linphone-app")
    root = ET.fromstring(files[""].body)
    ns = {"lp": "http://www.linphone.org/xsds/lpconfig.xsd"}
    entries = {
        (s.get("name"), e.get("name")): e.text
        for s in root.findall("lp:section", ns)
        for e in s.findall("lp:entry", ns)
    }
    assert entries[("misc", "config-uri")] == CONFIG_URL
    assert entries[("proxy_0", "reg_identity")] == f'"{LINE.display_name}" <sip:201@{PBX.sip_domain}>'
    assert entries[("proxy_0", "reg_proxy")] == "<sip:sip.example.net:5061;transport=tls>"
    assert entries[("auth_info_0", "username")] == LINE.sip_user
    assert entries[("auth_info_0", "userid")] == LINE.auth_user
    assert entries[("auth_info_0", "passwd")] == LINE.password
    assert files["phonebook.vcf"].body.startswith(b"BEGIN:VCARD\r\n")


def test_webrtc_config_for_both_libraries():
    document = json.loads(files_of("webrtc-browser")[""].body)
    assert document["jssip"]["sockets"] == [PBX.wss_url]
    assert document["jssip"]["uri"] == "sip:201@pbx.example.net"
    assert document["jssip"]["password"] == LINE.password
    assert document["sipjs"]["transportOptions"]["server"] == PBX.wss_url
    assert document["sipjs"]["authorizationUsername"] == LINE.auth_user
    assert document["display_name"] == LINE.display_name


@pytest.mark.parametrize("type_id", ["yealink-w73h", "snom-m90", "grandstream-dp720"])
def test_dect_handset_gets_only_a_note(type_id):
    files = files_of(type_id)
    assert list(files) == [""]
    assert files[""].content_type.startswith("text/plain")
    assert b"DECT handset" in files[""].body and LINE.password.encode() not in files[""].body


# --- bad input is refused with a fixable message --------------------------------------------


@pytest.mark.parametrize(
    ("type_id", "changes", "message"),
    [
        (
            "snom-d785",
            {"keys": (KeyData(0, "fkey-1", "pickup", "202", "x"),)},
            "does not support 'Directed pickup'",
        ),
        ("yealink-t46u", {"keys": (KeyData(0, "line-28", "blf", "202", "x"),)}, "no such key"),
        ("yealink-t46u", {"keys": (KeyData(4, "key-1", "blf", "202", "x"),)}, "modules 0..3 only"),
        (
            "yealink-t46u",
            {"keys": (KeyData(0, "line-2", "blf", "Bob", "x"),)},
            "must be the number of a subscriber",
        ),
        (
            "yealink-t46u",
            {"keys": (KeyData(0, "line-2", "dnd", "", "a"), KeyData(0, "line-2", "dnd", "", "b"))},
            "assigned twice",
        ),
        (
            "yealink-w70b",
            {"handsets": (HandsetData(1, "snom-m85", 1, line("211", "x")),)},
            "does not fit the W70B",
        ),
        (
            "grandstream-dp750",
            {
                "handsets": tuple(
                    HandsetData(n, "grandstream-dp720", n, line(f"2{n}", "x")) for n in range(1, 7)
                )
            },
            "at most 5 handsets",
        ),
        ("grandstream-ht812", {"ports": (PortData(3, line("221", "x"), True),)}, "port 3 does not exist"),
        ("yealink-t46u", {"access_key": "../etc"}, "access key"),
    ],
)
def test_bad_input_is_a_render_error(type_id, changes, message):
    with pytest.raises(RenderError, match=message):
        files_of(type_id, **changes)


def test_browser_phone_needs_a_wss_url():
    inp = scenario_input(CATALOG, "webrtc-browser")
    with pytest.raises(RenderError, match="WebSocket URL"):
        render(CATALOG, replace(inp, pbx=replace(PBX, wss_url="")))


def test_unknown_device_type_and_base_url_errors():
    inp = scenario_input(CATALOG, "yealink-t46u")
    with pytest.raises(RenderError, match="unknown device type"):
        render(CATALOG, replace(inp, device=replace(inp.device, type_id="nokia-3310")))
    with pytest.raises(RenderError, match="base URL"):
        render(CATALOG, replace(inp, base_url="prov.example.net"))


# --- issue [7] items 7 and 8: write only what the console assigns ------------------------------


def test_unassigned_keys_are_not_written_yealink():
    settings = dict(yealink_settings(files_of("yealink-t46u", keys=(KeyData(0, "line-2", "dnd", "", "x"),))[""].body))
    assert [n for n in settings if n.startswith(("linekey.", "expansion_module."))] == [
        "linekey.2.type", "linekey.2.line", "linekey.2.value", "linekey.2.label"]


def test_unassigned_keys_are_not_written_snom():
    body = files_of("snom-d785", keys=(KeyData(0, "fkey-3", "dnd", "", "x"),))[""].body
    fkeys = ET.fromstring(body).find("functionKeys")
    assert [(k.get("idx"), k.text) for k in fkeys] == [("2", "keyevent F_DND")]


def test_unassigned_keys_are_not_written_grandstream():
    values = gs_values(files_of("grandstream-gxp2170", keys=(KeyData(0, "vpk-2", "dnd", "", "x"),))[""].body)
    assert "P1363" not in values and values["P1365"] == "22"
    assert "-1" not in {values[p] for p in values if p in ("P1363", "P1367", "P23800")}


def test_empty_user_name_writes_no_user_login_yealink():
    pairs = yealink_settings(files_of("yealink-t46u", user_name="")[""].body)
    assert [v for k, v in pairs if k == "static.security.user_password"] == ["admin:4711"]
    assert not any(k == "static.security.user_name.user" for k, _ in pairs)


def test_empty_user_name_writes_no_user_login_snom():
    settings = snom_settings(files_of("snom-d785", user_name="")[""].body)
    assert ("http_user", None) not in settings and ("http_pass", None) not in settings


# --- issue [7] items 9 and 10 ------------------------------------------------------------------


def test_registrar_port_is_never_attached_to_a_different_domain():
    assert PBX.registrar_host != PBX.sip_domain
    values = gs_values(files_of("grandstream-gxp2170")[""].body)
    assert values["P47"] == PBX.sip_domain and values["P48"] == f"{PBX.registrar_host}:{PBX.registrar_port}"
    settings = dict(yealink_settings(files_of("yealink-t46u")[""].body))
    assert "account.1.sip_server.1.port" not in settings
    assert settings["account.1.outbound_proxy.1.port"] == str(PBX.registrar_port)


def test_registrar_port_stays_with_the_domain_when_it_is_the_registrar():
    inp = scenario_input(CATALOG, "grandstream-gxp2170")
    same = replace(PBX, registrar_host=PBX.sip_domain)
    files = {f.name: f for f in render(CATALOG, replace(inp, pbx=same))}
    assert gs_values(files[""].body)["P47"] == f"{PBX.sip_domain}:{PBX.registrar_port}"
    inp = scenario_input(CATALOG, "yealink-t46u")
    body = render(CATALOG, replace(inp, pbx=same))[0].body
    assert dict(yealink_settings(body))["account.1.sip_server.1.port"] == str(PBX.registrar_port)


def test_m700_handset_accounts_are_active_with_a_server_transport():
    settings = snom_settings(files_of("snom-m700")[""].body)
    assert settings[("user_active", "1")] == "on" and settings[("user_active", "2")] == "on"
    assert settings[("srv_sip_transport", "1")] == "tls"  # value spelling unconfirmed
