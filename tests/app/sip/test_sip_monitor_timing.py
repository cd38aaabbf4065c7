"""The timing fixes found by bench/sip_monitor_bench.py.

Probes give up after the monitor's probe_timeout instead of Timer F, silent targets do not stretch a round,
suspects are re-checked well before the next round, and the client finds due timers through a heap.
"""

from __future__ import annotations

import threading
import time

import pytest

from app.events import EventBus
from app.sip.builder import build_request, new_branch, via_value
from app.sip.client import Outgoing, SipClient
from app.sip.errors import SipUsageError
from app.sip.monitor import EndpointStateChanged, MonitorTarget, ProbeResult, ReachabilityTracker, SipMonitor
from app.sip.transaction import ClientTransaction, DeadlineQueue, TimerSettings
from app.sip.uri import NameAddress, SipUri


def silent(request):
    return []


def options(port: int) -> Outgoing:
    uri = SipUri("127.0.0.1", "x", port)
    return Outgoing("OPTIONS", uri, from_address=NameAddress(SipUri("127.0.0.1", "c")), to_address=NameAddress(uri))


def test_give_up_after_shortens_timer_f_and_keeps_retransmitting(uas):
    server = uas("udp", silent)
    with SipClient() as client:  # RFC timers: Timer F would be 32 s
        started = time.monotonic()
        [result] = client.run([options(server.port)], give_up_after=0.8)
        took = time.monotonic() - started
    assert result.timed_out and 0.7 <= took < 2.0
    assert len(server.requests()) >= 2  # first send plus the retransmission at T1 = 0.5 s


def test_give_up_after_never_lengthens_the_clients_own_timer(uas):
    server = uas("udp", silent)
    with SipClient(timers=TimerSettings(t1=0.05, t2=0.1, timeout=0.2)) as client:
        started = time.monotonic()
        [result] = client.run([options(server.port)], give_up_after=30)
    assert result.timed_out and time.monotonic() - started < 2.0


def test_give_up_after_must_be_positive():
    with SipClient() as client, pytest.raises(SipUsageError, match="give_up_after"):
        client.run([], give_up_after=0)


def test_silent_targets_wait_in_parallel_not_in_waves(uas):
    server = uas("udp", silent)
    with SipClient() as client:
        started = time.monotonic()
        results = client.run([options(server.port) for _ in range(200)], max_outstanding=1024, give_up_after=0.5)
        took = time.monotonic() - started
    # In waves of 16 this would take 200 / 16 * 0.5 s = 6.5 s.
    assert len(results) == 200 and all(r.timed_out for r in results) and took < 3.0


def test_suspects_are_targets_that_missed_but_are_not_down():
    tracker = ReachabilityTracker(misses_before_down=2)
    tracker.observe("up", ProbeResult(True))
    tracker.observe("missed", ProbeResult(True))
    tracker.observe("missed", ProbeResult(False))
    for _ in range(2):
        tracker.observe("down", ProbeResult(False))
    assert tracker.suspects() == {"missed"}
    tracker.observe("missed", ProbeResult(True))
    assert tracker.suspects() == set()


def test_a_silent_target_is_rechecked_and_flagged_long_before_the_next_round(uas):
    server = uas("udp", silent)
    bus = EventBus()
    down = threading.Event()
    bus.subscribe(lambda event: event.reachable or down.set(), EndpointStateChanged)
    monitor = SipMonitor(bus, SipClient, interval=60, probe_timeout=0.3, recheck_after=0.2)
    monitor.set_targets([MonitorTarget("silent", SipUri("127.0.0.1", port=server.port))])
    started = time.monotonic()
    monitor.start()
    try:
        assert down.wait(5), "the silent target was not flagged"
        flagged_after = time.monotonic() - started
    finally:
        monitor.stop()
        assert monitor.join(5)
    assert flagged_after < 3.0  # two misses: one in round 1, one in the re-check 0.2 s later
    assert monitor.rounds == 1 and monitor.rechecks >= 1


def test_monitor_refuses_bad_timing_settings():
    with pytest.raises(SipUsageError, match="probe_timeout"):
        SipMonitor(EventBus(), SipClient, probe_timeout=0)
    with pytest.raises(SipUsageError, match="max_outstanding"):
        SipMonitor(EventBus(), SipClient, max_outstanding=0)


def transaction(now: float, t1: float = 0.5) -> ClientTransaction:
    request = build_request(
        "OPTIONS", SipUri("h"), via=via_value("UDP", "127.0.0.1", 5060, new_branch()),
        from_address=NameAddress(SipUri("h", "a")).with_params(tag="t"), to_address=NameAddress(SipUri("h")),
        call_id="c@h", cseq=1,
    )
    return ClientTransaction(request, reliable=False, timers=TimerSettings(t1=t1, t2=4), now=now)


def test_deadline_queue_hands_out_due_transactions_in_order_and_skips_moved_ones():
    queue = DeadlineQueue()
    early, late = transaction(0.0, t1=0.5), transaction(0.0, t1=1.0)
    queue.schedule(late)
    queue.schedule(early)
    assert queue.next_deadline() == 0.5 and len(queue) == 2
    assert queue.pop_due(0.4) == []
    assert queue.pop_due(0.6) == [early]
    early.on_timer(0.6)  # retransmitted: next at 0.6 + 1.0
    queue.schedule(early)
    early.abort()
    queue.schedule(early)  # terminated: no deadline any more, its old entry is stale
    assert queue.pop_due(10.0) == [late]
    assert queue.next_deadline() is None and len(queue) == 0
