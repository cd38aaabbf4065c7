"""Registration query and contact probing against the loopback UAS.

The real Kamailio is in tests/integration/sip."""

from __future__ import annotations

import pytest

from app.sip.client import SipClient
from app.sip.errors import AuthenticationFailed, PeerUnreachable, SipUsageError, UnexpectedResponse
from app.sip.registration import (
    BindingState,
    LineAccount,
    RegisteredContact,
    RegistrarAccess,
    probe_contacts,
    query_bindings,
)
from app.sip.transaction import TimerSettings
from app.sip.uri import NameAddress, SipUri

FAST = TimerSettings(t1=0.05, t2=0.2, timeout=0.5)
LINE = LineAccount("201", "auth201", "pw-201")


def registrar_answering(answer, *contacts: str, status: int = 200, reason: str = "OK"):
    def handle(request):
        if request.method != "REGISTER":
            return []
        return [answer(request, status, reason, *(("Contact", c) for c in contacts), ("Expires", "300"))]

    return handle


def test_query_is_a_register_without_contact_and_lists_bindings(uas, answer_to):
    server = uas(
        "udp",
        registrar_answering(
            answer_to,
            '<sip:201@192.0.2.7:5062>;expires=290;received="sip:198.51.100.4:40000"',
            "<sip:201-abc@127.0.0.1:5999;transport=tcp>",  # no expires param: the Expires header applies
        ),
    )
    with SipClient(timers=FAST) as client:
        bindings = query_bindings(client, LINE, RegistrarAccess("127.0.0.1", server.port, domain="pbx.test"))
    assert bindings == [
        RegisteredContact("sip:201@192.0.2.7:5062", 290, "sip:198.51.100.4:40000"),
        RegisteredContact("sip:201-abc@127.0.0.1:5999;transport=tcp", 300, None),
    ]
    [request] = server.requests()
    assert request.method == "REGISTER" and str(request.uri) == f"sip:pbx.test:{server.port}"
    assert "Contact" not in request.headers and "Expires" not in request.headers
    assert str(request.from_address.uri) == str(request.to_address.uri) == "sip:201@pbx.test"


def test_query_over_tcp_names_the_transport(uas, answer_to):
    server = uas("tcp", registrar_answering(answer_to))
    with SipClient(timers=FAST) as client:
        assert query_bindings(client, LINE, RegistrarAccess("127.0.0.1", server.port, "tcp")) == []
    assert server.requests()[0].uri.params == {"transport": "tcp"}


@pytest.mark.parametrize(
    "status, reason, error, message",
    [
        (403, "Forbidden", AuthenticationFailed, "refused the credentials of line 201 .403 Forbidden."),
        (503, "Service Unavailable", UnexpectedResponse, "answered the registration query with 503"),
    ],
)
def test_refusals_are_classified(uas, answer_to, status, reason, error, message):
    server = uas("udp", registrar_answering(answer_to, status=status, reason=reason))
    with SipClient(timers=FAST) as client, pytest.raises(error, match=message) as caught:
        query_bindings(client, LINE, RegistrarAccess("127.0.0.1", server.port))
    assert caught.value.status == status and "pw-201" not in str(caught.value)


def test_silent_registrar_is_unreachable(uas):
    server = uas("udp", lambda request: [])
    with (
        SipClient(timers=FAST) as client,
        pytest.raises(PeerUnreachable, match="did not answer within 0.5 s"),
    ):
        query_bindings(client, LINE, RegistrarAccess("127.0.0.1", server.port))


def test_refused_tcp_connection_is_unreachable(uas):
    server = uas("udp")
    with SipClient(timers=FAST) as client, pytest.raises(PeerUnreachable, match="cannot connect"):
        query_bindings(client, LINE, RegistrarAccess("127.0.0.1", server.port, "tcp"))


def test_bad_registrar_data_is_explained():
    with pytest.raises(SipUsageError, match="unknown registrar transport 'sctp'"):
        RegistrarAccess("h", transport="sctp")
    with SipClient() as client, pytest.raises(SipUsageError, match="no SIP user"):
        query_bindings(client, LineAccount("", "a", "p"), RegistrarAccess("127.0.0.1", 9))
    assert "pw-201" not in repr(LINE)


def test_probe_prefers_received_address_and_skips_websocket(uas):
    phone = uas("udp")
    bindings = [
        RegisteredContact("sip:201@10.0.0.9:5060", 100, f"sip:127.0.0.1:{phone.port}"),
        RegisteredContact("sip:x1@abc.invalid;transport=ws", 50, None, "JsSIP 3.13.8"),
    ]
    with SipClient(timers=FAST) as client:
        states = probe_contacts(client, bindings, from_address=NameAddress(SipUri("pbx.test", "201")))
    assert states[0] == BindingState(
        "sip:201@10.0.0.9:5060", "127.0.0.1", phone.port, 100, True, "loopback-uas/1.0", states[0].rtt_ms, 200
    )
    assert states[1] == BindingState(
        "sip:x1@abc.invalid;transport=ws", "abc.invalid", 5060, 50, None, "JsSIP 3.13.8", None
    )
    [options] = phone.requests()
    assert str(options.uri) == "sip:201@10.0.0.9:5060"  # the R-URI stays the registered contact
    assert states[0].matches([r"loopback-uas/\d"]) and states[1].matches([r"^JsSIP"])
