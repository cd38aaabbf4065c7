from __future__ import annotations

import socket
from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.settings import Settings, save_settings
from tests.ui.conftest import PROVIDER_NAME, PROVIDER_PASSWORD
from ui.launcher import UI_STATE_FILE, display_problem, parse_arguments, run_gui
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow


class Driver:
    """Plays the user while run_gui blocks in exec(): every 20 ms it looks at what is on screen and
    calls the step for it. After `deadline_ms` it ends the event loop, so a hang fails instead of blocking."""

    def __init__(self, steps: dict[type, Callable[[QWidget], None]], deadline_ms: int = 20000) -> None:
        self.steps = steps
        self.seen: list[str] = []
        self.timed_out = False
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._look)
        self._deadline = QTimer()
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(deadline_ms)
        self._deadline.timeout.connect(self._give_up)

    def start(self) -> None:
        self._timer.start()
        self._deadline.start()

    def stop(self) -> None:
        self._timer.stop()
        self._deadline.stop()

    def _look(self) -> None:
        for widget in QApplication.topLevelWidgets():
            step = self.steps.get(type(widget))
            if step is not None and widget.isVisible():
                self.seen.append(type(widget).__name__)
                step(widget)
                return

    def _give_up(self) -> None:
        self.timed_out = True
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                widget.close()
        QApplication.exit(99)


def test_without_a_display_it_explains_how_to_run_headless(monkeypatch, capsys):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    assert run_gui([]) == 2
    err = capsys.readouterr().err
    assert "python main.py serve" in err
    assert "QT_QPA_PLATFORM=offscreen python main.py" in err
    assert "xvfb-run python main.py" in err


@pytest.mark.parametrize("environ, platform, headless", [
    ({}, "linux", True),
    ({"DISPLAY": ":0"}, "linux", False),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    ({}, "win32", False),
    ({}, "darwin", False),
])
def test_display_problem(environ, platform, headless):
    assert (display_problem(environ, platform) is not None) == headless


def test_arguments_and_qt_options():
    args, rest = parse_arguments(["--data-dir", "/tmp/x", "--db", "sqlite:///y.db", "-style", "fusion"])
    assert (str(args.data_dir), args.db, rest) == ("/tmp/x", "sqlite:///y.db", ["-style", "fusion"])
    args, rest = parse_arguments([])
    assert (args.data_dir, args.db, rest) == (None, None, [])


def _run_expecting_error(qtbot, argv: list[str]) -> tuple[int, str]:
    shown: list[str] = []

    def close_error(box: QMessageBox) -> None:
        shown.append(box.text())
        box.close()

    driver = Driver({QMessageBox: close_error})
    driver.start()
    try:
        code = run_gui(argv)
    finally:
        driver.stop()
    assert not driver.timed_out
    assert len(shown) == 1
    return code, shown[0]


def test_a_database_that_cannot_be_opened_gets_an_error_dialog(qtbot, tmp_path, caplog):
    code, text = _run_expecting_error(qtbot, ["--data-dir", str(tmp_path), "--db", "nosuchdb://host/x"])
    caplog.clear()  # the launcher logs the failure too; expected here
    assert code == 1
    assert text.startswith("The database cannot be opened.")
    assert "--data-dir and --db" in text
    assert "Traceback" not in text


def test_unreadable_settings_get_an_error_dialog(qtbot, tmp_path, caplog):
    (tmp_path / "settings.json").write_text("{ not json", encoding="utf-8")
    code, text = _run_expecting_error(qtbot, ["--data-dir", str(tmp_path)])
    caplog.clear()
    assert code == 1
    assert text.startswith("The settings cannot be read.")
    assert "settings.json" in text


def test_a_data_directory_that_is_a_file_gets_an_error_dialog(qtbot, tmp_path, caplog):
    not_a_dir = tmp_path / "console-data"
    not_a_dir.write_text("", encoding="utf-8")
    code, text = _run_expecting_error(qtbot, ["--data-dir", str(not_a_dir)])
    caplog.clear()
    assert code == 1
    assert text.startswith("The data directory cannot be used.")
    assert str(not_a_dir) in text


def _loopback_settings(data_dir) -> int:
    """The GUI starts the provisioning server: keep it (and SIP) on loopback, on a free port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data_dir.mkdir(parents=True, exist_ok=True)
    save_settings(data_dir, Settings(bind_address="127.0.0.1", port=port, public_host="prov.test.example",
                                     sip_bind_address="127.0.0.1"))
    return port


def test_first_start_through_login_to_the_main_window_and_quit(qtbot, tmp_path):
    data_dir = tmp_path / "data"
    port = _loopback_settings(data_dir)
    titles: list[list[str]] = []
    server_states: list[str] = []

    def create_provider(dialog: LoginDialog) -> None:
        assert dialog.first_start
        dialog.user_name_edit.setText(PROVIDER_NAME)
        dialog.password_edit.setText(PROVIDER_PASSWORD)
        dialog.repeat_edit.setText(PROVIDER_PASSWORD)
        dialog.submit_button.click()

    def look_and_quit(window: MainWindow) -> None:
        titles.append(window.tab_titles())
        server_states.append(f"{window.server_status.state} {window.server_status.label.text()}")
        window.quit_action.trigger()

    driver = Driver({LoginDialog: create_provider, MainWindow: look_and_quit})
    driver.start()
    try:
        code = run_gui(["--data-dir", str(data_dir)])
    finally:
        driver.stop()
    assert not driver.timed_out
    assert code == 0
    assert driver.seen == ["LoginDialog", "MainWindow"]
    assert titles == [["PBX", "Settings", "Phones"]]
    # the console started its provisioning server, and stopped it on quitting
    assert server_states[0] == f"running Provisioning: running at https://prov.test.example:{port}"
    with socket.socket() as again:
        again.bind(("127.0.0.1", port))
    assert (data_dir / "console.db").exists()
    assert (data_dir / UI_STATE_FILE).exists()


def test_cancelling_the_login_ends_the_gui(qtbot, tmp_path):
    _loopback_settings(tmp_path)
    driver = Driver({LoginDialog: lambda dialog: dialog.reject()})
    driver.start()
    try:
        code = run_gui(["--data-dir", str(tmp_path)])
    finally:
        driver.stop()
    assert not driver.timed_out
    assert code == 0
    assert driver.seen == ["LoginDialog"]
