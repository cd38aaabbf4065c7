"""Local CA and server certificate generation, reuse, reissue; PEM and PKCS#12 import; file permissions."""
from __future__ import annotations

import ipaddress
import ssl
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from app.provisioning.certificates import (
    CertificateError,
    certificate_info,
    ensure_server_certificate,
    import_pem_chain,
    import_pkcs12,
    local_names_and_addresses,
    remove_imported_certificate,
)
from tests.app.provisioning.conftest import MAIN_BODY


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def san_of(path: Path) -> tuple[set[str], set[str]]:
    cert = x509.load_pem_x509_certificates(path.read_bytes())[0]
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    return set(san.get_values_for_type(x509.DNSName)), {str(i) for i in san.get_values_for_type(x509.IPAddress)}


def test_first_start_creates_ca_and_server_certificate_with_private_keys_0600(tmp_path):
    info = ensure_server_certificate(tmp_path, ["localhost", "pc-office"], ["127.0.0.1", "192.0.2.10", "::1"])

    assert mode(info.key_path) == 0o600
    assert mode(tmp_path / "tls" / "ca.key") == 0o600
    assert mode(tmp_path / "tls") == 0o700
    assert san_of(info.cert_path) == ({"localhost", "pc-office"}, {"127.0.0.1", "192.0.2.10", "::1"})
    assert info.ca_path == tmp_path / "tls" / "ca.crt"
    assert not info.imported
    assert len(info.fingerprint_sha256.split(":")) == 32
    assert info.not_after - datetime.now(UTC) > timedelta(days=700)
    # the served chain verifies against the CA under strict X.509 rules, for a name and for an address
    for host in ("pc-office", "192.0.2.10"):
        assert memory_handshake(info, host) == host


def memory_handshake(info, host: str) -> str:
    """A complete TLS handshake in memory; returns the host name that verified (raises if verification fails)."""
    client = ssl.create_default_context(cafile=str(info.ca_path))
    client.verify_flags |= ssl.VERIFY_X509_STRICT
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(info.cert_path, info.key_path)
    to_server, to_client = ssl.MemoryBIO(), ssl.MemoryBIO()
    client_out, server_out = ssl.MemoryBIO(), ssl.MemoryBIO()
    c = client.wrap_bio(to_client, client_out, server_hostname=host)
    s = server.wrap_bio(to_server, server_out, server_side=True)
    done = {"c": False, "s": False}
    for _ in range(10):
        for name, side in (("c", c), ("s", s)):
            if not done[name]:
                try:
                    side.do_handshake()
                    done[name] = True
                except ssl.SSLWantReadError:
                    pass
        to_server.write(client_out.read())
        to_client.write(server_out.read())
        if all(done.values()):
            return c.server_hostname
    raise AssertionError("handshake did not complete")


def test_second_start_reuses_the_certificate(tmp_path):
    first = ensure_server_certificate(tmp_path, ["localhost"], ["127.0.0.1"])
    second = ensure_server_certificate(tmp_path, ["localhost"], ["127.0.0.1"])
    assert second.fingerprint_sha256 == first.fingerprint_sha256


def test_new_address_reissues_from_the_same_ca(tmp_path):
    first = ensure_server_certificate(tmp_path, ["localhost"], ["127.0.0.1"])
    ca_before = (tmp_path / "tls" / "ca.crt").read_bytes()

    second = ensure_server_certificate(tmp_path, ["localhost", "192.0.2.20"], ["127.0.0.1"])

    assert second.fingerprint_sha256 != first.fingerprint_sha256
    assert (tmp_path / "tls" / "ca.crt").read_bytes() == ca_before  # devices keep trusting the same CA
    assert "192.0.2.20" in san_of(second.cert_path)[1]  # an address given as a host name became an IP entry


def test_certificate_close_to_expiry_is_renewed(tmp_path):
    long_ago = datetime.now(UTC) - timedelta(days=820)
    old = ensure_server_certificate(tmp_path, ["localhost"], ["127.0.0.1"], now=long_ago)
    renewed = ensure_server_certificate(tmp_path, ["localhost"], ["127.0.0.1"])
    assert renewed.fingerprint_sha256 != old.fingerprint_sha256
    assert renewed.not_after > old.not_after


def test_rsa_server_certificate_for_old_devices(tmp_path):
    info = ensure_server_certificate(tmp_path, ["localhost"], ["127.0.0.1"], key_type="rsa")
    key = serialization.load_pem_private_key(info.key_path.read_bytes(), None)
    assert key.key_size == 2048


@pytest.mark.parametrize(
    ("names", "addresses", "needle"),
    [([], [], "at least one"), (["bad name"], [], "not a host name"), ([], ["999.1.1.1"], "not an IP address")],
)
def test_bad_names_and_addresses_are_explained(tmp_path, names, addresses, needle):
    with pytest.raises(CertificateError, match=needle):
        ensure_server_certificate(tmp_path, names, addresses)


def test_local_names_and_addresses_include_loopback():
    names, addresses = local_names_and_addresses()
    assert "localhost" in names
    assert {"127.0.0.1", "::1"} <= set(addresses)
    for address in addresses:
        ipaddress.ip_address(address)


# -- import ------------------------------------------------------------------------------------------------------


def make_external_chain(now: datetime):
    """A root CA and a server certificate for 'localhost', as another PKI would issue them."""
    root_key = ec.generate_private_key(ec.SECP256R1())
    root_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Example Root")])
    root = (
        x509.CertificateBuilder().subject_name(root_name).issuer_name(root_name).public_key(root_key.public_key())
        .serial_number(1).not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), critical=False)
        .sign(root_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(root_name).public_key(key.public_key()).serial_number(2)
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=20))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                    x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False)
        .sign(root_key, hashes.SHA256())
    )
    return root, leaf, key


def test_pkcs12_import_round_trip_is_served(tmp_path, make_server, fleet):
    now = datetime.now(UTC)
    root, leaf, key = make_external_chain(now)
    p12 = tmp_path / "server.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(
        b"server", key, leaf, [root], serialization.BestAvailableEncryption(b"s3cret")))

    info = import_pkcs12(p12, "s3cret", tmp_path / "data")

    assert info.imported
    assert info.fingerprint_sha256.replace(":", "").lower() == leaf.fingerprint(hashes.SHA256()).hex()
    assert info.not_after == leaf.not_valid_after_utc
    assert mode(info.key_path) == 0o600
    assert info.ca_path is not None and x509.load_pem_x509_certificate(info.ca_path.read_bytes()) == root
    # a later start keeps the imported certificate instead of generating one
    assert ensure_server_certificate(tmp_path / "data", ["localhost"], ["127.0.0.1"]).fingerprint_sha256 == \
        info.fingerprint_sha256
    server = make_server(cert=info)
    response = requests.get(f"{server.url}/{fleet.key}.cfg", verify=str(info.ca_path), timeout=5)
    assert response.content == MAIN_BODY

    remove_imported_certificate(tmp_path / "data")
    assert not ensure_server_certificate(tmp_path / "data", ["localhost"], ["127.0.0.1"]).imported


def test_pkcs12_with_wrong_password_is_explained(tmp_path):
    root, leaf, key = make_external_chain(datetime.now(UTC))
    p12 = tmp_path / "server.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(
        b"server", key, leaf, [root], serialization.BestAvailableEncryption(b"right")))
    with pytest.raises(CertificateError, match="password is wrong"):
        import_pkcs12(p12, "wrong", tmp_path / "data")


def test_pem_chain_import_orders_the_chain_and_finds_the_key(tmp_path):
    root, leaf, key = make_external_chain(datetime.now(UTC))
    bundle = tmp_path / "bundle.pem"  # root first, key in the same file: both are common
    bundle.write_bytes(
        root.public_bytes(serialization.Encoding.PEM) + leaf.public_bytes(serialization.Encoding.PEM)
        + key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    )

    info = import_pem_chain(bundle, None, tmp_path / "data")

    served = x509.load_pem_x509_certificates(info.cert_path.read_bytes())
    assert served == [leaf, root]
    assert certificate_info(info.cert_path).subject == "CN=localhost"


def test_pem_import_with_a_key_of_another_certificate_is_refused(tmp_path):
    _root, leaf, _ = make_external_chain(datetime.now(UTC))
    other_key = ec.generate_private_key(ec.SECP256R1())
    cert_file, key_file = tmp_path / "c.pem", tmp_path / "k.pem"
    cert_file.write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(other_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                 serialization.NoEncryption()))
    with pytest.raises(CertificateError, match="does not belong"):
        import_pem_chain(cert_file, key_file, tmp_path / "data")
    assert not (tmp_path / "data" / "tls" / "server.crt").exists()


def test_expired_certificate_import_is_refused(tmp_path):
    _root, leaf, key = make_external_chain(datetime.now(UTC) - timedelta(days=60))
    cert_file, key_file = tmp_path / "c.pem", tmp_path / "k.pem"
    cert_file.write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    with pytest.raises(CertificateError, match="expired"):
        import_pem_chain(cert_file, key_file, tmp_path / "data")


def test_not_a_pem_file_is_explained(tmp_path):
    junk = tmp_path / "junk.pem"
    junk.write_text("hello")
    with pytest.raises(CertificateError, match="no PEM certificate"):
        import_pem_chain(junk, None, tmp_path / "data")
def test_two_threads_creating_the_local_ca_at_once_get_one_consistent_ca(tmp_path):
    """The server's start and "use own certificate" (task pool) may run together."""
    import threading

    results, errors = [], []

    def create():
        try:
            results.append(ensure_server_certificate(tmp_path, ["prov.test.example"], ["127.0.0.1"]))
        except Exception as exc:  # noqa: BLE001  (reported by the assertion below)
            errors.append(exc)

    threads = [threading.Thread(target=create, name=f"test-ca-{n}") for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == [] and len(results) == 4
    ca = x509.load_pem_x509_certificate((tmp_path / "tls" / "ca.crt").read_bytes())
    ca_key = serialization.load_pem_private_key((tmp_path / "tls" / "ca.key").read_bytes(), None)
    assert ca.public_key().public_numbers() == ca_key.public_key().public_numbers()
    leaf = x509.load_pem_x509_certificate((tmp_path / "tls" / "server.crt").read_bytes())
    ca.public_key().verify(leaf.signature, leaf.tbs_certificate_bytes, ec.ECDSA(leaf.signature_hash_algorithm))
