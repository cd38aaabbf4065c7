"""The provisioning server's state for the status bar: its URL and whether it runs, from its events."""
from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.provisioning.events import ServerStateChanged
from ui.bridge import EventBridge
from ui.status.dot import DotState, StateDot


class ServerStatusWidget(QWidget):
    """Shows 'Provisioning: running at <url>' / 'stopped' / 'error'; the tooltip has the whole message."""


    def __init__(self, bridge: EventBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverStatus")
        self.last_event: ServerStateChanged | None = None
        self.dot = StateDot(self)
        self.label = QLabel(self)
        self.label.setObjectName("serverStatusText")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.dot)
        layout.addWidget(self.label)
        self._show_not_started()
        bridge.event_received.connect(self._on_event)

    @property
    def state(self) -> str:
        """'not started', 'running', 'stopped' or 'error' (for tests and the main window)."""
        event = self.last_event
        if event is None:
            return "not started"
        if event.running:
            return "running"
        return "error" if event.error else "stopped"

    def _show_not_started(self) -> None:
        self.dot.set_state(DotState.OFF)
        self.label.setText(self.tr("Provisioning: not started"))
        self.setToolTip(self.tr("The provisioning server, from which the devices load their configuration, "
                                "has not been started yet."))

    @Slot(object)
    def _on_event(self, event: object) -> None:
        if isinstance(event, ServerStateChanged):
            self.show_state(event)

    def show_state(self, event: ServerStateChanged) -> None:
        """Show a state; also for the main window to seed it when the server started before this widget."""
        self.last_event = event
        at = event.at.astimezone().strftime("%H:%M:%S")
        if event.running and event.warning:
            self.dot.set_state(DotState.WARNING)
            self.label.setText(self.tr("Provisioning: running at %1 (warning)").replace("%1", event.url))
            tip = self.tr("Running since %1 at %2.\n\nWarning: %3")
            self.setToolTip(tip.replace("%1", at).replace("%2", event.url).replace("%3", event.warning))
        elif event.running:
            self.dot.set_state(DotState.OK)
            self.label.setText(self.tr("Provisioning: running at %1").replace("%1", event.url))
            tip = self.tr("The devices load their configuration from %1 (running since %2).")
            self.setToolTip(tip.replace("%1", event.url).replace("%2", at))
        elif event.error:
            self.dot.set_state(DotState.ERROR)
            self.label.setText(self.tr("Provisioning: error"))
            tip = self.tr("The provisioning server at %1 is not running (since %2):\n%3")
            self.setToolTip(tip.replace("%1", event.url).replace("%2", at).replace("%3", event.error))
        else:
            self.dot.set_state(DotState.OFF)
            self.label.setText(self.tr("Provisioning: stopped"))
            tip = self.tr("The provisioning server at %1 was stopped at %2; devices cannot load configurations.")
            self.setToolTip(tip.replace("%1", event.url).replace("%2", at))
        self.label.setToolTip(self.toolTip())
