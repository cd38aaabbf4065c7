from __future__ import annotations

import pytest

from app.sip.errors import SipParseError
from app.sip.uri import NameAddress, SipUri


@pytest.mark.parametrize(
    "text, host, user, port, transport, destination",
    [
        ("sip:1000@127.0.0.1:5080;transport=UDP", "127.0.0.1", "1000", 5080, "udp", ("127.0.0.1", 5080)),
        (
            "sip:pbx.example.test;transport=tcp",
            "pbx.example.test",
            None,
            None,
            "tcp",
            ("pbx.example.test", 5060),
        ),
        ("sips:201@pbx.example.test", "pbx.example.test", "201", None, "tls", ("pbx.example.test", 5061)),
        ("sip:alice:secret@[::1]:5070;lr", "::1", "alice", 5070, "udp", ("::1", 5070)),
        ("SIP:6hok@qhg9.invalid;transport=ws", "qhg9.invalid", "6hok", None, "ws", ("qhg9.invalid", 5060)),
    ],
)
def test_parse_uri(text, host, user, port, transport, destination):
    uri = SipUri.parse(text)
    assert (uri.host, uri.user, uri.port, uri.transport, uri.destination()) == (
        host,
        user,
        port,
        transport,
        destination,
    )


def test_password_in_uri_is_dropped_and_ipv6_is_bracketed():
    assert str(SipUri.parse("sip:alice:secret@[::1]:5070;lr")) == "sip:alice@[::1]:5070;lr"


@pytest.mark.parametrize("text", ["http://x", "sip:", "sip:a@b:99999", "sip:[::1", "sip:a@:5060"])
def test_bad_uris(text):
    with pytest.raises(SipParseError):
        SipUri.parse(text)


def test_name_address_forms():
    full = NameAddress.parse('"Lab \\"1002\\"" <sip:1002@127.0.0.1;transport=udp>;tag=abc;expires=60')
    assert full.display_name == 'Lab "1002"' and full.tag == "abc" and full.params["expires"] == "60"
    assert full.uri.params == {"transport": "udp"}
    bare = NameAddress.parse("sip:1002@127.0.0.1;tag=xyz")
    assert bare.tag == "xyz" and bare.uri.params == {}  # header params, not URI params
    assert str(full) == '"Lab \\"1002\\"" <sip:1002@127.0.0.1;transport=udp>;tag=abc;expires=60'
