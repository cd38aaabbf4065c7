"""The one application context: settings, database, catalog, bus and services, built once."""
from __future__ import annotations

import functools
import socket
from dataclasses import dataclass, field
from pathlib import Path

from app.catalog import Catalog, load_catalog
from app.db import Database
from app.events import EventBus
from app.links import (
    AddressFinder,
    LinkFinding,
    Resolver,
    default_route_address,
    link_host_findings,
    resolve_host,
)
from app.paths import default_db_url
from app.services.base import ServiceContext
from app.services.configs import ConfigService
from app.services.devices import DeviceService
from app.services.dto import Actor
from app.services.keys import KeyService
from app.services.lines import LineService
from app.services.logs import LogService
from app.services.pbx import PbxService
from app.services.users import UserService
from app.settings import SETTINGS_FILE, Settings, load_settings, save_settings

# The CLI acts as the local operator: whoever can open the database file holds every right anyway.
CLI_ACTOR = Actor(username="cli", role="provider")


@functools.cache
def local_host_name() -> str:
    """This computer's name, asked once: getfqdn() may wait for DNS, and every device link uses it."""
    return socket.getfqdn() or "localhost"


def link_base(public_host: str, port: int | str, tls: bool) -> str:
    """The start of every device link, e.g. https://prov.example.net:8448/ (the Settings tab previews it)."""
    host = public_host or local_host_name()
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"{'https' if tls else 'http'}://{host}:{port}/"


@dataclass
class AppContext:
    data_dir: Path
    settings: Settings
    db: Database
    catalog: Catalog
    bus: EventBus = field(default_factory=EventBus)

    def __post_init__(self) -> None:
        services = ServiceContext(db=self.db, catalog=self.catalog, bus=self.bus, base_url=self.base_url)
        self.pbx = PbxService(services)
        self.lines = LineService(services)
        self.devices = DeviceService(services)
        self.keys = KeyService(services)
        self.users = UserService(services)
        self.configs = ConfigService(services)
        self.logs = LogService(services)

    def base_url(self) -> str:
        return link_base(self.settings.public_host, self.settings.port, self.settings.tls)

    def link_findings(self, resolve: Resolver = resolve_host) -> list[LinkFinding]:
        """What keeps phones from using the device links (loopback, unresolved, not in the served certificate).
        May wait for DNS: call it off the GUI thread."""
        from app.provisioning.certificates import served_certificate

        cert = served_certificate(self.data_dir) if self.settings.tls else None
        host = self.settings.public_host or local_host_name()
        return link_host_findings(host, resolve=resolve,
                                  certificate=(cert.dns_names, cert.ip_addresses) if cert is not None else None)

    def update_settings(self, settings: Settings) -> None:
        save_settings(self.data_dir, settings)
        self.settings = settings

    def close(self) -> None:
        self.db.dispose()


def build_context(data_dir: Path, db_url: str | None = None, catalog_root: Path | None = None,
                  find_address: AddressFinder = default_route_address) -> AppContext:
    data_dir.mkdir(parents=True, exist_ok=True)
    first_start = not (data_dir / SETTINGS_FILE).exists()
    settings = load_settings(data_dir)
    if first_start:
        # never hand out a loopback host silently: the address of the default-route interface, stored
        address = find_address()
        if address:
            settings = settings.with_changes(public_host=address)
        save_settings(data_dir, settings)
    db = Database(db_url or default_db_url(data_dir))
    return AppContext(data_dir=data_dir, settings=settings, db=db, catalog=load_catalog(catalog_root))
