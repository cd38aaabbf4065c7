"""Reads and validates the TOML files of the device catalog (format: resources/devices/FORMAT.md).

Every problem becomes a CatalogError whose message names the file and the field, so a broken
file is found and fixed without reading this code.
"""

from __future__ import annotations

import math
import re
import string
import tomllib
from dataclasses import dataclass
from pathlib import Path

from app.catalog.types import (
    KINDS,
    MANUAL_STEP_PLACEHOLDERS,
    VALUE_KINDS,
    DeviceType,
    Expansion,
    Family,
    Feature,
    Key,
    KeyGroup,
    Layout,
    ModuleType,
    Rect,
)

ID_SHAPE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
NAME_SHAPE = re.compile(r"[a-z][a-z0-9_]*")
KEYMAP_PLACEHOLDERS = ("value", "label", "pickup", "domain", "phonebook_url")
KINDS_WITH_KEYS = ("desk",)
KINDS_WITH_NOTIFY = ("desk", "dect-base", "gateway")


class CatalogError(ValueError):
    """A catalog file is missing, unreadable or wrong; the message names the file and the field."""


@dataclass(frozen=True)
class _Where:
    file: str
    path: str = ""

    def at(self, field: str) -> _Where:
        return _Where(self.file, f"{self.path}.{field}" if self.path else field)

    def item(self, index: int) -> _Where:
        return _Where(self.file, f"{self.path}[{index}]")

    def fail(self, problem: str) -> CatalogError:
        field = self.path or "(file)"
        return CatalogError(f"{self.file}: field '{field}': {problem}")


def _check_fields(table: object, allowed: set[str], required: set[str], where: _Where) -> dict:
    if table is None:
        raise where.fail("missing")
    if not isinstance(table, dict):
        raise where.fail("must be a table")
    for name in table:
        if name not in allowed:
            raise where.at(name).fail(f"unknown field (allowed: {', '.join(sorted(allowed))})")
    for name in sorted(required):
        if name not in table:
            raise where.at(name).fail("missing")
    return table


def _str(table: dict, name: str, where: _Where, default: str | None = None) -> str:
    value = table.get(name, default)
    if not isinstance(value, str) or (name in table and not value.strip()):
        raise where.at(name).fail("must be a non-empty string")
    return value


def _opt_str(table: dict, name: str, where: _Where) -> str | None:
    return _str(table, name, where) if name in table else None


def _int(table: dict, name: str, where: _Where, default: int | None = None, minimum: int = 0) -> int:
    value = table.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise where.at(name).fail("must be an integer")
    if value < minimum:
        raise where.at(name).fail(f"must be at least {minimum}")
    return value


def _num(table: dict, name: str, where: _Where, default: float | None = None) -> float:
    value = table.get(name, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise where.at(name).fail("must be a number")
    return float(value)


def _bool(table: dict, name: str, where: _Where, default: bool | None = None) -> bool:
    value = table.get(name, default)
    if not isinstance(value, bool):
        raise where.at(name).fail("must be true or false")
    return value


def _str_list(table: dict, name: str, where: _Where, default: list | None = None) -> tuple[str, ...]:
    value = table.get(name, default)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise where.at(name).fail("must be a list of non-empty strings")
    if len(set(value)) != len(value):
        raise where.at(name).fail("lists an entry twice")
    return tuple(value)


def _placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


def _read_toml(path: Path, root: Path) -> tuple[dict, _Where]:
    where = _Where(path.relative_to(root).as_posix())
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle), where
    except tomllib.TOMLDecodeError as exc:
        raise where.fail(f"not valid TOML: {exc}") from exc
    except OSError as exc:
        raise where.fail(f"cannot be read: {exc}") from exc


# ---------------------------------------------------------------------------------------------
# features.toml and families.toml


def load_features(path: Path, root: Path) -> dict[str, Feature]:
    data, where = _read_toml(path, root)
    features: dict[str, Feature] = {}
    for name, table in data.items():
        here = where.at(name)
        if not NAME_SHAPE.fullmatch(name):
            raise here.fail("feature names are lowercase letters, digits and '_'")
        _check_fields(table, {"label", "value_kind", "description"}, {"label", "value_kind"}, here)
        kind = _str(table, "value_kind", here)
        if kind not in VALUE_KINDS:
            raise here.at("value_kind").fail(f"must be one of {', '.join(VALUE_KINDS)}")
        features[name] = Feature(name, _str(table, "label", here), kind, table.get("description", ""))
    if not features:
        raise where.fail("defines no feature")
    return features


def load_families(path: Path, root: Path, features: dict[str, Feature]) -> dict[str, Family]:
    data, where = _read_toml(path, root)
    families: dict[str, Family] = {}
    allowed = {"label", "banks", "native_fields", "keymap", "languages", "default_language", "time_zones"}
    for name, table in data.items():
        here = where.at(name)
        _check_fields(table, allowed, {"label", "default_language"}, here)
        keymap = []
        for feature, fields in table.get("keymap", {}).items():
            spot = here.at("keymap").at(feature)
            if feature not in features:
                raise spot.fail("is not a feature of features.toml")
            if not isinstance(fields, dict) or not all(isinstance(v, str) for v in fields.values()):
                raise spot.fail("must be a table of strings (native field -> template)")
            for field, template in fields.items():
                unknown = _placeholders(template) - set(KEYMAP_PLACEHOLDERS)
                if unknown:
                    raise spot.at(field).fail(
                        f"unknown placeholder {{{min(unknown)}}} (allowed: {', '.join(KEYMAP_PLACEHOLDERS)})"
                    )
            keymap.append((feature, tuple(fields.items())))
        languages = table.get("languages", {})
        if not all(isinstance(v, str) for v in languages.values()):
            raise here.at("languages").fail("must map ISO 639-1 codes to strings")
        zones = []
        for zone, fields in table.get("time_zones", {}).items():
            if not isinstance(fields, dict) or not all(isinstance(v, str) for v in fields.values()):
                raise here.at("time_zones").at(zone).fail("must be a table of strings")
            zones.append((zone, tuple(fields.items())))
        families[name] = Family(
            name=name,
            label=_str(table, "label", here),
            banks=_str_list(table, "banks", here, []),
            native_fields=_str_list(table, "native_fields", here, []),
            keymap=tuple(keymap),
            languages=tuple(languages.items()),
            default_language=_str(table, "default_language", here),
            time_zones=tuple(zones),
        )
    return families


# ---------------------------------------------------------------------------------------------
# model and module files


def _rect(table: object, where: _Where) -> Rect:
    _check_fields(table, {"x", "y", "w", "h"}, {"x", "y", "w", "h"}, where)
    assert isinstance(table, dict)
    rect = Rect(*(_num(table, name, where) for name in ("x", "y", "w", "h")))
    if rect.w <= 0 or rect.h <= 0:
        raise where.fail("width and height must be positive")
    return rect


def _layout(data: dict, where: _Where, family: Family, features: dict[str, Feature]) -> Layout | None:
    if "faceplate" not in data:
        if data.get("groups"):
            raise where.at("faceplate").fail("missing (key groups are drawn on a faceplate)")
        return None
    plate = _check_fields(data["faceplate"], {"w", "h"}, {"w", "h"}, where.at("faceplate"))
    width, height = _num(plate, "w", where.at("faceplate")), _num(plate, "h", where.at("faceplate"))
    screen = _rect(data["screen"], where.at("screen")) if "screen" in data else None
    if screen and not screen.inside(width, height):
        raise where.at("screen").fail(f"lies outside the faceplate ({width:g} x {height:g})")
    groups: list[KeyGroup] = []
    raw_groups = data.get("groups", [])
    if not isinstance(raw_groups, list):
        raise where.at("groups").fail("must be an array of tables ([[groups]])")
    for number, raw in enumerate(raw_groups):
        groups.append(_group(raw, where.at("groups").item(number), family, features, width, height))
    seen: set[str] = set()
    for group in groups:
        if group.id in seen:
            raise where.at("groups").fail(f"group id '{group.id}' is used twice")
        seen.add(group.id)
    key_ids = [key.id for group in groups for key in group.keys]
    if len(key_ids) != len(set(key_ids)):
        raise where.at("groups").fail("two keys share an id")
    return Layout(width, height, screen, tuple(groups))


def _group(
    raw: object, where: _Where, family: Family, features: dict[str, Feature], width: float, height: float
) -> KeyGroup:
    allowed = {"id", "label", "bank", "first_native", "count", "pages", "features", "blocks"}
    table = _check_fields(raw, allowed, allowed - {"first_native"}, where)
    group_id = _str(table, "id", where)
    if not NAME_SHAPE.fullmatch(group_id):
        raise where.at("id").fail("key group ids are lowercase letters, digits and '_'")
    bank = _str(table, "bank", where)
    if bank not in family.banks:
        raise where.at("bank").fail(
            f"'{bank}' is not a key bank of renderer '{family.name}' ({family.banks})"
        )
    names = _str_list(table, "features", where)
    for feature in names:
        if feature not in features:
            raise where.at("features").fail(f"'{feature}' is not a feature of features.toml")
        if family.native_key(feature) is None:
            raise where.at("features").fail(
                f"renderer '{family.name}' has no mapping for feature '{feature}'"
            )
    slots: list[Rect] = []
    blocks = table["blocks"]
    if not isinstance(blocks, list) or not blocks:
        raise where.at("blocks").fail("must be a non-empty array of tables")
    for number, block in enumerate(blocks):
        slots.extend(_block(block, where.at("blocks").item(number), width, height))
    count = _int(table, "count", where, minimum=1)
    pages = _int(table, "pages", where, minimum=1)
    if pages != math.ceil(count / len(slots)):
        raise where.at("pages").fail(
            f"{count} keys with {len(slots)} positions per page need {math.ceil(count / len(slots))} page(s)"
        )
    first = _int(table, "first_native", where, default=1)
    keys = tuple(
        Key(
            id=f"{group_id}-{index + 1}",
            group=group_id,
            index=index + 1,
            native_index=first + index,
            page=index // len(slots) + 1,
            rect=slots[index % len(slots)],
        )
        for index in range(count)
    )
    return KeyGroup(group_id, _str(table, "label", where), bank, names, pages, len(slots), keys)


def _block(raw: object, where: _Where, width: float, height: float) -> list[Rect]:
    allowed = {"x", "y", "w", "h", "rows", "columns", "gap"}
    table = _check_fields(raw, allowed, {"x", "y", "w", "h"}, where)
    x, y, w, h = (_num(table, name, where) for name in ("x", "y", "w", "h"))
    rows = _int(table, "rows", where, default=1, minimum=1)
    columns = _int(table, "columns", where, default=1, minimum=1)
    gap = _num(table, "gap", where, default=2)
    rects = [
        Rect(x + column * (w + gap), y + row * (h + gap), w, h)
        for row in range(rows)
        for column in range(columns)
    ]
    for rect in rects:
        if w <= 0 or h <= 0 or not rect.inside(width, height):
            raise where.fail(
                f"key at ({rect.x:g}, {rect.y:g}) size {w:g} x {h:g} "
                f"lies outside the faceplate ({width:g} x {height:g})"
            )
    return rects


_DEVICE_FIELDS = {
    "id",
    "vendor",
    "model",
    "kind",
    "accounts",
    "renderer",
    "ua_patterns",
    "notify_resync",
    "notify_reboot",
    "admin_password",
    "user_password",
    "redirection",
    "manual_steps",
    "notes",
}
_DEVICE_REQUIRED = {
    "id",
    "vendor",
    "model",
    "kind",
    "accounts",
    "renderer",
    "ua_patterns",
    "admin_password",
    "user_password",
    "manual_steps",
}
_TOP_DEVICE = {"device", "faceplate", "screen", "groups", "expansion", "dect", "gateway", "native"}
_TOP_MODULE = {"module", "faceplate", "screen", "groups"}


def expected_id(where: _Where) -> str:
    vendor_dir, _, file_name = where.file.rpartition("/")
    return f"{vendor_dir.rsplit('/', 1)[-1]}-{file_name.removesuffix('.toml')}"


def parse_entry(
    path: Path, root: Path, families: dict[str, Family], features: dict[str, Feature]
) -> DeviceType | ModuleType:
    data, where = _read_toml(path, root)
    if "module" in data:
        return _module(data, where, families, features)
    if "device" not in data:
        raise where.at("device").fail("missing (a catalog file has a [device] or a [module] table)")
    return _device(data, where, families, features)


def _common(table: dict, here: _Where, families: dict[str, Family]) -> tuple[str, Family]:
    type_id = _str(table, "id", here)
    if not ID_SHAPE.fullmatch(type_id) or type_id != expected_id(here):
        raise here.at("id").fail(f"must be '{expected_id(here)}' (<vendor folder>-<file name>), lowercase")
    renderer = _str(table, "renderer", here)
    if renderer not in families:
        raise here.at("renderer").fail(f"unknown renderer family '{renderer}' (known: {', '.join(families)})")
    return type_id, families[renderer]


def _module(
    data: dict, where: _Where, families: dict[str, Family], features: dict[str, Feature]
) -> ModuleType:
    _check_fields(data, _TOP_MODULE, {"module", "faceplate", "groups"}, where)
    here = where.at("module")
    table = _check_fields(
        data["module"], {"id", "vendor", "model", "renderer"}, {"id", "vendor", "model", "renderer"}, here
    )
    type_id, family = _common(table, here, families)
    layout = _layout(data, where, family, features)
    assert layout is not None
    return ModuleType(
        type_id, _str(table, "vendor", here), _str(table, "model", here), family.name, layout, where.file
    )


def _device(
    data: dict, where: _Where, families: dict[str, Family], features: dict[str, Feature]
) -> DeviceType:
    _check_fields(data, _TOP_DEVICE, {"device"}, where)
    here = where.at("device")
    table = _check_fields(data["device"], _DEVICE_FIELDS, _DEVICE_REQUIRED, here)
    type_id, family = _common(table, here, families)
    kind = _str(table, "kind", here)
    if kind not in KINDS:
        raise here.at("kind").fail(f"must be one of {', '.join(KINDS)}")
    for number, pattern in enumerate(_str_list(table, "ua_patterns", here)):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise here.at("ua_patterns").item(number).fail(f"not a valid regular expression: {exc}") from exc
    steps = _str_list(table, "manual_steps", here)
    for number, step in enumerate(steps):
        unknown = _placeholders(step) - set(MANUAL_STEP_PLACEHOLDERS)
        if unknown:
            raise (
                here.at("manual_steps")
                .item(number)
                .fail(
                    f"unknown placeholder {{{min(unknown)}}} (allowed: {', '.join(MANUAL_STEP_PLACEHOLDERS)})"
                )
            )
    resync = _opt_str(table, "notify_resync", here)
    if kind in KINDS_WITH_NOTIFY and resync is None:
        raise here.at("notify_resync").fail(f"missing (a {kind} is re-synchronised by SIP NOTIFY)")
    layout = _layout(data, where, family, features)
    if kind in KINDS_WITH_KEYS and (layout is None or not layout.groups):
        raise where.at("groups").fail(f"a {kind} device needs at least one key group")
    if kind not in KINDS_WITH_KEYS and layout is not None and layout.groups:
        raise where.at("groups").fail(f"keys of a {kind} are not managed here; remove the key groups")
    native = data.get("native", {})
    _check_fields(native, set(family.native_fields), set(), where.at("native"))
    dect = _dect(data, where, kind)
    ports, fax = _gateway(data, where, kind)
    return DeviceType(
        id=type_id,
        vendor=_str(table, "vendor", here),
        model=_str(table, "model", here),
        kind=kind,
        accounts=_int(table, "accounts", here, minimum=1),
        renderer=family.name,
        has_admin_password=_bool(table, "admin_password", here),
        has_user_password=_bool(table, "user_password", here),
        notify_resync=resync,
        notify_reboot=_opt_str(table, "notify_reboot", here),
        redirection=_opt_str(table, "redirection", here),
        manual_steps=steps,
        ua_patterns=_str_list(table, "ua_patterns", here),
        layout=layout or Layout(0, 0, None, ()),
        expansion=_expansion(data, where),
        max_handsets=dect[0],
        handset_types=dect[1],
        compatible_bases=dect[2],
        ports=ports,
        fax=fax,
        native=tuple(native.items()),
        notes=_str_list(table, "notes", here, []),
        source=where.file,
    )


def _expansion(data: dict, where: _Where) -> Expansion | None:
    if "expansion" not in data:
        return None
    here = where.at("expansion")
    table = _check_fields(data["expansion"], {"module", "max", "native_first"}, {"module", "max"}, here)
    first = _int(table, "native_first", here) if "native_first" in table else None
    return Expansion(_str(table, "module", here), _int(table, "max", here, minimum=1), first)


def _dect(data: dict, where: _Where, kind: str) -> tuple[int | None, tuple[str, ...], tuple[str, ...]]:
    here = where.at("dect")
    if kind == "dect-base":
        table = _check_fields(
            data.get("dect"), {"max_handsets", "handset_types"}, {"max_handsets", "handset_types"}, here
        )
        return _int(table, "max_handsets", here, minimum=1), _str_list(table, "handset_types", here), ()
    if kind == "dect-handset":
        table = _check_fields(data.get("dect"), {"bases"}, {"bases"}, here)
        return None, (), _str_list(table, "bases", here)
    if "dect" in data:
        raise here.fail(f"only DECT bases and handsets have a [dect] table, this is a {kind}")
    return None, (), ()


def _gateway(data: dict, where: _Where, kind: str) -> tuple[int, bool]:
    here = where.at("gateway")
    if kind == "gateway":
        table = _check_fields(data.get("gateway"), {"ports", "fax"}, {"ports", "fax"}, here)
        return _int(table, "ports", here, minimum=1), _bool(table, "fax", here)
    if "gateway" in data:
        raise here.fail(f"only gateways have a [gateway] table, this is a {kind}")
    return 0, False
