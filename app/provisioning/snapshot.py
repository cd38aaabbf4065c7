"""The immutable set of rendered files the provisioning server answers from.

The lead's snapshot builder renders every device's files from the database and hands a new `Snapshot` to
`ProvisioningServer.swap()`. The server never touches the database: a request reads one snapshot reference
once and answers from it, so a swap is atomic and visible to the very next request.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

ACCESS_KEY_PATTERN = re.compile(r"[0-9a-f]{48}")
"""An access key: 48 lowercase hex characters (192 bits from `secrets.token_hex(24)`)."""

FILE_NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
"""Follow-up file names a device may request under its key; no slashes, no leading dot, no escapes."""

MAIN_FILE = ""
"""The name under which an entry holds its main file, served as `/<access key>.cfg`."""

_CONTENT_TYPES = {
    ".cfg": "text/plain; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".conf": "text/plain; charset=utf-8",
    ".xml": "application/xml",
    ".json": "application/json",
    ".csv": "text/csv; charset=utf-8",
    ".vcf": "text/vcard; charset=utf-8",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".bmp": "image/bmp",
}


class SnapshotError(ValueError):
    """A snapshot was built from data the server could never serve correctly (a bug in the builder)."""


def content_type_for(file_name: str) -> str:
    """The content type to serve a rendered file with, from its extension (`application/octet-stream` if unknown)."""
    dot = file_name.rfind(".")
    return _CONTENT_TYPES.get(file_name[dot:].lower() if dot >= 0 else "", "application/octet-stream")


def retired_key_digest(access_key: str) -> str:
    """How a retired key is remembered: its SHA-256 hex digest, so the snapshot never holds the old secret."""
    return hashlib.sha256(access_key.encode("ascii")).hexdigest()


@dataclass(frozen=True, slots=True)
class ServedFile:
    body: bytes
    content_type: str

    def __post_init__(self) -> None:
        if not isinstance(self.body, bytes):
            raise SnapshotError(f"ServedFile.body must be bytes, got {type(self.body).__name__}")
        if not self.content_type or any(c in self.content_type for c in "\r\n"):
            raise SnapshotError(f"ServedFile.content_type is not a valid header value: {self.content_type!r}")


@dataclass(frozen=True, slots=True)
class DeviceEntry:
    """One device's rendered files. `files[""]` is the main configuration served as `/<key>.cfg`."""

    device_id: int
    revision: int
    files: Mapping[str, ServedFile]

    def __post_init__(self) -> None:
        for name in self.files:
            if name != MAIN_FILE and not FILE_NAME_PATTERN.fullmatch(name):
                raise SnapshotError(
                    f"device {self.device_id}: file name {name!r} cannot be served; use letters, digits, '.', '_'"
                    " and '-' only (no slashes), starting with a letter or digit"
                )
        object.__setattr__(self, "files", MappingProxyType(dict(self.files)))


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything served: live entries by access key, and retired keys (SHA-256 hex) -> device id or None."""

    entries: Mapping[str, DeviceEntry] = field(default_factory=dict)
    retired: Mapping[str, int | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for key in self.entries:
            if not ACCESS_KEY_PATTERN.fullmatch(key):
                # The key itself is not repeated in the message: it may be a real secret with a typo.
                raise SnapshotError(
                    f"an access key of length {len(key)} is not 48 lowercase hex characters; "
                    "generate keys with secrets.token_hex(24)"
                )
        for digest in self.retired:
            if not re.fullmatch(r"[0-9a-f]{64}", digest):
                raise SnapshotError("retired keys must be given as SHA-256 hex digests (use retired_key_digest())")
        object.__setattr__(self, "entries", MappingProxyType(dict(self.entries)))
        object.__setattr__(self, "retired", MappingProxyType(dict(self.retired)))

    @property
    def device_count(self) -> int:
        return len(self.entries)
