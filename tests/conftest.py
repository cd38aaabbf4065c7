"""Shared fixtures. Qt runs offscreen unless QT_QPA_PLATFORM says otherwise."""
from __future__ import annotations

import logging
import os
import shutil
import threading
import time
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
    """An unexpected ERROR log record fails the test (expected ones: assert, then `caplog.clear()`)."""
    caplog.set_level(logging.INFO)
    yield
    noisy = [r for r in caplog.get_records("call") if r.levelno >= logging.ERROR]
    if noisy:
        pytest.fail("unexpected log record: " + "; ".join(f"{r.levelname} {r.name}: {r.getMessage()}"
                                                      for r in noisy), pytrace=False)


def _live_threads() -> set[threading.Thread]:
    # Qt's own threads enter Python as _DummyThread objects that nobody can join: not ours to check.
    return {t for t in threading.enumerate() if t.is_alive() and not isinstance(t, threading._DummyThread)}


@pytest.fixture(autouse=True)
def _fail_on_leaked_threads(request: pytest.FixtureRequest):
    """A thread a test started must be stopped and joined by the end of its teardown.

    This fixture is set up first and torn down last, so the test's own fixtures have already
    stopped their threads when it looks. Threads of module- or session-scoped fixtures live on
    by design; such a fixture registers them with `keep_threads_alive`.
    """
    before = _live_threads()
    yield
    deadline = time.monotonic() + 2.0
    leaked = _live_threads() - before - _KEPT_THREADS
    while leaked and time.monotonic() < deadline:
        # a thread that was told to stop may need a moment to leave its run(); wait on it, not blindly
        for thread in leaked:
            thread.join(max(0.0, deadline - time.monotonic()))
        leaked = _live_threads() - before - _KEPT_THREADS
    if leaked:
        pytest.fail("thread(s) left running: " + ", ".join(sorted(t.name for t in leaked))
                    + " (stop() and join() them in the test's teardown)", pytrace=False)


_KEPT_THREADS: set[threading.Thread] = set()


def keep_threads_alive(threads) -> None:
    """For module- and session-scoped fixtures whose threads outlive one test on purpose."""
    _KEPT_THREADS.update(threads)


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
