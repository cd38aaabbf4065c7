"""The CLI as users run it: `python main.py COMMAND` in a real subprocess."""
import json
import subprocess
import sys

from tests.conftest import REPO


def run(data_dir, *args, stdin="", check=True):
    proc = subprocess.run([sys.executable, str(REPO / "main.py"), *args, "--data-dir", str(data_dir)],
                          input=stdin, capture_output=True, text=True, timeout=120, cwd=REPO)
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
