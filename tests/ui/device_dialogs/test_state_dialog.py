"""[State ...] against the real Kamailio: registrations of sipp/baresip, no registration, no registrar."""
from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt, QTimer

from app.services.lines import LineInput
from app.services.pbx import PbxInput
from tests.integration.sip.conftest import wait_until
from tests.ui.device_dialogs.conftest import YEALINK_USER_AGENT, save_screenshot

pytestmark = pytest.mark.integration


def registered(kamailio, user: str, port: int) -> bool:
    return any(f":{port}" in contact["Address"] for contact in kamailio.contacts(user))


def open_dialog(qtbot, session, line_id, device_id=None):
    from ui.device.state_dialog import StateDialog

    dialog = StateDialog(session, line_id, device_id)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def table_rows(dialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(row, column).text() for column in range(table.columnCount())]
            for row in range(table.rowCount())]


def check_texts(dialog) -> list[str]:
    return [label.text() for label in dialog.check_labels]


@pytest.mark.parametrize("source", ["register", "kamailio-rpc"])
def test_a_registered_phone_is_listed_and_passes_the_three_checks(qtbot, ctx, session, kamailio, sip_line,
                                                                  phone_as, source):
    if source == "kamailio-rpc":
        ctx.update_settings(ctx.settings.with_changes(registration_source="kamailio-rpc",
                                                      kamailio_rpc_url=kamailio.rpc_url))
    user = "1003" if source == "register" else "1004"
    line = sip_line(user)
    device = ctx.devices.create(session.actor, line.id, "yealink-t46u")
    phone = phone_as(user)
    wait_until(lambda: registered(kamailio, user, phone.port), 10, f"sipp registering {user}")

    dialog = open_dialog(qtbot, session, line.id, device.id)
    qtbot.waitUntil(lambda: dialog.state is not None, timeout=10000)
    assert dialog.windowTitle() == f"State of line {user}"
    assert not dialog.error_label.isVisible() and not dialog.no_registration_label.isVisible()
    mine = [row for row in table_rows(dialog) if row[2] == str(phone.port)]
    assert len(mine) == 1, table_rows(dialog)
    agent, ip, _port, contact, expires, _reachable, matched = mine[0]
    assert agent.startswith(YEALINK_USER_AGENT)
    assert ip == "127.0.0.1"
    assert f"{user}@" in contact
    assert expires.endswith(" s")
    assert "matches Yealink T46U" in matched and "does not" not in matched
    checks = check_texts(dialog)
    assert all(": passed." in text for text in checks), checks
    assert [label.property("passed") for label in dialog.check_labels] == [True, True, True]
    # the device's registration is the selected row
    assert dialog.table.item(dialog.table.currentRow(), 2).text() == str(phone.port)
    if source == "register":
        dialog.resize(820, 440)
        save_screenshot(qtbot, dialog, "dialog-state")

    # the checks follow the device chosen: a second device of another type is not this registration
    other = ctx.devices.create(session.actor, line.id, "snom-d735")
    dialog.close()
    dialog = open_dialog(qtbot, session, line.id, device.id)
    qtbot.waitUntil(lambda: dialog.state is not None, timeout=10000)
    assert dialog.device_combo.count() == 2
    dialog.device_combo.setCurrentIndex(dialog.device_combo.findData(other.id))
    assert [label.property("passed") for label in dialog.check_labels] == [False, False, False]
    assert "none of them matches Snom D735" in dialog.check_labels[0].text()
    dialog.device_combo.setCurrentIndex(dialog.device_combo.findData(device.id))
    assert [label.property("passed") for label in dialog.check_labels] == [True, True, True]

    # [Refresh] (also F5) asks again; the dialog shows the same registration afterwards
    with qtbot.waitSignal(dialog.refreshed, timeout=10000):
        qtbot.keyClick(dialog, Qt.Key.Key_F5)
    assert any(row[2] == str(phone.port) for row in table_rows(dialog))


def test_a_user_agent_of_another_kind_does_not_match_the_device(qtbot, ctx, session, kamailio, sip_line, baresip):
    line = sip_line(baresip.user)
    device = ctx.devices.create(session.actor, line.id, "yealink-t46u")
    dialog = open_dialog(qtbot, session, line.id, device.id)
    qtbot.waitUntil(lambda: dialog.state is not None, timeout=10000)
    rows = [row for row in table_rows(dialog) if row[2] == str(baresip.port)]
    assert len(rows) == 1, table_rows(dialog)
    assert "baresip" in rows[0][0].lower() and rows[0][1] == "127.0.0.1"
    assert "does not match" in rows[0][6]
    agent, address, contact = dialog.check_labels
    assert "failed" in agent.text() and "Yealink T46U" in agent.text() and not agent.property("passed")
    # one device, one binding: IP address and Contact are judged on that binding
    assert address.property("passed") and "127.0.0.1" in address.text()
    assert contact.property("passed") and f"sip:{baresip.user}" in contact.text()


def test_a_line_without_registration_says_so_and_is_keyboard_usable(qtbot, ctx, session, sip_line):
    line = sip_line("1002")
    ctx.devices.create(session.actor, line.id, "snom-d735")
    dialog = open_dialog(qtbot, session, line.id)  # from the line row of the Phones tab: no device given
    qtbot.waitUntil(lambda: dialog.state is not None, timeout=10000)
    assert dialog.state.registrations == () and dialog.state.error is None
    assert dialog.no_registration_label.isVisible()
    assert dialog.no_registration_label.text() == "No registration: no device is registered on line 1002."
    assert not dialog.table.isVisible()
    assert all(": failed." in text and "no registration" in text for text in check_texts(dialog))
    assert dialog.selected_device_id() is not None  # the line's only device is judged

    # Tab reaches [Refresh]; Esc closes
    dialog.device_combo.setFocus()
    for _ in range(4):
        if dialog.refresh_button.hasFocus():
            break
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.refresh_button.hasFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_an_unreachable_registrar_is_an_error_sentence_and_the_gui_stays_responsive(qtbot, ctx, session, provider):
    # a registrar that receives but never answers: the request times out (1.5 s with the test timers)
    silent = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    silent.bind(("127.0.0.1", 0))
    try:
        pbx = ctx.pbx.create(provider, PbxInput(name="Dead", sip_domain="dead.example", registrar_host="127.0.0.1",
                                                registrar_port=silent.getsockname()[1], transport="udp"))
        line = ctx.lines.create(provider, pbx.id, LineInput(number="200", display_name="Nobody", password="pw-200"))
        ticks = []
        timer = QTimer()
        timer.timeout.connect(lambda: ticks.append(1))
        timer.start(50)
        dialog = open_dialog(qtbot, session, line.id)
        assert dialog.reading and not dialog.refresh_button.isEnabled()
        assert "Asking the registrar" in dialog.status_label.text()
        with qtbot.waitSignal(dialog.refreshed, timeout=10000):
            pass
        timer.stop()
    finally:
        silent.close()
    assert len(ticks) >= 10  # the event loop ran all the while the registrar was asked
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text().startswith("The registrar 127.0.0.1 did not answer")
    assert not dialog.no_registration_label.isVisible()
    assert all("could not be asked" in text for text in check_texts(dialog))
    assert dialog.refresh_button.isEnabled() and not dialog.reading
