"""The registration monitor on the console's data: which targets the SIP monitor polls.

Targets are each vPBX's registrar and every device whose contact is known. Contacts are learned
from registration-state reads ([State ...], Synchronize) and by a slow discovery round over the
lines with devices (thread "contact-discovery"), which asks the registrar like [State ...] does,
one line at a time, so that a large vPBX does not flood it.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import sqlalchemy as sa

from app.context import CLI_ACTOR, AppContext
from app.sip import MonitorTarget, SipClient, SipMonitor, SipUri, TimerSettings
from app.sip.syntax import is_digits
from app.sipops import LineState, SipOperations
from models.schema import Device, Line, Pbx

log = logging.getLogger(__name__)


def registrar_target_id(pbx_id: int) -> str:
    return f"registrar:{pbx_id}"


def device_target_id(device_id: int) -> str:
    return f"device:{device_id}"


def device_of_target(target_id: str) -> int | None:
    """The device id of a monitor target made by `device_target_id`; None for registrars."""
    kind, _, number = target_id.partition(":")
    return int(number) if kind == "device" and is_digits(number) else None


class MonitorService:
    DISCOVERY_THREAD = "contact-discovery"

    def __init__(self, ctx: AppContext, client_factory: Callable[[], SipClient] | None = None,
                 *, interval: float | None = None, discovery_every: int = 10) -> None:
        self.ctx = ctx
        # a short transaction timeout keeps stop() prompt and a dead device from holding a round
        factory = client_factory or (lambda: SipClient(bind_host=ctx.settings.sip_bind_address,
                                                       timers=TimerSettings(timeout=4.0)))
        self.interval = float(interval or ctx.settings.monitor_interval_s)
        self.monitor = SipMonitor(ctx.bus, factory, interval=self.interval)
        self.operations = SipOperations(ctx, client_factory=factory)
        self._contacts: dict[int, str] = {}  # device id -> contact URI
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._discovery_every = discovery_every
        self._discovery = threading.Thread(target=self._discover_loop, name=self.DISCOVERY_THREAD, daemon=True)

    # --- targets ------------------------------------------------------------------------------
    def learn(self, state: LineState) -> None:
        """Remember the contacts of a registration-state read (devices matched by User-Agent)."""
        with self._lock:
            for device_id in state.device_ids:
                registration = state.registration_of(device_id)
                if registration is not None:
                    self._contacts[device_id] = registration.contact
        self.refresh_targets()

    def refresh_targets(self) -> None:
        targets = []
        with self.ctx.db.session() as s:
            for pbx in s.scalars(sa.select(Pbx)):
                try:
                    uri = SipUri(host=pbx.registrar_host, port=pbx.registrar_port,
                                 params={} if pbx.transport == "udp" else {"transport": pbx.transport})
                    targets.append(MonitorTarget(registrar_target_id(pbx.id), uri))
                except ValueError as exc:
                    log.warning("vPBX %d registrar is not monitored: %s", pbx.id, exc)
            existing = set(s.scalars(sa.select(Device.id)))
        with self._lock:
            for device_id in list(self._contacts):
                if device_id not in existing:
                    del self._contacts[device_id]
            contacts = dict(self._contacts)
        for device_id, contact in sorted(contacts.items()):
            try:
                targets.append(MonitorTarget(device_target_id(device_id), SipUri.parse(contact)))
            except ValueError:
                continue  # WebSocket contacts are reachable only through the registrar
        self.monitor.set_targets(targets)

    # --- lifecycle ----------------------------------------------------------------------------
    def start(self) -> None:
        self.refresh_targets()
        self.monitor.start()
        self._discovery.start()

    def _discover_loop(self) -> None:
        while not self._stop.is_set():
            with self.ctx.db.session() as s:
                line_ids = list(s.scalars(sa.select(Line.id).where(Line.devices.any()).order_by(Line.id)))
            for line_id in line_ids:
                if self._stop.is_set():
                    return
                try:
                    state = self.operations.line_state(CLI_ACTOR, line_id)
                except Exception:  # one line's trouble must not end discovery
                    log.exception("contact discovery failed for line %d", line_id)
                    continue
                if state.error is None:
                    self.learn(state)
            self._stop.wait(self.interval * self._discovery_every)

    def stop(self) -> None:
        self._stop.set()
        self.monitor.stop()

    def join(self, timeout: float | None = None) -> bool:
        done = self.monitor.join(timeout)
        if self._discovery.is_alive():
            self._discovery.join(timeout)
        return done and not self._discovery.is_alive()
