"""The CLI as users run it: `python main.py COMMAND` in a real subprocess."""
import json
import subprocess
import sys

from tests.conftest import REPO


def run(data_dir, *args, stdin="", check=True):
    proc = subprocess.run([sys.executable, str(REPO / "main.py"), *args, "--data-dir", str(data_dir)],
                          input=stdin, check=False, capture_output=True, text=True, timeout=120, cwd=REPO)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def test_demo_then_device_list_shows_every_catalog_type_with_its_url(data_dir):
    from app.catalog import load_catalog

    demo = json.loads(run(data_dir, "demo", "--json").stdout)
    devices = json.loads(run(data_dir, "device", "list", "--json").stdout)
    type_ids = sorted(d.id for d in load_catalog().device_types())
    assert sorted(d["type_id"] for d in devices) == type_ids
    assert len(demo["devices"]) == len(type_ids) and len(demo["lines"]) >= 3
    for device in devices:
        assert device["url"].endswith(f":8448/{device['access_key']}.cfg")
        assert device["admin_password"] is None  # generated: never disclosed


def test_device_config_prints_a_native_configuration_for_every_catalog_entry(data_dir):
    devices = json.loads(run(data_dir, "demo", "--json").stdout)["devices"]
    for device in devices:
        body = run(data_dir, "device", "config", str(device["id"])).stdout
        assert body.strip(), device["type_id"]


def test_line_and_device_crud_and_new_key(data_dir):
    pbx = json.loads(run(data_dir, "pbx", "create", "--name", "Acme", "--sip-domain", "sip.acme.example",
                         "--registrar-host", "sip.acme.example", "--json").stdout)
    line = json.loads(run(data_dir, "line", "create", "--pbx", str(pbx["id"]), "200", "--display-name", "Zoe",
                          "--password", "pw-200", "--json").stdout)
    assert "pw-200" not in json.dumps(line)
    device = json.loads(run(data_dir, "device", "create", str(line["id"]), "yealink-t46u", "--mac",
                            "80-5E-C0-AA-BB-CC", "--admin-password", "1234", "--json").stdout)
    assert device["mac"] == "805ec0aabbcc" and device["admin_password"] == "1234"
    renewed = json.loads(run(data_dir, "device", "new-key", str(device["id"]), "--json").stdout)
    assert renewed["access_key"] != device["access_key"]
    updated = json.loads(run(data_dir, "line", "update", str(line["id"]), "--display-name", "Zoë", "--json").stdout)
    assert updated["display_name"] == "Zoë"
    shown = json.loads(run(data_dir, "device", "show", str(device["id"]), "--json").stdout)
    assert shown["needs_sync"] is True
    deleted = run(data_dir, "device", "delete", str(device["id"]))
    assert "not deleted" in deleted.stdout
    assert json.loads(run(data_dir, "device", "list", "--json").stdout) == []


def test_bad_input_gives_a_clear_error_and_exit_code_2(data_dir):
    proc = run(data_dir, "pbx", "create", "--name", "X", "--sip-domain", "bad domain", "--registrar-host", "h",
               check=False)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: SIP domain:")
    assert "Traceback" not in proc.stderr
    proc = run(data_dir, "device", "show", "42", check=False)
    assert proc.returncode == 2 and "device 42 not found" in proc.stderr


def test_import_command_reports_row_errors(data_dir, tmp_path):
    pbx = json.loads(run(data_dir, "pbx", "create", "--name", "Acme", "--sip-domain", "a.example",
                         "--registrar-host", "a.example", "--json").stdout)
    csv_file = tmp_path / "l.csv"
    csv_file.write_text("number,password\n300,pw\nabc,pw\n")
    proc = run(data_dir, "import", str(csv_file), "--pbx", str(pbx["id"]), check=False)
    assert proc.returncode == 2 and "row 3" in proc.stderr
    csv_file.write_text("number,password\n300,pw\n301,pw\n")
    assert "imported 2 lines" in run(data_dir, "import", str(csv_file), "--pbx", str(pbx["id"])).stdout


def test_a_broken_database_url_is_explained(data_dir):
    proc = run(data_dir, "line", "list", "--db", "nosuchdb://x", check=False)
    assert proc.returncode == 2 and "Cannot use database URL" in proc.stderr


def test_cert_show_import_and_back_to_generated(data_dir, tmp_path):
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
    from cryptography.x509.oid import NameOID

    generated = json.loads(run(data_dir, "cert", "show", "--json").stdout)
    assert len(generated["fingerprint_sha256"].split(":")) == 32 and not generated["imported"]
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "prov.customer.example")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now)
            .not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("prov.customer.example")]), critical=False)
            .sign(key, hashes.SHA256()))
    p12 = tmp_path / "server.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(b"srv", key, cert, None, BestAvailableEncryption(b"pw")))
    wrong = run(data_dir, "cert", "import", str(p12), "--password-stdin", stdin="nope\n", check=False)
    assert wrong.returncode == 2 and "password is wrong" in wrong.stderr
    imported = json.loads(run(data_dir, "cert", "import", str(p12), "--password-stdin", "--json", stdin="pw\n").stdout)
    assert imported["imported"] and imported["dns_names"] == ["prov.customer.example"]
    assert json.loads(run(data_dir, "cert", "show", "--json").stdout)["fingerprint_sha256"] == imported["fingerprint_sha256"]
    back = json.loads(run(data_dir, "cert", "generated", "--json").stdout)
    assert not back["imported"] and back["fingerprint_sha256"] != imported["fingerprint_sha256"]


def test_settings_set_validates_and_warns_about_plain_http(data_dir):
    proc = run(data_dir, "settings", "set", "tls=false", "port=9448", "--json")
    settings = json.loads(proc.stdout)
    assert settings["tls"] is False and settings["port"] == 9448
    assert "unencrypted" in proc.stderr
    bad = run(data_dir, "settings", "set", "colour=red", check=False)
    assert bad.returncode == 2 and "KEY one of" in bad.stderr
    devices_url = json.loads(run(data_dir, "demo", "--json").stdout)["devices"][0]["url"]
    assert devices_url.startswith("http://") and ":9448/" in devices_url


def test_device_port_assigns_ht814_ports_2_to_4_and_their_lines_reach_the_config(data_dir):
    pbx = json.loads(run(data_dir, "pbx", "create", "--name", "Fax", "--sip-domain", "sip.fax.example",
                         "--registrar-host", "sip.fax.example", "--json").stdout)
    lines = [json.loads(run(data_dir, "line", "create", "--pbx", str(pbx["id"]), n, "--password", f"pw-{n}-x",
                            "--json").stdout) for n in ("400", "401", "402", "403")]
    gateway = json.loads(run(data_dir, "device", "create", str(lines[0]["id"]), "grandstream-ht814",
                             "--json").stdout)
    for port, number in ((2, "401"), (3, "402"), (4, "403")):
        run(data_dir, "device", "port", str(gateway["id"]), str(port), number)
    body = run(data_dir, "device", "config", str(gateway["id"])).stdout
    for n, number in enumerate(("400", "401", "402", "403")):
        assert f"<P{4060 + n}>{number}</P{4060 + n}>" in body
    cleared = json.loads(run(data_dir, "device", "port", str(gateway["id"]), "3", "--clear", "--json").stdout)
    assert cleared[2] == {"port": 3, "line_number": None}
    assert "<P4597>0</P4597>" in run(data_dir, "device", "config", str(gateway["id"])).stdout
    bad = run(data_dir, "device", "port", str(gateway["id"]), "5", "401", check=False)
    assert bad.returncode == 2 and bad.stderr.startswith("error: port:") and "ports 1 to 4" in bad.stderr
    unknown = run(data_dir, "device", "port", str(gateway["id"]), "2", "999", check=False)
    assert unknown.returncode == 2 and unknown.stderr.startswith("error: line:")
