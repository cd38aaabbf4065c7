"""The provisioning server wired to the database.

- `SnapshotBuilder` renders every device into an immutable `Snapshot`, re-rendering only the
  devices whose (access key, revision) changed since the previous build.
- `SnapshotRefresher` (thread "snapshot-refresher") swaps in a new snapshot at once when this
  process changes data (bus event) and within `poll_interval` when another process does (it
  polls the database's change counter, a single-row read).
- `AccessRecorder` (thread "access-recorder") persists last access, the revision served,
  once->done and the access log from the server's events, off the response path.
"""
from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa

from app.context import AppContext
from app.events import DataChanged, Event
from app.provisioning.certificates import (
    CertificateInfo,
    ensure_server_certificate,
    local_names_and_addresses,
)
from app.provisioning.events import ConfigServed, RequestRefused, RetiredKeyUsed
from app.provisioning.server import ProvisioningServer, ServerSettings
from app.provisioning.snapshot import MAIN_FILE, DeviceEntry, ServedFile, Snapshot
from models.schema import AccessLogEntry, Device, RetiredAccessKey

log = logging.getLogger(__name__)


class SnapshotBuilder:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self._cache: dict[int, tuple[str, int, str, DeviceEntry]] = {}  # id -> (key, revision, base url, entry)
        self._lock = threading.Lock()

    def build(self, *, render: bool = True, publish: Callable[[Snapshot], None] | None = None) -> Snapshot:
        """With `render=False` nothing is rendered: entries whose key changed or whose device is gone are
        dropped and retired keys take effect, while changed revisions keep their previous files until the
        next full build. That part is cheap enough for the thread that made the change.

        Rendering runs outside the lock, so that a change made meanwhile (on the GUI thread) never waits
        for it; its results are kept only where the key is still the device's key. `publish` gets the
        snapshot under the lock, so snapshots reach the server in the order they were built."""
        with self._lock:
            base_url, current, retired = self._read_and_prune()
            stale = [i for i, (key, rev) in current.items()
                     if self._cache.get(i, (None, None, None))[:3] != (key, rev, base_url)]
        rendered = self.ctx.configs.render_many(stale) if render and stale else {}
        with self._lock:
            if rendered:  # keys may have been retired or devices deleted while rendering
                _url, current, retired = self._read_and_prune()
            for device_id, (key, revision, files) in rendered.items():
                if current.get(device_id, (None, None))[0] == key:
                    entry = DeviceEntry(device_id=device_id, revision=revision, files={
                        f.name: ServedFile(f.body, f.content_type) for f in files})
                    self._cache[device_id] = (key, revision, base_url, entry)
            entries = {key: entry for (key, _rev, _url, entry) in self._cache.values()}
            snapshot = Snapshot(entries=entries, retired=retired)
            if publish is not None:
                publish(snapshot)
            return snapshot

    def _read_and_prune(self) -> tuple[str, dict[int, tuple[str, int]], dict[str, int | None]]:
        """Devices' keys and revisions and the retired keys; drops cached entries of changed keys."""
        base_url = self.ctx.base_url()
        with self.ctx.db.session() as s:
            current = {row.id: (row.access_key, row.config_revision)
                       for row in s.execute(sa.select(Device.id, Device.access_key, Device.config_revision))}
            retired = dict(s.execute(sa.select(RetiredAccessKey.key_hash, RetiredAccessKey.device_id)).all())
        for device_id in set(self._cache):
            if device_id not in current or self._cache[device_id][0] != current[device_id][0]:
                del self._cache[device_id]
        return base_url, current, retired


class SnapshotRefresher:
    THREAD_NAME = "snapshot-refresher"

    def __init__(self, ctx: AppContext, server, poll_interval: float = 2.0) -> None:  # type: ignore[no-untyped-def]
        self.ctx, self.server, self.poll_interval = ctx, server, poll_interval
        self.builder = SnapshotBuilder(ctx)
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._seen = -1
        self.current = Snapshot()  # what the server answers from now
        self._unsubscribe = ctx.bus.subscribe(self._on_change, DataChanged)
        self._thread = threading.Thread(target=self._run, name=self.THREAD_NAME, daemon=True)

    def refresh(self, *, render: bool = True) -> Snapshot:
        if render:
            self._seen = self.ctx.db.change_count()
        return self.builder.build(render=render, publish=self._publish)

    def _publish(self, snapshot: Snapshot) -> None:
        self.server.swap(snapshot)
        self.current = snapshot

    def _on_change(self, event: Event) -> None:
        # Runs in the thread that changed the data (possibly the GUI thread): retired and deleted keys
        # stop working before the service call returns; rendering happens on the refresher thread.
        if isinstance(event, DataChanged) and event.what not in ("access", "user"):  # neither changes a config
            self.refresh(render=False)
            self._wake.set()

    def start(self) -> None:
        self.refresh()
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.poll_interval)
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                if self.ctx.db.change_count() != self._seen:
                    self.refresh()
            except Exception:  # a database hiccup must not end refreshing for good
                log.exception("refreshing the provisioning snapshot failed; retrying")

    def stop(self) -> None:
        self._unsubscribe()
        self._stop.set()
        self._wake.set()

    def join(self, timeout: float | None = None) -> bool:
        if self._thread.is_alive():
            self._thread.join(timeout)
        return not self._thread.is_alive()


@dataclass(frozen=True)
class _Stop:
    pass


class AccessRecorder:
    THREAD_NAME = "access-recorder"

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self._queue: queue.SimpleQueue[Event | _Stop] = queue.SimpleQueue()
        self._unsubscribe = ctx.bus.subscribe(self._queue.put)
        self._thread = threading.Thread(target=self._run, name=self.THREAD_NAME, daemon=True)
        self.recorded = 0

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        while True:
            event = self._queue.get()
            if isinstance(event, _Stop):
                return
            batch = [event]
            while True:  # persist what has piled up in one transaction
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if isinstance(more, _Stop):
                    self._persist(batch)
                    return
                batch.append(more)
            self._persist(batch)

    def _persist(self, batch: list[Event]) -> None:
        relevant = [e for e in batch if isinstance(e, (ConfigServed, RequestRefused, RetiredKeyUsed))]
        if not relevant:
            return
        touched: set[int] = set()
        try:
            with self.ctx.db.session() as s:
                for event in relevant:
                    if isinstance(event, ConfigServed):
                        self._served(s, event, touched)
                    elif isinstance(event, RequestRefused):
                        s.add(AccessLogEntry(at=event.at, client_ip=event.client_ip, device_id=None,
                                             status=event.status, reason=str(event.reason), user_agent=""))
                    else:
                        s.add(AccessLogEntry(at=event.at, client_ip=event.client_ip, device_id=event.device_id,
                                             status=404, reason="possible misuse: retired key", user_agent=""))
        except Exception:
            log.exception("recording %d provisioning events failed", len(relevant))
            return
        self.recorded += len(relevant)
        if touched:
            self.ctx.bus.publish(DataChanged(what="access", ids=tuple(sorted(touched))))

    @staticmethod
    def _served(s: sa.orm.Session, event: ConfigServed, touched: set[int]) -> None:
        s.add(AccessLogEntry(at=event.at, client_ip=event.client_ip, device_id=event.device_id, status=200,
                             reason="served" if event.file_name == MAIN_FILE else f"served {event.file_name}",
                             user_agent=event.user_agent[:300]))
        device = s.get(Device, event.device_id)
        if device is None or event.method != "GET":
            return
        touched.add(device.id)
        device.last_access_at = event.at
        device.last_access_ip = event.client_ip
        device.last_access_user_agent = event.user_agent[:300]
        if event.file_name == MAIN_FILE:
            device.served_revision = max(device.served_revision or 0, event.revision)
            if device.served_revision >= device.config_revision:
                device.needs_sync = False
                device.synchronized_at = event.at
            if device.mac_provisioning == "once":
                device.mac_provisioning = "done"

    def stop(self) -> None:
        self._unsubscribe()
        self._queue.put(_Stop())

    def join(self, timeout: float | None = None) -> bool:
        if self._thread.is_alive():
            self._thread.join(timeout)
        return not self._thread.is_alive()


def server_settings(ctx: AppContext, **overrides: object) -> ServerSettings:
    settings = ctx.settings
    values: dict[str, object] = {"bind_address": settings.bind_address, "port": settings.port,
                                 "tls": settings.tls, "min_tls": settings.min_tls,
                                 "advertised_host": settings.public_host or None}
    values.update({k: v for k, v in overrides.items() if v is not None})
    return ServerSettings(**values)  # type: ignore[arg-type]


def current_certificate(ctx: AppContext) -> CertificateInfo:
    """The certificate the server presents; generated (local CA + server certificate) on first use."""
    names, addresses = local_names_and_addresses()
    if ctx.settings.public_host:
        names.append(ctx.settings.public_host)
    return ensure_server_certificate(ctx.data_dir, names, addresses)


class ProvisioningService:
    """Certificate, server, snapshot refresher and access recorder, started and stopped together."""

    def __init__(self, ctx: AppContext, *, port: int | None = None, bind: str | None = None,
                 poll_interval: float = 2.0) -> None:
        self.ctx = ctx
        self.certificate: CertificateInfo | None = None
        settings = server_settings(ctx, port=port, bind_address=bind)
        if settings.tls:
            self.certificate = current_certificate(ctx)
        self.server = ProvisioningServer(settings, self.certificate, ctx.bus, Snapshot())
        self.recorder = AccessRecorder(ctx)
        self.refresher = SnapshotRefresher(ctx, self.server, poll_interval)

    def start(self) -> None:
        """Raises app.provisioning.server.ServerStartError (e.g. PortInUseError) with a readable message."""
        self.recorder.start()
        self.refresher.start()
        try:
            self.server.start()
        except Exception:
            self.stop()
            self.join(5)
            raise

    def stop(self) -> None:
        self.server.stop()
        self.refresher.stop()
        self.recorder.stop()

    def join(self, timeout: float | None = None) -> bool:
        return all([self.server.join(timeout), self.refresher.join(timeout), self.recorder.join(timeout)])

    def serves(self, access_key: str, revision: int | None = None) -> bool:
        """Whether the current snapshot answers this key (at least at `revision`)."""
        entry = self.refresher.current.entries.get(access_key)
        return entry is not None and (revision is None or entry.revision >= revision)
