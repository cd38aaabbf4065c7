"""Client transactions (RFC 3261 17.1) without I/O: the caller passes the time in and sends the bytes out.

INVITE transactions use Timer A (retransmit, doubling) and B (give up); the others use Timer E
(retransmit, doubling up to T2, T2 once a provisional response came) and F (give up). On a
reliable transport (TCP, TLS) nothing is retransmitted, only the give-up timer runs.
"""

from __future__ import annotations

import enum
import heapq
import itertools
from dataclasses import dataclass

from app.sip.builder import build_ack
from app.sip.message import SipRequest, SipResponse


@dataclass(frozen=True)
class TimerSettings:
    t1: float = 0.5  # round-trip estimate (s)
    t2: float = 4.0  # cap of the non-INVITE retransmit interval (s)
    t4: float = 5.0  # time a message may stay in the network (s)
    timeout: float | None = None  # Timer B/F; None = 64 * T1 as the RFC says

    def __post_init__(self) -> None:
        if not (0 < self.t1 <= self.t2) or self.t4 <= 0 or (self.timeout is not None and self.timeout <= 0):
            raise ValueError("SIP timers must be positive and T1 <= T2")

    @property
    def give_up_after(self) -> float:
        return self.timeout if self.timeout is not None else 64 * self.t1


class State(enum.Enum):
    CALLING = "calling"  # INVITE sent, nothing heard
    TRYING = "trying"  # non-INVITE sent, nothing heard
    PROCEEDING = "proceeding"  # provisional response heard
    COMPLETED = "completed"  # final response heard, absorbing retransmissions
    TERMINATED = "terminated"


class ClientTransaction:
    def __init__(self, request: SipRequest, *, reliable: bool, timers: TimerSettings, now: float) -> None:
        branch = request.top_via.branch
        if not branch:
            raise ValueError("a client transaction needs a Via branch")
        self.request = request
        self.key = (branch, request.method)
        self.reliable = reliable
        self.timers = timers
        self.is_invite = request.method == "INVITE"
        self.state = State.CALLING if self.is_invite else State.TRYING
        self.started_at = now
        self.final_response: SipResponse | None = None
        self.final_at: float | None = None
        self.timed_out = False
        self._data = request.to_bytes()
        self._ack: bytes | None = None
        self._interval = timers.t1
        self._retransmit_at: float | None = None if reliable else now + timers.t1
        self._give_up_at = now + timers.give_up_after
        self._linger_until: float | None = None  # Timer D / K
        self.retransmissions = 0

    def first_transmission(self) -> bytes:
        return self._data

    @property
    def terminated(self) -> bool:
        return self.state is State.TERMINATED

    @property
    def next_deadline(self) -> float | None:
        if self.state is State.TERMINATED:
            return None
        if self.state is State.COMPLETED:
            return self._linger_until
        if self._retransmit_at is None:
            return self._give_up_at
        return min(self._retransmit_at, self._give_up_at)

    def abort(self) -> None:
        """End without a response (the request could not be sent, or the caller gave up)."""
        self.state = State.TERMINATED

    def on_timer(self, now: float) -> list[bytes]:
        """Fire every timer due at `now`; returns the bytes to (re)send."""
        if self.state is State.COMPLETED:
            if self._linger_until is not None and now >= self._linger_until:
                self.state = State.TERMINATED
            return []
        if self.state is State.TERMINATED:
            return []
        if now >= self._give_up_at:  # Timer B / F
            self.timed_out = True
            self.state = State.TERMINATED
            return []
        out: list[bytes] = []
        if self._retransmit_at is not None and now >= self._retransmit_at:  # Timer A / E
            out.append(self._data)
            self.retransmissions += 1
            if self.is_invite:
                self._interval *= 2
            elif self.state is State.PROCEEDING:
                self._interval = self.timers.t2
            else:
                self._interval = min(2 * self._interval, self.timers.t2)
            self._retransmit_at = now + self._interval
        return out

    def on_response(self, response: SipResponse, now: float) -> list[bytes]:
        """Feed a matching response; returns bytes to send (an ACK for INVITE failures)."""
        if self.state is State.TERMINATED:
            return []
        if self.state is State.COMPLETED:
            # A retransmitted final response: the INVITE client answers it with the same ACK again.
            return [self._ack] if (self._ack and response.is_final) else []
        if response.is_provisional:
            self.state = State.PROCEEDING
            if self.is_invite:
                self._retransmit_at = None  # Timer A stops
            elif self._retransmit_at is not None:
                self._retransmit_at = now + self.timers.t2
            return []
        self.final_response = response
        self.final_at = now
        if self.is_invite and response.status < 300:
            self.state = State.TERMINATED  # 2xx: ACK belongs to the dialog layer (RFC 3261 13.2.2.4)
            return []
        self.state = State.COMPLETED
        self._retransmit_at = None
        linger = 0.0 if self.reliable else (32.0 if self.is_invite else self.timers.t4)
        self._linger_until = now + linger
        if self.is_invite:
            self._ack = build_ack(self.request, response).to_bytes()
            return [self._ack]
        return []


class TransactionTable:
    """Matches responses to client transactions by top Via branch and CSeq method (RFC 3261 17.1.3)."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, str], ClientTransaction] = {}

    def __len__(self) -> int:
        return len(self._by_key)

    def add(self, transaction: ClientTransaction) -> None:
        self._by_key[transaction.key] = transaction

    def remove(self, transaction: ClientTransaction) -> None:
        if self._by_key.get(transaction.key) is transaction:
            del self._by_key[transaction.key]

    def match(self, response: SipResponse) -> ClientTransaction | None:
        branch = response.top_via.branch
        if not branch:
            return None
        return self._by_key.get((branch, response.cseq.method))


class DeadlineQueue:
    """Transactions ordered by their next deadline, so a client with thousands of them pending finds the due
    ones in O(log n) instead of scanning them all at every wake-up.

    Call `schedule()` after anything that may move a transaction's deadline (creation, a response, a timer).
    Entries left behind by a moved deadline are skipped when they reach the head.
    """

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, ClientTransaction]] = []
        self._scheduled: dict[ClientTransaction, float] = {}
        self._order = itertools.count()  # ties never compare transactions

    def __len__(self) -> int:
        return len(self._scheduled)

    def schedule(self, transaction: ClientTransaction) -> None:
        due = transaction.next_deadline
        if due is None:
            self._scheduled.pop(transaction, None)
        elif self._scheduled.get(transaction) != due:
            self._scheduled[transaction] = due
            heapq.heappush(self._heap, (due, next(self._order), transaction))

    def next_deadline(self) -> float | None:
        self._drop_stale_head()
        return self._heap[0][0] if self._heap else None

    def pop_due(self, now: float) -> list[ClientTransaction]:
        """The transactions whose deadline has come; they are unscheduled until `schedule()` again."""
        due: list[ClientTransaction] = []
        while self._heap and self._heap[0][0] <= now:
            deadline, _, transaction = heapq.heappop(self._heap)
            if self._scheduled.get(transaction) == deadline:
                del self._scheduled[transaction]
                due.append(transaction)
        return due

    def _drop_stale_head(self) -> None:
        while self._heap and self._scheduled.get(self._heap[0][2]) != self._heap[0][0]:
            heapq.heappop(self._heap)
