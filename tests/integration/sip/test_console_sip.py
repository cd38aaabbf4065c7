"""The console's SIP operations on its own data, against Kamailio and a sipp phone:
[State ...], [Synchronize] (confirmed by the device's fetch), [Restart ...], and the CLI."""
from __future__ import annotations

import json
import subprocess
import sys
import threading

import pytest
import requests

from app.context import CLI_ACTOR as ADMIN
from app.services.lines import LineInput
from app.services.pbx import PbxInput
from app.serving import ProvisioningService
from app.sip import SipClient, TimerSettings
from app.sipops import SipOperations
from tests.conftest import REPO

pytestmark = pytest.mark.integration

FAST = TimerSettings(t1=0.1, t2=0.4, timeout=1.5)


@pytest.fixture
def console(ctx, kamailio):
    pbx = ctx.pbx.create(ADMIN, PbxInput(name="Lab", sip_domain="127.0.0.1", registrar_host="127.0.0.1",
                                         registrar_port=kamailio.sip_port, transport="udp"))
    ops = SipOperations(ctx, client_factory=lambda: SipClient(timers=FAST), poll_interval=0.05)
    return ctx, pbx, ops


def make_line(ctx, pbx, user, password):
    return ctx.lines.create(ADMIN, pbx.id, LineInput(number=user, display_name=f"Lab {user}", sip_user=user,
                                                     password=password))


def registered(kamailio, phone):
    return any(f":{phone.port}" in c["Address"] for c in kamailio.contacts(phone.user))


def test_state_shows_the_registration_as_the_manual_asks(console, kamailio, sipp_phone, wait_for):
    ctx, pbx, ops = console
    line = make_line(ctx, pbx, "1001", kamailio.passwords["1001"])
    phone = sipp_phone("1001", stay_ms=4000)
    wait_for(lambda: registered(kamailio, phone), 5, "sipp registering 1001")
    state = ops.line_state(ADMIN, line.id)
    assert state.error is None
    mine = [r for r in state.registrations if r.port == phone.port]
    assert len(mine) == 1
    reg = mine[0]
    assert reg.user_agent == "sipp-phone" and reg.ip == "127.0.0.1" and reg.reachable is True
    assert reg.contains_number and "1001@" in reg.contact
    assert reg.rtt_ms is not None and reg.rtt_ms < 1000


def test_a_wrong_line_password_is_reported_as_such(console, kamailio):
    ctx, pbx, ops = console
    line = make_line(ctx, pbx, "1002", "not-the-password")
    state = ops.line_state(ADMIN, line.id)
    assert state.registrations == ()
    assert "refused the line's credentials" in state.error and "1002" in state.error


def test_synchronize_sends_check_sync_and_sees_the_device_fetch(console, kamailio, sipp_phone, wait_for):
    ctx, pbx, ops = console
    line = make_line(ctx, pbx, "1003", kamailio.passwords["1003"])
    device = ctx.devices.create(ADMIN, line.id, "yealink-t46u")
    phone = sipp_phone("1003", stay_ms=6000)
    wait_for(lambda: registered(kamailio, phone), 5, "sipp registering 1003")
    service = ProvisioningService(ctx, port=0, bind="127.0.0.1", poll_interval=0.2)
    service.start()
    try:
        # sipp answers the NOTIFY; the phone's HTTPS part is played by this thread once the NOTIFY is in
        def fetch_after_notify():
            wait_for(lambda: "check-sync" in phone.notify_log(), 10, "the NOTIFY at the phone")
            session = requests.Session()
            session.trust_env = False
            reply = session.get(f"https://127.0.0.1:{service.server.port}/{device.access_key}.cfg",
                                verify=str(service.certificate.ca_path), headers={"User-Agent": "sipp-phone"})
            assert reply.status_code == 200

        fetcher = threading.Thread(target=fetch_after_notify)
        fetcher.start()
        result = ops.synchronize(ADMIN, device.id, wait_s=10)
        fetcher.join(15)
    finally:
        service.stop()
        assert service.join(10)
    assert (result.status, result.fetched, result.ok) == (200, True, True), result
    assert phone.wait(timeout=15) == 0, phone.errors()
    assert "Failed regexp match" not in phone.errors()
    assert not ctx.devices.get(ADMIN, device.id).needs_sync


def test_synchronize_reports_a_device_that_does_not_fetch(console, kamailio, sipp_phone, wait_for):
    ctx, pbx, ops = console
    line = make_line(ctx, pbx, "1004", kamailio.passwords["1004"])
    device = ctx.devices.create(ADMIN, line.id, "snom-d735")
    phone = sipp_phone("1004", stay_ms=4000)
    wait_for(lambda: registered(kamailio, phone), 5, "sipp registering 1004")
    result = ops.synchronize(ADMIN, device.id, wait_s=0.5)
    assert result.status == 200 and result.fetched is False and not result.ok


def test_restart_only_where_supported_and_cli_equivalents(console, kamailio, sipp_phone, wait_for, data_dir):
    ctx, pbx, ops = console
    line = make_line(ctx, pbx, "1000", kamailio.passwords["1000"])
    app_device = ctx.devices.create(ADMIN, line.id, "linphone-app")
    refused = ops.restart(ADMIN, app_device.id)
    assert refused.status is None and "cannot be restarted" in refused.error
    ctx.devices.delete(ADMIN, app_device.id)
    device = ctx.devices.create(ADMIN, line.id, "yealink-t46u")
    phone = sipp_phone("1000", stay_ms=20000)  # registered through three CLI runs, even on a loaded machine
    wait_for(lambda: registered(kamailio, phone), 5, "sipp registering 1000")

    def cli(*args):
        return subprocess.run([sys.executable, str(REPO / "main.py"), *args, "--data-dir", str(data_dir)],
                              check=False, capture_output=True, text=True, timeout=60)

    state = cli("line", "state", "1000", "--json")
    assert state.returncode == 0, state.stderr
    registrations = json.loads(state.stdout)["registrations"]
    assert any(r["user_agent"] == "sipp-phone" and r["contains_number"] for r in registrations)
    restart = cli("device", "restart", str(device.id))
    assert restart.returncode == 0, restart.stderr + restart.stdout
    assert "NOTIFY answered 200" in restart.stdout
    sync = cli("device", "sync", str(device.id), "--wait", "0")
    assert "NOTIFY answered 200" in sync.stdout
    assert phone.wait(timeout=35) == 0, phone.errors()
    assert "check-sync;reboot=true" in phone.notify_log()
