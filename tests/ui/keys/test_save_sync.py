"""[Save] and [Synchronize] as in the manual's procedure, and what the device then downloads."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from app.context import CLI_ACTOR
from ui.keys.operations import Assignment


def main_file(ctx, device_id: int) -> str:
    files = ctx.configs.render_device(CLI_ACTOR, device_id)
    return next(f for f in files if f.name == "").body.decode()


def test_save_stores_the_layout_marks_sync_and_the_config_carries_the_keys(
    ctx, provider, make_device, make_tab, qtbot
):
    device = make_device("yealink-t46u")  # on line 100
    tab = make_tab(device.id)
    tab.set_key((0, "line-1"), Assignment("line", "1"))
    tab.set_key((0, "line-2"), Assignment("blf", "101"))
    tab.set_key((0, "line-3"), Assignment("speed_dial", "0301234567", "Taxi"))
    tab.set_key((1, "key-5"), Assignment("blf", "102"))
    tab.set_key((3, "key-60"), Assignment("dnd"))
    assert tab.has_unsaved_changes()

    with qtbot.waitSignal(tab.saved, timeout=2000) as saved:
        assert tab.save()

    assert saved.args == [device.id]
    assert not tab.has_unsaved_changes()
    assert not tab.save_button.isEnabled()
    stored = {(k.module, k.key_id): (k.feature, k.value, k.label) for k in ctx.keys.list(provider, device.id)}
    assert stored == {
        (0, "line-1"): ("line", "1", ""),
        (0, "line-2"): ("blf", "101", ""),
        (0, "line-3"): ("speed_dial", "0301234567", "Taxi"),
        (1, "key-5"): ("blf", "102", ""),
        (3, "key-60"): ("dnd", "", ""),
    }
    assert ctx.devices.get(provider, device.id).needs_sync

    # Yealink setting names from app/render/yealink.py; type codes from the family's keymap
    keymap = ctx.catalog.family("yealink")
    config = main_file(ctx, device.id).splitlines()
    assert f"linekey.1.type = {keymap.native_key('line')['type']}" in config
    assert f"linekey.2.type = {keymap.native_key('blf')['type']}" in config
    assert "linekey.2.value = 101" in config
    assert "linekey.2.label = Bernd Krüger" in config  # empty label: the subscriber's name
    assert "linekey.3.value = 0301234567" in config and "linekey.3.label = Taxi" in config
    assert not any(line.startswith("linekey.4.") for line in config)  # never assigned: the phone's own stays
    assert f"expansion_module.1.key.5.type = {keymap.native_key('blf')['type']}" in config
    assert "expansion_module.1.key.5.value = 102" in config
    assert f"expansion_module.3.key.60.type = {keymap.native_key('dnd')['type']}" in config

    # clearing a key the console had assigned resets it on the phone; it is no assignment of the device
    tab.set_key((0, "line-3"), None)
    with qtbot.waitSignal(tab.saved, timeout=2000):
        assert tab.save()
    assert (0, "line-3") not in {(k.module, k.key_id) for k in ctx.keys.list(provider, device.id)}
    config = main_file(ctx, device.id).splitlines()
    assert "linekey.3.type = 0" in config and "linekey.3.value = 0301234567" not in config
    assert not any(line.startswith("linekey.4.") for line in config)


def test_snom_module_keys_continue_the_phone_numbering(ctx, make_device, make_tab):
    device = make_device("snom-d785")
    tab = make_tab(device.id)
    tab.set_key((0, "fkey-1"), Assignment("blf", "103"))
    tab.set_key((2, "key-1"), Assignment("blf", "102"))
    assert tab.save()
    keys = {k.get("idx"): k for k in ET.fromstring(main_file(ctx, device.id)).iter("fkey")}
    expansion = ctx.catalog.device_type("snom-d785").expansion
    module_size = len(ctx.catalog.module_type(expansion.module).keys)
    assert keys["0"].text.startswith("blf 103") and keys["0"].get("label") == "Dieter Hahn"
    assert keys[str(expansion.native_first + module_size)].text.startswith("blf 102")


def test_a_refused_save_shows_the_services_message_and_loses_nothing(ctx, provider, make_device, make_tab):
    device = make_device("yealink-t46u")
    tab = make_tab(device.id)
    tab.set_key((0, "line-1"), Assignment("dnd"))
    tab.set_key((0, "line-14"), Assignment("speed_dial", ""))  # page 2, value missing
    tab.select_key((0, "line-1"))

    assert not tab.save()

    assert tab.error_label.isVisible()
    assert "Value" in tab.error_label.text() and "cannot be dialled" in tab.error_label.text()
    assert tab.has_unsaved_changes()
    assert tab.working.get((0, "line-14")) == Assignment("speed_dial", "")
    assert ctx.keys.list(provider, device.id) == []
    assert tab.selected_slot() == (0, "line-14")  # the key to fix is shown
    assert tab.module_pages[0].page_bar.currentIndex() == 1

    tab.set_key((0, "line-14"), Assignment("speed_dial", "0301234567"))
    assert tab.save()
    assert not tab.error_label.isVisible()


def test_synchronize_without_a_provider_is_disabled_and_says_why(make_device, make_tab):
    tab = make_tab(make_device("yealink-t46u").id)
    assert not tab.sync_button.isEnabled()
    assert "Not available" in tab.sync_button.toolTip()


def test_synchronize_calls_the_injected_callable_after_saving(make_device, make_tab):
    calls = []

    def synchronize(device_id: int) -> str:
        calls.append(device_id)
        return f"Resync sent to device {device_id}."

    device = make_device("yealink-t46u")
    tab = make_tab(device.id, synchronize=synchronize)
    assert tab.sync_button.isEnabled()
    tab.set_key((0, "line-2"), Assignment("voicemail"))
    assert not tab.sync_button.isEnabled()  # the device would download the old layout
    assert "Save first" in tab.sync_button.toolTip()

    tab.save_button.click()
    tab.sync_button.click()

    assert calls == [device.id]
    assert tab.state_label.text() == f"Resync sent to device {device.id}."


def test_a_failing_synchronize_shows_the_reason(make_device, make_tab):
    def synchronize(device_id: int) -> str:
        raise ConnectionError("the device did not answer the NOTIFY; is it switched on?")

    tab = make_tab(make_device("yealink-t46u").id, synchronize=synchronize)
    tab.sync_button.click()
    assert tab.error_label.isVisible()
    assert "did not answer" in tab.error_label.text()
