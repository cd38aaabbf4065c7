from __future__ import annotations

from PySide6.QtCore import Qt

from app.services.devices import DeviceInput
from ui.itemmodels.phones_tree_model import PhonesTreeModel
from ui.tabs.phones_tab import PhonesTab


def _tab(qtbot, ctx, actor) -> PhonesTab:
    # no bridge here: only the Refresh button and explicit reloads change the model
    tab = PhonesTab(PhonesTreeModel(ctx, actor))
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def test_empty_tree_says_so(qtbot, ctx, provider):
    tab = _tab(qtbot, ctx, provider)
    assert tab.empty_label.isVisible()


def test_refresh_reads_the_services_again(qtbot, ctx, provider, make_line):
    line = make_line("100", "Anna")
    tab = _tab(qtbot, ctx, provider)
    assert not tab.empty_label.isVisible()
    device = ctx.devices.create(provider, line.id, ctx.catalog.device_types()[0].id, DeviceInput())
    assert tab.model.device_ids() == []
    qtbot.mouseClick(tab.refresh_button, Qt.MouseButton.LeftButton)
    assert tab.model.device_ids() == [device.id]


def test_a_collapsed_line_stays_collapsed_after_a_reload(qtbot, ctx, provider, make_line):
    first, second = make_line("100", "Anna"), make_line("101", "Bernd")
    tab = _tab(qtbot, ctx, provider)
    assert tab.is_line_expanded(first.id) and tab.is_line_expanded(second.id)
    tab.tree.collapse(tab.model.line_index(first.id))
    tab.model.reload()
    assert not tab.is_line_expanded(first.id)
    assert tab.is_line_expanded(second.id)
    tab.tree.expand(tab.model.line_index(first.id))
    tab.model.reload()
    assert tab.is_line_expanded(first.id)
