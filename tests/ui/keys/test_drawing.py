"""The drawing comes from the catalog alone: every model, every key, every page, and its PNG."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from app.catalog import load_catalog
from app.context import CLI_ACTOR
from app.demo import create_demo
from tests.ui.keys.conftest import key_pos, send_drag
from ui.keys.keys_tab import KeysTab
from ui.keys.mime import subscriber_mime
from ui.keys.scene import KeyItem

ARTIFACTS = Path(__file__).resolve().parents[3] / "artifacts" / "keys"
CATALOG = load_catalog()
KEYED = [d.id for d in CATALOG.devices if d.keys]
KEYLESS = [d.id for d in CATALOG.devices if not d.keys]


@pytest.mark.parametrize("type_id", KEYED)
def test_every_key_of_every_module_is_drawn_and_found_by_position(type_id, make_device, make_tab):
    tab = make_tab(make_device(type_id).id)
    device_type = CATALOG.device_type(type_id)
    expected_modules = 1 + (device_type.expansion.max_count if device_type.expansion else 0)
    assert tab.modules.count() == expected_modules
    for module, page in tab.module_pages.items():
        layout = CATALOG.layout(type_id, module)
        scene = page.scene
        assert set(scene.keys) == {k.id for k in layout.keys}
        assert page.page_bar.count() == layout.pages
        for number in range(1, layout.pages + 1):
            page.set_page(number)
            for key in layout.keys:
                centre = scene.key_rect(key.id).center()
                if key.page == number:
                    assert scene.key_at(centre) == key.id
                    pos = key_pos(tab, (module, key.id))
                    item = page.view.itemAt(pos)
                    assert isinstance(item, KeyItem) and item.key.id == key.id
                else:
                    assert scene.key_at(centre) != key.id  # another page's key is not there


def test_a_model_without_keys_says_so(ctx, qtbot):
    demo = create_demo(ctx, CLI_ACTOR)  # one device of every type (its vPBX has a WebSocket URL)
    keyless = [d for d in demo.devices if d.type_id in KEYLESS]
    assert {d.type_id for d in keyless} == set(KEYLESS)
    for device in keyless:
        tab = KeysTab(ctx, CLI_ACTOR, device.id)
        qtbot.addWidget(tab)
        tab.show()
        assert not tab.has_keys
        assert not tab.modules.isVisible()
        assert not tab.blf_button.isEnabled()
        assert tab.save()
        tab.close()


def _distinct_colours(image: QImage) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), 9) for y in range(0, image.height(), 9)})


def test_png_of_every_model_with_its_expansion_modules(ctx, qtbot):
    """artifacts/keys/<model>.png (the export) and <model>-tab.png (the whole tab), for review by eye."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    demo = create_demo(ctx, CLI_ACTOR)
    for device in demo.devices:
        if device.type_id not in KEYED:
            continue
        tab = KeysTab(ctx, CLI_ACTOR, device.id)
        qtbot.addWidget(tab)
        tab.resize(1280, 760)
        tab.show()
        qtbot.waitExposed(tab)
        for module in sorted(tab.module_pages)[1:]:  # something on every expansion module
            assert send_drag(tab, (module, "key-1"), subscriber_mime(demo.lines[module].number, "blf"))[1]
        tab.blf_for_everyone()
        tab.modules.setCurrentIndex(0)
        tab.select_key((0, CATALOG.device_type(device.type_id).keys[0].id))

        path = ARTIFACTS / f"{device.type_id}.png"
        assert tab.export_png(path, scale=0.75)
        image = QImage(str(path))
        scenes = [tab.scenes[m] for m in sorted(tab.scenes)]
        assert image.height() == round(max(s.sceneRect().height() for s in scenes) * 0.75)
        assert _distinct_colours(image) > 20
        # the first key is drawn where the scene says it is (device picture is at the left)
        centre = scenes[0].key_rect(scenes[0].layout.keys[0].id).center() - scenes[0].sceneRect().topLeft()
        offset = image.height() - round(scenes[0].sceneRect().height() * 0.75)
        pixel = QColor(image.pixel(round(centre.x() * 0.75), round(centre.y() * 0.75) + offset))
        assert pixel.alpha() == 255
        assert tab.grab().save(str(ARTIFACTS / f"{device.type_id}-tab.png"))
        tab.close()
