"""Out-of-dialog NOTIFY to real sipp devices: a registered phone asserting the Event header, and a
device that challenges the NOTIFY and verifies our digest answer."""

from __future__ import annotations

import secrets

import pytest

from app.sip import SipClient, SipCredentials, SipUri, TimerSettings, send_notify

pytestmark = pytest.mark.integration

FAST = TimerSettings(t1=0.1, t2=0.4, timeout=1.5)


def contact_of(kamailio, phone) -> str | None:
    """The phone's Contact as Kamailio stored it (older phones of the same line may still be listed)."""
    addresses = [c["Address"] for c in kamailio.contacts(phone.user)]
    return next((a for a in addresses if f":{phone.port}" in a), None)


def test_registered_sipp_phone_accepts_check_sync(kamailio, sipp_phone, wait_for):
    phone = sipp_phone("1000", stay_ms=2500)
    contact = wait_for(lambda: contact_of(kamailio, phone), 5, "sipp to register 1000")

    with SipClient(timers=FAST) as client:
        result = send_notify(
            client, contact, "check-sync", SipCredentials("1000", kamailio.passwords["1000"])
        )

    assert (result.status, result.accepted, result.user_agent) == (200, True, "sipp-phone")
    assert not result.authenticated  # the phone did not challenge
    assert phone.wait(timeout=10) == 0, phone.errors()
    assert "NOTIFY with Event  check-sync" in phone.notify_log()  # sipp keeps the value's leading space
    assert "Failed regexp match" not in phone.errors()


def test_sipp_phone_rejects_a_wrong_event_so_the_assertion_bites(kamailio, sipp_phone, wait_for):
    phone = sipp_phone("1000", stay_ms=1500)
    contact = wait_for(lambda: contact_of(kamailio, phone), 5, "sipp to register 1000")

    with SipClient(timers=FAST) as client:
        result = send_notify(client, contact, "resync", None)

    assert result.status == 200  # sipp answers anyway, but records the mismatch
    assert phone.wait(timeout=10) == 0
    assert "NOTIFY with Event" not in phone.notify_log()
    assert "Failed regexp match: looking in ' resync'" in phone.errors()


@pytest.mark.parametrize("given, expected_status", [("right", 200), ("wrong", 403)])
def test_challenged_notify_is_answered_with_line_credentials(challenging_device, given, expected_status):
    password = secrets.token_hex(8)
    process, port, directory = challenging_device("1000", password)
    with SipClient(timers=FAST) as client:
        result = send_notify(
            client,
            SipUri("127.0.0.1", "1000", port),
            "check-sync",
            SipCredentials("1000", password if given == "right" else password + "x"),
        )
    assert result.authenticated
    assert result.status == expected_status, result
    assert result.user_agent == "sipp-device"
    assert process.wait(timeout=10) == 0
    logs = "".join(p.read_text() for p in directory.glob("*_logs.log"))
    assert "challenging NOTIFY with Event  check-sync" in logs
    assert ("authenticated NOTIFY accepted" in logs) is (given == "right")
