"""The manual's procedures as help topics: one HTML file per procedure in resources/help/.

The texts are the product manual's (docs: /work/shared/spec/voip-devices-manual.txt), kept in English;
the anchor is the file's name and the `<a name>` at its title, so links between topics are plain
relative links ("misuse.html").
"""
from __future__ import annotations

from pathlib import Path

HELP_DIR = Path(__file__).resolve().parents[2] / "resources" / "help"

MISUSE = "misuse"

# (anchor, title) in the manual's order; the titles are the manual's headings
TOPICS: tuple[tuple[str, str], ...] = (
    ("overview", "Managing VoIP Telephones"),
    ("create-modify-delete-device", "Creating, Modifying and Deleting a VoIP Device"),
    ("synchronize", "Synchronize the Configuration Data to the VoIP Device"),
    ("restart", "Rebooting the VoIP Device"),
    ("registration-status", "Check the VoIP Device Registration Status"),
    (MISUSE, "Procedure at Loss of Critical Data and Misuse (Fraud)"),
    ("ip-telephone", 'Manage an "IP-Telephone" (Smartphone App)'),
    ("web-telephone", 'Manage a "Web-Telephone" (Web Browser)'),
    ("redirection-service", "Manage a VoIP Device via Redirection Service"),
    ("manual-configuration", "Manage a VoIP Device Manually via AdminCenter"),
    ("dect-handset", "Manage DECT Handset"),
    ("function-keys", "Configuration of Function Keys"),
    ("parameters", "Parameter Configuration"),
)


def help_topics() -> list[tuple[str, str]]:
    """(anchor, title) of every procedure, for the Help menu."""
    return list(TOPICS)


def topic_path(anchor: str) -> Path:
    if anchor not in dict(TOPICS):
        known = ", ".join(a for a, _ in TOPICS)
        raise ValueError(f"unknown help topic {anchor!r}; known topics: {known}")
    return HELP_DIR / f"{anchor}.html"
