"""The custom MIME types of the Keys tab's drags and their JSON payloads.

Three kinds of things are dragged: an assignment from the palette (a feature with its value and
label), a subscriber of the vPBX (which becomes a BLF, team, ... key as chosen in the palette), and
a key being moved onto another key (a swap).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import QMimeData

from ui.keys.operations import Assignment, Slot

MIME_ASSIGNMENT = "application/x-voip-console-key-assignment"
MIME_SUBSCRIBER = "application/x-voip-console-subscriber"
MIME_KEY = "application/x-voip-console-key"
ALL_TYPES = (MIME_ASSIGNMENT, MIME_SUBSCRIBER, MIME_KEY)


@dataclass(frozen=True)
class MovedKey:
    device_id: int
    slot: Slot


def assignment_mime(assignment: Assignment) -> QMimeData:
    data = QMimeData()
    payload = {"feature": assignment.feature, "value": assignment.value, "label": assignment.label}
    data.setData(MIME_ASSIGNMENT, json.dumps(payload).encode())
    data.setText(assignment.value or assignment.feature)
    return data


def subscriber_mime(number: str, feature: str) -> QMimeData:
    data = QMimeData()
    data.setData(MIME_SUBSCRIBER, json.dumps({"number": number, "feature": feature}).encode())
    data.setText(number)
    return data


def key_mime(device_id: int, slot: Slot) -> QMimeData:
    data = QMimeData()
    data.setData(
        MIME_KEY, json.dumps({"device_id": device_id, "module": slot[0], "key_id": slot[1]}).encode()
    )
    return data


def _payload(mime: QMimeData, mime_type: str) -> dict | None:
    if not mime.hasFormat(mime_type):
        return None
    try:
        payload = json.loads(bytes(mime.data(mime_type).data()).decode())
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None  # a foreign application's data under our type: refuse it, never crash
    return payload if isinstance(payload, dict) else None


def dragged_assignment(mime: QMimeData) -> Assignment | None:
    """What a palette drag (assignment or subscriber) would put on a key."""
    payload = _payload(mime, MIME_ASSIGNMENT)
    if payload is not None:
        feature, value, label = payload.get("feature"), payload.get("value", ""), payload.get("label", "")
        if isinstance(feature, str) and isinstance(value, str) and isinstance(label, str):
            return Assignment(feature, value, label)
        return None
    payload = _payload(mime, MIME_SUBSCRIBER)
    if payload is not None:
        number, feature = payload.get("number"), payload.get("feature")
        if isinstance(number, str) and isinstance(feature, str):
            return Assignment(feature, number)
    return None


def dragged_key(mime: QMimeData) -> MovedKey | None:
    payload = _payload(mime, MIME_KEY)
    if payload is None:
        return None
    device_id, module, key_id = payload.get("device_id"), payload.get("module"), payload.get("key_id")
    if isinstance(device_id, int) and isinstance(module, int) and isinstance(key_id, str):
        return MovedKey(device_id, (module, key_id))
    return None
