"""Real SIP peers for the integration tests: Kamailio (registrar), sipp (a phone), baresip (a softphone).

Every peer runs on 127.0.0.1 on free ports in tmp_path and is stopped after its test or module.
A missing binary fails the test with the Debian package to install (never a skip).
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

DATA = Path(__file__).resolve().parents[2] / "data" / "sip"
PACKAGES = {"kamailio": "kamailio", "sipp": "sip-tester", "baresip": "baresip"}


def require_binary(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"'{name}' is not installed: apt-get install {PACKAGES.get(name, name)}", pytrace=False)
    return path


def kamailio_module_dir() -> Path:
    """Debian puts modules under the multiarch directory (x86_64-linux-gnu, aarch64-linux-gnu, ...)."""
    for candidate in sorted(Path("/usr/lib").glob("*/kamailio/modules")):
        if (candidate / "db_text.so").exists() and (candidate / "jsonrpcs.so").exists():
            return candidate
    pytest.fail(
        "Kamailio modules (db_text.so, jsonrpcs.so) not found: apt-get install kamailio", pytrace=False
    )


def free_port() -> int:
    """A port free for both UDP and TCP on 127.0.0.1 (SIP listens on both)."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
            tcp.bind(("127.0.0.1", 0))
            port = tcp.getsockname()[1]
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
                try:
                    udp.bind(("127.0.0.1", port))
                except OSError:
                    continue
            return port
    raise RuntimeError("no free loopback port found")


def wait_until(condition: Callable[[], object], timeout: float, what: str) -> object:
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)  # polling a condition with a deadline, not waiting blindly


def stop_process(process: subprocess.Popen, timeout: float = 5.0) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout)


@dataclass
class Kamailio:
    sip_port: int
    rpc_url: str
    log_path: Path
    passwords: dict[str, str] = field(repr=False)

    def rpc(self, method: str, *params: object) -> dict:
        body = {"jsonrpc": "2.0", "method": method, "id": 1, "params": list(params)}
        return requests.post(self.rpc_url, json=body, timeout=5).json()

    def contacts(self, user: str) -> list[dict]:
        reply = self.rpc("ul.lookup", "location", user)
        return [c["Contact"] for c in reply.get("result", {}).get("Contacts", [])]

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


USERS = ("1000", "1001", "1002", "1003", "1004")


def _write_dbtext(directory: Path, passwords: dict[str, str]) -> None:
    directory.mkdir()
    (directory / "version").write_text(
        "id(int,auto) table_name(string) table_version(int)\n1:version:1\n2:subscriber:7\n"
    )
    rows = [
        "id(int,auto) username(string) domain(string) password(string) ha1(string,null) ha1b(string,null)"
    ]
    rows += [f"{i}:{user}:127.0.0.1:{password}::" for i, (user, password) in enumerate(passwords.items(), 1)]
    (directory / "subscriber").write_text("\n".join(rows) + "\n")


@pytest.fixture(scope="module")
def kamailio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Kamailio]:
    binary = require_binary("kamailio")
    base = tmp_path_factory.mktemp("kamailio")
    run_dir = base / "run"
    run_dir.mkdir()
    # db_text passwords are limited to characters it does not use as separators: hex is safe.
    passwords = {user: secrets.token_hex(8) for user in USERS}
    _write_dbtext(base / "db", passwords)
    sip_port, rpc_port = free_port(), free_port()
    config = (DATA / "kamailio.cfg.in").read_text()
    for name, value in {
        "SIP_PORT": sip_port,
        "RPC_PORT": rpc_port,
        "MODULE_DIR": kamailio_module_dir(),
        "RUN_DIR": run_dir,
        "DB_DIR": base / "db",
    }.items():
        config = config.replace(f"@@{name}@@", str(value))
    (base / "kamailio.cfg").write_text(config)
    log_path = base / "kamailio.log"
    with open(log_path, "wb") as log_file:
        process = subprocess.Popen(
            [
                binary,
                "-f",
                str(base / "kamailio.cfg"),
                "-DD",
                "-E",
                "-m",
                "64",
                "-M",
                "8",
                "-Y",
                str(run_dir),
                "-P",
                str(run_dir / "kamailio.pid"),
            ],
            stdout=log_file,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    server = Kamailio(sip_port, f"http://127.0.0.1:{rpc_port}/RPC", log_path, passwords)

    def ready() -> bool:
        if process.poll() is not None:
            raise AssertionError(f"kamailio exited with {process.returncode}:\n{server.log()[-3000:]}")
        try:
            return "result" in server.rpc("core.uptime")
        except requests.RequestException:
            return False

    try:
        wait_until(ready, 10, "kamailio JSON-RPC")
        yield server
    finally:
        stop_process(process)


@dataclass
class SippPhone:
    user: str
    port: int
    process: subprocess.Popen
    directory: Path

    def wait(self, timeout: float) -> int:
        return self.process.wait(timeout)

    def notify_log(self) -> str:
        return "".join(p.read_text(errors="replace") for p in self.directory.glob("*_logs.log"))

    def errors(self) -> str:
        return "".join(p.read_text(errors="replace") for p in self.directory.glob("*_errors.log"))


@pytest.fixture
def sipp_phone(kamailio: Kamailio, tmp_path: Path) -> Iterator[Callable[..., SippPhone]]:
    """Factory: start a sipp phone that registers `user` and stays `stay_ms`, answering OPTIONS/NOTIFY."""
    binary = require_binary("sipp")
    phones: list[SippPhone] = []

    def start(user: str, stay_ms: int = 6000, password: str | None = None) -> SippPhone:
        port = free_port()
        directory = tmp_path / f"sipp-{user}"
        directory.mkdir()
        process = subprocess.Popen(
            [
                binary,
                f"127.0.0.1:{kamailio.sip_port}",
                "-sf",
                str(DATA / "sipp_phone_register.xml"),
                "-oocsf",
                str(DATA / "sipp_phone_answer.xml"),
                "-s",
                user,
                "-au",
                user,
                "-ap",
                password or kamailio.passwords[user],
                "-d",
                str(stay_ms),
                "-m",
                "1",
                "-i",
                "127.0.0.1",
                "-p",
                str(port),
                "-nostdin",
                "-timeout",
                "30s",
                "-trace_logs",
                "-trace_err",
                "-trace_msg",
            ],
            cwd=directory,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
        )
        phone = SippPhone(user, port, process, directory)
        phones.append(phone)
        return phone

    yield start
    for phone in phones:
        stop_process(phone.process)


@dataclass
class Baresip:
    user: str
    port: int
    process: subprocess.Popen
    log_path: Path


@pytest.fixture(scope="module")
def baresip(kamailio: Kamailio, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Baresip]:
    """baresip registered as 1001 (its real User-Agent is what the registration state must show)."""
    binary = require_binary("baresip")
    home = tmp_path_factory.mktemp("baresip")
    port = free_port()
    (home / "config").write_text(
        "poll_method\t\tepoll\n"
        f"sip_listen\t\t127.0.0.1:{port}\n"
        "audio_player\t\taufile,/dev/null\naudio_source\t\tausine,440\naudio_alert\t\taufile,/dev/null\n"
        "module_path\t\t/usr/lib/baresip/modules\n"
        "module\t\t\tg711.so\nmodule\t\t\tausine.so\nmodule\t\t\taufile.so\n"
        "module_app\t\taccount.so\n"
    )
    (home / "accounts").write_text(
        f'"Test 1001" <sip:1001@127.0.0.1;transport=udp>;auth_user=1001;'
        f"auth_pass={kamailio.passwords['1001']};"
        f'outbound="sip:127.0.0.1:{kamailio.sip_port};transport=udp";regint=120\n'
    )
    log_path = home / "baresip.log"
    with open(log_path, "wb") as log_file:
        process = subprocess.Popen(
            [binary, "-f", str(home), "-v"],
            stdout=log_file,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "HOME": str(home)},
        )
    try:
        wait_until(lambda: kamailio.contacts("1001"), 10, "baresip to register as 1001")
        yield Baresip("1001", port, process, log_path)
    finally:
        # baresip de-registers on SIGTERM; a second SIGTERM ends it at once if that hangs.
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(3)
            except subprocess.TimeoutExpired:
                stop_process(process)


@pytest.fixture
def wait_for() -> Callable[[Callable[[], object], float, str], object]:
    """`wait_for(condition, timeout, what)`: poll until truthy, fail with `what` after the deadline."""
    return wait_until


@pytest.fixture
def challenging_device(tmp_path: Path) -> Iterator[Callable[[str, str], tuple[subprocess.Popen, int, Path]]]:
    """Factory: a sipp device that challenges a check-sync NOTIFY and accepts only `user`/`password`.

    Returns (process, port, directory with the -trace_logs file)."""
    binary = require_binary("sipp")
    processes: list[subprocess.Popen] = []

    def start(user: str, password: str) -> tuple[subprocess.Popen, int, Path]:
        scenario = (DATA / "sipp_notify_challenge.xml.in").read_text()
        # sipp's verifyauth checks MD5 digests; SHA-256 is covered by the unit tests.
        scenario = scenario.replace("@@USER@@", user).replace("@@PASSWORD@@", password)
        scenario = scenario.replace("@@ALGORITHM@@", "MD5")
        (tmp_path / "device.xml").write_text(scenario)
        port = free_port()
        process = subprocess.Popen(
            [
                binary,
                "-sf",
                str(tmp_path / "device.xml"),
                "-i",
                "127.0.0.1",
                "-p",
                str(port),
                "-m",
                "1",
                "-nostdin",
                "-timeout",
                "15s",
                "-trace_logs",
                "-trace_err",
            ],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
        )
        processes.append(process)
        return process, port, tmp_path

    yield start
    for process in processes:
        stop_process(process)
