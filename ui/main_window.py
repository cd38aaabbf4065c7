"""The main window: the manual's tabs PBX (administrators), Settings and Phones."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from app.context import AppContext
from app.services.dto import Actor
from ui.bridge import EventBridge
from ui.itemmodels.phones_tree_model import PhonesTreeModel
from ui.tabs.pbx_tab import PbxTab
from ui.tabs.phones_tab import PhonesTab
from ui.tabs.settings_tab import SettingsTab

GEOMETRY_KEY = "main_window/geometry"
CURRENT_TAB_KEY = "main_window/current_tab"


class MainWindow(QMainWindow):
    """`ui_state` keeps the window geometry; the launcher passes a QSettings file in the data directory."""

    def __init__(self, ctx: AppContext, actor: Actor, ui_state: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.actor = actor
        self._ui_state = ui_state
        self.bridge = EventBridge(ctx.bus, self)

        self.tabs = QTabWidget(self)
        self.pbx_tab: PbxTab | None = None
        if actor.is_admin:
            self.pbx_tab = PbxTab(ctx, actor, self.tabs)
            self.pbx_tab.setObjectName("pbx")
            self.tabs.addTab(self.pbx_tab, self.tr("PBX"))
            self.bridge.data_changed.connect(self.pbx_tab.on_data_changed)
        self.settings_tab = SettingsTab(ctx, actor, self.tabs)
        self.settings_tab.setObjectName("settings")
        self.tabs.addTab(self.settings_tab, self.tr("Settings"))
        self.phones_model = PhonesTreeModel(ctx, actor, self)
        self.phones_tab = PhonesTab(self.phones_model, self.tabs)
        self.phones_tab.setObjectName("phones")
        self.tabs.addTab(self.phones_tab, self.tr("Phones"))
        self.setCentralWidget(self.tabs)

        self.bridge.data_changed.connect(self.phones_model.on_data_changed)
        # the configuration links contain the public host and port
        self.settings_tab.settings_saved.connect(self.phones_model.on_data_changed)

        self._build_menus()
        self.setWindowTitle(self.tr("VoIP Device Console"))
        self.statusBar().addPermanentWidget(QLabel(self.tr("Logged in as %1 (%2)")
                                                   .replace("%1", actor.username)
                                                   .replace("%2", self.role_name(actor.role)), self))
        self.resize(1000, 640)
        self._restore_state()

    def role_name(self, role: str) -> str:
        return {"provider": self.tr("provider"), "pbx_admin": self.tr("vPBX administrator"),
                "user": self.tr("user")}.get(role, role)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.quit_action = QAction(self.tr("&Quit"), self)
        # spelled out: QKeySequence.StandardKey.Quit is empty on Windows
        self.quit_action.setShortcut(QKeySequence(self.tr("Ctrl+Q")))
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About"), self)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    def show_tab(self, widget: QWidget) -> None:
        self.tabs.setCurrentWidget(widget)

    @Slot()
    def show_about(self) -> QMessageBox:
        """Window-modal and non-blocking, so the GUI (and a test) keeps running while it is open."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About VoIP Device Console"), self.tr(
            "VoIP Device Console\n\nProvisions the VoIP phones, DECT systems and gateways of a virtual PBX "
            "and shows whether they loaded their configuration."), QMessageBox.StandardButton.Ok, self)
        box.open()
        return box

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
        self._ui_state.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._ui_state.setValue(CURRENT_TAB_KEY, self.tabs.currentWidget().objectName())
        self._ui_state.sync()
        self.bridge.close()
        super().closeEvent(event)
