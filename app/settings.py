"""Console settings: a JSON file in the data directory, validated on load and save."""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from app import validation as v

SETTINGS_FILE = "settings.json"


@dataclass(frozen=True)
class Settings:
    # provisioning server
    bind_address: str = "0.0.0.0"
    port: int = 8448
    public_host: str = ""  # the host name devices use in their link; empty: this machine's name
    tls: bool = True
    min_tls: str = "1.2"
    # SIP: registration state, monitor, NOTIFY
    sip_bind_address: str = "0.0.0.0"
    monitor_interval_s: int = 30
    notify_route: str = "direct"  # "direct" | "exchange"
    registration_source: str = "register"  # "register" (REGISTER without Contact) | "kamailio-rpc"
    kamailio_rpc_url: str = ""
    language: str = "en"

    def validated(self) -> Settings:
        v.host(self.bind_address, "bind address")
        v.port_number(self.port, "provisioning port")
        v.host(self.sip_bind_address, "SIP bind address")
        if self.public_host:
            v.host(self.public_host, "public host")
        if self.min_tls not in ("1.0", "1.1", "1.2", "1.3"):
            raise v.ValidationError("minimum TLS version", f"{self.min_tls!r} is not one of 1.0, 1.1, 1.2, 1.3.")
        if not 5 <= int(self.monitor_interval_s) <= 3600:
            raise v.ValidationError("monitor interval", "use 5 to 3600 seconds.")
        if self.notify_route not in ("direct", "exchange"):
            raise v.ValidationError("NOTIFY route", "choose 'direct' or 'exchange'.")
        if self.registration_source not in ("register", "kamailio-rpc"):
            raise v.ValidationError("registration source", "choose 'register' or 'kamailio-rpc'.")
        if self.kamailio_rpc_url and not self.kamailio_rpc_url.startswith(("http://", "https://")):
            raise v.ValidationError("Kamailio JSON-RPC URL", "use e.g. http://127.0.0.1:5071/RPC.")
        if (self.registration_source == "kamailio-rpc" or self.notify_route == "exchange") and not self.kamailio_rpc_url:
            raise v.ValidationError(
                "Kamailio JSON-RPC URL", "reading registrations from, or sending NOTIFY through, the exchange "
                "needs its JSON-RPC URL, e.g. http://127.0.0.1:5071/RPC.")
        v.language(self.language)
        return self

    def with_changes(self, **changes: object) -> Settings:
        return replace(self, **changes).validated()  # type: ignore[arg-type]


def load_settings(data_dir: Path) -> Settings:
    path = data_dir / SETTINGS_FILE
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise v.ValidationError("settings", f"{path} cannot be read ({exc}); fix or delete the file.") from exc
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise v.ValidationError("settings", f"{path} has unknown entries {unknown}; remove them.")
    return Settings(**raw).validated()


def save_settings(data_dir: Path, settings: Settings) -> None:
    settings.validated()
    data_dir.mkdir(parents=True, exist_ok=True)
    # write-then-rename: a crash never leaves a half-written settings file
    fd, tmp = tempfile.mkstemp(dir=data_dir, prefix=".settings-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(asdict(settings), handle, indent=2, sort_keys=True)
    os.replace(tmp, data_dir / SETTINGS_FILE)
