"""Property: whatever bytes arrive, only SipParseError leaves the parser and the stream framer.

Seeds are the real and vendor-style messages in tests/data/sip/ (see its README); hypothesis mutates
them by byte flips, ASCII digits replaced by other Unicode digits, insertions (non-ASCII digits, white space, separators, Latin-1 bytes), deletions
and truncation. Bounded (300 examples each, no example database written) so it runs in seconds.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.sip.digest import parse_challenge
from app.sip.errors import SipError, SipParseError
from app.sip.message import StreamFramer, parse_message

DATA = Path(__file__).resolve().parents[2] / "data" / "sip"
SEEDS = [path.read_bytes() for path in sorted(DATA.glob("*.sip"))]
INSERTS = [
    *(digit.encode() for digit in ("²", "٣", "１", "⁵", "߂", "𝟘")),  # digits str.isdigit() accepts
    b" ", b"\t", b"\r\n", b"\n", b"\r\n \r\n", b"\r\n\r\n", b" : ", b" / ",
    b":", b"/", b";", b",", b"<", b">", b'"', b"\\", b"[", b"]", b"@", b"=", b"?",
    b"\x00", b"\xe9", b"\xff", b"\xc3", "ü".encode(),
    b"Content-Length: 99999999999999999999\r\n", b"CSeq: \xc2\xb2 OPTIONS\r\n", b"v: SIP/2.0/UDP h:5\xc2\xb2\r\n",
]  # fmt: skip
SETTINGS = settings(
    max_examples=300,
    deadline=None,
    database=None,  # no .hypothesis/ directory in the work tree
    suppress_health_check=[HealthCheck.too_slow],
)


@st.composite
def mutated_messages(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "insert", "random", "digit", "delete", "truncate"]))
        at = draw(st.integers(0, len(data)))
        digits = [i for i, byte in enumerate(data) if 0x30 <= byte <= 0x39]
        if kind == "digit" and digits:  # an ASCII digit becomes one str.isdigit() also accepts
            at = draw(st.sampled_from(digits))
            data[at : at + 1] = draw(st.sampled_from(INSERTS[:6]))
        elif kind == "flip" and at < len(data):
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "insert":
            data[at:at] = draw(st.sampled_from(INSERTS))
        elif kind == "random":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        else:
            del data[at:]
    return bytes(data)


def read_everything(data: bytes) -> None:
    """Parse and use every accessor the console uses; only SipParseError may come out."""
    try:
        message = parse_message(data)
    except SipParseError:
        return
    for read in (
        lambda: message.call_id,
        lambda: message.cseq,
        lambda: message.vias,
        lambda: message.top_via,
        lambda: message.from_address,
        lambda: message.to_address,
        lambda: message.contacts,
        lambda: [message.headers.get_all(name) for name, _ in message.headers],
    ):
        try:
            read()
        except SipParseError:
            pass
    for name in ("WWW-Authenticate", "Proxy-Authenticate"):
        for value in message.headers.get_all(name):
            try:
                parse_challenge(value)
            except SipError:  # what the client catches around challenges
                pass
    try:
        parse_message(message.to_bytes())  # what we parsed, we can write and read again
    except SipParseError:
        pass


@SETTINGS
@given(mutated_messages())
def test_only_parse_errors_leave_the_parser(data):
    read_everything(data)


@SETTINGS
@given(mutated_messages(), st.integers(1, 97))
def test_only_parse_errors_leave_the_stream_framer(data, chunk):
    framer = StreamFramer()
    stream = data if data.endswith(b"\r\n\r\n") or b"\r\n\r\n" in data else data + b"\r\n\r\n"
    try:
        for start in range(0, len(stream), chunk):
            for frame in framer.feed(stream[start : start + chunk]):
                read_everything(frame)
    except SipParseError:
        pass


def test_seeds_are_real_messages():
    assert len(SEEDS) >= 5
    for seed in SEEDS:
        parse_message(seed).cseq  # noqa: B018
