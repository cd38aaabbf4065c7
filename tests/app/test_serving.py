"""The provisioning server on the real database: last access, once->done, retired keys, other processes."""
import subprocess
import sys

import pytest
import requests

from app.context import CLI_ACTOR as ADMIN
from app.provisioning.events import RetiredKeyUsed
from app.services.devices import DeviceInput
from app.services.lines import LineInput
from app.services.pbx import PbxInput
from app.serving import ProvisioningService
from tests.conftest import REPO, wait_for


@pytest.fixture
def served(ctx):
    pbx = ctx.pbx.create(ADMIN, PbxInput(name="Acme", sip_domain="sip.acme.example", registrar_host="sip.acme.example"))
    line = ctx.lines.create(ADMIN, pbx.id, LineInput(number="100", display_name="Anna", password="pw-100"))
    service = ProvisioningService(ctx, port=0, bind="127.0.0.1", poll_interval=0.2)
    service.start()
    session = requests.Session()
    session.trust_env = False  # else REQUESTS_CA_BUNDLE from the environment overrides `verify`
    session.verify = str(service.certificate.ca_path)
    base = f"https://127.0.0.1:{service.server.port}/"
    yield ctx, line, service, session, base
    session.close()
    service.stop()
    assert service.join(10)


def test_a_fetch_records_last_access_and_synchronises(served):
    ctx, line, service, session, base = served
    device = ctx.devices.create(ADMIN, line.id, "yealink-t46u")
    ctx.lines.update(ADMIN, line.id, LineInput(number="100", display_name="Anna B."))
    changed = ctx.devices.get(ADMIN, device.id)
    assert changed.needs_sync
    # rendering happens on the refresher thread, woken by the change
    wait_for(lambda: service.serves(device.access_key, changed.config_revision), message="the new revision")
    reply = session.get(f"{base}{device.access_key}.cfg", headers={"User-Agent": "Yealink SIP-T46U 108.86.0.20"})
    assert reply.status_code == 200 and b"Anna B." in reply.content
    info = wait_for(lambda: (d := ctx.devices.get(ADMIN, device.id)).last_access_at and d, message="last access")
    assert info.last_access_ip == "127.0.0.1"
    assert info.last_access_user_agent == "Yealink SIP-T46U 108.86.0.20"
    assert info.served_revision == info.config_revision and not info.needs_sync and info.synchronized
    assert [e.reason for e in ctx.logs.access(ADMIN)][:1] == ["served"]


def test_first_fetch_turns_mac_provisioning_once_into_done(served):
    ctx, line, service, session, base = served
    device = ctx.devices.create(ADMIN, line.id, "yealink-t46u", DeviceInput(mac="805ec0000001", mac_provisioning="once"))
    wait_for(lambda: service.serves(device.access_key), message="the new device served")
    assert session.get(f"{base}{device.access_key}.cfg").status_code == 200
    wait_for(lambda: ctx.devices.get(ADMIN, device.id).mac_provisioning == "done", message="once -> done")


def test_a_retired_key_stops_working_at_once_and_raises_a_misuse_event(served):
    ctx, line, service, session, base = served
    misuse = []
    ctx.bus.subscribe(misuse.append, RetiredKeyUsed)
    device = ctx.devices.create(ADMIN, line.id, "yealink-t46u")
    wait_for(lambda: service.serves(device.access_key), message="the new device served")
    assert session.get(f"{base}{device.access_key}.cfg").status_code == 200
    renewed = ctx.devices.new_access_key(ADMIN, device.id)
    # no waiting: the old key is refused as soon as new_access_key() returns
    old = session.get(f"{base}{device.access_key}.cfg")
    assert old.status_code == 404 and device.access_key.encode() not in old.content
    wait_for(lambda: service.serves(renewed.access_key), message="the new key served")
    assert session.get(f"{base}{renewed.access_key}.cfg").status_code == 200
    assert [(e.client_ip, e.device_id) for e in misuse] == [("127.0.0.1", device.id)]
    wait_for(lambda: any(e.reason == "possible misuse: retired key" for e in ctx.logs.access(ADMIN)),
             message="the misuse in the access log")
    unknown = session.get(f"{base}{'0' * 48}.cfg")
    assert unknown.status_code == 404
    wait_for(lambda: any(e.reason == "unknown-key" for e in ctx.logs.access(ADMIN)), message="refusal logged")


def test_changes_of_another_process_reach_the_server_within_seconds(served):
    ctx, line, service, session, base = served
    device = ctx.devices.create(ADMIN, line.id, "yealink-t46u")
    wait_for(lambda: service.serves(device.access_key), message="the new device served")
    proc = subprocess.run([sys.executable, str(REPO / "main.py"), "device", "new-key", str(device.id), "--json",
                           "--data-dir", str(ctx.data_dir)], check=False, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    import json

    new_key = json.loads(proc.stdout)["access_key"]
    wait_for(lambda: service.serves(new_key), timeout=5, message="the other process's new key")
    assert session.get(f"{base}{new_key}.cfg").status_code == 200
    assert session.get(f"{base}{device.access_key}.cfg").status_code == 404


def test_serve_command_runs_headless_and_stops_cleanly_on_sigterm(data_dir):
    import signal

    proc = subprocess.Popen([sys.executable, str(REPO / "main.py"), "serve", "--port", "0", "--bind", "127.0.0.1",
                             "--data-dir", str(data_dir)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline()
        # the URL names the public host (first start picks the default-route address), not the bind address
        assert first.startswith("serving configurations at https://"), first
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
        proc.stdout.close()  # also when the test failed early: an unclosed pipe would fail a later test
        proc.stderr.close()
        proc.wait()
    assert proc.returncode == 0, err
    assert out.strip().endswith("stopped")


def test_port_in_use_gives_a_clear_message(served, data_dir):
    service = served[2]
    proc = subprocess.run([sys.executable, str(REPO / "main.py"), "serve", "--port", str(service.server.port),
                           "--bind", "127.0.0.1", "--data-dir", str(data_dir)],
                          check=False, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert f"port {service.server.port}" in proc.stderr and "Traceback" not in proc.stderr


def test_a_change_does_not_wait_for_a_render_in_progress(ctx):
    """The GUI thread drops a retired key at once even while the refresher renders (outside the lock)."""
    import threading
    import time

    from app.serving import SnapshotBuilder

    pbx = ctx.pbx.create(ADMIN, PbxInput(name="Acme", sip_domain="sip.acme.example", registrar_host="sip.acme.example"))
    line = ctx.lines.create(ADMIN, pbx.id, LineInput(number="100", display_name="Anna", password="pw-100"))
    device = ctx.devices.create(ADMIN, line.id, "yealink-t46u")
    builder = SnapshotBuilder(ctx)
    started, go = threading.Event(), threading.Event()
    render_many = ctx.configs.render_many

    def slow_render(ids):  # the refresher thread in the middle of a long render
        started.set()
        go.wait(10)
        return render_many(ids)

    ctx.configs.render_many = slow_render
    rendering = threading.Thread(target=builder.build, name="test-render")
    rendering.start()
    try:
        assert started.wait(5)
        renewed = ctx.devices.new_access_key(ADMIN, device.id)
        began = time.monotonic()
        snapshot = builder.build(render=False)
        assert time.monotonic() - began < 1.0
        assert device.access_key not in snapshot.entries and len(snapshot.retired) == 1
    finally:
        go.set()
        rendering.join(10)
    after = builder.build(render=False)
    # the render read the device after the change: kept under the new key, never under the old one
    assert device.access_key not in after.entries and renewed.access_key in after.entries
