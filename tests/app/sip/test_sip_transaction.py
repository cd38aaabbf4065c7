"""Client transaction timers (RFC 3261 17.1) driven by a fake clock: no sockets, no waiting."""

from __future__ import annotations

import pytest

from app.sip.builder import build_request, new_branch, via_value
from app.sip.message import Headers, SipResponse, parse_message
from app.sip.transaction import ClientTransaction, State, TimerSettings, TransactionTable
from app.sip.uri import NameAddress, SipUri

TARGET = SipUri("127.0.0.1", "1000", 5080)


def request(method: str = "OPTIONS"):
    return build_request(
        method,
        TARGET,
        via=via_value("UDP", "127.0.0.1", 5999, new_branch()),
        from_address=NameAddress(SipUri("127.0.0.1", "console"), params={"tag": "t1"}),
        to_address=NameAddress(TARGET),
        call_id="c1@127.0.0.1",
        cseq=1,
    )


def response_to(req, status: int, reason: str = "X") -> SipResponse:
    headers = Headers(
        [
            ("Via", req.headers.get_all("Via")[0]),
            ("From", req.headers.get("From")),
            ("To", req.headers.get("To") + ";tag=remote"),
            ("Call-ID", req.call_id),
            ("CSeq", str(req.cseq)),
        ]
    )
    return SipResponse(status, reason, headers)


def run_timers(transaction: ClientTransaction, until: float) -> list[float]:
    """Jump from deadline to deadline; return the times something was retransmitted."""
    sent_at = []
    while (deadline := transaction.next_deadline) is not None and deadline <= until:
        if transaction.on_timer(deadline):
            sent_at.append(deadline)
    return sent_at


def test_non_invite_timer_e_doubles_to_t2_and_timer_f_gives_up_at_64_t1():
    transaction = ClientTransaction(request(), reliable=False, timers=TimerSettings(), now=0.0)
    sent_at = run_timers(transaction, until=100)
    assert sent_at == [0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5]  # 11 transmissions in all
    assert transaction.timed_out and transaction.state is State.TERMINATED
    assert transaction.final_response is None


def test_provisional_response_moves_timer_e_to_t2():
    req = request()
    transaction = ClientTransaction(req, reliable=False, timers=TimerSettings(), now=0.0)
    assert run_timers(transaction, until=0.6) == [0.5]
    transaction.on_response(response_to(req, 100, "Trying"), now=0.7)
    assert transaction.state is State.PROCEEDING
    assert run_timers(transaction, until=9.0) == [4.7, 8.7]


def test_final_response_completes_and_timer_k_absorbs_retransmissions():
    req = request()
    transaction = ClientTransaction(req, reliable=False, timers=TimerSettings(t4=5.0), now=10.0)
    final = response_to(req, 200, "OK")
    assert transaction.on_response(final, now=10.2) == []
    assert (transaction.state, transaction.final_response, transaction.final_at) == (
        State.COMPLETED,
        final,
        10.2,
    )
    assert transaction.on_response(response_to(req, 200, "OK"), now=11) == []
    assert transaction.final_response is final  # the retransmission is not a new answer
    assert transaction.next_deadline == pytest.approx(15.2)
    transaction.on_timer(15.2)
    assert transaction.terminated and not transaction.timed_out


def test_reliable_transport_never_retransmits_and_ends_at_once():
    req = request()
    transaction = ClientTransaction(req, reliable=True, timers=TimerSettings(t1=0.5), now=0.0)
    assert run_timers(transaction, until=31) == []
    transaction.on_response(response_to(req, 404, "Not Found"), now=1)
    transaction.on_timer(1)
    assert transaction.terminated and transaction.final_response.status == 404
    other = ClientTransaction(request(), reliable=True, timers=TimerSettings(timeout=3), now=0.0)
    run_timers(other, until=10)
    assert other.timed_out


def test_invite_timer_a_doubles_without_cap_and_timer_b_gives_up():
    transaction = ClientTransaction(request("INVITE"), reliable=False, timers=TimerSettings(), now=0.0)
    assert run_timers(transaction, until=100) == [0.5, 1.5, 3.5, 7.5, 15.5, 31.5]
    assert transaction.timed_out


def test_invite_failure_is_acked_again_for_each_retransmitted_final():
    req = request("INVITE")
    transaction = ClientTransaction(req, reliable=False, timers=TimerSettings(), now=0.0)
    transaction.on_response(response_to(req, 180, "Ringing"), now=0.1)
    assert run_timers(transaction, until=20) == []  # Timer A stops once something was heard
    [ack] = transaction.on_response(response_to(req, 486, "Busy Here"), now=1)
    ack_message = parse_message(ack)
    assert ack_message.method == "ACK" and ack_message.cseq.method == "ACK"
    assert ack_message.top_via.branch == req.top_via.branch and ack_message.to_address.tag == "remote"
    assert transaction.on_response(response_to(req, 486, "Busy Here"), now=2) == [ack]
    assert transaction.next_deadline == 33  # Timer D: 32 s on UDP


def test_invite_2xx_ends_the_transaction_without_ack():
    req = request("INVITE")
    transaction = ClientTransaction(req, reliable=False, timers=TimerSettings(), now=0.0)
    assert transaction.on_response(response_to(req, 200, "OK"), now=0.2) == []
    assert transaction.terminated and transaction.final_response.status == 200


def test_table_matches_branch_and_method_only():
    table = TransactionTable()
    req = request()
    transaction = ClientTransaction(req, reliable=False, timers=TimerSettings(), now=0.0)
    table.add(transaction)
    assert table.match(response_to(req, 200)) is transaction
    wrong_method = response_to(req, 200)
    wrong_method.headers.set("CSeq", "1 REGISTER")
    assert table.match(wrong_method) is None
    assert table.match(response_to(request(), 200)) is None  # other branch


def test_timer_settings_are_validated():
    with pytest.raises(ValueError, match="T1 <= T2"):
        TimerSettings(t1=5, t2=4)
    assert TimerSettings(t1=0.1).give_up_after == pytest.approx(6.4)
