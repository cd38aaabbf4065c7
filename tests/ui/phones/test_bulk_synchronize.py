"""[Synchronize selected] / [Synchronize all ...] over devices without a registration: the SIP work runs in the
task pool against a registrar on 127.0.0.1 that knows no contacts; the GUI keeps running and ends with a summary."""
from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from app.services.devices import DeviceInput
from app.services.lines import LineInput
from app.services.pbx import PbxInput
from tests.app.sip.conftest import LoopbackUas, answer
from ui.itemmodels.phones_tree_model import RowKind

DESK_PHONE = "yealink-t46u"


def _registrar_without_contacts(request):
    return [answer(request, 200, "OK")] if request.method == "REGISTER" else []


@pytest.fixture
def registrar():
    server = LoopbackUas("udp", _registrar_without_contacts).start()
    yield server
    server.stop()
    server.join(5)


@pytest.fixture
def unregistered(ctx, provider, registrar):
    """A vPBX whose registrar answers but has no binding, with three lines of one desk phone each and
    one line with a smartphone app (no SIP resync)."""
    pbx = ctx.pbx.create(provider, PbxInput(name="Loopback", sip_domain="sip.loopback.example",
                                            registrar_host="127.0.0.1", registrar_port=registrar.port))
    devices = []
    for number in ("100", "101", "102"):
        line = ctx.lines.create(provider, pbx.id, LineInput(number=number, display_name=f"Line {number}",
                                                            password=f"s3cret-{number}"))
        devices.append(ctx.devices.create(provider, line.id, DESK_PHONE, DeviceInput()))
    app_line = ctx.lines.create(provider, pbx.id, LineInput(number="103", password="s3cret-103"))
    ctx.devices.create(provider, app_line.id, "linphone-app", DeviceInput())
    return devices


class GuiTicks:
    """Counts a 10 ms timer on the GUI thread and the longest gap between its ticks."""

    def __init__(self) -> None:
        self.count, self.longest, self._last = 0, 0.0, time.monotonic()
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(10)

    def _tick(self) -> None:
        now = time.monotonic()
        self.count, self.longest, self._last = self.count + 1, max(self.longest, now - self._last), now


def test_synchronize_selected_ends_with_a_failure_summary_without_freezing(qtbot, make_phones_tab, provider,
                                                                         unregistered, registrar):
    tab = make_phones_tab(provider)
    selection = tab.tree.selectionModel()
    for device in unregistered[:2]:
        selection.select(tab.model.device_index(device.id),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert tab.selected_device_ids() == [d.id for d in unregistered[:2]]
    ticks = GuiTicks()
    qtbot.mouseClick(tab.sync_selected_button, Qt.MouseButton.LeftButton)
    assert tab.bulk_run is not None and not tab.sync_selected_button.isEnabled()
    qtbot.waitUntil(lambda: tab.summary is not None, timeout=20000)
    ticks.timer.stop()

    summary = tab.last_summary
    assert (summary.requested, summary.succeeded, summary.failed) == (2, 0, 2)
    [(kind, count, example)] = summary.reasons
    assert (kind, count) == ("not registered", 2)
    assert "no registration of this device on line 100 was found" in example
    assert tab.summary.text() == "0 synchronized, 2 failed."
    assert tab.summary.informativeText().startswith("2 \N{MULTIPLICATION SIGN} Not registered: no registration")
    details = tab.summary.detailedText().splitlines()
    assert details[0].startswith("Yealink T46U on line 100: no registration of this device on line 100")
    assert details[1].startswith("Yealink T46U on line 101: no registration of this device on line 101")
    assert tab.panel.status_label.text() == "0 synchronized, 2 failed."
    assert tab.sync_selected_button.isEnabled()
    # the registrar was asked for each line; the GUI thread kept running all the time
    assert sum(1 for r in registrar.requests() if r.method == "REGISTER") >= 2
    assert ticks.count > 10 and ticks.longest < 0.5


def test_synchronize_all_asks_first_and_leaves_out_devices_without_resync(qtbot, make_phones_tab, provider,
                                                                         unregistered):
    tab = make_phones_tab(provider)
    qtbot.mouseClick(tab.sync_all_button, Qt.MouseButton.LeftButton)
    box = tab.confirmation
    assert box is not None and box.text() == "Synchronize 3 devices?"
    assert "1 devices without SIP resync are left out" in box.informativeText()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert tab.bulk_run is None

    qtbot.mouseClick(tab.sync_all_button, Qt.MouseButton.LeftButton)
    tab.confirmation.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: tab.summary is not None, timeout=20000)
    assert (tab.last_summary.succeeded, tab.last_summary.failed) == (0, 3)


def test_a_cancelled_bulk_synchronize_says_how_many_were_not_tried(qtbot, make_phones_tab, provider, unregistered):
    tab = make_phones_tab(provider)
    run = tab.start_bulk_synchronize([d.id for d in unregistered])
    run.cancel()
    qtbot.waitUntil(lambda: tab.summary is not None, timeout=20000)
    summary = tab.last_summary
    assert summary.skipped > 0
    assert "not tried" in tab.summary.text()


def test_a_single_device_synchronize_explains_the_missing_registration(qtbot, make_phones_tab, provider,
                                                                       unregistered):
    tab = make_phones_tab(provider)
    tab.select((RowKind.DEVICE, unregistered[0].id))
    assert tab.panel.sync_button.isEnabled()
    qtbot.mouseClick(tab.panel.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.sync_run is not None and tab.sync_run.done, timeout=20000)
    assert "No registration of this device on line 100" in tab.panel.status_label.text()
