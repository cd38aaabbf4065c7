"""Function key assignments; what a key accepts is the catalog's rule, the same for GUI and CLI."""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app import validation as v
from app.services.base import NotFound, Service
from app.services.dto import Actor, KeyInfo
from models.schema import Device, KeyAssignment, Line

# A key the console assigned and then cleared keeps a row with this feature: the next configuration resets
# it on the phone (a missing setting would leave the old function there), while keys the console never
# assigned are not written at all, so what the user set on the phone itself stays.
RELEASED = ""


class KeyService(Service):
    def _device(self, s: Session, actor: Actor, device_id: int) -> Device:
        row = s.get(Device, device_id)
        if row is None or not self.can_see_line(actor, row.line):
            raise NotFound(f"device {device_id} not found.")
        return row

    def list(self, actor: Actor, device_id: int) -> list[KeyInfo]:
        with self.ctx.db.session() as s:
            self._device(s, actor, device_id)
            rows = s.scalars(sa.select(KeyAssignment).where(KeyAssignment.device_id == device_id,
                                                            KeyAssignment.feature != RELEASED)
                             .order_by(KeyAssignment.module, KeyAssignment.id))
            return [KeyInfo(k.device_id, k.module, k.key_id, k.feature, k.value, k.label) for k in rows]

    def check(self, s: Session, device: Device, module: int, key_id: str, feature: str, value: str) -> str:
        """Validate one assignment against the catalog and the vPBX; returns the normalised value."""
        catalog = self.ctx.catalog
        if feature not in catalog.features:
            known = ", ".join(sorted(catalog.features))
            raise v.ValidationError("Type", f"{feature!r} is not a key feature; known: {known}.")
        if not catalog.accepts(device.type_id, module, key_id, feature):
            label = catalog.features[feature].label
            raise v.ValidationError(
                "Type", f"key {key_id} of module {module} on a {device.type_id} does not accept {label}.")
        kind = catalog.features[feature].value_kind
        if kind == "none":
            return ""
        if kind == "subscriber":
            number = v.phone_number(value, "Value")
            exists = s.scalar(sa.select(Line.id).where(Line.pbx_id == device.line.pbx_id, Line.number == number))
            if not exists:
                raise v.ValidationError("Value", f"{number} is not a subscriber of this vPBX; pick one from the list.")
            return number
        if kind == "line":
            try:
                index = int(value or "1")
            except ValueError:
                raise v.ValidationError("Value", f"{value!r} is not an account number; use 1.") from None
            accounts = catalog.device_type(device.type_id).accounts
            if not 1 <= index <= max(1, accounts):
                raise v.ValidationError("Value", f"account {index} does not exist; this device has {accounts}.")
            return str(index)
        clean = v.dial_value(value, "Value")
        problem = catalog.features[feature].value_problem(clean)
        if problem:
            raise v.ValidationError("Value", problem)
        return clean

    def assign(self, actor: Actor, device_id: int, module: int, key_id: str, feature: str,
               value: str = "", label: str = "") -> KeyInfo:
        with self.ctx.db.session() as s:
            device = self._device(s, actor, device_id)
            clean = self.check(s, device, module, key_id, feature, value)
            clean_label = v.name(label, "Label", 64) if label.strip() else ""
            row = self._row(s, device_id, module, key_id)
            if row is None:
                row = KeyAssignment(device_id=device_id, module=module, key_id=key_id)
                s.add(row)
            row.feature, row.value, row.label = feature, clean, clean_label
            self.mark_devices_changed(s, [device_id])
            self.audit(s, actor, "assign key", "device", device_id, f"module={module} key={key_id} feature={feature}")
            event = self.finish(s, "keys", [device_id])
            info = KeyInfo(device_id, module, key_id, feature, clean, clean_label)
        self.publish(event)
        return info

    def replace_all(self, actor: Actor, device_id: int, keys: list[KeyInfo]) -> list[KeyInfo]:
        """Store a whole layout at once (the Keys tab's [Save]); all or nothing."""
        with self.ctx.db.session() as s:
            device = self._device(s, actor, device_id)
            seen: set[tuple[int, str]] = set()
            clean_rows = []
            for key in keys:
                if (key.module, key.key_id) in seen:
                    raise v.ValidationError("Keys", f"key {key.key_id} of module {key.module} is assigned twice.")
                seen.add((key.module, key.key_id))
                clean = self.check(s, device, key.module, key.key_id, key.feature, key.value)
                clean_rows.append(KeyInfo(device_id, key.module, key.key_id, key.feature, clean, key.label.strip()))
            touched = set(s.execute(sa.select(KeyAssignment.module, KeyAssignment.key_id)
                                    .where(KeyAssignment.device_id == device_id)).all())
            s.execute(sa.delete(KeyAssignment).where(KeyAssignment.device_id == device_id))
            for k in clean_rows:
                s.add(KeyAssignment(device_id=device_id, module=k.module, key_id=k.key_id,
                                    feature=k.feature, value=k.value, label=k.label))
            for module, key_id in sorted(set(map(tuple, touched)) - seen):
                s.add(KeyAssignment(device_id=device_id, module=module, key_id=key_id,
                                    feature=RELEASED, value="", label=""))
            self.mark_devices_changed(s, [device_id])
            self.audit(s, actor, "save keys", "device", device_id, f"{len(clean_rows)} keys")
            event = self.finish(s, "keys", [device_id])
        self.publish(event)
        return clean_rows

    def clear(self, actor: Actor, device_id: int, module: int, key_id: str) -> None:
        with self.ctx.db.session() as s:
            self._device(s, actor, device_id)
            row = self._row(s, device_id, module, key_id)
            if row is None or row.feature == RELEASED:
                return
            row.feature, row.value, row.label = RELEASED, "", ""
            self.mark_devices_changed(s, [device_id])
            self.audit(s, actor, "clear key", "device", device_id, f"module={module} key={key_id}")
            event = self.finish(s, "keys", [device_id])
        self.publish(event)

    @staticmethod
    def _row(s: Session, device_id: int, module: int, key_id: str) -> KeyAssignment | None:
        return s.scalar(sa.select(KeyAssignment).where(
            KeyAssignment.device_id == device_id, KeyAssignment.module == module, KeyAssignment.key_id == key_id))
