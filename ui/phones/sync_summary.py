"""The outcome of a bulk [Synchronize] in words: how many succeeded, how many failed and why."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.sipops import SyncResult

MAX_LISTED_FAILURES = 50  # the detailed text lists at most this many devices


@dataclass(frozen=True)
class SyncSummary:
    requested: int
    succeeded: int
    failed: int
    # (kind of failure, how many devices, the first device's full message); most frequent first
    reasons: tuple[tuple[str, int, str], ...]
    failures: tuple[tuple[int, str], ...]  # device id, reason (at most MAX_LISTED_FAILURES)

    @property
    def skipped(self) -> int:
        """Devices not tried because the run was cancelled."""
        return self.requested - self.succeeded - self.failed


def failure_reason(result: SyncResult) -> str:
    if result.error:
        return result.error
    if result.status is not None and not 200 <= result.status < 300:
        return f"the device answered {result.status} {result.reason}".rstrip()
    if result.fetched is False:
        return "the device accepted the NOTIFY but did not load its configuration in time"
    return result.reason or "failed"


def failure_kind(result: SyncResult) -> str:
    """The short reason the SIP operations give ("not registered", "no registration", ...), for grouping:
    the full messages name the line and differ per device."""
    if result.status is not None and not 200 <= result.status < 300:
        return f"{result.status} {result.reason}".strip()
    if result.fetched is False:
        return "configuration not loaded"
    return result.reason or "failed"


def summarize(requested: int, results: Sequence[SyncResult]) -> SyncSummary:
    failed = [r for r in results if not r.ok]
    kinds = Counter(failure_kind(r) for r in failed)
    example = {}
    for result in failed:
        example.setdefault(failure_kind(result), failure_reason(result))
    return SyncSummary(
        requested=requested, succeeded=len(results) - len(failed), failed=len(failed),
        reasons=tuple((kind, count, example[kind]) for kind, count in kinds.most_common()),
        failures=tuple((r.device_id, failure_reason(r)) for r in failed[:MAX_LISTED_FAILURES]),
    )


def failure_lines(summary: SyncSummary, describe: Callable[[int], str], more: str = "... and %1 more") -> str:
    """One line per failed device ("<device>: <reason>") for a message box's detailed text; `more`
    (translated by the caller) ends a list that was cut short."""
    lines = [f"{describe(device_id)}: {reason}" for device_id, reason in summary.failures]
    hidden = summary.failed - len(summary.failures)
    if hidden > 0:
        lines.append(more.replace("%1", str(hidden)))
    return "\n".join(lines)
