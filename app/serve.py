"""Headless mode: provisioning server and registration monitor without GUI until SIGINT or SIGTERM."""
from __future__ import annotations

import signal
import sys
import threading

from app.context import AppContext
from app.monitoring import MonitorService
from app.provisioning.server import ServerStartError
from app.serving import ProvisioningService


def serve_forever(ctx: AppContext, *, port: int | None = None, bind: str | None = None) -> int:
    try:
        service = ProvisioningService(ctx, port=port, bind=bind)
        service.start()
    except (ServerStartError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    monitor = MonitorService(ctx)
    monitor.start()
    stop = threading.Event()

    def request_stop(signum: int, _frame: object) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    print(f"registration monitor polling every {monitor.interval:.0f} s", file=sys.stderr, flush=True)
    print(f"serving configurations at {service.server.url}/<access key>.cfg "
          f"(links use {ctx.base_url()}); stop with Ctrl+C", flush=True)
    if service.certificate is not None:
        print(f"certificate SHA-256 {service.certificate.fingerprint_sha256}, valid until "
              f"{service.certificate.not_after:%Y-%m-%d}; devices trust {service.certificate.ca_path}", flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        monitor.stop()
        service.stop()
        clean = all([monitor.join(10), service.join(10)])
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print("stopped" if clean else "stopped (a worker did not end in time)", flush=True)
    return 0 if clean else 1
