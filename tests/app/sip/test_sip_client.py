"""SipClient against the loopback UAS: transactions, digest challenges, timeouts, concurrency cap."""

from __future__ import annotations

import socket
import threading

import pytest

from app.sip.client import Outgoing, SipClient
from app.sip.digest import DigestChallenge, SipCredentials, digest_response
from app.sip.errors import SipUsageError
from app.sip.transaction import TimerSettings
from app.sip.uri import NameAddress, SipUri, split_outside_quotes, unquote

FAST = TimerSettings(t1=0.05, t2=0.2, timeout=0.6)
PASSWORD = "s3cret-line-password"


def options_to(server, **kw) -> Outgoing:
    uri = SipUri(
        "127.0.0.1",
        "1000",
        server.port,
        params={} if server.transport == "udp" else {"transport": server.transport},
    )
    return Outgoing(
        "OPTIONS",
        uri,
        from_address=NameAddress(SipUri("127.0.0.1", "console")),
        to_address=NameAddress(uri),
        **kw,
    )


@pytest.mark.parametrize("transport", ["udp", "tcp", "tls"])
def test_options_round_trip_over_each_transport(uas, tls_files, transport):
    server = uas(transport)
    with SipClient(
        timers=FAST, tls_context=tls_files.client_context(), tls_server_hostname="localhost"
    ) as client:
        result = client.send(options_to(server))
    assert result.response.status == 200 and result.response.user_agent == "loopback-uas/1.0"
    assert result.rtt_ms is not None and result.rtt_ms >= 0
    [request] = server.requests()
    via = request.top_via
    assert via.transport == transport.upper() and via.branch.startswith("z9hG4bK") and "rport" in via.params
    assert request.from_address.tag and request.headers.get("User-Agent") == client.user_agent
    assert request.headers.get("Max-Forwards") == "70"


def challenger(answer, *challenges: str, status: int = 401, stale_first: bool = False):
    """A UAS that challenges, then accepts only a correct digest answer for PASSWORD."""
    header = "WWW-Authenticate" if status == 401 else "Proxy-Authenticate"
    answer_header = "Authorization" if status == 401 else "Proxy-Authorization"
    state = {"stale_sent": False}

    def handle(request):
        given = request.headers.get(answer_header)
        if given is None:
            return [answer(request, status, "Challenge", *((header, c) for c in challenges))]
        params = {
            k.strip(): unquote(v)
            for k, _, v in (p.partition("=") for p in split_outside_quotes(given[7:], ","))
        }
        if stale_first and not state["stale_sent"]:
            state["stale_sent"] = True
            return [
                answer(
                    request,
                    status,
                    "Stale",
                    (header, 'Digest realm="r", nonce="fresh", qop="auth", stale=true'),
                )
            ]
        challenge = DigestChallenge(
            params["realm"], params["nonce"], params["algorithm"], (params["qop"],) if "qop" in params else ()
        )
        expected = digest_response(
            challenge,
            SipCredentials(params["username"], PASSWORD),
            request.method,
            params["uri"],
            nonce_count=int(params.get("nc", "1"), 16),
            cnonce_source=lambda: params.get("cnonce", ""),
        )
        if expected.split("response=")[1].split(",")[0] == f'"{params["response"]}"':
            return [answer(request, 200, "OK", ("Server", "challenger"))]
        return [answer(request, status, "Challenge", *((header, c) for c in challenges))]

    return handle


@pytest.mark.parametrize("status", [401, 407])
def test_challenge_is_answered_once_with_the_strongest_algorithm(uas, answer_to, status):
    server = uas(
        "udp",
        challenger(
            answer_to,
            'Digest realm="r", nonce="n1", qop="auth", algorithm=MD5',
            'Digest realm="r", nonce="n1", qop="auth", algorithm=SHA-256',
            status=status,
        ),
    )
    with SipClient(timers=FAST) as client:
        result = client.send(options_to(server, credentials=SipCredentials("1000", PASSWORD)))
    assert result.response.status == 200 and result.authenticated and not result.auth_rejected
    first, second = server.requests()
    assert second.cseq.number == first.cseq.number + 1 and second.call_id == first.call_id
    assert second.top_via.branch != first.top_via.branch
    header = second.headers.get("Authorization" if status == 401 else "Proxy-Authorization")
    assert "algorithm=SHA-256" in header and PASSWORD not in header


def test_wrong_password_ends_after_one_answer(uas, answer_to):
    server = uas("udp", challenger(answer_to, 'Digest realm="r", nonce="n1", qop="auth"'))
    with SipClient(timers=FAST) as client:
        result = client.send(options_to(server, credentials=SipCredentials("1000", "wrong")))
    assert (result.response.status, result.authenticated, result.auth_rejected) == (401, True, True)
    assert len(server.requests()) == 2


def test_stale_nonce_gets_a_second_answer(uas, answer_to):
    server = uas("udp", challenger(answer_to, 'Digest realm="r", nonce="n1", qop="auth"', stale_first=True))
    with SipClient(timers=FAST) as client:
        result = client.send(options_to(server, credentials=SipCredentials("1000", PASSWORD)))
    assert result.response.status == 200 and not result.auth_rejected
    assert len(server.requests()) == 3


def test_challenge_for_another_realm_is_not_answered(uas, answer_to):
    server = uas("udp", challenger(answer_to, 'Digest realm="other", nonce="n1", qop="auth"'))
    with SipClient(timers=FAST) as client:
        result = client.send(options_to(server, credentials=SipCredentials("1000", PASSWORD, realm="r")))
    assert result.response.status == 401 and not result.authenticated
    assert len(server.requests()) == 1


def test_silent_peer_times_out_after_udp_retransmissions(uas):
    server = uas("udp", lambda request: [])
    with SipClient(timers=FAST) as client:
        result = client.send(options_to(server))
    assert result.timed_out and result.response is None and result.rtt_ms is None
    copies = server.requests()
    assert (
        len(copies) >= 3 and len({r.top_via.branch for r in copies}) == 1
    )  # retransmissions, not new requests


def test_silent_peer_over_tcp_gets_no_retransmissions(uas):
    server = uas("tcp", lambda request: [])
    with SipClient(timers=FAST) as client:
        result = client.send(options_to(server))
    assert result.timed_out and len(server.requests()) == 1


def test_refused_connection_is_reported_as_error_not_timeout(uas):
    server = uas("udp")  # nothing listens on TCP at this port
    with SipClient(timers=FAST) as client:
        result = client.send(
            Outgoing(
                "OPTIONS",
                SipUri("127.0.0.1", port=server.port, params={"transport": "tcp"}),
                from_address=NameAddress(SipUri("127.0.0.1", "c")),
                to_address=NameAddress(SipUri("127.0.0.1")),
            )
        )
    assert result.error and "cannot connect" in result.error and not result.timed_out


def test_many_requests_respect_the_outstanding_cap(uas):
    server = uas("udp", lambda request: [])
    with SipClient(timers=TimerSettings(t1=0.2, t2=0.4, timeout=0.3)) as client:
        results = client.run([options_to(server) for _ in range(6)], max_outstanding=2)
    assert len(results) == 6 and all(r.timed_out for r in results)
    first_seen: dict[str, float] = {}
    for at, request in server.received:
        first_seen.setdefault(request.call_id, at)
    starts = sorted(first_seen.values())
    assert len(starts) == 6
    # Waves of two: the third request may only start after the first wave timed out.
    assert starts[2] - starts[0] >= 0.25 and starts[4] - starts[2] >= 0.25


def test_results_keep_request_order_and_answers_are_concurrent(uas):
    server = uas("udp")
    with SipClient(timers=FAST) as client:
        outgoings = [options_to(server, headers=(("X-Index", str(i)),)) for i in range(20)]
        results = client.run(outgoings, max_outstanding=8)
    assert [r.request.headers.get("X-Index") for r in results] == [str(i) for i in range(20)]
    assert all(r.response.status == 200 for r in results)


def test_bad_arguments_are_explained():
    with SipClient() as client:
        with pytest.raises(SipUsageError, match="no tls_context"):
            client.transport("tls")
        with pytest.raises(SipUsageError, match="unknown SIP transport 'sctp'"):
            client.transport("sctp")
        with pytest.raises(SipUsageError, match="max_outstanding"):
            client.run([], max_outstanding=0)


def test_unparsable_answer_is_ignored():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as peer, SipClient(timers=FAST) as client:
        peer.bind(("127.0.0.1", 0))
        uri = SipUri("127.0.0.1", port=peer.getsockname()[1])
        outgoing = Outgoing(
            "OPTIONS", uri, from_address=NameAddress(SipUri("127.0.0.1", "c")), to_address=NameAddress(uri)
        )

        def garbage():
            _request, source = peer.recvfrom(4096)
            peer.sendto(b"garbage\r\n\r\n", source)

        thread = threading.Thread(target=garbage, name="garbage-peer")
        thread.start()
        result = client.send(outgoing)
        thread.join(5)
    assert result.timed_out
