"""The workstation's background services: the provisioning server and the registration monitor.

Owned by the console's main window (GUI) or by `serve` (headless). Starting never raises for the
expected troubles (port in use, bad certificate, bad bind address): the provisioning server then
reports `ServerStateChanged(running=False, error=...)` on the bus and the console keeps working,
so an installer can fix the setting and restart the server from the Settings tab.
"""
from __future__ import annotations

import logging
import threading

from app.context import AppContext
from app.monitoring import MonitorService
from app.provisioning.events import ServerStateChanged
from app.provisioning.server import ServerStartError
from app.serving import ProvisioningService

log = logging.getLogger(__name__)


class BackgroundServices:
    def __init__(self, ctx: AppContext, *, port: int | None = None, bind: str | None = None,
                 monitor: bool = True) -> None:
        self.ctx = ctx
        self._port, self._bind = port, bind
        self.provisioning: ProvisioningService | None = None
        self.monitor: MonitorService | None = MonitorService(ctx) if monitor else None
        self.error: str | None = None
        # restarts run in the task pool: the lock keeps one from racing stop() (no thread left behind)
        self._lock = threading.Lock()
        self._stopped = False

    def start(self) -> str | None:
        """Start both; returns why the provisioning server could not start (None when it runs)."""
        self.error = self._start_provisioning()
        if self.monitor is not None:
            self.monitor.start()
        return self.error

    def _start_provisioning(self) -> str | None:
        try:
            service = ProvisioningService(self.ctx, port=self._port, bind=self._bind)
            service.start()
        except (ServerStartError, ValueError, OSError) as exc:
            # the server publishes its own start errors; a certificate or settings error happens
            # before it exists, so publish that one here for the status bar
            if not isinstance(exc, ServerStartError):
                self.ctx.bus.publish(ServerStateChanged(running=False, url=self.ctx.base_url(), error=str(exc)))
            log.warning("the provisioning server did not start: %s", exc)
            return str(exc)
        self.provisioning = service
        return None

    def restart_provisioning(self, timeout: float = 10.0) -> str | None:
        """After a change of port, bind address or certificate: stop the server and start it anew."""
        with self._lock:
            if self._stopped:
                return self.error
            if self.provisioning is not None:
                self.provisioning.stop()
                self.provisioning.join(timeout)
                self.provisioning = None
            self.error = self._start_provisioning()
            return self.error

    def restart_monitor(self, timeout: float = 10.0) -> None:
        """After a new monitor interval or SIP bind address: a new monitor with the current settings."""
        with self._lock:
            if self.monitor is None or self._stopped:
                return
            self.monitor.stop()
            self.monitor.join(timeout)
            self.monitor = MonitorService(self.ctx)
            self.monitor.start()

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            if self.monitor is not None:
                self.monitor.stop()
            if self.provisioning is not None:
                self.provisioning.stop()

    def join(self, timeout: float | None = None) -> bool:
        done = [self.monitor.join(timeout)] if self.monitor is not None else []
        if self.provisioning is not None:
            done.append(self.provisioning.join(timeout))
        return all(done)
