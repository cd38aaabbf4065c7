"""Shared pieces of the PBX pages: confirmation boxes that never block, and tables whose rows keep
their selection across reloads and answer Del (delete) and Enter (edit)."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

ID_ROLE = Qt.ItemDataRole.UserRole


def confirm(parent: QWidget, title: str, text: str, action_label: str, on_yes: Callable[[], None]) -> QMessageBox:
    """A window-modal question opened with .open(): the GUI keeps running; `on_yes` runs on the action button."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Cancel, parent)
    yes = box.addButton(action_label, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter must not delete by accident
    box.setObjectName("confirmation")
    yes.setObjectName("confirm")

    def clicked(button) -> None:  # type: ignore[no-untyped-def]
        if button is yes:
            on_yes()

    box.buttonClicked.connect(clicked)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box


def click_confirm(box: QMessageBox) -> None:
    """Press the action button of a box made by `confirm` (tests, scripts)."""
    for button in box.buttons():
        if button.objectName() == "confirm":
            button.click()
            return
    raise LookupError("not a confirmation box")


class RecordTable(QTableWidget):
    """Read-only rows, each carrying a record id; `reload` keeps the selected record selected."""

    delete_requested = Signal()
    edit_requested = Signal()

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        # Enter/Return and double-click: QAbstractItemView emits `activated`
        self.activated.connect(lambda _index: self.edit_requested.emit())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Del (and Backspace, the Mac's delete key) while the table has the focus
        if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
            if self.selected_id() is not None:
                self.delete_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def set_records(self, rows: Sequence[tuple[int, Sequence[str]]]) -> None:
        selected = self.selected_id()
        self.setRowCount(len(rows))
        for r, (record_id, cells) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, record_id)
                self.setItem(r, c, item)
        if selected is not None:
            self.select_id(selected)

    def selected_id(self) -> int | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        if not rows:
            return None
        item = self.item(rows[0].row(), 0)
        return None if item is None else int(item.data(ID_ROLE))

    def select_id(self, record_id: int) -> bool:
        for r in range(self.rowCount()):
            item = self.item(r, 0)
            if item is not None and item.data(ID_ROLE) == record_id:
                self.selectRow(r)
                self.setCurrentCell(r, 0)
                return True
        self.clearSelection()
        return False

    def ids(self) -> list[int]:
        return [int(self.item(r, 0).data(ID_ROLE)) for r in range(self.rowCount())]
