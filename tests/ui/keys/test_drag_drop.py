"""Drag and drop onto the drawn keys: synthetic enter/move/drop events sent to the view's viewport."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt

from tests.ui.keys.conftest import key_pos, send_drag
from ui.keys.mime import MIME_ASSIGNMENT, assignment_mime, key_mime, subscriber_mime
from ui.keys.operations import Assignment


def test_dropping_a_subscriber_makes_a_blf_key(make_device, make_tab):
    device = make_device("yealink-t46u")
    tab = make_tab(device.id)
    slot = (0, "line-4")

    moved, dropped = send_drag(tab, slot, subscriber_mime("102", "blf"))

    assert (moved, dropped) == (True, True)
    assert tab.working.get(slot) == Assignment("blf", "102")
    assert tab.key_look(slot).title == "Clara Weiß"  # empty label: the subscriber's name
    assert tab.selected_slot() == slot  # the editor shows the key just filled
    assert tab.editor.type_combo.currentData() == "blf"
    assert tab.has_unsaved_changes()


def test_palette_subscriber_entry_follows_the_chosen_key_kind(make_device, make_tab):
    tab = make_tab(make_device("yealink-t46u").id)
    entry = next(i for i in tab.palette.entry_items("subscribers") if i.text(0).startswith("103"))
    tab.palette.subscriber_feature.setCurrentIndex(tab.palette.subscriber_feature.findData("extension"))

    mime = tab.palette.tree.mimeData([entry])
    send_drag(tab, (0, "line-2"), mime)

    assert tab.working.get((0, "line-2")) == Assignment("extension", "103")


def test_palette_offers_only_what_the_model_accepts(ctx, make_device, make_tab):
    tab = make_tab(make_device("grandstream-grp2614").id)
    offered = {tab.palette.assignment_for(i).feature for i in tab.palette.entry_items("features")}
    allowed = {f for g in ctx.catalog.device_type("grandstream-grp2614").groups for f in g.features}
    assert offered == allowed
    assert "phonebook" not in offered  # this model's keys cannot open the vPBX phonebook
    kinds = [
        tab.palette.subscriber_feature.itemData(i) for i in range(tab.palette.subscriber_feature.count())
    ]
    assert kinds == ["blf", "team", "extension"]  # no directed pickup on Grandstream


def test_a_key_that_refuses_the_feature_refuses_the_move_and_stores_nothing(
    ctx, make_device, make_tab, qtbot
):
    tab = make_tab(make_device("snom-d785").id)
    slot = (0, "fkey-3")
    assert not ctx.catalog.accepts("snom-d785", 0, "fkey-3", "pickup")
    mime = assignment_mime(Assignment("pickup", "101"))

    moved, dropped = send_drag(tab, slot, mime)
    assert (moved, dropped) == (False, False)
    # even a drop sent after the refused move changes nothing
    from PySide6.QtGui import QDropEvent
    from PySide6.QtWidgets import QApplication

    drop = QDropEvent(
        QPointF(key_pos(tab, slot)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(tab.module_pages[0].view.viewport(), drop)

    assert tab.working.snapshot() == {}
    assert not drop.isAccepted()
    assert tab.undo_stack.count() == 0
    assert not tab.has_unsaved_changes()


def test_while_dragging_every_key_shows_whether_it_accepts(make_device, make_tab):
    tab = make_tab(make_device("snom-d785").id)
    scene = tab.scenes[0]
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent
    from PySide6.QtWidgets import QApplication

    viewport = tab.module_pages[0].view.viewport()
    pos = key_pos(tab, (0, "fkey-1"))  # a QPoint: PySide6 6.11 builds drag events from one
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier

    refused = assignment_mime(Assignment("pickup", "101"))
    QApplication.sendEvent(viewport, QDragEnterEvent(pos, Qt.DropAction.CopyAction, refused, buttons, mods))
    QApplication.sendEvent(viewport, QDragMoveEvent(pos, Qt.DropAction.CopyAction, refused, buttons, mods))
    assert {item.drag_state for item in scene.keys.values()} == {"refuse"}
    assert scene.keys["fkey-1"].hovered

    accepted = assignment_mime(Assignment("dnd"))
    QApplication.sendEvent(viewport, QDragEnterEvent(pos, Qt.DropAction.CopyAction, accepted, buttons, mods))
    assert {item.drag_state for item in scene.keys.values()} == {"accept"}


def test_foreign_or_broken_drag_data_is_refused(make_device, make_tab):
    tab = make_tab(make_device("yealink-t46u").id)
    plain = QMimeData()
    plain.setText("hello")
    broken = QMimeData()
    broken.setData(MIME_ASSIGNMENT, b"\xff not json")
    unknown = assignment_mime(Assignment("fax"))

    for mime in (plain, broken, unknown):
        assert send_drag(tab, (0, "line-1"), mime) == (False, False)
    assert tab.working.snapshot() == {}


def test_dragging_a_key_onto_another_swaps_them_and_undo_restores(make_device, make_tab, qtbot):
    device = make_device("yealink-t46u")
    tab = make_tab(device.id)
    send_drag(tab, (0, "line-1"), assignment_mime(Assignment("dnd")))
    send_drag(tab, (0, "line-2"), subscriber_mime("101", "blf"))

    assert send_drag(tab, (0, "line-2"), key_mime(device.id, (0, "line-1")), Qt.DropAction.MoveAction) == (
        True,
        True,
    )
    assert tab.working.get((0, "line-1")) == Assignment("blf", "101")
    assert tab.working.get((0, "line-2")) == Assignment("dnd")

    # onto an empty key of expansion module 2 (page 3): a move
    assert send_drag(tab, (2, "key-45"), key_mime(device.id, (0, "line-2")))[1]
    assert tab.working.get((0, "line-2")) is None
    assert tab.working.get((2, "key-45")) == Assignment("dnd")

    # a key dropped on itself, or a key of another device, is refused
    assert send_drag(tab, (2, "key-45"), key_mime(device.id, (2, "key-45"))) == (False, False)
    assert send_drag(tab, (0, "line-5"), key_mime(device.id + 1000, (0, "line-1"))) == (False, False)

    tab.setFocus()
    qtbot.keyClick(tab, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.working.get((0, "line-2")) == Assignment("dnd")
    assert tab.working.get((2, "key-45")) is None
    qtbot.keyClick(tab, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.working.get((0, "line-1")) == Assignment("dnd")
    assert tab.working.get((0, "line-2")) == Assignment("blf", "101")
    qtbot.keyClick(tab, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert tab.working.get((0, "line-1")) == Assignment("blf", "101")
    assert tab.working.get((0, "line-2")) == Assignment("dnd")


def test_undo_back_to_the_stored_layout_means_nothing_unsaved(make_device, make_tab, qtbot):
    tab = make_tab(make_device("yealink-t46u").id)
    send_drag(tab, (0, "line-3"), assignment_mime(Assignment("voicemail")))
    assert tab.has_unsaved_changes()
    assert "Unsaved" in tab.state_label.text()
    tab.undo_action.trigger()
    assert not tab.has_unsaved_changes()
    assert tab.working.snapshot() == {}
    assert not tab.save_button.isEnabled()


def test_pressing_and_moving_on_an_assigned_key_starts_a_key_drag(make_device, make_tab, qtbot, monkeypatch):
    tab = make_tab(make_device("yealink-t46u").id)
    tab.set_key((0, "line-2"), Assignment("dnd"))
    started = []
    monkeypatch.setattr(tab, "start_drag", started.append)  # a real QDrag.exec() needs X11 (lab-qt.md §2)
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    viewport = tab.module_pages[0].view.viewport()
    start = key_pos(tab, (0, "line-2"))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    end = QPointF(start.x() + 40, start.y())
    move = QMouseEvent(
        QMouseEvent.Type.MouseMove, end, viewport.mapToGlobal(end), Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, move)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end.toPoint())

    assert started == [(0, "line-2")]
    assert tab.selected_slot() == (0, "line-2")


def test_phonebook_and_typed_numbers_become_direct_dial_keys(ctx, provider, pbx, make_device, make_tab):
    ctx.pbx.add_phonebook_entry(provider, pbx.id, "Taxi Berlin", "0302020")
    tab = make_tab(make_device("yealink-t46u").id)
    palette = tab.palette
    taxi = next(i for i in palette.entry_items("phonebook") if i.text(0).startswith("Taxi Berlin"))
    assert send_drag(tab, (0, "line-3"), palette.tree.mimeData([taxi]))[1]
    assert tab.working.get((0, "line-3")) == Assignment("speed_dial", "0302020", "Taxi Berlin")

    palette.direct_dial.setText("*21 #")
    (typed,) = palette.entry_items("dial")
    assert send_drag(tab, (0, "line-4"), palette.tree.mimeData([typed]))[1]
    assert tab.working.get((0, "line-4")) == Assignment("star_code", "*21#")
    palette.direct_dial.setText("0301234")
    assert palette.assignment_for(palette.entry_items("dial")[0]) == Assignment("speed_dial", "0301234")
    palette.direct_dial.clear()
    assert palette.entry_items("dial") == []
