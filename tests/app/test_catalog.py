"""The device catalog: every shipped file loads, the models are right, broken files are refused."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from app.catalog import CatalogError, default_root, load_catalog

ROOT = default_root()
APP = Path(__file__).resolve().parents[2] / "app"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


# --- the shipped catalog -------------------------------------------------------------------


def test_catalog_has_at_least_24_entries(catalog):
    assert len(catalog.devices) + len(catalog.modules) >= 24


# (type id, kind, {group id: (key count, pages)}, expansion module, max modules) from the reference
DESK_MODELS = [
    ("yealink-t33g", {"line": (12, 3)}, None, 0),
    ("yealink-t46u", {"line": (27, 3)}, "yealink-exp43", 3),
    ("yealink-t48u", {"line": (29, 3)}, "yealink-exp43", 3),
    ("yealink-t54w", {"line": (27, 3)}, "yealink-exp50", 3),
    ("yealink-t57w", {"line": (29, 3)}, "yealink-exp50", 3),
    ("snom-d717", {"fkey": (18, 3)}, "snom-d7", 3),
    ("snom-d735", {"fkey": (32, 4)}, "snom-d7", 3),
    ("snom-d785", {"fkey": (24, 2)}, "snom-d7", 3),
    ("grandstream-grp2614", {"vpk": (16, 4), "mpk": (24, 3)}, None, 0),
    ("grandstream-gxp2170", {"vpk": (48, 4)}, "grandstream-gxp2200ext", 4),
]


@pytest.mark.parametrize(("type_id", "groups", "module", "max_modules"), DESK_MODELS)
def test_desk_phone_keys_pages_and_modules(catalog, type_id, groups, module, max_modules):
    device = catalog.device_type(type_id)
    assert device.kind == "desk"
    assert {g.id: (len(g.keys), g.pages) for g in device.layout.groups} == groups
    if module is None:
        assert device.expansion is None
    else:
        assert (device.expansion.module, device.expansion.max_count) == (module, max_modules)


@pytest.mark.parametrize(
    ("module_id", "keys", "pages"),
    [
        ("yealink-exp43", 60, 3),
        ("yealink-exp50", 60, 3),
        ("snom-d7", 18, 1),
        ("grandstream-gxp2200ext", 40, 2),
    ],
)
def test_expansion_modules(catalog, module_id, keys, pages):
    layout = catalog.module_type(module_id).layout
    assert (len(layout.keys), layout.pages) == (keys, pages)


@pytest.mark.parametrize(
    ("base", "handsets", "most"),
    [
        ("yealink-w70b", ("yealink-w73h", "yealink-w56h"), 10),
        ("snom-m700", ("snom-m85", "snom-m90"), 30),
        ("grandstream-dp750", ("grandstream-dp720",), 5),
    ],
)
def test_dect_bases_and_handsets(catalog, base, handsets, most):
    device = catalog.device_type(base)
    assert (device.kind, device.max_handsets, device.handset_types) == ("dect-base", most, handsets)
    for handset in handsets:
        assert catalog.device_type(handset).kind == "dect-handset"
        assert base in [b.id for b in catalog.bases_for(handset)]


@pytest.mark.parametrize(("type_id", "ports"), [("grandstream-ht812", 2), ("grandstream-ht814", 4)])
def test_fax_gateways(catalog, type_id, ports):
    device = catalog.device_type(type_id)
    assert (device.kind, device.ports, device.fax) == ("gateway", ports, True)


def test_app_and_browser_phone(catalog):
    app = catalog.device_type("linphone-app")
    browser = catalog.device_type("webrtc-browser")
    assert (app.kind, app.renderer, browser.kind, browser.renderer) == ("app", "linphone", "webrtc", "webrtc")
    assert not app.restart_supported and not browser.restart_supported


def test_every_key_lies_inside_its_faceplate(catalog):
    layouts = [d.layout for d in catalog.devices] + [m.layout for m in catalog.modules]
    for layout in layouts:
        for key in layout.keys:
            assert key.rect.inside(layout.width, layout.height), key
        if layout.screen:
            assert layout.screen.inside(layout.width, layout.height)


def test_key_ids_are_stable_and_unique(catalog):
    device = catalog.device_type("yealink-t46u")
    ids = [key.id for key in device.keys]
    assert ids[:3] == ["line-1", "line-2", "line-3"] and len(set(ids)) == 27
    assert device.layout.key("line-11").page == 2


def test_device_types_are_ordered_and_looked_up_with_clear_errors(catalog):
    listed = catalog.device_types()
    assert listed == sorted(listed, key=lambda d: (d.vendor.lower(), d.model.lower()))
    with pytest.raises(KeyError, match="unknown device type 'nokia-3310'"):
        catalog.device_type("nokia-3310")


def test_accepts_is_the_per_key_feature_rule(catalog):
    assert catalog.accepts("yealink-t46u", 0, "line-1", "pickup")
    assert not catalog.accepts("snom-d785", 0, "fkey-0", "pickup")  # no such key id (keys start at 1)
    assert catalog.accepts("snom-d785", 0, "fkey-1", "blf")
    assert not catalog.accepts("snom-d785", 0, "fkey-1", "pickup")  # Snom has no directed-pickup key here
    assert not catalog.accepts("grandstream-grp2614", 0, "vpk-1", "phonebook")
    assert catalog.accepts("yealink-t46u", 3, "key-60", "blf")  # third EXP43
    assert not catalog.accepts("yealink-t46u", 4, "key-1", "blf")  # no fourth module
    assert not catalog.accepts("yealink-t33g", 1, "key-1", "blf")  # no module at all
    assert not catalog.accepts("yealink-t46u", 0, "line-1", "teleport")
    assert [f.name for f in catalog.features_for("snom-d785", 1, "key-1")][:2] == ["line", "blf"]


def test_features_declare_their_value_kind(catalog):
    kinds = {name: feature.value_kind for name, feature in catalog.features.items()}
    assert kinds["blf"] == "subscriber" and kinds["speed_dial"] == "number"
    assert kinds["star_code"] == "code" and kinds["voicemail"] == "none" and kinds["line"] == "line"
    assert catalog.features["star_code"].value_problem("*21#") is None
    assert "digits" in catalog.features["blf"].value_problem("Alice")


@pytest.mark.parametrize(
    ("user_agent", "type_id"),
    [
        ("Yealink SIP-T46U 108.86.0.10 44:db:d2:bd:b5:69", "yealink-t46u"),
        ("Yealink W70B 146.87.0.15 80:5e:0c:1d:65:4e", "yealink-w70b"),
        (
            (
                "Mozilla/4.0 (compatible; snomD785-SIP 10.1.33.33 2010.12-00004-g9ba52f5 "
                "000413922D24 SXM:0 UXM:0)"
            ),
            "snom-d785",
        ),
        ("snomD735/10.1.39.11", "snom-d735"),
        ("Grandstream Model HW GXP2170 SW 1.0.4.138 DevId c074ad2bd859", "grandstream-gxp2170"),
        ("Grandstream Model HW HT812 V1.1A SW 1.0.17.5 DevId c074ad273a10", "grandstream-ht812"),
        ("JsSIP 3.13.8", "webrtc-browser"),
        ("SIP.js/0.21.2", "webrtc-browser"),
    ],
)
def test_user_agents_identify_exactly_one_model(catalog, user_agent, type_id):
    assert [d.id for d in catalog.match_user_agent(user_agent)] == [type_id]


def test_manual_steps_name_the_device_link(catalog):
    steps = catalog.device_type("grandstream-grp2614").manual_steps_for(
        "https://prov.example.net:8448/", "abc123"
    )
    assert any("prov.example.net:8448/abc123" in step and "https" not in step for step in steps)
    steps = catalog.device_type("yealink-t46u").manual_steps_for("https://prov.example.net:8448/", "abc123")
    assert any("https://prov.example.net:8448/abc123.cfg" in step for step in steps)


def test_no_model_fact_in_python_code(catalog):
    """Model names appear only in the catalog, never in app/ code (docstrings and comments aside)."""
    models = {d.model for d in catalog.devices if d.kind not in ("app", "webrtc")}
    models |= {m.model for m in catalog.modules}
    for path in APP.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                found = [m for m in models if m in node.value]
                assert not found, f"{path}: model fact {found} in code"


# --- broken files are refused with file and field ------------------------------------------


@pytest.fixture
def broken(tmp_path):
    """A copy of the catalog and a function that edits one file of it."""
    root = tmp_path / "devices"
    shutil.copytree(ROOT, root)

    def edit(relative: str, old: str, new: str) -> Path:
        path = root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"test setup: {old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return root

    return edit


BROKEN = [
    # (file, old text, new text, expected message fragments)
    (
        "yealink/t46u.toml",
        'model = "T46U"',
        'model = "T46U"\ncolour = "black"',
        ["yealink/t46u.toml", "field 'device.colour'", "unknown field"],
    ),
    (
        "yealink/t46u.toml",
        'id = "yealink-t46u"',
        'id = "yealink-t48u"',
        ["yealink/t46u.toml", "field 'device.id'", "must be 'yealink-t46u'"],
    ),
    (
        "snom/d785.toml",
        'features = ["line", "blf"',
        'features = ["line", "fax"',
        ["snom/d785.toml", "field 'groups[0].features'", "'fax' is not a feature"],
    ),
    (
        "snom/d785.toml",
        'features = ["line", "blf"',
        'features = ["line", "pickup"',
        [
            "snom/d785.toml",
            "field 'groups[0].features'",
            "renderer 'snom' has no mapping for feature 'pickup'",
        ],
    ),
    (
        "yealink/t46u.toml",
        'renderer = "yealink"',
        'renderer = "polycom"',
        ["yealink/t46u.toml", "field 'device.renderer'", "unknown renderer family 'polycom'"],
    ),
    (
        "yealink/t46u.toml",
        "{ x = 198, y = 12, w = 48",
        "{ x = 228, y = 12, w = 48",
        ["yealink/t46u.toml", "field 'groups[0].blocks[1]'", "outside the faceplate"],
    ),
    (
        "yealink/t46u.toml",
        'module = "yealink-exp43"',
        'module = "yealink-exp99"',
        ["yealink/t46u.toml", "field 'expansion.module'", "no expansion module 'yealink-exp99'"],
    ),
    (
        "yealink/t46u.toml",
        "count = 27\npages = 3",
        "count = 27\npages = 2",
        ["yealink/t46u.toml", "field 'groups[0].pages'", "need 3 page(s)"],
    ),
    (
        "yealink/t46u.toml",
        'kind = "desk"',
        'kind = "desktop"',
        ["yealink/t46u.toml", "field 'device.kind'", "must be one of"],
    ),
    (
        "yealink/t46u.toml",
        "'^Yealink SIP-T46U\\b'",
        "'^Yealink SIP-(T46U'",
        ["yealink/t46u.toml", "field 'device.ua_patterns[0]'", "not a valid regular expression"],
    ),
    (
        "yealink/t46u.toml",
        "Server URL: {url}",
        "Server URL: {link}",
        ["yealink/t46u.toml", "field 'device.manual_steps[2]'", "unknown placeholder {link}"],
    ),
    (
        "yealink/w56h.toml",
        'bases = ["yealink-w70b"]',
        "bases = []",
        ["yealink/w56h.toml", "field 'dect.bases'", "does not list 'yealink-w70b'"],
    ),
    ("snom/d7.toml", 'id = "key"', 'id = "key"\nid = "again"', ["snom/d7.toml", "not valid TOML"]),
    (
        "grandstream/grp2614.toml",
        'id = "mpk"',
        'id = "vpk"',
        ["grandstream/grp2614.toml", "field 'groups'", "group id 'vpk' is used twice"],
    ),
    (
        "grandstream/ht812.toml",
        "ports = 2",
        "ports = 0",
        ["grandstream/ht812.toml", "field 'gateway.ports'", "at least 1"],
    ),
    (
        "grandstream/ht812.toml",
        'fax_mode_settings = ["P228"]       # per profile: profile 1',
        'fax_mode = ["P228"]',
        ["grandstream/ht812.toml", "field 'native.fax_mode'", "unknown field"],
    ),
    (
        "features.toml",
        'value_kind = "subscriber"',
        'value_kind = "person"',
        ["features.toml", "field 'blf.value_kind'", "must be one of"],
    ),
    (
        "families.toml",
        'action = "speed {value}"',
        'action = "speed {number}"',
        ["families.toml", "field 'snom.keymap.speed_dial.action'", "unknown placeholder {number}"],
    ),
    ("snom/m700.toml", "max_handsets = 30\n", "", ["snom/m700.toml", "field 'dect.max_handsets'", "missing"]),
]


@pytest.mark.parametrize(("relative", "old", "new", "fragments"), BROKEN, ids=[b[3][1] for b in BROKEN])
def test_broken_file_is_refused_naming_file_and_field(broken, relative, old, new, fragments):
    root = broken(relative, old, new)
    with pytest.raises(CatalogError) as caught:
        load_catalog(root)
    for fragment in fragments:
        assert fragment in str(caught.value)


def test_missing_catalog_folder_is_a_clear_error(tmp_path):
    with pytest.raises(CatalogError, match="catalog folder not found"):
        load_catalog(tmp_path / "nowhere")


def test_broken_example_from_test_data_is_refused():
    """tests/data/catalog/broken holds a hand-written broken catalog kept as an example."""
    with pytest.raises(CatalogError, match=r"acme/x1\.toml: field 'groups\[0\]\.features': 'teleport'"):
        load_catalog(Path(__file__).resolve().parents[1] / "data" / "catalog" / "broken")


def test_stray_model_file_at_the_root_is_refused(tmp_path):
    root = tmp_path / "devices"
    shutil.copytree(ROOT, root)
    (root / "t99.toml").write_text('[device]\nid = "t99"\n', encoding="utf-8")
    with pytest.raises(CatalogError, match=r"t99\.toml: .*belong in a vendor folder"):
        load_catalog(root)
