"""Running a blocking job from the GUI: a progress dialog with Cancel, the job in the task pool,
the outcome delivered on the GUI thread through the bridge. The GUI never waits."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.tasks import Job, TaskFinished, TaskHandle, TaskPool, TaskProgress
from ui.bridge import EventBridge


class TaskRun(QObject):
    """One job with its progress dialog. `finished` carries the TaskFinished event."""

    finished = Signal(object)

    def __init__(self, pool: TaskPool, bridge: EventBridge, job: Job, title: str, label: str,
                 parent: QWidget | None = None, *, show_dialog: bool = True, cancellable: bool = True) -> None:
        super().__init__(parent)
        self.result: Any = None
        self.error: str | None = None
        self.done = False
        self._bridge = bridge
        self.dialog: QProgressDialog | None = None
        if show_dialog:
            self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
            self.dialog.setWindowTitle(title)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(300)  # quick jobs finish without a flashing dialog
            self.dialog.canceled.connect(self.cancel)
            if not cancellable:  # a job that must not stop half-way offers no Cancel
                self.dialog.setCancelButton(None)
        bridge.event_received.connect(self._on_event)
        self.handle: TaskHandle
        self.handle, self.future = pool.submit(job)

    @Slot()
    def cancel(self) -> None:
        self.handle.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Cancelling ..."))

    @Slot(object)
    def _on_event(self, event: object) -> None:
        if isinstance(event, TaskProgress) and event.task_id == self.handle.task_id and self.dialog is not None:
            self.dialog.setMaximum(event.total)
            self.dialog.setValue(min(event.done, event.total) if event.total else 0)
            if event.message:
                self.dialog.setLabelText(event.message)
        elif isinstance(event, TaskFinished) and event.task_id == self.handle.task_id:
            self._bridge.event_received.disconnect(self._on_event)
            self.result, self.error, self.done = event.result, event.error, True
            if self.dialog is not None:
                self.dialog.reset()
                self.dialog.hide()
            self.finished.emit(event)
