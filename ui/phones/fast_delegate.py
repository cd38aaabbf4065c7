"""An item delegate that fills a painted cell's style option with one Python call.

Qt's QStyledItemDelegate asks the model for seven roles per painted cell (font, alignment, foreground,
check state, icon, text, background): with a Python model that is ~2,000 calls from C++ into Python per
frame, most of the time spent scrolling a long list. `PhonesTreeModel.cell_look()` answers all of them at
once; the rest (painting, eliding, selection colours) stays Qt's own.
"""
from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget


class CellLookSource(Protocol):
    def cell_look(self, index: QModelIndex | QPersistentModelIndex) -> tuple[
            str | None, QIcon | None, QColor | None, QFont | None]: ...


_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_HAS_DECORATION = QStyleOptionViewItem.ViewItemFeature.HasDecoration


class FastCellDelegate(QStyledItemDelegate):
    def __init__(self, source: CellLookSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._icon_size = QSize(12, 12)

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        text, icon, colour, font = self._source.cell_look(index)
        option.index = QModelIndex(index)
        if font is not None:
            option.font = font
        if colour is not None:
            option.palette.setBrush(QPalette.ColorRole.Text, QBrush(colour))
        if icon is not None:
            option.features |= _HAS_DECORATION
            option.icon = icon
            option.decorationSize = self._icon_size
        if text is not None:
            option.features |= _HAS_DISPLAY
            option.text = text
        option.styleObject = None  # no style animations inside item views (as Qt does)
