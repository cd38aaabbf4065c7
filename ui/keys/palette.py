"""What can be dragged onto a key: this model's features, the vPBX's subscribers, the device's
accounts, the vPBX phonebook and a direct-dial number or *#-code typed by the user."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.catalog import Catalog
from app.services.dto import PhonebookEntryInfo
from ui.keys.mime import MIME_ASSIGNMENT, MIME_SUBSCRIBER, assignment_mime, subscriber_mime
from ui.keys.operations import Assignment, Subscriber

PAYLOAD_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class SubscriberEntry:
    """A palette entry that becomes a key of the feature chosen in 'Subscriber keys as'."""

    number: str


class PaletteTree(QTreeWidget):
    def __init__(self, palette: KeyPalette) -> None:
        super().__init__(palette)
        self._palette = palette
        self.setHeaderHidden(True)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def mimeTypes(self) -> list[str]:
        return [MIME_ASSIGNMENT, MIME_SUBSCRIBER]

    def mimeData(self, items) -> QMimeData | None:
        if not items:
            return None
        return self._palette.mime_for(items[0])


class KeyPalette(QWidget):
    """Drag sources; double-click or Enter puts an entry on the selected key instead."""

    chosen = Signal(object)  # an Assignment, from double-click / Enter (keyboard alternative)

    def __init__(self, catalog: Catalog, features: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._features = features
        self.subscriber_feature = QComboBox(self)
        for name in features:
            if catalog.features[name].value_kind == "subscriber":
                self.subscriber_feature.addItem(catalog.features[name].label, name)
        self.subscriber_feature.setToolTip(self.tr("What dropping a subscriber puts on a key"))
        self.direct_dial = QLineEdit(self)
        self.direct_dial.setPlaceholderText(self.tr("Number or *#-code, then drag it"))
        self.tree = PaletteTree(self)
        form = QFormLayout()
        form.addRow(self.tr("Subscriber keys as:"), self.subscriber_feature)
        form.addRow(self.tr("Direct dial:"), self.direct_dial)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(form)
        box.addWidget(self.tree, 1)
        self.direct_dial.textChanged.connect(self._update_direct_dial)
        self.tree.itemActivated.connect(self._activated)
        self._dial_item: QTreeWidgetItem | None = None
        self.sections: dict[str, QTreeWidgetItem] = {}

    # --- content --------------------------------------------------------------------------
    def populate(
        self,
        subscribers: list[Subscriber],
        own_number: str,
        accounts: int,
        phonebook: list[PhonebookEntryInfo],
    ) -> None:
        self.tree.clear()
        self.sections = {}
        features = self._section("features", self.tr("Key features of this model"))
        for name in self._features:
            feature = self._catalog.features[name]
            self._entry(features, feature.label, Assignment(name), feature.description)
        if "blf" in self._features or self.subscriber_feature.count():
            people = self._section("subscribers", self.tr("Subscribers of the vPBX"))
            for s in subscribers:
                own = self.tr(" (this device's line)") if s.number == own_number else ""
                self._entry(people, f"{s.number}  {s.display_name}{own}", SubscriberEntry(s.number), "")
        if "line" in self._features:
            lines = self._section("accounts", self.tr("Lines (accounts) of this device"))
            for index in range(1, max(1, accounts) + 1):
                text = self.tr("Account %1").replace("%1", str(index))
                if index == 1 and own_number:
                    text += f"  ({own_number})"
                self._entry(lines, text, Assignment("line", str(index)), "")
        book = self._section("phonebook", self.tr("vPBX phonebook"))
        if "phonebook" in self._features:
            label = self._catalog.features["phonebook"].label
            self._entry(
                book, self.tr("Open the phonebook (%1)").replace("%1", label), Assignment("phonebook"), ""
            )
        if "speed_dial" in self._features:
            for entry in phonebook:
                self._entry(
                    book,
                    f"{entry.name}  {entry.number}",
                    Assignment("speed_dial", entry.number, entry.name),
                    self.tr("Direct dial"),
                )
        self._dial_item = None
        self._update_direct_dial(self.direct_dial.text())
        self.tree.expandAll()

    def _section(self, key: str, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [title])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: not draggable
        self.sections[key] = item
        return item

    def _entry(self, parent: QTreeWidgetItem, text: str, payload: object, tooltip: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text])
        item.setData(0, PAYLOAD_ROLE, payload)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )
        if tooltip:
            item.setToolTip(0, tooltip)
        return item

    def _update_direct_dial(self, text: str) -> None:
        value = text.strip().replace(" ", "")
        feature = "star_code" if ("*" in value or "#" in value) else "speed_dial"
        if not value or feature not in self._features:
            if self._dial_item is not None:
                self._dial_item.parent().removeChild(self._dial_item)
                self._dial_item = None
            return
        if self._dial_item is None:
            section = self.sections.get("dial") or self._section("dial", self.tr("Direct dial"))
            self._dial_item = self._entry(section, "", None, "")
            section.setExpanded(True)
        self._dial_item.setText(0, f"{self._catalog.features[feature].label}: {value}")
        self._dial_item.setData(0, PAYLOAD_ROLE, Assignment(feature, value))

    # --- what an entry puts on a key ----------------------------------------------------------
    def entry_items(self, section: str) -> list[QTreeWidgetItem]:
        parent = self.sections.get(section)
        return [parent.child(i) for i in range(parent.childCount())] if parent else []

    def assignment_for(self, item: QTreeWidgetItem) -> Assignment | None:
        payload = item.data(0, PAYLOAD_ROLE)
        if isinstance(payload, SubscriberEntry):
            feature = self.subscriber_feature.currentData()
            return Assignment(feature, payload.number) if feature else None
        return payload if isinstance(payload, Assignment) else None

    def mime_for(self, item: QTreeWidgetItem) -> QMimeData | None:
        payload = item.data(0, PAYLOAD_ROLE)
        if isinstance(payload, SubscriberEntry):
            feature = self.subscriber_feature.currentData()
            return subscriber_mime(payload.number, feature) if feature else None
        if isinstance(payload, Assignment):
            return assignment_mime(payload)
        return None

    def _activated(self, item: QTreeWidgetItem) -> None:
        assignment = self.assignment_for(item)
        if assignment is not None:
            self.chosen.emit(assignment)
