"""[New] for the smartphone app: the QR code reads back as the link, a new link retires the old one,
and a real HTTPS fetch of the link turns "waiting" into "loaded"."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import requests
import sqlalchemy as sa
import zxingcpp
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from app import security
from app.provisioning.events import RetiredKeyUsed
from app.serving import ProvisioningService
from models.schema import RetiredAccessKey
from tests.conftest import wait_for
from tests.ui.device_dialogs.conftest import save_screenshot
from ui.device.qr_dialog import QUIET_ZONE_MODULES, open_new_qr, qr_matrix, qr_qimage


def decode(image: QImage) -> list[str]:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(gray.constBits())
    pil = Image.frombuffer("L", (gray.width(), gray.height()), data, "raw", "L", gray.bytesPerLine(), 1)
    return [barcode.text for barcode in zxingcpp.read_barcodes(pil)]


def test_on_a_high_dpi_screen_the_code_has_more_pixels_and_the_same_size(qtbot):
    url = "https://prov.example.net:8448/" + "ab" * 24 + ".cfg"
    normal, sharp = qr_qimage(url, 1.0), qr_qimage(url, 2.0)
    assert sharp.devicePixelRatio() == 2.0 and sharp.width() >= 2 * 300
    assert sharp.deviceIndependentSize().width() >= 300 and normal.width() >= 300
    assert decode(normal) == decode(sharp) == [url]


@pytest.fixture
def app_device(ctx, provider, make_line):
    line = make_line("300", "Sara App")
    return ctx.devices.create(provider, line.id, "linphone-app")


@pytest.fixture
def server(ctx):
    service = ProvisioningService(ctx, port=0, bind="127.0.0.1", poll_interval=0.2)
    service.start()
    http = requests.Session()
    http.trust_env = False  # else REQUESTS_CA_BUNDLE from the environment overrides `verify`
    http.verify = str(service.certificate.ca_path)
    yield service, http
    http.close()
    service.stop()
    assert service.join(10)


def fetch(service, http, url: str, user_agent: str = "LinphoneAndroid/5.2") -> requests.Response:
    """What the app does with the scanned link, sent to the test server on 127.0.0.1."""
    parts = urlsplit(url)
    return http.get(f"https://127.0.0.1:{service.server.port}{parts.path}", headers={"User-Agent": user_agent},
                    timeout=10)


def show(qtbot, session, device_id):
    dialog = open_new_qr(session, device_id)
    qtbot.addWidget(dialog)
    return dialog


def test_the_code_reads_back_as_the_link_which_is_shown_only_on_demand(qtbot, ctx, session, app_device):
    dialog = show(qtbot, session, app_device.id)
    qtbot.waitExposed(dialog)
    # never accessed: the current link is shown, no new key, no question
    assert dialog.confirmation is None
    assert ctx.devices.get(session.actor, app_device.id).access_key == app_device.access_key
    image = dialog.qr_image()
    assert decode(image) == [app_device.url]
    # big enough to scan, whole pixels per module, a white quiet zone all around
    modules = len(qr_matrix(app_device.url))
    assert image.width() == image.height() >= 300 and image.width() % modules == 0
    border = image.width() // modules * QUIET_ZONE_MODULES
    assert all(image.pixelColor(x, y).lightness() == 255 for x in range(border) for y in range(0, image.height(), 5))
    # the secret link only on demand
    assert not dialog.link_label.isVisible()
    dialog.show_link_button.click()
    assert dialog.link_label.isVisible() and dialog.link_label.text() == app_device.url
    assert dialog.link_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert dialog.status_label.text() == "Waiting for the app to load its configuration \u2026"
    assert dialog.last_access_label.text() == "Last Access: never"
    dialog.show_link_button.click()
    assert not dialog.link_label.isVisible()
    save_screenshot(qtbot, dialog, "dialog-qr")

    # a second [New] of a never used link shows the same link again
    dialog.close()
    again = show(qtbot, session, app_device.id)
    assert again.confirmation is None and decode(again.qr_image()) == [app_device.url]
    qtbot.keyClick(again, Qt.Key.Key_Escape)
    assert not again.isVisible()


def test_a_real_fetch_shows_loaded_and_a_new_link_retires_the_old_one(qtbot, ctx, session, app_device, server):
    service, http = server
    dialog = show(qtbot, session, app_device.id)
    qtbot.waitExposed(dialog)
    assert dialog.status_label.text().startswith("Waiting for the app")
    wait_for(lambda: service.serves(app_device.access_key), message="the device served")
    assert fetch(service, http, decode(dialog.qr_image())[0]).status_code == 200
    qtbot.waitUntil(lambda: "127.0.0.1" in dialog.status_label.text(), timeout=5000)
    assert dialog.status_label.text().startswith("Configuration loaded at ")
    qtbot.waitUntil(lambda: (dialog.refresh_button.click() or True) and "127.0.0.1" in dialog.last_access_label.text(),
                    timeout=5000)
    dialog.close()

    # [New] again: the app already uses the link, so first the question; Cancel changes nothing
    old_url = app_device.url
    cancelled = show(qtbot, session, app_device.id)
    assert isinstance(cancelled.confirmation, QMessageBox) and cancelled.confirmation.isVisible()
    assert "stop receiving updates" in cancelled.confirmation.text()
    assert not cancelled.isVisible()
    with qtbot.waitSignal(cancelled.rejected):
        cancelled.confirmation.button(QMessageBox.StandardButton.Cancel).click()
    assert not cancelled.isVisible()
    assert ctx.devices.get(session.actor, app_device.id).url == old_url

    renewed = show(qtbot, session, app_device.id)
    renewed.confirm_button.click()
    qtbot.waitExposed(renewed)
    new_url = ctx.devices.get(session.actor, app_device.id).url
    assert new_url != old_url
    assert decode(renewed.qr_image()) == [new_url]
    renewed.show_link_button.click()
    assert renewed.link_label.text() == new_url
    # the access of the old link is history: waiting again, last access still shown
    assert renewed.status_label.text().startswith("Waiting for the app")
    assert "127.0.0.1" in renewed.last_access_label.text()
    # the old link is retired: recorded, and the server refuses it
    old_key = app_device.access_key
    with ctx.db.session() as s:
        retired = s.scalars(sa.select(RetiredAccessKey).where(
            RetiredAccessKey.key_hash == security.access_key_hash(old_key))).all()
    assert [r.device_id for r in retired] == [app_device.id]
    misuse = []
    ctx.bus.subscribe(misuse.append, RetiredKeyUsed)
    wait_for(lambda: not service.serves(old_key), message="the old key dropped")
    assert fetch(service, http, old_url).status_code in (403, 404)
    wait_for(lambda: misuse, message="the retired key reported")
    # the app set up with the new code loads it
    new_key = ctx.devices.get(session.actor, app_device.id).access_key
    wait_for(lambda: service.serves(new_key), message="the new key served")
    assert fetch(service, http, new_url).status_code == 200
    qtbot.waitUntil(lambda: renewed.status_label.text().startswith("Configuration loaded at "), timeout=5000)
