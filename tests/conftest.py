"""Shared fixtures. Qt runs offscreen unless QT_QPA_PLATFORM says otherwise."""
from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]


def require_tool(name: str) -> str:
    """The path of an external program; a missing one fails the test (CI installs them all)."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed; run the README's test command, which installs it.", pytrace=False)
    return path


@pytest.fixture(autouse=True)
def _fail_on_error_logs(caplog: pytest.LogCaptureFixture):
    """An unexpected ERROR log record fails the test (expected ones: clear caplog in the test)."""
    caplog.set_level(logging.INFO)
    yield
    errors = [r for r in caplog.get_records("call") if r.levelno >= logging.ERROR]
    if errors:
        pytest.fail("unexpected error log: " + "; ".join(r.getMessage() for r in errors), pytrace=False)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def ctx(data_dir: Path):
    from app.context import build_context

    context = build_context(data_dir)
    context.update_settings(context.settings.with_changes(public_host="prov.test.example",
                                                          sip_bind_address="127.0.0.1"))
    yield context
    context.close()


def wait_for(condition, timeout: float = 5.0, interval: float = 0.02, message: str = "condition"):
    """Poll `condition` until it returns a truthy value (returned) or fail after `timeout` seconds."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {message}", pytrace=False)
        time.sleep(interval)
