"""The Device dialog ([Details ...]): parameters with inline validation, Save, Synchronize, Restart,
New Access Key, the Keys tab, and what it hides for apps, browser phones and DECT handsets."""
from __future__ import annotations

import pytest
import requests
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QMessageBox, QWidget

from app.services.devices import DeviceInput
from models.schema import Device
from tests.ui.device.conftest import save_screenshot


def stored_row(ctx, device_id: int) -> Device:
    with ctx.db.session() as s:
        row = s.scalar(sa.select(Device).where(Device.id == device_id))
        s.expunge(row)
        return row


def every_text(widget: QWidget) -> str:
    """All text a person could see or hover over in the widget and its children."""
    parts = [widget.windowTitle(), widget.toolTip()]
    for child in widget.findChildren(QWidget):
        parts.append(child.toolTip())
        if isinstance(child, QLineEdit):
            parts += [child.text(), child.placeholderText(), child.displayText()]
        elif isinstance(child, (QLabel, QAbstractButton)):
            parts.append(child.text())
        elif isinstance(child, QComboBox):
            parts += [child.itemText(i) for i in range(child.count())]
    return "\n".join(parts)


def test_bad_admin_password_and_mac_show_next_to_their_fields_and_nothing_is_saved(ctx, device_of, open_dialog):
    device = device_of("yealink-t46u")
    before = stored_row(ctx, device.id)
    dialog = open_dialog(device.id)
    form = dialog.form
    form.admin_password_edit.setText("12ab")
    form.mac_edit.setText("00:04:13:45:C9")
    form.user_name_edit.setText("someone else")
    form.save_button.click()

    assert form.errors["admin_password"].isVisible()
    assert "digits only" in form.errors["admin_password"].text()
    assert form.errors["mac"].isVisible()
    assert "10 hex digits" in form.errors["mac"].text()
    assert not form.errors["user_name"].isVisible()
    after = stored_row(ctx, device.id)
    assert (after.user_name, after.mac, after.config_revision) == (before.user_name, before.mac,
                                                                    before.config_revision)
    assert form.has_unsaved_changes()  # the input is kept for correcting


def test_a_refusal_of_the_service_is_shown_at_its_field(ctx, provider, device_of, open_dialog):
    other = device_of("yealink-t48u")
    ctx.devices.update(provider, other.id, DeviceInput(mac="00041345C9BF"))
    device = device_of("yealink-t46u")
    dialog = open_dialog(device.id)
    form = dialog.form
    form.mac_edit.setText("00:04:13:45:c9:bf")
    form.mac_provisioning_combo.setCurrentIndex(form.mac_provisioning_combo.findData("once"))
    assert not form.save()
    assert "already used by device" in form.errors["mac"].text()
    assert stored_row(ctx, device.id).mac is None

    form.mac_edit.setText("")
    assert not form.save()
    assert "MAC address before choosing 'once'" in form.errors["mac_provisioning"].text()
    assert not form.errors["mac"].isVisible()
    assert stored_row(ctx, device.id).mac_provisioning == "no"


def test_a_generated_password_is_never_displayed(ctx, device_of, open_dialog):
    device = device_of("snom-d785")
    row = stored_row(ctx, device.id)
    assert row.admin_password_generated and len(row.admin_password) == 40
    dialog = open_dialog(device.id)
    form = dialog.form
    assert form.admin_password_edit.text() == ""
    assert "generated, never shown" in form.admin_password_edit.placeholderText()
    for button in form.findChildren(QAbstractButton):
        if button.text() == "Show":  # the toggles reveal typed digits only, never a generated password
            button.click()
    text = every_text(dialog)
    assert row.admin_password not in text
    assert row.user_password not in text


def test_save_stores_the_parameters_and_marks_the_device_for_sync(ctx, device_of, open_dialog, qtbot):
    device = device_of("yealink-t46u")
    before = stored_row(ctx, device.id)
    dialog = open_dialog(device.id)
    form = dialog.form
    qtbot.keyClicks(form.admin_password_edit, "123456")
    qtbot.keyClicks(form.user_name_edit, "-anna")
    qtbot.keyClicks(form.mac_edit, "00-04-13-45-C9-BF")
    form.mac_provisioning_combo.setCurrentIndex(form.mac_provisioning_combo.findData("once"))
    assert dialog.isWindowModified()
    assert not form.sync_button.isEnabled()  # the device would download the old configuration

    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    after = stored_row(ctx, device.id)
    assert (after.admin_password, after.admin_password_generated) == ("123456", False)
    assert after.user_name == "demo-anna"
    assert (after.mac, after.mac_provisioning) == ("00041345c9bf", "once")
    assert after.user_password == before.user_password  # untouched: still the generated one
    assert after.needs_sync and after.config_revision > before.config_revision
    assert form.mac_edit.text() == "00041345C9BF"
    # never fetched by the demo device: the label names the revision it has yet to load
    assert f"revision {after.config_revision}" in form.sync_label.text()
    assert not dialog.isWindowModified()
    assert "Saved" in form.state_label.text()
    qtbot.wait(300)  # the save's own DataChanged refreshes the dialog: the note and the input stay
    assert "Saved" in form.state_label.text() and not form.has_unsaved_changes()


def test_restart_is_offered_only_where_the_type_supports_it(device_of, open_dialog):
    handset = open_dialog(device_of("snom-m85").id)
    assert not handset.form.restart_button.isVisibleTo(handset)
    assert handset.ask_restart() is None
    phone = open_dialog(device_of("yealink-t46u").id)
    assert phone.form.restart_button.isVisibleTo(phone)
    phone.form.restart_button.click()
    box = phone.confirmation
    assert box is not None and box.isVisible() and "Restart" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert phone.restart_run is None


def test_new_access_key_asks_first_and_cancel_keeps_the_key(ctx, provider, device_of, open_dialog, qtbot):
    device = device_of("yealink-t46u")
    keys_before = ctx.keys.list(provider, device.id)
    dialog = open_dialog(device.id)
    dialog.form.new_key_button.click()
    box = dialog.confirmation
    assert box is not None and box.isVisible()
    explanation = box.informativeText()
    assert "stops working at once" in explanation and "redirection" in explanation
    assert "key assignments are kept" in explanation
    save_screenshot(qtbot, box, "dialog-new-access-key")
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert ctx.devices.get(provider, device.id).url == device.url

    dialog.form.new_key_button.click()
    dialog.confirmation.button(QMessageBox.StandardButton.Yes).click()
    changed = ctx.devices.get(provider, device.id)
    assert changed.url != device.url and changed.access_key != device.access_key
    assert ctx.keys.list(provider, device.id) == keys_before
    assert "old link no longer works" in dialog.form.message_label.text()
    assert device.access_key not in every_text(dialog)


def test_base_unit_lists_only_compatible_bases(ctx, provider, demo, device_of, open_dialog):
    second = ctx.devices.create(provider, demo.lines[3].id, "snom-m700")
    handset = device_of("snom-m85")
    dialog = open_dialog(handset.id)
    combo = dialog.form.base_unit_combo
    listed = [combo.itemData(i) for i in range(combo.count()) if combo.itemData(i) is not None]
    assert second.id in listed
    assert {ctx.devices.get(provider, i).type_id for i in listed} == {"snom-m700"}
    assert combo.currentData() == handset.base_unit_id
    assert not dialog.form.mac_edit.isVisibleTo(dialog)  # a handset gets its data from the base

    combo.setCurrentIndex(combo.findData(second.id))
    assert dialog.form.save()
    assert ctx.devices.get(provider, handset.id).base_unit_id == second.id


def test_synchronize_without_a_registration_reports_why_and_the_gui_keeps_running(
        device_of, open_dialog, registrar_without_bindings, qtbot):
    dialog = open_dialog(device_of("yealink-t46u").id)
    form = dialog.form
    form.sync_button.click()
    run = dialog.sync_run
    assert run is not None and not run.done  # the job runs in the pool while the dialog stays live
    assert not form.sync_button.isEnabled()
    assert form.message_label.text() == "Synchronizing ..."
    qtbot.waitUntil(lambda: run.done, timeout=10000)
    assert form.error_label.isVisible()
    assert "No registration of this device on line" in form.error_label.text()
    assert form.sync_button.isEnabled()


def test_synchronize_from_the_keys_tab_reports_there(device_of, open_dialog, registrar_without_bindings, qtbot):
    dialog = open_dialog(device_of("yealink-t46u").id)
    dialog.tabs.setCurrentWidget(dialog.keys_tab)
    dialog.keys_tab.sync_button.click()
    assert dialog.keys_tab.state_label.text() == "Synchronizing ..."
    qtbot.waitUntil(lambda: dialog.sync_run is not None and dialog.sync_run.done, timeout=10000)
    assert "No registration of this device" in dialog.keys_tab.error_label.text()


def test_restart_runs_in_the_pool_after_the_confirmation(device_of, open_dialog, registrar_without_bindings,
                                                         qtbot):
    dialog = open_dialog(device_of("snom-d785").id)
    dialog.form.restart_button.click()
    dialog.confirmation.button(QMessageBox.StandardButton.Yes).click()
    run = dialog.restart_run
    assert run is not None
    qtbot.waitUntil(lambda: run.done, timeout=10000)
    assert "No registration of this device" in dialog.form.error_label.text()


def test_keys_tab_has_a_sub_tab_per_expansion_module(device_of, open_dialog, qtbot):
    dialog = open_dialog(device_of("yealink-t46u").id)
    assert dialog.windowTitle() == "Yealink T46U — line 104[*]"
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert titles == ["&Device", "&Keys"]
    save_screenshot(qtbot, dialog, "dialog-device")
    dialog.tabs.setCurrentWidget(dialog.keys_tab)
    modules = dialog.keys_tab.modules
    names = [modules.tabText(i) for i in range(modules.count())]
    assert names[0] == "Yealink T46U"
    assert len(names) == 4 and all("EXP43" in name for name in names[1:])
    save_screenshot(qtbot, dialog, "dialog-device-keys")


def test_app_and_browser_phone_show_their_own_procedures(device_of, open_dialog):
    app = open_dialog(device_of("linphone-app").id)
    form = app.form
    assert form.new_qr_button.isVisibleTo(app)
    for hidden in (form.mac_edit, form.admin_password_edit, form.mac_provisioning_combo, form.base_unit_combo,
                   form.restart_button, form.sync_button, form.new_key_button, form.webrtc_button):
        assert not hidden.isVisibleTo(app)
    browser = open_dialog(device_of("webrtc-browser").id)
    assert browser.form.webrtc_button.isVisibleTo(browser)
    assert not browser.form.new_qr_button.isVisibleTo(browser)
    assert not browser.form.mac_edit.isVisibleTo(browser)


def test_closing_with_unsaved_changes_asks_first(ctx, device_of, open_dialog, qtbot):
    device = device_of("yealink-t46u")
    dialog = open_dialog(device.id)
    qtbot.keyClicks(dialog.form.user_name_edit, "x")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    box = dialog.confirmation
    assert box is not None and box.isVisible()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert dialog.isVisible()
    dialog.close()
    dialog.confirmation.button(QMessageBox.StandardButton.Discard).click()
    assert not dialog.isVisible()
    assert stored_row(ctx, device.id).user_name == "demo"


def test_closing_can_save_first(ctx, device_of, open_dialog, qtbot):
    device = device_of("yealink-t46u")
    dialog = open_dialog(device.id)
    qtbot.keyClicks(dialog.form.user_name_edit, "y")
    dialog.reject()
    dialog.confirmation.button(QMessageBox.StandardButton.Save).click()
    assert not dialog.isVisible()
    assert stored_row(ctx, device.id).user_name == "demoy"


@pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")
def test_last_access_follows_the_device_fetching_its_configuration(ctx, device_of, open_dialog, qtbot):
    from app.serving import ProvisioningService

    device = device_of("yealink-t46u")
    dialog = open_dialog(device.id)
    assert "never" in dialog.form.last_access_label.text()
    service = ProvisioningService(ctx, port=0, bind="127.0.0.1", poll_interval=0.2)
    service.start()
    try:
        http = requests.Session()
        http.trust_env = False
        scheme = "https" if ctx.settings.tls else "http"
        qtbot.waitUntil(lambda: _served(http, scheme, service, device.access_key), timeout=10000)
        qtbot.waitUntil(lambda: "127.0.0.1" in dialog.form.last_access_label.text(), timeout=10000)
    finally:
        service.stop()
        service.join(5)
    assert "synchronized at" in dialog.form.sync_label.text()


def _served(http, scheme, service, access_key) -> bool:
    reply = http.get(f"{scheme}://127.0.0.1:{service.server.port}/{access_key}.cfg", verify=False, timeout=5,
                     headers={"User-Agent": "Yealink SIP-T46U 108.86.0.45"})
    return reply.status_code == 200


def test_a_change_elsewhere_refreshes_the_dialog_but_keeps_unsaved_input(ctx, provider, device_of, open_dialog,
                                                                        qtbot):
    device = device_of("yealink-t46u")
    dialog = open_dialog(device.id)
    form = dialog.form
    ctx.devices.update(provider, device.id, DeviceInput(user_name="changed elsewhere"))
    qtbot.waitUntil(lambda: form.user_name_edit.text() == "changed elsewhere")
    revision = str(ctx.devices.get(provider, device.id).config_revision)

    qtbot.keyClicks(form.mac_edit, "0004")
    ctx.devices.update(provider, device.id, DeviceInput(user_name="and again"))
    revision = str(ctx.devices.get(provider, device.id).config_revision)
    qtbot.waitUntil(lambda: f"revision {revision}" in form.sync_label.text())
    assert form.mac_edit.text() == "0004" and form.user_name_edit.text() == "changed elsewhere"
    assert form.has_unsaved_changes()


def test_a_deleted_device_is_reported_and_its_procedures_disabled(ctx, provider, device_of, open_dialog, qtbot):
    device = device_of("yealink-t46u")
    dialog = open_dialog(device.id)
    ctx.devices.delete(provider, device.id)
    qtbot.waitUntil(lambda: "no longer exists" in dialog.form.error_label.text())
    assert not dialog.form.sync_button.isEnabled() and not dialog.form.new_key_button.isEnabled()


def test_state_opens_the_registrations_of_the_line(device_of, open_dialog, registrar_without_bindings, qtbot):
    from ui.device.state_dialog import StateDialog

    dialog = open_dialog(device_of("yealink-t46u").id)
    dialog.form.state_button.click()
    state = dialog.child_dialog
    assert isinstance(state, StateDialog) and state.isVisible()
    qtbot.waitUntil(lambda: state.state is not None, timeout=10000)
    state.reject()


def test_new_of_the_app_and_the_web_phone_open_their_dialogs(device_of, open_dialog):
    from ui.device.qr_dialog import QrDialog
    from ui.device.webrtc_dialog import WebRtcDialog

    app = open_dialog(device_of("linphone-app").id)
    app.form.new_qr_button.click()
    assert isinstance(app.child_dialog, QrDialog) and app.child_dialog.isVisible()
    app.child_dialog.reject()
    browser = open_dialog(device_of("webrtc-browser").id)
    browser.form.webrtc_button.click()
    assert isinstance(browser.child_dialog, WebRtcDialog) and browser.child_dialog.isVisible()
    browser.child_dialog.reject()


def test_reachability_follows_the_sip_monitor(ctx, device_of, open_dialog, qtbot):
    from app.monitoring import device_target_id
    from app.sip.monitor import EndpointStateChanged

    device = device_of("yealink-t46u")
    dialog = open_dialog(device.id)
    assert "unknown" in dialog.form.reachable_label.text()
    ctx.bus.publish(EndpointStateChanged(target_id=device_target_id(device.id), reachable=False,
                                         user_agent=None, rtt_ms=None))
    qtbot.waitUntil(lambda: dialog.form.reachable_label.text().startswith("unreachable"))
    ctx.bus.publish(EndpointStateChanged(target_id=device_target_id(device.id), reachable=True,
                                         user_agent="Yealink SIP-T46U", rtt_ms=12.0))
    qtbot.waitUntil(lambda: dialog.form.reachable_label.text() == "reachable")


def test_the_outcome_sentences_of_synchronize(device_of, open_dialog):
    from datetime import UTC, datetime

    from app.sipops import SyncResult
    from app.tasks import TaskFinished

    dialog = open_dialog(device_of("yealink-t46u").id)

    def outcome(result=None, error=None, cancelled=False, action="synchronize"):
        return dialog.outcome_sentence(TaskFinished(task_id=1, result=result, error=error, cancelled=cancelled),
                                       action)

    fetched = SyncResult(1, "synchronize", 200, "OK", True, datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC))
    text, failed = outcome(fetched)
    assert text.startswith("Device fetched its configuration at 2026-01-0") and not failed
    text, failed = outcome(SyncResult(1, "synchronize", 200, "OK", False))
    assert "did not fetch its configuration within 30 s" in text and failed
    text, failed = outcome(SyncResult(1, "synchronize", 200, "OK", False), cancelled=True)
    assert "stopped waiting" in text and not failed
    text, failed = outcome(SyncResult(1, "synchronize", 481, "Call/Transaction Does Not Exist", None))
    assert "refused the request: 481" in text and failed
    text, failed = outcome(SyncResult(1, "restart", 200, "OK", None), action="restart")
    assert "accepted the restart (200 OK)" in text and not failed
    text, failed = outcome(error="the database is locked")
    assert text == "The database is locked" and failed


def test_a_user_of_one_line_edits_the_device_of_that_line(ctx, provider, demo, device_of, qtbot):
    from ui.bridge import EventBridge
    from ui.device.device_dialog import DeviceDialog
    from ui.session import make_session

    device = device_of("snom-d785")
    ctx.users.create(provider, "anna", "correct-horse-2", "user", pbx_id=demo.pbx.id, line_ids=(device.line_id,))
    bridge = EventBridge(ctx.bus)
    session = make_session(ctx, ctx.users.actor("anna"), bridge, workers=1)
    try:
        dialog = DeviceDialog(session, device.id)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.form.admin_password_edit, "4711")
        assert dialog.form.save(), dialog.form.error_label.text()
        assert ctx.devices.get(provider, device.id).admin_password == "4711"
        dialog.done(0)
    finally:
        session.pool.stop()
        session.pool.join(5)
        bridge.close()


def test_a_dect_handset_offers_no_link_actions_it_gets_its_config_via_its_base(device_of, open_dialog):
    handset = open_dialog(device_of("yealink-w56h").id)
    assert not handset.form.new_key_button.isVisibleTo(handset)
    assert not handset.form.manual_button.isVisibleTo(handset)
    base = open_dialog(device_of("yealink-w70b").id)
    assert base.form.new_key_button.isVisibleTo(base)
