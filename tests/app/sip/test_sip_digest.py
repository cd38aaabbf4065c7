"""Digest answers checked against the published examples of RFC 2617 and RFC 7616 (the computation is
the same for SIP; only method and uri differ), and challenges taken from captured/vendor-style messages."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from app.sip.digest import DigestChallenge, SipCredentials, best_challenge, digest_response, parse_challenge
from app.sip.errors import SipParseError, SipUsageError
from app.sip.message import parse_message
from app.sip.uri import split_outside_quotes, unquote

DATA = Path(__file__).resolve().parents[2] / "data" / "sip"


def md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


def fields(header: str) -> dict[str, str]:
    assert header.startswith("Digest ")
    pairs = (item.strip().partition("=") for item in split_outside_quotes(header[7:], ","))
    return {name: unquote(value) for name, _, value in pairs}


def test_rfc2617_md5_qop_auth_example():
    challenge = DigestChallenge(
        "testrealm@host.com",
        "dcd98b7102dd2f0e8b11d0f600bfb0c093",
        qop_options=("auth", "auth-int"),
        opaque="5ccc069c403ebaf9f0171e9517f40e41",
    )
    answer = digest_response(
        challenge,
        SipCredentials("Mufasa", "Circle Of Life"),
        "GET",
        "/dir/index.html",
        cnonce_source=lambda: "0a4f113b",
    )
    got = fields(answer)
    assert got["response"] == "6629fae49393a05397450978507c4ef1"
    assert (got["qop"], got["nc"], got["cnonce"], got["opaque"]) == (
        "auth",
        "00000001",
        "0a4f113b",
        "5ccc069c403ebaf9f0171e9517f40e41",
    )


@pytest.mark.parametrize(
    "algorithm, expected",
    [
        ("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"),
        ("MD5", "8ca523f5e9506fed4657c9700eebdbec"),
    ],
)
def test_rfc7616_examples(algorithm, expected):
    challenge = DigestChallenge(
        "http-auth@example.org",
        "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
        algorithm=algorithm,
        qop_options=("auth", "auth-int"),
    )
    answer = digest_response(
        challenge,
        SipCredentials("Mufasa", "Circle of Life"),
        "GET",
        "/dir/index.html",
        cnonce_source=lambda: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
    )
    assert fields(answer)["response"] == expected
    assert fields(answer)["algorithm"] == algorithm


def test_kamailio_challenge_is_parsed():
    response = parse_message((DATA / "kamailio_401_register.sip").read_bytes())
    [value] = response.headers.get_all("WWW-Authenticate")
    challenge = parse_challenge(value)
    assert (challenge.realm, challenge.nonce, challenge.algorithm, challenge.qop_options) == (
        "127.0.0.1",
        "awkTYGsJEjQOLWJhUMWf2gbhJnLVi7d1",
        "MD5",
        ("auth",),
    )
    assert challenge.answer_header == "Authorization" and not challenge.stale


def test_strongest_of_several_challenges_is_answered():
    response = parse_message((DATA / "snom_style_401_notify_two_challenges.sip").read_bytes())
    challenges = [parse_challenge(v) for v in response.headers.get_all("WWW-Authenticate")]
    assert [c.algorithm for c in challenges] == ["SHA-256", "MD5"]
    assert best_challenge(reversed(challenges)).algorithm == "SHA-256"


def test_proxy_challenge_md5_sess_prefers_qop_auth():
    response = parse_message((DATA / "proxy_407_md5_sess.sip").read_bytes())
    challenge = parse_challenge(response.headers.get("Proxy-Authenticate"), proxy=True)
    assert challenge.answer_header == "Proxy-Authorization"
    answer = fields(
        digest_response(
            challenge,
            SipCredentials("204", "pw"),
            "REGISTER",
            "sip:pbx.example.test",
            cnonce_source=lambda: "c0ffee",
        )
    )
    ha1 = md5(md5("204:pbx.example.test:pw") + ":5e2f0c1a:c0ffee")  # RFC 2617 3.2.2.2 (-sess)
    ha2 = md5("REGISTER:sip:pbx.example.test")
    assert answer["response"] == md5(f"{ha1}:5e2f0c1a:00000001:c0ffee:auth:{ha2}")
    assert (answer["qop"], answer["opaque"], answer["algorithm"]) == ("auth", "0a4f113b", "MD5-SESS")


def test_challenge_without_qop_gets_rfc2069_answer():
    challenge = parse_challenge('Digest realm="r", nonce="n"')
    answer = fields(digest_response(challenge, SipCredentials("u", "p"), "OPTIONS", "sip:r"))
    assert answer["response"] == md5(f"{md5('u:r:p')}:n:{md5('OPTIONS:sip:r')}")
    assert "qop" not in answer and "cnonce" not in answer


def test_unsupported_challenges():
    with pytest.raises(SipParseError, match="only Digest"):
        parse_challenge('Basic realm="x"')
    with pytest.raises(SipParseError, match="realm or nonce"):
        parse_challenge('Digest realm="x"')
    odd = parse_challenge('Digest realm="x", nonce="y", algorithm=SHA-512-256')
    assert best_challenge([odd]) is None
    with pytest.raises(SipUsageError, match="SHA-512-256"):
        digest_response(odd, SipCredentials("u", "p"), "REGISTER", "sip:x")


def test_password_never_in_repr():
    assert "hunter2" not in repr(SipCredentials("1000", "hunter2"))
    with pytest.raises(SipUsageError, match="auth user"):
        SipCredentials("", "pw")
