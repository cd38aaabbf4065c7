"""The PBX tab (administrators): first start, then the selected vPBX's pages Exchange, Accounts,
Lines, Phonebook and Users (each a module under ui/pbx/)."""
from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.demo import DemoResult, create_demo
from app.events import DataChanged
from app.services.dto import PbxInfo
from app.tasks import TaskFinished, TaskHandle
from ui.messages import inline_error_label, sentence, show_inline
from ui.pbx.accounts import AccountsPage
from ui.pbx.exchange import ExchangePage
from ui.pbx.first_start import FirstStartPage
from ui.pbx.lines import LinesPage
from ui.pbx.phonebook import PhonebookPage
from ui.pbx.users import UsersPage
from ui.session import ConsoleSession
from ui.tasks import TaskRun


class PbxTab(QWidget):
    demo_loaded = Signal(object)  # app.demo.DemoResult

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pbx")
        self._session = session
        self._pbxs: list[PbxInfo] = []
        self.demo_run: TaskRun | None = None
        self.confirmation: QMessageBox | None = None  # "unsaved changes" when another vPBX is chosen

        self.first_start = FirstStartPage(session, self)
        self.first_start.pbx_created.connect(self._pbx_created)
        self.first_start.demo_requested.connect(self.load_demo)
        self.demo_button = self.first_start.demo_button
        self.demo_message = inline_error_label(self.first_start)
        self.first_start.layout().addWidget(self.demo_message)

        self.pbx_combo = QComboBox(self)
        self.pbx_combo.setObjectName("pbx_combo")
        self.pbx_combo.setToolTip(self.tr("The vPBX whose data the pages below show."))
        self.pbx_combo.currentIndexChanged.connect(self._pbx_chosen)
        picker_label = QLabel(self.tr("vPB&X:"), self)
        picker_label.setBuddy(self.pbx_combo)
        self.exchange = ExchangePage(session, self)
        self.exchange.pbx_created.connect(self._pbx_created)
        self.exchange.pbx_deleted.connect(self._pbx_deleted)
        self.fields = self.exchange.fields
        self.accounts = AccountsPage(session, self)
        self.lines = LinesPage(session, self)
        self.phonebook = PhonebookPage(session, self)
        self.users = UsersPage(session, self)
        self.pages = QTabWidget(self)
        self.pages.setObjectName("pbx_pages")
        self.pages.addTab(self.exchange, self.tr("&Exchange"))
        self.pages.addTab(self.accounts, self.tr("A&ccounts"))
        self.pages.addTab(self.lines, self.tr("&Lines"))
        self.pages.addTab(self.phonebook, self.tr("Phone&book"))
        self.pages.addTab(self.users, self.tr("&Users"))
        for index, tip in enumerate((
                self.tr("Access data of the telephone exchange, time and language, TopStop of the vPBX."),
                self.tr("Accounts and their TopStop charge limits."),
                self.tr("Telephone lines with their SIP registration data."),
                self.tr("The vPBX phonebook the devices load."),
                self.tr("Console users of this vPBX and their lines."))):
            self.pages.setTabToolTip(index, tip)

        self.main_page = QWidget(self)
        picker = QHBoxLayout()
        picker.addWidget(picker_label)
        picker.addWidget(self.pbx_combo, 1)
        main = QVBoxLayout(self.main_page)
        main.setContentsMargins(0, 0, 0, 0)
        main.addLayout(picker)
        main.addWidget(self.pages, 1)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.first_start)
        self.stack.addWidget(self.main_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        session.bridge.data_changed.connect(self.on_data_changed)
        self.reload()

    # --- the vPBX list ---------------------------------------------------------------------
    @Slot()
    def reload(self, select_id: int | None = None) -> None:
        """Re-read the vPBXs; keeps the selected one (or selects `select_id`)."""
        current = self.selected_pbx()
        wanted = select_id if select_id is not None else (current.id if current else None)
        self._pbxs = self._session.ctx.pbx.list(self._session.actor)
        self.pbx_combo.blockSignals(True)
        self.pbx_combo.clear()
        for pbx in self._pbxs:
            self.pbx_combo.addItem(pbx.name, pbx.id)
        row = self.pbx_combo.findData(wanted) if wanted is not None else -1
        self.pbx_combo.setCurrentIndex(max(row, 0) if self._pbxs else -1)
        self.pbx_combo.blockSignals(False)
        # a vPBX administrator has exactly one vPBX: nothing to choose
        self.pbx_combo.setEnabled(len(self._pbxs) > 1)
        self.stack.setCurrentWidget(self.main_page if self._pbxs else self.first_start)
        self._show_selected(keep_edits=True)

    def selected_pbx(self) -> PbxInfo | None:
        row = self.pbx_combo.currentIndex()
        return self._pbxs[row] if 0 <= row < len(self._pbxs) else None

    def select_pbx(self, pbx_id: int) -> bool:
        row = self.pbx_combo.findData(pbx_id)
        if row >= 0:
            self.pbx_combo.setCurrentIndex(row)
        return row >= 0

    @Slot(int)
    def _pbx_chosen(self, _row: int) -> None:
        editing, chosen = self.exchange.pbx, self.selected_pbx()
        if self.exchange.dirty and editing is not None and chosen is not None and chosen.id != editing.id:
            self._ask_about_unsaved(editing, chosen)
            return
        self._show_selected()

    def _ask_about_unsaved(self, editing: PbxInfo, chosen: PbxInfo) -> None:
        """Choosing another vPBX must not silently drop typed exchange data: Save, Discard or stay."""
        self.pbx_combo.blockSignals(True)  # the picker shows the vPBX being edited while the user decides
        self.pbx_combo.setCurrentIndex(self.pbx_combo.findData(editing.id))
        self.pbx_combo.blockSignals(False)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"),
                          self.tr("The exchange access data of %1 have unsaved changes.").replace("%1", editing.name),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(self.tr("Save them before showing %1?").replace("%1", chosen.name))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.finished.connect(lambda _result, box=box, chosen_id=chosen.id: self._unsaved_answered(box, chosen_id))
        self.confirmation = box
        box.open()

    def _unsaved_answered(self, box: QMessageBox, chosen_id: int) -> None:
        answer = box.standardButton(box.clickedButton())
        if answer == QMessageBox.StandardButton.Save:
            if not self.exchange.save():
                return  # the message is at the field; stay on this vPBX
        elif answer == QMessageBox.StandardButton.Discard:
            self.exchange.revert()
        else:
            return
        self.select_pbx(chosen_id)

    def _show_selected(self, keep_edits: bool = False) -> None:
        pbx = self.selected_pbx()
        pbx_id = pbx.id if pbx else None
        self.exchange.set_pbx(pbx, keep_edits=keep_edits)
        for page in (self.accounts, self.lines, self.phonebook, self.users):
            page.set_pbx(pbx_id)

    @Slot(object)
    def _pbx_created(self, pbx: PbxInfo) -> None:
        self.reload(select_id=pbx.id)
        self.pages.setCurrentWidget(self.lines if self.stack.currentWidget() is self.main_page else self.exchange)

    @Slot(int)
    def _pbx_deleted(self, _pbx_id: int) -> None:
        self.reload()

    # --- events from the services ------------------------------------------------------------
    @Slot(object)
    def on_data_changed(self, event: DataChanged) -> None:
        if self.demo_run is not None:
            return  # the demo's many changes: one reload when it has finished (its events arrive before)
        what = event.what
        if what == "pbx":  # also deletions, which take lines, phonebook and users with them
            self.reload()
            return
        if what == "account":
            self.accounts.reload()
            self.lines.reload()
        elif what in ("line", "device"):  # the lines list shows each line's device count
            self.lines.reload()
            if what == "line":
                self.users.reload()
        elif what == "phonebook":
            self.phonebook.reload()
        elif what == "user":
            self.users.reload()

    # --- demo data ---------------------------------------------------------------------------
    @Slot()
    def load_demo(self) -> TaskRun | None:
        """Creates the demo vPBX in the task pool (it renders a device of every type) with a progress dialog."""
        if self._session.actor.role != "provider" or self.demo_run is not None:
            return None
        ctx, actor = self._session.ctx, self._session.actor

        def job(task: TaskHandle) -> DemoResult:
            return create_demo(ctx, actor, task.progress)  # services only: safe on a worker thread

        show_inline(self.demo_message, "")
        self.first_start.set_busy(True)
        self.demo_run = self._session.run(job, self.tr("Demo data"),
                                          self.tr("Creating the demo vPBX with its lines and devices ..."), self,
                                          cancellable=False)
        self.demo_run.finished.connect(self._demo_finished)
        return self.demo_run

    @Slot(object)
    def _demo_finished(self, event: TaskFinished) -> None:
        self.demo_run = None
        self.first_start.set_busy(False)
        if event.error is not None or not isinstance(event.result, DemoResult):
            show_inline(self.demo_message, sentence(event.error or self.tr("the demo data were not created.")))
            self.reload()
            return
        result: DemoResult = event.result
        self.reload(select_id=result.pbx.id)
        self.demo_loaded.emit(result)

