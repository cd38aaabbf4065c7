"""The fixed scenario behind the golden files, shared by the tests and update_golden.py.

Every catalog device type is rendered for the same vPBX, line and device data; keys, handsets
and ports are derived from the catalog so a new model gets a golden file without code changes.
"""

from __future__ import annotations

from pathlib import Path

from app.catalog import Catalog, DeviceType
from app.render.inputs import DeviceData, HandsetData, KeyData, LineData, PbxData, PortData, RenderInput

GOLDEN_ROOT = Path(__file__).resolve().parents[2] / "data" / "render"
MAIN_FILE = "main.cfg"  # golden name of the main file (served as <access key>.cfg)
MANIFEST = "files.txt"  # golden list of "name<TAB>content type"

BASE_URL = "https://prov.example.net:8448/"
ACCESS_KEY = "81d381d7ee50e9c415b304e5d7a7616e1911ed2af727228c"

PBX = PbxData(
    name="Muster GmbH",
    sip_domain="pbx.example.net",
    registrar_host="sip.example.net",
    registrar_port=5061,
    transport="tls",
    outbound_proxy=None,
    ntp_server="ntp.example.net",
    time_zone="Europe/Berlin",
    language="de",
    pickup_prefix="**",
    voicemail_number="*98",
    wss_url="wss://pbx.example.net:8089/ws",
)
LINE = LineData(
    number="201", display_name="Anna Müller", sip_user="201", auth_user="a201", password="Xk3#p%Q9z"
)
PHONEBOOK = (("Anna Müller", "201"), ("Bob <Lager> & Co", "202"), ("Zentrale", "+49301234560"))

# One value per value kind, and the order features are put on keys.
VALUES = {"none": "", "subscriber": "202", "number": "+4930123456", "code": "*21#", "line": ""}
FEATURE_ORDER = (
    "line",
    "blf",
    "team",
    "extension",
    "speed_dial",
    "star_code",
    "voicemail",
    "phonebook",
    "dnd",
    "park",
    "pickup",
)


def line(number: str, name: str) -> LineData:
    return LineData(
        number=number,
        display_name=name,
        sip_user=number,
        auth_user=f"a{number}",
        password=f"pw-{number}-secret",
    )


def scenario_keys(catalog: Catalog, device_type: DeviceType) -> tuple[KeyData, ...]:
    """Key i of the device gets the i-th feature its group accepts; module 1 gets two keys."""
    keys: list[KeyData] = []
    for index, (feature_name, key) in enumerate(zip(FEATURE_ORDER, device_type.keys)):
        group = device_type.layout.group_of(key.id)
        assert group is not None
        if feature_name not in group.features:
            continue
        feature = catalog.features[feature_name]
        keys.append(
            KeyData(0, key.id, feature_name, VALUES[feature.value_kind], f"{feature.label} {index + 1}")
        )
    if device_type.expansion:
        module_keys = catalog.module_type(device_type.expansion.module).layout.keys
        keys.append(KeyData(1, module_keys[0].id, "blf", "205", "Empfang"))
        keys.append(KeyData(1, module_keys[-1].id, "speed_dial", "+498912345", "München"))
    return tuple(keys)


def scenario_input(catalog: Catalog, type_id: str) -> RenderInput:
    device_type = catalog.device_type(type_id)
    handsets: tuple[HandsetData, ...] = ()
    if device_type.kind == "dect-base":
        types = device_type.handset_types
        handsets = (
            HandsetData(101, types[0], 1, line("211", "Büro 1")),
            HandsetData(102, types[-1], 2, line("212", "Lager & Versand")),
        )
    ports: tuple[PortData, ...] = ()
    if device_type.kind == "gateway":
        ports = tuple(
            PortData(n, line(f"22{n}", f"Fax {n}" if n % 2 else f"Analog {n}"), fax=bool(n % 2))
            for n in range(1, device_type.ports + 1)
        )
    device = DeviceData(
        device_id=7,
        type_id=type_id,
        mac="001565a1b2c3",
        access_key=ACCESS_KEY,
        admin_password="4711",
        user_name="anna",
        user_password="0815",
        line=LINE,
        keys=scenario_keys(catalog, device_type) if device_type.kind == "desk" else (),
        handsets=handsets,
        ports=ports,
    )
    return RenderInput(pbx=PBX, device=device, base_url=BASE_URL, phonebook=PHONEBOOK)


def golden_name(rendered_name: str) -> str:
    return rendered_name or MAIN_FILE
