"""Starting the GUI: arguments, display check, the app context, login, main window."""
from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app.catalog import CatalogError
from app.context import AppContext, build_context
from app.db import DatabaseError
from app.paths import default_data_dir
from app.validation import ValidationError

log = logging.getLogger(__name__)

ORGANIZATION_NAME = "voip-device-console"
APPLICATION_NAME = "voip-device-console"
UI_STATE_FILE = "window-state.ini"  # in the data directory: one data directory, one window layout

HEADLESS_HELP = """\
There is no display to show the console's windows on (DISPLAY and WAYLAND_DISPLAY are not set).
  - Run the provisioning server without windows:   python main.py serve
  - Run the GUI without a screen (tests, screenshots):
        QT_QPA_PLATFORM=offscreen python main.py
    or on a virtual X server:
        xvfb-run python main.py
"""


def parse_arguments(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, plus whatever is left for Qt (e.g. -platform, -style)."""
    parser = argparse.ArgumentParser(prog="main.py", description="VoIP Device Console (GUI).")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help=f"where settings and the database live (default: {default_data_dir()})")
    parser.add_argument("--db", default=None, metavar="URL",
                        help="SQLAlchemy database URL (default: SQLite console.db in the data directory)")
    return parser.parse_known_args(argv)


def display_problem(environ: Mapping[str, str], platform: str | None = None) -> str | None:
    """Why Qt would abort for lack of a display, with what to do instead; None when a display exists."""
    if (platform or sys.platform) in ("win32", "darwin"):
        return None
    if environ.get("QT_QPA_PLATFORM") or environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    # no QApplication exists yet (it would abort); translate() still looks up installed translators
    return QCoreApplication.translate("launcher", HEADLESS_HELP)


def open_context(data_dir: Path, db_url: str | None) -> AppContext | str:
    """The app context, or a message saying why it cannot be opened and how to fix it."""
    try:
        return build_context(data_dir, db_url)
    except DatabaseError as exc:
        problem = QCoreApplication.translate("launcher", "The database cannot be opened.")
        detail = str(exc)
    except CatalogError as exc:
        problem = QCoreApplication.translate("launcher", "The device catalog cannot be loaded.")
        detail = str(exc)
    except ValidationError as exc:
        problem = QCoreApplication.translate("launcher", "The settings cannot be read.")
        detail = str(exc)
    except OSError as exc:
        problem = QCoreApplication.translate("launcher", "The data directory cannot be used.")
        detail = f"{data_dir}: {exc.strerror or exc}"
    hint = QCoreApplication.translate(
        "launcher", "Check the options --data-dir and --db (see python main.py --help), then start again.")
    return f"{problem}\n\n{detail}\n\n{hint}"


def show_startup_error(message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("launcher", "VoIP Device Console"),
                      message, QMessageBox.StandardButton.Close)
    box.exec()


def run_gui(argv: list[str]) -> int:
    try:
        args, qt_args = parse_arguments(argv)
    except SystemExit as exc:  # --help or a bad option: argparse has printed what to do
        return int(exc.code or 0)
    problem = display_problem(os.environ)
    if problem is not None:
        print(problem, file=sys.stderr, end="")
        return 2

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *qt_args])
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setApplicationName(APPLICATION_NAME)
    app.setApplicationDisplayName(QCoreApplication.translate("launcher", "VoIP Device Console"))

    data_dir = args.data_dir or default_data_dir()
    opened = open_context(data_dir, args.db)
    if isinstance(opened, str):
        log.error("cannot start the console: %s", opened.replace("\n\n", " "))
        show_startup_error(opened)
        return 1
    ctx = opened
    from ui.i18n import install_translators

    install_translators(app, ctx.settings.language)  # parented to the app: they live as long as it
    try:
        return _login_and_run(app, ctx)
    finally:
        ctx.close()


def _login_and_run(app: QApplication, ctx: AppContext) -> int:
    from ui.login_dialog import LoginDialog
    from ui.main_window import MainWindow

    login = LoginDialog(ctx.users)
    if login.exec() != QDialog.DialogCode.Accepted or login.actor is None:
        return 0
    from app.background import BackgroundServices

    ui_state = QSettings(str(ctx.data_dir / UI_STATE_FILE), QSettings.Format.IniFormat)
    background = BackgroundServices(ctx)
    window = MainWindow(ctx, login.actor, ui_state, background=background)
    # after the window exists, so that its status bar sees the server's first state
    window.start_background()
    window.show()
    try:
        return app.exec()
    finally:
        window.shutdown()
        window.deleteLater()
