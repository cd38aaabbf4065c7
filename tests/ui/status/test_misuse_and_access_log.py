"""A retired key used over real HTTPS: the misuse banner and the access log show it, never the key."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from tests.conftest import wait_for
from tests.ui.screenshots import save_screenshot
from ui.status.access_log_dialog import AccessLogDialog
from ui.status.misuse_banner import MisuseBanner


@pytest.fixture
def banner(qtbot, session):
    host = QWidget()
    qtbot.addWidget(host)
    shown = MisuseBanner(session, host)
    layout = QVBoxLayout(host)
    layout.addWidget(shown)
    layout.addStretch(1)
    host.resize(1000, 140)
    host.show()
    qtbot.waitExposed(host)
    yield shown  # `host` stays referenced (and alive) while the test runs
    host.close()


def test_the_banner_is_hidden_until_a_retired_key_is_used(qtbot, banner, ctx, misused_device):
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    text = banner.text_label.text()
    assert text.startswith("A retired access key was used from 127.0.0.1 for device Yealink T46U of line 100 at ")
    assert text.endswith("This may mean the configuration was published (possible misuse).")
    assert misused_device.access_key not in text
    assert not banner.count_label.isVisible()
    save_screenshot(qtbot, banner.window(), "banner-misuse")


def test_events_accumulate_and_dismiss_hides_them(qtbot, banner, misused_device, https):
    client, base = https
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    assert client.get(f"{base}{misused_device.access_key}.cfg").status_code == 404
    qtbot.waitUntil(lambda: len(banner.reports) == 2, timeout=5000)
    assert banner.count_label.text() == "2 such requests since the last dismissal."
    banner.dismiss_button.click()
    assert not banner.isVisible() and banner.reports == []


def test_the_access_log_shows_the_refusal_with_its_reason(qtbot, session, ctx, misused_device, https):
    wait_for(lambda: ctx.logs.access(session.actor), message="the refusal recorded")
    dialog = AccessLogDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: any("possible misuse: retired key" in row for row in dialog.row_texts()), timeout=5000)
    row = next(r for r in dialog.row_texts() if r[4] == "possible misuse: retired key")
    assert row[1:4] == ["127.0.0.1", "Yealink T46U of line 100", "404"]
    assert any(r[4] == "retired access key" for r in dialog.row_texts())
    # live: a new refusal appears without [Refresh]
    client, base = https
    assert client.get(f"{base}{'0' * 48}.cfg").status_code == 404
    qtbot.waitUntil(lambda: any(r[4] == "unknown access key" for r in dialog.row_texts()), timeout=5000)
    everything = " ".join(" ".join(r) for r in dialog.row_texts())
    assert misused_device.access_key not in everything
    save_screenshot(qtbot, dialog, "dialog-access-log")

    dialog.filter_edit.setText("unknown")
    assert [r[4] for r in dialog.row_texts()] == ["unknown access key"]
    dialog.filter_edit.clear()
    dialog.refusals_only_box.setChecked(True)
    assert all(int(r[3]) >= 400 for r in dialog.row_texts())


def test_the_access_log_sorts_by_status(qtbot, session, ctx, provider, line, service, https):
    client, base = https
    device = ctx.devices.create(provider, line.id, "yealink-t46u")
    wait_for(lambda: service.serves(device.access_key), message="the new device served")
    assert client.get(f"{base}{device.access_key}.cfg").status_code == 200
    assert client.get(f"{base}{'1' * 48}.cfg").status_code == 404
    dialog = AccessLogDialog(session)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: (dialog.refresh() or True) and len(dialog.row_texts()) == 2, timeout=5000)
    assert [r[4] for r in dialog.row_texts()] == ["unknown access key", "served"]  # newest first
    dialog.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    assert [r[3] for r in dialog.row_texts()] == ["200", "404"]
    assert dialog.row_texts()[0][2] == "Yealink T46U of line 100"


def test_the_banners_buttons_ask_for_the_procedure_and_the_access_log(qtbot, banner, misused_device):
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    with qtbot.waitSignal(banner.help_requested, timeout=1000) as asked:
        banner.procedure_button.click()
    assert asked.args == ["misuse"]
    with qtbot.waitSignal(banner.access_log_requested, timeout=1000):
        banner.access_log_button.click()


def test_the_banner_shows_only_devices_the_actor_may_see(qtbot, ctx, provider, pbx, make_line):
    from app.provisioning.events import RetiredKeyUsed
    from app.services.dto import Actor
    from ui.bridge import EventBridge
    from ui.session import make_session

    own, other = make_line("100", "Anna Berger"), make_line("101", "Bernd Krüger")
    device = ctx.devices.create(provider, other.id, "snom-d735")
    user = Actor(username="anna", role="user", pbx_id=pbx.id, line_ids=frozenset({own.id}))
    bridge = EventBridge(ctx.bus)
    session = make_session(ctx, user, bridge, workers=1)
    try:
        banner = MisuseBanner(session)
        qtbot.addWidget(banner)
        banner.report(RetiredKeyUsed(client_ip="192.0.2.7", device_id=device.id))
        assert banner.reports == [] and banner.isHidden()  # another subscriber's device
        mine = ctx.devices.create(provider, own.id, "snom-d735")
        banner.report(RetiredKeyUsed(client_ip="192.0.2.7", device_id=mine.id))
        assert not banner.isHidden()
        assert "from 192.0.2.7 for device Snom D735 of line 100 at " in banner.text_label.text()
    finally:
        session.pool.stop()
        session.pool.join(5)
        bridge.close()


def test_a_deleted_devices_misuse_is_shown_to_the_provider(qtbot, banner):
    from app.provisioning.events import RetiredKeyUsed

    banner.report(RetiredKeyUsed(client_ip="198.51.100.4", device_id=None))
    assert not banner.isHidden()
    assert "from 198.51.100.4 for device (deleted device) at " in banner.text_label.text()
