"""The registration monitor on the console's data: it learns a device's contact from the registrar,
reports it reachable, and flags it down after two missed OPTIONS once the phone is gone."""
from __future__ import annotations

import pytest

from app.context import CLI_ACTOR as ADMIN
from app.monitoring import MonitorService, device_target_id, registrar_target_id
from app.services.lines import LineInput
from app.services.pbx import PbxInput
from app.sip import EndpointStateChanged, SipClient, TimerSettings

pytestmark = pytest.mark.integration

FAST = TimerSettings(t1=0.05, t2=0.2, timeout=0.4)


def test_monitor_learns_contacts_and_flags_a_dead_device(ctx, kamailio, sipp_phone, wait_for):
    pbx = ctx.pbx.create(ADMIN, PbxInput(name="Lab", sip_domain="127.0.0.1", registrar_host="127.0.0.1",
                                         registrar_port=kamailio.sip_port))
    line = ctx.lines.create(ADMIN, pbx.id, LineInput(number="1002", sip_user="1002",
                                                     password=kamailio.passwords["1002"]))
    device = ctx.devices.create(ADMIN, line.id, "yealink-t46u")
    changes: list[EndpointStateChanged] = []
    ctx.bus.subscribe(changes.append, EndpointStateChanged)
    phone = sipp_phone("1002", stay_ms=2500)
    wait_for(lambda: any(f":{phone.port}" in c["Address"] for c in kamailio.contacts("1002")), 5, "registration")
    service = MonitorService(ctx, client_factory=lambda: SipClient(timers=FAST), interval=0.3, discovery_every=1000)
    service.start()
    try:
        def state_of(target_id):
            return [c.reachable for c in changes if c.target_id == target_id]

        wait_for(lambda: state_of(registrar_target_id(pbx.id)) == [True], 5, "the registrar reachable")
        # sipp's User-Agent matches no catalog type; with one device and one binding the console uses it
        wait_for(lambda: state_of(device_target_id(device.id))[:1] == [True], 5, "the device reachable")
        assert phone.wait(timeout=10) == 0, phone.errors()  # the phone is gone now
        wait_for(lambda: state_of(device_target_id(device.id)) == [True, False], 5, "the device flagged down")
        assert service.monitor.rounds >= 3  # hysteresis: one miss is not enough
    finally:
        service.stop()
        assert service.join(5)
