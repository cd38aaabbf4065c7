"""Headless mode: provisioning server and registration monitor without GUI until SIGINT or SIGTERM."""
from __future__ import annotations

import signal
import sys
import threading

from app.background import BackgroundServices
from app.context import AppContext


def serve_forever(ctx: AppContext, *, port: int | None = None, bind: str | None = None) -> int:
    background = BackgroundServices(ctx, port=port, bind=bind)
    error = background.start()
    service = background.provisioning
    if error is not None or service is None:
        background.stop()
        background.join(10)
        print(f"error: {error}", file=sys.stderr)
        return 2
    stop = threading.Event()

    def request_stop(signum: int, _frame: object) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    if background.monitor is not None:
        print(f"registration monitor polling every {background.monitor.interval:.0f} s", file=sys.stderr, flush=True)
    print(f"serving configurations at {service.server.url}/<access key>.cfg "
          f"(links use {ctx.base_url()}); stop with Ctrl+C", flush=True)
    if service.certificate is not None:
        print(f"certificate SHA-256 {service.certificate.fingerprint_sha256}, valid until "
              f"{service.certificate.not_after:%Y-%m-%d}; devices trust {service.certificate.ca_path}", flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        background.stop()
        clean = background.join(10)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print("stopped" if clean else "stopped (a worker did not end in time)", flush=True)
    return 0 if clean else 1
