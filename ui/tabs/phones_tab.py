"""The Phones tab: every visible telephone line with its devices."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Slot
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeView, QVBoxLayout, QWidget

from ui.itemmodels.phones_tree_model import ITEM_ID_ROLE, Column, PhonesTreeModel


class PhonesTab(QWidget):
    def __init__(self, model: PhonesTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.tree = QTreeView(self)
        self.tree.setModel(model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QTreeView.SelectionBehavior.SelectRows)
        header = self.tree.header()
        header.setStretchLastSection(True)
        for column in (Column.NUMBER_OR_DEVICE, Column.NAME, Column.MAC, Column.SYNC, Column.LAST_ACCESS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.empty_label = QLabel(self.tr("No telephone lines are visible to you yet."), self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setToolTip(self.tr("Read lines, devices and their last access again."))
        self.refresh_button.clicked.connect(model.reload)

        bar = QHBoxLayout()
        bar.addWidget(self.empty_label)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tree)

        # a reload resets the model; keep the lines the user collapsed collapsed
        self._collapsed_lines: set[int] = set()
        self.tree.collapsed.connect(self._remember_collapsed)
        self.tree.expanded.connect(self._remember_expanded)
        model.modelReset.connect(self._restore_expansion)
        self._restore_expansion()

    @Slot()
    def _restore_expansion(self) -> None:
        self.tree.blockSignals(True)
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            self.tree.setExpanded(index, index.data(ITEM_ID_ROLE) not in self._collapsed_lines)
        self.tree.blockSignals(False)
        self.empty_label.setVisible(self.model.rowCount() == 0)

    @Slot(QModelIndex)
    def _remember_collapsed(self, index: QModelIndex) -> None:
        self._collapsed_lines.add(index.data(ITEM_ID_ROLE))

    @Slot(QModelIndex)
    def _remember_expanded(self, index: QModelIndex) -> None:
        self._collapsed_lines.discard(index.data(ITEM_ID_ROLE))

    def is_line_expanded(self, line_id: int) -> bool:
        return self.tree.isExpanded(self.model.line_index(line_id))
