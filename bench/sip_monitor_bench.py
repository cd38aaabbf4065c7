"""Benchmark of the SIP registration monitor: 5,000 endpoints polled with OPTIONS every 30 s on loopback.

K sipp processes (Debian package sip-tester) answer OPTIONS with 200 OK, each on its own 127.0.0.1 port and each
standing for endpoints/K endpoints with distinct request-URIs (sip:epNNNNN@127.0.0.1:port). The real SipMonitor
(its own "sip-monitor" thread, a real SipClient over UDP) polls all of them. After the first round (every endpoint
reported reachable) the CPU time of this process is measured over `--rounds` full polling cycles and given as a
percentage of one core. Then, right after a round has ended (the worst moment: the next scheduled round is a full
interval away), one responder is killed and the time until the monitor publishes reachable=False for its
endpoints is measured (first and all of them), in seconds and in intervals.

Bounded: with the defaults (5,000 endpoints, 30 s, 2 rounds) the run takes about 3 minutes; the wait for the dead
endpoints ends after 3 intervals + 15 s at the latest. Every sipp process is killed in `finally` (also on Ctrl-C
or SIGTERM). Traffic stays on 127.0.0.1.

    .venv/bin/python bench/sip_monitor_bench.py [--endpoints 5000] [--interval 30] [--rounds 2] [--responders 10]
    .venv/bin/python bench/sip_monitor_bench.py --interval 5    # a quick functional check (~35 s)

The flag target cannot be met below an interval of about 25 s: two probe timeouts (5 s each) and the re-check
delay (5 s) do not shrink with the interval (docs/decisions/0003-sip-monitor-design.md).
"""

from __future__ import annotations

import argparse
import cProfile
import ctypes
import os
import pstats
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.events import EventBus
from app.sip import (
    EndpointStateChanged,
    MonitorTarget,
    Outgoing,
    SipClient,
    SipMonitor,
    SipUri,
    TimerSettings,
)
from app.sip.uri import NameAddress

BENCH_DIR = Path(__file__).resolve().parent
SCENARIO = BENCH_DIR / "sipp" / "uas_options.xml"
HOST = "127.0.0.1"  # loopback only
RESPONDER_USER_AGENT = "sipp-bench-responder"
TARGET_CPU_PERCENT = 10.0
TARGET_FLAG_INTERVALS = 2.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PR_SET_PDEATHSIG = 1  # linux/prctl.h


def require_tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise SystemExit(f"{name} is missing: install it with `apt-get install {package}`")
    return path


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def die_with_parent() -> None:
    """In the sipp child before exec: get SIGKILL if this bench dies without reaching its `finally`."""
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def stat_cpu_seconds(stat_path: str) -> float:
    """utime + stime of a process or thread from its /proc stat file."""
    with open(stat_path) as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


class Responders:
    """K sipp UAS processes answering OPTIONS, one loopback port each; children of this process."""

    def __init__(self, sipp: str, workdir: Path, interval: float) -> None:
        self.sipp = sipp
        self.workdir = workdir
        self.interval = interval
        self.ports: list[int] = []
        self.processes: list[subprocess.Popen] = []

    def start(self, count: int) -> None:
        for _ in range(count):
            port = free_udp_port()
            # Screens go to /dev/null; no -trace_* options, so sipp writes no log files.
            command = [self.sipp, "-sf", str(SCENARIO), "-i", HOST, "-p", str(port), "-t", "u1", "-nostdin"]
            command += ["-buff_size", "4194304", "-max_recv_loops", "10000"]
            self.processes.append(
                subprocess.Popen(
                    command,
                    cwd=self.workdir,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    preexec_fn=die_with_parent,  # noqa: PLW1509 (started before any other thread)
                )
            )
            self.ports.append(port)
        self.wait_ready()

    def wait_ready(self, deadline_s: float = 15.0) -> None:
        """Every responder answers one OPTIONS (polled with a deadline)."""
        deadline = time.monotonic() + deadline_s
        pending = set(range(len(self.ports)))
        timers = TimerSettings(t1=0.1, t2=0.2, timeout=0.5)
        with SipClient(timers=timers) as client:
            while pending and time.monotonic() < deadline:
                for k, process in enumerate(self.processes):
                    if process.poll() is not None:
                        raise SystemExit(
                            f"sipp responder on port {self.ports[k]} exited with {process.returncode}"
                        )
                order = sorted(pending)
                uris = [SipUri(HOST, "ready", self.ports[k]) for k in order]
                outgoings = [
                    Outgoing("OPTIONS", uri, NameAddress(SipUri(HOST, "bench")), NameAddress(uri))
                    for uri in uris
                ]
                for k, result in zip(order, client.run(outgoings, max_outstanding=64), strict=True):
                    if result.response is not None and result.response.status == 200:
                        pending.discard(k)
        if pending:
            raise SystemExit(f"sipp responders on ports {[self.ports[k] for k in pending]} did not answer")

    def kill(self, k: int) -> None:
        self.processes[k].kill()
        self.processes[k].wait(5)

    def cpu_seconds(self) -> float:
        total = 0.0
        for process in self.processes:
            if process.poll() is None:
                try:
                    total += stat_cpu_seconds(f"/proc/{process.pid}/stat")
                except OSError:
                    pass
        return total

    def close(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.kill()
        for process in self.processes:
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                print(f"sipp pid {process.pid} did not exit after SIGKILL", file=sys.stderr)


@dataclass(frozen=True)
class ClientRun:
    """One SipClient.run() of the monitor: a polling round, or a re-check of the suspects between rounds."""

    started: float
    ended: float
    requests: int
    answered: int

    @property
    def seconds(self) -> float:
        return self.ended - self.started

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.seconds if self.seconds > 0 else float("inf")


class TimedClient(SipClient):
    """The real client, recording when each run() started and ended (and optionally profiling it)."""

    def __init__(self, log: list[ClientRun], profiler: cProfile.Profile | None, **kwargs) -> None:
        super().__init__(**kwargs)
        self._log = log
        self._profiler = profiler

    def run(self, outgoings: Sequence[Outgoing], *args, **kwargs):
        started = time.monotonic()
        if self._profiler is not None:
            self._profiler.enable()
        try:
            results = super().run(outgoings, *args, **kwargs)
        finally:
            if self._profiler is not None:
                self._profiler.disable()
        answered = sum(1 for r in results if r.response is not None)
        self._log.append(ClientRun(started, time.monotonic(), len(outgoings), answered))
        return results


class ChangeRecorder:
    """Bus subscriber: the monotonic time of every change, per target. Called on the monitor thread."""

    def __init__(self) -> None:
        self.changes: list[tuple[float, EndpointStateChanged]] = []
        self.condition = threading.Condition()

    def __call__(self, event: EndpointStateChanged) -> None:
        with self.condition:
            self.changes.append((time.monotonic(), event))
            self.condition.notify_all()

    def wait_until(self, predicate, deadline: float) -> bool:
        with self.condition:
            return self.condition.wait_for(predicate, max(0.0, deadline - time.monotonic()))

    def since(self, moment: float) -> list[tuple[float, EndpointStateChanged]]:
        with self.condition:
            return [(at, e) for at, e in self.changes if at >= moment]


def wait_for_rounds(monitor: SipMonitor, rounds: int, deadline: float) -> bool:
    while monitor.rounds < rounds:
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)  # a bench polling a counter with a deadline
    return True


def monitor_thread_cpu_path() -> str:
    [thread] = [t for t in threading.enumerate() if t.name == "sip-monitor"]
    return f"/proc/self/task/{thread.native_id}/stat"


@dataclass(frozen=True)
class SteadyState:
    window: float
    process_cpu: float
    thread_cpu: float
    sipp_cpu: float
    runs: list[ClientRun]
    changes: int


def measure_steady_state(
    monitor: SipMonitor, recorder: ChangeRecorder, runs: list[ClientRun], responders: Responders, rounds: int
) -> SteadyState:
    """CPU from the end of one round to the end of the round `rounds` later: whole cycles (wait + round)."""
    cycle_bound = monitor.interval * (1 + monitor.jitter) + 60  # a round of 5,000 live targets takes ~1 s
    start = time.monotonic()
    first_round = monitor.rounds
    cpu_path = monitor_thread_cpu_path()
    process0, thread0, sipp0 = time.process_time(), stat_cpu_seconds(cpu_path), responders.cpu_seconds()
    if not wait_for_rounds(monitor, first_round + rounds, start + rounds * cycle_bound):
        raise SystemExit(f"the monitor did not finish {rounds} more rounds in time")
    end = time.monotonic()
    return SteadyState(
        window=end - start,
        process_cpu=time.process_time() - process0,
        thread_cpu=stat_cpu_seconds(cpu_path) - thread0,
        sipp_cpu=responders.cpu_seconds() - sipp0,
        runs=[r for r in runs if start <= r.started < end],
        changes=len(recorder.since(start)),
    )


@dataclass(frozen=True)
class DeadFlagging:
    port: int
    dead: int
    down_after: list[float]  # seconds from the kill to each reachable=False of a killed endpoint, sorted
    false_alarms: int  # changes published for endpoints of the responders still alive
    waited: float
    runs: list[ClientRun]


def measure_dead_flagging(
    responders: Responders, victim: int, dead_ids: set[str], recorder: ChangeRecorder, runs: list[ClientRun]
) -> DeadFlagging:
    """Kill one responder now and wait (bounded) until the monitor has flagged all of its endpoints."""
    interval = responders.interval
    responders.kill(victim)
    killed_at = time.monotonic()

    def all_flagged() -> bool:
        down = {e.target_id for at, e in recorder.changes if at >= killed_at and not e.reachable}
        return dead_ids <= down

    recorder.wait_until(all_flagged, killed_at + 3 * interval + 15)
    waited = time.monotonic() - killed_at
    after = recorder.since(killed_at)
    return DeadFlagging(
        port=responders.ports[victim],
        dead=len(dead_ids),
        down_after=sorted(at - killed_at for at, e in after if not e.reachable and e.target_id in dead_ids),
        false_alarms=sum(1 for _, e in after if e.target_id not in dead_ids),
        waited=waited,
        runs=[r for r in runs if r.started >= killed_at],
    )


def runs_summary(runs: list[ClientRun]) -> str:
    if not runs:
        return "-"
    return ", ".join(
        f"{r.requests} in {r.seconds:.2f} s ({r.requests_per_second:,.0f}/s, {r.answered} answered)"
        for r in runs
    )


def report(
    args: argparse.Namespace, monitor: SipMonitor, first: ClientRun, steady: SteadyState, dead: DeadFlagging
) -> bool:
    """Print the table of figures; True when both targets are met and nothing was flagged wrongly."""
    cpu_percent = 100 * steady.process_cpu / steady.window
    all_flagged = len(dead.down_after) == dead.dead
    last = dead.down_after[-1] if all_flagged else None
    cpu_ok = cpu_percent <= TARGET_CPU_PERCENT
    flag_ok = last is not None and last <= TARGET_FLAG_INTERVALS * args.interval

    def when(value: float | None) -> str:
        if value is None:
            return f"not within {dead.waited:.0f} s"
        return f"{value:.1f} s = {value / args.interval:.2f} intervals"

    rows = [
        ("endpoints", f"{args.endpoints} on {args.responders} sipp responders (UDP, 127.0.0.1)"),
        ("interval / jitter", f"{args.interval:g} s / +-{monitor.jitter:.0%}"),
        ("outstanding cap / probe timeout", f"{monitor.max_outstanding} / {monitor.probe_timeout:g} s"),
        ("first round", runs_summary([first])),
        ("CPU window", f"{steady.window:.1f} s = {args.rounds} full cycles after round 1"),
        ("CPU, this process", f"{cpu_percent:.2f} % of one core ({steady.process_cpu:.2f} s CPU)"),
        ("CPU, sip-monitor thread", f"{100 * steady.thread_cpu / steady.window:.2f} % of one core"),
        ("CPU, all sipp responders", f"{100 * steady.sipp_cpu / steady.window:.2f} % of one core"),
        ("poll rounds in window", runs_summary(steady.runs)),
        ("changes published in window", f"{steady.changes} (expected 0)"),
        ("killed responder", f"port {dead.port}: {dead.dead} endpoints, right after a round ended"),
        ("client runs after kill", runs_summary(dead.runs)),
        ("time to flag dead: first", when(dead.down_after[0] if dead.down_after else None)),
        ("time to flag dead: all", f"{when(last)} ({len(dead.down_after)}/{dead.dead} flagged)"),
        ("live endpoints flagged (false alarms)", str(dead.false_alarms)),
        ("peak RSS of this process", f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"),
        (f"target CPU <= {TARGET_CPU_PERCENT:g} % of one core", verdict(cpu_ok)),
        (f"target dead flagged within {TARGET_FLAG_INTERVALS:g} intervals", verdict(flag_ok)),
    ]
    width = max(len(name) for name, _ in rows)
    print()
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return cpu_ok and flag_ok and dead.false_alarms == 0 and steady.changes == 0


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--endpoints", type=int, default=5000)
    parser.add_argument("--interval", type=float, default=30.0, help="monitor interval in seconds")
    parser.add_argument("--rounds", type=int, default=2, help="full polling cycles in the CPU window")
    parser.add_argument("--responders", type=int, default=10, help="sipp processes; one of them is killed")
    parser.add_argument("--max-outstanding", type=int, default=None, help="default: the monitor's own")
    parser.add_argument(
        "--profile", type=Path, default=None, help="write cProfile stats of the monitor's rounds"
    )
    args = parser.parse_args(argv)
    if args.responders < 2 or args.endpoints < args.responders:
        parser.error("need at least 2 responders and at least one endpoint per responder")
    if args.rounds < 1 or args.interval <= 0:
        parser.error("--rounds must be >= 1 and --interval > 0")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    sipp = require_tool("sipp", "sip-tester")
    # SIGTERM ends the run like Ctrl-C does, so `finally` kills the sipp children either way.
    signal.signal(signal.SIGTERM, signal.default_int_handler)

    runs: list[ClientRun] = []
    profiler = cProfile.Profile() if args.profile else None
    options = {} if args.max_outstanding is None else {"max_outstanding": args.max_outstanding}
    bus = EventBus()
    recorder = ChangeRecorder()
    bus.subscribe(recorder, EndpointStateChanged)
    monitor = SipMonitor(bus, lambda: TimedClient(runs, profiler), interval=args.interval, **options)

    with tempfile.TemporaryDirectory(prefix="sip-monitor-bench-") as workdir:
        responders = Responders(sipp, Path(workdir), args.interval)
        try:
            responders.start(args.responders)
            owner = {f"ep:{i:05d}": i % args.responders for i in range(args.endpoints)}
            targets = [
                MonitorTarget(target_id, SipUri(HOST, target_id.replace(":", ""), responders.ports[k]))
                for target_id, k in owner.items()
            ]
            print(
                f"{args.endpoints} endpoints on {args.responders} sipp responders (127.0.0.1 ports "
                f"{min(responders.ports)}..{max(responders.ports)}), interval {args.interval:g} s, "
                f"max_outstanding {monitor.max_outstanding}",
                flush=True,
            )
            started = time.monotonic()
            monitor.set_targets(targets)
            monitor.start()

            def all_up() -> bool:  # answered by sipp itself: its Server header came through
                up = {e.target_id for _, e in recorder.changes if e.user_agent == RESPONDER_USER_AGENT}
                return len(up) >= len(targets)

            if not recorder.wait_until(all_up, started + 60) or not wait_for_rounds(monitor, 1, started + 60):
                raise SystemExit("the first round did not report every endpoint reachable within 60 s")
            print(
                f"round 1: all {len(targets)} endpoints up after {time.monotonic() - started:.1f} s",
                flush=True,
            )
            steady = measure_steady_state(monitor, recorder, runs, responders, args.rounds)
            print(f"steady state measured over {steady.window:.1f} s; killing one responder", flush=True)
            victim = 0
            dead = measure_dead_flagging(
                responders, victim, {t for t, k in owner.items() if k == victim}, recorder, runs
            )
        finally:
            monitor.stop()
            if not monitor.join(10):
                print("the sip-monitor thread did not end within 10 s of stop()", file=sys.stderr)
            responders.close()
    if profiler is not None:
        profiler.dump_stats(args.profile)
        pstats.Stats(str(args.profile)).sort_stats("cumulative").print_stats(25)
    return 0 if report(args, monitor, runs[0], steady, dead) else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("interrupted; the sipp responders were stopped", file=sys.stderr)
        sys.exit(130)
