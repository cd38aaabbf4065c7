"""The working layout of one device with its undo history: every edit of the Keys tab goes through here.

It answers the scenes' drag questions with the catalog's rule (`Catalog.accepts`, the same one
the CLI and KeyService enforce) and turns each edit into one undoable command.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtGui import QUndoStack

from app.catalog import Catalog, Layout
from ui.keys.mime import dragged_assignment, dragged_key
from ui.keys.operations import (
    Assignment,
    Changes,
    CopyResult,
    FillResult,
    Slot,
    Subscriber,
    accepts,
    clear_page_changes,
    copy_changes,
    fill_subscribers,
    swap_changes,
)
from ui.keys.working_layout import ChangeKeysCommand, WorkingLayout


class KeyEditing(QObject):
    def __init__(self, catalog: Catalog, type_id: str, device_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog, self.type_id, self.device_id = catalog, type_id, device_id
        self.working = WorkingLayout(parent=self)
        self.undo_stack = QUndoStack(self)

    def load(self, assignments: dict[Slot, Assignment]) -> None:
        """Start over from stored keys: the undo history is dropped."""
        self.undo_stack.clear()
        self.working.reset(assignments)
        self.undo_stack.setClean()

    def accepts(self, slot: Slot, assignment: Assignment | None) -> bool:
        return accepts(self.catalog, self.type_id, slot, assignment)

    def push(self, changes: Changes, text: str) -> bool:
        """Apply `changes` as one undoable step; False if they change nothing."""
        command = ChangeKeysCommand(self.working, changes, text)
        if command.is_noop():
            return False
        self.undo_stack.push(command)
        return True

    # --- the edits ------------------------------------------------------------------------------
    def set_key(self, slot: Slot, assignment: Assignment | None) -> bool:
        if not self.accepts(slot, assignment):
            return False
        if assignment is None:
            text = self.tr("Clear key %1").replace("%1", slot[1])
        else:
            label = self.catalog.features[assignment.feature].label
            text = self.tr("Put %1 on key %2").replace("%1", label).replace("%2", slot[1])
        return self.push({slot: assignment}, text)

    def swap(self, source: Slot, target: Slot) -> bool:
        changes = swap_changes(self.catalog, self.type_id, self.working.snapshot(), source, target)
        text = self.tr("Move key %1 to %2").replace("%1", source[1]).replace("%2", target[1])
        return changes is not None and self.push(changes, text)

    def fill_blf(self, subscribers: list[Subscriber], own_number: str) -> FillResult:
        result = fill_subscribers(
            self.catalog, self.type_id, self.working.snapshot(), subscribers, own_number, "blf"
        )
        self.push(result.changes, self.tr("BLF for every other subscriber"))
        return result

    def copy(self, source: dict[Slot, Assignment], source_name: str) -> CopyResult:
        result = copy_changes(self.catalog, self.type_id, self.working.snapshot(), source)
        self.push(result.changes, self.tr("Copy layout from %1").replace("%1", source_name))
        return result

    def clear_page(self, module: int, layout: Layout, page: int) -> bool:
        changes = clear_page_changes(self.working.snapshot(), module, layout, page)
        return self.push(changes, self.tr("Clear page %1").replace("%1", str(page)))

    # --- drag and drop ----------------------------------------------------------------------------
    def can_drop(self, slot: Slot, mime: QMimeData) -> bool:
        moved = dragged_key(mime)
        if moved is not None:
            if moved.device_id != self.device_id:
                return False  # another device's key: its ids may mean other keys here
            snapshot = self.working.snapshot()
            return swap_changes(self.catalog, self.type_id, snapshot, moved.slot, slot) is not None
        assignment = dragged_assignment(mime)
        return assignment is not None and self.accepts(slot, assignment)

    def drop(self, slot: Slot, mime: QMimeData) -> bool:
        """Apply a drop the key accepts; True if the key now carries what was dropped."""
        if not self.can_drop(slot, mime):
            return False
        moved = dragged_key(mime)
        if moved is not None:
            return self.swap(moved.slot, slot)
        assignment = dragged_assignment(mime)
        self.set_key(slot, assignment)
        return self.working.get(slot) == assignment
