"""Telling which device type a SIP User-Agent/Server string belongs to.

The catalog owns the patterns (`DeviceType.matches_user_agent(ua)`); this module only applies
whatever the caller passes: regular expressions (searched, case-insensitive), compiled patterns,
predicates, or objects with a `matches_user_agent` method.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Protocol, TypeVar, Union


class UserAgentMatcher(Protocol):
    def matches_user_agent(self, user_agent: str) -> bool: ...


Matcher = Union[str, "re.Pattern[str]", Callable[[str], bool], UserAgentMatcher]
T = TypeVar("T", bound=UserAgentMatcher)


def _matches(user_agent: str, matcher: Matcher) -> bool:
    if isinstance(matcher, str):
        return re.search(matcher, user_agent, re.IGNORECASE) is not None
    if isinstance(matcher, re.Pattern):
        return matcher.search(user_agent) is not None
    method = getattr(matcher, "matches_user_agent", None)
    if callable(method):
        return bool(method(user_agent))
    if callable(matcher):
        return bool(matcher(user_agent))
    raise TypeError(f"cannot match a User-Agent with {type(matcher).__name__}: pass a regex or a predicate")


def user_agent_matches(user_agent: str | None, matchers: Iterable[Matcher]) -> bool:
    """True if any matcher accepts the User-Agent; an unknown User-Agent matches nothing."""
    if not user_agent:
        return False
    return any(_matches(user_agent, matcher) for matcher in matchers)


def identify_device_type(user_agent: str | None, device_types: Iterable[T]) -> T | None:
    """First catalog entry whose `matches_user_agent` accepts the User-Agent, or None."""
    if not user_agent:
        return None
    return next((dt for dt in device_types if dt.matches_user_agent(user_agent)), None)
