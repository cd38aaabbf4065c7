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
    .venv/bin/python bench/sip_monitor_bench.py --interval 5 --rounds 2      # a quick check (~40 s)
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import signal
import shutil
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
from app.sip import EndpointStateChanged, MonitorTarget, Outgoing, SipClient, SipMonitor, SipUri, TimerSettings
from app.sip.uri import NameAddress

BENCH_DIR = Path(__file__).resolve().parent
SCENARIO = BENCH_DIR / "sipp" / "uas_options.xml"
HOST = "127.0.0.1"  # loopback only
RESPONDER_USER_AGENT = "sipp-bench-responder"
TARGET_CPU_PERCENT = 10.0
TARGET_FLAG_INTERVALS = 2.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def require_tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise SystemExit(f"{name} is missing: install it with `apt-get install {package}`")
    return path


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def stat_cpu_seconds(stat_path: str) -> float:
    """utime + stime of a process or thread from its /proc stat file."""
    with open(stat_path) as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


class Responders:
    """K sipp UAS processes answering OPTIONS, one loopback port each; children of this process."""

    def __init__(self, sipp: str, count: int, workdir: Path) -> None:
        self.ports: list[int] = []
        self.processes: list[subprocess.Popen] = []
        for _ in range(count):
            port = free_udp_port()
            # Screens go to /dev/null; no -trace_* options, so sipp writes no log files.
            command = [
                sipp, "-sf", str(SCENARIO), "-i", HOST, "-p", str(port), "-t", "u1", "-nostdin",
                "-buff_size", "4194304", "-max_recv_loops", "10000",
            ]  # fmt: skip
            self.processes.append(
                subprocess.Popen(
                    command, cwd=workdir, stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                )  # fmt: skip
            )
            self.ports.append(port)

    def wait_ready(self, deadline_s: float = 15.0) -> None:
        """Every responder answers one OPTIONS (polled with a deadline)."""
        deadline = time.monotonic() + deadline_s
        pending = set(range(len(self.ports)))
        timers = TimerSettings(t1=0.1, t2=0.2, timeout=0.5)
        with SipClient(timers=timers) as client:
            while pending and time.monotonic() < deadline:
                for k, process in enumerate(self.processes):
                    if process.poll() is not None:
                        raise SystemExit(f"sipp responder on port {self.ports[k]} exited with {process.returncode}")
                order = sorted(pending)
                outgoings = [
                    Outgoing(
                        "OPTIONS", SipUri(HOST, "ready", self.ports[k]),
                        NameAddress(SipUri(HOST, "bench")), NameAddress(SipUri(HOST, "ready", self.ports[k])),
                    )  # fmt: skip
                    for k in order
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
    """One SipClient.run() of the monitor: a polling round, or a re-check of suspects if the monitor does that."""

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
        time.sleep(0.01)  # a bench polling a counter with a deadline
    return True


def monitor_thread_cpu_path() -> str:
    [thread] = [t for t in threading.enumerate() if t.name == "sip-monitor"]
    return f"/proc/self/task/{thread.native_id}/stat"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--endpoints", type=int, default=5000)
    parser.add_argument("--interval", type=float, default=30.0, help="monitor interval in seconds")
    parser.add_argument("--rounds", type=int, default=2, help="full polling cycles in the CPU window (>= 2)")
    parser.add_argument("--responders", type=int, default=10, help="sipp processes; one of them is killed")
    parser.add_argument("--max-outstanding", type=int, default=None, help="default: the monitor's own")
    parser.add_argument("--profile", type=Path, default=None, help="write cProfile stats of the monitor's rounds")
    args = parser.parse_args(argv)
    if args.endpoints < args.responders or args.responders < 2:
        parser.error("need at least 2 responders and at least one endpoint per responder")
    if args.rounds < 1 or args.interval <= 0:
        parser.error("--rounds must be >= 1 and --interval > 0")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    sipp = require_tool("sipp", "sip-tester")
    # SIGTERM ends the run like Ctrl-C does, so `finally` kills the sipp children either way.
    signal.signal(signal.SIGTERM, signal.default_int_handler)

    client_runs: list[ClientRun] = []
    profiler = cProfile.Profile() if args.profile else None
    monitor_options = {} if args.max_outstanding is None else {"max_outstanding": args.max_outstanding}
    bus = EventBus()
    recorder = ChangeRecorder()
    bus.subscribe(recorder, EndpointStateChanged)
    monitor = SipMonitor(bus, lambda: TimedClient(client_runs, profiler), interval=args.interval, **monitor_options)

    with tempfile.TemporaryDirectory(prefix="sip-monitor-bench-") as workdir:
        responders = Responders(sipp, args.responders, Path(workdir))
        try:
            responders.wait_ready()
            targets = [
                MonitorTarget(f"ep:{i:05d}", SipUri(HOST, f"ep{i:05d}", responders.ports[i % args.responders]))
                for i in range(args.endpoints)
            ]
            owner = {t.target_id: i % args.responders for i, t in enumerate(targets)}
            print(
                f"{args.endpoints} endpoints on {args.responders} sipp responders (127.0.0.1 ports "
                f"{min(responders.ports)}..{max(responders.ports)}), interval {args.interval:g} s, "
                f"jitter {monitor.jitter:g}, max_outstanding {monitor.max_outstanding}",
                flush=True,
            )
            started = time.monotonic()
            monitor.set_targets(targets)
            monitor.start()
            cycle_bound = args.interval * (1 + monitor.jitter) + 60  # a round of 5,000 live targets takes seconds
            all_up = lambda: len({e.target_id for _, e in recorder.changes if e.reachable}) >= len(targets)  # noqa: E731
            if not recorder.wait_until(all_up, started + 60) or not wait_for_rounds(monitor, 1, started + 60):
                raise SystemExit("the first round did not report every endpoint reachable within 60 s")
            first_round = client_runs[0]
            print(f"round 1: all {len(targets)} endpoints up after {time.monotonic() - started:.1f} s", flush=True)

            # CPU window: from the end of round 1 to the end of round 1 + N, i.e. N full cycles (wait + round).
            window_start = time.monotonic()
            cpu_path = monitor_thread_cpu_path()
            process_cpu0, thread_cpu0, sipp_cpu0 = time.process_time(), stat_cpu_seconds(cpu_path), responders.cpu_seconds()
            if not wait_for_rounds(monitor, 1 + args.rounds, window_start + args.rounds * cycle_bound):
                raise SystemExit(f"the monitor did not finish {args.rounds} more rounds in time")
            window_end = time.monotonic()
            process_cpu = time.process_time() - process_cpu0
            thread_cpu = stat_cpu_seconds(cpu_path) - thread_cpu0
            sipp_cpu = responders.cpu_seconds() - sipp_cpu0
            window = window_end - window_start
            steady_changes = recorder.since(window_start)
            steady_runs = [r for r in client_runs if window_start <= r.started < window_end]

            # Kill one responder right after a round ended, then wait for its endpoints to be flagged.
            victim = 0
            dead_ids = {tid for tid, k in owner.items() if k == victim}
            responders.kill(victim)
            killed_at = time.monotonic()
            flag_deadline = killed_at + 3 * args.interval + 15

            def dead_flagged() -> bool:
                down = {e.target_id for at, e in recorder.changes if at >= killed_at and not e.reachable}
                return dead_ids <= down

            recorder.wait_until(dead_flagged, flag_deadline)
            after_kill = recorder.since(killed_at)
            down_times = sorted(at - killed_at for at, e in after_kill if not e.reachable and e.target_id in dead_ids)
            false_alarms = [e for _, e in after_kill if e.target_id not in dead_ids]
            kill_runs = [r for r in client_runs if r.started >= killed_at]
        finally:
            monitor.stop()
            monitor_ended = monitor.join(10)
            responders.close()
    if profiler is not None:
        profiler.dump_stats(args.profile)
        pstats.Stats(str(args.profile)).sort_stats("cumulative").print_stats(25)

    cpu_percent = 100 * process_cpu / window
    all_flagged = len(down_times) == len(dead_ids)
    first_flag = down_times[0] if down_times else None
    all_flag = down_times[-1] if all_flagged else None
    cpu_ok = cpu_percent <= TARGET_CPU_PERCENT
    flag_ok = all_flag is not None and all_flag <= TARGET_FLAG_INTERVALS * args.interval

    def seconds_and_intervals(value: float | None) -> str:
        if value is None:
            return f"not within {flag_deadline - killed_at:.0f} s"
        return f"{value:.1f} s = {value / args.interval:.2f} intervals"

    def runs_summary(runs: list[ClientRun]) -> str:
        if not runs:
            return "-"
        return ", ".join(f"{r.requests} in {r.seconds:.2f} s ({r.requests_per_second:,.0f}/s, {r.answered} answered)" for r in runs)

    rows = [
        ("endpoints", f"{args.endpoints} on {args.responders} sipp responders (UDP, 127.0.0.1)"),
        ("interval / jitter", f"{args.interval:g} s / +-{monitor.jitter:.0%}"),
        ("outstanding cap", str(monitor.max_outstanding)),
        ("first round", f"{first_round.requests} OPTIONS in {first_round.seconds:.2f} s ({first_round.requests_per_second:,.0f}/s)"),
        ("CPU window", f"{window:.1f} s = {args.rounds} full cycles after round 1"),
        ("CPU, this process", f"{cpu_percent:.2f} % of one core ({process_cpu:.2f} s CPU)"),
        ("CPU, sip-monitor thread", f"{100 * thread_cpu / window:.2f} % of one core"),
        ("CPU, all sipp responders", f"{100 * sipp_cpu / window:.2f} % of one core"),
        ("client runs in window", runs_summary(steady_runs)),
        ("changes published in window", f"{len(steady_changes)} (expected 0)"),
        ("killed responder", f"port {responders.ports[victim]}: {len(dead_ids)} endpoints, right after round {1 + args.rounds}"),
        ("client runs after kill", runs_summary(kill_runs)),
        ("time to flag dead: first", seconds_and_intervals(first_flag)),
        ("time to flag dead: all", seconds_and_intervals(all_flag) + f" ({len(down_times)}/{len(dead_ids)} flagged)"),
        ("live endpoints flagged (false alarms)", str(len(false_alarms))),
        ("monitor thread joined", str(monitor_ended)),
        ("target CPU <= 10 % of one core", verdict(cpu_ok)),
        ("target dead flagged within 2 intervals", verdict(flag_ok)),
    ]
    width = max(len(name) for name, _ in rows)
    print()
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0 if cpu_ok and flag_ok and not false_alarms and not steady_changes else 1


if __name__ == "__main__":
    sys.exit(main())
