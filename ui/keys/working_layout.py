"""The layout being edited (not yet saved) and the one undoable command that changes it."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from ui.keys.operations import Assignment, Changes, Slot


class WorkingLayout(QObject):
    """Slot -> Assignment of one device; only `ChangeKeysCommand` writes to it (so all is undoable)."""

    changed = Signal(list)  # the slots whose assignment changed

    def __init__(
        self, assignments: Mapping[Slot, Assignment] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._assignments: dict[Slot, Assignment] = dict(assignments or {})

    def get(self, slot: Slot) -> Assignment | None:
        return self._assignments.get(slot)

    def snapshot(self) -> dict[Slot, Assignment]:
        return dict(self._assignments)

    def reset(self, assignments: Mapping[Slot, Assignment]) -> None:
        """Replace everything (loading from the database); not undoable on purpose."""
        slots = list(set(self._assignments) | set(assignments))
        self._assignments = dict(assignments)
        self.changed.emit(slots)

    def apply(self, changes: Changes) -> None:
        for slot, assignment in changes.items():
            if assignment is None:
                self._assignments.pop(slot, None)
            else:
                self._assignments[slot] = assignment
        self.changed.emit(list(changes))


class ChangeKeysCommand(QUndoCommand):
    """Sets some keys to new assignments; undo puts back what they had before."""

    def __init__(self, layout: WorkingLayout, after: Changes, text: str) -> None:
        super().__init__(text)
        self._layout = layout
        self._after = dict(after)
        self._before: Changes = {slot: layout.get(slot) for slot in after}

    def is_noop(self) -> bool:
        return self._before == self._after

    def redo(self) -> None:
        self._layout.apply(self._after)

    def undo(self) -> None:
        self._layout.apply(self._before)
