"""Headless mode: provisioning server and registration monitor without GUI until SIGINT or SIGTERM."""
from __future__ import annotations

import dataclasses
import signal
import sys
import threading

from app.background import BackgroundServices
from app.context import AppContext


def apply_overrides(ctx: AppContext, *, port: int | None = None, bind: str | None = None) -> None:
    """`serve --port/--bind` for this run only (not saved): the links in the served configs carry the port."""
    # port 0 asks the system for a free port (tests, ad-hoc runs): links keep the settings' port then
    changes = {k: v for k, v in (("port", port or None), ("bind_address", bind)) if v is not None}
    if changes:
        ctx.settings = dataclasses.replace(ctx.settings, **changes).validated()  # type: ignore[arg-type]


def serve_forever(ctx: AppContext, *, port: int | None = None, bind: str | None = None) -> int:
    apply_overrides(ctx, port=port, bind=bind)
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
    for finding in ctx.link_findings():
        print(f"warning: public host: {finding.message}", file=sys.stderr, flush=True)
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
