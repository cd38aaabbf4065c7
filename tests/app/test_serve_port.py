"""`serve --port N`: the configurations served then carry N in their own link (issue [7] item 6)."""
from __future__ import annotations

import json
import os
import signal
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli(data_dir: Path, *args: str) -> str:
    done = subprocess.run([sys.executable, str(REPO / "main.py"), *args, "--data-dir", str(data_dir)],
                          capture_output=True, text=True, cwd=REPO, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_served_config_carries_the_serve_port(tmp_path: Path):
    data = tmp_path / "d"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"public_host": "localhost", "bind_address": "127.0.0.1",
                                                    "sip_bind_address": "127.0.0.1"}))
    cli(data, "demo", "--json")
    devices = json.loads(cli(data, "device", "list", "--json"))
    device = next(d for d in devices if "yealink" in json.dumps(d).lower())
    key = device["url"].rsplit("/", 1)[1]
    port = free_port()
    server = subprocess.Popen([sys.executable, str(REPO / "main.py"), "serve", "--port", str(port),
                               "--data-dir", str(data)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, cwd=REPO, env={**os.environ})
    try:
        line = server.stdout.readline()  # "serving configurations at ..." once the server listens
        assert "serving configurations" in line, line + server.stderr.read()
        context = ssl.create_default_context(cafile=str(data / "tls" / "ca.crt")) \
            if (data / "tls" / "ca.crt").exists() else ssl._create_unverified_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        deadline = time.monotonic() + 20
        body = b""
        while time.monotonic() < deadline:
            with socket.create_connection(("127.0.0.1", port), timeout=5) as raw, \
                    context.wrap_socket(raw, server_hostname="localhost") as tls:
                tls.sendall(f"GET /{key} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode())
                body = b"".join(iter(lambda: tls.recv(65536), b""))
            if b" 200 " in body.split(b"\r\n", 1)[0]:
                break
            time.sleep(0.2)  # the snapshot is built right after start; retry until it serves the key
        assert f"https://localhost:{port}/{key}".encode() in body
        assert b":8448/" not in body
    finally:
        server.send_signal(signal.SIGTERM)
        server.communicate(timeout=20)  # reaps it and closes both pipes
