"""send_notify against the loopback UAS (real sipp devices are in tests/integration)."""

from __future__ import annotations

import pytest

from app.sip.client import SipClient
from app.sip.digest import SipCredentials
from app.sip.errors import SipUsageError
from app.sip.notify import send_notify
from app.sip.transaction import TimerSettings
from app.sip.uri import SipUri

FAST = TimerSettings(t1=0.05, t2=0.2, timeout=0.5)


@pytest.mark.parametrize("transport", ["udp", "tcp"])
def test_notify_carries_event_subscription_state_and_contact(uas, answer_to, transport):
    device = uas(
        transport, lambda r: [answer_to(r, 200, "OK", ("User-Agent", "Yealink SIP-T46S 66.86.0.15"))]
    )
    target = SipUri("127.0.0.1", "201", device.port, params={"transport": transport})
    with SipClient(timers=FAST) as client:
        result = send_notify(client, str(target), "check-sync;reboot=true", None)
    assert (result.status, result.accepted, result.timed_out) == (200, True, False)
    assert result.user_agent == "Yealink SIP-T46S 66.86.0.15"
    [notify] = device.requests()
    assert notify.method == "NOTIFY" and notify.headers.get("Event") == "check-sync;reboot=true"
    assert notify.headers.get("Subscription-State") == "terminated"
    [contact] = notify.contacts
    assert contact.uri.host == "127.0.0.1" and contact.uri.port
    assert notify.to_address.tag is None and notify.from_address.tag


def test_rejections_are_reported_not_raised(uas, answer_to):
    device = uas("udp", lambda r: [answer_to(r, 481, "Subscription Does Not Exist")])  # what baresip answers
    with SipClient(timers=FAST) as client:
        result = send_notify(client, SipUri("127.0.0.1", "1002", device.port), "check-sync", None)
    assert (result.status, result.reason, result.accepted) == (481, "Subscription Does Not Exist", False)


def test_silent_device_gives_408(uas, answer_to):
    device = uas("udp", lambda r: [])
    with SipClient(timers=FAST) as client:
        result = send_notify(
            client, SipUri("127.0.0.1", "1", device.port), "check-sync", SipCredentials("1", "pw")
        )
    assert (result.status, result.timed_out, result.accepted) == (408, True, False)


def test_refused_tcp_connection_is_an_error_result(uas, answer_to):
    device = uas("udp")
    with SipClient(timers=FAST) as client:
        result = send_notify(
            client, SipUri("127.0.0.1", "1", device.port, params={"transport": "tcp"}), "check-sync", None
        )
    assert result.status == 503 and "cannot connect" in result.error


def test_challenge_is_answered_with_the_line_credentials(uas, answer_to):
    def device(request):
        if request.headers.get("Authorization") is None:
            return [
                answer_to(
                    request,
                    401,
                    "Unauthorized",
                    ("WWW-Authenticate", 'Digest realm="snom", nonce="abc", qop="auth", algorithm=SHA-256'),
                )
            ]
        return [answer_to(request, 200, "OK")]

    server = uas("udp", device)
    with SipClient(timers=FAST) as client:
        result = send_notify(
            client, SipUri("127.0.0.1", "202", server.port), "check-sync", SipCredentials("202", "line-pw")
        )
    assert result.accepted and result.authenticated
    assert 'username="202"' in server.requests()[1].headers.get("Authorization")


@pytest.mark.parametrize("event", ["", "check-sync\r\nX-Injected: 1"])
def test_bad_event_is_refused(event):
    with SipClient() as client, pytest.raises(SipUsageError, match="invalid NOTIFY event"):
        send_notify(client, "sip:1@127.0.0.1:9", event, None)
