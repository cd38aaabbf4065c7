"""Real-client proof: linphonec fetches its configuration from the console over HTTPS and registers.

The console (ProvisioningService on the real database) serves the Linphone app's lpconfig XML.
linphonec (Debian package linphone-cli) starts with nothing but `[misc] config-uri` = the device's
link, `[sip] root_ca` = the console's local CA and loopback-only SIP sockets, so the account it
registers with at Kamailio (tests/integration/sip/conftest.py) comes entirely from the console.

Facts relied on (shared/reference/lab-sip.md section 3, linphone-cli 5.1.65; seen again here):
- linphonec iterates its core only while its standard input is a terminal: it gets a pseudo-terminal.
- belle-sip (mbedTLS) ignores IP address entries of the certificate's SAN: https://127.0.0.1 fails with
  "CN-mismatch" although the console's certificate holds IP:127.0.0.1. So the links use "localhost", a
  DNS name of that certificate which /etc/hosts maps to 127.0.0.1 (the server listens there only).
- the configuration request carries "User-Agent: Unknown" (and no x-linphone-provisioning header); the
  follow-up phonebook request and the REGISTER carry "Linphonec/<version>"; its 200 answer to OPTIONS
  carries no User-Agent.
- a server with a private CA is trusted through `[sip] root_ca` only.
"""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.context import CLI_ACTOR as ADMIN
from app.provisioning.certificates import ensure_server_certificate
from app.render.linphone import PHONEBOOK_VCF
from app.services.lines import LineInput
from app.services.pbx import PbxInput
from app.serving import ProvisioningService
from app.sip import KamailioRpc, LineAccount, RegistrarAccess, SipClient, TimerSettings, registration_state
from tests.conftest import wait_for
from tests.integration.sip import conftest as sip_peers
from tests.integration.sip.conftest import Kamailio, free_port, stop_process, wait_until

pytestmark = pytest.mark.integration

kamailio = sip_peers.kamailio  # the SIP tests' Kamailio fixture (module scope: one registrar for this file)

# Subscribers of the Kamailio fixture, one per test: Kamailio lives for the module, and a binding would
# outlast its test if linphonec's un-REGISTER at quit did not complete before it exits.
LINPHONE_USER = "1003"
DISTRUSTING_USER = "1004"
CONSOLE_HOST = "localhost"
DEADLINE = 20.0  # seconds; on loopback linphonec fetches and registers within about one second
FAST = TimerSettings(t1=0.1, t2=0.4, timeout=2.0)


def require_linphonec() -> str:
    path = shutil.which("linphonec")
    if path is None:
        pytest.fail("'linphonec' is not installed: apt-get install linphone-cli", pytrace=False)
    return path


@dataclass
class Linphonec:
    """One linphonec process in its own HOME; the test holds its terminal."""

    process: subprocess.Popen
    terminal: int  # master side of the pseudo-terminal that is linphonec's standard input
    sip_port: int
    home: Path
    secrets: tuple[str, ...] = field(repr=False)

    def log(self, tail: int = 4000) -> str:
        """End of linphonec's log for failure messages; the password in the XML it logs is hidden."""
        files = (self.home / "linphonec.log", self.home / "output")
        text = "\n".join(p.read_text(errors="replace") for p in files if p.exists())
        for secret in self.secrets:
            text = text.replace(secret, "<hidden>")
        return text[-tail:]

    def check_running(self) -> None:
        if self.process.poll() is not None:
            raise AssertionError(f"linphonec exited with {self.process.returncode}:\n{self.log()}")

    def wait_until(self, condition: Callable[[], object], what: str) -> object:
        """Poll `condition` while linphonec runs; a timeout shows the end of linphonec's log."""
        def running_and(condition=condition) -> object:
            self.check_running()
            return condition()

        try:
            return wait_until(running_and, DEADLINE, what)
        except AssertionError as exc:
            raise AssertionError(f"{exc}\nlinphonec's log ends with:\n{self.log()}") from None

    def stop(self) -> None:
        """`quit` lets linphonec unregister; one that does not end within 5 s is terminated."""
        try:
            if self.process.poll() is None:
                try:
                    os.write(self.terminal, b"quit\n")
                    self.process.wait(5)
                except (OSError, subprocess.TimeoutExpired):
                    stop_process(self.process)
        finally:
            os.close(self.terminal)


def start_linphonec(home: Path, config_uri: str, root_ca: Path, secrets: tuple[str, ...]) -> Linphonec:
    binary = require_linphonec()
    (home / ".local" / "share" / "linphone").mkdir(parents=True)  # its call/chat database lives there
    sip_port = free_port()
    rc = home / "linphonerc"
    # Only where to fetch, whom to trust, and loopback-only sockets (else it binds [::0]:5060 UDP/TCP/TLS).
    rc.write_text(
        "[misc]\n"
        f"config-uri={config_uri}\n"
        "[sip]\n"
        f"root_ca={root_ca}\n"
        "bind_address=127.0.0.1\n"
        f"sip_port={sip_port}\n"
        "sip_tcp_port=0\n"
        "sip_tls_port=0\n"
    )
    terminal, terminal_device = pty.openpty()
    try:
        with open(home / "output", "wb") as output:
            process = subprocess.Popen(
                [binary, "-c", str(rc), "-d", "6", "-l", str(home / "linphonec.log")],
                stdin=terminal_device,
                stdout=output,
                stderr=subprocess.STDOUT,
                env={**os.environ, "HOME": str(home)},
                start_new_session=True,  # the pseudo-terminal becomes its controlling terminal, not ours
            )
    except BaseException:
        os.close(terminal)
        raise
    finally:
        os.close(terminal_device)
    return Linphonec(process, terminal, sip_port, home, secrets)


@pytest.fixture
def console(ctx) -> Iterator[ProvisioningService]:
    """The provisioning service on 127.0.0.1 with TLS, its links pointing at itself."""
    service = ProvisioningService(ctx, port=0, bind="127.0.0.1", poll_interval=0.2)
    service.start()
    try:
        ctx.update_settings(ctx.settings.with_changes(public_host=CONSOLE_HOST, port=service.server.port))
        service.refresher.refresh()  # re-render with links to the port the server got
        yield service
    finally:
        service.stop()
        assert service.join(10), "the provisioning service did not stop within 10 s"


def create_linphone_device(ctx, kamailio: Kamailio, user: str):
    """A Linphone app device on a line whose credentials Kamailio's subscriber table holds."""
    pbx = ctx.pbx.create(
        ADMIN,
        PbxInput(name="Loopback lab", sip_domain="127.0.0.1", registrar_host="127.0.0.1",
                 registrar_port=kamailio.sip_port, transport="udp"),
    )
    line = ctx.lines.create(
        ADMIN, pbx.id, LineInput(number=user, display_name="Lin Phone", password=kamailio.passwords[user])
    )
    return ctx.devices.create(ADMIN, line.id, "linphone-app")


@pytest.fixture
def linphonec(tmp_path: Path, kamailio: Kamailio) -> Iterator[Callable[[str, Path], Linphonec]]:
    """Factory: start linphonec with a config URI and the CA file it trusts; all are stopped afterwards."""
    started: list[Linphonec] = []

    def start(config_uri: str, root_ca: Path) -> Linphonec:
        home = tmp_path / f"linphone-home-{len(started)}"
        home.mkdir()
        client = start_linphonec(home, config_uri, root_ca, tuple(kamailio.passwords.values()))
        started.append(client)
        return client

    yield start
    for client in started:
        client.stop()


def config_link(console: ProvisioningService, access_key: str) -> str:
    return f"https://{CONSOLE_HOST}:{console.server.port}/{access_key}.cfg"


def test_linphonec_provisions_itself_over_https_and_registers_at_kamailio(
    ctx, kamailio: Kamailio, console, linphonec
):
    linphone_device = create_linphone_device(ctx, kamailio, LINPHONE_USER)
    wait_for(lambda: console.serves(linphone_device.access_key), message="the device served")
    client = linphonec(config_link(console, linphone_device.access_key), console.certificate.ca_path)

    def fetches():
        entries = [e for e in ctx.logs.access(ADMIN) if e.device_id == linphone_device.id]
        reasons = {e.reason for e in entries}
        return entries if {"served", f"served {PHONEBOOK_VCF}"} <= reasons else None

    entries = client.wait_until(fetches, "linphonec to fetch its configuration and phonebook")
    by_reason = {e.reason: e for e in entries}
    # The configuration is fetched before linphonec sets its User-Agent (lab-sip.md): "Unknown" in 5.1.
    assert by_reason["served"].user_agent and by_reason["served"].client_ip == "127.0.0.1"
    assert by_reason[f"served {PHONEBOOK_VCF}"].user_agent.startswith("Linphonec/")
    device = ctx.devices.get(ADMIN, linphone_device.id)
    assert device.last_access_at is not None and device.last_access_ip == "127.0.0.1"
    assert device.last_access_user_agent.startswith("Linphonec/")  # the latest request: the phonebook
    assert device.served_revision == device.config_revision and not device.needs_sync

    with KamailioRpc(kamailio.rpc_url) as rpc:
        bindings = client.wait_until(lambda: rpc.lookup(LINPHONE_USER),
                                     f"linphonec to register {LINPHONE_USER} at Kamailio")
        assert len(bindings) == 1, bindings
        assert (bindings[0].user_agent or "").startswith("Linphonec/"), bindings
        assert f"@127.0.0.1:{client.sip_port}" in bindings[0].contact, bindings

    # The console's own registration check finds the same device alive. linphonec answers OPTIONS with a
    # bare 200 Ok (no User-Agent or Server header), so its User-Agent is known from Kamailio's table only.
    line = LineAccount(LINPHONE_USER, LINPHONE_USER, ctx.lines.sip_password(ADMIN, device.line_id))
    registrar = RegistrarAccess("127.0.0.1", kamailio.sip_port, "udp")
    with SipClient(timers=FAST) as sip, KamailioRpc(kamailio.rpc_url) as rpc:
        queried = registration_state(sip, line, registrar)
        from_table = registration_state(sip, line, registrar, kamailio_rpc=rpc)
    assert [(s.port, s.reachable) for s in queried] == [(client.sip_port, True)], queried
    assert [(s.port, s.reachable) for s in from_table] == [(client.sip_port, True)], from_table
    assert (from_table[0].user_agent or "").startswith("Linphonec/"), from_table


def test_linphonec_that_does_not_trust_the_console_fetches_nothing(
    ctx, kamailio: Kamailio, console, linphonec, tmp_path: Path
):
    linphone_device = create_linphone_device(ctx, kamailio, DISTRUSTING_USER)
    wait_for(lambda: console.serves(linphone_device.access_key), message="the device served")
    stranger_ca = ensure_server_certificate(tmp_path / "stranger", ["localhost"], ["127.0.0.1"]).ca_path
    client = linphonec(config_link(console, linphone_device.access_key), stranger_ca)
    # belle-sip (mbedTLS) logs this when the chain does not end at the CA in root_ca.
    client.wait_until(lambda: "Certificate verification failed" in client.log(tail=10**7),
                      "linphonec to refuse the console's certificate")
    assert "flags=[not-trusted" in client.log(tail=10**7)  # refused for its issuer, not for its name
    assert not [e for e in ctx.logs.access(ADMIN) if e.device_id == linphone_device.id]
    assert ctx.devices.get(ADMIN, linphone_device.id).last_access_at is None
    with KamailioRpc(kamailio.rpc_url) as rpc:
        assert rpc.lookup(DISTRUSTING_USER) == []
