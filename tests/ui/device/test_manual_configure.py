"""[Manual configure ...]: the catalog's steps for the type, numbered, and the link with [Copy]."""
from __future__ import annotations

import html

from PySide6.QtGui import QGuiApplication

from tests.ui.device.conftest import save_screenshot
from ui.device.manual_configure_dialog import ManualConfigureDialog


def test_manual_configure_shows_the_catalog_steps_and_copies_the_link(ctx, provider, device_of, open_dialog,
                                                                      qtbot):
    device = device_of("yealink-t46u")
    dialog = open_dialog(device.id)
    dialog.form.manual_button.click()
    manual = dialog.child_dialog
    assert isinstance(manual, ManualConfigureDialog) and manual.isVisible()

    steps = ctx.catalog.device_type("yealink-t46u").manual_steps_for(ctx.base_url(), device.access_key)
    assert manual.steps == steps and len(steps) >= 3
    shown = manual.steps_label.text()
    assert shown.startswith("<ol>") and shown.count("<li>") == len(steps)
    positions = [shown.index(html.escape(step)) for step in steps]
    assert positions == sorted(positions)  # in the catalog's order
    assert manual.link_edit.isReadOnly() and manual.link_edit.text() == device.url
    assert device.url == f"{ctx.base_url()}{device.access_key}.cfg"

    QGuiApplication.clipboard().clear()
    manual.copy_button.click()
    assert QGuiApplication.clipboard().text() == device.url
    assert manual.copied_label.text()
    manual.resize(720, 360)
    save_screenshot(qtbot, manual, "dialog-manual-configure")
    manual.reject()
    assert not manual.isVisible() and dialog.isVisible()


def test_the_link_follows_a_new_access_key(ctx, provider, device_of, session, qtbot):
    device = device_of("snom-d785")
    ctx.devices.new_access_key(provider, device.id)
    fresh = ctx.devices.get(provider, device.id)
    manual = ManualConfigureDialog(session, device.id)
    qtbot.addWidget(manual)
    assert manual.link_edit.text() == fresh.url != device.url
    assert all(device.access_key not in step for step in manual.steps)


def test_every_type_with_steps_has_them_filled_in(ctx, demo, session, qtbot):
    for device in demo.devices:
        device_type = ctx.catalog.device_type(device.type_id)
        if not device_type.manual_steps:
            continue
        manual = ManualConfigureDialog(session, device.id)
        qtbot.addWidget(manual)
        assert len(manual.steps) == len(device_type.manual_steps)
        assert not any("{" in step for step in manual.steps)  # every placeholder was replaced
