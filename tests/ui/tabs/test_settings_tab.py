from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.settings import load_settings
from ui.tabs.settings_tab import SettingsTab


@pytest.fixture
def tab(qtbot, ctx, provider) -> SettingsTab:
    widget = SettingsTab(ctx, provider)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_shows_the_current_settings_and_the_link_preview(tab, ctx):
    assert tab.bind_address_edit.text() == ctx.settings.bind_address
    assert tab.port_edit.text() == "8448"
    assert tab.public_host_edit.text() == "prov.test.example"
    assert tab.url_preview.text() == "https://prov.test.example:8448/<access key>.cfg"
    assert not tab.message.isVisible()


@pytest.mark.parametrize("port, expected", [
    ("70000", "Provisioning port: 70000 is out of range; use 1 to 65535."),
    ("http", "Provisioning port: 'http' is not a number; use 1 to 65535."),
])
def test_a_bad_port_is_explained_inline_and_nothing_is_saved(qtbot, tab, ctx, data_dir, port, expected):
    before = ctx.settings
    tab.port_edit.clear()
    qtbot.keyClicks(tab.port_edit, port)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.message.isVisible()
    assert tab.message.text() == expected
    assert ctx.settings == before
    assert load_settings(data_dir) == before
    assert tab.saved_label.text() == ""


def test_a_bad_public_host_is_explained_inline(qtbot, tab, ctx):
    tab.public_host_edit.setText("not a host name")
    assert not tab.save()
    assert tab.message.text().startswith("Public host:")
    assert ctx.settings.public_host == "prov.test.example"


def test_valid_settings_are_saved_and_previewed(qtbot, tab, ctx, data_dir):
    tab.port_edit.setText("70000")
    assert not tab.save()
    tab.port_edit.setText("9443")
    tab.public_host_edit.setText("phones.example.net")
    with qtbot.waitSignal(tab.settings_saved, timeout=5000) as saved:
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert not tab.message.isVisible()
    assert tab.saved_label.text() == "Saved."
    assert saved.args[0] == ctx.settings
    assert (ctx.settings.port, ctx.settings.public_host) == (9443, "phones.example.net")
    assert load_settings(data_dir) == ctx.settings
    assert tab.url_preview.text() == "https://phones.example.net:9443/<access key>.cfg"


def test_revert_restores_the_saved_values(tab):
    tab.port_edit.setText("1")
    tab.revert()
    assert tab.port_edit.text() == "8448"
