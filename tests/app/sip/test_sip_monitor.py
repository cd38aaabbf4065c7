"""Monitor decisions (hysteresis, change-only events, jitter) and the sip-monitor thread on loopback."""

from __future__ import annotations

import random
import threading
import time

import pytest

from app.events import EventBus
from app.sip.client import SipClient
from app.sip.errors import SipUsageError
from app.sip.monitor import (
    EndpointStateChanged,
    MonitorTarget,
    ProbeResult,
    ReachabilityTracker,
    SipMonitor,
    next_delay,
)
from app.sip.transaction import TimerSettings
from app.sip.uri import SipUri

UP = ProbeResult(True, "phone/1.0", 3.0)
DOWN = ProbeResult(False)


def states(tracker, target_id, results):
    changes = [tracker.observe(target_id, r) for r in results]
    return [None if c is None else c.reachable for c in changes]


def test_two_misses_before_down_one_answer_before_up():
    tracker = ReachabilityTracker(misses_before_down=2)
    assert states(tracker, "a", [UP, UP, DOWN, UP, DOWN, DOWN, DOWN, UP]) == [
        True,
        None,
        None,
        None,
        None,
        False,
        None,
        True,
    ]


def test_unknown_target_is_declared_down_only_after_two_misses():
    tracker = ReachabilityTracker()
    assert states(tracker, "a", [DOWN, DOWN, DOWN]) == [None, False, None]


def test_changed_user_agent_is_a_change_rtt_alone_is_not():
    tracker = ReachabilityTracker()
    tracker.observe("a", UP)
    assert tracker.observe("a", ProbeResult(True, "phone/1.0", 9.0)) is None
    change = tracker.observe("a", ProbeResult(True, "phone/2.0", 4.0))
    assert change == EndpointStateChanged("a", True, "phone/2.0", 4.0, at=change.at)


def test_jitter_spreads_the_interval():
    rng = random.Random(7)
    delays = [next_delay(10, 0.2, rng) for _ in range(200)]
    assert 8 <= min(delays) < 8.5 and 11.5 < max(delays) <= 12


class FakeProbe:
    def __init__(self):
        self.answers: dict[str, list[ProbeResult]] = {}

    def __call__(self, targets):
        return [self.answers[t.target_id].pop(0) for t in targets]


def test_poll_once_publishes_changes_only():
    bus = EventBus()
    seen = []
    bus.subscribe(seen.append, EndpointStateChanged)
    monitor = SipMonitor(bus, SipClient, interval=1)
    monitor.set_targets(
        [MonitorTarget("registrar", SipUri("127.0.0.1")), MonitorTarget("dev:1", SipUri("h"))]
    )
    probe = FakeProbe()
    probe.answers = {"registrar": [UP, UP, UP], "dev:1": [DOWN, DOWN, DOWN]}
    for _ in range(3):
        monitor.poll_once(probe)
    assert [(e.target_id, e.reachable) for e in seen] == [("registrar", True), ("dev:1", False)]


def test_removed_targets_are_forgotten():
    bus = EventBus()
    monitor = SipMonitor(bus, SipClient, interval=1)
    probe = FakeProbe()
    monitor.set_targets([MonitorTarget("a", SipUri("h"))])
    probe.answers = {"a": [UP, UP]}
    assert len(monitor.poll_once(probe)) == 1
    monitor.set_targets([])
    monitor.poll_once(probe)
    monitor.set_targets([MonitorTarget("a", SipUri("h"))])
    assert len(monitor.poll_once(probe)) == 1  # known again from scratch: "up" is news


def test_bad_settings_are_refused():
    with pytest.raises(SipUsageError, match="unique"):
        SipMonitor(EventBus(), SipClient).set_targets([MonitorTarget("a", SipUri("h"))] * 2)
    with pytest.raises(SipUsageError, match="interval"):
        SipMonitor(EventBus(), SipClient, interval=0)
    with pytest.raises(SipUsageError, match="misses_before_down"):
        ReachabilityTracker(0)


def test_monitor_thread_pings_loopback_targets(uas):
    alive = uas("udp")
    silent = uas("udp", lambda request: [])
    bus = EventBus()
    events: list[EndpointStateChanged] = []
    got = threading.Condition()

    def on_event(event):
        with got:
            events.append(event)
            got.notify_all()

    bus.subscribe(on_event, EndpointStateChanged)
    monitor = SipMonitor(
        bus,
        lambda: SipClient(timers=TimerSettings(t1=0.05, t2=0.1, timeout=0.2)),
        interval=0.1,
        jitter=0.2,
        max_outstanding=1,
        rng=random.Random(1),
    )
    monitor.set_targets(
        [
            MonitorTarget("alive", SipUri("127.0.0.1", port=alive.port)),
            MonitorTarget("silent", SipUri("127.0.0.1", port=silent.port)),
        ]
    )
    monitor.start()
    try:
        assert [t.name for t in threading.enumerate()].count("sip-monitor") == 1
        with got:
            assert got.wait_for(lambda: len(events) >= 2, timeout=5), events
        rounds = monitor.rounds
        deadline = time.monotonic() + 5
        while monitor.rounds < rounds + 2 and time.monotonic() < deadline:
            with got:
                got.wait(0.05)
    finally:
        monitor.stop()
        assert monitor.join(5)
    assert monitor.rounds >= rounds + 2
    assert {(e.target_id, e.reachable, e.user_agent) for e in events} == {
        ("alive", True, "loopback-uas/1.0"),
        ("silent", False, None),
    }
    assert len(events) == 2  # later rounds changed nothing, so nothing more was published


def test_stop_interrupts_a_round_waiting_for_a_silent_target(uas):
    silent = uas("udp", lambda request: [])
    bus = EventBus()
    events = []
    bus.subscribe(events.append, EndpointStateChanged)
    monitor = SipMonitor(bus, lambda: SipClient(timers=TimerSettings(timeout=30)), interval=60)
    monitor.set_targets([MonitorTarget("silent", SipUri("127.0.0.1", port=silent.port))])
    monitor.start()
    deadline = time.monotonic() + 5
    while not silent.requests() and time.monotonic() < deadline:
        time.sleep(0.01)  # polling for the first OPTIONS to arrive
    assert silent.requests(), "the monitor sent nothing"
    started = time.monotonic()
    monitor.stop()
    assert monitor.join(2) and time.monotonic() - started < 1.0
    assert events == [] and monitor.rounds == 0


def test_websocket_targets_are_refused_with_a_reason():
    with pytest.raises(SipUsageError, match="only udp, tcp and tls"):
        MonitorTarget("dev:9", SipUri.parse("sip:x@abc.invalid;transport=ws"))
