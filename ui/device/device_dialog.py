"""The dialog that [Details ...] of a telephone opens: tab "Device" (parameters, Last Access, the manual's
procedures) and tab "Keys" (function keys, one sub-tab per expansion module).

SIP work (Synchronize, Restart) runs in the task pool through `session.run`; the result comes back as
a sentence on the Device tab (and on the Keys tab when started there). The dialog follows the data:
a change of its device, or the device fetching its configuration, refreshes what it shows without
touching unsaved input.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from app.events import DataChanged
from app.provisioning.events import ConfigServed
from app.sip.monitor import EndpointStateChanged
from app.sipops import SyncResult
from app.tasks import TaskFinished, TaskHandle
from ui.device.device_form import DeviceForm
from ui.device.manual_configure_dialog import ManualConfigureDialog
from ui.itemmodels.phones_tree_model import local_time_text
from ui.keys.keys_tab import KeysTab
from ui.messages import SERVICE_ERRORS, sentence
from ui.tasks import TaskRun

if TYPE_CHECKING:
    from ui.session import ConsoleSession

SYNC_WAIT_S = 30.0  # how long [Synchronize] waits for the device to fetch its configuration
# DataChanged kinds that can change what the dialog shows about its device
_DEVICE_KINDS = ("device", "access")


class DeviceDialog(QDialog):
    def __init__(self, session: ConsoleSession, device_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deviceDialog")
        self.session, self.device_id = session, device_id
        self.ctx, self.actor = session.ctx, session.actor
        self.device = self.ctx.devices.get(self.actor, device_id)
        self.device_type = self.ctx.catalog.device_type(self.device.type_id)
        self.confirmation: QMessageBox | None = None  # the open question, for keyboard users and tests
        self.sync_run: TaskRun | None = None
        self.restart_run: TaskRun | None = None
        self.child_dialog: QDialog | None = None  # the last dialog opened from here
        self._sync_for_keys = False
        self._close_confirmed = False
        self._gone = False
        self._build()
        self._update_title()
        session.bridge.data_changed.connect(self._on_data_changed)
        session.bridge.event_received.connect(self._on_event)

    # --- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("deviceTabs")
        self.form = DeviceForm(self.ctx, self.actor, self.device, self.device_type, self)
        self.form.show_reachable(self.session.reachable.get(self.device_id))
        self.keys_tab = KeysTab(self.ctx, self.actor, self.device_id, synchronize=self._synchronize_from_keys,
                                parent=self)
        self.keys_tab.setObjectName("keysTab")
        self.tabs.addTab(self.form, self.tr("&Device"))
        self.tabs.addTab(self.keys_tab, self.tr("&Keys"))
        self.tabs.setTabToolTip(0, self.tr("The device's parameters, Last Access and the procedures."))
        self.tabs.setTabToolTip(1, self.tr("Function keys of the device and its expansion modules."))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setToolTip(self.tr("Close the dialog (Esc); asks first if something is not saved."))
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.tabs, 1)
        box.addWidget(buttons)

        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.activated.connect(self.save_current_tab)

        form = self.form
        form.refresh_button.clicked.connect(self.refresh)
        form.sync_button.clicked.connect(self.synchronize)
        form.restart_button.clicked.connect(self.ask_restart)
        form.new_key_button.clicked.connect(self.ask_new_access_key)
        form.manual_button.clicked.connect(self.open_manual_configure)
        form.state_button.clicked.connect(self.open_state)
        form.new_qr_button.clicked.connect(self.open_new_qr)
        form.webrtc_button.clicked.connect(self.open_webrtc)
        form.unsaved_changed.connect(self._unsaved_changed)
        self.keys_tab.unsaved_changed.connect(self._unsaved_changed)
        self._update_buttons()

    def _update_title(self) -> None:
        self.setWindowTitle(
            self.tr("%1 — line %2").replace("%1", self.device.type_label).replace("%2", self.device.line_number)
            + "[*]")

    def _unsaved_changed(self, _unsaved: bool = False) -> None:
        self.setWindowModified(self.has_unsaved_changes())
        self._update_buttons()

    def _update_buttons(self) -> None:
        form = self.form
        busy = self.sync_run is not None and not self.sync_run.done
        form.sync_button.setEnabled(not self._gone and not busy and not form.has_unsaved_changes())
        if form.has_unsaved_changes():
            form.sync_button.setToolTip(self.tr("Save first: the device downloads what is saved."))
        else:
            form.sync_button.setToolTip(self.tr(
                "Tell the device to download its saved configuration now, and wait until it has."))
        restarting = self.restart_run is not None and not self.restart_run.done
        form.restart_button.setEnabled(not self._gone and not restarting)
        for button in (form.save_button, form.new_key_button, form.manual_button, form.new_qr_button,
                       form.webrtc_button):
            if self._gone:
                button.setEnabled(False)

    # --- state -----------------------------------------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        return self.form.has_unsaved_changes() or self.keys_tab.has_unsaved_changes()

    @Slot()
    def refresh(self) -> None:
        """Read the device again ([Refresh], or its data changed); unsaved input is kept."""
        try:
            device = self.ctx.devices.get(self.actor, self.device_id)
        except LookupError:
            self._gone = True
            self.form.show_message(self.tr("This device no longer exists: it was deleted."), error=True)
            self._update_buttons()
            return
        except SERVICE_ERRORS as exc:
            self.form.show_message(sentence(exc), error=True)
            return
        self.device = device
        if self.form.has_unsaved_changes():
            self.form.show_status(device, self.session.reachable.get(self.device_id))
        else:
            self.form.load(device)
        self._update_title()
        self._update_buttons()

    @Slot(object)
    def _on_data_changed(self, event: DataChanged) -> None:
        mine = self.device.line_id if event.what == "line" else self.device_id
        if (event.what in _DEVICE_KINDS or event.what == "line") and (not event.ids or mine in event.ids):
            self.refresh()

    @Slot(object)
    def _on_event(self, event: object) -> None:
        if isinstance(event, ConfigServed) and event.device_id == self.device_id:
            self.refresh()  # Last Access follows the device's fetch live
        elif isinstance(event, EndpointStateChanged):
            # the session recorded the monitor's verdict before this slot runs (connected first)
            self.form.show_reachable(self.session.reachable.get(self.device_id))

    # --- saving and closing ------------------------------------------------------------------------
    @Slot()
    def save_current_tab(self) -> bool:
        """Ctrl+S: [Save] of the tab in front."""
        if self.tabs.currentWidget() is self.keys_tab:
            return self.keys_tab.save()
        return self.form.save()

    def save_all(self) -> bool:
        """Both tabs; stops at the first refusal and shows that tab with its message."""
        if self.form.has_unsaved_changes() and not self.form.save():
            self.tabs.setCurrentWidget(self.form)
            return False
        if self.keys_tab.has_unsaved_changes() and not self.keys_tab.save():
            self.tabs.setCurrentWidget(self.keys_tab)
            return False
        return True

    def reject(self) -> None:
        """Esc, [Close] and the window's close button: ask first if something is not saved."""
        if self._close_confirmed or not self.has_unsaved_changes():
            super().reject()
            return
        box = self._question(
            self.tr("Unsaved changes"),
            self.tr("The changes to this device are not saved."),
            self.tr("Save them before closing, discard them, or go back to the dialog."),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)

        def answered(_result: int) -> None:
            choice = box.standardButton(box.clickedButton())
            if choice == QMessageBox.StandardButton.Save and not self.save_all():
                return
            if choice in (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard):
                self._close_confirmed = True
                self.reject()

        box.finished.connect(answered)
        box.open()

    def done(self, result: int) -> None:
        self._close_confirmed = False  # a dialog shown again asks again
        super().done(result)

    # --- questions ---------------------------------------------------------------------------------------
    def _question(self, title: str, text: str, informative: str, buttons: QMessageBox.StandardButton,
                  icon: QMessageBox.Icon = QMessageBox.Icon.Question) -> QMessageBox:
        box = QMessageBox(icon, title, text, buttons, self)
        box.setInformativeText(informative)
        box.setObjectName("deviceConfirmation")
        self.confirmation = box
        return box

    def _confirm(self, title: str, text: str, informative: str, yes_text: str, on_yes: Callable[[], None],
                 icon: QMessageBox.Icon = QMessageBox.Icon.Question) -> QMessageBox:
        box = self._question(title, text, informative,
                             QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, icon)
        box.button(QMessageBox.StandardButton.Yes).setText(yes_text)
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(_result: int) -> None:
            if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
                on_yes()

        box.finished.connect(answered)
        box.open()
        return box

    def _device_words(self) -> str:
        return self.tr("the %1 on line %2").replace("%1", self.device.type_label) \
            .replace("%2", self.device.line_number)

    # --- [Synchronize] and [Restart ...] -----------------------------------------------------------------
    @Slot()
    def synchronize(self) -> TaskRun | None:
        """Send the resync NOTIFY in the pool and wait (cancellable) for the device's fetch."""
        if self.sync_run is not None and not self.sync_run.done:
            return self.sync_run
        sip, actor, device_id = self.session.sip, self.actor, self.device_id

        def job(task: TaskHandle) -> SyncResult:
            return sip.synchronize(actor, device_id, wait_s=SYNC_WAIT_S, cancelled=lambda: task.cancelled)

        self.form.show_message(self.tr("Synchronizing ..."))
        self.sync_run = self.session.run(
            job, self.tr("Synchronize"),
            self.tr("Telling %1 to download its configuration and waiting up to %2 s for it ...")
            .replace("%1", self._device_words()).replace("%2", str(int(SYNC_WAIT_S))), self)
        self.sync_run.finished.connect(self._sync_finished)
        self._update_buttons()
        return self.sync_run

    def _synchronize_from_keys(self, _device_id: int) -> str:
        """The Keys tab's [Synchronize]: it expects a sentence at once; the result follows on both tabs."""
        self._sync_for_keys = True
        self.synchronize()
        return self.tr("Synchronizing ...")

    @Slot(object)
    def _sync_finished(self, event: TaskFinished) -> None:
        self.refresh()  # Last Access and sync state as the device left them
        text, failed = self.outcome_sentence(event, "synchronize")
        self.form.show_message(text, error=failed)
        if self._sync_for_keys:
            self._sync_for_keys = False
            # KeysTab shows its callback's first answer only; the outcome follows here
            self.keys_tab.show_sync_result(text, failed=failed)

    @Slot()
    def ask_restart(self) -> QMessageBox | None:
        if not self.device_type.restart_supported:
            return None
        return self._confirm(
            self.tr("Restart ..."),
            self.tr("Restart %1 now?").replace("%1", self._device_words()),
            self.tr("Calls on the device are cut off while it restarts. When it is up again it loads its "
                    "saved configuration."),
            self.tr("&Restart"), self.restart)

    def restart(self) -> TaskRun:
        sip, actor, device_id = self.session.sip, self.actor, self.device_id

        def job(task: TaskHandle) -> SyncResult:
            return sip.restart(actor, device_id, cancelled=lambda: task.cancelled)

        self.form.show_message(self.tr("Restarting ..."))
        self.restart_run = self.session.run(
            job, self.tr("Restart"), self.tr("Telling %1 to restart ...").replace("%1", self._device_words()), self)
        self.restart_run.finished.connect(self._restart_finished)
        self._update_buttons()
        return self.restart_run

    @Slot(object)
    def _restart_finished(self, event: TaskFinished) -> None:
        text, failed = self.outcome_sentence(event, "restart")
        self.form.show_message(text, error=failed)
        self._update_buttons()

    def outcome_sentence(self, event: TaskFinished, action: str) -> tuple[str, bool]:
        """What happened, for the user, and whether it failed."""
        result = event.result
        if event.error:
            return sentence(event.error), True
        if not isinstance(result, SyncResult):
            return self.tr("Cancelled."), True
        if result.status is None:
            return sentence(result.error or result.reason), True
        answer = f"{result.status} {result.reason}".strip()
        if not 200 <= result.status < 300:
            text = self.tr("The device refused the request: %1.").replace("%1", answer)
            return (text + " " + sentence(result.error)) if result.error else text, True
        if action == "restart":
            return self.tr("The device accepted the restart (%1); it loads its configuration when it is up "
                           "again.").replace("%1", answer), False
        if result.fetched and result.fetched_at is not None:
            return self.tr("Device fetched its configuration at %1.").replace(
                "%1", local_time_text(result.fetched_at)), False
        if event.cancelled:
            return self.tr("The device accepted the request (%1); the console stopped waiting for its "
                           "download. Check Last Access with [Refresh].").replace("%1", answer), False
        return self.tr("The device accepted the request (%1) but did not fetch its configuration within "
                       "%2 s. Check Last Access with [Refresh] and the registration with [State ...].")\
            .replace("%1", answer).replace("%2", str(int(SYNC_WAIT_S))), True

    # --- [New Access Key ...] ----------------------------------------------------------------------------
    @Slot()
    def ask_new_access_key(self) -> QMessageBox:
        return self._confirm(
            self.tr("New Access Key ..."),
            self.tr("Create a new access key for %1?").replace("%1", self._device_words()),
            self.tr("The current link stops working at once: the device cannot load its configuration "
                    "until it is configured again with the new link, via the manufacturer's redirection "
                    "service (MAC Provisioning \"once\") or manually with [Manual configure ...].\n\n"
                    "The key assignments are kept.\n\n"
                    "Use a new access key after misuse or loss of configuration data."),
            self.tr("Create &new key"), self.new_access_key, QMessageBox.Icon.Warning)

    def new_access_key(self) -> bool:
        try:
            self.ctx.devices.new_access_key(self.actor, self.device_id)
        except SERVICE_ERRORS as exc:
            self.form.show_message(sentence(exc), error=True)
            return False
        self.refresh()
        self.form.show_message(self.tr(
            "New access key created; the old link no longer works. Transfer the new configuration to the "
            "device via the redirection service or with [Manual configure ...]."))
        return True

    # --- the dialogs opened from here -----------------------------------------------------------------------
    def _show_child(self, dialog: QDialog) -> QDialog:
        self.child_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a new one per click
        dialog.open()  # window-modal, never blocking
        return dialog

    @Slot()
    def open_manual_configure(self) -> QDialog:
        return self._show_child(ManualConfigureDialog(self.session, self.device_id, self))

    @Slot()
    def open_state(self) -> QDialog:
        from ui.device.state_dialog import StateDialog  # written alongside; imported when first used

        return self._show_child(StateDialog(self.session, self.device.line_id, self.device_id, self))

    @Slot()
    def open_new_qr(self) -> QDialog:
        from ui.device.qr_dialog import open_new_qr

        # it opens itself, or first asks whether to replace a link the app already used
        self.child_dialog = open_new_qr(self.session, self.device_id, self)
        return self.child_dialog

    @Slot()
    def open_webrtc(self) -> QDialog:
        from ui.device.webrtc_dialog import WebRtcDialog

        return self._show_child(WebRtcDialog(self.session, self.device_id, self))
