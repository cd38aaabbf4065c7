import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from app.tasks import TaskPool
from ui.bridge import EventBridge
from ui.tasks import TaskRun


def test_a_job_runs_off_the_gui_thread_with_progress_and_its_result_arrives_on_it(qtbot, ctx):
    parent = QWidget()
    qtbot.addWidget(parent)
    bridge = EventBridge(ctx.bus)
    pool = TaskPool(ctx.bus)
    gui_thread = threading.current_thread()
    go = threading.Event()

    def job(task):
        assert threading.current_thread() is not gui_thread
        task.progress(1, 2, "half way")
        go.wait(5)
        task.progress(2, 2, "done")
        return 42

    run = TaskRun(pool, bridge, job, "Working", "Starting ...", parent)
    qtbot.waitUntil(lambda: run.dialog.labelText() == "half way", timeout=5000)
    assert run.dialog.maximum() == 2 and not run.done
    with qtbot.waitSignal(run.finished, timeout=5000) as blocker:
        go.set()
    assert blocker.args[0].result == 42 and run.result == 42 and run.error is None
    assert not run.dialog.isVisible()
    pool.stop()
    bridge.close()
    assert pool.join(5)


def test_cancel_from_the_dialog_reaches_the_job(qtbot, ctx):
    parent = QWidget()
    qtbot.addWidget(parent)
    bridge = EventBridge(ctx.bus)
    pool = TaskPool(ctx.bus)

    def job(task):
        while not task.cancelled:
            task._cancel.wait(0.01)
        return "cancelled"

    try:
        run = TaskRun(pool, bridge, job, "Working", "Waiting ...", parent)
        qtbot.waitUntil(run.dialog.isVisible, timeout=5000)  # shown after its minimum duration
        button = run.dialog.findChild(QPushButton)
        with qtbot.waitSignal(run.finished, timeout=5000) as blocker:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert blocker.args[0].cancelled and run.result == "cancelled"
    finally:
        pool.stop()  # cancels the job even when an assertion failed, so no thread outlives the test
        bridge.close()
    assert pool.join(5)


def test_a_job_that_must_not_stop_half_way_offers_no_cancel(qtbot, ctx):
    parent = QWidget()
    qtbot.addWidget(parent)
    bridge = EventBridge(ctx.bus)
    pool = TaskPool(ctx.bus)
    go = threading.Event()
    try:
        run = TaskRun(pool, bridge, lambda task: go.wait(5), "Demo", "Creating ...", parent, cancellable=False)
        qtbot.waitUntil(run.dialog.isVisible, timeout=5000)
        assert [b for b in run.dialog.findChildren(QPushButton) if b.isVisible()] == []
        with qtbot.waitSignal(run.finished, timeout=5000):
            go.set()
        assert run.result is True and not run.handle.cancelled
    finally:
        go.set()
        pool.stop()
        bridge.close()
        assert pool.join(5)
