"""Import of N lines with one device each, while a second program keeps writing to the same database.

Prints: total seconds, rows/s, and the longest time the other writer waited for the write lock (and how often
it gave up with "database is locked"). Usage: .venv/bin/python bench/import_bench.py [--rows 10000]"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

WRITER = r"""
import sqlite3, sys, time, pathlib
db, stop = sys.argv[1], pathlib.Path(sys.argv[2])
conn = sqlite3.connect(db, timeout=5.0, isolation_level=None)
longest, busy, n = 0.0, 0, 0
while not stop.exists():
    t0 = time.monotonic()
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE change_counter SET value = value + 1 WHERE id = 1")
        conn.execute("COMMIT")
        n += 1
    except sqlite3.OperationalError:
        busy += 1
    longest = max(longest, time.monotonic() - t0)
    time.sleep(0.02)
print(f"{longest:.3f} {busy} {n}")
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    rows = parser.parse_args().rows
    from app.context import CLI_ACTOR, build_context
    from app.importer import import_lines
    from app.services.pbx import PbxInput

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        ctx = build_context(data)
        pbx = ctx.pbx.create(CLI_ACTOR, PbxInput(name="Bench", sip_domain="sip.bench.example",
                                                 registrar_host="sip.bench.example"))
        csv_path = data / "lines.csv"
        with csv_path.open("w", encoding="utf-8") as f:
            f.write("number,display_name,password,device_type,mac\n")
            for i in range(rows):
                f.write(f"{100000 + i},User {i},Pw-{i:06d}-long-enough,yealink-t46u,02{i:010x}\n")
        stop = data / "stop"
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(data / "console.db"), str(stop)],
                                  stdout=subprocess.PIPE, text=True)
        time.sleep(0.5)
        t0 = time.perf_counter()
        result = import_lines(ctx, CLI_ACTOR, pbx.id, csv_path)
        elapsed = time.perf_counter() - t0
        stop.touch()
        longest, busy, writes = writer.communicate(timeout=30)[0].split()
        ctx.close()
    print(f"rows: {rows} (lines {result.lines_created}, devices {result.devices_created})")
    print(f"total: {elapsed:.2f} s   rows/s: {rows / elapsed:.0f}")
    print(f"other writer: longest wait {float(longest):.3f} s, gave up (busy) {busy} times, {writes} writes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
