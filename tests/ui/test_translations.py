"""The German translation: complete, faithful to placeholders and mnemonics, compiled, and shown by the GUI."""
from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.demo import create_demo
from tests.ui.screenshots import save_screenshot
from ui.i18n import TRANSLATIONS, available_languages, install_translators
from ui.login_dialog import LoginDialog

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = TRANSLATIONS / "console_de.ts"
QM_FILE = TRANSLATIONS / "console_de.qm"
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"

PLACEHOLDER = re.compile(r"%\d+|%n|\{[^}]*\}")
# real markup only: texts like "<access key>.cfg" or "https://<exchange>" are words a translation may change
HTML_TAG = re.compile(r"</?(?:a|b|i|u|p|br|em|strong|tt|code|span|div|ul|ol|li|table|tr|td|th|h\d|qt|html|body)\b[^>]*>",
                      re.IGNORECASE)
MNEMONIC = re.compile(r"&(?=[^&\s])")


def _messages() -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message in the .ts file."""
    root = ET.parse(TS_FILE).getroot()
    return [(context.findtext("name") or "", message.findtext("source") or "", message.find("translation"))
            for context in root.iter("context") for message in context.iter("message")]


def _mnemonics(text: str) -> int:
    return len(MNEMONIC.findall(text.replace("&&", "")))


def test_every_text_is_translated_and_keeps_placeholders_tags_and_mnemonics():
    messages = _messages()
    assert len(messages) > 700
    problems = []
    for context, source, element in messages:
        where = f"{context}: {source!r}"
        if element is None or element.get("type") in ("unfinished", "obsolete", "vanished") or not element.text:
            problems.append(f"{where} is not translated (run scripts/update_translations.sh, then translate it)")
            continue
        text = element.text
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{where}: placeholders differ in {text!r}")
        if sorted(t.lower() for t in HTML_TAG.findall(source)) != sorted(t.lower() for t in HTML_TAG.findall(text)):
            problems.append(f"{where}: HTML tags differ in {text!r}")
        if source.count("\n") != text.count("\n"):
            problems.append(f"{where}: line breaks differ in {text!r}")
        if _mnemonics(text) != min(_mnemonics(source), 1) or _mnemonics(text) > 1:
            problems.append(f"{where}: needs exactly as many '&' mnemonics as the source (at most one): {text!r}")
        if re.search(r"\b(Ctrl|Alt|Shift)\+", source) and not all(
                key in text for key in re.findall(r"\b(?:Ctrl|Alt|Shift)\+\w+", source)):
            problems.append(f"{where}: keep shortcuts like Ctrl+Q as they are (Qt names the keys): {text!r}")
    assert not problems, "\n".join(problems)


def _translations(qm_file: Path, messages) -> dict[tuple[str, str], str]:
    translator = QTranslator()
    assert translator.load(str(qm_file)), qm_file
    return {(context, source): translator.translate(context, source) for context, source, _element in messages}


def test_the_compiled_translation_is_up_to_date_with_the_ts_file(tmp_path):
    assert LRELEASE.is_file(), f"{LRELEASE} is missing: install PySide6 into the venv"
    fresh = tmp_path / "console_de.qm"
    subprocess.run([str(LRELEASE), str(TS_FILE), "-qm", str(fresh)], check=True, capture_output=True, timeout=60)
    if fresh.read_bytes() == QM_FILE.read_bytes():
        return
    # another lrelease build may order or pad differently: then what it translates must still be the same
    messages = _messages()
    assert _translations(fresh, messages) == _translations(QM_FILE, messages), \
        "console_de.qm is older than console_de.ts: run scripts/update_translations.sh"


def test_german_is_an_available_language():
    assert "de" in available_languages()
    assert available_languages()["en"] == "English"


@pytest.fixture
def german(qapp) -> Iterator[list[QTranslator]]:
    """The German translators, removed again afterwards so the other tests stay English."""
    translators = install_translators(qapp, "de")
    try:
        assert translators, "console_de.qm could not be loaded"
        yield translators
    finally:
        for translator in translators:
            QApplication.removeTranslator(translator)


def test_the_first_start_login_dialog_speaks_german(qtbot, ctx, german):
    dialog = LoginDialog(ctx.users)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.first_start
    assert dialog.windowTitle() == "Das erste Provider-Konto anlegen"
    assert dialog.intro.text().startswith("Dies ist der erste Start der Konsole")
    assert dialog.submit_button.text() == "Konto anlegen und anmelden"
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Geben Sie einen Benutzernamen ein."


def test_the_login_dialog_speaks_german(qtbot, ctx, provider, german):
    dialog = LoginDialog(ctx.users)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.first_start
    assert dialog.windowTitle() == "Anmelden"
    assert dialog.intro.text() == "Melden Sie sich mit Ihrem Benutzernamen und Passwort für die Konsole an."
    assert dialog.submit_button.text() == "Anmelden"
    # Qt's own translation names the standard buttons
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Abbrechen"


def test_the_main_window_shows_german_tabs_and_menus(qtbot, ctx, provider, make_window, german):
    create_demo(ctx, provider)
    window = make_window(provider)
    assert window.windowTitle() == "VoIP-Gerätekonsole"
    assert window.tab_titles() == ["Nebenstellenanlage", "Einstellungen", "Telefone"]
    assert [action.text() for action in window.menuBar().actions()] == ["&Datei", "&Ansicht", "&Hilfe"]
    assert window.quit_action.text() == "&Beenden"
    # the shortcut text stays portable: Qt itself shows the modifier in the user's language
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    window.resize(780, 560)  # the offscreen screen is 800 x 600
    save_screenshot(qtbot, window, "main-window-de")
