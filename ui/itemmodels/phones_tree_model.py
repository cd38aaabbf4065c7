"""The Phones tree: every telephone line the actor may see, with its devices as children.

The model holds plain service results (LineInfo, DeviceInfo) only; it never opens a session. Row
identity: a line row has internal id 0, a device row has internal id `line row + 1`, so `parent()`
needs no Python object behind the index (PySide6 does not keep internal pointers alive).
"""
from __future__ import annotations

from datetime import UTC, datetime
from enum import IntEnum

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QColor

from app.context import AppContext
from app.events import Event
from app.services.dto import Actor, DeviceInfo, LineInfo

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invalid index: the parent of top-level rows


class Column(IntEnum):
    NUMBER_OR_DEVICE = 0
    NAME = 1
    MAC = 2
    SYNC = 3
    LAST_ACCESS = 4
    URL = 5


class SyncState(IntEnum):
    NOT_LOADED = 0  # the device never fetched this access key's configuration
    NEEDS_SYNC = 1  # it fetched an older revision than the current one
    SYNCHRONIZED = 2


ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the line id or device id
ITEM_KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # "line" or "device"
SYNC_STATE_ROLE = Qt.ItemDataRole.UserRole + 3  # SyncState of a device row

_NEEDS_SYNC_COLOUR = QColor(176, 96, 0)


def sync_state(device: DeviceInfo) -> SyncState:
    if device.served_revision is None:
        return SyncState.NOT_LOADED
    return SyncState.SYNCHRONIZED if device.synchronized else SyncState.NEEDS_SYNC


def local_time_text(at: datetime) -> str:
    # the database hands back naive datetimes that are UTC (the services' clock is UTC)
    aware = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return aware.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class PhonesTreeModel(QAbstractItemModel):
    """Lines as top-level rows, devices as their children; `reload()` re-reads the services."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self._lines: list[LineInfo] = []
        self._devices: list[list[DeviceInfo]] = []
        # many DataChanged events arrive in a burst (e.g. demo data): one reload serves them all
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)
        self.reload()

    # --- filling -----------------------------------------------------------------------------
    @Slot()
    def reload(self) -> None:
        lines = self._ctx.lines.list(self._actor)
        devices = self._ctx.devices.list(self._actor)
        self.set_phones(lines, devices)

    @Slot(object)
    def on_data_changed(self, _event: Event) -> None:
        self._reload_timer.start()

    def set_phones(self, lines: list[LineInfo], devices: list[DeviceInfo]) -> None:
        by_line: dict[int, list[DeviceInfo]] = {line.id: [] for line in lines}
        for device in devices:
            if device.line_id in by_line:
                by_line[device.line_id].append(device)
        self.beginResetModel()
        self._lines = list(lines)
        self._devices = [by_line[line.id] for line in lines]
        self.endResetModel()

    # --- lookups for views and tests ------------------------------------------------------------
    def line_index(self, line_id: int) -> QModelIndex:
        for row, line in enumerate(self._lines):
            if line.id == line_id:
                return self.index(row, 0)
        return QModelIndex()

    def device_index(self, device_id: int) -> QModelIndex:
        for line_row, devices in enumerate(self._devices):
            for row, device in enumerate(devices):
                if device.id == device_id:
                    return self.index(row, 0, self.index(line_row, 0))
        return QModelIndex()

    def line_ids(self) -> list[int]:
        return [line.id for line in self._lines]

    def device_ids(self) -> list[int]:
        return [device.id for devices in self._devices for device in devices]

    # --- QAbstractItemModel ----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        if parent.internalId() == 0:
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, child: AnyIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        if not parent.isValid():
            return len(self._lines)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._devices[parent.row()])
        return 0

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return len(Column)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            Column.NUMBER_OR_DEVICE: self.tr("Number / Device"),
            Column.NAME: self.tr("Display name / User"),
            Column.MAC: self.tr("MAC"),
            Column.SYNC: self.tr("Sync state"),
            Column.LAST_ACCESS: self.tr("Last access"),
            Column.URL: self.tr("Configuration URL"),
        }
        return titles.get(Column(section)) if 0 <= section < len(Column) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._line_data(self._lines[index.row()], index.column(), role)
        device = self._devices[index.internalId() - 1][index.row()]
        return self._device_data(device, index.column(), role)

    def _line_data(self, line: LineInfo, column: int, role: int) -> object:
        if role == ITEM_ID_ROLE:
            return line.id
        if role == ITEM_KIND_ROLE:
            return "line"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == Column.NUMBER_OR_DEVICE:
            return line.number
        if column == Column.NAME:
            return line.display_name
        if column == Column.SYNC:
            return self._device_count_text(line.device_count)
        return None

    def _device_count_text(self, count: int) -> str:
        # spelled out: "%n device(s)" needs a translation file even for English plurals
        if count == 0:
            return self.tr("no devices")
        if count == 1:
            return self.tr("1 device")
        return self.tr("%1 devices").replace("%1", str(count))

    def _device_data(self, device: DeviceInfo, column: int, role: int) -> object:
        if role == ITEM_ID_ROLE:
            return device.id
        if role == ITEM_KIND_ROLE:
            return "device"
        if role == SYNC_STATE_ROLE:
            return int(sync_state(device))
        if role == Qt.ItemDataRole.DisplayRole:
            return self._device_text(device, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._device_tooltip(device, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.SYNC \
                and sync_state(device) == SyncState.NEEDS_SYNC:
            return _NEEDS_SYNC_COLOUR
        return None

    def _device_text(self, device: DeviceInfo, column: int) -> str | None:
        if column == Column.NUMBER_OR_DEVICE:
            return device.type_label
        if column == Column.NAME:
            return device.user_name
        if column == Column.MAC:
            return _mac_text(device.mac) if device.mac else ""
        if column == Column.SYNC:
            return {
                SyncState.NOT_LOADED: self.tr("not loaded yet"),
                SyncState.NEEDS_SYNC: self.tr("needs sync"),
                SyncState.SYNCHRONIZED: self.tr("synchronized"),
            }[sync_state(device)]
        if column == Column.LAST_ACCESS:
            if device.last_access_at is None:
                return self.tr("never")
            when = local_time_text(device.last_access_at)
            return f"{when}, {device.last_access_ip}" if device.last_access_ip else when
        if column == Column.URL:
            return device.url
        return None

    def _device_tooltip(self, device: DeviceInfo, column: int) -> str | None:
        if column == Column.SYNC:
            return {
                SyncState.NOT_LOADED: self.tr("The device has not loaded its configuration from this link yet."),
                SyncState.NEEDS_SYNC: self.tr("The configuration changed since the device loaded it: "
                                              "synchronize the device."),
                SyncState.SYNCHRONIZED: self.tr("The device has loaded the current configuration."),
            }[sync_state(device)]
        if column == Column.LAST_ACCESS and device.last_access_user_agent:
            return self.tr("User agent: %1").replace("%1", device.last_access_user_agent)
        if column == Column.URL:
            return self.tr("The device loads its configuration from this link (it contains the access key).")
        return None


def _mac_text(mac: str) -> str:
    return ":".join(mac[i:i + 2] for i in range(0, len(mac), 2)).upper()
