"""The workstation's background services: start, report a busy port without raising, restart.
(`serve` itself is run as a process in test_serving.py.)"""
import socket
import threading

import requests

from app.background import BackgroundServices
from app.context import CLI_ACTOR as ADMIN
from app.provisioning.events import ServerStateChanged
from app.provisioning.server import THREAD_NAME
from app.services.lines import LineInput
from app.services.pbx import PbxInput
from tests.conftest import wait_for


def _device(ctx):
    pbx = ctx.pbx.create(ADMIN, PbxInput(name="Acme", sip_domain="sip.acme.example", registrar_host="127.0.0.1"))
    line = ctx.lines.create(ADMIN, pbx.id, LineInput(number="100", display_name="Anna", password="pw-100"))
    return ctx.devices.create(ADMIN, line.id, "snom-d735")


def _fetch(service, access_key):
    with requests.Session() as session:
        session.trust_env = False
        return session.get(f"https://127.0.0.1:{service.server.port}/{access_key}.cfg",
                           verify=str(service.certificate.ca_path), timeout=5)


def test_serves_and_monitors_then_stops(ctx):
    device = _device(ctx)
    background = BackgroundServices(ctx, port=0, bind="127.0.0.1")
    assert background.start() is None
    try:
        service = background.provisioning
        wait_for(lambda: service.serves(device.access_key), message="the device's entry")
        assert _fetch(service, device.access_key).status_code == 200
        assert "sip-monitor" in {thread.name for thread in threading.enumerate()}
    finally:
        background.stop()
    assert background.join(10)


def test_busy_port_is_reported_not_raised_and_restart_recovers(ctx):
    states = []
    ctx.bus.subscribe(lambda e: states.append(e) if isinstance(e, ServerStateChanged) else None)
    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen()
    busy_port = blocker.getsockname()[1]
    background = BackgroundServices(ctx, port=busy_port, bind="127.0.0.1", monitor=False)
    try:
        error = background.start()
        assert error is not None and str(busy_port) in error
        assert background.provisioning is None
        assert states and not states[-1].running and states[-1].error
        blocker.close()
        assert background.restart_provisioning() is None
        assert background.provisioning is not None and background.provisioning.server.port == busy_port
        wait_for(lambda: states[-1].running, message="a running state")
    finally:
        blocker.close()
        background.stop()
    assert background.join(10)


def test_the_monitor_restarts_with_the_new_interval_and_not_after_stop(ctx):
    background = BackgroundServices(ctx, port=0, bind="127.0.0.1")
    background.start()
    try:
        first = background.monitor
        ctx.update_settings(ctx.settings.with_changes(monitor_interval_s=12))
        background.restart_monitor()
        assert background.monitor is not first and background.monitor.interval == 12
        assert first.join(0)  # the old monitor's threads ended
    finally:
        background.stop()
    assert background.join(10)
    monitor, server = background.monitor, background.provisioning
    background.restart_monitor()
    background.restart_provisioning()
    # after stop() a restart (say, one still queued in the task pool) starts nothing
    assert background.monitor is monitor and background.provisioning is server
    assert not [t for t in threading.enumerate() if t.name.startswith(("sip-monitor", THREAD_NAME))]


def test_monitor_target_ids_name_their_device():
    from app.monitoring import device_of_target, device_target_id, registrar_target_id

    assert device_of_target(device_target_id(17)) == 17
    assert device_of_target(registrar_target_id(3)) is None
    assert device_of_target("device:") is None and device_of_target("device:x") is None
