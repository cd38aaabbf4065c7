"""The Settings tab: validation per field, nothing half-saved, roles, and the served certificate."""
from __future__ import annotations

import ssl
from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from PySide6.QtCore import Qt

from app.services.dto import Actor
from app.serving import ProvisioningService, current_certificate
from app.settings import load_settings
from tests.ui.screenshots import save_screenshot
from ui.bridge import EventBridge
from ui.session import make_session
from ui.tabs.settings_tab import SettingsTab


@pytest.fixture
def make_tab(qtbot, ctx):
    sessions = []

    def make(actor: Actor) -> SettingsTab:
        bridge = EventBridge(ctx.bus)
        session = make_session(ctx, actor, bridge, workers=2)
        sessions.append((session, bridge))
        widget = SettingsTab(session)
        qtbot.addWidget(widget)
        widget.resize(900, 1000)
        widget.show()
        qtbot.waitExposed(widget)
        # the certificate is read in the pool: wait for it
        qtbot.waitUntil(lambda: not widget.certificate.busy, timeout=10000)
        return widget

    yield make
    for session, bridge in sessions:
        session.pool.stop()
        session.pool.join(10)
        bridge.close()


@pytest.fixture
def tab(make_tab, provider, ctx) -> SettingsTab:
    current_certificate(ctx)  # what the provisioning server does when it starts
    return make_tab(provider)


def _fingerprint(cert: x509.Certificate) -> str:
    raw = cert.fingerprint(hashes.SHA256()).hex().upper()
    return ":".join(raw[i:i + 2] for i in range(0, len(raw), 2))


def test_shows_the_current_settings_and_the_link_preview_updates_as_one_types(qtbot, tab, ctx):
    form = tab.form
    assert form.bind_address_edit.text() == ctx.settings.bind_address
    assert form.port_edit.text() == "8448"
    assert form.public_host_edit.text() == "prov.test.example"
    assert form.min_tls_combo.currentText() == "1.2"
    assert form.sip_bind_edit.text() == "127.0.0.1"
    assert form.language_combo.currentText() == "English"
    assert tab.url_preview.text() == "https://prov.test.example:8448/<access key>.cfg"
    form.public_host_edit.clear()
    qtbot.keyClicks(form.public_host_edit, "phones.example.net")
    form.port_edit.clear()
    qtbot.keyClicks(form.port_edit, "9443")
    assert tab.url_preview.text() == "https://phones.example.net:9443/<access key>.cfg"
    form.tls_box.setChecked(False)
    assert tab.url_preview.text() == "http://phones.example.net:9443/<access key>.cfg"
    assert form.plain_http_warning.isVisible() and not form.min_tls_combo.isEnabled()
    assert not tab.message.isVisible()
    assert ctx.settings.port == 8448  # nothing saved by typing


@pytest.mark.parametrize("port, expected", [
    ("70000", "Provisioning port: 70000 is out of range; use 1 to 65535."),
    ("http", "Provisioning port: 'http' is not a number; use 1 to 65535."),
])
def test_a_bad_port_is_explained_at_the_field_and_nothing_is_saved(qtbot, tab, ctx, data_dir, port, expected):
    before = ctx.settings
    tab.form.port_edit.clear()
    qtbot.keyClicks(tab.form.port_edit, port)
    tab.form.language_combo.setCurrentIndex(1)  # a valid change in the same save is not saved either
    with qtbot.assertNotEmitted(tab.settings_saved):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.form.errors["port"].isVisible()
    assert tab.form.errors["port"].text() == expected
    assert tab.message.text() == "Nothing was saved: correct the marked field."
    assert ctx.settings == before
    assert load_settings(data_dir) == before
    assert tab.saved_label.text() == ""


def test_a_bad_minimum_tls_version_is_explained_at_its_field(qtbot, tab, ctx, data_dir):
    before = ctx.settings
    tab.form.min_tls_combo.setCurrentText("1.4")
    with qtbot.assertNotEmitted(tab.settings_saved):
        assert not tab.save()
    assert tab.form.errors["min_tls"].text() == "Minimum TLS version: '1.4' is not one of 1.0, 1.1, 1.2, 1.3."
    assert not tab.form.errors["port"].isVisible()
    assert load_settings(data_dir) == before == ctx.settings


def test_every_wrong_field_is_marked_at_once(tab, ctx):
    tab.form.bind_address_edit.setText("not an address")
    tab.form.public_host_edit.setText("bad host")
    tab.form.port_edit.setText("0")
    assert not tab.save()
    assert tab.form.errors["bind_address"].text().startswith("Bind address: 'not an address' is neither")
    assert tab.form.errors["public_host"].text().startswith("Public host:")
    assert tab.form.errors["port"].text() == "Provisioning port: 0 is out of range; use 1 to 65535."
    assert tab.message.text() == "Nothing was saved: correct the marked fields."
    tab.revert()
    assert not any(label.isVisible() for label in tab.form.errors.values())


def test_the_kamailio_url_is_needed_for_the_kamailio_registration_source(qtbot, tab, ctx, data_dir):
    form = tab.form
    assert not form.kamailio_url_edit.isEnabled()
    form.registration_source_combo.setCurrentIndex(form.registration_source_combo.findData("kamailio-rpc"))
    assert form.kamailio_url_edit.isEnabled()
    assert not tab.save()
    assert form.errors["kamailio_rpc_url"].text().startswith("Kamailio JSON-RPC URL: reading registrations from")
    assert ctx.settings.registration_source == "register"
    form.kamailio_url_edit.setText("http://127.0.0.1:5071/RPC")
    with qtbot.waitSignal(tab.settings_saved, timeout=5000):
        assert tab.save()
    assert load_settings(data_dir).registration_source == "kamailio-rpc"
    assert load_settings(data_dir).kamailio_rpc_url == "http://127.0.0.1:5071/RPC"


def test_valid_settings_are_saved_emitted_and_ask_for_a_server_restart(qtbot, tab, ctx, data_dir):
    tab.form.port_edit.setText("70000")
    assert not tab.save()
    tab.form.port_edit.setText("9443")
    tab.form.public_host_edit.setText("phones.example.net")
    tab.form.min_tls_combo.setCurrentText("1.3")
    tab.form.monitor_interval_spin.setValue(60)
    with (qtbot.waitSignal(tab.server_restart_needed, timeout=5000),
          qtbot.waitSignal(tab.settings_saved, timeout=5000) as saved):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert not tab.message.isVisible()
    assert tab.saved_label.text() == "Saved."
    assert saved.args[0] == ctx.settings == load_settings(data_dir)
    assert (ctx.settings.port, ctx.settings.public_host, ctx.settings.min_tls) == (9443, "phones.example.net", "1.3")
    assert ctx.settings.monitor_interval_s == 60
    assert tab.url_preview.text() == "https://phones.example.net:9443/<access key>.cfg"
    assert tab.restart_note.isVisible()


def test_a_language_change_is_saved_without_a_server_restart(qtbot, tab, ctx):
    tab.form.language_combo.setCurrentIndex(tab.form.language_combo.findData("de"))
    with qtbot.assertNotEmitted(tab.server_restart_needed):
        assert tab.save()
    assert ctx.settings.language == "de"
    assert not tab.restart_note.isVisible()


def test_revert_restores_the_saved_values(tab):
    tab.form.port_edit.setText("1")
    tab.revert()
    assert tab.form.port_edit.text() == "8448"


def test_a_user_sees_the_settings_read_only(make_tab, ctx, provider, make_line):
    current_certificate(ctx)
    line = make_line("100", "Anna Berger")
    user = Actor(username="anna", role="user", pbx_id=line.pbx_id, line_ids=frozenset({line.id}))
    tab = make_tab(user)
    form = tab.form
    assert form.port_edit.isReadOnly() and form.public_host_edit.isReadOnly() and form.bind_address_edit.isReadOnly()
    assert not form.min_tls_combo.isEnabled() and not form.language_combo.isEnabled()
    assert not form.monitor_interval_spin.isEnabled() and not form.tls_box.isEnabled()
    assert not tab.save_button.isVisible() and not tab.revert_button.isVisible()
    assert tab.read_only_note.isVisible()
    assert not tab.certificate.import_button.isVisible() and not tab.certificate.use_own_button.isVisible()
    assert tab.certificate.fingerprint_label.text()  # the certificate is shown to users too
    form.port_edit.setText("9999")
    assert not tab.save()
    assert ctx.settings.port == 8448


# -- certificate -----------------------------------------------------------------------------------------------


def test_the_fingerprint_shown_is_the_served_certificates(ctx, make_tab, provider):
    service = ProvisioningService(ctx, port=0, bind="127.0.0.1")
    service.start()
    try:
        served = x509.load_pem_x509_certificate(
            ssl.get_server_certificate(("127.0.0.1", service.server.port)).encode())
        tab = make_tab(provider)
    finally:
        service.stop()
        assert service.join(10)
    section = tab.certificate
    assert section.fingerprint_label.text() == _fingerprint(served)
    assert section.subject_label.text() == served.subject.rfc4514_string()
    assert section.issuer_label.text() == served.issuer.rfc4514_string() + " (own local CA)"
    assert "VoIP Device Console local CA" in section.issuer_label.text()
    assert not section.expiry_warning.isVisible()
    assert not section.use_own_button.isEnabled()


def _chain(tmp_path, *, days: int = 365, password: bytes | None = None):
    """A CA and a leaf certificate with its key, as an outside CA would issue them."""
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test Company Root CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
          .not_valid_after(now + timedelta(days=3650))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "prov.test.example")]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=days))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("prov.test.example")]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    chain = tmp_path / "chain.pem"
    chain.write_bytes(leaf.public_bytes(serialization.Encoding.PEM) + ca.public_bytes(serialization.Encoding.PEM))
    key_file = tmp_path / "server.key"
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    p12 = tmp_path / "server.p12"
    encryption = (serialization.BestAvailableEncryption(password) if password else serialization.NoEncryption())
    p12.write_bytes(pkcs12.serialize_key_and_certificates(b"server", key, leaf, [ca], encryption))
    return leaf, chain, key_file, p12


def test_importing_a_pem_chain_shows_the_new_certificate_and_asks_for_a_restart(qtbot, tab, tmp_path, ctx):
    leaf, chain, key_file, _p12 = _chain(tmp_path)
    section = tab.certificate
    own = section.fingerprint_label.text()
    qtbot.mouseClick(section.import_button, Qt.MouseButton.LeftButton)
    dialog = section.import_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.cert_file_edit.setText(str(chain))
    dialog.key_file_edit.setText(str(key_file))
    with qtbot.waitSignal(tab.server_restart_needed, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.fingerprint_label.text() == _fingerprint(leaf), timeout=5000)
    assert section.fingerprint_label.text() != own
    assert section.issuer_label.text() == "CN=Test Company Root CA (imported)"
    assert section.subject_label.text() == "CN=prov.test.example"
    assert section.restart_note.text() == ("The provisioning server restarts to present the new certificate to "
                                           "the devices.")
    assert not section.message.isVisible()
    served = x509.load_pem_x509_certificates((ctx.data_dir / "tls" / "server.crt").read_bytes())[0]
    assert _fingerprint(served) == _fingerprint(leaf)

    assert section.use_own_button.isEnabled()
    with qtbot.waitSignal(section.certificate_changed, timeout=20000):
        qtbot.mouseClick(section.use_own_button, Qt.MouseButton.LeftButton)
    assert section.issuer_label.text().endswith("(own local CA)")
    assert not section.use_own_button.isEnabled()


def test_a_pkcs12_file_with_its_password_is_imported(qtbot, tab, tmp_path):
    from ui.settings.certificate_import_dialog import ImportRequest

    leaf, _chain_file, _key, p12 = _chain(tmp_path, password=b"s3cret")
    section = tab.certificate
    section.import_certificate(ImportRequest(p12, None, "wrong", pkcs12=True))
    qtbot.waitUntil(section.message.isVisible, timeout=10000)
    assert section.message.text().endswith("is not a PKCS#12 file or the password is wrong")
    section.import_certificate(ImportRequest(p12, None, "s3cret", pkcs12=True))
    qtbot.waitUntil(lambda: section.fingerprint_label.text() == _fingerprint(leaf), timeout=10000)
    assert not section.message.isVisible()


def test_a_broken_file_is_refused_with_a_sentence_and_the_certificate_stays(qtbot, tab, tmp_path, ctx):
    broken = tmp_path / "broken.pem"
    broken.write_text("this is not a certificate\n")
    section = tab.certificate
    own = section.fingerprint_label.text()
    section.choose_import()
    section.import_dialog.cert_file_edit.setText(str(broken))
    with qtbot.assertNotEmitted(tab.server_restart_needed):
        section.import_dialog.import_button.click()
        qtbot.waitUntil(section.message.isVisible, timeout=10000)
    # the path starts with "/", so sentence() leaves the service's message as it is
    assert section.message.text() == f"{broken} holds no PEM certificate (expected '-----BEGIN CERTIFICATE-----')"
    assert section.fingerprint_label.text() == own
    assert section.import_button.isEnabled()


def test_the_import_dialog_checks_that_the_files_exist(qtbot, tab, tmp_path):
    section = tab.certificate
    section.choose_import()
    dialog = section.import_dialog
    dialog.import_button.click()
    assert dialog.isVisible() and dialog.message.text() == "Choose the certificate file first."
    dialog.cert_file_edit.setText(str(tmp_path / "missing.pem"))
    dialog.import_button.click()
    assert dialog.message.text() == f"The certificate file {tmp_path / 'missing.pem'} does not exist; check the path."
    dialog.cert_file_edit.setText(str(tmp_path / "server.p12"))
    assert not dialog.key_file_edit.isEnabled()
    dialog.reject()


def test_an_expiring_imported_certificate_is_warned_about(qtbot, tab, tmp_path):
    from ui.settings.certificate_import_dialog import ImportRequest

    _leaf, chain, key_file, _p12 = _chain(tmp_path, days=10)
    section = tab.certificate
    section.import_certificate(ImportRequest(chain, key_file, "", pkcs12=False))
    qtbot.waitUntil(section.expiry_warning.isVisible, timeout=10000)
    assert section.expiry_warning.text() in (
        "The certificate expires in 9 days: import a new one before then.",
        "The certificate expires in 10 days: import a new one before then.")


def test_screenshot(qtbot, tab):
    tab.form.port_edit.setText("70000")
    tab.save()
    save_screenshot(qtbot, tab, "tab-settings")


def test_before_the_first_server_start_the_certificate_appears_when_it_starts(qtbot, ctx, make_tab, provider):
    tab = make_tab(provider)
    section = tab.certificate
    assert section.info is None
    assert section.subject_label.text().startswith("None yet: the provisioning server creates its certificate")
    tab.form.port_edit.setText("9443")
    assert tab.save() and tab.restart_note.isVisible()
    service = ProvisioningService(ctx, port=0, bind="127.0.0.1")
    service.start()
    try:
        served = x509.load_pem_x509_certificate(
            ssl.get_server_certificate(("127.0.0.1", service.server.port)).encode())
        qtbot.waitUntil(lambda: section.fingerprint_label.text() == _fingerprint(served), timeout=5000)
        qtbot.waitUntil(lambda: not tab.restart_note.isVisible(), timeout=5000)
    finally:
        service.stop()
        assert service.join(10)
