"""PNG pictures of windows and dialogs for review by eye, in artifacts/screenshots/ (kept by CI runs)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def save_screenshot(qtbot, widget: QWidget, name: str) -> Path:
    """Saves the shown widget as <name>.png and checks that the picture really shows something."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.waitExposed(widget)
    path = SCREENSHOTS / f"{name}.png"
    assert widget.grab().save(str(path))
    image = QImage(str(path))
    assert not image.isNull()
    ratio = widget.devicePixelRatioF()  # 1 offscreen; 2 on a high-DPI screen
    assert (image.width(), image.height()) == (round(widget.width() * ratio), round(widget.height() * ratio))
    # a picture of nothing but one colour would mean nothing was drawn
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 3
    return path
