"""Console user changes are announced on the bus, after the commit, like every other change."""
from __future__ import annotations

import pytest

from app.events import DataChanged
from app.validation import ValidationError
from tests.app.services.conftest import ADMIN


def _recorder(ctx):
    events: list[DataChanged] = []
    # read back inside the callback: the change must already be committed when it is announced
    seen_lines: list[tuple[int, ...]] = []

    def on_event(event):
        events.append(event)
        if event.ids:
            seen_lines.extend(u.line_ids for u in ctx.users.list(ADMIN) if u.id == event.ids[0])

    ctx.bus.subscribe(on_event, DataChanged)
    return events, seen_lines


def test_create_set_lines_and_delete_publish_user_changes(ctx, pbx, line, other_line):
    events, seen_lines = _recorder(ctx)

    user = ctx.users.create(ADMIN, "anna", "long-enough-1", "user", pbx.id, (line.id,))
    assert [(e.what, e.ids) for e in events] == [("user", (user.id,))]
    assert seen_lines == [(line.id,)]

    ctx.users.set_lines(ADMIN, user.id, (line.id, other_line.id))
    assert [(e.what, e.ids) for e in events][-1] == ("user", (user.id,))
    assert seen_lines[-1] == (line.id, other_line.id)

    ctx.users.delete(ADMIN, user.id)
    assert [(e.what, e.ids) for e in events][-1] == ("user", (user.id,))
    assert len(events) == 3


def test_refused_change_publishes_nothing(ctx, pbx, line):
    user = ctx.users.create(ADMIN, "anna", "long-enough-1", "user", pbx.id)
    events, _ = _recorder(ctx)
    with pytest.raises(ValidationError):
        ctx.users.set_lines(ADMIN, user.id, (line.id + 999,))
    with pytest.raises(ValidationError):
        ctx.users.create(ADMIN, "bernd", "short", "user", pbx.id)
    assert events == []
    assert all(u.line_ids == () for u in ctx.users.list(ADMIN))
