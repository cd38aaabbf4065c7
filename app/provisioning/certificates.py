"""The provisioning server's TLS certificate: a local CA plus a server certificate, or an imported one.

Files live in `<data dir>/tls/` (directory 0700, private keys 0600, written atomically):
  ca.crt, ca.key          the local CA (generated once; devices that verify trust it)
  server.crt, server.key  the certificate served: chain PEM (leaf first) and its key
  imported-ca.crt         the root of an imported chain, when the chain contains one
  source                  "generated" or "imported"; an imported certificate is never overwritten

Elliptic-curve P-256 keys by default (cheap handshakes). Some old phones may only speak RSA: that is
unconfirmed per model; `key_type="rsa"` issues an RSA-2048 server certificate for them.
"""
from __future__ import annotations

import ipaddress
import os
import secrets
import socket
import ssl
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import wraps
from pathlib import Path
from typing import ParamSpec, TypeVar

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

TLS_DIR = "tls"
CA_VALIDITY = timedelta(days=3650)
SERVER_VALIDITY = timedelta(days=825)
RENEW_BEFORE = timedelta(days=30)  # a generated certificate this close to expiry is reissued at start

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class CertificateError(ValueError):
    """A certificate could not be created, read or imported. The message says what to do."""


@dataclass(frozen=True)
class CertificateInfo:
    cert_path: Path
    key_path: Path
    ca_path: Path | None  # the file devices should trust; None when the chain's root is not known here
    fingerprint_sha256: str  # "AB:CD:...", of the server (leaf) certificate
    not_before: datetime
    not_after: datetime
    subject: str
    issuer: str
    dns_names: tuple[str, ...]
    ip_addresses: tuple[str, ...]
    imported: bool

    def expires_within(self, period: timedelta, now: datetime | None = None) -> bool:
        return self.not_after - (now or datetime.now(UTC)) < period


@dataclass(frozen=True)
class _Paths:
    directory: Path

    @property
    def ca_cert(self) -> Path:
        return self.directory / "ca.crt"

    @property
    def ca_key(self) -> Path:
        return self.directory / "ca.key"

    @property
    def server_cert(self) -> Path:
        return self.directory / "server.crt"

    @property
    def server_key(self) -> Path:
        return self.directory / "server.key"

    @property
    def imported_ca(self) -> Path:
        return self.directory / "imported-ca.crt"

    @property
    def source(self) -> Path:
        return self.directory / "source"


def local_names_and_addresses() -> tuple[list[str], list[str]]:
    """Host names and addresses of this machine for the SAN, from the local resolver only (no traffic)."""
    names = ["localhost"]
    hostname = socket.gethostname()
    if hostname and hostname not in names:
        names.append(hostname)
    addresses = ["127.0.0.1", "::1"]
    try:
        for info in socket.getaddrinfo(hostname, None, proto=socket.IPPROTO_TCP):
            address = str(info[4][0]).split("%", 1)[0]
            if address not in addresses:
                addresses.append(address)
    except OSError:
        pass  # a host name the resolver does not know: the loopback entries still work
    return names, addresses


_P = ParamSpec("_P")
_R = TypeVar("_R")
# one writer of the tls/ folder at a time: the server's start, an import and "use own certificate"
# may run on different threads (task pool, GUI), and two of them creating the CA at once could leave
# a CA key that does not match its certificate
_WRITING = threading.RLock()


def _one_writer(function: Callable[_P, _R]) -> Callable[_P, _R]:
    @wraps(function)
    def locked(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with _WRITING:
            return function(*args, **kwargs)
    return locked


@_one_writer
def ensure_server_certificate(
    data_dir: Path,
    host_names: Iterable[str],
    addresses: Iterable[str | IpAddress],
    *,
    key_type: str = "ec",
    now: datetime | None = None,
) -> CertificateInfo:
    """Return the certificate to serve, creating the local CA and server certificate on first start.

    A generated server certificate is reissued (by the same CA, so devices keep trusting it) when it lacks one
    of the requested names or addresses, was issued by another CA, or expires within RENEW_BEFORE.
    """
    now = now or datetime.now(UTC)
    host_names = list(host_names)
    # An address given as a "host name" (e.g. a public host setting of 192.0.2.10) belongs in an IPAddress entry.
    literal_ips = [n for n in host_names if _is_ip(n)]
    names = _clean_names(n for n in host_names if n not in literal_ips)
    ips = _clean_addresses([*addresses, *literal_ips])
    if not names and not ips:
        raise CertificateError("give at least one host name or address for the certificate (e.g. 'localhost')")
    if key_type not in ("ec", "rsa"):
        raise CertificateError(f"unknown key type {key_type!r}: use 'ec' (P-256, default) or 'rsa' (RSA-2048)")
    paths = _prepare_dir(data_dir)
    if _read_source(paths) == "imported" and paths.server_cert.exists() and paths.server_key.exists():
        return certificate_info(paths.server_cert, paths.server_key, _imported_ca_path(paths), imported=True)

    ca_cert, ca_key = _load_or_create_ca(paths, now)
    if not _server_certificate_usable(paths, ca_cert, names, ips, key_type, now):
        key = _new_key(key_type)
        cert = _issue_server_certificate(ca_cert, ca_key, key, names, ips, now)
        pem = cert.public_bytes(serialization.Encoding.PEM) + ca_cert.public_bytes(serialization.Encoding.PEM)
        _write_file(paths.server_key, _private_pem(key), private=True)
        _write_file(paths.server_cert, pem, private=False)
    _write_file(paths.source, b"generated\n", private=False)
    return certificate_info(paths.server_cert, paths.server_key, paths.ca_cert, imported=False)


def certificate_info(
    cert_path: Path, key_path: Path | None = None, ca_path: Path | None = None, *, imported: bool = False
) -> CertificateInfo:
    """Fingerprint, validity, subject and SANs of the first certificate in a PEM file."""
    try:
        certs = x509.load_pem_x509_certificates(Path(cert_path).read_bytes())
    except (OSError, ValueError) as exc:
        raise CertificateError(f"cannot read a PEM certificate from {cert_path}: {exc}") from exc
    leaf = certs[0]
    fingerprint = leaf.fingerprint(hashes.SHA256()).hex().upper()
    try:
        san = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        dns_names = tuple(san.get_values_for_type(x509.DNSName))
        ip_addresses = tuple(str(ip) for ip in san.get_values_for_type(x509.IPAddress))
    except x509.ExtensionNotFound:
        dns_names, ip_addresses = (), ()
    return CertificateInfo(
        cert_path=Path(cert_path),
        key_path=Path(key_path) if key_path else Path(cert_path),
        ca_path=Path(ca_path) if ca_path else None,
        fingerprint_sha256=":".join(fingerprint[i : i + 2] for i in range(0, len(fingerprint), 2)),
        not_before=leaf.not_valid_before_utc,
        not_after=leaf.not_valid_after_utc,
        subject=leaf.subject.rfc4514_string(),
        issuer=leaf.issuer.rfc4514_string(),
        dns_names=dns_names,
        ip_addresses=ip_addresses,
        imported=imported,
    )


def served_certificate(data_dir: Path) -> CertificateInfo | None:
    """The certificate the server presents, read only (for showing it): None before the server's
    first start created one. Creating is ensure_server_certificate's job, at the server's start."""
    paths = _Paths(Path(data_dir) / TLS_DIR)
    if not (paths.server_cert.exists() and paths.server_key.exists()):
        return None
    imported = _read_source(paths) == "imported"
    ca = _imported_ca_path(paths) if imported else paths.ca_cert
    return certificate_info(paths.server_cert, paths.server_key, ca if ca and ca.exists() else None,
                            imported=imported)


@_one_writer
def import_pem_chain(
    cert_file: Path,
    key_file: Path | None,
    data_dir: Path,
    password: str | bytes | None = None,
    *,
    now: datetime | None = None,
) -> CertificateInfo:
    """Serve a PEM certificate chain and its private key (which may be in the same file) from now on."""
    try:
        cert_data = Path(cert_file).read_bytes()
        key_data = Path(key_file).read_bytes() if key_file else cert_data
    except OSError as exc:
        raise CertificateError(f"cannot read {exc.filename}: {exc.strerror}") from exc
    try:
        certs = x509.load_pem_x509_certificates(cert_data)
    except ValueError as exc:
        raise CertificateError(f"{cert_file} holds no PEM certificate (expected '-----BEGIN CERTIFICATE-----')") from exc
    try:
        key = serialization.load_pem_private_key(key_data, _password_bytes(password))
    except TypeError as exc:
        raise CertificateError("the private key is encrypted: enter its password") from exc
    except ValueError as exc:
        raise CertificateError(
            f"no usable private key in {key_file or cert_file} (or the password is wrong)"
        ) from exc
    return _install_imported(key, certs, data_dir, now)


@_one_writer
def import_pkcs12(
    path: Path, password: str | bytes | None, data_dir: Path, *, now: datetime | None = None
) -> CertificateInfo:
    """Serve the key and certificates of a PKCS#12 (.p12/.pfx) file from now on."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise CertificateError(f"cannot read {path}: {exc.strerror}") from exc
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, _password_bytes(password))
    except ValueError as exc:
        raise CertificateError(f"{path} is not a PKCS#12 file or the password is wrong") from exc
    if key is None or cert is None:
        raise CertificateError(f"{path} must contain a private key and its certificate; it lacks one of them")
    return _install_imported(key, [cert, *extra], data_dir, now)


@_one_writer
def remove_imported_certificate(data_dir: Path) -> None:
    """Go back to the generated certificate: the next ensure_server_certificate() issues one."""
    paths = _prepare_dir(data_dir)
    for path in (paths.server_cert, paths.server_key, paths.imported_ca):
        path.unlink(missing_ok=True)
    _write_file(paths.source, b"generated\n", private=False)


# -- generation --------------------------------------------------------------------------------------------------


def _load_or_create_ca(paths: _Paths, now: datetime) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    if paths.ca_cert.exists() and paths.ca_key.exists():
        try:
            cert = x509.load_pem_x509_certificate(paths.ca_cert.read_bytes())
            key = serialization.load_pem_private_key(paths.ca_key.read_bytes(), None)
        except ValueError as exc:
            raise CertificateError(
                f"the local CA in {paths.directory} is damaged ({exc}); delete ca.crt and ca.key there to create a "
                "new one (devices that verify the certificate must then be given the new CA)"
            ) from exc
        if isinstance(key, ec.EllipticCurvePrivateKey) and cert.not_valid_after_utc - now > RENEW_BEFORE:
            return cert, key
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "VoIP Device Console"),
            x509.NameAttribute(NameOID.COMMON_NAME, f"VoIP Device Console local CA ({socket.gethostname()})"[:64]),
        ]
    )
    public = key.public_key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + CA_VALIDITY)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=False, key_encipherment=False, data_encipherment=False,
                key_agreement=False, key_cert_sign=True, crl_sign=True, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    _write_file(paths.ca_key, _private_pem(key), private=True)
    _write_file(paths.ca_cert, cert.public_bytes(serialization.Encoding.PEM), private=False)
    return cert, key


def _server_certificate_usable(
    paths: _Paths, ca_cert: x509.Certificate, names: list[str], ips: list[IpAddress], key_type: str, now: datetime
) -> bool:
    if not (paths.server_cert.exists() and paths.server_key.exists()):
        return False
    try:
        cert = x509.load_pem_x509_certificates(paths.server_cert.read_bytes())[0]
        key = serialization.load_pem_private_key(paths.server_key.read_bytes(), None)
        cert.verify_directly_issued_by(ca_cert)
    except (ValueError, TypeError, InvalidSignature):
        return False
    wanted_key = ec.EllipticCurvePrivateKey if key_type == "ec" else rsa.RSAPrivateKey
    if not isinstance(key, wanted_key) or _public_der(key) != _public_der_of_cert(cert):
        return False
    if cert.not_valid_after_utc - now < RENEW_BEFORE:
        return False
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return False
    have_names = {n.lower() for n in san.get_values_for_type(x509.DNSName)}
    have_ips = set(san.get_values_for_type(x509.IPAddress))
    return {n.lower() for n in names} <= have_names and set(ips) <= have_ips


def _issue_server_certificate(
    ca_cert: x509.Certificate,
    ca_key: ec.EllipticCurvePrivateKey,
    key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey,
    names: list[str],
    ips: list[IpAddress],
    now: datetime,
) -> x509.Certificate:
    # The SAN is what clients check (urllib3 2 ignores the CN); IPs must be IPAddress entries, not DNS names.
    san = x509.SubjectAlternativeName([*(x509.DNSName(n) for n in names), *(x509.IPAddress(ip) for ip in ips)])
    public = key.public_key()
    common_name = (names[0] if names else str(ips[0]))[:64]
    return (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)]))
        .issuer_name(ca_cert.subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(min(now + SERVER_VALIDITY, ca_cert.not_valid_after_utc))
        .add_extension(san, critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=False,
                key_encipherment=isinstance(key, rsa.RSAPrivateKey), data_encipherment=False,
                key_agreement=False, key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_cert.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )


def _new_key(key_type: str) -> ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey:
    if key_type == "rsa":
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return ec.generate_private_key(ec.SECP256R1())


# -- import ------------------------------------------------------------------------------------------------------


def _install_imported(key: object, certs: list[x509.Certificate], data_dir: Path, now: datetime | None) -> CertificateInfo:
    now = now or datetime.now(UTC)
    if not isinstance(key, (ec.EllipticCurvePrivateKey, rsa.RSAPrivateKey)):
        raise CertificateError("only RSA and elliptic-curve keys can be served; convert the key or issue a new one")
    key_der = _public_der(key)
    leaves = [c for c in certs if _public_der_of_cert(c) == key_der]
    if not leaves:
        raise CertificateError("the private key does not belong to any certificate in the file; check the pair")
    leaf = leaves[0]
    if leaf.not_valid_after_utc <= now:
        raise CertificateError(f"the certificate expired on {leaf.not_valid_after_utc:%Y-%m-%d}; import a current one")
    if leaf.not_valid_before_utc > now:
        raise CertificateError(f"the certificate is valid only from {leaf.not_valid_before_utc:%Y-%m-%d}")
    chain = _order_chain(leaf, [c for c in certs if c is not leaf])
    root = chain[-1] if len(chain) > 1 and chain[-1].issuer == chain[-1].subject else None

    paths = _prepare_dir(data_dir)
    pem = b"".join(c.public_bytes(serialization.Encoding.PEM) for c in chain)
    # Prove the pair loads into OpenSSL before replacing what is served now.
    staged_cert = paths.directory / "staged.crt"
    staged_key = paths.directory / "staged.key"
    _write_file(staged_cert, pem, private=False)
    _write_file(staged_key, _private_pem(key), private=True)
    try:
        ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER).load_cert_chain(staged_cert, staged_key)
    except ssl.SSLError as exc:
        staged_cert.unlink(missing_ok=True)
        staged_key.unlink(missing_ok=True)
        raise CertificateError(f"OpenSSL refuses this certificate and key: {exc.reason or exc}") from exc
    os.replace(staged_key, paths.server_key)
    os.replace(staged_cert, paths.server_cert)
    if root is not None:
        _write_file(paths.imported_ca, root.public_bytes(serialization.Encoding.PEM), private=False)
    else:
        paths.imported_ca.unlink(missing_ok=True)
    _write_file(paths.source, b"imported\n", private=False)
    return certificate_info(paths.server_cert, paths.server_key, _imported_ca_path(paths), imported=True)


def _order_chain(leaf: x509.Certificate, others: list[x509.Certificate]) -> list[x509.Certificate]:
    chain = [leaf]
    remaining = list(others)
    while remaining and chain[-1].issuer != chain[-1].subject:
        parent = next((c for c in remaining if c.subject == chain[-1].issuer), None)
        if parent is None:
            break
        chain.append(parent)
        remaining.remove(parent)
    return chain + remaining  # unrelated extras are kept after the chain; clients ignore them


# -- helpers -----------------------------------------------------------------------------------------------------


def _prepare_dir(data_dir: Path) -> _Paths:
    directory = Path(data_dir) / TLS_DIR
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(directory, 0o700)
    except OSError as exc:
        raise CertificateError(f"cannot create {directory}: {exc.strerror}; check the data directory") from exc
    return _Paths(directory)


def _read_source(paths: _Paths) -> str:
    try:
        return paths.source.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return "generated"


def _imported_ca_path(paths: _Paths) -> Path | None:
    return paths.imported_ca if paths.imported_ca.exists() else None


def _write_file(path: Path, data: bytes, *, private: bool) -> None:
    """Write atomically; private files are created 0600 from the first byte (never briefly world-readable)."""
    mode = 0o600 if private else 0o644
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _private_pem(key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())


def _public_der(key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def _public_der_of_cert(cert: x509.Certificate) -> bytes:
    return cert.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def _password_bytes(password: str | bytes | None) -> bytes | None:
    if password is None or password == "" or password == b"":
        return None
    return password.encode("utf-8") if isinstance(password, str) else password


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(str(text).strip().strip("[]"))
    except ValueError:
        return False
    return True


def _clean_names(host_names: Iterable[str]) -> list[str]:
    names: list[str] = []
    for raw in host_names:
        name = str(raw).strip().rstrip(".").lower()
        if not name or len(name) > 253 or any(c.isspace() or c in "/:@" for c in name):
            raise CertificateError(f"{raw!r} is not a host name; give names like 'pc-office' or 'pbx.example.net'")
        if name not in names:
            names.append(name)
    return names


def _clean_addresses(addresses: Iterable[str | IpAddress]) -> list[IpAddress]:
    ips: list[IpAddress] = []
    for raw in addresses:
        try:
            ip = ipaddress.ip_address(str(raw).strip().strip("[]").split("%", 1)[0])
        except ValueError as exc:
            raise CertificateError(f"{raw!r} is not an IP address; give addresses like 192.0.2.10 or ::1") from exc
        if ip not in ips:
            ips.append(ip)
    return ips
