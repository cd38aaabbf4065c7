"""The server-side TLS context: TLS 1.2 minimum unless an older minimum is chosen explicitly for old devices."""
from __future__ import annotations

import ssl
import warnings

from app.provisioning.certificates import CertificateInfo

TLS_VERSIONS = {
    "1.0": ssl.TLSVersion.TLSv1,
    "1.1": ssl.TLSVersion.TLSv1_1,
    "1.2": ssl.TLSVersion.TLSv1_2,
    "1.3": ssl.TLSVersion.TLSv1_3,
}


class TlsSetupError(RuntimeError):
    """The TLS context could not be built; the message names the file or setting to fix."""


def build_server_context(cert: CertificateInfo, min_tls: str, session_tickets: bool = False) -> ssl.SSLContext:
    if min_tls not in TLS_VERSIONS:
        raise TlsSetupError(f"minimum TLS version {min_tls!r} is unknown; choose one of {', '.join(TLS_VERSIONS)}")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    with warnings.catch_warnings():
        # Python deprecates TLS 1.0/1.1; choosing one here is the explicit, documented opt-in for old devices.
        warnings.simplefilter("ignore", DeprecationWarning)
        context.minimum_version = TLS_VERSIONS[min_tls]
    if TLS_VERSIONS[min_tls] < ssl.TLSVersion.TLSv1_2:
        # OpenSSL 3 refuses TLS 1.0/1.1 (their SHA-1 based handshake) at security level 1 and above; an explicit
        # lower minimum for old devices therefore needs level 0. Only reached by an explicit setting.
        context.set_ciphers("DEFAULT:@SECLEVEL=0")
    # Session tickets are off by default: issuing one per connection cost this server more than the resumed
    # handshakes saved (docs/decisions/0002). When on, one ticket per handshake instead of OpenSSL's two.
    context.num_tickets = 1 if session_tickets else 0
    if not session_tickets:
        context.options |= ssl.OP_NO_TICKET
    try:
        context.load_cert_chain(cert.cert_path, cert.key_path)
    except FileNotFoundError as exc:
        raise TlsSetupError(f"the certificate file {exc.filename} is missing; create or import a certificate") from exc
    except ssl.SSLError as exc:
        raise TlsSetupError(
            f"the certificate {cert.cert_path} and key {cert.key_path} cannot be used together ({exc.reason}); "
            "import a matching pair"
        ) from exc
    return context
