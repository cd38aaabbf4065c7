"""The Lines page: the vPBX's telephone lines with their registration data, public-network block
and TopStop. Devices are shown on the Phones tab; deleting a line deletes its devices."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from app.importer import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, ImportResult, import_lines
from app.services.dto import AccountInfo, LineInfo
from app.tasks import TaskFinished, TaskHandle
from ui.messages import SERVICE_ERRORS, inline_error_label, sentence, show_inline
from ui.pbx.common import RecordTable, confirm
from ui.pbx.line_dialog import LineDialog
from ui.session import ConsoleSession
from ui.tasks import TaskRun


class LinesPage(QWidget):
    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lines_page")
        self._session = session
        self.pbx_id: int | None = None
        self.lines: list[LineInfo] = []
        self.accounts: list[AccountInfo] = []
        self.dialog: LineDialog | None = None
        self.confirmation: QMessageBox | None = None
        self.import_run: TaskRun | None = None

        self.table = RecordTable([self.tr("Number"), self.tr("Display name"), self.tr("SIP user"),
                                  self.tr("Auth user"), self.tr("Account"), self.tr("Public network"),
                                  self.tr("TopStop"), self.tr("Devices")], self)
        self.table.setObjectName("lines_table")
        self.table.setToolTip(self.tr("Enter edits the selected line, Del deletes it."))
        self.table.edit_requested.connect(self.open_edit_dialog)
        self.table.delete_requested.connect(self.ask_delete)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.message = inline_error_label(self)
        self.new_button = QPushButton(self.tr("&New line ..."), self)
        self.new_button.setToolTip(self.tr("Adds a telephone line with its SIP registration data."))
        self.new_button.clicked.connect(self.open_new_dialog)
        self.edit_button = QPushButton(self.tr("Edi&t ..."), self)
        self.edit_button.setToolTip(self.tr("Changes the selected line (Enter)."))
        self.edit_button.clicked.connect(self.open_edit_dialog)
        self.delete_button = QPushButton(self.tr("&Delete ..."), self)
        self.delete_button.setToolTip(self.tr("Deletes the selected line and its devices (Del)."))
        self.delete_button.clicked.connect(self.ask_delete)

        self.import_button = QPushButton(self.tr("&Import CSV ..."), self)
        self.import_button.setToolTip(self.tr(
            "Adds lines (and devices) from a CSV file with the columns %1 and optionally %2. One bad row "
            "rejects the whole file, so nothing is half-imported.")
            .replace("%1", ", ".join(REQUIRED_COLUMNS)).replace("%2", ", ".join(OPTIONAL_COLUMNS)))
        self.import_button.clicked.connect(self.choose_import)
        self.import_label = QLabel(self)
        self.import_label.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The devices of each line are set up on the Phones tab."), self))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.import_label)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_pbx(self, pbx_id: int | None) -> None:
        if pbx_id != self.pbx_id:
            self.table.clearSelection()
        self.pbx_id = pbx_id
        self.reload()

    @Slot()
    def reload(self) -> None:
        ctx, actor = self._session.ctx, self._session.actor
        if self.pbx_id is None:
            self.lines, self.accounts = [], []
        else:
            try:
                self.lines = ctx.lines.list(actor, self.pbx_id)
                self.accounts = ctx.pbx.accounts(actor, self.pbx_id)
            except SERVICE_ERRORS as exc:
                self.lines, self.accounts = [], []
                show_inline(self.message, sentence(exc))
        names = {a.id: a.name for a in self.accounts}
        blocked, open_ = self.tr("blocked"), self.tr("open")
        self.table.set_records([(line.id, (
            line.number, line.display_name, line.sip_user or "", line.auth_user or "",
            names.get(line.account_id, ""), blocked if line.blocked_public else open_,
            "" if line.topstop_limit is None else str(line.topstop_limit), str(line.device_count),
        )) for line in self.lines])
        self._update_buttons()

    def selected(self) -> LineInfo | None:
        selected = self.table.selected_id()
        return next((line for line in self.lines if line.id == selected), None)

    @Slot()
    def _update_buttons(self) -> None:
        self.new_button.setEnabled(self.pbx_id is not None)
        self.edit_button.setEnabled(self.selected() is not None)
        self.delete_button.setEnabled(self.selected() is not None)

    @Slot()
    def open_new_dialog(self) -> LineDialog | None:
        if self.pbx_id is None:
            return None
        return self._open(None)

    @Slot()
    def open_edit_dialog(self) -> LineDialog | None:
        line = self.selected()
        if line is None or self.pbx_id is None:
            return None
        return self._open(line)

    def _open(self, line: LineInfo | None) -> LineDialog:
        assert self.pbx_id is not None
        show_inline(self.message, "")
        try:  # fresh: an account may have been added a moment ago
            self.accounts = self._session.ctx.pbx.accounts(self._session.actor, self.pbx_id)
        except SERVICE_ERRORS as exc:
            show_inline(self.message, sentence(exc))
        self.dialog = LineDialog(self._session, self.pbx_id, self.accounts, line, self)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # no passwords kept in hidden dialogs
        self.dialog.saved.connect(self._saved)
        self.dialog.open()
        return self.dialog

    @Slot(object)
    def _saved(self, line: LineInfo) -> None:
        self.reload()
        self.table.select_id(line.id)

    @Slot()
    def ask_delete(self) -> QMessageBox | None:
        line = self.selected()
        if line is None:
            return None
        name = f"{line.number} ({line.display_name})" if line.display_name else line.number
        if line.device_count:
            text = (self.tr("Delete line %1?\n\nIts devices are deleted with it (%2): their configuration "
                            "links stop working. Console users lose this line.")
                    .replace("%1", name).replace("%2", str(line.device_count)))
        else:
            text = self.tr("Delete line %1? It has no devices. Console users lose this line.").replace("%1", name)
        self.confirmation = confirm(self, self.tr("Delete line"), text, self.tr("&Delete line"),
                                    lambda line_id=line.id: self.delete(line_id))
        return self.confirmation

    def delete(self, line_id: int) -> bool:
        try:
            self._session.ctx.lines.delete(self._session.actor, line_id)
        except SERVICE_ERRORS as exc:
            show_inline(self.message, sentence(exc))
            return False
        show_inline(self.message, "")
        self.reload()
        return True

    # --- [Import CSV ...] ---------------------------------------------------------------------
    @Slot()
    def choose_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Import lines"), "",
                                                    self.tr("CSV files (*.csv);;All files (*)"))
        if path:
            self.start_import(Path(path))

    def start_import(self, path: Path) -> TaskRun | None:
        """Reads and stores the file in the task pool with progress and Cancel (a cancel rolls it all back)."""
        if self.pbx_id is None or self.import_run is not None:
            return None
        ctx, actor, pbx_id = self._session.ctx, self._session.actor, self.pbx_id

        def job(task: TaskHandle) -> ImportResult:
            return import_lines(ctx, actor, pbx_id, path, progress=task.progress,
                                cancelled=lambda: task.cancelled)

        self.import_button.setEnabled(False)
        self.import_label.clear()
        show_inline(self.message, "")
        self.import_run = self._session.run(job, self.tr("Import lines"),
                                            self.tr("Importing %1 ...").replace("%1", path.name), self)
        self.import_run.finished.connect(self._import_finished)
        return self.import_run

    @Slot(object)
    def _import_finished(self, event: TaskFinished) -> None:
        self.import_run = None
        self.import_button.setEnabled(True)
        result = event.result
        if event.error is not None or not isinstance(result, ImportResult):
            show_inline(self.message, sentence(event.error or self.tr("the import was cancelled.")))
            return
        self.import_label.setText(self.tr("Imported %1 lines and %2 devices.")
                                  .replace("%1", str(result.lines_created)).replace("%2", str(result.devices_created)))
        self.reload()
