"""Strict allow-list routing: a request target maps to one file of one live key, or to a refusal reason.

Served paths: `/<access key>.cfg` (the main file) and `/<access key>/<file name>` (follow-up files such as the
phonebook). Nothing is reachable without a live key. A query string is ignored (some devices append one).
"""
from __future__ import annotations

from dataclasses import dataclass

from app.provisioning.events import RefusalReason
from app.provisioning.snapshot import (
    ACCESS_KEY_PATTERN,
    FILE_NAME_PATTERN,
    MAIN_FILE,
    DeviceEntry,
    ServedFile,
    Snapshot,
    retired_key_digest,
)

_KEY_LENGTH = 48
_MAIN_SUFFIX = ".cfg"


@dataclass(frozen=True, slots=True)
class Found:
    entry: DeviceEntry
    file_name: str
    served: ServedFile


@dataclass(frozen=True, slots=True)
class Refused:
    reason: RefusalReason
    device_id: int | None = None  # known only for a retired key


def resolve(snapshot: Snapshot, target: str) -> Found | Refused:
    path = target.split("?", 1)[0]
    if not path.startswith("/"):
        return Refused(RefusalReason.MALFORMED_PATH)
    key = path[1 : 1 + _KEY_LENGTH]
    rest = path[1 + _KEY_LENGTH :]
    if rest == _MAIN_SUFFIX:
        file_name = MAIN_FILE
    elif rest.startswith("/") and FILE_NAME_PATTERN.fullmatch(rest, 1):
        file_name = rest[1:]
    else:
        return Refused(RefusalReason.MALFORMED_PATH)
    if not ACCESS_KEY_PATTERN.fullmatch(key):
        return Refused(RefusalReason.MALFORMED_PATH)
    entry = snapshot.entries.get(key)
    if entry is None:
        digest = retired_key_digest(key)
        if digest in snapshot.retired:
            return Refused(RefusalReason.RETIRED_KEY, snapshot.retired[digest])
        return Refused(RefusalReason.UNKNOWN_KEY)
    served = entry.files.get(file_name)
    if served is None:
        return Refused(RefusalReason.UNKNOWN_FILE)
    return Found(entry, file_name, served)


def redact_target(target: str, limit: int = 80) -> str:
    """A request target safe for a log line: long alphanumeric runs (possible keys) are replaced."""
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        out.append("<redacted>" if len(run) >= 12 else "".join(run))
        run.clear()

    for ch in target[: limit * 2]:
        if ch.isascii() and ch.isalnum():
            run.append(ch)
        else:
            flush()
            out.append(ch if ch.isprintable() and ch.isascii() else "?")
    flush()
    text = "".join(out)
    return text if len(text) <= limit else text[:limit] + "..."
