"""Benchmark of the Phones tab with 10,000 telephone lines, each with one device (offscreen Qt).

The lines and devices are written in one transaction through the ORM models with exactly the values the
services write (`LineInput.validated`, a new access key, generated 40-digit passwords, revision 1, an audit
entry each, one change-counter bump), so the console reads them as it would read real data.

Measured on the GUI thread (figures printed in a table):
- lines.list / devices.list: the two service reads the model makes for the whole tree;
- shown: from constructing the model and the tab to the tab exposed and painted. By default the first read
  is synchronous (as the console does before the window shows, so the rows are there at once); with
  `--background` it runs in the task pool and "filled" is when the rows are painted;
- longest GUI stall: the longest gap of a 1 ms timer on the GUI thread (what a user feels as a freeze);
- reload: [Refresh] (read in the pool, applied in place or by a reset) and a synchronous `reload()`;
- one device patched / one reachable change: what a DataChanged or an EndpointStateChanged costs;
- filter keystroke / cleared;
- scrolling: the vertical scroll bar moved through all rows in `--steps` steps, one synchronous repaint per
  step; per-frame times as median, p95 and max, next to "Qt floor": the same frames of a QTreeView on a
  QStandardItemModel holding the same texts (Qt's own painting cost on this machine, no Python).

Targets: shown <= 1 s, scrolling frames p95 <= 16 ms. `--proposed-device-list` patches DeviceService.list in
this process with the eager join proposed for app/services/devices.py (see `use_proposed_device_list`).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/phones_tab_bench.py [--lines 10000] [--steps 200]
        [--width 1100 --height 700] [--background] [--proposed-device-list]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sqlalchemy as sa
from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTreeView

from app import security
from app.context import AppContext, build_context
from app.db import bump_change_counter
from app.services.dto import Actor
from app.services.lines import LineInput
from app.services.pbx import PbxInput
from app.sip.monitor import EndpointStateChanged
from models.schema import Account, AuditEntry, Device, Line
from ui.bridge import EventBridge
from ui.itemmodels.phones_tree_model import PhonesTreeModel
from ui.session import ConsoleSession, make_session
from ui.tabs.phones_tab import PhonesTab

TARGET_SHOWN_S = 1.0
TARGET_FRAME_P95_MS = 16.0
FIRST_NUMBER = 100000


def build_phones(ctx: AppContext, actor: Actor, count: int) -> int:
    """A vPBX (through the service) with `count` lines and one device each (one bulk transaction); its id."""
    pbx = ctx.pbx.create(actor, PbxInput(name="Bench vPBX", sip_domain="sip.bench.example",
                                         registrar_host="sip.bench.example"))
    # every type a line can hold on its own (handsets need a base, browser phones a WebSocket URL)
    types = [t.id for t in ctx.catalog.device_types() if t.kind not in ("dect-handset", "webrtc")]
    now = ctx.devices.ctx.clock()  # the services' clock
    with ctx.db.session() as s:
        account_id = s.scalar(sa.select(Account.id).where(Account.pbx_id == pbx.id).order_by(Account.id))
        line_rows = []
        for i in range(count):
            number = str(FIRST_NUMBER + i)
            values = LineInput(number=number, display_name=f"Subscriber {i:05d}",
                               password=f"bench-secret-{number}").validated(creating=True)
            line_rows.append({"pbx_id": pbx.id, "account_id": account_id, **values})
        s.execute(sa.insert(Line), line_rows)
        line_ids = list(s.scalars(sa.select(Line.id).where(Line.pbx_id == pbx.id).order_by(Line.id)))
        device_rows = [{
            "line_id": line_id, "type_id": types[i % len(types)], "access_key": security.new_access_key(),
            "mac": None, "mac_provisioning": "no",
            "admin_password": security.generated_device_password(), "admin_password_generated": True,
            "user_name": "", "user_password": security.generated_device_password(),
            "user_password_generated": True, "base_unit_id": None, "config_revision": 1,
            "served_revision": None, "needs_sync": False, "created_at": now,
        } for i, line_id in enumerate(line_ids)]
        s.execute(sa.insert(Device), device_rows)
        device_ids = list(s.scalars(sa.select(Device.id).join(Line).where(Line.pbx_id == pbx.id)))
        audit = [{"at": now, "actor": actor.username, "action": "create", "object_type": "line",
                  "object_id": line_id, "details": ""} for line_id in line_ids]
        audit += [{"at": now, "actor": actor.username, "action": "create", "object_type": "device",
                   "object_id": device_id, "details": ""} for device_id in device_ids]
        s.execute(sa.insert(AuditEntry), audit)
        bump_change_counter(s)
    return pbx.id


class StallWatch:
    """The longest time the GUI thread did not run a 1 ms timer: what a user would feel as a freeze."""

    def __init__(self) -> None:
        self.longest_ms = 0.0
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.longest_ms = 0.0
        self._clock.start()
        self._timer.start()

    def _tick(self) -> None:
        self.longest_ms = max(self.longest_ms, self._clock.nsecsElapsed() / 1e6)
        self._clock.restart()

    def stop(self) -> float:
        self._tick()
        self._timer.stop()
        return self.longest_ms


def spin_until(app: QApplication, done: Callable[[], bool], timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit("timed out waiting for the Phones tab")
        app.processEvents()
        time.sleep(0.001)


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def use_proposed_device_list() -> None:
    """What-if for `--proposed-device-list`: DeviceService.list with the change proposed to the lead (the
    lines joined in the same query instead of one lazy query per device, the URL prefix computed once).
    Patched in this process only; app/services/devices.py is not touched."""
    from sqlalchemy.orm import contains_eager

    from app.services.devices import DeviceService

    def listing(self: DeviceService, actor: Actor, line_id: int | None = None,
                pbx_id: int | None = None) -> list:  # type: ignore[type-arg]
        base_url = self.ctx.base_url()
        with self.ctx.db.session() as s:
            query = (sa.select(Device).join(Device.line).options(contains_eager(Device.line))
                     .order_by(Line.pbx_id, Line.number, Device.id))
            if line_id is not None:
                query = query.where(Device.line_id == line_id)
            if pbx_id is not None:
                query = query.where(Line.pbx_id == pbx_id)
            if actor.role == "pbx_admin":
                query = query.where(Line.pbx_id == actor.pbx_id)
            elif actor.role == "user":
                query = query.where(Line.id.in_(actor.line_ids or [-1]))
            original, self.ctx.base_url = self.ctx.base_url, lambda: base_url
            try:
                return [self.info(d) for d in s.scalars(query)]
            finally:
                self.ctx.base_url = original

    DeviceService.list = listing  # type: ignore[method-assign]


def qt_floor_view(tab: PhonesTab) -> QTreeView:
    """Qt's own cost of the same frames: the rows the tab shows copied into a QStandardItemModel (C++ data),
    in a view of the same size and columns."""
    source = tab.model
    copy = QStandardItemModel()
    copy.setColumnCount(source.columnCount())
    for row in range(source.rowCount()):
        copy.appendRow([QStandardItem(str(source.index(row, c).data() or "")) for c in range(source.columnCount())])
    view = QTreeView()
    view.setModel(copy)
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(True)
    view.resize(tab.tree.size())
    for column in range(source.columnCount()):
        view.header().resizeSection(column, tab.tree.header().sectionSize(column))
        view.setColumnHidden(column, tab.tree.isColumnHidden(column))
    view.show()
    return view


def scroll_frames(app: QApplication, views: Sequence[QTreeView], steps: int) -> list[list[float]]:
    """Per view, the time of each scroll step + synchronous repaint; the views take turns at every step, so
    that load from other processes on the machine hits all of them alike."""
    app.processEvents()
    frames: list[list[float]] = [[] for _ in views]
    for step in range(steps + 1):
        for view, times in zip(views, frames):
            bar = view.verticalScrollBar()
            value = round(bar.maximum() * step / steps)
            times.append(1000 * timed(lambda bar=bar, value=value, view=view: (
                bar.setValue(value), view.viewport().repaint())))
    return frames


def measure(app: QApplication, session: ConsoleSession, args: argparse.Namespace) -> dict[str, float]:
    ctx, actor = session.ctx, session.actor
    figures: dict[str, float] = {}
    figures["lines.list s"] = timed(lambda: ctx.lines.list(actor))
    figures["devices.list s"] = timed(lambda: ctx.devices.list(actor))

    # shown: model + tab constructed (the first read synchronous unless --background), exposed and painted
    stalls = StallWatch()
    stalls.start()
    started = time.perf_counter()
    model = PhonesTreeModel(session, load_in_background=args.background)
    figures["model built s"] = time.perf_counter() - started  # with the first read unless --background
    tab = PhonesTab(session, model)
    model.setParent(tab)
    tab.resize(args.width, args.height)
    tab.show()
    spin_until(app, lambda: tab.windowHandle() is not None and tab.windowHandle().isExposed())
    tab.tree.viewport().repaint()
    figures["shown s"] = time.perf_counter() - started
    if args.background:  # shown while the pool still reads; then the rows arrive
        spin_until(app, lambda: not model.loading)
        tab.tree.viewport().repaint()
        figures["filled (rows painted) s"] = time.perf_counter() - started
    else:
        figures["tab built, shown, painted s"] = figures["shown s"] - figures["model built s"]
    figures["shown: longest GUI stall ms"] = stalls.stop()
    if model.rowCount() != args.lines:
        raise SystemExit(f"the tab shows {model.rowCount()} lines, expected {args.lines}")

    # reload in the background (Refresh / DataChanged) and synchronously
    stalls.start()
    started = time.perf_counter()
    model.request_reload()
    spin_until(app, lambda: not model.loading)
    tab.tree.viewport().repaint()
    figures["reload (background) s"] = time.perf_counter() - started
    figures["reload: longest GUI stall ms"] = stalls.stop()
    figures["reload (synchronous, GUI thread) s"] = timed(lambda: (model.reload(), tab.tree.viewport().repaint()))

    # incremental: one device changed elsewhere; one monitor verdict
    device = model.all_devices()[args.lines // 2]
    figures["one device patched ms"] = 1000 * timed(lambda: model.refresh_devices([device.id]))
    event = EndpointStateChanged(target_id=f"device:{device.id}", reachable=True, user_agent=None, rtt_ms=1.0)
    figures["one reachable change ms"] = 1000 * timed(lambda: model.on_event(event))

    # filter (a keystroke) and clearing it
    figures["filter keystroke ms"] = 1000 * timed(lambda: (tab.filter_edit.setText(str(100000 + args.lines // 3)),
                                                            tab.tree.viewport().repaint()))
    figures["filter cleared ms"] = 1000 * timed(lambda: (tab.filter_edit.clear(), tab.tree.viewport().repaint()))

    # scrolling through all rows: each step moves the scroll bar and paints the viewport synchronously
    floor_view = qt_floor_view(tab)
    frames, floor = scroll_frames(app, [tab.tree, floor_view], args.steps)
    floor_view.close()
    figures["scroll rows"] = float(tab.tree.verticalScrollBar().maximum())
    figures["frame median ms"] = statistics.median(frames)
    figures["frame p95 ms"] = percentile(frames, 0.95)
    figures["frame max ms"] = max(frames)
    figures["Qt floor: frame median ms"] = statistics.median(floor)
    figures["Qt floor: frame p95 ms"] = percentile(floor, 0.95)
    tab.close()
    tab.deleteLater()
    return figures


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=10_000, help="telephone lines, one device each")
    parser.add_argument("--steps", type=int, default=200, help="scroll steps through all rows")
    parser.add_argument("--width", type=int, default=1100, help="tab width (the main window's default)")
    parser.add_argument("--height", type=int, default=700, help="tab height")
    parser.add_argument("--proposed-device-list", action="store_true",
                        help="what-if: DeviceService.list with the proposed eager join (patched in-process)")
    parser.add_argument("--background", action="store_true",
                        help="read the first time in the task pool too (the console reads it before showing)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if args.proposed_device_list:
        use_proposed_device_list()
    with tempfile.TemporaryDirectory(prefix="phones-tab-bench-") as data_dir:
        ctx = build_context(Path(data_dir))
        # a fixed public host: no DNS lookup per configuration URL
        ctx.update_settings(ctx.settings.with_changes(public_host="prov.bench.example"))
        provider = ctx.users.create_first_provider("admin", "correct-horse-1")
        built = timed(lambda: build_phones(ctx, provider, args.lines))
        print(f"{args.lines} lines with one device each written in {built:.1f} s "
              f"(QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM')}, Qt style {app.style().name()})", flush=True)
        bridge = EventBridge(ctx.bus)
        session = make_session(ctx, provider, bridge)
        try:
            figures = measure(app, session, args)  # type: ignore[arg-type]
        finally:
            session.pool.stop()
            session.pool.join(10)
            bridge.close()
            ctx.close()
    width = max(len(name) for name in figures)
    for name, value in figures.items():
        print(f"  {name:<{width}}  {value:10.3f}")
    shown_ok = figures["shown s"] <= TARGET_SHOWN_S
    frames_ok = figures["frame p95 ms"] <= TARGET_FRAME_P95_MS
    print(f"target shown <= {TARGET_SHOWN_S:g} s: {'met' if shown_ok else 'MISSED'}; "
          f"scrolling p95 <= {TARGET_FRAME_P95_MS:g} ms: {'met' if frames_ok else 'MISSED'}")
    return 0 if shown_ok and frames_ok else 1


if __name__ == "__main__":
    sys.exit(main())
