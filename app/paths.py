"""Where the console keeps its data: the user's data directory unless told otherwise."""
from __future__ import annotations

import os
from pathlib import Path

APP_DIR_NAME = "voip-device-console"


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_DIR_NAME


def default_db_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / 'console.db'}"
