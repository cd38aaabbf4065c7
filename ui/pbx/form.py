"""A form whose rows carry their own inline error label, so that a service's ValidationError is shown
next to the field it names (ValidationError.field) and anything else in one message below the form."""
from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ui.messages import inline_error_label, sentence, show_inline


class ValidatedForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors: dict[str, QLabel] = {}  # key -> the label under that field
        self._service_names: dict[str, str] = {}  # ValidationError.field (lower case) -> key
        self.message = inline_error_label(self)
        self.message.setObjectName("form_message")
        self.layout_.addRow(self.message)

    def add_row(self, key: str, label: str, widget: QWidget, tooltip: str, *service_fields: str) -> None:
        """`service_fields`: the names the services use for this field in their ValidationErrors."""
        widget.setToolTip(tooltip)
        widget.setObjectName(key)
        cell = QWidget(self)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = inline_error_label(cell)
        error.setObjectName(f"{key}_error")
        column.addWidget(error)
        self.errors[key] = error
        for name in service_fields:
            self._service_names[name.lower()] = key
        # the message row stays last
        self.layout_.insertRow(self.layout_.rowCount() - 1, label, cell)
        caption = self.layout_.labelForField(cell)
        if isinstance(caption, QLabel):
            caption.setBuddy(widget)  # the label's mnemonic (&) focuses the field

    def clear_errors(self) -> None:
        for label in self.errors.values():
            show_inline(label, "")
        show_inline(self.message, "")

    def show_error(self, error: Exception) -> str | None:
        """Show the error next to its field; returns the field's key (None: shown below the form)."""
        self.clear_errors()
        field = getattr(error, "field", None)
        key = self._service_names.get(str(field).lower(), field if field in self.errors else None) if field else None
        if key is not None:
            label = self.errors[key]
            show_inline(label, sentence(getattr(error, "message", str(error))))
            # a wrapped message needs its lines' height; the form layout only asks for one line
            needed = label.heightForWidth(max(label.parentWidget().width(), 1))
            label.setMinimumHeight(max(needed, 0))
            return key
        show_inline(self.message, sentence(error))
        self.message.setMinimumHeight(max(self.message.heightForWidth(max(self.width(), 1)), 0))
        return None

    def error_texts(self) -> dict[str, str]:
        """Visible messages by key ('' for the message below the form); for tests and screen readers."""
        shown = {k: lbl.text() for k, lbl in self.errors.items() if not lbl.isHidden() and lbl.text()}
        if not self.message.isHidden() and self.message.text():
            shown[""] = self.message.text()
        return shown
