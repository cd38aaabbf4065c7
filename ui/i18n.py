"""Loading the console's translation (and Qt's own, for standard buttons) for the chosen language.

English is the source language; other languages live in resources/translations/console_<lang>.qm,
built from the .ts files by scripts/update_translations.sh.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"
SHIPPED_LANGUAGES = {"en": "English", "de": "Deutsch"}


def available_languages() -> dict[str, str]:
    """Language code -> name, for those with a compiled translation (English always)."""
    return {code: name for code, name in SHIPPED_LANGUAGES.items()
            if code == "en" or (TRANSLATIONS / f"console_{code}.qm").is_file()}


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translators for `language`; returns them (keep a reference while the app runs).

    An unknown or untranslated language leaves the English texts: a console in the wrong
    language is better than none."""
    if language == "en":
        return []
    installed = []
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS / f"console_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed
