"""Import of lines with their devices from CSV: all or nothing, a bad row rejects the file.

Two phases keep the write lock short (issue 15): every row is parsed, validated and prepared (access keys,
generated passwords) in a read-only pass that takes no write lock; then all lines, devices and audit entries are
written in ONE short transaction (a single flush with batched INSERTs). The file is still all-or-nothing:
a bad row, a Cancel or a conflict with a change made meanwhile (unique number/MAC) writes nothing."""
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
from models.schema import Account, AuditEntry, Device, Line, Pbx

REQUIRED_COLUMNS = ("number", "password")
OPTIONAL_COLUMNS = ("display_name", "sip_user", "auth_user", "blocked_public", "topstop",
                    "device_type", "mac", "mac_provisioning", "admin_password", "user_name", "user_password")
MAX_FIELD_BYTES = 128 * 1024  # csv's default field limit; a longer field is refused with its row number


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


def _rows(reader: csv.DictReader, path: Path):  # type: ignore[type-arg]
    row_no = 1
    while True:
        try:
            raw = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportRejected(f"row {reader.line_num}: {exc}; a field may have at most "
                                 f"{MAX_FIELD_BYTES // 1024} KiB (check for an unclosed quote).") from None
        row_no += 1
        if None in raw:
            raise ImportRejected(f"row {row_no}: {len(raw[None])} more field(s) than the header's "
                                 f"{len(reader.fieldnames or [])} columns; quote fields that contain commas.")
        yield row_no, raw


def import_lines(ctx: AppContext, actor: Actor, pbx_id: int, path: Path,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """`progress(rows done, rows in all)`; `cancelled()` is asked per row and rolls everything back."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportRejected(f"{path} cannot be read as UTF-8 text: {exc}") from exc
    csv.field_size_limit(MAX_FIELD_BYTES)
    reader = csv.DictReader(io.StringIO(text))
    total = max(len(text.splitlines()) - 1, 0)  # for progress only; quoted newlines make it an estimate
    try:
        header = reader.fieldnames
    except csv.Error as exc:
        raise ImportRejected(f"row 1 (header): {exc}.") from None
    columns = [c.strip() for c in header or []]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    unknown = [c for c in columns if c not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    if missing or unknown:
        raise ImportRejected(
            f"row 1 (header): missing columns {missing or 'none'}, unknown columns {unknown or 'none'}; "
            f"allowed: {', '.join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)}.")
    ctx.pbx.require_admin(actor, pbx_id)
    at = ctx.lines.ctx.clock()
    lines: dict[str, Line] = {}
    devices: list[Device] = []
    # phase 1: read only (no write lock): validate and prepare every row
    with ctx.db.session() as s:
        pbx = s.get(Pbx, pbx_id)
        if pbx is None:
            raise ImportRejected(f"vPBX {pbx_id} not found.")
        account_id = s.scalar(sa.select(Account.id).where(Account.pbx_id == pbx_id).order_by(Account.id))
        if account_id is None:
            raise ImportRejected("account: this vPBX has no account yet; create one first.")
        existing = set(s.scalars(sa.select(Line.number).where(Line.pbx_id == pbx_id)))
        macs: dict[str, int] = {}
        for row_no, raw in _rows(reader, path):
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
                line = lines.get(str(values["number"]))
                if line is None:
                    if values["number"] in existing:
                        raise ImportRejected(f"row {row_no}: number {values['number']} exists already in this vPBX.")
                    line = Line(pbx_id=pbx_id, account_id=account_id, **values)
                    lines[line.number] = line
                if row.get("device_type"):
                    device = ctx.devices.prepare_new(s, line, row["device_type"], DeviceInput(
                        admin_password=row.get("admin_password", ""), user_name=row.get("user_name", ""),
                        user_password=row.get("user_password", ""), mac=row.get("mac", ""),
                        mac_provisioning=row.get("mac_provisioning") or None), pbx)
                    if device.mac is not None:
                        if device.mac in macs:
                            raise ImportRejected(f"row {row_no}: MAC {device.mac.upper()} is in row "
                                                 f"{macs[device.mac]} already; each device has its own MAC address.")
                        macs[device.mac] = row_no
                    devices.append(device)
            except v.ValidationError as exc:
                raise ImportRejected(f"row {row_no}: {exc}") from exc
    if not lines and not devices:
        raise ImportRejected(f"{path} has no data rows.")
    if cancelled is not None and cancelled():
        raise ImportCancelled(f"the import of {path.name} was cancelled; nothing was imported.")
    # phase 2: one short write transaction; the first statement is an INSERT (no read-then-write upgrade)
    try:
        with ctx.db.session() as s:
            s.add_all(lines.values())
            s.add_all(devices)
            s.flush()
            audit = [{"at": at, "actor": actor.username, "action": "create", "object_type": "line",
                      "object_id": line.id, "details": f"number={line.number}"} for line in lines.values()]
            audit += [{"at": at, "actor": actor.username, "action": "create", "object_type": "device",
                       "object_id": d.id, "details": f"line={d.line.number} type={d.type_id}"} for d in devices]
            s.execute(sa.insert(AuditEntry), audit)  # bulk INSERT through the column types
            event = ctx.lines.finish(s, "line")
    except sa.exc.IntegrityError as exc:
        raise ImportRejected("a number or MAC address of the file was added by someone else during the "
                             f"import; nothing was imported; import the file again ({exc.orig}).") from None
    ctx.lines.publish(event)
    return ImportResult(len(lines), len(devices))
