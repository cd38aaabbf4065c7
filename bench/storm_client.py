"""Storm load generator: every path in a file fetched once, all at the same moment, each on a new TLS connection.

Run as a separate process by provisioning_bench.py (several at once, to use both cores). Loopback only.
Prints one JSON line: {"served": n, "errors": n, "error_kinds": {...}, "last_done": t, "latencies": [...]}.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import ssl
import time
from collections import Counter

LOOPBACK = ("127.0.0.1", "::1", "localhost")


async def fetch(host: str, port: int, path: str, context: ssl.SSLContext, timeout: float) -> float:
    """Fetch one path; return the time it finished. Raises on any failure (a non-200 answer included)."""
    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port, ssl=context), timeout)
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout)
        status = int(head.split(b" ", 2)[1])
        length = next(
            int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")
        )
        await asyncio.wait_for(reader.readexactly(length), timeout)
        if status != 200:
            raise RuntimeError(f"status {status}")
        return time.time()
    finally:
        writer.close()


async def storm(host: str, port: int, paths: list[str], start_at: float, timeout: float) -> dict:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False  # like wrk: the load generator measures throughput, not trust
    context.verify_mode = ssl.CERT_NONE
    await asyncio.sleep(max(0.0, start_at - time.time()))
    results = await asyncio.gather(
        *(fetch(host, port, p, context, timeout) for p in paths), return_exceptions=True
    )
    done = [r for r in results if isinstance(r, float)]
    kinds = Counter(type(r).__name__ for r in results if not isinstance(r, float))
    return {
        "served": len(done),
        "errors": len(results) - len(done),
        "error_kinds": dict(kinds),
        "last_done": max(done) if done else None,
        "latencies": [t - start_at for t in done],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--paths", required=True, help="file with one path per line")
    parser.add_argument("--start-at", type=float, required=True, help="epoch time at which all requests start")
    parser.add_argument("--timeout", type=float, default=20.0)
    args = parser.parse_args()
    if args.host not in LOOPBACK:
        raise SystemExit("the storm client only targets this machine's loopback addresses")
    with open(args.paths, encoding="ascii") as handle:
        paths = [line.strip() for line in handle if line.strip()]
    print(json.dumps(asyncio.run(storm(args.host, args.port, paths, args.start_at, args.timeout))))


if __name__ == "__main__":
    main()
