"""The manual's procedures walked through the main window as a user does, button by button:
"Creating, Modifying and Deleting a VoIP Device", "Manage a VoIP Device Manually via AdminCenter",
"Check the VoIP Device Registration Status" and "Manage an IP-Telephone" (QR).

The console runs its real provisioning server (TLS on 127.0.0.1); the devices' fetches are real HTTPS
requests; the registration check asks the real Kamailio about a real sipp phone."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from app.background import BackgroundServices
from app.services.devices import DELETE_WARNING
from app.services.lines import LineInput
from app.services.pbx import PbxInput
from tests.conftest import wait_for
from tests.integration.sip.conftest import wait_until
from tests.ui.device_dialogs.conftest import YEALINK_USER_AGENT
from tests.ui.device_dialogs.test_qr_dialog import decode
from ui.itemmodels.phones_tree_model import RowKind
from ui.main_window import MainWindow


@pytest.fixture
def console(qtbot, ctx, provider, ui_state):
    """The main window as the launcher builds it, with its provisioning server on 127.0.0.1 (any port).
    The registration monitor stays off: it would probe the registrars of every vPBX."""
    background = BackgroundServices(ctx, port=0, bind="127.0.0.1", monitor=False)
    window = MainWindow(ctx, provider, ui_state, background=background)
    qtbot.addWidget(window)
    window.start_background()
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.server_status.state == "running", timeout=10000)
    yield window
    window.shutdown()
    window.close()


@pytest.fixture
def acme_line(ctx, provider):
    pbx = ctx.pbx.create(provider, PbxInput(name="Acme", sip_domain="sip.acme.example",
                                            registrar_host="sip.acme.example"))
    return ctx.lines.create(provider, pbx.id, LineInput(number="104", display_name="Anna", password="pw-104"))


def device_fetches(window: MainWindow, url: str, user_agent: str) -> requests.Response:
    """The device (or app) loads the link: sent to the console's server on 127.0.0.1."""
    service = window.background.provisioning
    with requests.Session() as http:
        http.trust_env = False  # else REQUESTS_CA_BUNDLE from the environment overrides `verify`
        return http.get(f"https://127.0.0.1:{service.server.port}{urlsplit(url).path}",
                        headers={"User-Agent": user_agent}, verify=str(service.certificate.ca_path), timeout=10)


def open_details(qtbot, window: MainWindow, device_id: int):
    tab = window.phones_tab
    tab.select((RowKind.DEVICE, device_id))
    assert tab.current_device().id == device_id
    qtbot.mouseClick(tab.panel.details_button, Qt.MouseButton.LeftButton)
    dialog = window.device_dialogs[device_id]
    qtbot.waitExposed(dialog)
    return dialog


def test_creating_modifying_and_deleting_a_voip_device(qtbot, ctx, provider, console, acme_line):
    window = console
    window.show_tab(window.phones_tab)
    tab = window.phones_tab
    qtbot.waitUntil(lambda: window.phones_model.line_ids() == [acme_line.id], timeout=5000)

    # Create: at an empty "Telephone" select the desired VoIP device type, click [+ Save]
    tab.select((RowKind.SLOT, acme_line.id))
    tab.panel.type_combo.select_type("yealink-t46u")
    assert tab.panel.save_button.isEnabled()
    qtbot.mouseClick(tab.panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.phones_model.devices_of_line(acme_line.id)) == 1, timeout=5000)
    device = window.phones_model.devices_of_line(acme_line.id)[0]
    assert device.type_id == "yealink-t46u" and device.last_access_at is None

    # Edit: at the telephone click [Details ...]; set the parameters; [Save]
    dialog = open_details(qtbot, window, device.id)
    assert [dialog.tabs.tabText(i).replace("&", "") for i in range(dialog.tabs.count())][:2] == ["Device", "Keys"]
    form = dialog.form
    form.admin_password_edit.setText("12ab")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "digit" in form.errors["admin_password"].text().lower() and form.errors["admin_password"].isVisible()
    assert ctx.devices.get(provider, device.id).admin_password_generated  # nothing saved
    form.admin_password_edit.setText("4711")
    form.mac_edit.setText("00:04:13:45:C9:BF")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    stored = ctx.devices.get(provider, device.id)
    assert (stored.admin_password, stored.mac, stored.admin_password_generated) == ("4711", "00041345c9bf", False)
    dialog.close()

    # Delete: the manual's note that only the exchange-side data is deleted
    tab.select((RowKind.DEVICE, device.id))
    qtbot.keyClick(tab.tree, Qt.Key.Key_Delete)
    box = tab.confirmation
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible, timeout=5000)
    assert DELETE_WARNING in box.informativeText()
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.phones_model.devices_of_line(acme_line.id) == [], timeout=5000)
    assert ctx.devices.list(provider, line_id=acme_line.id) == []


def test_manage_a_voip_device_manually_via_admincenter(qtbot, ctx, provider, console, acme_line):
    window = console
    device = ctx.devices.create(provider, acme_line.id, "snom-d735")
    qtbot.waitUntil(lambda: device.id in window.phones_model.device_ids(), timeout=5000)
    window.show_tab(window.phones_tab)

    # 3.-5. open the "Device" tab, configure the passwords, [Save]
    dialog = open_details(qtbot, window, device.id)
    form = dialog.form
    form.admin_password_edit.setText("90210")
    form.user_name_edit.setText("anna")
    form.user_password_edit.setText("1234")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.has_unsaved_changes()
    saved = ctx.devices.get(provider, device.id)
    assert (saved.admin_password, saved.user_name, saved.user_password) == ("90210", "anna", "1234")

    # 6. [Manual configure ...]: the exact instructions and the link to copy
    qtbot.mouseClick(form.manual_button, Qt.MouseButton.LeftButton)
    manual = dialog.child_dialog
    qtbot.waitExposed(manual)
    assert manual.steps == ctx.catalog.device_type("snom-d735").manual_steps_for(ctx.base_url(), saved.access_key)
    assert manual.link_edit.text() == saved.url and manual.link_edit.isReadOnly()
    qtbot.mouseClick(manual.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == saved.url
    manual.close()

    # the device reboots and loads its configuration from the link
    service = window.background.provisioning
    wait_for(lambda: service.serves(saved.access_key, saved.config_revision), message="the saved configuration")
    reply = device_fetches(window, saved.url, "snom D735/10.1.141.13")
    assert reply.status_code == 200 and b"90210" in reply.content

    # 7. repeatedly click [Refresh]: 'Last Access' shows date, time and IP address
    def last_access_shown() -> bool:
        qtbot.mouseClick(form.refresh_button, Qt.MouseButton.LeftButton)
        return "127.0.0.1" in form.last_access_label.text()

    qtbot.waitUntil(last_access_shown, timeout=10000)
    assert "snom D735" in form.last_access_label.text() or "snom D735" in form.last_access_label.toolTip()
    dialog.close()


@pytest.mark.integration
def test_check_the_voip_device_registration_status(qtbot, ctx, provider, console, kamailio, sip_line, phone_as):
    window = console
    line = sip_line("1003")
    device = ctx.devices.create(provider, line.id, "yealink-t46u")
    phone = phone_as("1003")
    wait_until(lambda: any(f":{phone.port}" in c["Address"] for c in kamailio.contacts("1003")), 10,
               "sipp registering 1003")
    qtbot.waitUntil(lambda: device.id in window.phones_model.device_ids(), timeout=5000)

    # go to the tab "Phones", click [State ...]
    window.show_tab(window.phones_tab)
    tab = window.phones_tab
    tab.select((RowKind.LINE, line.id))
    qtbot.mouseClick(tab.panel.state_button, Qt.MouseButton.LeftButton)
    dialog = window.state_dialogs[line.id]
    qtbot.waitUntil(lambda: dialog.state is not None, timeout=15000)

    # in the list of "Registrations": a matching User Agent, an IP address, the number in "Contact"
    table = dialog.table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    mine = [row for row in rows if row[2] == str(phone.port)]
    assert len(mine) == 1, rows
    agent, ip, _port, contact, *_rest, matched = mine[0]
    assert agent.startswith(YEALINK_USER_AGENT) and ip == "127.0.0.1" and "1003" in contact
    assert "matches" in matched and "Yealink T46U" in matched
    assert all(label.property("passed") for label in dialog.check_labels), [label.text() for label in dialog.check_labels]
    dialog.close()


def test_manage_an_ip_telephone_with_the_qr_code(qtbot, ctx, provider, console, acme_line):
    window = console
    device = ctx.devices.create(provider, acme_line.id, "linphone-app")
    qtbot.waitUntil(lambda: device.id in window.phones_model.device_ids(), timeout=5000)
    window.show_tab(window.phones_tab)
    dialog = open_details(qtbot, window, device.id)
    form = dialog.form

    # 1. click [New]: a QR code is displayed
    assert form.new_qr_button.isVisible() and not form.mac_edit.isVisible()
    qtbot.mouseClick(form.new_qr_button, Qt.MouseButton.LeftButton)
    qr = dialog.child_dialog
    qtbot.waitExposed(qr)
    [url] = decode(qr.qr_image())
    assert url == ctx.devices.get(provider, device.id).url

    # 2. the app scans the code and loads the configuration
    service = window.background.provisioning
    wait_for(lambda: service.serves(urlsplit(url).path[1:-4]), message="the app's entry")
    assert device_fetches(window, url, "LinphoneAndroid/5.2.5 (Pixel 8)").status_code == 200
    qtbot.waitUntil(lambda: "127.0.0.1" in qr.status_label.text(), timeout=10000)

    # 3. [Refresh]: 'Last Access' shows date, time and IP address
    qtbot.mouseClick(form.refresh_button, Qt.MouseButton.LeftButton)
    assert "127.0.0.1" in form.last_access_label.text()

    # a second [New] (a new phone) asks first, then retires the old link
    qr.close()
    qtbot.mouseClick(form.new_qr_button, Qt.MouseButton.LeftButton)
    again = dialog.child_dialog
    box = again.confirmation
    qtbot.waitUntil(box.isVisible, timeout=5000)
    again.confirm_button.click()
    qtbot.waitExposed(again)
    [new_url] = decode(again.qr_image())
    assert new_url != url
    assert device_fetches(window, url, "LinphoneAndroid/5.2.5").status_code == 404
    # the misuse banner reports the retired link, with the client's address and never the key
    qtbot.waitUntil(window.misuse_banner.isVisible, timeout=5000)
    assert "127.0.0.1" in window.misuse_banner.text_label.text()
    assert urlsplit(url).path[1:-4] not in window.misuse_banner.text_label.text()
    # ... with the manual's procedure and the refusals of the access log one click away
    window.misuse_banner.procedure_button.click()
    assert window.help_viewer.isVisible() and window.help_viewer.current_topic() == "misuse"
    window.help_viewer.close()
    window.misuse_banner.access_log_button.click()
    log = window.access_log_dialog
    assert log.isVisible() and log.refusals_only_box.isChecked()
    qtbot.waitUntil(lambda: any("retired" in row[4] for row in log.row_texts()), timeout=10000)
    log.close()
    again.close()
    dialog.close()


@pytest.mark.integration
def test_configuration_of_function_keys_save_and_synchronize(qtbot, ctx, provider, console, kamailio, sip_line,
                                                             phone_as):
    """Open the tab "Keys", configure a key, [Save], make sure the phone is connected, [Synchronize]:
    the phone (sipp, named as a Yealink) gets the NOTIFY, loads the configuration, and it carries the key."""
    from ui.keys.operations import Assignment

    window = console
    line = sip_line("1004")
    device = ctx.devices.create(provider, line.id, "yealink-t46u")
    phone = phone_as("1004")
    wait_until(lambda: any(f":{phone.port}" in c["Address"] for c in kamailio.contacts("1004")), 10,
               "sipp registering 1004")
    qtbot.waitUntil(lambda: device.id in window.phones_model.device_ids(), timeout=5000)
    window.show_tab(window.phones_tab)
    dialog = open_details(qtbot, window, device.id)

    # 1.-3. the tab "Keys": a key with a feature and its value, [Save]
    dialog.tabs.setCurrentWidget(dialog.keys_tab)
    keys = dialog.keys_tab
    keys.set_key((0, "line-2"), Assignment("speed_dial", "0301234567", "Taxi"))
    assert not keys.sync_button.isEnabled()  # the device downloads what is saved: save first
    qtbot.mouseClick(keys.save_button, Qt.MouseButton.LeftButton)
    assert ctx.devices.get(provider, device.id).needs_sync

    # 5. [Synchronize]: the NOTIFY goes to the registered phone, which then loads its configuration
    qtbot.mouseClick(keys.sync_button, Qt.MouseButton.LeftButton)
    wait_for(lambda: any(a.action == "synchronize" and a.object_id == device.id and "200" in a.details
                         for a in ctx.logs.audit(provider)), timeout=15, message="the NOTIFY answered 200")
    saved = ctx.devices.get(provider, device.id)
    service = window.background.provisioning
    wait_for(lambda: service.serves(saved.access_key, saved.config_revision), message="the saved keys served")
    reply = device_fetches(window, saved.url, YEALINK_USER_AGENT)
    assert reply.status_code == 200
    config = reply.text.splitlines()
    assert "linekey.2.value = 0301234567" in config and "linekey.2.label = Taxi" in config
    qtbot.waitUntil(lambda: keys.state_label.text().startswith("Device fetched its configuration at"),
                    timeout=15000)
    assert not ctx.devices.get(provider, device.id).needs_sync
    dialog.close()
