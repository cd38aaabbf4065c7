"""A console session and a running provisioning server (127.0.0.1, free port) for the status widgets."""
from __future__ import annotations

import pytest
import requests

from app.serving import ProvisioningService
from tests.conftest import wait_for
from ui.bridge import EventBridge
from ui.session import make_session


@pytest.fixture
def session(qtbot, ctx, provider):
    bridge = EventBridge(ctx.bus)
    console = make_session(ctx, provider, bridge, workers=2)
    yield console
    console.pool.stop()
    console.pool.join(5)
    bridge.close()


@pytest.fixture
def line(make_line):
    return make_line("100", "Anna Berger")


@pytest.fixture
def service(ctx):
    started = ProvisioningService(ctx, port=0, bind="127.0.0.1", poll_interval=0.2)
    started.start()
    yield started
    started.stop()
    assert started.join(10)


@pytest.fixture
def https(service):
    client = requests.Session()
    client.trust_env = False  # else REQUESTS_CA_BUNDLE from the environment overrides `verify`
    client.verify = str(service.certificate.ca_path)
    yield client, f"https://127.0.0.1:{service.server.port}/"
    client.close()


@pytest.fixture
def misused_device(ctx, provider, line, service, https):
    """A device whose first access key was retired and then fetched again: a RetiredKeyUsed event."""
    client, base = https
    device = ctx.devices.create(provider, line.id, "yealink-t46u")
    wait_for(lambda: service.serves(device.access_key), message="the new device served")
    ctx.devices.new_access_key(provider, device.id)
    assert client.get(f"{base}{device.access_key}.cfg").status_code == 404
    return device
