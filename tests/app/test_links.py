"""Issue [7] item 6: links never carry a loopback host silently; serve --port reaches the links."""
from __future__ import annotations

import json
from pathlib import Path

from app.context import build_context
from app.links import default_route_address, in_certificate, is_loopback, link_host_findings
from app.serve import apply_overrides


def codes(findings):
    return [f.code for f in findings]


def test_loopback_hosts_are_reported():
    for host in ("localhost", "127.0.0.1", "::1", "[::1]", "127.1.2.3"):
        assert "loopback" in codes(link_host_findings(host, resolve=lambda h: [])), host


def test_name_resolving_to_loopback_only_is_reported():
    assert codes(link_host_findings("pc.lan", resolve=lambda h: ["127.0.1.1"])) == ["loopback"]


def test_unresolvable_name_is_reported():
    assert codes(link_host_findings("nowhere.invalid", resolve=lambda h: [])) == ["unresolved"]


def test_good_host_in_certificate_has_no_finding():
    cert = (("prov.example.net",), ("192.0.2.10",))
    assert link_host_findings("prov.example.net", resolve=lambda h: ["192.0.2.10"], certificate=cert) == []
    assert link_host_findings("192.0.2.10", resolve=lambda h: [], certificate=cert) == []


def test_host_missing_from_certificate_is_reported():
    cert = (("prov.example.net", "*.lan.example"), ("192.0.2.10",))
    assert codes(link_host_findings("192.0.2.11", certificate=cert)) == ["not-in-certificate"]
    assert codes(link_host_findings("other.example", resolve=lambda h: ["192.0.2.9"], certificate=cert)) == [
        "not-in-certificate"]
    assert in_certificate("pc.lan.example", *cert)
    assert not in_certificate("a.pc.lan.example", *cert)  # a wildcard covers one label


def test_default_route_address_is_never_loopback():
    address = default_route_address()  # this machine's: only its kind is checked, never its value
    assert address is None or not is_loopback(address)


def test_first_start_stores_the_default_route_address(tmp_path: Path):
    ctx = build_context(tmp_path / "d", find_address=lambda: "192.0.2.44")
    try:
        assert ctx.settings.public_host == "192.0.2.44"
        assert ctx.base_url() == "https://192.0.2.44:8448/"
        saved = json.loads((tmp_path / "d" / "settings.json").read_text())
        assert saved["public_host"] == "192.0.2.44"
    finally:
        ctx.close()
    again = build_context(tmp_path / "d", find_address=lambda: "192.0.2.99")  # not a first start
    try:
        assert again.settings.public_host == "192.0.2.44"
    finally:
        again.close()


def test_first_start_without_default_route_keeps_empty_host_and_warns(tmp_path: Path):
    ctx = build_context(tmp_path / "d", find_address=lambda: None)
    try:
        assert ctx.settings.public_host == ""
        ctx.update_settings(ctx.settings.with_changes(public_host="localhost"))
        assert "loopback" in codes(ctx.link_findings(resolve=lambda h: ["127.0.0.1"]))
    finally:
        ctx.close()


def test_serve_port_override_reaches_the_links(tmp_path: Path):
    ctx = build_context(tmp_path / "d", find_address=lambda: "192.0.2.44")
    try:
        apply_overrides(ctx, port=18449)
        assert ctx.base_url() == "https://192.0.2.44:18449/"
        saved = json.loads((tmp_path / "d" / "settings.json").read_text())
        assert saved["port"] == 8448  # for this run only
    finally:
        ctx.close()
