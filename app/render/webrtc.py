"""Configuration of a browser phone (WebRTC, SIP over WSS), reference webrtc.md.

A JSON document the web-phone page loads from the device's link. It carries ready-made option
objects for both libraries the reference covers: "jssip" (JsSIP.UA configuration; the page
wraps each `sockets` URL in `new JsSIP.WebSocketInterface(url)`) and "sipjs" (SIP.js 0.21
UserAgentOptions; the page turns `uri` into `UserAgent.makeURI(uri)`) plus "registerer"
(RegistererOptions). "recheck_url" is the page's own link: it reloads it instead of a NOTIFY.
'<', '>' and '&' are written as \\u escapes so the JSON can be inlined in an HTML <script>.
"""

from __future__ import annotations

import json
import re

from app.catalog import Catalog, DeviceType
from app.render import common
from app.render.inputs import RenderedFile, RenderInput

CONTENT_TYPE = "application/json"
REGISTER_EXPIRES_SECONDS = 600  # both libraries' default


def render(catalog: Catalog, device_type: DeviceType, inp: RenderInput) -> tuple[RenderedFile, ...]:
    links = common.links(inp)
    pbx, line = inp.pbx, inp.device.line
    if not re.fullmatch(r"wss://[^/\s]+(?:/\S*)?", pbx.wss_url):
        shown = repr(pbx.wss_url) if pbx.wss_url else "missing"
        raise common.RenderError(
            f"the vPBX's WebSocket URL for browser phones is {shown}; set it to 'wss://host:port/path'"
        )
    uri = f"sip:{line.sip_user}@{pbx.sip_domain}"
    document = {
        "format": "voip-device-console/webrtc/1",
        "server": pbx.wss_url,
        "uri": uri,
        "display_name": line.display_name,
        "authorization_user": line.auth_user,
        "password": line.password,
        "register_expires": REGISTER_EXPIRES_SECONDS,
        "jssip": {
            "sockets": [pbx.wss_url],
            "uri": uri,
            "authorization_user": line.auth_user,
            "password": line.password,
            "display_name": line.display_name,
            "register": True,
            "register_expires": REGISTER_EXPIRES_SECONDS,
        },
        "sipjs": {
            "uri": uri,
            "transportOptions": {"server": pbx.wss_url},
            "authorizationUsername": line.auth_user,
            "authorizationPassword": line.password,
            "displayName": line.display_name,
        },
        "registerer": {"expires": REGISTER_EXPIRES_SECONDS},
        "recheck_url": links.config_url,
        "language": pbx.language,
        "time_zone": pbx.time_zone,
        "phonebook": [{"name": name, "number": number} for name, number in inp.phonebook],
    }
    text = json.dumps(document, ensure_ascii=True, indent=2)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return (RenderedFile("", CONTENT_TYPE, (text + "\n").encode("ascii")),)
