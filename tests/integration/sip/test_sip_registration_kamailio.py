"""Registration state of lines against a real Kamailio, with sipp and baresip as registered devices."""

from __future__ import annotations

import re
import socket

import pytest

from app.sip import (
    AuthenticationFailed,
    KamailioRpc,
    LineAccount,
    NameAddress,
    Outgoing,
    RegistrarAccess,
    SipClient,
    SipUri,
    TimerSettings,
    query_bindings,
    registration_state,
)

pytestmark = pytest.mark.integration

FAST = TimerSettings(t1=0.1, t2=0.4, timeout=1.5)  # a silent device is declared unreachable in 1.5 s


@pytest.fixture
def client():
    with SipClient(timers=FAST) as sip_client:
        yield sip_client


def registrar_of(kamailio, transport="udp") -> RegistrarAccess:
    return RegistrarAccess("127.0.0.1", kamailio.sip_port, transport)


def line(kamailio, user: str, password: str | None = None) -> LineAccount:
    return LineAccount(user, user, password if password is not None else kamailio.passwords[user])


def test_sipp_phone_binding_shows_user_agent_and_rtt(kamailio, sipp_phone, client, wait_for):
    phone = sipp_phone("1000")
    wait_for(lambda: kamailio.contacts("1000"), 5, "sipp to register 1000")

    states = registration_state(client, line(kamailio, "1000"), registrar_of(kamailio))

    assert len(states) == 1
    state = states[0]
    assert state.contact == f"sip:1000@127.0.0.1:{phone.port}"
    assert (state.ip, state.port) == ("127.0.0.1", phone.port)
    assert state.reachable is True
    assert state.user_agent == "sipp-phone"
    assert state.rtt_ms is not None and 0 < state.rtt_ms < 1000
    assert 100 <= state.expires <= 120
    assert state.matches([r"^sipp-"]) and not state.matches([r"^Yealink"])


def test_baresip_real_user_agent_over_udp_and_tcp(kamailio, baresip, client):
    for transport in ("udp", "tcp"):
        states = registration_state(client, line(kamailio, "1001"), registrar_of(kamailio, transport))
        assert [s.port for s in states] == [baresip.port], transport
        assert states[0].reachable is True
        assert re.fullmatch(r"baresip v1\.0\.\d+ \(x86_64/linux\)", states[0].user_agent or ""), states[0]


def test_kamailio_rpc_is_an_alternative_source(kamailio, baresip, client):
    with KamailioRpc(kamailio.rpc_url) as rpc:
        states = registration_state(client, line(kamailio, "1001"), registrar_of(kamailio), kamailio_rpc=rpc)
        assert rpc.lookup("1004") == []  # nobody registered: an empty list, not an error
    assert len(states) == 1
    assert states[0].port == baresip.port and states[0].reachable is True
    assert states[0].user_agent.startswith("baresip v1.0")


def test_silent_endpoint_is_reported_unreachable(kamailio, client):
    # The "device" registers from port P (the registrar stores P as its source), then goes silent:
    # a plain socket on P receives the OPTIONS and never answers.
    silent_port = free_udp_port()
    registrar = registrar_of(kamailio)
    aor = NameAddress(SipUri("127.0.0.1", user="1002"))
    with SipClient(udp_port=silent_port, timers=FAST) as device:
        registered = device.send(
            Outgoing(
                "REGISTER",
                SipUri("127.0.0.1", port=kamailio.sip_port),
                from_address=aor,
                to_address=aor,
                destination=registrar.destination,
                contact=NameAddress(SipUri("127.0.0.1", "1002", silent_port)),
                headers=(("Expires", "60"),),
                credentials=line(kamailio, "1002").credentials,
            )
        )
    assert registered.response is not None and registered.response.status == 200
    assert registered.authenticated

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as silent:
        silent.bind(("127.0.0.1", silent_port))
        states = registration_state(client, line(kamailio, "1002"), registrar)

        assert [(s.port, s.reachable, s.user_agent, s.rtt_ms) for s in states] == [
            (silent_port, False, None, None)
        ]
        assert silent.recv(4096).startswith(b"OPTIONS sip:1002@127.0.0.1:")  # it was asked, and stayed silent


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_wrong_password_is_reported_as_such(kamailio, client):
    with pytest.raises(AuthenticationFailed, match="refused the credentials of line 1003") as caught:
        query_bindings(client, line(kamailio, "1003", password="not-the-password"), registrar_of(kamailio))
    assert caught.value.status == 401
    assert "not-the-password" not in str(caught.value)


def test_line_without_devices_has_no_bindings(kamailio, client):
    assert registration_state(client, line(kamailio, "1004"), registrar_of(kamailio)) == []
