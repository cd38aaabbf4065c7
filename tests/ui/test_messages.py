"""Validation messages stay readable in light and dark themes."""
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from ui.messages import inline_error_label, sentence, show_inline


def _window_with(qtbot, window_colour: str) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(window_colour))
    widget.setPalette(palette)
    return widget


def test_the_error_red_contrasts_with_light_and_dark_windows(qtbot):
    for window_colour in ("#ffffff", "#202124"):
        parent = _window_with(qtbot, window_colour)
        label = inline_error_label(parent)
        red = QColor(label.styleSheet().removeprefix("color: ").removesuffix(";"))
        background = QColor(window_colour)
        assert red.red() > red.green() and red.red() > red.blue()
        assert abs(red.lightness() - background.lightness()) > 90, (window_colour, red.name())


def test_messages_show_only_with_text_and_start_with_a_capital(qtbot):
    parent = _window_with(qtbot, "#ffffff")
    label = inline_error_label(parent)
    show_inline(label, sentence(ValueError("port: use 1 to 65535.")))
    assert not label.isHidden() and label.text() == "Port: use 1 to 65535."
    show_inline(label, "")
    assert label.isHidden()
