"""The Qt binding must not drop references to None: on Python < 3.12 that aborts the program.

PySide6-Essentials 6.12.0 on Python 3.11 does (measured: 100 calls of a void method lower
sys.getrefcount(None) by 100; 6.11.3 keeps it unchanged). The Keys tab's paint code makes a few
thousand such calls per repaint, so the console would abort with "none_dealloc: deallocating None"
within seconds. Fix: pin PySide6-Essentials to a version without the bug (6.11.3 measured good) or
run on Python >= 3.12, where None is immortal. This test fails until one of them is done.
"""

from __future__ import annotations

import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtGui import QColor


def test_void_qt_calls_keep_none_alive():
    colour = QColor(10, 20, 30)
    before = sys.getrefcount(None)
    for _ in range(200):
        colour.setAlpha(100)
    lost = before - sys.getrefcount(None)
    immortal = sys.version_info >= (3, 12)
    assert immortal or lost < 50, (
        f"PySide6 {pyside_version} on Python {sys.version.split()[0]} dropped {lost} references to None in "
        "200 calls; the GUI will abort. Pin PySide6-Essentials==6.11.3 or use Python >= 3.12."
    )
