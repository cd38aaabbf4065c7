"""Parsing and serializing SIP messages, fed with captured and vendor-style bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.sip.errors import SipParseError
from app.sip.message import Headers, SipRequest, SipResponse, StreamFramer, parse_message
from app.sip.uri import SipUri

DATA = Path(__file__).resolve().parents[2] / "data" / "sip"


def load(name: str):
    return parse_message((DATA / name).read_bytes())


def test_kamailio_registration_query_answer():
    response = load("kamailio_200_register_query.sip")
    assert isinstance(response, SipResponse)
    assert (response.status, response.reason, response.is_final) == (200, "OK", True)
    assert response.cseq.method == "REGISTER" and response.cseq.number == 2
    [contact] = response.contacts
    assert contact.uri.user == "1001-0x55b3398050d0" and contact.uri.port == 51101
    assert contact.params["expires"] == "120"
    assert contact.params["received"] == '"sip:127.0.0.1:51101"'
    assert response.top_via.params["received"] == "127.0.0.1"
    assert response.user_agent == "test-kamailio"


def test_baresip_options_answer_keeps_body_and_empty_header():
    response = load("baresip_200_options.sip")
    assert response.user_agent == "baresip v1.0.0 (x86_64/linux)"
    assert response.headers.get("Supported") == ""
    assert response.body.startswith(b"v=0\r\n") and len(response.body) == 324
    assert "OPTIONS" in response.headers.get_all("Allow")


def test_compact_forms_folding_and_repeated_headers():
    response = load("yealink_style_200_options_compact.sip")
    assert response.call_id == "6f1c2b3d4e@pbx.example.test"
    assert response.from_address.tag == "aa11"
    assert response.to_address.uri == SipUri("192.0.2.55", "201", 5062)
    assert response.headers.get_all("Supported") == ["replaces", "100rel"]
    allow = response.headers.get_all("Allow")
    assert allow[0] == "INVITE" and allow[-1] == "MESSAGE" and "SUBSCRIBE" in allow  # folded line joined
    assert response.user_agent == "Yealink SIP-T46S 66.86.0.15"


def test_request_with_lf_line_ends_via_list_and_body_cut_by_content_length():
    request = load("compact_folded_notify_lf.sip")
    assert isinstance(request, SipRequest)
    assert request.method == "NOTIFY" and request.uri == SipUri("192.0.2.57", "203", 5060)
    assert [v.branch for v in request.vias] == ["z9hG4bKproxy1", "z9hG4bKconsole1", "z9hG4bKthird"]
    assert request.vias[2].transport == "TCP" and request.vias[2].port is None
    assert request.from_address.display_name == "Provisioning, Inc."
    assert request.to_address.uri.user == "203" and request.to_address.tag is None
    assert request.headers.get("Event") == "check-sync;reboot=false"
    assert request.body == b"hello"


def test_serialize_writes_long_names_crlf_and_fresh_content_length():
    request = load("compact_folded_notify_lf.sip")
    data = request.to_bytes()
    assert b"\r\nCall-ID: 19f0a7@pbx.example.test\r\n" in data
    assert b"\r\nEvent: check-sync;reboot=false\r\n" in data
    assert data.endswith(b"Content-Length: 5\r\n\r\nhello")
    assert b"\ni:" not in data and b"\nl:" not in data
    again = parse_message(data)
    assert again.headers.get_all("Via") == request.headers.get_all("Via")


def test_headers_are_case_insensitive_and_set_replaces_all():
    headers = Headers([("via", "a"), ("VIA", "b"), ("x-custom-thing", "1")])
    assert headers.get_all("Via") == ["a", "b"]
    assert headers.get("X-Custom-Thing") == "1"
    headers.set("v", "c")
    assert headers.get_all("via") == ["c"]
    assert "Call-ID" not in headers


@pytest.mark.parametrize(
    "data, complaint",
    [
        (b"", "empty"),
        (b"HELLO\r\n\r\n", "request line"),
        (b"SIP/2.0 99 Too Low\r\n\r\n", "status line"),
        (b"OPTIONS sip:a@b SIP/2.0\r\nno colon here\r\n\r\n", "header line"),
        (b"OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 10\r\n\r\nshort", "Content-Length 10"),
        (b"OPTIONS http://x SIP/2.0\r\n\r\n", "sip: or sips:"),
        (b"SIP/2.0 200 OK\r\nFr\xffom: x\r\n\r\n", "header line"),  # names are ASCII tokens
        (b"SIP/2.0 200 OK\r\n\xff\r\n\r\n", "header line"),
    ],
)
def test_malformed_messages_raise_parse_errors(data, complaint):
    with pytest.raises(SipParseError, match=complaint):
        parse_message(data)


def test_missing_required_header_is_a_parse_error_on_access():
    response = parse_message(b"SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n")
    with pytest.raises(SipParseError, match="no Call-ID"):
        _ = response.call_id


def test_stream_framer_cuts_messages_split_anywhere():
    one = (DATA / "kamailio_401_register.sip").read_bytes()
    two = (DATA / "baresip_200_options.sip").read_bytes()
    stream = b"\r\n\r\n" + one + two  # keep-alive CRLFs first
    framer = StreamFramer()
    frames = []
    for i in range(0, len(stream), 37):
        frames += framer.feed(stream[i : i + 37])
    assert frames == [one, two]


def test_stream_framer_requires_content_length():
    with pytest.raises(SipParseError, match="no Content-Length"):
        StreamFramer().feed(b"SIP/2.0 200 OK\r\nCall-ID: x\r\n\r\n")
