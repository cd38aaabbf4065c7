import json

import pytest

from app.settings import Settings, load_settings, save_settings
from app.validation import ValidationError


def test_defaults_round_trip(tmp_path):
    assert load_settings(tmp_path) == Settings()
    changed = Settings().with_changes(port=9448, public_host="prov.example.net")
    save_settings(tmp_path, changed)
    assert load_settings(tmp_path) == changed
    assert not list(tmp_path.glob(".settings-*"))  # no temporary file left behind


@pytest.mark.parametrize("changes, field", [
    ({"port": 0}, "provisioning port"), ({"port": 70000}, "provisioning port"),
    ({"min_tls": "1.5"}, "minimum TLS version"), ({"monitor_interval_s": 1}, "monitor interval"),
    ({"notify_route": "pigeon"}, "NOTIFY route"), ({"public_host": "bad host"}, "public host"),
])
def test_invalid_settings_are_refused_with_the_field_named(changes, field):
    with pytest.raises(ValidationError) as err:
        Settings().with_changes(**changes)
    assert err.value.field == field


def test_a_damaged_file_is_explained(tmp_path):
    (tmp_path / "settings.json").write_text("{not json")
    with pytest.raises(ValidationError, match="fix or delete"):
        load_settings(tmp_path)
    (tmp_path / "settings.json").write_text(json.dumps({"port": 8448, "colour": "red"}))
    with pytest.raises(ValidationError, match="unknown entries"):
        load_settings(tmp_path)
