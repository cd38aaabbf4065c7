"""The Keys tab of a device: its drawing with one tab per expansion module, a palette to drag
from, the selected key's Type / Value / Label, helpers, and [Save] / [Synchronize] as in the
manual's "Configuration of Function Keys".

Edits change a working layout only (each one undoable, see editing.py); [Save] stores it all at
once through `KeyService.replace_all`, which validates and marks the device as needing sync.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QDrag, QImage, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.dto import Actor, KeyInfo
from ui.keys.editing import KeyEditing
from ui.keys.editor import KeyEditor
from ui.keys.key_text import KeyLook, KeyTexts
from ui.keys.mime import key_mime
from ui.keys.operations import Assignment, Slot, Subscriber, features_of_device, module_layouts, ordered_slots
from ui.keys.palette import KeyPalette
from ui.keys.scene import KeyScene, side_by_side
from ui.keys.view import ModulePage
from ui.messages import SERVICE_ERRORS, inline_error_label, sentence, show_inline

Synchronize = Callable[[int], str]  # device id -> a sentence for the user (e.g. "Resync sent.")


class KeysTab(QWidget):
    saved = Signal(int)  # device id, after [Save] stored the layout
    unsaved_changed = Signal(bool)

    def __init__(
        self,
        ctx,
        actor: Actor,
        device_id: int,
        synchronize: Synchronize | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.device_id = ctx, actor, device_id
        self._synchronize = synchronize
        self.catalog = ctx.catalog
        self.device = ctx.devices.get(actor, device_id)
        self.device_type = self.catalog.device_type(self.device.type_id)
        self.pbx_id = ctx.lines.get(actor, self.device.line_id).pbx_id
        self.editing = KeyEditing(self.catalog, self.device_type.id, device_id, self)
        self.working, self.undo_stack = self.editing.working, self.editing.undo_stack
        self.texts = KeyTexts(self.catalog, self.device_type.id, self.device.line_number, ())
        self._saved: dict[Slot, Assignment] = {}
        self._was_unsaved = False
        self.scenes: dict[int, KeyScene] = {}
        self.module_pages: dict[int, ModulePage] = {}
        self._build()
        self.working.changed.connect(self._layout_changed)
        self.undo_stack.indexChanged.connect(lambda _index: self._update_state())
        self.reload()

    # --- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        features = features_of_device(self.catalog, self.device_type.id)
        self.modules = QTabWidget(self)
        for module, layout in module_layouts(self.catalog, self.device_type.id):
            caption = self._module_title(module) if module == 0 else f"{self._module_model()} #{module}"
            scene = KeyScene(module, layout, caption, self, decorate_as_phone=module == 0, parent=self)
            page = ModulePage(scene, self)
            self.scenes[module], self.module_pages[module] = scene, page
            self.modules.addTab(page, self._module_title(module))
            scene.key_selected.connect(lambda key_id, m=module: self._key_selected(m))
            page.view.activated.connect(lambda _key_id: self.editor.open_choice())
            page.view.clear_requested.connect(lambda key_id, m=module: self.clear_key((m, key_id)))
        self.has_keys = bool(self.scenes)
        self.palette = KeyPalette(self.catalog, features, self)
        self.editor = KeyEditor(self.catalog, self.device_type.accounts, self)
        self.palette.chosen.connect(self._palette_chosen)
        self.editor.edited.connect(self._editor_edited)
        self.modules.currentChanged.connect(lambda _index: self._show_selected())

        box = QVBoxLayout(self)
        if not self.has_keys:
            model = f"{self.device_type.vendor} {self.device_type.model}"
            note = QLabel(self.tr("A %1 has no keys that the console configures.").replace("%1", model), self)
            note.setWordWrap(True)
            box.addWidget(note)
        splitter = QSplitter(self)
        for widget in (self.palette, self.modules, self.editor):
            splitter.addWidget(widget)
        splitter.setStretchFactor(1, 1)
        splitter.setVisible(self.has_keys)
        box.addWidget(splitter, 1)
        box.addLayout(self._build_helpers(features))
        self.report = QLabel(self)
        self.report.setWordWrap(True)
        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.report)
        box.addLayout(self._build_actions())

    def _build_helpers(self, features: list[str]) -> QHBoxLayout:
        row = QHBoxLayout()
        self.blf_button = QPushButton(self.tr("BLF for every other subscriber"), self)
        self.blf_button.setToolTip(
            self.tr(
                "Fill the free keys in order (all pages and expansion modules) with a busy lamp "
                "for each subscriber of the vPBX except this device's line"
            )
        )
        self.copy_source = QComboBox(self)
        self.copy_source.setToolTip(
            self.tr("Another device of this vPBX with the same or a compatible model")
        )
        self.copy_button = QPushButton(self.tr("Copy layout"), self)
        self.clear_page_button = QPushButton(self.tr("Clear page"), self)
        self.export_button = QPushButton(self.tr("Export picture…"), self)
        copy_label = QLabel(self.tr("Copy from:"), self)
        for widget in (self.blf_button, copy_label, self.copy_source, self.copy_button):
            row.addWidget(widget)
        row.addWidget(self.clear_page_button)
        row.addWidget(self.export_button)
        row.addStretch(1)
        for widget in (self.copy_source, self.copy_button, self.clear_page_button, self.export_button):
            widget.setEnabled(self.has_keys)
        self.blf_button.setEnabled(self.has_keys and "blf" in features)
        self.blf_button.clicked.connect(self.blf_for_everyone)
        self.copy_button.clicked.connect(lambda: self.copy_from(self.copy_source.currentData()))
        self.clear_page_button.clicked.connect(self.clear_current_page)
        self.export_button.clicked.connect(self._export_clicked)
        return row

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
            button = QToolButton(self)
            button.setDefaultAction(action)
            row.addWidget(button)
        self.state_label = QLabel(self)
        self.error_label = inline_error_label(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.sync_button = QPushButton(self.tr("Synchronize"), self)
        row.addWidget(self.state_label)
        row.addWidget(self.error_label, 1)
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(self.sync_button)
        self.save_button.clicked.connect(self.save)
        self.sync_button.clicked.connect(self.synchronize)
        return row

    def _module_model(self) -> str:
        expansion = self.device_type.expansion
        return self.catalog.module_type(expansion.module).model if expansion else ""

    def _module_title(self, module: int) -> str:
        if module == 0:
            return f"{self.device_type.vendor} {self.device_type.model}"
        return self.tr("Module %1: %2").replace("%1", str(module)).replace("%2", self._module_model())

    # --- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read keys, subscribers and phonebook again; unsaved edits and the undo history are dropped."""
        self.device = self.ctx.devices.get(self.actor, self.device_id)
        self.refresh_directory()
        stored = {
            (k.module, k.key_id): Assignment(k.feature, k.value, k.label)
            for k in self.ctx.keys.list(self.actor, self.device_id)
        }
        self._saved = dict(stored)
        self.editing.load(stored)
        self._refresh_copy_sources()
        show_inline(self.error_label, "")
        self._update_state()

    def refresh_directory(self) -> None:
        """Subscribers and phonebook of the vPBX again (names shown on keys follow them); edits are kept."""
        lines = self.ctx.lines.list(self.actor, self.pbx_id)
        subscribers = tuple(Subscriber(line.number, line.display_name) for line in lines)
        self.texts = KeyTexts(self.catalog, self.device_type.id, self.device.line_number, subscribers)
        try:
            phonebook = self.ctx.pbx.phonebook(self.actor, self.pbx_id)
        except PermissionError:
            phonebook = []  # a user of one line may not read the vPBX phonebook: offer no entries
        own = self.device.line_number
        self.palette.populate(list(subscribers), own, self.device_type.accounts, phonebook)
        self.editor.set_directory(list(subscribers), own)
        self._refresh_looks(ordered_slots(self.catalog, self.device_type.id))
        self._show_selected()

    def _refresh_copy_sources(self) -> None:
        self.copy_source.clear()
        for other in self.ctx.devices.list(self.actor, pbx_id=self.pbx_id):
            other_type = self.catalog.device_type(other.type_id)
            # key ids are comparable within one renderer family only (Yealink line-N, Snom fkey-N, ...)
            if (
                other.id != self.device_id
                and other_type.renderer == self.device_type.renderer
                and other_type.keys
            ):
                self.copy_source.addItem(f"{other.line_number} — {other.type_label} (#{other.id})", other.id)
        self.copy_button.setEnabled(self.has_keys and self.copy_source.count() > 0)

    # --- what keys show ------------------------------------------------------------------------
    def key_look(self, slot: Slot) -> KeyLook:
        return self.texts.look(slot, self.working.get(slot))

    def problem_of(self, slot: Slot) -> str:
        return self.texts.problem(slot, self.working.get(slot))

    def _key_title(self, slot: Slot) -> str:
        module, key_id = slot
        layout = self.scenes[module].layout
        key, group = layout.key(key_id), layout.group_of(key_id)
        where = (
            self.tr("%1 %2, page %3")
            .replace("%1", group.label if group else key_id)
            .replace("%2", str(key.index))
            .replace("%3", str(key.page))
        )
        return where if module == 0 else f"{self._module_title(module)} — {where}"

    def _refresh_looks(self, slots: list[Slot]) -> None:
        for slot in slots:
            scene = self.scenes.get(slot[0])
            if scene is None or slot[1] not in scene.keys:
                continue
            look = self.key_look(slot)
            lines = [self._key_title(slot)]
            if look.assigned:
                lines.append(f"{look.title} — {look.detail}" if look.detail else look.title)
            if look.problem:
                lines.append(look.problem)
            scene.set_look(slot[1], look, "\n".join(lines))

    def _layout_changed(self, slots: list) -> None:
        self._refresh_looks(slots)
        if self.selected_slot() in slots:
            self._show_selected()
        self._update_state()

    # --- selection and the editor ------------------------------------------------------------
    def current_module(self) -> int:
        page = self.modules.currentWidget()
        return page.scene.module if isinstance(page, ModulePage) else 0

    def selected_slot(self) -> Slot | None:
        scene = self.scenes.get(self.current_module())
        key_id = scene.selected_key() if scene else None
        return (scene.module, key_id) if scene and key_id else None

    def select_key(self, slot: Slot) -> None:
        self.modules.setCurrentWidget(self.module_pages[slot[0]])
        self.scenes[slot[0]].select_key(slot[1])

    def _key_selected(self, module: int) -> None:
        if module == self.current_module():
            self._show_selected()

    def _show_selected(self) -> None:
        slot = self.selected_slot()
        if slot is None:
            self.editor.show_key("", None, (), "")
            return
        features = self.catalog.features_for(self.device_type.id, slot[0], slot[1])
        self.editor.show_key(self._key_title(slot), self.working.get(slot), features, self.problem_of(slot))

    def _editor_edited(self, assignment: Assignment | None) -> None:
        slot = self.selected_slot()
        if slot is not None:
            self.set_key(slot, assignment)

    def _palette_chosen(self, assignment: Assignment) -> None:
        slot = self.selected_slot()
        if slot is None:
            self._report(self.tr("Select a key first, then choose what to put on it."))
        elif not self.editing.accepts(slot, assignment):
            label = self.catalog.features[assignment.feature].label
            self._report(self.tr("This key does not accept %1.").replace("%1", label))
        else:
            self.set_key(slot, assignment)

    # --- editing (each change is one undoable step) -----------------------------------------------
    def set_key(self, slot: Slot, assignment: Assignment | None) -> bool:
        return self.editing.set_key(slot, assignment)

    def clear_key(self, slot: Slot) -> bool:
        return self.editing.set_key(slot, None)

    def swap_keys(self, source: Slot, target: Slot) -> bool:
        return self.editing.swap(source, target)

    def blf_for_everyone(self) -> None:
        result = self.editing.fill_blf(list(self.texts.subscribers), self.device.line_number)
        text = self.tr("%1 busy lamp keys added.").replace("%1", str(len(result.changes)))
        if result.left_out:
            text += " " + self.tr("No free key was left for: %1.").replace("%1", ", ".join(result.left_out))
        self._report(text)

    def copy_from(self, source_device_id: int | None) -> None:
        """Replace the layout by another device's; keys this model cannot take are listed, not dropped."""
        if source_device_id is None:
            return
        try:
            keys = self.ctx.keys.list(self.actor, source_device_id)
        except SERVICE_ERRORS as exc:
            self._report(sentence(exc))
            return
        source = {(k.module, k.key_id): Assignment(k.feature, k.value, k.label) for k in keys}
        result = self.editing.copy(source, self.tr("device %1").replace("%1", str(source_device_id)))
        text = self.tr("%1 keys copied.").replace("%1", str(len(source) - len(result.refused)))
        if result.refused:
            refused = "; ".join(
                self.tr("%1 on %2 of module %3: %4")
                .replace("%1", self._describe(assignment))
                .replace("%2", slot[1])
                .replace("%3", str(slot[0]))
                .replace("%4", why)
                for slot, assignment, why in result.refused
            )
            text += " " + self.tr("Not copied (%1):").replace("%1", str(len(result.refused))) + " " + refused
        self._report(text)

    def _describe(self, assignment: Assignment) -> str:
        feature = self.catalog.features.get(assignment.feature)
        return f"{feature.label if feature else assignment.feature} {assignment.value}".strip()

    def clear_current_page(self) -> None:
        scene = self.scenes.get(self.current_module())
        if scene is not None:
            self.editing.clear_page(scene.module, scene.layout, scene.page)

    def _report(self, text: str) -> None:
        self.report.setText(text)

    # --- drag and drop: the scenes' handler -----------------------------------------------------
    def can_drop(self, slot: Slot, mime: QMimeData) -> bool:
        return self.editing.can_drop(slot, mime)

    def drop(self, slot: Slot, mime: QMimeData) -> bool:
        done = self.editing.drop(slot, mime)
        if done:
            self.select_key(slot)  # the editor shows what was just dropped
        return done

    def start_drag(self, slot: Slot) -> None:
        drag = QDrag(self.module_pages[slot[0]].view)
        drag.setMimeData(key_mime(self.device_id, slot))
        drag.exec(Qt.DropAction.MoveAction)

    # --- save, synchronize, state --------------------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        return self.working.snapshot() != self._saved

    def save(self) -> bool:
        """[Save]: store the whole layout, all or nothing. If refused, the message shows; nothing is lost."""
        layout = self.working.snapshot()
        keys = [
            KeyInfo(self.device_id, module, key_id, a.feature, a.value, a.label)
            for (module, key_id), a in sorted(layout.items())
        ]
        try:
            stored = self.ctx.keys.replace_all(self.actor, self.device_id, keys)
        except SERVICE_ERRORS as exc:
            show_inline(self.error_label, sentence(exc))
            slots = ordered_slots(self.catalog, self.device_type.id)
            bad = next((slot for slot in slots if self.problem_of(slot)), None)
            if bad is not None:
                self.select_key(bad)
            return False
        clean = {(k.module, k.key_id): Assignment(k.feature, k.value, k.label) for k in stored}
        if clean != layout:  # the service normalised something: show exactly what is stored
            self.working.reset(clean)
        self._saved = clean
        self.undo_stack.setClean()
        show_inline(self.error_label, "")
        self._update_state()
        self.state_label.setText(self.tr("Saved. Synchronize to send it to the device."))
        self.saved.emit(self.device_id)
        return True

    def synchronize(self) -> None:
        if self._synchronize is None or self.has_unsaved_changes():
            return
        try:
            message = self._synchronize(self.device_id)
        except (*SERVICE_ERRORS, OSError) as exc:
            show_inline(self.error_label, sentence(exc))
            return
        show_inline(self.error_label, "")
        self.state_label.setText(message)

    def show_sync_result(self, text: str, *, failed: bool = False) -> None:
        """The outcome of a synchronize that finished later (the callback started it in the task pool)."""
        show_inline(self.error_label, text if failed else "")
        self.state_label.setText("" if failed else text)

    def _update_state(self) -> None:
        unsaved = self.has_unsaved_changes()
        self.save_button.setEnabled(unsaved)
        self.state_label.setText(self.tr("● Unsaved changes") if unsaved else self.tr("All changes saved"))
        self.sync_button.setEnabled(self._synchronize is not None and not unsaved)
        if self._synchronize is None:
            why = self.tr(
                "Not available here: this view was opened without a connection to the provisioning "
                "service, so the device cannot be told to download its configuration."
            )
        elif unsaved:
            why = self.tr("Save first: the device downloads what is saved.")
        else:
            why = self.tr("Tell the device to download its configuration now.")
        self.sync_button.setToolTip(why)
        if unsaved != self._was_unsaved:
            self._was_unsaved = unsaved
            self.unsaved_changed.emit(unsaved)

    # --- pictures --------------------------------------------------------------------------------
    def render_image(self, scale: float = 1.0) -> QImage:
        """The device and all its expansion modules side by side, each at its current page."""
        return side_by_side(
            [self.scenes[m].render_image(scale) for m in sorted(self.scenes)], round(24 * scale)
        )

    def export_png(self, path: Path | str, scale: float = 1.0) -> bool:
        image = self.render_image(scale)
        return not image.isNull() and image.save(str(path), "PNG")

    def _export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export picture"), f"keys-{self.device_id}.png", self.tr("PNG images (*.png)")
        )
        if path and not self.export_png(path):
            self._report(self.tr("Could not write %1; choose another folder.").replace("%1", path))
