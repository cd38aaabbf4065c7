"""SIP operations on the database's lines and devices: registration state, Synchronize, Restart.

Everything here blocks (network round trips, waiting for a device's fetch): call it from a worker
thread, the CLI or `serve`, never from the GUI thread.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from app.context import AppContext
from app.services.base import NotFound, Service
from app.services.dto import Actor
from app.sip import (
    AuthenticationFailed,
    KamailioRpc,
    KamailioRpcError,
    LineAccount,
    PeerUnreachable,
    RegistrarAccess,
    SipClient,
    SipCredentials,
    SipError,
    UnexpectedResponse,
    registration_state,
    send_notify,
)
from app.sip.registration import BindingState
from models.schema import Device, Line, Pbx


@dataclass(frozen=True)
class Registration:
    """One binding as the manual's [State ...] shows it."""

    user_agent: str | None
    ip: str
    port: int
    contact: str
    expires: int | None
    reachable: bool | None
    rtt_ms: float | None
    contains_number: bool  # the manual: "In 'Contact' the telephone number is included"
    matching_device_ids: tuple[int, ...]  # devices of the line whose type matches the User-Agent

    @property
    def matches_device(self) -> bool:
        return bool(self.matching_device_ids)


@dataclass(frozen=True)
class LineState:
    line_id: int
    number: str
    registrations: tuple[Registration, ...]
    error: str | None = None  # e.g. wrong password, registrar unreachable
    device_ids: tuple[int, ...] = ()  # the line's devices

    def registration_of(self, device_id: int) -> Registration | None:
        """The binding of a device: the one whose User-Agent matches its type; with a single device on
        the line and a single binding, that binding (User-Agent patterns are partly unconfirmed)."""
        matching = [r for r in self.registrations if device_id in r.matching_device_ids]
        if matching:
            return matching[0]
        if self.device_ids == (device_id,) and len(self.registrations) == 1:
            return self.registrations[0]
        return None


@dataclass(frozen=True)
class SyncResult:
    device_id: int
    action: str  # "synchronize" | "restart"
    status: int | None  # the final SIP response to the NOTIFY; None if none was sent
    reason: str
    fetched: bool | None  # the device then fetched its current configuration (None: not waited for)
    fetched_at: datetime | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300 and self.fetched is not False


@dataclass(frozen=True)
class _Target:
    device_id: int
    type_id: str
    line_id: int
    number: str
    account: LineAccount
    registrar: RegistrarAccess
    config_revision: int


ClientFactory = Callable[[], SipClient]


class SipOperations(Service):
    def __init__(self, ctx: AppContext, client_factory: ClientFactory | None = None,
                 poll_interval: float = 0.25) -> None:
        super().__init__(ctx.devices.ctx)
        self.app = ctx
        self.client_factory = client_factory or (lambda: SipClient(bind_host=ctx.settings.sip_bind_address))
        self.poll_interval = poll_interval

    # --- data -------------------------------------------------------------------------------
    def _line_target(self, actor: Actor, line_id: int) -> tuple[Line, LineAccount, RegistrarAccess, list]:  # type: ignore[type-arg]
        with self.ctx.db.session() as s:
            line = s.get(Line, line_id)
            if line is None or not self.can_see_line(actor, line):
                raise NotFound(f"line {line_id} not found.")
            pbx = s.get(Pbx, line.pbx_id)
            assert pbx is not None
            devices = [(d.id, d.type_id) for d in line.devices]
            return line, _account(line), _registrar(pbx), devices

    def _device_target(self, actor: Actor, device_id: int) -> _Target:
        with self.ctx.db.session() as s:
            device = s.get(Device, device_id)
            if device is None or not self.can_see_line(actor, device.line):
                raise NotFound(f"device {device_id} not found.")
            line = device.line
            pbx = s.get(Pbx, line.pbx_id)
            assert pbx is not None
            return _Target(device.id, device.type_id, line.id, line.number, _account(line), _registrar(pbx),
                           device.config_revision)

    # --- registration state -----------------------------------------------------------------------
    def line_state(self, actor: Actor, line_id: int) -> LineState:
        line, account, registrar, devices = self._line_target(actor, line_id)
        rpc = self._rpc() if self.app.settings.registration_source == "kamailio-rpc" else None
        try:
            with self.client_factory() as client:
                bindings = registration_state(client, account, registrar, kamailio_rpc=rpc)
        except AuthenticationFailed as exc:
            return LineState(line.id, line.number, (), f"the registrar refused the line's credentials "
                             f"({exc.status}): check SIP user, auth user and password of line {line.number}.")
        except PeerUnreachable as exc:
            return LineState(line.id, line.number, (), f"the registrar {registrar.host} did not answer: {exc}")
        except (UnexpectedResponse, KamailioRpcError, SipError) as exc:
            return LineState(line.id, line.number, (), f"the registration state could not be read: {exc}")
        return LineState(line.id, line.number, tuple(self._view(b, line.number, devices) for b in bindings),
                         device_ids=tuple(device_id for device_id, _type in devices))

    def _view(self, binding: BindingState, number: str, devices: list[tuple[int, str]]) -> Registration:
        catalog = self.ctx.catalog
        matching = tuple(device_id for device_id, type_id in devices
                         if binding.user_agent and catalog.device_type(type_id).matches_user_agent(binding.user_agent))
        return Registration(user_agent=binding.user_agent, ip=binding.ip, port=binding.port, contact=binding.contact,
                            expires=binding.expires, reachable=binding.reachable, rtt_ms=binding.rtt_ms,
                            contains_number=number in binding.contact, matching_device_ids=matching)

    def _rpc(self) -> KamailioRpc:
        return KamailioRpc(self.app.settings.kamailio_rpc_url)

    # --- Synchronize / Restart ----------------------------------------------------------------------
    def synchronize(self, actor: Actor, device_id: int, *, wait_s: float = 30.0,
                    cancelled: Callable[[], bool] | None = None) -> SyncResult:
        return self._notify(actor, device_id, "synchronize", wait_s, cancelled)

    def restart(self, actor: Actor, device_id: int, *, wait_s: float = 0.0,
                cancelled: Callable[[], bool] | None = None) -> SyncResult:
        return self._notify(actor, device_id, "restart", wait_s, cancelled)

    def _notify(self, actor: Actor, device_id: int, action: str, wait_s: float,
                cancelled: Callable[[], bool] | None) -> SyncResult:
        target = self._device_target(actor, device_id)
        device_type = self.ctx.catalog.device_type(target.type_id)
        event = device_type.notify_resync if action == "synchronize" else device_type.notify_reboot
        if not event:
            what = "restarted" if action == "restart" else "synchronized"
            return SyncResult(device_id, action, None, "not supported", None,
                              error=f"a {device_type.vendor} {device_type.model} cannot be {what} from the console.")
        state = self.line_state(actor, target.line_id)
        if state.error:
            return SyncResult(device_id, action, None, "no registration", None, error=state.error)
        contact = state.registration_of(device_id)
        if contact is None:
            return SyncResult(device_id, action, None, "not registered", None,
                              error=f"no registration of this device on line {target.number} was found; "
                              "check [State ...] and that the device is connected.")
        sent_at = self.ctx.clock()
        if self.app.settings.notify_route == "exchange":
            status, reason, error = self._notify_via_exchange(contact, event)
        else:
            with self.client_factory() as client:
                result = send_notify(client, contact.contact, event,
                                     SipCredentials(target.account.auth_user, target.account.password))
            status, reason, error = result.status, result.reason, result.error
            if result.auth_rejected:
                error = "the device refused the line's credentials for the NOTIFY."
        self._record(actor, device_id, action, status)
        if not 200 <= status < 300 or wait_s <= 0:
            return SyncResult(device_id, action, status, reason, None, error=error)
        fetched_at = self._wait_for_fetch(device_id, target.config_revision, sent_at, wait_s, cancelled)
        return SyncResult(device_id, action, status, reason, fetched_at is not None, fetched_at, error)

    def _notify_via_exchange(self, contact: Registration, event: str) -> tuple[int, str, str | None]:
        headers = (f"From: <sip:provisioning@{contact.ip}>\r\nTo: <{contact.contact}>\r\n"
                   f"Contact: <sip:provisioning@{contact.ip}>\r\nEvent: {event}\r\nSubscription-State: terminated\r\n")
        try:
            reply = self._rpc().call("tm.t_uac_wait", "NOTIFY", contact.contact,
                                     f"sip:{contact.ip}:{contact.port}", ".", headers)
        except KamailioRpcError as exc:
            return 503, "exchange refused", str(exc)
        if isinstance(reply, list) and reply:
            return int(reply[0]), str(reply[1]) if len(reply) > 1 else "", None
        if isinstance(reply, dict):
            return int(reply.get("code", 500)), str(reply.get("text", "")), None
        return 500, "unexpected answer from the exchange", repr(reply)[:200]

    def _wait_for_fetch(self, device_id: int, revision: int, sent_at: datetime, wait_s: float,
                        cancelled: Callable[[], bool] | None) -> datetime | None:
        """Watch last access (recorded by whichever process serves configurations) for the fetch."""
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline and not (cancelled and cancelled()):
            with self.ctx.db.session() as s:
                device = s.get(Device, device_id)
                if device is None:
                    return None
                at = device.last_access_at
                if at is not None and at.tzinfo is None:
                    at = at.replace(tzinfo=sent_at.tzinfo)
                if at is not None and at >= sent_at and (device.served_revision or 0) >= revision:
                    return at
            time.sleep(self.poll_interval)
        return None

    def _record(self, actor: Actor, device_id: int, action: str, status: int) -> None:
        with self.ctx.db.session() as s:
            self.audit(s, actor, action, "device", device_id, f"NOTIFY answered {status}")

    def bulk_synchronize(self, actor: Actor, device_ids: Iterable[int], *, rate_per_s: float = 5.0,
                         progress: Callable[[int, int, SyncResult], None] | None = None,
                         cancelled: Callable[[], bool] | None = None, wait_s: float = 0.0) -> list[SyncResult]:
        """One NOTIFY after another, at most `rate_per_s` per second, so a vPBX's phones do not all fetch at once."""
        ids = list(device_ids)
        results: list[SyncResult] = []
        gap = 1.0 / rate_per_s if rate_per_s > 0 else 0.0
        for index, device_id in enumerate(ids, start=1):
            if cancelled and cancelled():
                break
            started = time.monotonic()
            try:
                result = self.synchronize(actor, device_id, wait_s=wait_s, cancelled=cancelled)
            except NotFound as exc:
                result = SyncResult(device_id, "synchronize", None, "not found", None, error=str(exc))
            results.append(result)
            if progress:
                progress(index, len(ids), result)
            rest = gap - (time.monotonic() - started)
            if rest > 0 and index < len(ids):
                time.sleep(rest)
        return results


def _account(line: Line) -> LineAccount:
    return LineAccount(user=line.sip_user, auth_user=line.auth_user, password=line.password)


def _registrar(pbx: Pbx) -> RegistrarAccess:
    proxy = None
    if pbx.outbound_proxy:
        host, _, port = pbx.outbound_proxy.rpartition(":") if ":" in pbx.outbound_proxy else (pbx.outbound_proxy, "", "")
        proxy = (host, int(port) if port else 5060)
    return RegistrarAccess(host=pbx.registrar_host, port=pbx.registrar_port, transport=pbx.transport,
                           domain=pbx.sip_domain, outbound_proxy=proxy)

