"""Turning service errors into sentences for the user (never a traceback)."""
from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

# What the services raise for bad input or refused actions: ValidationError (a ValueError),
# PermissionDenied/LoginFailed (PermissionError), NotFound (LookupError), DatabaseError (RuntimeError).
SERVICE_ERRORS: tuple[type[Exception], ...] = (ValueError, PermissionError, LookupError, RuntimeError)

# a dark red reads well on light windows, a light red on dark ones (dark themes)
_ERROR_ON_LIGHT, _ERROR_ON_DARK = "#b00020", "#ff8a80"


def error_colour(widget: QWidget | None = None) -> str:
    # QWidget.palette(widget): a widget may shadow palette() (KeysTab.palette is its drag palette)
    palette = QWidget.palette(widget) if widget is not None else QApplication.palette()
    return _ERROR_ON_DARK if palette.color(QPalette.ColorRole.Window).lightness() < 128 else _ERROR_ON_LIGHT


def sentence(error: Exception | str) -> str:
    """The service's message with a capital first letter (services write 'field: what to do.')."""
    text = str(error).strip() or type(error).__name__
    return text[:1].upper() + text[1:]


def inline_error_label(parent: QWidget | None = None) -> QLabel:
    """A red, wrapping label for validation messages next to the fields; empty and hidden at first."""
    label = QLabel(parent)
    label.setStyleSheet(f"color: {error_colour(parent)};")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def show_inline(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))
