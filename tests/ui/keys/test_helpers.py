"""Helpers that save work at scale: BLF for everyone, copying a layout, clearing a page."""

from __future__ import annotations

from ui.keys.operations import Assignment


def fill(tab, slots, assignment):
    for slot in slots:
        assert tab.set_key(slot, assignment)


def test_blf_for_every_other_subscriber_fills_free_keys_across_pages_and_modules(make_device, make_tab):
    tab = make_tab(make_device("yealink-t46u").id)  # on line 100
    fill(tab, [(0, f"line-{n}") for n in range(1, 27)], Assignment("speed_dial", "0301234567"))
    before = tab.undo_stack.count()

    tab.blf_button.click()

    layout = tab.working.snapshot()
    assert layout[(0, "line-27")] == Assignment("blf", "101")  # page 3 of the device
    assert layout[(1, "key-1")] == Assignment("blf", "102")  # then expansion module 1
    assert layout[(1, "key-2")] == Assignment("blf", "103")
    assert not any(a.value == "100" for a in layout.values())  # never the device's own line
    assert tab.undo_stack.count() == before + 1  # one undoable step
    assert "3 busy lamp keys added" in tab.report.text()

    tab.blf_button.click()  # again: everybody has a key already
    assert tab.working.snapshot() == layout
    assert "0 busy lamp keys added" in tab.report.text()

    tab.undo_action.trigger()
    assert (0, "line-27") not in tab.working.snapshot() and (1, "key-1") not in tab.working.snapshot()


def test_blf_for_everyone_reports_who_found_no_free_key(make_device, make_tab):
    tab = make_tab(make_device("yealink-t33g").id)  # 12 keys, no expansion module
    fill(tab, [(0, f"line-{n}") for n in range(1, 12)], Assignment("dnd"))
    tab.blf_for_everyone()
    assert tab.working.get((0, "line-12")) == Assignment("blf", "101")
    assert "No free key was left for: 102, 103." in tab.report.text()


def test_copy_layout_from_a_compatible_model_reports_what_it_cannot_take(
    ctx, provider, make_device, make_tab
):
    source = make_device("yealink-t48u", line_index=1)  # 29 line keys
    ctx.keys.assign(provider, source.id, 0, "line-1", "blf", "100")
    ctx.keys.assign(provider, source.id, 0, "line-28", "dnd")
    ctx.keys.assign(provider, source.id, 1, "key-3", "speed_dial", "0301234567", "Taxi")
    make_device("snom-d785", line_index=2)  # another family: not offered
    target = make_device("yealink-t46u")  # 27 line keys
    tab = make_tab(target.id)
    tab.set_key((0, "line-5"), Assignment("voicemail"))

    offered = [tab.copy_source.itemData(i) for i in range(tab.copy_source.count())]
    assert offered == [source.id]
    tab.copy_button.click()

    assert tab.working.snapshot() == {
        (0, "line-1"): Assignment("blf", "100"),
        (1, "key-3"): Assignment("speed_dial", "0301234567", "Taxi"),
    }
    assert "2 keys copied" in tab.report.text()
    assert "Not copied (1)" in tab.report.text()
    assert "line-28" in tab.report.text() and "no key line-28" in tab.report.text()
    tab.undo_action.trigger()
    assert tab.working.snapshot() == {(0, "line-5"): Assignment("voicemail")}


def test_clear_page_clears_only_the_shown_page_of_the_shown_module(make_device, make_tab):
    tab = make_tab(make_device("yealink-t46u").id)
    fill(tab, [(0, "line-1"), (0, "line-10"), (0, "line-11"), (1, "key-1")], Assignment("dnd"))
    tab.modules.setCurrentWidget(tab.module_pages[0])
    tab.module_pages[0].set_page(1)

    tab.clear_page_button.click()

    assert set(tab.working.snapshot()) == {(0, "line-11"), (1, "key-1")}
    tab.undo_action.trigger()
    assert set(tab.working.snapshot()) == {(0, "line-1"), (0, "line-10"), (0, "line-11"), (1, "key-1")}
