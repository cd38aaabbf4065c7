"""The manual's procedures in the help viewer: every topic opens, links lead to other topics."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from tests.ui.screenshots import save_screenshot
from ui.help.topics import HELP_DIR, MISUSE
from ui.help.viewer import HelpViewer, help_topics

MANUAL = Path("/work/shared/spec/voip-devices-manual.txt")


@pytest.fixture
def viewer(qtbot) -> HelpViewer:
    widget = HelpViewer()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_help_menu_lists_every_procedure_of_the_manual():
    anchors = [anchor for anchor, _title in help_topics()]
    assert {"create-modify-delete-device", "synchronize", "restart", "registration-status", MISUSE, "ip-telephone",
            "web-telephone", "redirection-service", "manual-configuration", "dect-handset", "function-keys",
            "parameters"} <= set(anchors)
    assert len(set(anchors)) == len(anchors)
    for anchor, _title in help_topics():
        text = (HELP_DIR / f"{anchor}.html").read_text(encoding="utf-8")
        assert f'<a name="{anchor}">' in text


@pytest.mark.parametrize("anchor, title", help_topics())
def test_each_topic_is_shown_with_its_title(viewer, anchor, title):
    viewer.show_topic(anchor)
    assert viewer.current_topic() == anchor
    assert viewer.browser.toPlainText().startswith(title)
    assert viewer.topic_list.currentItem().text() == title


def test_the_misuse_procedure_is_the_manuals_text(viewer):
    viewer.show_topic(MISUSE)
    shown = " ".join(viewer.browser.toPlainText().split())
    for sentence in ("Inform the vPBX administrator or provider about the loss of critical data!",
                     "Request to configure new SIP credentials for the account.",
                     "(the existing configurations of the function keys are preserved)",
                     "TopStops can be configured at the level of the vPBX, account and telephone number."):
        assert sentence in shown
    manual = " ".join(MANUAL.read_text(encoding="utf-8").split())
    assert "Wait for confirmation that the new SIP credentials are configured." in manual


def test_the_manuals_button_names_are_kept(viewer):
    buttons = set()
    for anchor, _title in help_topics():
        buttons |= set(re.findall(r"\[[^\]]+\]", (HELP_DIR / f"{anchor}.html").read_text(encoding="utf-8")))
    assert {"[Details ...]", "[+ Save]", "[Synchronize]", "[Refresh]", "[Restart ...]", "[New Access Key ...]",
            "[Manual configure ...]", "[State ...]", "[New]", "[Save]"} <= buttons


def test_a_link_leads_to_the_other_procedure_and_back(qtbot, viewer):
    viewer.show_topic(MISUSE)
    viewer.browser.setSource(QUrl("redirection-service.html"))
    assert viewer.current_topic() == "redirection-service"
    assert viewer.topic_list.currentItem().text() == "Manage a VoIP Device via Redirection Service"
    assert viewer.back_button.isEnabled()
    viewer.back_button.click()
    assert viewer.current_topic() == MISUSE


def test_an_unknown_topic_is_refused(viewer):
    with pytest.raises(ValueError, match="unknown help topic"):
        viewer.show_topic("nothing-here")


def test_screenshot(qtbot, viewer):
    viewer.show_topic(MISUSE)
    save_screenshot(qtbot, viewer, "dialog-help")
