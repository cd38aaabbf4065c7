"""The SIP monitor: a worker thread that pings targets with OPTIONS and publishes reachability changes.

The decision logic (`ReachabilityTracker`: two misses before "down", publish only on change) and
the scheduling (`next_delay`: interval with jitter) are plain objects testable without threads.
`SipMonitor` owns the thread named "sip-monitor" and its SipClient (created inside the thread,
because a client belongs to one thread).

Timing (measured by bench/sip_monitor_bench.py, reasoning in docs/decisions/0003-sip-monitor-design.md):
a probe gives up after `probe_timeout` (5 s, not the RFC's 32 s Timer F), many probes are in flight at
once (`max_outstanding`) so dead targets do not stretch a round, and a target that missed once is
re-checked `recheck_after` seconds after the round instead of a whole interval later. A dead endpoint
is thus flagged at most about interval * (1 + jitter) + 2 * probe_timeout + recheck_after after it died.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from app.events import Event, EventBus
from app.sip.client import Outgoing, SipClient
from app.sip.errors import SipUsageError
from app.sip.transport import Address
from app.sip.uri import NameAddress, SipUri

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MonitorTarget:
    target_id: str  # e.g. "registrar:3" or "device:17"
    uri: SipUri
    destination: Address | None = None  # None: from the URI
    transport: str | None = None  # None: from the URI

    def __post_init__(self) -> None:
        transport = (self.transport or self.uri.transport).lower()
        if transport not in ("udp", "tcp", "tls"):
            raise SipUsageError(
                f"monitor target {self.target_id!r} uses transport {transport!r}; only udp, tcp and tls "
                "can be pinged from here (WebSocket devices are reachable only through their registrar)"
            )


@dataclass(frozen=True)
class EndpointStateChanged(Event):
    target_id: str
    reachable: bool
    user_agent: str | None
    rtt_ms: float | None


@dataclass(frozen=True)
class ProbeResult:
    answered: bool
    user_agent: str | None = None
    rtt_ms: float | None = None


@dataclass
class _Known:
    reachable: bool | None = None  # None until the first decision
    misses: int = 0
    user_agent: str | None = None


class ReachabilityTracker:
    """Turns probe results into state changes: up at the first answer, down after N misses in a row."""

    def __init__(self, misses_before_down: int = 2) -> None:
        if misses_before_down < 1:
            raise SipUsageError("misses_before_down must be at least 1")
        self.misses_before_down = misses_before_down
        self._known: dict[str, _Known] = {}

    def suspects(self) -> set[str]:
        """Targets that missed lately but are not declared down yet: worth asking again soon."""
        return {k for k, v in self._known.items() if v.misses > 0 and v.reachable is not False}

    def forget_all_but(self, target_ids: Iterable[str]) -> None:
        keep = set(target_ids)
        self._known = {k: v for k, v in self._known.items() if k in keep}

    def observe(self, target_id: str, result: ProbeResult) -> EndpointStateChanged | None:
        known = self._known.setdefault(target_id, _Known())
        if result.answered:
            known.misses = 0
            changed = known.reachable is not True or result.user_agent != known.user_agent
            known.reachable, known.user_agent = True, result.user_agent
            if changed:
                return EndpointStateChanged(target_id, True, result.user_agent, result.rtt_ms)
            return None
        known.misses += 1
        if known.reachable is not False and known.misses >= self.misses_before_down:
            known.reachable = False
            return EndpointStateChanged(target_id, False, known.user_agent, None)
        return None


def next_delay(interval: float, jitter: float, rng: random.Random) -> float:
    """Interval spread by +-jitter (a fraction) so many consoles do not ping in lock-step."""
    return interval * (1 + rng.uniform(-jitter, jitter))


Probe = Callable[[Sequence[MonitorTarget]], list[ProbeResult]]


def options_probe(
    client: SipClient,
    from_address: NameAddress,
    max_outstanding: int,
    cancelled: Callable[[], bool] | None = None,
    timeout: float | None = None,
) -> Probe:
    """A probe sending OPTIONS through `client`; any final answer counts as reachable."""

    def probe(targets: Sequence[MonitorTarget]) -> list[ProbeResult]:
        outgoings = [
            Outgoing(
                "OPTIONS",
                t.uri,
                from_address=from_address,
                to_address=NameAddress(t.uri.without_params()),
                destination=t.destination,
                transport=t.transport,
            )
            for t in targets
        ]
        return [
            ProbeResult(r.response is not None, r.response.user_agent if r.response else None, r.rtt_ms)
            for r in client.run(
                outgoings, max_outstanding=max_outstanding, cancelled=cancelled, give_up_after=timeout
            )
        ]

    return probe


class SipMonitor:
    def __init__(
        self,
        bus: EventBus,
        client_factory: Callable[[], SipClient],
        *,
        interval: float = 30.0,
        jitter: float = 0.1,
        max_outstanding: int = 8192,
        misses_before_down: int = 2,
        probe_timeout: float = 5.0,
        recheck_after: float = 5.0,
        from_address: NameAddress | None = None,
        rng: random.Random | None = None,
    ) -> None:
        if interval <= 0 or not 0 <= jitter < 1:
            raise SipUsageError("monitor interval must be > 0 and jitter a fraction in [0, 1)")
        if max_outstanding < 1 or probe_timeout <= 0 or recheck_after <= 0:
            raise SipUsageError("max_outstanding must be >= 1, probe_timeout and recheck_after > 0 seconds")
        self.bus = bus
        self.interval = interval
        self.jitter = jitter
        # Silent targets hold their slot for probe_timeout, so a round lasts about ceil(silent / cap) *
        # probe_timeout. A cap above the 5,000 endpoints the console is sized for keeps even a total outage
        # to one probe_timeout per round; the client paces its sends in small batches either way.
        self.max_outstanding = max_outstanding
        self.probe_timeout = probe_timeout  # caps the client's Timer F; never lengthens it
        self.recheck_after = min(recheck_after, interval)
        self._client_factory = client_factory
        self._from = from_address or NameAddress(SipUri(host="localhost", user="monitor"))
        self._rng = rng or random.Random()
        self._tracker = ReachabilityTracker(misses_before_down)
        self._targets: tuple[MonitorTarget, ...] = ()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self.rounds = 0  # completed polling rounds, for tests and diagnostics
        self.rechecks = 0  # completed re-checks of suspects (not counted in `rounds`)

    def set_targets(self, targets: Iterable[MonitorTarget]) -> None:
        """Replace the set of targets; takes effect at the next round (which starts at once)."""
        targets = tuple(targets)
        ids = [t.target_id for t in targets]
        if len(ids) != len(set(ids)):
            raise SipUsageError("monitor target ids must be unique")
        with self._lock:
            self._targets = targets
        self._wake.set()

    def poll_once(self, probe: Probe) -> list[EndpointStateChanged]:
        """One round: probe all targets, publish and return the changes."""
        with self._lock:
            targets = self._targets
        self._tracker.forget_all_but(t.target_id for t in targets)
        changes = self._probe_and_publish(probe, targets)
        if changes is None:
            return []
        self.rounds += 1
        return changes

    def recheck_suspects(self, probe: Probe) -> list[EndpointStateChanged]:
        """Probe again only the targets that missed lately and are not down yet; publish the changes."""
        suspects = self._tracker.suspects()
        with self._lock:
            targets = tuple(t for t in self._targets if t.target_id in suspects)
        if not targets:
            return []
        changes = self._probe_and_publish(probe, targets)
        if changes is None:
            return []
        self.rechecks += 1
        return changes

    def _probe_and_publish(
        self, probe: Probe, targets: Sequence[MonitorTarget]
    ) -> list[EndpointStateChanged] | None:
        results = probe(targets)
        if self._stop.is_set():
            return None  # a round cut short by stop() says nothing about the targets
        changes = []
        for target, result in zip(targets, results, strict=True):
            change = self._tracker.observe(target.target_id, result)
            if change is not None:
                changes.append(change)
                self.bus.publish(change)
        return changes

    def start(self) -> None:
        if self._thread is not None:
            raise SipUsageError("the SIP monitor was already started")
        self._thread = threading.Thread(target=self._run, name="sip-monitor", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the thread; True if it has ended (within ~0.2 s of stop(), even mid-round)."""
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            with self._client_factory() as client:
                probe = options_probe(
                    client, self._from, self.max_outstanding, self._stop.is_set, self.probe_timeout
                )
                while not self._stop.is_set():
                    self._wake.clear()
                    try:
                        self.poll_once(probe)
                    except Exception:  # a bad round must not end monitoring
                        log.exception("SIP monitor round failed")
                    self._wait_for_next_round(probe, next_delay(self.interval, self.jitter, self._rng))
        except Exception:
            log.exception("SIP monitor stopped by an error")

    def _wait_for_next_round(self, probe: Probe, delay: float) -> None:
        """Sleep until the next round (or a wake-up), re-checking suspects every `recheck_after` meanwhile."""
        next_round = time.monotonic() + delay
        while not self._stop.is_set():
            remaining = next_round - time.monotonic()
            if not self._tracker.suspects() or remaining <= self.recheck_after:
                self._wake.wait(max(0.0, remaining))
                return
            if self._wake.wait(self.recheck_after):
                return  # new targets or stop(): the next round starts at once
            try:
                self.recheck_suspects(probe)
            except Exception:
                log.exception("SIP monitor re-check failed")
