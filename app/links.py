"""Which host the device links carry, and whether a phone can use it (issue [7] item 6).

- `default_route_address()`: the address of the interface with the default route, found with a UDP
  socket's connect() to a documentation address (connect() on UDP sends no packet; it only picks the route).
- `link_host_findings()`: the one rule that says what is wrong with a link's host: loopback, does not resolve,
  not in the served certificate. `serve` prints them today; the Settings tab, the Manual configure and
  QR dialogs do not show them yet (issue [7] item 6, still open).
"""
from __future__ import annotations

import fnmatch
import ipaddress
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass

_ROUTE_PROBE = ("192.0.2.1", 9)  # TEST-NET-1 (RFC 5737): never answered, and connect() sends nothing anyway

AddressFinder = Callable[[], "str | None"]
Resolver = Callable[[str], "list[str]"]


def default_route_address() -> str | None:
    """This machine's address on the interface with the default route; None without a default route."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.connect(_ROUTE_PROBE)  # UDP: no packet is sent, the kernel only chooses the route
            address = sock.getsockname()[0]
    except OSError:
        return None
    return None if is_loopback(address) or address == "0.0.0.0" else address


def resolve_host(host: str) -> list[str]:
    """The addresses `host` resolves to ([] when it does not). May wait for DNS: never on the GUI thread."""
    try:
        return sorted({info[4][0] for info in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)})
    except (OSError, UnicodeError):
        return []


def is_loopback(host: str) -> bool:
    name = host.strip("[]").lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class LinkFinding:
    code: str  # "loopback" | "unresolved" | "not-in-certificate"
    message: str


def in_certificate(host: str, dns_names: Iterable[str], ip_addresses: Iterable[str]) -> bool:
    bare = host.strip("[]").lower().rstrip(".")
    if _is_ip(bare):
        target = ipaddress.ip_address(bare)
        return any(ipaddress.ip_address(a) == target for a in ip_addresses)
    for name in dns_names:
        pattern = name.lower().rstrip(".")
        if pattern == bare:
            return True
        # a wildcard covers exactly one label (RFC 6125)
        if pattern.startswith("*.") and fnmatch.fnmatchcase(bare, pattern) and bare.count(".") == pattern.count("."):
            return True
    return False


def link_host_findings(host: str, *, resolve: Resolver = resolve_host,
                       certificate: tuple[Iterable[str], Iterable[str]] | None = None) -> list[LinkFinding]:
    """What keeps a phone from using links with `host`; [] when nothing is wrong.

    `certificate`: (DNS names, IP addresses) of the served certificate, None with plain HTTP or before the
    server created one."""
    findings: list[LinkFinding] = []
    if is_loopback(host):
        findings.append(LinkFinding("loopback", f"{host} is this computer's loopback address: no phone can reach "
                                    "it. Set the public host to this computer's address or DNS name on the "
                                    "phones' network."))
    elif not _is_ip(host):
        addresses = resolve(host)
        if not addresses:
            findings.append(LinkFinding("unresolved", f"{host} does not resolve here; phones will not find the "
                                        "console either. Use an address or a name in the phones' DNS."))
        elif all(is_loopback(a) for a in addresses):
            findings.append(LinkFinding("loopback", f"{host} resolves to a loopback address only "
                                        f"({', '.join(addresses)}): no phone can reach it. Use this computer's "
                                        "address on the phones' network."))
    if certificate is not None and not in_certificate(host, *certificate):
        findings.append(LinkFinding("not-in-certificate", f"{host} is not in the served certificate; phones "
                                    "that check the host name refuse the connection. Restart the server (the "
                                    "console's own certificate then includes it) or import a certificate for it."))
    return findings


def link_host(public_host: str, fallback: Callable[[], str]) -> str:
    """The host the links carry: the public host, else this computer's name."""
    return public_host or fallback()
