"""The Phones tab: every telephone line visible to the actor with its devices (the manual's "Phones" tab).

The tree lists lines, their devices and one empty "Telephone" per line; the panel beside it acts on the
selection: choose a type + [+ Save] creates a device, [Details ...] and [State ...] ask the main window
to open those dialogs (signals), [Synchronize] and [Delete ...] act on the device. [Synchronize all ...]
and [Synchronize selected] run the SIP operations in the task pool with progress and Cancel.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QFontMetrics, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.services.devices import DELETE_WARNING, DeviceInput
from app.services.dto import DeviceInfo, LineInfo
from app.sipops import SyncResult
from ui.itemmodels.phones_tree_model import ITEM_ID_ROLE, ITEM_KIND_ROLE, Column, PhonesTreeModel, RowKind
from ui.messages import SERVICE_ERRORS, sentence, show_inline
from ui.phones.details_panel import DetailsPanel
from ui.phones.fast_delegate import FastCellDelegate
from ui.phones.sync_summary import SyncSummary, failure_lines, failure_reason, summarize
from ui.phones.type_combo import first_compatible_base
from ui.session import ConsoleSession
from ui.tasks import TaskRun

BULK_RATE_PER_S = 5.0  # NOTIFYs per second: a vPBX's phones must not all fetch at once
SINGLE_SYNC_WAIT_S = 30.0  # how long [Synchronize] waits for the device to fetch its configuration
# up to this many shown lines all are expanded after a (re)load; above it they start collapsed, because
# expanding costs the view a walk over every device row (~0.5 s for 10,000 lines) on each reset
EXPAND_ALL_LIMIT = 2000
MAX_RESTORED_SELECTION = 1000  # rows re-selected after a reload (a Ctrl+A selection is not worth more)
_COLUMN_WIDTHS = {Column.NUMBER_OR_DEVICE: 26, Column.NAME: 18, Column.MAC: 17, Column.SYNC: 16,
                  Column.LAST_ACCESS: 24, Column.REACHABLE: 17}  # in average character widths

Key = tuple[str, int]  # (RowKind, id) identifies a row across reloads


class PhonesTab(QWidget):
    details_requested = Signal(int)  # device id: the main window opens the Device dialog
    state_requested = Signal(int)  # line id: the main window opens the State dialog

    def __init__(self, session: ConsoleSession, model: PhonesTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = model
        self.confirmation: QMessageBox | None = None  # the open delete / bulk confirmation (tests click it)
        self.summary: QMessageBox | None = None  # the last bulk synchronize result
        self.last_summary: SyncSummary | None = None
        self.bulk_run: TaskRun | None = None
        self.sync_run: TaskRun | None = None
        self._types = {t.id: t for t in session.ctx.catalog.device_types()}

        self._build_bar()
        self._build_tree()
        self.panel = DetailsPanel(self._types.values(), self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self._sized = False
        layout = QVBoxLayout(self)
        layout.addLayout(self._bar)
        layout.addWidget(self.empty_label)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.filter_edit, self.tree)
        self.setTabOrder(self.tree, self.panel.details_button)

        self.panel.save_button.clicked.connect(self.save_new_device)
        self.panel.type_combo.currentIndexChanged.connect(self._update_save_button)
        self.panel.details_button.clicked.connect(self.open_details)
        self.panel.state_button.clicked.connect(self.open_state)
        self.panel.sync_button.clicked.connect(self.synchronize_current)
        self.panel.delete_button.clicked.connect(self.request_delete)

        # a reload resets the model: keep collapsed lines collapsed and the selection selected
        self._collapsed_lines: set[int] = set()
        self._expanded_lines: set[int] = set()
        self._saved_current: Key | None = None
        self._saved_selection: list[Key] = []
        self.tree.collapsed.connect(self._remember_collapsed)
        self.tree.expanded.connect(self._remember_expanded)
        model.modelAboutToBeReset.connect(self._save_selection)
        model.modelReset.connect(self._restore_view)
        model.rowsInserted.connect(self._update_counts)
        model.rowsRemoved.connect(self._update_counts)
        model.load_failed.connect(self._show_load_error)
        model.loaded.connect(self._update_counts)
        model.loaded.connect(self._update_panel)  # a reload without reset may change the selected device
        self._restore_view()

    # --- building -------------------------------------------------------------------------------
    def _build_bar(self) -> None:
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("phones_filter")
        self.filter_edit.setPlaceholderText(self.tr("Number, name or MAC"))
        self.filter_edit.setToolTip(self.tr("Show only lines whose number or name, or a device's MAC address, "
                                            "user or type contains this text (Ctrl+F)."))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.model.set_filter)
        filter_label = QLabel(self.tr("F&ilter:"), self)  # Alt+F is the File menu
        filter_label.setBuddy(self.filter_edit)
        self.find_shortcut = QShortcut(QKeySequence(self.tr("Ctrl+F")), self)
        self.find_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_shortcut.activated.connect(self.focus_filter)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("phones_count")

        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setToolTip(self.tr("Read lines, devices and their last access again."))
        self.refresh_button.clicked.connect(self.model.request_reload)
        self.sync_selected_button = QPushButton(self.tr("Sy&nchronize selected"), self)
        self.sync_selected_button.setToolTip(self.tr("Synchronize the selected devices (and every device of the "
                                                     "selected lines), one after another."))
        self.sync_selected_button.clicked.connect(self.synchronize_selected)
        self.sync_all_button = QPushButton(self.tr("Synchr&onize all ..."), self)
        self.sync_all_button.setToolTip(self.tr("Synchronize every device in the list (as filtered) that can be "
                                                "synchronized from the console, one after another."))
        self.sync_all_button.clicked.connect(self.request_synchronize_all)

        self._bar = QHBoxLayout()
        self._bar.addWidget(filter_label)
        self._bar.addWidget(self.filter_edit, 1)
        self._bar.addWidget(self.count_label)
        self._bar.addStretch(1)
        for button in (self.refresh_button, self.sync_selected_button, self.sync_all_button):
            self._bar.addWidget(button)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("phones_empty")
        self.empty_label.setWordWrap(True)

    def _build_tree(self) -> None:
        self.tree = QTreeView(self)
        self.tree.setObjectName("phones_tree")
        self.tree.setModel(self.model)
        # one Python call per painted cell instead of seven (ui/phones/fast_delegate.py)
        self.tree.setItemDelegate(FastCellDelegate(self.model, self.tree))
        self.tree.setUniformRowHeights(True)  # needed for 10,000 lines: no per-row size hints
        self.tree.setAlternatingRowColors(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setToolTip(self.tr("Lines with their devices. Enter or double-click opens a device's "
                                     "[Details ...]; Del deletes it."))
        header = self.tree.header()
        header.setStretchLastSection(True)
        # fixed widths: ResizeToContents would measure every one of 10,000 rows
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        char = self.fontMetrics().averageCharWidth()
        for column, chars in _COLUMN_WIDTHS.items():
            header.resizeSection(column, chars * char)
        # the first column shows the whole "Telephone: (empty ...)" of a slot row
        italic = self.font()
        italic.setItalic(True)
        slot_width = QFontMetrics(italic).horizontalAdvance(self.model.slot_text()) + 2 * self.tree.indentation() + 8
        header.resizeSection(Column.NUMBER_OR_DEVICE, max(header.sectionSize(Column.NUMBER_OR_DEVICE), slot_width))
        # the header's context menu shows and hides columns; the long configuration link starts hidden
        # (it is in [Details ...]; eliding it is the costliest text of a painted row)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.column_actions: dict[Column, QAction] = {}
        for column in Column:
            if column == Column.NUMBER_OR_DEVICE:
                continue
            action = QAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)), header)
            action.setCheckable(True)
            action.setChecked(column != Column.URL)
            action.toggled.connect(lambda shown, column=column: self.tree.setColumnHidden(column, not shown))
            header.addAction(action)
            self.column_actions[column] = action
        self.tree.setColumnHidden(Column.URL, True)
        self.tree.activated.connect(self._on_activated)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        # Del on the list deletes (after the warning); a key filter, not a shortcut, so that it only
        # acts while the list has the focus and never steals Del from the filter box
        self.tree.installEventFilter(self)

    # --- selection ------------------------------------------------------------------------------
    def current_key(self) -> Key | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        return str(index.data(ITEM_KIND_ROLE)), int(index.data(ITEM_ID_ROLE))

    def current_device(self) -> DeviceInfo | None:
        key = self.current_key()
        return self.model.device_info(key[1]) if key and key[0] == RowKind.DEVICE else None

    def current_line(self) -> LineInfo | None:
        key = self.current_key()
        if key is None:
            return None
        if key[0] == RowKind.DEVICE:
            device = self.model.device_info(key[1])
            return self.model.line_info(device.line_id) if device else None
        return self.model.line_info(key[1])

    def index_of(self, key: Key) -> QModelIndex:
        kind, item_id = key
        if kind == RowKind.DEVICE:
            return self.model.device_index(item_id)
        if kind == RowKind.SLOT:
            return self.model.slot_index(item_id)
        return self.model.line_index(item_id)

    def select(self, key: Key) -> None:
        index = self.index_of(key)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_panel()

    def _update_panel(self) -> None:
        line = self.current_line()
        if line is None:
            self.panel.show_nothing()
            return
        device = self.current_device()
        can_sync = device is not None and bool(self._types[device.type_id].notify_resync)
        self.panel.show_line(line, device, can_sync)
        self.panel.sync_button.setToolTip(
            self.tr("Tell the selected device to load its configuration now.") if can_sync or device is None
            else self.tr("This device type cannot be synchronized from the console; it loads its configuration "
                         "when it starts."))
        self.panel.type_combo.set_available_bases(self._bases_of_pbx(line.pbx_id))
        self._update_save_button()

    def _bases_of_pbx(self, pbx_id: int) -> dict[str, list[int]]:
        """DECT base stations of the vPBX the actor can see: base type id -> device ids."""
        base_types = {t.id for t in self._types.values() if t.kind == "dect-base"}
        bases: dict[str, list[int]] = defaultdict(list)
        for device in self.model.all_devices():
            if device.type_id in base_types:
                line = self.model.line_info(device.line_id)
                if line is not None and line.pbx_id == pbx_id:
                    bases[device.type_id].append(device.id)
        return bases

    @Slot()
    def _update_save_button(self) -> None:
        type_id = self.panel.type_combo.current_type_id()
        usable = type_id is not None and self.panel.type_combo.is_enabled(type_id)
        self.panel.save_button.setEnabled(usable and self.current_line() is not None)

    @Slot()
    def _save_selection(self) -> None:
        self._saved_current = self.current_key()
        rows = self.tree.selectionModel().selectedRows(0)[:MAX_RESTORED_SELECTION]
        self._saved_selection = [(str(i.data(ITEM_KIND_ROLE)), int(i.data(ITEM_ID_ROLE))) for i in rows]

    @Slot()
    def _restore_view(self) -> None:
        # the user's own expand / collapse clicks are kept across reloads and filter changes
        self.tree.blockSignals(True)
        if self.model.rowCount() <= EXPAND_ALL_LIMIT:
            self.tree.expandAll()  # one walk in C++, then the few lines the user collapsed
            for line_id in self._collapsed_lines:
                self.tree.collapse(self.model.line_index(line_id))
        else:
            for line_id in self._expanded_lines:
                self.tree.expand(self.model.line_index(line_id))
        self.tree.blockSignals(False)
        selection = QItemSelection()
        for key in self._saved_selection:
            index = self.index_of(key)
            if index.isValid():
                selection.select(index, index.siblingAtColumn(len(Column) - 1))
        if self._saved_current is not None:
            current = self.index_of(self._saved_current)
            if current.isValid():
                self.tree.selectionModel().setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.tree.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._update_counts()
        self._update_panel()

    @Slot()
    def _update_counts(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_line_count()
        devices = len(self.model.device_ids())
        if shown == total:
            self.count_label.setText(self.tr("%1 lines, %2 devices").replace("%1", str(total))
                                     .replace("%2", str(devices)))
        else:
            self.count_label.setText(self.tr("%1 of %2 lines").replace("%1", str(shown)).replace("%2", str(total)))
        if self.model.loading and total == 0:
            text = self.tr("Reading lines and devices ...")
        elif total == 0:
            text = self.tr("No telephone lines are visible to you yet.")
        elif shown == 0:
            text = self.tr("No line matches the filter; change or clear it (Ctrl+F).")
        else:
            text = ""
        self.empty_label.setText(text)
        self.empty_label.setVisible(bool(text))

    @Slot(str)
    def _show_load_error(self, message: str) -> None:
        show_inline(self.empty_label, self.tr("The lines could not be read: %1").replace("%1", sentence(message)))

    @Slot(QModelIndex)
    def _remember_collapsed(self, index: QModelIndex) -> None:
        self._collapsed_lines.add(index.data(ITEM_ID_ROLE))
        self._expanded_lines.discard(index.data(ITEM_ID_ROLE))

    @Slot(QModelIndex)
    def _remember_expanded(self, index: QModelIndex) -> None:
        self._collapsed_lines.discard(index.data(ITEM_ID_ROLE))
        self._expanded_lines.add(index.data(ITEM_ID_ROLE))

    def is_line_expanded(self, line_id: int) -> bool:
        return self.tree.isExpanded(self.model.line_index(line_id))

    @Slot()
    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # first show: the list gets what the panel does not need
            self._sized = True
            panel = self.panel.sizeHint().width()
            self.splitter.setSizes([max(self.splitter.width() - panel, panel), panel])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.matches(QKeySequence.StandardKey.Delete):
            self.request_delete()
            return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.model.refresh_palette(self.palette())
        super().changeEvent(event)

    # --- line and device actions -------------------------------------------------------------------
    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        kind = index.data(ITEM_KIND_ROLE)
        if kind == RowKind.DEVICE:
            self.details_requested.emit(int(index.data(ITEM_ID_ROLE)))
        elif kind == RowKind.SLOT:
            self.panel.type_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def open_details(self) -> None:
        device = self.current_device()
        if device is not None:
            self.details_requested.emit(device.id)

    @Slot()
    def open_state(self) -> None:
        line = self.current_line()
        if line is not None:
            self.state_requested.emit(line.id)

    @Slot()
    def save_new_device(self) -> None:
        """[+ Save]: a device of the chosen type on the selected line (a handset on the first fitting base)."""
        line, type_id = self.current_line(), self.panel.type_combo.current_type_id()
        if line is None or type_id is None:
            return
        device_type = self._types[type_id]
        base_id = None
        if device_type.kind == "dect-handset":
            base_id = first_compatible_base(device_type, self._bases_of_pbx(line.pbx_id))
        try:
            device = self.session.ctx.devices.create(self.session.actor, line.id, type_id,
                                                     DeviceInput(base_unit_id=base_id))
        except SERVICE_ERRORS as error:
            show_inline(self.panel.create_error, sentence(error))
            return
        show_inline(self.panel.create_error, "")
        # shown at once; the DataChanged that follows reads the same device again (no duplicate)
        self.model.refresh_devices([device.id])
        self.select((RowKind.DEVICE, device.id))
        self.panel.status_label.setText(
            self.tr("%1 created on line %2. Transfer its configuration with [Details ...].")
            .replace("%1", device.type_label).replace("%2", line.number))

    @Slot()
    def request_delete(self) -> None:
        """[Delete ...] / Del: the manual's warning first; only OK deletes."""
        device = self.current_device()
        if device is None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete VoIP device"),
                          self.tr("Delete the %1 of line %2?").replace("%1", device.type_label)
                          .replace("%2", device.line_number),
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("phones_delete_confirmation")
        box.setInformativeText(DELETE_WARNING)
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("&Delete"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter must not delete by accident
        box.finished.connect(lambda _result, box=box, device_id=device.id: self._delete_confirmed(box, device_id))
        self.confirmation = box
        box.open()

    def _delete_confirmed(self, box: QMessageBox, device_id: int) -> None:
        if box.clickedButton() is not box.button(QMessageBox.StandardButton.Ok):
            return
        try:
            self.session.ctx.devices.delete(self.session.actor, device_id)
        except SERVICE_ERRORS as error:
            self.panel.status_label.setText(sentence(error))
            return
        self.model.refresh_devices([device_id])
        self.panel.status_label.setText(self.tr("The device's configuration on the telephone exchange was deleted."))

    @Slot()
    def synchronize_current(self) -> None:
        """[Synchronize]: NOTIFY the device and wait (in the pool) until it fetched its configuration."""
        device = self.current_device()
        if device is None:
            return
        sip, actor, device_id = self.session.sip, self.session.actor, device.id

        def job(task: Any) -> SyncResult:
            return sip.synchronize(actor, device_id, wait_s=SINGLE_SYNC_WAIT_S, cancelled=lambda: task.cancelled)

        self.sync_run = self.session.run(job, self.tr("Synchronize"),
                                         self.tr("Synchronizing the %1 of line %2 ...")
                                         .replace("%1", device.type_label).replace("%2", device.line_number), self)
        self.sync_run.finished.connect(self._single_sync_finished)

    @Slot(object)
    def _single_sync_finished(self, event: Any) -> None:
        if event.error:
            text = sentence(event.error)
        elif event.cancelled:
            text = self.tr("Synchronize was cancelled.")
        elif event.result.ok:
            text = self.tr("The device loaded its current configuration.") if event.result.fetched \
                else self.tr("The device accepted the request to load its configuration.")
        else:
            text = sentence(failure_reason(event.result))
        self.panel.status_label.setText(text)

    # --- bulk synchronize --------------------------------------------------------------------------
    def synchronizable(self, devices: list[DeviceInfo]) -> list[int]:
        return [d.id for d in devices if self._types[d.type_id].notify_resync]

    @Slot()
    def request_synchronize_all(self) -> None:
        """[Synchronize all ...]: every shown device that has a SIP resync, after a confirmation."""
        devices = self.model.visible_devices()
        ids = self.synchronizable(devices)
        if not ids:
            self.panel.status_label.setText(self.tr("No device in the list can be synchronized from the console."))
            return
        minutes = max(1, round(len(ids) / BULK_RATE_PER_S / 60))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Synchronize all"),
                          self.tr("Synchronize %1 devices?").replace("%1", str(len(ids))),
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("phones_sync_all_confirmation")
        box.setInformativeText(
            self.tr("The devices are told one after another (%1 per second, about %2 min) to load their "
                    "configuration; you can cancel at any time. %3 devices without SIP resync are left out.")
            .replace("%1", f"{BULK_RATE_PER_S:g}").replace("%2", str(minutes))
            .replace("%3", str(len(devices) - len(ids))))
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("S&ynchronize"))
        box.finished.connect(lambda _result, box=box, ids=ids: self._bulk_confirmed(box, ids))
        self.confirmation = box
        box.open()

    def _bulk_confirmed(self, box: QMessageBox, ids: list[int]) -> None:
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Ok):
            self.start_bulk_synchronize(ids)

    def selected_device_ids(self) -> list[int]:
        """Selected devices, and every device of a selected line, in list order."""
        ids: dict[int, None] = {}
        for index in self.tree.selectionModel().selectedRows(0):
            kind, item_id = index.data(ITEM_KIND_ROLE), int(index.data(ITEM_ID_ROLE))
            if kind == RowKind.DEVICE:
                ids[item_id] = None
            elif kind == RowKind.LINE:
                ids.update((d.id, None) for d in self.model.devices_of_line(item_id))
        return list(ids)

    @Slot()
    def synchronize_selected(self) -> None:
        wanted = [d for d in (self.model.device_info(i) for i in self.selected_device_ids()) if d is not None]
        ids = self.synchronizable(wanted)
        if not ids:
            self.panel.status_label.setText(self.tr("Select devices (or lines) that can be synchronized first."))
            return
        self.start_bulk_synchronize(ids)

    def start_bulk_synchronize(self, ids: list[int]) -> TaskRun:
        sip, actor = self.session.sip, self.session.actor
        progress_text = self.tr("Synchronizing device %1 of %2 ...")  # translated here, filled in the worker

        def job(task: Any) -> list[SyncResult]:
            def progress(done: int, total: int, _result: SyncResult) -> None:
                task.progress(done, total, progress_text.replace("%1", str(done)).replace("%2", str(total)))

            return sip.bulk_synchronize(actor, ids, rate_per_s=BULK_RATE_PER_S, progress=progress,
                                        cancelled=lambda: task.cancelled)

        self.sync_all_button.setEnabled(False)
        self.sync_selected_button.setEnabled(False)
        self.bulk_run = self.session.run(job, self.tr("Synchronize"),
                                         self.tr("Synchronizing %1 devices ...").replace("%1", str(len(ids))), self)
        requested = len(ids)
        self.bulk_run.finished.connect(lambda event, requested=requested: self._bulk_finished(event, requested))
        return self.bulk_run

    def _bulk_finished(self, event: Any, requested: int) -> None:
        self.sync_all_button.setEnabled(True)
        self.sync_selected_button.setEnabled(True)
        if event.error:
            self.panel.status_label.setText(sentence(event.error))
            return
        summary = summarize(requested, event.result or [])
        self.last_summary = summary
        text = self.tr("%1 synchronized, %2 failed.").replace("%1", str(summary.succeeded)) \
            .replace("%2", str(summary.failed))
        if summary.skipped:
            text += " " + self.tr("Cancelled: %1 not tried.").replace("%1", str(summary.skipped))
        reasons = "\n".join(f"{count} \N{MULTIPLICATION SIGN} {sentence(kind)}: {example}"
                            for kind, count, example in summary.reasons)
        box = QMessageBox(QMessageBox.Icon.Warning if summary.failed else QMessageBox.Icon.Information,
                          self.tr("Synchronize"), text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("phones_sync_summary")
        if reasons:
            box.setInformativeText(reasons)
            box.setDetailedText(failure_lines(summary, self._describe_device, self.tr("... and %1 more")))
        self.summary = box
        self.panel.status_label.setText(text)
        box.open()

    def _describe_device(self, device_id: int) -> str:
        device = self.model.device_info(device_id)
        if device is None:
            return self.tr("device %1").replace("%1", str(device_id))
        return self.tr("%1 on line %2").replace("%1", device.type_label).replace("%2", device.line_number)
