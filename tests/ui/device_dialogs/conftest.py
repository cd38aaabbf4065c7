"""Fixtures of the device dialog tests: a console session, a vPBX whose registrar is the real Kamailio
of tests/integration/sip, a sipp phone with a Yealink User-Agent, and saving screenshots."""
from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator

import pytest

from app.services.lines import LineInput
from app.services.pbx import PbxInput
from app.sip import SipClient, TimerSettings
from app.sipops import SipOperations
from tests.integration.sip.conftest import (  # noqa: F401  (fixtures used by the tests of this folder)
    DATA,
    SippPhone,
    baresip,
    free_port,
    kamailio,
    require_binary,
    stop_process,
)
from tests.ui.screenshots import save_screenshot  # noqa: F401  (used by the tests of this folder)

# short SIP timers: an unanswered request gives up after 1.5 s instead of 32 s
FAST = TimerSettings(t1=0.1, t2=0.4, timeout=1.5)
YEALINK_USER_AGENT = "Yealink SIP-T46U 108.86.0.20"


@pytest.fixture
def session(qtbot, ctx, provider):
    from ui.bridge import EventBridge
    from ui.session import make_session

    bridge = EventBridge(ctx.bus)
    console = make_session(ctx, provider, bridge)
    console.sip = SipOperations(ctx, client_factory=lambda: SipClient(bind_host="127.0.0.1", timers=FAST))
    yield console
    console.pool.stop()
    console.pool.join(5)
    bridge.close()


@pytest.fixture
def sip_pbx(ctx, provider, kamailio):  # noqa: F811  (the imported fixture)
    """A vPBX whose registrar is the test Kamailio (the AoR domain 127.0.0.1 is its alias)."""
    return ctx.pbx.create(provider, PbxInput(name="Lab", sip_domain="127.0.0.1", registrar_host="127.0.0.1",
                                             registrar_port=kamailio.sip_port, transport="udp",
                                             wss_url="wss://webrtc.lab.example:8089/ws"))


@pytest.fixture
def sip_line(ctx, provider, sip_pbx, kamailio):  # noqa: F811
    """A line of the lab vPBX with the SIP account Kamailio knows for `user`."""
    def make(user: str):
        return ctx.lines.create(provider, sip_pbx.id, LineInput(number=user, display_name=f"Lab {user}",
                                                                sip_user=user, password=kamailio.passwords[user]))
    return make


@pytest.fixture
def phone_as(kamailio, tmp_path) -> Iterator[Callable[..., SippPhone]]:  # noqa: F811
    """Factory: a sipp phone registering `user` that names itself `user_agent` (REGISTER and OPTIONS)."""
    binary = require_binary("sipp")
    phones: list[SippPhone] = []

    def start(user: str, user_agent: str = YEALINK_USER_AGENT, stay_ms: int = 20000) -> SippPhone:
        directory = tmp_path / f"phone-{user}"
        directory.mkdir()
        for name in ("sipp_phone_register.xml", "sipp_phone_answer.xml"):
            text = (DATA / name).read_text(encoding="iso-8859-1")
            (directory / name).write_text(text.replace("sipp-phone", user_agent), encoding="iso-8859-1")
        port = free_port()
        process = subprocess.Popen(
            [binary, f"127.0.0.1:{kamailio.sip_port}", "-sf", str(directory / "sipp_phone_register.xml"),
             "-oocsf", str(directory / "sipp_phone_answer.xml"), "-s", user, "-au", user,
             "-ap", kamailio.passwords[user], "-d", str(stay_ms), "-m", "1", "-i", "127.0.0.1", "-p", str(port),
             "-nostdin", "-timeout", "60s"],
            cwd=directory, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        phone = SippPhone(user, port, process, directory)
        phones.append(phone)
        return phone

    yield start
    for phone in phones:
        stop_process(phone.process)
