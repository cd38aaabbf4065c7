"""Plain, frozen value types of the device catalog.

Everything a device model is and can do comes from `resources/devices/` (see FORMAT.md);
these types only carry it. No model fact lives in Python code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = ("desk", "dect-base", "dect-handset", "gateway", "app", "webrtc")
VALUE_KINDS = ("none", "subscriber", "number", "code", "line")

# What a key value of each kind may look like. The vPBX service checks that a "subscriber"
# really is a line of the vPBX; here only the shape is checked.
_VALUE_SHAPES = {
    "none": (re.compile(r""), "must be empty"),
    "subscriber": (
        re.compile(r"\+?[0-9]{1,32}"),
        "must be the number of a subscriber of the vPBX (digits, optional leading +)",
    ),
    "number": (re.compile(r"\+?[0-9]{1,32}"), "must be a telephone number (digits, optional leading +)"),
    "code": (re.compile(r"[0-9*#]{1,32}"), "must be a code of digits, * and # (e.g. *21#)"),
    "line": (re.compile(r"[0-9]{0,2}"), "must be empty or an account number (e.g. 1)"),
}


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    def inside(self, width: float, height: float) -> bool:
        return self.x >= 0 and self.y >= 0 and self.x + self.w <= width and self.y + self.h <= height


@dataclass(frozen=True)
class Feature:
    name: str
    label: str
    value_kind: str  # one of VALUE_KINDS
    description: str = ""

    def value_problem(self, value: str) -> str | None:
        """None if `value` fits this feature, else a sentence saying what is wrong."""
        pattern, hint = _VALUE_SHAPES[self.value_kind]
        if pattern.fullmatch(value):
            return None
        return f"value {value!r} for feature '{self.name}' {hint}"


@dataclass(frozen=True)
class Key:
    id: str  # stable, e.g. "line-7"; unique within its device or module type
    group: str
    index: int  # 1-based within the group
    native_index: int  # index the vendor format uses for this key (see the group's `first_native`)
    page: int  # 1-based
    rect: Rect

    @property
    def x(self) -> float:
        return self.rect.x

    @property
    def y(self) -> float:
        return self.rect.y

    @property
    def w(self) -> float:
        return self.rect.w

    @property
    def h(self) -> float:
        return self.rect.h


@dataclass(frozen=True)
class KeyGroup:
    id: str
    label: str
    bank: str  # the vendor's key bank, e.g. "linekey", "fkey", "vpk" (see families.toml)
    features: tuple[str, ...]
    pages: int
    per_page: int
    keys: tuple[Key, ...]


@dataclass(frozen=True)
class Layout:
    """What the Keys tab draws for one module: the faceplate, its screen and its keys."""

    width: float
    height: float
    screen: Rect | None
    groups: tuple[KeyGroup, ...]

    @property
    def keys(self) -> tuple[Key, ...]:
        return tuple(key for group in self.groups for key in group.keys)

    @property
    def pages(self) -> int:
        return max((group.pages for group in self.groups), default=0)

    def key(self, key_id: str) -> Key:
        for key in self.keys:
            if key.id == key_id:
                return key
        raise KeyError(f"no key {key_id!r} on this module")

    def group_of(self, key_id: str) -> KeyGroup | None:
        for group in self.groups:
            if any(key.id == key_id for key in group.keys):
                return group
        return None


@dataclass(frozen=True)
class ModuleType:
    id: str
    vendor: str
    model: str
    renderer: str
    layout: Layout
    source: str  # catalog file, relative to the catalog root

    @property
    def faceplate(self) -> tuple[float, float]:
        return self.layout.width, self.layout.height

    @property
    def screen(self) -> Rect | None:
        return self.layout.screen

    @property
    def groups(self) -> tuple[KeyGroup, ...]:
        return self.layout.groups

    @property
    def keys(self) -> tuple[Key, ...]:
        return self.layout.keys


@dataclass(frozen=True)
class Expansion:
    module: str  # module type id
    max_count: int
    # Native index of the first key of module 1 for vendors that number module keys after the
    # device's own keys (Snom fkey idx); module m starts at native_first + (m-1) * keys per module.
    native_first: int | None = None


@dataclass(frozen=True)
class DeviceType:
    id: str
    vendor: str
    model: str
    kind: str
    accounts: int
    renderer: str
    has_admin_password: bool
    has_user_password: bool
    notify_resync: str | None  # None: the device has no SIP resync (apps, browser phones)
    notify_reboot: str | None  # None: restart from the console is not supported
    redirection: str | None
    manual_steps: tuple[str, ...]
    ua_patterns: tuple[str, ...]
    layout: Layout
    expansion: Expansion | None
    max_handsets: int | None  # DECT bases
    handset_types: tuple[str, ...]  # DECT bases: handset type ids that fit
    compatible_bases: tuple[str, ...]  # DECT handsets: base type ids they fit
    ports: int  # gateways: analog ports
    fax: bool  # gateways: T.38 fax support
    native: tuple[tuple[str, object], ...]  # renderer-specific model facts (FORMAT.md, [native])
    notes: tuple[str, ...]  # facts marked unconfirmed in the reference, shown to maintainers
    source: str

    @property
    def restart_supported(self) -> bool:
        return self.notify_reboot is not None

    @property
    def keys(self) -> tuple[Key, ...]:
        return self.layout.keys

    @property
    def faceplate(self) -> tuple[float, float]:
        return self.layout.width, self.layout.height

    @property
    def screen(self) -> Rect | None:
        return self.layout.screen

    @property
    def groups(self) -> tuple[KeyGroup, ...]:
        return self.layout.groups

    def native_value(self, name: str, default: object = None) -> object:
        for key, value in self.native:
            if key == name:
                return value
        return default

    def matches_user_agent(self, user_agent: str) -> bool:
        return any(re.search(pattern, user_agent) for pattern in self.ua_patterns)

    def manual_steps_for(self, base_url: str, access_key: str) -> tuple[str, ...]:
        """The manual-configuration steps with the device's links filled in (placeholders: FORMAT.md)."""
        values = link_placeholders(base_url, access_key)
        return tuple(step.format_map(values) for step in self.manual_steps)


MANUAL_STEP_PLACEHOLDERS = ("url", "directory_url", "server_path")


def link_placeholders(base_url: str, access_key: str) -> dict[str, str]:
    """The links a device can be told about. `base_url` ends with '/'."""
    without_scheme = base_url.split("://", 1)[-1]
    return {
        "url": f"{base_url}{access_key}.cfg",
        "directory_url": f"{base_url}{access_key}/",
        "server_path": f"{without_scheme}{access_key}",
    }


@dataclass(frozen=True)
class Family:
    """A renderer family: which features it can put on a key and how (families.toml)."""

    name: str
    label: str
    banks: tuple[str, ...]
    native_fields: tuple[str, ...]
    keymap: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # feature -> native field templates
    languages: tuple[tuple[str, str], ...]  # ISO 639-1 -> vendor's language name
    default_language: str
    time_zones: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # IANA -> vendor's fields

    def native_key(self, feature: str) -> dict[str, str] | None:
        for name, fields in self.keymap:
            if name == feature:
                return dict(fields)
        return None

    @property
    def features(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.keymap)

    def language(self, iso: str) -> str:
        return dict(self.languages).get(iso, self.default_language)

    def time_zone(self, iana: str) -> dict[str, str] | None:
        for name, fields in self.time_zones:
            if name == iana:
                return dict(fields)
        return None
