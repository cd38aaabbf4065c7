"""The selected key's Type / Value / Label, the keyboard alternative to dragging, and names that follow
the subscriber."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from app.services.lines import LineInput
from tests.ui.keys.conftest import send_drag
from ui.keys.mime import subscriber_mime
from ui.keys.operations import Assignment


def choose(combo: QComboBox, data: str) -> None:
    """Pick an entry as a user does (index change, then `activated`)."""
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_type_offers_what_the_key_accepts_and_value_is_a_list_of_subscribers(ctx, make_device, make_tab):
    tab = make_tab(make_device("snom-d785").id)
    tab.select_key((0, "fkey-2"))
    editor = tab.editor
    offered = [editor.type_combo.itemData(i) for i in range(editor.type_combo.count())]
    assert offered == [""] + [f.name for f in ctx.catalog.features_for("snom-d785", 0, "fkey-2")]

    choose(editor.type_combo, "team")
    assert tab.working.get((0, "fkey-2")) == Assignment("team", "")
    assert editor.value_stack.currentWidget() is editor.value_list
    assert "choose a subscriber" in tab.problem_of((0, "fkey-2")).lower()  # drawn with a warning mark
    assert tab.key_look((0, "fkey-2")).problem

    choose(editor.value_list, "103")
    assert tab.working.get((0, "fkey-2")) == Assignment("team", "103")
    assert not tab.key_look((0, "fkey-2")).problem
    own = [
        editor.value_list.itemText(i)
        for i in range(editor.value_list.count())
        if "this device" in editor.value_list.itemText(i)
    ]
    assert own and own[0].startswith("100")


def test_line_value_lists_the_devices_accounts(ctx, make_device, make_tab):
    tab = make_tab(make_device("yealink-t46u").id)
    tab.select_key((0, "line-1"))
    choose(tab.editor.type_combo, "line")
    assert tab.working.get((0, "line-1")) == Assignment("line", "1")
    values = [tab.editor.value_list.itemData(i) for i in range(tab.editor.value_list.count())]
    assert values == [str(n) for n in range(1, ctx.catalog.device_type("yealink-t46u").accounts + 1)]
    choose(tab.editor.value_list, "2")
    assert tab.working.get((0, "line-1")) == Assignment("line", "2")


def test_free_text_value_is_checked_and_a_wrong_one_never_stored(make_device, make_tab, qtbot):
    tab = make_tab(make_device("yealink-t46u").id)
    tab.select_key((0, "line-6"))
    editor = tab.editor
    choose(editor.type_combo, "star_code")
    assert editor.value_stack.currentWidget() is editor.value_text

    editor.value_text.setFocus()
    qtbot.keyClicks(editor.value_text, "call me")
    qtbot.keyClick(editor.value_text, Qt.Key.Key_Return)
    assert editor.value_error.isVisible()
    assert "digits, * and #" in editor.value_error.text()
    assert tab.working.get((0, "line-6")) == Assignment("star_code", "")

    editor.value_text.clear()
    qtbot.keyClicks(editor.value_text, "*21#")
    qtbot.keyClick(editor.value_text, Qt.Key.Key_Return)
    assert not editor.value_error.isVisible()
    assert tab.working.get((0, "line-6")) == Assignment("star_code", "*21#")

    editor.label_edit.setFocus()
    qtbot.keyClicks(editor.label_edit, "Forward on")
    qtbot.keyClick(editor.label_edit, Qt.Key.Key_Return)
    assert tab.working.get((0, "line-6")) == Assignment("star_code", "*21#", "Forward on")
    assert tab.key_look((0, "line-6")).title == "Forward on"

    choose(editor.type_combo, "")
    assert tab.working.get((0, "line-6")) is None
    assert tab.undo_stack.count() == 4  # type, value, label, clear: each one undoable


def test_empty_label_follows_the_subscribers_current_name(ctx, provider, lines, make_device, make_tab):
    tab = make_tab(make_device("yealink-t46u").id)
    send_drag(tab, (0, "line-2"), subscriber_mime("101", "blf"))
    assert tab.save()
    assert tab.key_look((0, "line-2")).title == "Bernd Krüger"
    assert tab.editor.label_edit.placeholderText() == "Bernd Krüger"
    assert "Bernd Krüger" in tab.editor.label_hint.text()

    ctx.lines.update(provider, lines[1].id, LineInput(number="101", display_name="Bernd Schulz"))
    tab.reload()

    assert tab.key_look((0, "line-2")).title == "Bernd Schulz"
    assert tab.scenes[0].keys["line-2"].look.title == "Bernd Schulz"  # what the drawing shows
    tab.select_key((0, "line-2"))
    assert "Bernd Schulz" in tab.editor.label_hint.text()
    assert ctx.keys.list(provider, tab.device_id)[0].label == ""  # stored empty: it keeps following


def test_keyboard_alone_selects_assigns_and_clears(make_device, make_tab, qtbot):
    tab = make_tab(make_device("yealink-t46u").id)
    view = tab.module_pages[0].view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert tab.selected_slot() == (0, "line-1")
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert tab.selected_slot() == (0, "line-2")
    qtbot.keyClick(view, Qt.Key.Key_Right)  # across the screen to the right-hand column
    assert tab.selected_slot() == (0, "line-7")
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert tab.selected_slot() == (0, "line-6")

    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter: choose the feature
    combo = tab.editor.type_combo
    assert tab.focusWidget() is combo
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the first feature this key accepts
    assert tab.working.get((0, "line-6")) == Assignment(
        combo.itemData(1), "1" if combo.itemData(1) == "line" else ""
    )
    choose(combo, "dnd")
    assert tab.working.get((0, "line-6")) == Assignment("dnd")

    # a palette entry chosen with Enter goes onto the selected key
    entry = next(
        i for i in tab.palette.entry_items("features") if tab.palette.assignment_for(i).feature == "voicemail"
    )
    tab.palette.tree.itemActivated.emit(entry, 0)
    assert tab.working.get((0, "line-6")) == Assignment("voicemail")

    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert tab.working.get((0, "line-6")) is None

    for _ in range(10):  # Tab runs on through the pages
        qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert tab.selected_slot() == (0, "line-16")
    assert tab.module_pages[0].page_bar.currentIndex() == 1
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert tab.scenes[0].page == 3 and tab.module_pages[0].page_bar.currentIndex() == 2
