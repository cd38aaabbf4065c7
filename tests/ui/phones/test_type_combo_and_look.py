"""The device type chooser (grouped by vendor, handsets only with a base) and the palette-aware status look."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from ui.phones.status_look import status_look
from ui.phones.type_combo import TYPE_ID_ROLE, DeviceTypeCombo, first_compatible_base


def test_types_are_grouped_by_vendor_and_sorted_by_model(qtbot, ctx):
    combo = DeviceTypeCombo(ctx.catalog.device_types())
    qtbot.addWidget(combo)
    rows = [(combo.itemText(i).strip(), combo.itemData(i, TYPE_ID_ROLE)) for i in range(combo.count())]
    headers = [text for text, type_id in rows if type_id is None]
    assert headers == sorted(headers, key=str.casefold) and "Yealink" in headers and "Snom" in headers
    yealink = rows.index(("Yealink", None))
    models = [text for text, type_id in rows[yealink + 1:] if type_id is not None]
    assert models[0] == "Yealink T33G" and all(text.startswith("Yealink") for text in models)
    # group titles cannot be chosen
    header_item = combo.model().item(yealink)
    assert not header_item.flags() & Qt.ItemFlag.ItemIsSelectable


def test_handsets_are_enabled_only_with_a_fitting_base(qtbot, ctx):
    combo = DeviceTypeCombo(ctx.catalog.device_types())
    qtbot.addWidget(combo)
    assert not combo.is_enabled("yealink-w56h") and combo.is_enabled("yealink-t46u")
    assert "W70B" in combo.model().item(combo.findData("yealink-w56h", TYPE_ID_ROLE)).toolTip()
    combo.set_available_bases({"yealink-w70b": [7]})
    assert combo.is_enabled("yealink-w56h") and not combo.is_enabled("snom-m85")
    assert first_compatible_base(ctx.catalog.device_type("yealink-w56h"), {"yealink-w70b": [7, 9]}) == 7
    assert first_compatible_base(ctx.catalog.device_type("snom-m85"), {"yealink-w70b": [7]}) is None


def test_status_colours_follow_a_dark_palette(qtbot):
    light, dark = QPalette(), QPalette()
    light.setColor(QPalette.ColorRole.Base, QColor("white"))
    dark.setColor(QPalette.ColorRole.Base, QColor(30, 30, 30))
    on_light, on_dark = status_look(light), status_look(dark)
    for name in ("reachable", "unreachable", "needs_sync"):
        assert getattr(on_dark, name).lightness() > getattr(on_light, name).lightness()
    assert not on_light.reachable_icon.isNull() and not on_dark.unknown_icon.isNull()
