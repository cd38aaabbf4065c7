import threading

from app.events import EventBus
from app.tasks import TaskFinished, TaskPool, TaskProgress
from tests.conftest import wait_for


def test_jobs_run_off_the_caller_thread_report_progress_and_finish():
    bus = EventBus()
    events = []
    bus.subscribe(events.append)
    pool = TaskPool(bus)
    caller = threading.current_thread()

    def job(task):
        assert threading.current_thread() is not caller
        for i in range(3):
            task.progress(i + 1, 3, f"step {i + 1}")
        return "done"

    handle, future = pool.submit(job)
    assert future.result(5) == "done"
    wait_for(lambda: any(isinstance(e, TaskFinished) for e in events))
    assert [e.done for e in events if isinstance(e, TaskProgress)] == [1, 2, 3]
    finished = next(e for e in events if isinstance(e, TaskFinished))
    assert (finished.task_id, finished.result, finished.error) == (handle.task_id, "done", None)
    pool.stop()
    assert pool.join(5)


def test_cancel_and_user_errors_are_reported():
    bus = EventBus()
    events = []
    bus.subscribe(events.append, TaskFinished)
    pool = TaskPool(bus)
    started = threading.Event()

    def long_job(task):
        started.set()
        while not task.cancelled:
            task._cancel.wait(0.01)
        return "stopped early"

    handle, future = pool.submit(long_job)
    started.wait(5)
    handle.cancel()
    assert future.result(5) == "stopped early"

    def bad_job(task):
        raise ValueError("MAC: 'zz' is not a hex digit")

    _, failing = pool.submit(bad_job)
    assert isinstance(failing.exception(5), ValueError)
    wait_for(lambda: len(events) == 2)
    assert events[0].cancelled and events[1].error == "MAC: 'zz' is not a hex digit"
    pool.stop()
    assert pool.join(5)


def test_a_job_submitted_after_stop_is_not_run(ctx):
    pool = TaskPool(ctx.bus)
    pool.stop()
    ran = []
    handle, future = pool.submit(lambda task: ran.append(task))
    assert handle.cancelled and future.cancelled() and ran == []
    assert pool.join(5)
