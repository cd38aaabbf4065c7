"""Type, Value and label of the selected key (the manual's "Parameter: Type" and "Parameter: Value").

The value is a list where the feature has one (subscribers of the vPBX for subscriber features,
the device's accounts for a line key) and free text checked as it is typed where it has none.
Every edit is reported through `edited`; the Keys tab turns it into an undoable command.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.catalog import Catalog, Feature
from ui.keys.operations import Assignment, Subscriber
from ui.messages import inline_error_label, show_inline


class KeyEditor(QWidget):
    edited = Signal(object)  # the new Assignment, or None to clear the key

    def __init__(self, catalog: Catalog, accounts: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._accounts = max(1, accounts)
        self._own_number = ""
        self._subscribers: list[Subscriber] = []
        self._assignment: Assignment | None = None
        self._features: tuple[Feature, ...] = ()

        self.title = QLabel(self.tr("Select a key to see its feature and value."), self)
        self.title.setWordWrap(True)
        self.type_combo = QComboBox(self)
        self.value_list = QComboBox(self)
        self.value_text = QLineEdit(self)
        self.value_none = QLabel(self.tr("This feature needs no value."), self)
        self.value_stack = QStackedWidget(self)
        for widget in (self.value_none, self.value_list, self.value_text):
            self.value_stack.addWidget(widget)
        self.value_error = inline_error_label(self)
        self.label_edit = QLineEdit(self)
        self.label_edit.setMaxLength(64)
        self.label_hint = QLabel(self)
        self.label_hint.setWordWrap(True)
        self.label_hint.setEnabled(False)  # drawn in the palette's disabled text colour: a hint
        self.problem = inline_error_label(self)

        form = QFormLayout()
        form.addRow(self.tr("Type:"), self.type_combo)
        form.addRow(self.tr("Value:"), self.value_stack)
        form.addRow("", self.value_error)
        form.addRow(self.tr("Label:"), self.label_edit)
        form.addRow("", self.label_hint)
        box = QVBoxLayout(self)
        box.addWidget(self.title)
        box.addLayout(form)
        box.addWidget(self.problem)
        box.addStretch(1)

        self.type_combo.activated.connect(self._type_chosen)
        self.value_list.activated.connect(self._value_chosen)
        self.value_text.editingFinished.connect(self._value_typed)
        self.value_text.textEdited.connect(lambda _text: show_inline(self.value_error, ""))
        self.label_edit.editingFinished.connect(self._label_typed)
        self.show_key("", None, (), "")

    def set_directory(self, subscribers: list[Subscriber], own_number: str) -> None:
        self._subscribers = list(subscribers)
        self._own_number = own_number

    def subscriber_name(self, number: str) -> str:
        return next((s.display_name for s in self._subscribers if s.number == number), "")

    # --- showing a key ------------------------------------------------------------------------
    def show_key(
        self, title: str, assignment: Assignment | None, features: tuple[Feature, ...], problem: str
    ) -> None:
        """Show a key (title "" = none selected) with what it has and the features it accepts."""
        self._assignment = assignment
        self._features = features
        selected = bool(title)
        self.title.setText(title or self.tr("Select a key to see its feature and value."))
        for widget in (self.type_combo, self.value_stack, self.label_edit):
            widget.setEnabled(selected)
        self.type_combo.blockSignals(True)
        self.type_combo.clear()
        self.type_combo.addItem(self.tr("(not assigned)"), "")
        for feature in features:
            self.type_combo.addItem(feature.label, feature.name)
        if assignment is not None and self.type_combo.findData(assignment.feature) < 0:
            self.type_combo.addItem(assignment.feature, assignment.feature)  # not accepted: shown as is
        self.type_combo.setCurrentIndex(
            max(0, self.type_combo.findData(assignment.feature if assignment else ""))
        )
        self.type_combo.blockSignals(False)
        self._show_value(assignment)
        self.label_edit.blockSignals(True)
        self.label_edit.setText(assignment.label if assignment else "")
        self.label_edit.setEnabled(selected and assignment is not None)
        self.label_edit.blockSignals(False)
        self._show_label_hint(assignment)
        show_inline(self.value_error, "")
        show_inline(self.problem, problem)

    def _kind(self, feature_name: str) -> str:
        feature = self._catalog.features.get(feature_name)
        return feature.value_kind if feature else "none"

    def _show_value(self, assignment: Assignment | None) -> None:
        kind = self._kind(assignment.feature) if assignment else "none"
        self.value_list.blockSignals(True)
        self.value_list.clear()
        if kind == "subscriber":
            self.value_list.addItem(self.tr("(choose a subscriber)"), "")
            for s in self._subscribers:
                own = self.tr(" (this device's line)") if s.number == self._own_number else ""
                self.value_list.addItem(f"{s.number}  {s.display_name}{own}", s.number)
        elif kind == "line":
            for index in range(1, self._accounts + 1):
                text = self.tr("Account %1").replace("%1", str(index))
                if index == 1 and self._own_number:
                    text += f"  ({self._own_number})"
                self.value_list.addItem(text, str(index))
        if kind in ("subscriber", "line") and assignment is not None:
            value = assignment.value or ("1" if kind == "line" else "")
            index = self.value_list.findData(value)
            if (
                index < 0
            ):  # a stored value that is no longer in the list: show it, flagged by the problem line
                self.value_list.addItem(value, value)
                index = self.value_list.count() - 1
            self.value_list.setCurrentIndex(index)
        self.value_list.blockSignals(False)
        self.value_text.blockSignals(True)
        self.value_text.setText(assignment.value if assignment and kind in ("number", "code") else "")
        self.value_text.setPlaceholderText(
            self.tr("e.g. *21#") if kind == "code" else self.tr("e.g. 0301234567")
        )
        self.value_text.blockSignals(False)
        self.value_stack.setCurrentWidget(
            self.value_list
            if kind in ("subscriber", "line")
            else self.value_text
            if kind in ("number", "code")
            else self.value_none
        )
        self.value_none.setText(
            self.tr("This feature needs no value.") if assignment else self.tr("Choose a type first.")
        )

    def _show_label_hint(self, assignment: Assignment | None) -> None:
        name = ""
        if assignment is not None and self._kind(assignment.feature) == "subscriber":
            name = self.subscriber_name(assignment.value)
        self.label_edit.setPlaceholderText(name)
        if name and assignment is not None and not assignment.label:
            text = self.tr("Empty label: the key shows the subscriber's current name, %1.").replace(
                "%1", name
            )
        elif name:
            text = self.tr("Leave empty to show the subscriber's current name (%1).").replace("%1", name)
        else:
            text = ""
        self.label_hint.setText(text)
        self.label_hint.setVisible(bool(text))

    # --- user edits ---------------------------------------------------------------------------
    def open_choice(self) -> None:
        """Keyboard: Enter on a key moves to its Type (arrow keys choose, F4 / Alt+Down open the list)."""
        self.type_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _type_chosen(self, index: int) -> None:
        name = self.type_combo.itemData(index)
        if not name:
            self.edited.emit(None)
            return
        old = self._assignment
        kind = self._kind(name)
        if old is not None and self._kind(old.feature) == kind:
            value = old.value
        else:
            value = "1" if kind == "line" else ""
        self.edited.emit(Assignment(name, value, old.label if old else ""))

    def _value_chosen(self, index: int) -> None:
        if self._assignment is not None:
            value = self.value_list.itemData(index) or ""
            self.edited.emit(Assignment(self._assignment.feature, value, self._assignment.label))

    def _value_typed(self) -> None:
        if self._assignment is None:
            return
        value = self.value_text.text().strip().replace(" ", "")
        feature = self._catalog.features[self._assignment.feature]
        problem = feature.value_problem(value) if value else None
        if problem:
            show_inline(self.value_error, problem[:1].upper() + problem[1:] + ".")
            return  # a wrong value never reaches the layout
        show_inline(self.value_error, "")
        self.edited.emit(Assignment(self._assignment.feature, value, self._assignment.label))

    def _label_typed(self) -> None:
        if self._assignment is not None:
            label = " ".join(self.label_edit.text().split())
            self.edited.emit(Assignment(self._assignment.feature, self._assignment.value, label))
