"""Every value is escaped for its format: markup characters, quotes, umlauts, '#', '%', long
generated passwords survive a parse of the rendered file unchanged, and line breaks cannot
inject settings."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from render_scenario import LINE, scenario_input

from app.catalog import load_catalog
from app.render import render
from app.render.inputs import KeyData, RenderInput

CATALOG = load_catalog()
NAME = 'Jörg "J&B" <O\'Brien> Übermaß'
SIP_PASSWORD = "a#b%c&d<e>f\"g'h"
ADMIN_PASSWORD = "1234567890" * 4  # a generated 40-digit secret
USER_PASSWORD = "9876543210" * 4
LABEL = "Chef & <Co> 100%"
STAR_CODE = "*21#"


def tricky(type_id: str) -> RenderInput:
    inp = scenario_input(CATALOG, type_id)
    line = replace(LINE, display_name=NAME, password=SIP_PASSWORD)
    keys = tuple(
        replace(k, label=LABEL, value=STAR_CODE) if k.feature == "star_code" else replace(k, label=LABEL)
        for k in inp.device.keys
    )
    handsets = tuple(replace(h, line=line) for h in inp.device.handsets)
    ports = tuple(replace(p, line=line) for p in inp.device.ports)
    device = replace(
        inp.device,
        line=line,
        admin_password=ADMIN_PASSWORD,
        user_password=USER_PASSWORD,
        keys=keys,
        handsets=handsets,
        ports=ports,
    )
    return replace(inp, device=device, phonebook=((NAME, "+49301234%#"),))


def texts_of_xml(body: bytes) -> list[str]:
    root = ET.fromstring(body)
    values = [e.text or "" for e in root.iter()]
    values += [v for e in root.iter() for v in e.attrib.values()]
    return values


TYPES = [d.id for d in CATALOG.device_types() if d.kind != "dect-handset"]


@pytest.mark.parametrize("type_id", TYPES)
def test_values_survive_a_parse_unchanged(type_id):
    device_type = CATALOG.device_type(type_id)
    main = render(CATALOG, tricky(type_id))[0]
    if device_type.renderer == "yealink":
        values = [text.partition(" = ")[2] for text in main.body.decode("utf-8").splitlines()]
    elif device_type.renderer == "webrtc":
        document = json.loads(main.body)
        values = [document["display_name"], document["password"], document["jssip"]["password"]]
        assert not re.search(rb"[<>&]", main.body), "JSON must stay safe inside an HTML <script>"
    else:
        values = texts_of_xml(main.body)
    if device_type.renderer == "linphone":
        escaped_name = NAME.replace("\\", "\\\\").replace('"', '\\"')
        assert f'"{escaped_name}" <sip:201@pbx.example.net>' in values
    else:
        assert NAME in values
    assert SIP_PASSWORD in values
    if device_type.has_admin_password:
        assert any(ADMIN_PASSWORD in v for v in values)
    if device_type.has_user_password:
        assert any(USER_PASSWORD in v for v in values)
    if device_type.kind == "desk":
        assert any(LABEL == v for v in values)
        assert any(STAR_CODE in v for v in values)


@pytest.mark.parametrize("type_id", ["yealink-t46u", "snom-d785", "grandstream-grp2614"])
def test_phonebook_entries_are_escaped(type_id):
    phonebook = {f.name: f for f in render(CATALOG, tricky(type_id))}["phonebook.xml"]
    values = texts_of_xml(phonebook.body)
    assert NAME in values and "+49301234%#" in values


def test_vcard_escapes_its_separators():
    inp = replace(tricky("linphone-app"), phonebook=(("Müller, Anna; Büro", "201"),))
    vcf = {f.name: f for f in render(CATALOG, inp)}["phonebook.vcf"].body.decode("utf-8")
    assert "FN:Müller\\, Anna\\; Büro\r\n" in vcf


def test_line_break_cannot_inject_a_yealink_setting():
    inp = tricky("yealink-t46u")
    evil = replace(
        inp.device.line, display_name="Eve\nstatic.auto_provision.server.url = http://evil.example/"
    )
    body = render(CATALOG, replace(inp, device=replace(inp.device, line=evil)))[0].body.decode("utf-8")
    assert not any(
        text.startswith("static.auto_provision.server.url = http://evil") for text in body.splitlines()
    )
    assert "account.1.display_name = Eve static.auto_provision.server.url = http://evil.example/" in body


@pytest.mark.parametrize("type_id", ["snom-d785", "grandstream-grp2614", "linphone-app"])
def test_control_characters_do_not_break_the_xml(type_id):
    inp = tricky(type_id)
    odd = replace(inp.device.line, display_name="Bell\x07 and\x00 null")
    ET.fromstring(render(CATALOG, replace(inp, device=replace(inp.device, line=odd)))[0].body)


def test_snom_key_label_attribute_is_escaped():
    inp = tricky("snom-d785")
    keys = (KeyData(0, "fkey-2", "speed_dial", "+4930123456", 'A "quoted" <label> & more'),)
    body = render(CATALOG, replace(inp, device=replace(inp.device, keys=keys)))[0].body
    fkey = ET.fromstring(body).find("functionKeys/fkey[@idx='1']")
    assert fkey.get("label") == 'A "quoted" <label> & more' and fkey.text == "speed +4930123456"
