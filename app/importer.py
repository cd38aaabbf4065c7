"""Import of lines with their devices from CSV: one transaction, a bad row rejects the file."""
from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from app import validation as v
from app.context import AppContext
from app.services.devices import DeviceInput
from app.services.dto import Actor
from app.services.lines import LineInput
from models.schema import Line

REQUIRED_COLUMNS = ("number", "password")
OPTIONAL_COLUMNS = ("display_name", "sip_user", "auth_user", "blocked_public", "topstop",
                    "device_type", "mac", "mac_provisioning", "admin_password", "user_name", "user_password")


class ImportRejected(ValueError):
    """The file was not imported at all; the message names the row and the reason."""


@dataclass(frozen=True)
class ImportResult:
    lines_created: int
    devices_created: int


def _flag(text: str, row_no: int) -> bool:
    value = text.strip().lower()
    if value in ("", "0", "no", "false"):
        return False
    if value in ("1", "yes", "true"):
        return True
    raise ImportRejected(f"row {row_no}: blocked_public {text!r} must be yes or no.")


class ImportCancelled(ImportRejected):
    """Cancelled before the end: nothing of the file was imported."""


def import_lines(ctx: AppContext, actor: Actor, pbx_id: int, path: Path,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """`progress(rows done, rows in all)`; `cancelled()` is asked per row and rolls everything back."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportRejected(f"{path} cannot be read as UTF-8 text: {exc}") from exc
    reader = csv.DictReader(io.StringIO(text))
    total = max(len(text.splitlines()) - 1, 0)  # for progress only; quoted newlines make it an estimate
    columns = [c.strip() for c in reader.fieldnames or []]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    unknown = [c for c in columns if c not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    if missing or unknown:
        raise ImportRejected(
            f"row 1 (header): missing columns {missing or 'none'}, unknown columns {unknown or 'none'}; "
            f"allowed: {', '.join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)}.")
    ctx.pbx.require_admin(actor, pbx_id)
    lines_created = devices_created = 0
    with ctx.db.session() as s:  # any exception rolls the whole file back
        by_number: dict[str, Line] = {}
        for row_no, raw in enumerate(reader, start=2):
            if cancelled is not None and cancelled():
                raise ImportCancelled(f"the import of {path.name} was cancelled; nothing was imported.")
            if progress is not None:
                progress(row_no - 1, max(total, row_no - 1))
            row = {k.strip(): (val or "").strip() for k, val in raw.items() if k is not None}
            try:
                values = LineInput(
                    number=row.get("number", ""), display_name=row.get("display_name", ""),
                    sip_user=row.get("sip_user", ""), auth_user=row.get("auth_user", ""),
                    password=row.get("password", ""), blocked_public=_flag(row.get("blocked_public", ""), row_no),
                    topstop_limit=row.get("topstop") or None,
                ).validated(creating=True)
                line = by_number.get(str(values["number"]))
                if line is None:
                    existing = s.scalar(sa.select(Line).where(Line.pbx_id == pbx_id, Line.number == values["number"]))
                    if existing is not None:
                        raise ImportRejected(f"row {row_no}: number {values['number']} exists already in this vPBX.")
                    line = ctx.lines.create_in(s, actor, pbx_id, None, values)
                    by_number[line.number] = line
                    lines_created += 1
                if row.get("device_type"):
                    ctx.devices.create_in(s, actor, line, row["device_type"], DeviceInput(
                        admin_password=row.get("admin_password", ""), user_name=row.get("user_name", ""),
                        user_password=row.get("user_password", ""), mac=row.get("mac", ""),
                        mac_provisioning=row.get("mac_provisioning") or None))
                    s.flush()
                    devices_created += 1
            except v.ValidationError as exc:
                raise ImportRejected(f"row {row_no}: {exc}") from exc
        if lines_created == 0 and devices_created == 0:
            raise ImportRejected(f"{path} has no data rows.")
        event = ctx.lines.finish(s, "line")
    ctx.lines.publish(event)
    return ImportResult(lines_created, devices_created)
