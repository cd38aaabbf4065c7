"""KamailioRpc against a loopback HTTP server replaying answers captured from Kamailio 5.6.3."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from app.sip.errors import PeerUnreachable
from app.sip.kamailio_rpc import KamailioRpc, KamailioRpcError
from app.sip.registration import RegisteredContact

DATA = Path(__file__).resolve().parents[2] / "data" / "sip"


@pytest.fixture
def rpc_server():
    calls: list[dict] = []
    replies: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            calls.append(body)
            key = body["method"] + ("/" + "/".join(body.get("params", [])) if body.get("params") else "")
            payload = replies.get(key, b"not json")
            self.send_response(200)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, name="fake-kamailio-rpc", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/RPC", replies, calls
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_lookup_reads_contacts(rpc_server):
    url, replies, calls = rpc_server
    replies["ul.lookup/location/1001"] = (DATA / "kamailio_ul_lookup.json").read_bytes()
    with KamailioRpc(url) as rpc:
        contacts = rpc.lookup("1001")
    assert contacts == [
        RegisteredContact(
            "sip:1001-0x55ce1c29c0d0@127.0.0.1:51037",
            120,
            "sip:127.0.0.1:51037",
            "baresip v1.0.0 (x86_64/linux)",
        )
    ]
    assert calls[0]["jsonrpc"] == "2.0" and calls[0]["params"] == ["location", "1001"]


def test_lookup_of_unregistered_line_is_empty(rpc_server):
    url, replies, _ = rpc_server
    replies["ul.lookup/location/1004"] = (DATA / "kamailio_ul_lookup_missing.json").read_bytes()
    with KamailioRpc(url) as rpc:
        assert rpc.lookup("1004") == []


def test_dump_groups_by_aor(rpc_server):
    url, replies, _ = rpc_server
    replies["ul.dump"] = (DATA / "kamailio_ul_dump.json").read_bytes()
    with KamailioRpc(url) as rpc:
        dump = rpc.dump()
    assert list(dump) == ["1001"] and dump["1001"][0].user_agent.startswith("baresip")


def test_other_errors_and_non_json_are_explained(rpc_server):
    url, replies, _ = rpc_server
    replies["ul.dump"] = b'{"jsonrpc":"2.0","error":{"code":500,"message":"Internal error"},"id":1}'
    with KamailioRpc(url) as rpc:
        with pytest.raises(KamailioRpcError, match="ul.dump failed: 500 Internal error"):
            rpc.dump()
        with pytest.raises(KamailioRpcError, match="without JSON; is jsonrpcs loaded"):
            rpc.call("core.uptime")


def test_unreachable_rpc_and_bad_url():
    with KamailioRpc("http://127.0.0.1:9/RPC", timeout=2) as rpc, pytest.raises(PeerUnreachable):
        rpc.lookup("1000")
    with pytest.raises(ValueError, match="must start with http"):
        KamailioRpc("127.0.0.1:5071")


def test_aor_follows_usrloc_use_domain():
    assert KamailioRpc("http://127.0.0.1:9/RPC").aor("1000", "pbx.test") == "1000"
    assert KamailioRpc("http://127.0.0.1:9/RPC", use_domain=True).aor("1000", "pbx.test") == "1000@pbx.test"
