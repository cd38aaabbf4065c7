"""Fixtures of the Device dialog tests: a console session on the demo vPBX, open dialogs, screenshots,
and a stand-in for Kamailio's JSON-RPC that knows no registration (real HTTP on 127.0.0.1)."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from app.demo import create_demo
from tests.ui.screenshots import save_screenshot  # noqa: F401  (used by the tests of this folder)
from ui.bridge import EventBridge
from ui.session import make_session


@pytest.fixture
def session(qapp, ctx, provider):
    bridge = EventBridge(ctx.bus)
    console = make_session(ctx, provider, bridge, workers=2)
    yield console
    console.pool.stop()
    console.pool.join(5)
    bridge.close()


@pytest.fixture
def demo(ctx, provider):
    return create_demo(ctx, provider)


@pytest.fixture
def device_of(demo):
    """The demo's device of a catalog type."""
    def find(type_id: str):
        return next(d for d in demo.devices if d.type_id == type_id)
    return find


@pytest.fixture
def open_dialog(qtbot, session):
    """A shown DeviceDialog for a device id; closed without questions after the test."""
    from ui.device.device_dialog import DeviceDialog

    dialogs = []

    def make(device_id: int, size=(780, 560)) -> DeviceDialog:
        dialog = DeviceDialog(session, device_id)
        qtbot.addWidget(dialog)
        dialog.resize(*size)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()  # shortcuts (Ctrl+S, Esc) go to the active window
        qtbot.waitUntil(dialog.isActiveWindow)
        dialogs.append(dialog)
        return dialog

    yield make
    for dialog in dialogs:
        if dialog.confirmation is not None:
            dialog.confirmation.done(0)
        dialog.done(0)  # hides without asking about unsaved changes


class _NoRegistrations(BaseHTTPRequestHandler):
    """Answers ul.lookup as Kamailio does for an AoR without bindings, after a short delay."""

    delay_s = 0.5

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        request = json.loads(self.rfile.read(length) or b"{}")
        time.sleep(self.delay_s)  # long enough to see that the GUI does not wait for it
        body = json.dumps({"jsonrpc": "2.0", "id": request.get("id"),
                           "error": {"code": 500, "message": "AOR not found in location table"}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def registrar_without_bindings(ctx):
    """Point the console's registration source at a JSON-RPC server on 127.0.0.1 that knows no binding."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NoRegistrations)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/RPC"
    ctx.update_settings(ctx.settings.with_changes(registration_source="kamailio-rpc", kamailio_rpc_url=url))
    yield url
    server.shutdown()
    server.server_close()
    thread.join(5)
