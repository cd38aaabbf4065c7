"""The sip-monitor thread against real peers: Kamailio (registrar), baresip (a device), a silent port."""

from __future__ import annotations

import socket
import threading

import pytest

from app.events import EventBus
from app.sip import (
    EndpointStateChanged,
    LineAccount,
    MonitorTarget,
    RegistrarAccess,
    SipClient,
    SipMonitor,
    SipUri,
    TimerSettings,
    registration_state,
)

pytestmark = pytest.mark.integration


def test_monitor_reports_registrar_device_and_silent_endpoint(kamailio, baresip, wait_for):
    with SipClient() as client:
        [device] = registration_state(
            client,
            LineAccount("1001", "1001", kamailio.passwords["1001"]),
            RegistrarAccess("127.0.0.1", kamailio.sip_port),
        )
    bus = EventBus()
    published: list[EndpointStateChanged] = []
    changed = threading.Condition()

    def on_change(event: EndpointStateChanged) -> None:
        with changed:
            published.append(event)
            changed.notify_all()

    bus.subscribe(on_change, EndpointStateChanged)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as silent:
        silent.bind(("127.0.0.1", 0))
        monitor = SipMonitor(
            bus,
            lambda: SipClient(timers=TimerSettings(t1=0.1, t2=0.2, timeout=0.6)),
            interval=0.3,
            jitter=0.1,
            max_outstanding=2,
        )
        monitor.set_targets(
            [
                MonitorTarget("registrar", SipUri("127.0.0.1", port=kamailio.sip_port)),
                MonitorTarget(
                    "device:1001", SipUri.parse(device.contact), destination=(device.ip, device.port)
                ),
                MonitorTarget("silent", SipUri("127.0.0.1", "1099", silent.getsockname()[1])),
            ]
        )
        monitor.start()
        try:
            with changed:
                assert changed.wait_for(lambda: len(published) >= 3, timeout=10), published
            rounds = monitor.rounds
            # Two more rounds without news: nothing else may be published.
            wait_for(lambda: monitor.rounds >= rounds + 2, 5, "two more monitor rounds")
        finally:
            monitor.stop()
            assert monitor.join(3)
    events = {event.target_id: event for event in published}
    assert len(published) == 3, published  # one change per target, none repeated
    assert (events["registrar"].reachable, events["registrar"].user_agent) == (True, "test-kamailio")
    assert events["device:1001"].reachable and events["device:1001"].user_agent.startswith("baresip v1.0")
    assert events["device:1001"].rtt_ms is not None
    assert (events["silent"].reachable, events["silent"].rtt_ms) == (False, None)
