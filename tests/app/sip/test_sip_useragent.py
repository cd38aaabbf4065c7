from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from app.sip.useragent import identify_device_type, user_agent_matches


@dataclass(frozen=True)
class FakeDeviceType:
    """Stands in for the catalog's DeviceType (same duck-typed method)."""

    model: str
    pattern: str

    def matches_user_agent(self, ua: str) -> bool:
        return re.search(self.pattern, ua) is not None


CATALOG = [FakeDeviceType("T46S", r"^Yealink SIP-T46S "), FakeDeviceType("baresip", r"^baresip v")]


@pytest.mark.parametrize(
    "matchers, expected",
    [
        ([r"^yealink sip-t46s"], True),  # strings are searched case-insensitively
        ([re.compile(r"^yealink")], False),  # compiled patterns keep their own flags
        ([lambda ua: ua.endswith("66.86.0.15")], True),
        ([CATALOG[0]], True),
        ([CATALOG[1], r"Snom"], False),
    ],
)
def test_matchers(matchers, expected):
    assert user_agent_matches("Yealink SIP-T46S 66.86.0.15", matchers) is expected


def test_unknown_user_agent_matches_nothing():
    assert not user_agent_matches(None, [r".*"]) and not user_agent_matches("", [r".*"])


def test_unusable_matcher_is_explained():
    with pytest.raises(TypeError, match="pass a regex or a predicate"):
        user_agent_matches("x", [42])  # type: ignore[list-item]


def test_identify_device_type():
    assert identify_device_type("baresip v1.0.0 (x86_64/linux)", CATALOG) is CATALOG[1]
    assert identify_device_type("Twinkle/1.10.2", CATALOG) is None
    assert identify_device_type(None, CATALOG) is None
