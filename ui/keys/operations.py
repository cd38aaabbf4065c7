"""What the Keys tab's commands do to a working layout, without Qt.

A working layout is a plain dict from a slot (module, key id) to an Assignment. Every editing
action is computed here as a dict of changes (slot -> new Assignment, or None to clear it), which
the widget pushes as one undoable command. What a key accepts is always `Catalog.accepts`, the
same rule the CLI and the key service enforce.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.catalog import Catalog, Key, Layout
from app.sip.syntax import is_digits

Slot = tuple[int, str]  # (module, key id); module 0 is the device itself


@dataclass(frozen=True)
class Assignment:
    feature: str
    value: str = ""
    label: str = ""


Changes = dict[Slot, Assignment | None]


def module_count(catalog: Catalog, type_id: str) -> int:
    """How many expansion modules the Keys tab shows: the most the device type can take."""
    expansion = catalog.device_type(type_id).expansion
    return expansion.max_count if expansion else 0


def module_layouts(catalog: Catalog, type_id: str) -> list[tuple[int, Layout]]:
    """(module index, layout) of the device (0) and each expansion module, only those with keys."""
    result = []
    for index in range(module_count(catalog, type_id) + 1):
        layout = catalog.layout(type_id, index)
        if layout is not None and layout.keys:
            result.append((index, layout))
    return result


def keys_in_order(layout: Layout) -> list[Key]:
    """Keys as a person reads them: page by page, group by group, then by number."""
    group_rank = {group.id: rank for rank, group in enumerate(layout.groups)}
    return sorted(layout.keys, key=lambda k: (k.page, group_rank[k.group], k.index))


def ordered_slots(catalog: Catalog, type_id: str) -> list[Slot]:
    """Every key of the device, then of expansion module 1, 2, ... in reading order."""
    return [
        (module, key.id)
        for module, layout in module_layouts(catalog, type_id)
        for key in keys_in_order(layout)
    ]


def features_of_device(catalog: Catalog, type_id: str) -> list[str]:
    """Features that some key of the device or of its expansion modules accepts, in catalog order."""
    allowed = {
        f for _, layout in module_layouts(catalog, type_id) for group in layout.groups for f in group.features
    }
    return [name for name in catalog.features if name in allowed]


def accepts(catalog: Catalog, type_id: str, slot: Slot, assignment: Assignment | None) -> bool:
    """An empty key is always fine; otherwise the catalog's rule."""
    return assignment is None or catalog.accepts(type_id, slot[0], slot[1], assignment.feature)


def swap_changes(
    catalog: Catalog, type_id: str, layout: Mapping[Slot, Assignment], source: Slot, target: Slot
) -> Changes | None:
    """Move `source` onto `target`, putting target's assignment on source; None if either key refuses."""
    if source == target:
        return None
    moving, displaced = layout.get(source), layout.get(target)
    if moving is None:
        return None
    if not accepts(catalog, type_id, target, moving) or not accepts(catalog, type_id, source, displaced):
        return None
    return {target: moving, source: displaced}


@dataclass(frozen=True)
class Subscriber:
    number: str
    display_name: str


@dataclass(frozen=True)
class FillResult:
    changes: Changes
    left_out: tuple[str, ...]  # subscriber numbers that found no free key


def fill_subscribers(
    catalog: Catalog,
    type_id: str,
    layout: Mapping[Slot, Assignment],
    subscribers: Iterable[Subscriber],
    own_number: str,
    feature: str = "blf",
) -> FillResult:
    """A `feature` key (BLF by default) for every other subscriber, on free keys in reading order.

    Skips the device's own line and subscribers that already have a key of that feature here,
    so running it twice adds nothing.
    """
    present = {a.value for a in layout.values() if a.feature == feature}
    wanted = [s.number for s in subscribers if s.number != own_number and s.number not in present]
    free = [
        slot
        for slot in ordered_slots(catalog, type_id)
        if slot not in layout and catalog.accepts(type_id, slot[0], slot[1], feature)
    ]
    changes: Changes = {slot: Assignment(feature, number) for slot, number in zip(free, wanted, strict=False)}
    return FillResult(changes, tuple(wanted[len(changes) :]))


@dataclass(frozen=True)
class CopyResult:
    changes: Changes
    refused: tuple[tuple[Slot, Assignment, str], ...]  # (source slot, assignment, why) not copied


def copy_changes(
    catalog: Catalog, type_id: str, layout: Mapping[Slot, Assignment], source: Mapping[Slot, Assignment]
) -> CopyResult:
    """Replace the whole layout by `source` (another device's keys, addressed by the same key ids).

    Keys the target cannot carry are listed in `refused` with the reason, never dropped silently.
    """
    model = catalog.device_type(type_id)
    changes: Changes = {slot: None for slot in layout}
    refused = []
    for slot, assignment in sorted(source.items()):
        module, key_id = slot
        target_layout = catalog.layout(type_id, module)
        if target_layout is None:
            refused.append(
                (slot, assignment, f"a {model.vendor} {model.model} has no expansion module {module}")
            )
        elif target_layout.group_of(key_id) is None:
            refused.append((slot, assignment, f"no key {key_id} on module {module} of a {model.model}"))
        elif not catalog.accepts(type_id, module, key_id, assignment.feature):
            label = (
                catalog.features[assignment.feature].label
                if assignment.feature in catalog.features
                else assignment.feature
            )
            refused.append((slot, assignment, f"key {key_id} of a {model.model} does not accept {label}"))
        else:
            changes[slot] = assignment
    return CopyResult({s: a for s, a in changes.items() if layout.get(s) != a}, tuple(refused))


def clear_page_changes(
    layout: Mapping[Slot, Assignment], module: int, module_layout: Layout, page: int
) -> Changes:
    on_page = {key.id for key in module_layout.keys if key.page == page}
    return {slot: None for slot in layout if slot[0] == module and slot[1] in on_page}


def value_problem(
    catalog: Catalog, accounts: int, subscriber_numbers: set[str], assignment: Assignment
) -> str | None:
    """What is wrong with a key's value, as far as the tab can tell before the service checks it."""
    feature = catalog.features.get(assignment.feature)
    if feature is None:
        return f"{assignment.feature!r} is not a key feature."
    kind, value = feature.value_kind, assignment.value
    if kind == "subscriber":
        if not value:
            return "choose a subscriber of the vPBX."
        if value not in subscriber_numbers:
            return f"{value} is not a subscriber of this vPBX; pick one from the list."
        return None
    if kind == "line":
        if value and (not is_digits(value) or not 1 <= int(value) <= max(1, accounts)):
            return f"account {value} does not exist; this device has {accounts}."
        return None
    if kind in ("number", "code") and not value:
        return "enter a number or *#-code to dial." if kind == "code" else "enter a telephone number to dial."
    return feature.value_problem(value)
