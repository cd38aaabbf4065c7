"""The device type chooser of an empty "Telephone": catalog types grouped by vendor, sorted by model.

A DECT handset can only be chosen where a compatible base station exists in the line's vPBX; otherwise
it stays listed (so the user learns it exists) but disabled, with the reason in its tooltip and text.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QWidget

from app.catalog import DeviceType

TYPE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def sorted_types(types: Iterable[DeviceType]) -> list[DeviceType]:
    return sorted(types, key=lambda t: (t.vendor.casefold(), t.model.casefold()))


def first_compatible_base(handset: DeviceType, bases: Mapping[str, Sequence[int]]) -> int | None:
    """The first base station (device id) of the vPBX this handset fits; `bases`: base type id -> device ids."""
    for base_type in handset.compatible_bases:
        if bases.get(base_type):
            return bases[base_type][0]
    return None


class DeviceTypeCombo(QComboBox):
    def __init__(self, types: Iterable[DeviceType], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._types = {t.id: t for t in types}
        self._items: dict[str, QStandardItem] = {}
        self._model = QStandardItemModel(self)
        vendor_font = QFont()
        vendor_font.setBold(True)
        vendor = None
        for device_type in sorted_types(self._types.values()):
            if device_type.vendor != vendor:
                vendor = device_type.vendor
                header = QStandardItem(vendor)
                header.setFont(vendor_font)
                header.setFlags(Qt.ItemFlag.NoItemFlags)  # a group title, not a choice
                self._model.appendRow(header)
            item = QStandardItem(f"    {device_type.vendor} {device_type.model}")
            item.setData(device_type.id, TYPE_ID_ROLE)
            self._model.appendRow(item)
            self._items[device_type.id] = item
        self.setModel(self._model)
        self.setMaxVisibleItems(20)
        # the popup shows the long entries; the closed box need not be as wide as the longest
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(20)
        self.set_available_bases({})
        self.select_type(next(iter(self._items), ""))

    def device_type(self, type_id: str) -> DeviceType:
        return self._types[type_id]

    def current_type_id(self) -> str | None:
        value = self.currentData(TYPE_ID_ROLE)
        return str(value) if value else None

    def select_type(self, type_id: str) -> None:
        item = self._items.get(type_id)
        if item is not None:
            self.setCurrentIndex(item.row())

    def is_enabled(self, type_id: str) -> bool:
        return bool(self._items[type_id].flags() & Qt.ItemFlag.ItemIsEnabled)

    def set_available_bases(self, bases: Mapping[str, Sequence[int]]) -> None:
        """Enable each DECT handset only where one of its base types is present (`bases` as above)."""
        for type_id, item in self._items.items():
            device_type = self._types[type_id]
            label = f"    {device_type.vendor} {device_type.model}"
            if device_type.kind != "dect-handset" or first_compatible_base(device_type, bases) is not None:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setText(label)
                item.setToolTip("")
                continue
            names = ", ".join(f"{self._types[b].vendor} {self._types[b].model}"
                              for b in device_type.compatible_bases if b in self._types)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setText(label + self.tr(" (needs a DECT base)"))
            item.setToolTip(self.tr("A DECT handset registers at a base station: create a %1 on a line of "
                                    "this vPBX first.").replace("%1", names or self.tr("compatible base")))
        current = self.current_type_id()
        if current is None or not self.is_enabled(current):
            enabled = next((t for t in self._items if self.is_enabled(t)), None)
            if enabled is not None:
                self.select_type(enabled)
