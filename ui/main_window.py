"""The main window: the manual's tabs PBX (administrators), Settings and Phones; the Device dialog,
[State ...], the access log and the help open from here. The status bar shows the provisioning
server's state; a banner warns of a retired access key being used."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from app.background import BackgroundServices
from app.context import AppContext
from app.services.dto import Actor
from app.settings import Settings
from ui.bridge import EventBridge
from ui.device.device_dialog import DeviceDialog
from ui.device.state_dialog import StateDialog
from ui.help.topics import help_topics
from ui.help.viewer import HelpViewer
from ui.itemmodels.phones_tree_model import PhonesTreeModel
from ui.session import make_session
from ui.status.access_log_dialog import AccessLogDialog
from ui.status.misuse_banner import MisuseBanner
from ui.status.server_status import ServerStatusWidget
from ui.tabs.pbx_tab import PbxTab
from ui.tabs.phones_tab import PhonesTab
from ui.tabs.settings_tab import SettingsTab

GEOMETRY_KEY = "main_window/geometry"
CURRENT_TAB_KEY = "main_window/current_tab"


class MainWindow(QMainWindow):
    """`ui_state` keeps the window geometry; the launcher passes a QSettings file in the data directory.
    `background` (provisioning server and monitor) is started by `start_background()` and stopped
    by `shutdown()`; tests may leave it out."""

    def __init__(self, ctx: AppContext, actor: Actor, ui_state: QSettings, parent: QWidget | None = None,
                 *, background: BackgroundServices | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.actor = actor
        self._ui_state = ui_state
        self.background = background
        self.bridge = EventBridge(ctx.bus, self)
        self.session = make_session(ctx, actor, self.bridge)
        self.device_dialogs: dict[int, DeviceDialog] = {}
        self.state_dialogs: dict[int, StateDialog] = {}
        self.access_log_dialog: AccessLogDialog | None = None
        self.help_viewer: HelpViewer | None = None
        self._shut_down = False

        self.tabs = QTabWidget(self)
        self.pbx_tab: PbxTab | None = None
        if actor.is_admin:
            self.pbx_tab = PbxTab(self.session, self.tabs)
            self.pbx_tab.setObjectName("pbx")
            self.tabs.addTab(self.pbx_tab, self.tr("&PBX"))
        self.settings_tab = SettingsTab(self.session, self.tabs)
        self.settings_tab.setObjectName("settings")
        self.tabs.addTab(self.settings_tab, self.tr("&Settings"))
        self.phones_model = PhonesTreeModel(self.session, self)
        self.phones_tab = PhonesTab(self.session, self.phones_model, self.tabs)
        self.phones_tab.setObjectName("phones")
        self.tabs.addTab(self.phones_tab, self.tr("P&hones"))

        self.misuse_banner = MisuseBanner(self.session, self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.misuse_banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.phones_tab.details_requested.connect(self.open_device)
        self.phones_tab.state_requested.connect(self.open_state)
        # the configuration links contain the public host and port
        self.settings_tab.settings_saved.connect(self.phones_model.on_settings_saved)
        self.settings_tab.settings_saved.connect(self._settings_saved)
        self._monitor_settings = self._monitor_values(ctx.settings)
        self.settings_tab.server_restart_needed.connect(self.restart_server)
        self.misuse_banner.access_log_requested.connect(self.open_refusals)
        self.misuse_banner.help_requested.connect(self.open_help)

        self._build_menus()
        self.setWindowTitle(self.tr("VoIP Device Console"))
        self.server_status = ServerStatusWidget(self.bridge, self)
        self.statusBar().addWidget(self.server_status)
        self.statusBar().addPermanentWidget(QLabel(self.tr("Logged in as %1 (%2)")
                                                   .replace("%1", actor.username)
                                                   .replace("%2", self.role_name(actor.role)), self))
        self.resize(1100, 700)
        self._restore_state()

    def role_name(self, role: str) -> str:
        return {"provider": self.tr("provider"), "pbx_admin": self.tr("vPBX administrator"),
                "user": self.tr("user")}.get(role, role)

    # --- menus ---------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.quit_action = QAction(self.tr("&Quit"), self)
        # spelled out: QKeySequence.StandardKey.Quit is empty on Windows
        self.quit_action.setShortcut(QKeySequence(self.tr("Ctrl+Q")))
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.tab_actions: list[QAction] = []
        for number in range(self.tabs.count()):
            action = QAction(self.tabs.tabText(number).replace("&", ""), self)
            action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            action.triggered.connect(lambda _checked=False, n=number: self.tabs.setCurrentIndex(n))
            view_menu.addAction(action)
            self.tab_actions.append(action)
        view_menu.addSeparator()
        self.access_log_action = QAction(self.tr("&Access log ..."), self)
        self.access_log_action.setShortcut(QKeySequence(self.tr("Ctrl+L")))
        self.access_log_action.setToolTip(self.tr("Every request to the provisioning server, with refusals "
                                                  "and their reasons."))
        self.access_log_action.triggered.connect(self.open_access_log)
        view_menu.addAction(self.access_log_action)
        self.restart_server_action = QAction(self.tr("&Restart provisioning server"), self)
        self.restart_server_action.triggered.connect(self.restart_server)
        self.restart_server_action.setEnabled(self.background is not None and self.actor.is_admin)
        view_menu.addAction(self.restart_server_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_action = QAction(self.tr("&Manual ..."), self)
        self.help_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.help_action.triggered.connect(lambda: self.open_help(help_topics()[0][0]))
        help_menu.addAction(self.help_action)
        procedures = help_menu.addMenu(self.tr("&Procedures"))
        for anchor, title in help_topics():
            action = QAction(title, self)
            action.triggered.connect(lambda _checked=False, a=anchor: self.open_help(a))
            procedures.addAction(action)
        help_menu.addSeparator()
        self.about_action = QAction(self.tr("&About"), self)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i).replace("&", "") for i in range(self.tabs.count())]

    def show_tab(self, widget: QWidget) -> None:
        self.tabs.setCurrentWidget(widget)

    # --- dialogs -------------------------------------------------------------------------------
    @Slot(int)
    def open_device(self, device_id: int) -> DeviceDialog:
        """[Details ...]: one dialog per device; asking again brings the open one to the front."""
        dialog = self.device_dialogs.get(device_id)
        if dialog is None:
            dialog = DeviceDialog(self.session, device_id, self)
            # closed is gone: a hidden dialog would go on reading its device on every change
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.device_dialogs[device_id] = dialog
            dialog.finished.connect(lambda _result, d=device_id: self.device_dialogs.pop(d, None))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    @Slot(int)
    def open_state(self, line_id: int) -> StateDialog:
        """[State ...] of a line: the registrations, read off the GUI thread."""
        dialog = self.state_dialogs.get(line_id)
        if dialog is None:
            dialog = StateDialog(self.session, line_id, None, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.state_dialogs[line_id] = dialog
            dialog.finished.connect(lambda _result, n=line_id: self.state_dialogs.pop(n, None))
        dialog.show()
        dialog.raise_()
        return dialog

    @Slot()
    def open_refusals(self) -> AccessLogDialog:
        """From the misuse banner: the access log with the refusals only."""
        dialog = self.open_access_log()
        dialog.refusals_only_box.setChecked(True)
        return dialog

    @Slot()
    def open_access_log(self) -> AccessLogDialog:
        if self.access_log_dialog is None:
            self.access_log_dialog = AccessLogDialog(self.session, self)
        self.access_log_dialog.show()
        self.access_log_dialog.raise_()
        return self.access_log_dialog

    @Slot(str)
    def open_help(self, anchor: str) -> HelpViewer:
        if self.help_viewer is None:
            self.help_viewer = HelpViewer(self)
        self.help_viewer.show_topic(anchor)
        return self.help_viewer

    @Slot()
    def show_about(self) -> QMessageBox:
        """Window-modal and non-blocking, so the GUI (and a test) keeps running while it is open."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About VoIP Device Console"), self.tr(
            "VoIP Device Console\n\nProvisions the VoIP phones, DECT systems and gateways of a virtual PBX "
            "and shows whether they loaded their configuration."), QMessageBox.StandardButton.Ok, self)
        box.open()
        return box

    # --- background services -------------------------------------------------------------------
    def start_background(self) -> None:
        """Start the provisioning server and the monitor; a failure shows in the status bar, the
        console keeps working (e.g. `serve` already runs on this port)."""
        if self.background is not None:
            self.background.start()

    @Slot()
    def restart_server(self) -> None:
        """After a new port, bind address or certificate. Runs in the pool: stopping waits for threads."""
        background = self.background
        if background is None:
            return
        self.session.run(lambda _task: background.restart_provisioning(), self.tr("Provisioning server"),
                         self.tr("Restarting the provisioning server ..."), self)

    @staticmethod
    def _monitor_values(settings: Settings) -> tuple[object, ...]:
        return settings.monitor_interval_s, settings.sip_bind_address

    @Slot(object)
    def _settings_saved(self, settings: Settings) -> None:
        """A new monitor interval or SIP address takes effect now: the monitor is restarted in the pool."""
        values = self._monitor_values(settings)
        background = self.background
        if values == self._monitor_settings or background is None:
            return
        self._monitor_settings = values
        self.session.run(lambda _task: background.restart_monitor(), self.tr("Registration monitor"),
                         self.tr("Restarting the registration monitor ..."), self, show_dialog=False)

    def shutdown(self) -> None:
        """Stop workers and the bridge; idempotent (called on close and by the launcher)."""
        if self._shut_down:
            return
        self._shut_down = True
        self.session.pool.stop()
        if self.background is not None:
            self.background.stop()
        self.session.pool.join(10)
        if self.background is not None:
            self.background.join(10)
        self.bridge.close()

    # --- window state ----------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self._ui_state.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        # by name: a user without the PBX tab has the tabs at other positions
        name = str(self._ui_state.value(CURRENT_TAB_KEY, ""))
        tab = self.tabs.findChild(QWidget, name) if name else None
        if tab is not None and self.tabs.indexOf(tab) >= 0:
            self.tabs.setCurrentWidget(tab)

    def closeEvent(self, event: QCloseEvent) -> None:
        for dialog in list(self.device_dialogs.values()):
            if not dialog.close():  # unsaved changes the user wants to keep
                event.ignore()
                return
        self._ui_state.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._ui_state.setValue(CURRENT_TAB_KEY, self.tabs.currentWidget().objectName())
        self._ui_state.sync()
        self.shutdown()
        super().closeEvent(event)
