"""Real servers on 127.0.0.1 port 0 with a real generated certificate; events recorded from a real bus."""
from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Iterator

import pytest
import requests

from app.events import Event, EventBus
from app.provisioning.certificates import CertificateInfo, ensure_server_certificate
from app.provisioning.server import ProvisioningServer, ServerSettings
from app.provisioning.snapshot import DeviceEntry, ServedFile, Snapshot, retired_key_digest

MAIN_BODY = b"#!version:1.0.0.1\naccount.1.user_name = 100\n"
PHONEBOOK = b"<YealinkIPPhoneDirectory></YealinkIPPhoneDirectory>\n"


class Recorder:
    """Collects bus events (published on server threads) for assertions."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._events: list[Event] = []

    def __call__(self, event: Event) -> None:
        with self._lock:
            self._events.append(event)

    def of(self, kind: type[Event]) -> list:
        with self._lock:
            return [e for e in self._events if isinstance(e, kind)]

    @property
    def all(self) -> list[Event]:
        with self._lock:
            return list(self._events)


class Fleet:
    """Keys and a snapshot: one live device (id 1) with a phonebook, one retired key (was device 7)."""

    def __init__(self) -> None:
        self.key = secrets.token_hex(24)
        self.retired_key = secrets.token_hex(24)
        self.unknown_key = secrets.token_hex(24)
        self.snapshot = Snapshot(
            entries={
                self.key: DeviceEntry(
                    device_id=1,
                    revision=5,
                    files={
                        "": ServedFile(MAIN_BODY, "text/plain; charset=utf-8"),
                        "phonebook.xml": ServedFile(PHONEBOOK, "application/xml"),
                    },
                )
            },
            retired={retired_key_digest(self.retired_key): 7},
        )


@pytest.fixture(scope="session")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> CertificateInfo:
    return ensure_server_certificate(tmp_path_factory.mktemp("data"), ["localhost"], ["127.0.0.1", "::1"])


@pytest.fixture
def fleet() -> Fleet:
    return Fleet()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def bus(recorder: Recorder) -> EventBus:
    bus = EventBus()
    bus.subscribe(recorder)
    return bus


@pytest.fixture
def make_server(
    certificate: CertificateInfo, bus: EventBus, fleet: Fleet
) -> Iterator[Callable[..., ProvisioningServer]]:
    """Start a server with test settings (loopback, port 0, short timeouts); stopped and joined in teardown."""
    started: list[ProvisioningServer] = []

    def make(cert: CertificateInfo | None = certificate, snapshot: Snapshot | None = None, **overrides) -> ProvisioningServer:
        values = {"bind_address": "127.0.0.1", "port": 0, "handshake_timeout": 2.0, "idle_timeout": 2.0}
        values.update(overrides)
        server = ProvisioningServer(ServerSettings(**values), cert, bus, snapshot or fleet.snapshot)
        started.append(server)
        server.start()
        return server

    yield make
    for server in started:
        server.stop()
    for server in started:
        assert server.join(10), "the provisioning server thread did not end"


@pytest.fixture
def session(certificate: CertificateInfo) -> Iterator[requests.Session]:
    with requests.Session() as s:
        s.trust_env = False  # REQUESTS_CA_BUNDLE in the environment would override `verify`
        s.verify = str(certificate.ca_path)
        yield s

