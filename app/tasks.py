"""The task pool: blocking jobs (bulk synchronize, imports, certificate generation, registration
state, redirection services) run here, never on the GUI thread.

A job is a function `job(task: TaskHandle) -> result`; it reports progress and checks
`task.cancelled`. Progress and the outcome are published as events on the bus (the GUI bridge
turns them into signals), and are also available from the returned future.
"""
from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from app.events import Event, EventBus

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TaskProgress(Event):
    task_id: int
    done: int
    total: int  # 0: unknown
    message: str = ""


@dataclass(frozen=True)
class TaskFinished(Event):
    task_id: int
    result: Any = None
    error: str | None = None  # a message for the user; None on success
    cancelled: bool = False


class TaskHandle:
    def __init__(self, task_id: int, bus: EventBus) -> None:
        self.task_id = task_id
        self._bus = bus
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def progress(self, done: int, total: int = 0, message: str = "") -> None:
        self._bus.publish(TaskProgress(task_id=self.task_id, done=done, total=total, message=message))


Job = Callable[[TaskHandle], Any]
# errors a job may raise that carry a message meant for the user (validation, permissions, ...)
USER_ERRORS: tuple[type[BaseException], ...] = (ValueError, PermissionError, LookupError, OSError)


_pool_numbers = itertools.count(1)


class TaskPool:
    def __init__(self, bus: EventBus, workers: int = 4) -> None:
        self._bus = bus
        self._prefix = f"task-pool{next(_pool_numbers)}"
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=self._prefix)
        self._ids = itertools.count(1)
        self._handles: dict[int, TaskHandle] = {}
        self._lock = threading.Lock()
        self._stopped = False

    def submit(self, job: Job) -> tuple[TaskHandle, Future[Any]]:
        """After `stop()` (the console is closing) the job is not run: its handle is cancelled and its
        future cancelled, so a late request (a timer of a closing window) cannot raise."""
        handle = TaskHandle(next(self._ids), self._bus)
        with self._lock:
            if self._stopped:
                handle.cancel()
                future: Future[Any] = Future()
                future.cancel()
                return handle, future
            self._handles[handle.task_id] = handle
            return handle, self._executor.submit(self._run, job, handle)

    def _run(self, job: Job, handle: TaskHandle) -> Any:
        try:
            result = job(handle)
        except USER_ERRORS as exc:
            self._bus.publish(TaskFinished(task_id=handle.task_id, error=str(exc), cancelled=handle.cancelled))
            raise
        except Exception as exc:
            log.exception("task %d failed", handle.task_id)
            self._bus.publish(TaskFinished(task_id=handle.task_id, error=f"unexpected error: {exc}",
                                           cancelled=handle.cancelled))
            raise
        finally:
            with self._lock:
                self._handles.pop(handle.task_id, None)
        self._bus.publish(TaskFinished(task_id=handle.task_id, result=result, cancelled=handle.cancelled))
        return result

    def stop(self) -> None:
        """Ask running jobs to stop and accept no new ones."""
        with self._lock:
            self._stopped = True
            for handle in self._handles.values():
                handle.cancel()
            self._executor.shutdown(wait=False, cancel_futures=True)

    def join(self, timeout: float | None = None) -> bool:
        threads = [t for t in threading.enumerate() if t.name.startswith(self._prefix + "_")]
        for thread in threads:
            thread.join(timeout)
        return not any(t.is_alive() for t in threads)
