"""Numbers typed or received are ASCII digits only: "²" passes str.isdigit() but int() rejects it."""
from app.monitoring import device_of_target
from app.render.common import split_host_port


def test_a_superscript_port_is_not_a_port():
    assert split_host_port("pbx.example.net:5²", 5061) == ("pbx.example.net:5²", 5061)
    assert split_host_port("pbx.example.net:5070", 5061) == ("pbx.example.net", 5070)


def test_a_monitor_target_with_a_non_ascii_id_names_no_device():
    assert device_of_target("device:²") is None
    assert device_of_target("device:12") == 12
