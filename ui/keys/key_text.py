"""What a key shows and what is wrong with it, from its assignment and the vPBX's subscribers (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.catalog import Catalog
from ui.keys.operations import Assignment, Slot, Subscriber, value_problem
from ui.messages import sentence


@dataclass(frozen=True)
class KeyLook:
    """First line (label or name), second line (feature and value), and a problem to flag."""

    title: str = ""
    detail: str = ""
    assigned: bool = False
    problem: str = ""  # non-empty: the value is incomplete or wrong (drawn as a warning mark)


@dataclass(frozen=True)
class KeyTexts:
    catalog: Catalog
    type_id: str
    own_number: str
    subscribers: tuple[Subscriber, ...]

    def subscriber_name(self, number: str) -> str:
        return next((s.display_name for s in self.subscribers if s.number == number), "")

    def problem(self, slot: Slot, assignment: Assignment | None) -> str:
        if assignment is None:
            return ""
        if not self.catalog.accepts(self.type_id, slot[0], slot[1], assignment.feature):
            return QCoreApplication.translate("KeysTab", "This key does not accept this feature.")
        accounts = self.catalog.device_type(self.type_id).accounts
        problem = value_problem(self.catalog, accounts, {s.number for s in self.subscribers}, assignment)
        return sentence(problem) if problem else ""

    def look(self, slot: Slot, a: Assignment | None) -> KeyLook:
        """An empty label shows the subscriber's current name (as the configuration renderer does)."""
        if a is None:
            return KeyLook()
        feature = self.catalog.features.get(a.feature)
        label = feature.label if feature else a.feature
        kind = feature.value_kind if feature else "none"
        problem = self.problem(slot, a)
        if kind == "subscriber":
            title = a.label or self.subscriber_name(a.value) or a.value or label
            return KeyLook(title, f"{label} {a.value}".strip(), True, problem)
        if kind == "line":
            account = a.value or "1"
            number = self.own_number if account == "1" else ""
            return KeyLook(a.label or number or f"{label} {account}", f"{label} {account}", True, problem)
        if kind in ("number", "code"):
            shown = a.label or a.value
            return KeyLook(shown or label, label if shown else "", True, problem)
        return KeyLook(a.label or label, "", True, problem)
