"""Turning service errors into sentences for the user (never a traceback)."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

# What the services raise for bad input or refused actions: ValidationError (a ValueError),
# PermissionDenied/LoginFailed (PermissionError), NotFound (LookupError), DatabaseError (RuntimeError).
SERVICE_ERRORS: tuple[type[Exception], ...] = (ValueError, PermissionError, LookupError, RuntimeError)

_ERROR_STYLE = "color: #b00020;"


def sentence(error: Exception | str) -> str:
    """The service's message with a capital first letter (services write 'field: what to do.')."""
    text = str(error).strip() or type(error).__name__
    return text[:1].upper() + text[1:]


def inline_error_label(parent: QWidget | None = None) -> QLabel:
    """A red, wrapping label for validation messages next to the fields; empty and hidden at first."""
    label = QLabel(parent)
    label.setStyleSheet(_ERROR_STYLE)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def show_inline(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))
