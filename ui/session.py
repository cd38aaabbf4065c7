"""What every tab and dialog of a logged-in console needs: the app context, who is acting, the
event bridge, the task pool for blocking work and the SIP operations (state, synchronize, restart).

One object so that a dialog opened from anywhere behaves the same, and tests build it once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import QWidget

from app.context import AppContext
from app.monitoring import device_of_target
from app.services.dto import Actor
from app.sip.monitor import EndpointStateChanged
from app.sipops import SipOperations
from app.tasks import Job, TaskPool
from ui.bridge import EventBridge
from ui.tasks import TaskRun


@dataclass
class ConsoleSession:
    ctx: AppContext
    actor: Actor
    bridge: EventBridge
    pool: TaskPool
    sip: SipOperations
    # the monitor's last verdict per device id (True reachable, False unreachable); filled from
    # EndpointStateChanged events by `note_event`, read by the Phones tab and the Device dialog
    reachable: dict[int, bool] = field(default_factory=dict)
    _runs: set[TaskRun] = field(default_factory=set)

    def run(self, job: Job, title: str, label: str, parent: QWidget | None = None, *,
            show_dialog: bool = True, cancellable: bool = True) -> TaskRun:
        """Start `job` in the pool with a progress dialog (Cancel); `TaskRun.finished` brings the
        outcome back on the GUI thread. The session keeps the run alive until it finished; a run with
        a `parent` ends with it (a closed dialog no longer wants the outcome; the job still completes)."""
        run = TaskRun(self.pool, self.bridge, job, title, label, parent, show_dialog=show_dialog,
                      cancellable=cancellable)
        self._runs.add(run)
        run.finished.connect(lambda _event, run=run: self._runs.discard(run))
        run.destroyed.connect(lambda _object=None, run=run: self._runs.discard(run))
        return run

    def note_event(self, event: Any) -> None:
        if isinstance(event, EndpointStateChanged):
            device_id = device_of_target(event.target_id)
            if device_id is not None:
                self.reachable[device_id] = event.reachable


def make_session(ctx: AppContext, actor: Actor, bridge: EventBridge, *, workers: int = 4) -> ConsoleSession:
    session = ConsoleSession(ctx=ctx, actor=actor, bridge=bridge, pool=TaskPool(ctx.bus, workers=workers),
                             sip=SipOperations(ctx))
    bridge.event_received.connect(session.note_event)
    return session
