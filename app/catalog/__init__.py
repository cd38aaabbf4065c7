"""The device catalog: which device models exist and what each supports, loaded from data.

Usage: ``catalog = load_catalog()`` (default root: <repo>/resources/devices). The format of
the files is described in resources/devices/FORMAT.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from app.catalog.loader import CatalogError, load_families, load_features, parse_entry
from app.catalog.types import (
    KINDS,
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
    link_placeholders,
)

__all__ = [
    "KINDS",
    "VALUE_KINDS",
    "Catalog",
    "CatalogError",
    "DeviceType",
    "Expansion",
    "Family",
    "Feature",
    "Key",
    "KeyGroup",
    "Layout",
    "ModuleType",
    "Rect",
    "default_root",
    "link_placeholders",
    "load_catalog",
]


def default_root() -> Path:
    return Path(__file__).resolve().parents[2] / "resources" / "devices"


@dataclass(frozen=True, eq=False)
class Catalog:
    """The loaded catalog; immutable, so one instance can be shared by all threads."""

    devices: tuple[DeviceType, ...]  # in display order (vendor, then model)
    modules: tuple[ModuleType, ...]
    features: Mapping[str, Feature]  # in features.toml order
    families: Mapping[str, Family]

    def device_types(self) -> list[DeviceType]:
        return list(self.devices)

    def module_types(self) -> list[ModuleType]:
        return list(self.modules)

    def device_type(self, type_id: str) -> DeviceType:
        for device in self.devices:
            if device.id == type_id:
                return device
        raise KeyError(
            f"unknown device type {type_id!r}; known types: {', '.join(d.id for d in self.devices)}"
        )

    def module_type(self, type_id: str) -> ModuleType:
        for module in self.modules:
            if module.id == type_id:
                return module
        raise KeyError(f"unknown expansion module type {type_id!r}")

    def family(self, name: str) -> Family:
        return self.families[name]

    def layout(self, type_id: str, module_index: int) -> Layout | None:
        """Keys and drawing of module `module_index` (0 = the device) or None if it cannot exist."""
        device = self.device_type(type_id)
        if module_index == 0:
            return device.layout
        if device.expansion and 1 <= module_index <= device.expansion.max_count:
            return self.module_type(device.expansion.module).layout
        return None

    def accepts(self, type_id: str, module_index: int, key_id: str, feature: str) -> bool:
        """Whether key `key_id` of module `module_index` of a `type_id` device can carry `feature`.

        The one rule the Keys tab (drag-and-drop) and the CLI both ask.
        """
        layout = self.layout(type_id, module_index)
        if layout is None or feature not in self.features:
            return False
        group = layout.group_of(key_id)
        return group is not None and feature in group.features

    def features_for(self, type_id: str, module_index: int, key_id: str) -> tuple[Feature, ...]:
        return tuple(
            f for name, f in self.features.items() if self.accepts(type_id, module_index, key_id, name)
        )

    def handset_types_for(self, base_id: str) -> tuple[DeviceType, ...]:
        return tuple(self.device_type(t) for t in self.device_type(base_id).handset_types)

    def bases_for(self, handset_id: str) -> tuple[DeviceType, ...]:
        return tuple(self.device_type(t) for t in self.device_type(handset_id).compatible_bases)

    def match_user_agent(self, user_agent: str) -> tuple[DeviceType, ...]:
        return tuple(d for d in self.devices if d.matches_user_agent(user_agent))


def load_catalog(root: Path | None = None) -> Catalog:
    """Load and validate the whole catalog; raises CatalogError naming the file and field."""
    root = Path(root) if root is not None else default_root()
    if not root.is_dir():
        raise CatalogError(f"{root}: catalog folder not found")
    for stray in sorted(root.glob("*.toml")):
        if stray.name not in ("features.toml", "families.toml"):
            raise CatalogError(
                f"{stray.name}: field '(file)': model files belong in a vendor folder "
                "(<vendor>/<model>.toml), see FORMAT.md"
            )
    features = load_features(root / "features.toml", root)
    families = load_families(root / "families.toml", root, features)
    devices: list[DeviceType] = []
    modules: list[ModuleType] = []
    for path in sorted(root.glob("*/*.toml")):
        entry = parse_entry(path, root, families, features)
        (modules if isinstance(entry, ModuleType) else devices).append(entry)
    catalog = Catalog(
        devices=tuple(sorted(devices, key=lambda d: (d.vendor.lower(), d.model.lower()))),
        modules=tuple(modules),
        features=MappingProxyType(features),
        families=MappingProxyType(families),
    )
    _check_references(catalog)
    return catalog


def _check_references(catalog: Catalog) -> None:
    seen: dict[str, str] = {}
    for entry in (*catalog.devices, *catalog.modules):
        if entry.id in seen:
            raise CatalogError(
                f"{entry.source}: field 'id': '{entry.id}' is already used by {seen[entry.id]}"
            )
        seen[entry.id] = entry.source
    devices = {d.id: d for d in catalog.devices}
    modules = {m.id: m for m in catalog.modules}
    for device in catalog.devices:
        if device.expansion:
            module = modules.get(device.expansion.module)
            if module is None:
                raise CatalogError(
                    f"{device.source}: field 'expansion.module': "
                    f"no expansion module '{device.expansion.module}' in the catalog"
                )
            if module.renderer != device.renderer:
                raise CatalogError(
                    f"{device.source}: field 'expansion.module': module '{module.id}' uses "
                    f"renderer '{module.renderer}', the device '{device.renderer}'"
                )
        for handset_id in device.handset_types:
            handset = devices.get(handset_id)
            if handset is None or handset.kind != "dect-handset":
                raise CatalogError(
                    f"{device.source}: field 'dect.handset_types': "
                    f"'{handset_id}' is not a DECT handset of the catalog"
                )
            if device.id not in handset.compatible_bases:
                raise CatalogError(
                    f"{handset.source}: field 'dect.bases': does not list '{device.id}', "
                    f"which lists this handset in {device.source}"
                )
        for base_id in device.compatible_bases:
            base = devices.get(base_id)
            if base is None or base.kind != "dect-base":
                raise CatalogError(
                    f"{device.source}: field 'dect.bases': '{base_id}' is not a DECT base of the catalog"
                )
            if device.id not in base.handset_types:
                raise CatalogError(
                    f"{base.source}: field 'dect.handset_types': does not list '{device.id}', "
                    f"which lists this base in {device.source}"
                )
