"""Command line: every action of the console without the GUI (`python main.py COMMAND`)."""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from app import validation as v
from app.catalog import CatalogError
from app.context import CLI_ACTOR, AppContext, build_context
from app.db import DatabaseError
from app.demo import create_demo
from app.importer import ImportRejected, import_lines
from app.paths import default_data_dir
from app.provisioning.certificates import (
    CertificateError,
    import_pem_chain,
    import_pkcs12,
    remove_imported_certificate,
)
from app.render import RenderError
from app.services.base import NotFound, PermissionDenied
from app.services.devices import DeviceInput
from app.services.lines import LineInput
from app.services.pbx import PbxInput
from app.serving import current_certificate
from app.settings import Settings
from app.sipops import LineState, SipOperations, SyncResult

EXIT_USAGE_ERROR = 2
COMMANDS = ("demo", "types", "pbx", "line", "device", "key", "user", "import", "log", "cert", "settings", "serve")


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        result = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        for name, member in vars(type(value)).items():  # derived facts (synchronized, ok, ...) too
            if isinstance(member, property):
                result[name] = _plain(getattr(value, name))
        return result
    if isinstance(value, (list, tuple)):
        return [_plain(x) for x in value]
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, dict):
        return {k: _plain(x) for k, x in value.items()}
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    return value


class Output:
    def __init__(self, as_json: bool) -> None:
        self.as_json = as_json

    def emit(self, data: Any, text: Callable[[Any], str] | None = None) -> None:
        if self.as_json:
            print(json.dumps(_plain(data), indent=2, ensure_ascii=False))
        elif text is not None:
            print(text(data))
        else:
            rows = data if isinstance(data, (list, tuple)) else [data]
            for row in rows:
                plain = _plain(row)
                print("  ".join(f"{k}={plain[k]}" for k in plain) if isinstance(plain, dict) else plain)


# --- argument parsing --------------------------------------------------------------------------

def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,
                        help="data directory (settings, certificates, default database)")
    common.add_argument("--db", default=argparse.SUPPRESS, help="SQLAlchemy database URL (default: SQLite in the data directory)")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output")
    return common


def _line_args(p: argparse.ArgumentParser, creating: bool) -> None:
    if creating:
        p.add_argument("number")
    else:
        p.add_argument("--number")
    p.add_argument("--display-name", default=None)
    p.add_argument("--sip-user", default=None)
    p.add_argument("--auth-user", default=None)
    p.add_argument("--password", default=None, help="SIP password (required when creating)")
    p.add_argument("--blocked", choices=("yes", "no"), default=None, help="blocked for the public network")
    p.add_argument("--topstop", default=None)
    p.add_argument("--account", type=int, default=None)


def _device_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--mac")
    p.add_argument("--mac-provisioning", choices=("no", "once", "done"))
    p.add_argument("--admin-password", help="4-9 digits; empty string: random 40 digits (never shown)")
    p.add_argument("--user-name")
    p.add_argument("--user-password", help="4-9 digits; empty string: random 40 digits (never shown)")
    p.add_argument("--base-unit", type=int, help="device id of the DECT base (handsets)")


def _pbx_args(p: argparse.ArgumentParser, creating: bool) -> None:
    req = creating
    p.add_argument("--name", required=req)
    p.add_argument("--sip-domain", required=req)
    p.add_argument("--registrar-host", required=req)
    p.add_argument("--registrar-port", type=int)
    p.add_argument("--transport", choices=("udp", "tcp", "tls"))
    p.add_argument("--outbound-proxy")
    p.add_argument("--wss-url", help="SIP over WebSocket for browser phones, e.g. wss://pbx.example.net:8089/ws")
    p.add_argument("--webrtc-login-url", help="the exchange's WebRTC login page for the web phone, "
                   "e.g. https://pbx.example.net:8449/webphone.jsp")
    p.add_argument("--pickup-prefix", help="directed-pickup prefix of the exchange (default **)")
    p.add_argument("--voicemail-number", help="what the voicemail key dials")
    p.add_argument("--ntp-server")
    p.add_argument("--time-zone")
    p.add_argument("--language")
    p.add_argument("--topstop")


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(prog="main.py", parents=[common],
                                     description="VoIP Device Console. Without a command the GUI starts.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def cmd(parent: Any, name: str, help_text: str) -> argparse.ArgumentParser:
        return parent.add_parser(name, help=help_text, parents=[common], description=help_text)

    cmd(sub, "demo", "create a demo vPBX with several lines and one device of every catalog type")
    cmd(sub, "types", "list the device types of the catalog")

    pbx = cmd(sub, "pbx", "vPBXs and their exchange access data").add_subparsers(dest="action", required=True)
    cmd(pbx, "list", "list vPBXs")
    _pbx_args(cmd(pbx, "create", "create a vPBX"), creating=True)
    cmd(pbx, "show", "show a vPBX").add_argument("id", type=int)
    upd = cmd(pbx, "update", "change a vPBX (marks its devices for synchronisation)")
    upd.add_argument("id", type=int)
    _pbx_args(upd, creating=False)
    acc = cmd(pbx, "account-add", "add an account (the level between vPBX and numbers, with its own TopStop)")
    acc.add_argument("id", type=int)
    acc.add_argument("name")
    acc.add_argument("--topstop")
    cmd(pbx, "accounts", "list the accounts of a vPBX").add_argument("id", type=int)
    ph = cmd(pbx, "phonebook-add", "add a vPBX phonebook entry")
    ph.add_argument("id", type=int)
    ph.add_argument("name")
    ph.add_argument("number")

    line = cmd(sub, "line", "telephone lines").add_subparsers(dest="action", required=True)
    ls = cmd(line, "list", "list lines")
    ls.add_argument("--pbx", type=int)
    lc = cmd(line, "create", "create a line")
    lc.add_argument("--pbx", type=int, required=True)
    _line_args(lc, creating=True)
    cmd(line, "show", "show a line").add_argument("id", type=int)
    lu = cmd(line, "update", "change a line (registration data and display name mark its devices)")
    lu.add_argument("id", type=int)
    _line_args(lu, creating=False)
    cmd(line, "delete", "delete a line and its devices").add_argument("id", type=int)
    lst = cmd(line, "state", "registrations of a line: User Agent, IP address, Contact, reachability")
    lst.add_argument("number", help="telephone number of the line")
    lst.add_argument("--pbx", type=int, help="the vPBX, when the number exists in several")
    lsy = cmd(line, "sync", "synchronize every device of a line (rate-limited)")
    lsy.add_argument("id", type=int)
    lsy.add_argument("--rate", type=float, default=5.0, help="NOTIFYs per second (default 5)")

    dev = cmd(sub, "device", "devices of lines").add_subparsers(dest="action", required=True)
    dl = cmd(dev, "list", "list devices with their provisioning URLs")
    dl.add_argument("--line", type=int)
    dl.add_argument("--pbx", type=int)
    dc = cmd(dev, "create", "create a device on a line")
    dc.add_argument("line", type=int, help="line id")
    dc.add_argument("type", help="device type id (see `types`)")
    _device_args(dc)
    cmd(dev, "show", "show a device").add_argument("id", type=int)
    du = cmd(dev, "update", "change a device")
    du.add_argument("id", type=int)
    _device_args(du)
    du.add_argument("--no-base-unit", action="store_true", help="unbind a handset from its base")
    cmd(dev, "delete", "delete a device (exchange-side data only)").add_argument("id", type=int)
    dpo = cmd(dev, "port", "put a line of the vPBX on an analog port 2..n of a gateway, or --clear it")
    dpo.add_argument("id", type=int)
    dpo.add_argument("port", type=int)
    dpo.add_argument("line_number", nargs="?", help="number of the line the port carries")
    dpo.add_argument("--clear", action="store_true", help="take the line off the port")
    dcfg = cmd(dev, "config", "print the rendered configuration")
    dcfg.add_argument("id", type=int)
    dcfg.add_argument("--file", default="", help="a follow-up file instead of the main configuration")
    cmd(dev, "new-key", "retire the access key and create a new one (keys are kept)").add_argument("id", type=int)
    dsy = cmd(dev, "sync", "send the resync NOTIFY and watch for the device's fetch")
    dsy.add_argument("id", type=int)
    dsy.add_argument("--wait", type=float, default=30.0, help="seconds to wait for the fetch (0: do not wait)")
    drs = cmd(dev, "restart", "send the reboot NOTIFY (only device types that support it)")
    drs.add_argument("id", type=int)

    key = cmd(sub, "key", "function keys").add_subparsers(dest="action", required=True)
    cmd(key, "list", "list a device's key assignments").add_argument("device", type=int)
    ka = cmd(key, "assign", "assign a feature to a key")
    for name, typ in (("device", int), ("module", int), ("key", str), ("feature", str)):
        ka.add_argument(name, type=typ)
    ka.add_argument("value", nargs="?", default="")
    ka.add_argument("--label", default="")
    kc = cmd(key, "clear", "clear a key")
    for name, typ in (("device", int), ("module", int), ("key", str)):
        kc.add_argument(name, type=typ)

    user = cmd(sub, "user", "console users").add_subparsers(dest="action", required=True)
    cmd(user, "list", "list console users")
    uc = cmd(user, "create", "create a console user (password read from stdin)")
    uc.add_argument("username")
    uc.add_argument("--role", choices=("provider", "pbx_admin", "user"), required=True)
    uc.add_argument("--pbx", type=int)
    uc.add_argument("--lines", default="", help="comma-separated line ids (role user)")

    imp = cmd(sub, "import", "import lines (and devices) from CSV; one transaction")
    imp.add_argument("file", type=Path)
    imp.add_argument("--pbx", type=int, required=True)

    log = cmd(sub, "log", "audit and access logs").add_subparsers(dest="action", required=True)
    cmd(log, "audit", "who changed what and when")
    la = cmd(log, "access", "provisioning requests, refusals with reasons")
    la.add_argument("--refusals", action="store_true")

    cert = cmd(sub, "cert", "the provisioning server's TLS certificate").add_subparsers(dest="action", required=True)
    cmd(cert, "show", "fingerprint, expiry and names (generates the local CA and certificate on first use)")
    ci = cmd(cert, "import", "serve an imported PEM chain + key or PKCS#12 file (password read from stdin if asked)")
    ci.add_argument("file", type=Path, help="PEM chain (may include the key) or .p12/.pfx")
    ci.add_argument("--key", type=Path, help="PEM private key, if not in the chain file")
    ci.add_argument("--password-stdin", action="store_true", help="read the key/PKCS#12 password from stdin")
    cmd(cert, "generated", "go back to the generated certificate")

    st = cmd(sub, "settings", "console settings").add_subparsers(dest="action", required=True)
    cmd(st, "show", "show the settings")
    ss = cmd(st, "set", "change settings, e.g. port=8448 public_host=prov.example.net tls=false")
    ss.add_argument("pairs", nargs="+", metavar="KEY=VALUE")

    serve = cmd(sub, "serve", "headless: provisioning server (and monitor) without GUI until SIGINT/SIGTERM")
    serve.add_argument("--port", type=int, help="override the provisioning port")
    serve.add_argument("--bind", help="override the bind address")
    return parser


# --- commands ----------------------------------------------------------------------------------

def _none_if_unset(**values: Any) -> dict[str, Any]:
    return {k: val for k, val in values.items() if val is not None}


def run_command(ctx: AppContext, args: argparse.Namespace, out: Output) -> int:
    actor = CLI_ACTOR
    c, a = args.command, getattr(args, "action", None)
    if c == "demo":
        result = create_demo(ctx, actor)
        out.emit(result, lambda r: "\n".join(
            [f"created vPBX {r.pbx.id} {r.pbx.name!r} with {len(r.lines)} lines and {len(r.devices)} devices:"]
            + [f"  device {d.id:>4}  line {d.line_number:<5} {d.type_label:<28} {d.url}" for d in r.devices]))
    elif c == "types":
        out.emit([{"id": t.id, "vendor": t.vendor, "model": t.model, "kind": t.kind,
                   "restart": t.restart_supported} for t in ctx.catalog.device_types()],
                 lambda rows: "\n".join(f"{r['id']:<24} {r['vendor']} {r['model']} ({r['kind']})" for r in rows))
    elif c == "pbx":
        if a == "list":
            out.emit(ctx.pbx.list(actor))
        elif a == "show":
            out.emit(ctx.pbx.get(actor, args.id))
        elif a == "create":
            out.emit(ctx.pbx.create(actor, PbxInput(**_pbx_values(args))))
        elif a == "update":
            current = dataclasses.asdict(ctx.pbx.get(actor, args.id))
            current.pop("id")
            current["outbound_proxy"] = current["outbound_proxy"] or ""
            current.update(_pbx_values(args))
            out.emit(ctx.pbx.update(actor, args.id, PbxInput(**current)))
        elif a == "account-add":
            out.emit(ctx.pbx.save_account(actor, args.id, args.name, args.topstop))
        elif a == "accounts":
            out.emit(ctx.pbx.accounts(actor, args.id))
        elif a == "phonebook-add":
            out.emit(ctx.pbx.add_phonebook_entry(actor, args.id, args.name, args.number))
    elif c == "line":
        if a == "list":
            out.emit(ctx.lines.list(actor, args.pbx))
        elif a == "show":
            out.emit(ctx.lines.get(actor, args.id))
        elif a == "create":
            out.emit(ctx.lines.create(actor, args.pbx, LineInput(
                number=args.number, display_name=args.display_name or "", sip_user=args.sip_user or "",
                auth_user=args.auth_user or "", password=args.password or "",
                blocked_public=args.blocked == "yes", topstop_limit=args.topstop, account_id=args.account)))
        elif a == "update":
            cur = ctx.lines.get(actor, args.id)
            out.emit(ctx.lines.update(actor, args.id, LineInput(
                number=args.number or cur.number,
                display_name=cur.display_name if args.display_name is None else args.display_name,
                sip_user=args.sip_user or cur.sip_user or "", auth_user=args.auth_user or cur.auth_user or "",
                password=args.password or "",
                blocked_public=cur.blocked_public if args.blocked is None else args.blocked == "yes",
                topstop_limit=cur.topstop_limit if args.topstop is None else args.topstop,
                account_id=args.account)))
        elif a == "delete":
            ctx.lines.delete(actor, args.id)
            out.emit({"deleted": args.id})
        elif a == "state":
            line = ctx.lines.find(actor, args.number, args.pbx)
            state = SipOperations(ctx).line_state(actor, line.id)
            out.emit(state, _state_text)
            return 0 if state.error is None else 1
        elif a == "sync":
            devices = [d.id for d in ctx.devices.list(actor, line_id=args.id)]
            results = SipOperations(ctx).bulk_synchronize(
                actor, devices, rate_per_s=args.rate,
                progress=lambda i, n, r: print(f"[{i}/{n}] device {r.device_id}: {_sync_text(r)}",
                                               file=sys.stderr))
            out.emit(results, lambda rs: "\n".join(f"device {r.device_id}: {_sync_text(r)}" for r in rs))
            return 0 if all(r.ok for r in results) else 1
    elif c == "device":
        return _device_command(ctx, args, out)
    elif c == "key":
        if a == "list":
            out.emit(ctx.keys.list(actor, args.device))
        elif a == "assign":
            out.emit(ctx.keys.assign(actor, args.device, args.module, args.key, args.feature, args.value, args.label))
        elif a == "clear":
            ctx.keys.clear(actor, args.device, args.module, args.key)
            out.emit({"cleared": args.key})
    elif c == "user":
        if a == "list":
            out.emit(ctx.users.list(actor))
        else:
            password = sys.stdin.readline().rstrip("\n")
            lines = tuple(int(x) for x in args.lines.split(",") if x.strip())
            out.emit(ctx.users.create(actor, args.username, password, args.role, args.pbx, lines))
    elif c == "import":
        result = import_lines(ctx, actor, args.pbx, args.file)
        out.emit(result, lambda r: f"imported {r.lines_created} lines and {r.devices_created} devices")
    elif c == "log":
        if a == "audit":
            out.emit(ctx.logs.audit(actor))
        else:
            out.emit(ctx.logs.access(actor, refusals_only=args.refusals))
    elif c == "cert":
        return _cert_command(ctx, args, out)
    elif c == "settings":
        if a == "set":
            ctx.update_settings(ctx.settings.with_changes(**_settings_pairs(ctx.settings, args.pairs)))
            if not ctx.settings.tls:
                from app.provisioning.server import PLAIN_HTTP_WARNING

                print(f"warning: {PLAIN_HTTP_WARNING}", file=sys.stderr)
        out.emit(ctx.settings)
    elif c == "serve":
        from app.serve import serve_forever
        return serve_forever(ctx, port=args.port, bind=args.bind)
    return 0


def _state_text(state: LineState) -> str:
    if state.error:
        return f"line {state.number}: {state.error}"
    if not state.registrations:
        return f"line {state.number}: no registrations"
    rows = [f"line {state.number}: {len(state.registrations)} registration(s)"]
    for r in state.registrations:
        reach = {True: "reachable", False: "UNREACHABLE", None: "not probed"}[r.reachable]
        rtt = f" {r.rtt_ms:.0f} ms" if r.rtt_ms is not None else ""
        rows.append(f"  User Agent: {r.user_agent or '?'}  ({'matches device ' + str(list(r.matching_device_ids)) if r.matches_device else 'matches no device of the line'})")
        rows.append(f"  IP address: {r.ip}:{r.port}  {reach}{rtt}  expires {r.expires}s")
        rows.append(f"  Contact:    {r.contact}  ({'contains' if r.contains_number else 'does NOT contain'} {state.number})")
    return "\n".join(rows)


def _sync_text(result: SyncResult) -> str:
    if result.status is None:
        return f"{result.action} not sent: {result.error}"
    text = f"{result.action}: NOTIFY answered {result.status} {result.reason}"
    if result.fetched is True:
        text += f"; the device fetched its configuration at {result.fetched_at:%Y-%m-%d %H:%M:%S}"
    elif result.fetched is False:
        text += "; the device did NOT fetch its configuration in time (check [Refresh] later)"
    if result.error:
        text += f" ({result.error})"
    return text


def _settings_pairs(current: Settings, pairs: list[str]) -> dict[str, Any]:
    known = {f.name: f for f in dataclasses.fields(current)}
    changes: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or key not in known:
            raise v.ValidationError("settings", f"{pair!r}: use KEY=VALUE with KEY one of {', '.join(known)}.")
        kind = type(getattr(current, key))
        if kind is bool:
            if value.lower() not in ("true", "false", "yes", "no", "1", "0"):
                raise v.ValidationError(key, f"{value!r}: use true or false.")
            changes[key] = value.lower() in ("true", "yes", "1")
        elif kind is int:
            try:
                changes[key] = int(value)
            except ValueError:
                raise v.ValidationError(key, f"{value!r} is not a whole number.") from None
        else:
            changes[key] = value
    return changes


def _cert_command(ctx: AppContext, args: argparse.Namespace, out: Output) -> int:
    if args.action == "import":
        password = sys.stdin.readline().rstrip("\n") if args.password_stdin else None
        if args.file.suffix.lower() in (".p12", ".pfx"):
            info = import_pkcs12(args.file, password, ctx.data_dir)
        else:
            info = import_pem_chain(args.file, args.key, ctx.data_dir, password)
    else:
        if args.action == "generated":
            remove_imported_certificate(ctx.data_dir)
        info = current_certificate(ctx)
    out.emit(info, lambda i: f"SHA-256 fingerprint {i.fingerprint_sha256}\nvalid until {i.not_after:%Y-%m-%d}"
             f"\nnames {', '.join(i.dns_names + i.ip_addresses)}\n"
             + (f"devices must trust {i.ca_path}" if i.ca_path else "issued by " + i.issuer))
    return 0


def _pbx_values(args: argparse.Namespace) -> dict[str, Any]:
    return _none_if_unset(name=args.name, sip_domain=args.sip_domain, registrar_host=args.registrar_host,
                          registrar_port=args.registrar_port, transport=args.transport,
                          outbound_proxy=args.outbound_proxy, wss_url=args.wss_url,
                          webrtc_login_url=args.webrtc_login_url,
                          pickup_prefix=args.pickup_prefix, voicemail_number=args.voicemail_number, ntp_server=args.ntp_server,
                          time_zone=args.time_zone, language=args.language, topstop_limit=args.topstop)


def _device_input(args: argparse.Namespace) -> DeviceInput:
    return DeviceInput(admin_password=args.admin_password, user_name=args.user_name,
                       user_password=args.user_password, mac=args.mac, mac_provisioning=args.mac_provisioning,
                       base_unit_id=args.base_unit, clear_base_unit=getattr(args, "no_base_unit", False))


def _device_command(ctx: AppContext, args: argparse.Namespace, out: Output) -> int:
    actor, a = CLI_ACTOR, args.action
    if a == "list":
        out.emit(ctx.devices.list(actor, line_id=args.line, pbx_id=args.pbx), lambda rows: "\n".join(
            f"{d.id:>5}  line {d.line_number:<6} {d.type_label:<28} {'needs sync' if d.needs_sync else 'in sync':<10} {d.url}"
            for d in rows))
    elif a == "show":
        out.emit(ctx.devices.get(actor, args.id))
    elif a == "create":
        out.emit(ctx.devices.create(actor, args.line, args.type, _device_input(args)))
    elif a == "update":
        out.emit(ctx.devices.update(actor, args.id, _device_input(args)))
    elif a == "delete":
        warning = ctx.devices.delete(actor, args.id)
        out.emit({"deleted": args.id, "warning": warning}, lambda r: f"deleted device {r['deleted']}.\n{r['warning']}")
    elif a == "new-key":
        info = ctx.devices.new_access_key(actor, args.id)
        out.emit(info, lambda d: f"new access key for device {d.id}; the old one is retired.\nnew link: {d.url}")
    elif a in ("sync", "restart"):
        ops = SipOperations(ctx)
        result = (ops.synchronize(actor, args.id, wait_s=args.wait) if a == "sync"
                  else ops.restart(actor, args.id))
        out.emit(result, _sync_text)
        return 0 if result.ok else 1
    elif a == "port":
        if args.clear == (args.line_number is not None):
            raise v.ValidationError("port", "give either a LINE_NUMBER or --clear.")
        ctx.devices.set_gateway_port_number(actor, args.id, args.port, None if args.clear else args.line_number)
        ports = [{"port": n, "line_number": number} for n, number in ctx.devices.gateway_ports(actor, args.id)]
        out.emit(ports, lambda rows: "\n".join(f"port {r['port']}: {r['line_number'] or '(none)'}" for r in rows))
    elif a == "config":
        files = {f.name: f for f in ctx.configs.render_device(actor, args.id)}
        if args.file not in files:
            raise NotFound(f"device {args.id} has no file {args.file!r}; it has: "
                           + ", ".join(repr(n) for n in files))
        chosen = files[args.file]
        if out.as_json:
            out.emit({"name": chosen.name, "content_type": chosen.content_type,
                      "body": chosen.body.decode("utf-8", "replace")})
        else:
            sys.stdout.write(chosen.body.decode("utf-8", "replace"))
    return 0


def main(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    data_dir = getattr(args, "data_dir", None) or default_data_dir()
    out = Output(getattr(args, "json", False))
    try:
        ctx = build_context(data_dir, getattr(args, "db", None))
    except (DatabaseError, CatalogError, v.ValidationError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE_ERROR
    try:
        return run_command(ctx, args, out)
    except (v.ValidationError, NotFound, PermissionDenied, ImportRejected, RenderError, CertificateError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE_ERROR
    finally:
        ctx.close()
