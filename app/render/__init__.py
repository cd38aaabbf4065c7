"""Configuration rendering: pure functions from a RenderInput to the files a device downloads.

``render(catalog, inp)`` returns the main file (name "", served as <access key>.cfg) first,
then follow-up files served as /<access key>/<name>:

- yealink, snom: ``phonebook.xml`` (vPBX phonebook in the vendor's XML directory format)
- grandstream: ``cfg.xml`` and ``cfg<mac>.xml`` (the same configuration: Grandstream appends
  these names to its Config Server Path ``<host:port>/<access key>``) and ``phonebook.xml``
- linphone: ``phonebook.vcf`` (vCard list)
- webrtc: none (the phonebook is inside the JSON)

Links written into the configurations (base_url ends with '/'):
- re-check (own) link: base_url + access_key + ".cfg"
- phonebook: base_url + access_key + "/phonebook.xml" (Linphone: "/phonebook.vcf")

A DECT base's configuration carries the lines of the handsets bound to it (its own
``device.line`` is not used); a gateway's carries its ports (without ports: the device's line
on port 1). A DECT handset has no configuration of its own (its base carries its account): its render is
one main file, text/plain, with a one-line note naming this; handsets never download it.
"""

from __future__ import annotations

from collections.abc import Callable

from app.catalog import Catalog, DeviceType
from app.render import grandstream, linphone, snom, webrtc, yealink
from app.render.common import RenderError
from app.render.inputs import RenderedFile, RenderInput

__all__ = ["RENDERERS", "RenderError", "render"]

Renderer = Callable[[Catalog, DeviceType, RenderInput], tuple[RenderedFile, ...]]

RENDERERS: dict[str, Renderer] = {
    "yealink": yealink.render,
    "snom": snom.render,
    "grandstream": grandstream.render,
    "linphone": linphone.render,
    "webrtc": webrtc.render,
}


def render(catalog: Catalog, inp: RenderInput) -> tuple[RenderedFile, ...]:
    """All files of one device; raises RenderError (a ValueError) with a fixable message."""
    try:
        device_type = catalog.device_type(inp.device.type_id)
    except KeyError as exc:
        raise RenderError(str(exc.args[0])) from None
    if device_type.kind == "dect-handset":
        return (_handset_note(device_type),)
    renderer = RENDERERS.get(device_type.renderer)
    if renderer is None:
        raise RenderError(f"no renderer for family {device_type.renderer!r} of {device_type.id}")
    return renderer(catalog, device_type, inp)


def _handset_note(device_type: DeviceType) -> RenderedFile:
    bases = " or ".join(device_type.compatible_bases)
    text = (
        f"# {device_type.vendor} {device_type.model} is a DECT handset: its configuration is part of its "
        f"base station's ({bases}); there is nothing to download here.\n"
    )
    return RenderedFile("", "text/plain; charset=utf-8", text.encode("utf-8"))
