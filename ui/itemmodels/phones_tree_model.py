"""The Phones tree: every telephone line the actor may see, with its devices and an empty "Telephone" slot.

The model holds plain service results (LineInfo, DeviceInfo) only; it never opens a database session itself.
Row identity: a line row has internal id 0; the children of a line (its devices, then the empty slot) have
internal id `line row + 1`, so `parent()` needs no Python object behind the index (PySide6 does not keep
internal pointers alive).

Speed (10,000 lines): the whole tree is read with two service calls (`lines.list`, `devices.list`); with a
console session, reloads run in its task pool, so the GUI never waits for the database. A reload that finds
the same rows swaps the data in place (no reset: selection, expansion and scrolling stay). Filtering works on
search texts prepared once and resets the model once. Changes of single devices (DataChanged "device",
"keys", "access" with a few ids) are patched with row signals; anything else reloads. Painting goes through
`cell_look()` (ui/phones/fast_delegate.py): one call into Python per painted cell instead of seven.
"""
from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from datetime import UTC, datetime
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPalette

from app.context import AppContext
from app.events import DataChanged, Event
from app.monitoring import device_of_target
from app.services.base import NotFound
from app.services.dto import Actor, DeviceInfo, LineInfo
from app.sip.monitor import EndpointStateChanged
from ui.phones.status_look import StatusLook, status_look

if TYPE_CHECKING:
    from ui.session import ConsoleSession

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invalid index: the parent of top-level rows
# DataChanged kinds that only touch the devices named in `ids` (patched in place when few)
_DEVICE_EVENTS = frozenset({"device", "keys", "access"})
# DataChanged kinds the Phones tree does not show
_IGNORED_EVENTS = frozenset({"phonebook", "user"})
_MAX_PATCHED_IDS = 50  # more changed devices than this: one reload is cheaper than single reads
_MAX_ROW_SIGNALS = 500  # more changed rows than this: one dataChanged for everything


class Column(IntEnum):
    NUMBER_OR_DEVICE = 0
    NAME = 1
    MAC = 2
    SYNC = 3
    LAST_ACCESS = 4
    REACHABLE = 5
    URL = 6


_COLUMN_COUNT = len(Column)
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class SyncState(IntEnum):
    NOT_LOADED = 0  # the device never fetched this access key's configuration
    NEEDS_SYNC = 1  # it fetched an older revision than the current one
    SYNCHRONIZED = 2


class RowKind:
    LINE = "line"
    DEVICE = "device"
    SLOT = "slot"  # the empty "Telephone" of a line, where a new device is chosen


ITEM_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the line id or device id (slot rows: the line id)
ITEM_KIND_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # RowKind
SYNC_STATE_ROLE = int(Qt.ItemDataRole.UserRole) + 3  # SyncState of a device row
REACHABLE_ROLE = int(Qt.ItemDataRole.UserRole) + 4  # True / False / None (not probed) of a device row
LINE_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 5  # the line of any row
# plain ints: compared for every painted cell, and enum attribute lookups are slow in Python
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_NUMBER, _NAME, _MAC, _SYNC, _LAST_ACCESS, _REACHABLE, _URL = (int(c) for c in Column)


def sync_state(device: DeviceInfo) -> SyncState:
    if device.served_revision is None:
        return SyncState.NOT_LOADED
    return SyncState.SYNCHRONIZED if device.synchronized else SyncState.NEEDS_SYNC


def local_time_text(at: datetime) -> str:
    # the database hands back naive datetimes that are UTC (the services' clock is UTC)
    aware = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return aware.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def mac_text(mac: str) -> str:
    return ":".join(mac[i:i + 2] for i in range(0, len(mac), 2)).upper()


def _search_key(text: str) -> str:
    """Lower case without MAC separators, so "00:04:13" finds "000413..." and the other way round."""
    return text.lower().replace(":", "").replace("-", "").replace(".", "")


class _CellTexts:
    """The translated texts of the cells, looked up once instead of per painted cell."""

    def __init__(self) -> None:
        # QCoreApplication.translate spelled out in full: lupdate files the texts under the model's context
        self.slot = QCoreApplication.translate("PhonesTreeModel", "Telephone: (empty — choose a type)")
        # spelled out: "%n device(s)" needs a translation file even for English plurals
        self.device_counts = (QCoreApplication.translate("PhonesTreeModel", "no devices"),
                              QCoreApplication.translate("PhonesTreeModel", "1 device"))
        self.many_devices = QCoreApplication.translate("PhonesTreeModel", "%1 devices")
        self.sync_states = {
            SyncState.NOT_LOADED: QCoreApplication.translate("PhonesTreeModel", "not loaded yet"),
            SyncState.NEEDS_SYNC: QCoreApplication.translate("PhonesTreeModel", "needs sync"),
            SyncState.SYNCHRONIZED: QCoreApplication.translate("PhonesTreeModel", "synchronized"),
        }
        self.synchronized_at = QCoreApplication.translate("PhonesTreeModel", "synchronized %1")
        self.never = QCoreApplication.translate("PhonesTreeModel", "never")
        self.reachable = {
            None: QCoreApplication.translate("PhonesTreeModel", "not probed"),
            True: QCoreApplication.translate("PhonesTreeModel", "reachable"),
            False: QCoreApplication.translate("PhonesTreeModel", "unreachable"),
        }


class PhonesTreeModel(QAbstractItemModel):
    """Lines as top-level rows; under each its devices, then the empty "Telephone" slot.

    `PhonesTreeModel(session, parent)` is the console's form: later reloads run in the session's task pool
    (`loading` is True meanwhile, `loaded` follows), and the model follows the session's bridge itself
    (DataChanged, and EndpointStateChanged for the reachable column). The first read is synchronous unless
    `load_in_background`, so a window shows its lines at once. `PhonesTreeModel(ctx, actor)` reads
    synchronously and follows nothing (tests, tools; connect `on_data_changed` yourself).
    """

    loaded = Signal()
    load_failed = Signal(str)

    def __init__(self, source: ConsoleSession | AppContext, actor_or_parent: Actor | QObject | None = None,
                 parent: QObject | None = None, *, load_in_background: bool = False) -> None:
        session: ConsoleSession | None
        if isinstance(source, AppContext):
            assert isinstance(actor_or_parent, Actor), "PhonesTreeModel(ctx, actor, parent)"
            session, ctx, actor = None, source, actor_or_parent
        else:
            assert actor_or_parent is None or isinstance(actor_or_parent, QObject), "PhonesTreeModel(session, parent)"
            session, ctx, actor, parent = source, source.ctx, source.actor, actor_or_parent
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self._session = session
        self._reachable: MutableMapping[int, bool] = session.reachable if session is not None else {}
        self._all_lines: list[LineInfo] = []
        self._devices_of: dict[int, list[DeviceInfo]] = {}  # line id -> its devices (shared with _devices)
        self._line_of_device: dict[int, int] = {}
        self._search_texts: dict[int, str] = {}  # line id -> search text; filled when a filter needs it
        self._filter = ""
        # the visible (filtered) lines and, per visible row, the very list object of `_devices_of`
        self._lines: list[LineInfo] = []
        self._devices: list[list[DeviceInfo]] = []
        self._row_of_line: dict[int, int] = {}
        self.loading = False
        self._reload_again = False  # data changed while a background read was running
        self._look_cache: StatusLook | None = None  # made when first painted: icons need a QGuiApplication
        self._texts = _CellTexts()  # translated once: painted for every visible row
        self._slot_text = self._texts.slot
        self._slot_font_cache: QFont | None = None
        # many DataChanged events arrive in a burst (e.g. demo data): one reload serves them all
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.request_reload)
        if session is not None:
            session.bridge.data_changed.connect(self.on_data_changed)
            session.bridge.event_received.connect(self.on_event)
        if load_in_background:
            self.request_reload()
        else:
            self.reload()

    # --- filling -----------------------------------------------------------------------------
    @Slot()
    def reload(self) -> None:
        """Read lines and devices now, on this thread."""
        self.set_phones(*self._read(self._ctx, self._actor))

    @staticmethod
    def _read(ctx: AppContext, actor: Actor) -> tuple[list[LineInfo], list[DeviceInfo]]:
        # two queries for the whole tree, never one per line
        return ctx.lines.list(actor), ctx.devices.list(actor)

    @Slot()
    def request_reload(self) -> None:
        """Reload in the session's task pool (synchronously without a session); never two reads at once."""
        if self._session is None:
            self.reload()
            return
        if self.loading:
            self._reload_again = True
            return
        self.loading = True
        self._reload_again = False
        # the job touches no Qt object: only the context, the actor and a static function
        ctx, actor, read = self._ctx, self._actor, PhonesTreeModel._read
        run = self._session.run(lambda _task: read(ctx, actor), self.tr("Phones"),
                                self.tr("Reading lines and devices ..."), show_dialog=False)
        run.finished.connect(self._on_read_finished)

    @Slot(object)
    def _on_read_finished(self, event: Any) -> None:
        self.loading = False
        if event.error:
            self.load_failed.emit(event.error)
        elif event.result is not None:
            lines, devices = event.result
            self.set_phones(lines, devices)
        if self._reload_again:
            self.request_reload()  # what was read may predate the last change

    def set_phones(self, lines: list[LineInfo], devices: list[DeviceInfo]) -> None:
        devices_of: dict[int, list[DeviceInfo]] = {line.id: [] for line in lines}
        line_of_device: dict[int, int] = {}
        for device in devices:
            bucket = devices_of.get(device.line_id)
            if bucket is not None:
                bucket.append(device)
                line_of_device[device.id] = device.line_id
        if self._same_rows(lines, devices_of):
            self._update_in_place(lines, devices_of)
            self.loaded.emit()
            return
        self.beginResetModel()
        self._all_lines = list(lines)
        self._devices_of = devices_of
        self._line_of_device = line_of_device
        self._search_texts = {}
        self._apply_filter()
        self.endResetModel()
        self.loaded.emit()

    def _same_rows(self, lines: list[LineInfo], devices_of: dict[int, list[DeviceInfo]]) -> bool:
        """The same lines with the same devices in the same order (the common reload: only texts changed)."""
        if len(lines) != len(self._all_lines) or any(a.id != b.id for a, b in zip(lines, self._all_lines)):
            return False
        for line_id, devices in devices_of.items():
            old = self._devices_of[line_id]
            if len(old) != len(devices) or any(a.id != b.id for a, b in zip(old, devices)):
                return False
        if not self._filter:
            return True
        # a changed name or MAC may move a line into or out of the filtered list
        return all((self._filter in _search_key(self._text_parts(line, devices_of[line.id])))
                   == (line.id in self._row_of_line) for line in lines)

    def _update_in_place(self, lines: list[LineInfo], devices_of: dict[int, list[DeviceInfo]]) -> None:
        """Swap the data under unchanged rows: no reset, so the view keeps selection, expansion and scrolling.
        Only rows whose data differ are announced (a whole-range dataChanged costs a view ~0.2 s at 10,000)."""
        changed: list[tuple[int, int]] = []  # (line row, device position or -1 for the line row itself)
        for old, new in zip(self._all_lines, lines):
            if old != new and new.id in self._row_of_line:
                changed.append((self._row_of_line[new.id], -1))
        for line_id, devices in devices_of.items():
            old_devices = self._devices_of[line_id]
            line_row = self._row_of_line.get(line_id)
            if line_row is not None and old_devices != devices:
                changed += [(line_row, i) for i, (a, b) in enumerate(zip(old_devices, devices)) if a != b]
            old_devices[:] = devices  # the same list objects stay in `_devices`
        self._all_lines = list(lines)
        self._search_texts = {}
        by_id = {line.id: line for line in lines}
        self._lines = [by_id[line.id] for line in self._lines]
        if len(changed) > _MAX_ROW_SIGNALS:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, _COLUMN_COUNT - 1))
            return
        for line_row, position in changed:
            parent = QModelIndex() if position < 0 else self.index(line_row, 0)
            row = line_row if position < 0 else position
            self.dataChanged.emit(self.index(row, 0, parent), self.index(row, _COLUMN_COUNT - 1, parent))

    def _search_text(self, line: LineInfo) -> str:
        return _search_key(self._text_parts(line, self._devices_of[line.id]))

    @staticmethod
    def _text_parts(line: LineInfo, devices: list[DeviceInfo]) -> str:
        parts = [line.number, line.display_name]
        for device in devices:
            parts += [device.mac or "", device.user_name, device.type_label]
        return "\n".join(parts)

    # --- filter ------------------------------------------------------------------------------
    def set_filter(self, text: str) -> None:
        """Show only lines whose number, name, or a device's MAC, user or type contains `text`."""
        wanted = _search_key(text.strip())
        if wanted == self._filter:
            return
        self.beginResetModel()
        self._filter = wanted
        self._apply_filter()
        self.endResetModel()

    def _apply_filter(self) -> None:
        if self._filter:
            texts, wanted = self._search_texts, self._filter
            for line in self._all_lines:
                if line.id not in texts:
                    texts[line.id] = self._search_text(line)
            self._lines = [line for line in self._all_lines if wanted in texts[line.id]]
        else:
            self._lines = list(self._all_lines)
        self._devices = [self._devices_of[line.id] for line in self._lines]
        self._row_of_line = {line.id: row for row, line in enumerate(self._lines)}

    # --- following changes -------------------------------------------------------------------------
    @Slot(object)
    def on_data_changed(self, event: Event) -> None:
        if not isinstance(event, DataChanged):
            self._reload_timer.start()
            return
        if event.what in _IGNORED_EVENTS:
            return
        if self.loading:
            self._reload_again = True
            return
        if event.what in _DEVICE_EVENTS and 0 < len(event.ids) <= _MAX_PATCHED_IDS \
                and not self._reload_timer.isActive():
            self.refresh_devices(event.ids)
            return
        self._reload_timer.start()

    @Slot()
    @Slot(object)
    def on_settings_saved(self, _settings: object = None) -> None:
        """The configuration links contain the public host and port: read them again."""
        self._reload_timer.start()

    @Slot(object)
    def on_event(self, event: object) -> None:
        """EndpointStateChanged from the SIP monitor: repaint the device's reachable cell."""
        device_id = device_of_target(event.target_id) if isinstance(event, EndpointStateChanged) else None
        if device_id is None:
            return
        index = self.device_index(device_id, Column.REACHABLE)
        if index.isValid():
            self.dataChanged.emit(index, index)

    def refresh_devices(self, device_ids: Iterable[int]) -> None:
        """Read these devices again and patch their rows: new ones are inserted, deleted ones removed.
        DECT bases of a changed handset are read too (their configuration lists the handsets)."""
        pending = list(dict.fromkeys(device_ids))
        done: set[int] = set()
        while pending:
            device_id = pending.pop(0)
            if device_id in done:
                continue
            done.add(device_id)
            old = self.device_info(device_id)
            try:
                new: DeviceInfo | None = self._ctx.devices.get(self._actor, device_id)
            except NotFound:
                new = None
            if new is not None and new.line_id not in self._devices_of:
                self._reload_timer.start()  # a line this model does not know yet
                return
            self._patch_device(device_id, old, new)
            pending += [d.base_unit_id for d in (old, new) if d is not None and d.base_unit_id is not None]

    def _patch_device(self, device_id: int, old: DeviceInfo | None, new: DeviceInfo | None) -> None:
        if old is not None and (new is None or new.line_id != old.line_id):
            self._remove_device(old)
            old = None
        if new is None:
            return
        if old is None:
            self._insert_device(new)
            return
        devices = self._devices_of[new.line_id]
        position = next(i for i, d in enumerate(devices) if d.id == device_id)
        devices[position] = new
        self._search_texts.pop(new.line_id, None)
        line_row = self._row_of_line.get(new.line_id)
        if line_row is not None:
            parent = self.index(line_row, 0)
            self.dataChanged.emit(self.index(position, 0, parent), self.index(position, len(Column) - 1, parent))

    def _insert_device(self, device: DeviceInfo) -> None:
        devices = self._devices_of[device.line_id]
        position = len(devices)  # ids grow: a new device is the last one, before the slot row
        line_row = self._row_of_line.get(device.line_id)
        if line_row is not None:
            self.beginInsertRows(self.index(line_row, 0), position, position)
        devices.append(device)
        self._line_of_device[device.id] = device.line_id
        self._search_texts.pop(device.line_id, None)
        if line_row is not None:
            self.endInsertRows()
            self._line_changed(line_row)

    def _remove_device(self, device: DeviceInfo) -> None:
        devices = self._devices_of[device.line_id]
        position = next(i for i, d in enumerate(devices) if d.id == device.id)
        line_row = self._row_of_line.get(device.line_id)
        if line_row is not None:
            self.beginRemoveRows(self.index(line_row, 0), position, position)
        del devices[position]
        del self._line_of_device[device.id]
        self._search_texts.pop(device.line_id, None)
        if line_row is not None:
            self.endRemoveRows()
            self._line_changed(line_row)

    def _line_changed(self, line_row: int) -> None:
        self.dataChanged.emit(self.index(line_row, 0), self.index(line_row, len(Column) - 1))

    def refresh_palette(self, palette: QPalette | None = None) -> None:
        """Recolour after a theme change (the tab calls this on QEvent.PaletteChange)."""
        self._look_cache = status_look(palette)
        if self._lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, len(Column) - 1))

    @property
    def _look(self) -> StatusLook:
        if self._look_cache is None:
            self._look_cache = status_look()
        return self._look_cache

    @property
    def _slot_font(self) -> QFont:
        if self._slot_font_cache is None:
            self._slot_font_cache = QFont()
            self._slot_font_cache.setItalic(True)
        return self._slot_font_cache

    # --- lookups for views and tests ------------------------------------------------------------
    def slot_text(self) -> str:
        return self._slot_text

    def _line(self, line_id: int) -> LineInfo:
        row = self._row_of_line.get(line_id)
        if row is not None:
            return self._lines[row]
        return next(line for line in self._all_lines if line.id == line_id)

    def line_info(self, line_id: int) -> LineInfo | None:
        if line_id not in self._devices_of:
            return None
        return self._line(line_id)

    def device_info(self, device_id: int) -> DeviceInfo | None:
        line_id = self._line_of_device.get(device_id)
        if line_id is None:
            return None
        return next((d for d in self._devices_of[line_id] if d.id == device_id), None)

    def devices_of_line(self, line_id: int) -> list[DeviceInfo]:
        return list(self._devices_of.get(line_id, ()))

    def all_devices(self) -> list[DeviceInfo]:
        """Every device of every line (the filter does not apply)."""
        return [d for line in self._all_lines for d in self._devices_of[line.id]]

    def visible_devices(self) -> list[DeviceInfo]:
        return [d for devices in self._devices for d in devices]

    def is_reachable(self, device_id: int) -> bool | None:
        return self._reachable.get(device_id)

    def line_index(self, line_id: int, column: int = 0) -> QModelIndex:
        row = self._row_of_line.get(line_id)
        return QModelIndex() if row is None else self.index(row, column)

    def device_index(self, device_id: int, column: int = 0) -> QModelIndex:
        line_id = self._line_of_device.get(device_id)
        row = self._row_of_line.get(line_id) if line_id is not None else None
        if row is None:
            return QModelIndex()
        for position, device in enumerate(self._devices[row]):
            if device.id == device_id:
                return self.index(position, column, self.index(row, 0))
        return QModelIndex()

    def slot_index(self, line_id: int) -> QModelIndex:
        row = self._row_of_line.get(line_id)
        if row is None:
            return QModelIndex()
        return self.index(len(self._devices[row]), 0, self.index(row, 0))

    def line_ids(self) -> list[int]:
        return [line.id for line in self._lines]

    def device_ids(self) -> list[int]:
        return [device.id for devices in self._devices for device in devices]

    def total_line_count(self) -> int:
        return len(self._all_lines)

    # --- QAbstractItemModel ----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        # bounds checked here rather than with hasIndex(): the view calls this for every laid-out row
        if not 0 <= column < _COLUMN_COUNT or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._lines) else QModelIndex()
        if parent.internalId() == 0 and parent.column() == 0:
            line_row = parent.row()
            if row <= len(self._devices[line_row]):  # devices, then the slot
                return self.createIndex(row, column, line_row + 1)
        return QModelIndex()

    def parent(self, child: AnyIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        if not parent.isValid():
            return len(self._lines)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._devices[parent.row()]) + 1  # + the empty "Telephone" slot
        return 0

    def hasChildren(self, parent: AnyIndex = _ROOT) -> bool:
        # every line has at least its slot row; answered without building indexes (called per painted row)
        if not parent.isValid():
            return bool(self._lines)
        return parent.internalId() == 0 and parent.column() == 0

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return _COLUMN_COUNT

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

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
            Column.REACHABLE: self.tr("Reachable"),
            Column.URL: self.tr("Configuration URL"),
        }
        return titles.get(Column(section)) if 0 <= section < len(Column) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        internal = index.internalId()
        if internal == 0:
            return self._line_data(self._lines[index.row()], index.column(), role)
        devices = self._devices[internal - 1]
        row = index.row()
        if row == len(devices):
            return self._slot_data(self._lines[internal - 1], index.column(), role)
        return self._device_data(devices[row], index.column(), role)

    def cell_look(self, index: AnyIndex) -> tuple[str | None, QIcon | None, QColor | None, QFont | None]:
        """Text, icon, text colour and font of a cell in one call (for ui.phones.fast_delegate); the same
        answers as `data()` gives for DisplayRole, DecorationRole, ForegroundRole and FontRole."""
        internal, row, column = index.internalId(), index.row(), index.column()
        if internal == 0:
            text = self._line_data(self._lines[row], column, _DISPLAY)
            return text if isinstance(text, str) else None, None, None, None
        devices = self._devices[internal - 1]
        if row == len(devices):
            return (self._slot_text if column == 0 else None), None, self._look.placeholder, \
                (self._slot_font if column == 0 else None)
        device = devices[row]
        return (self._device_text(device, column), self._device_data(device, column, _DECORATION),  # type: ignore[return-value]
                self._device_data(device, column, _FOREGROUND), None)

    def _line_data(self, line: LineInfo, column: int, role: int) -> object:
        if role == _DISPLAY:
            if column == _NUMBER:
                return line.number
            if column == _NAME:
                return line.display_name
            if column == _SYNC:
                return self._device_count_text(len(self._devices_of[line.id]))
            return None
        if role == ITEM_ID_ROLE or role == LINE_ID_ROLE:
            return line.id
        if role == ITEM_KIND_ROLE:
            return RowKind.LINE
        return None

    def _slot_data(self, line: LineInfo, column: int, role: int) -> object:
        if role == _DISPLAY:
            return self._slot_text if column == 0 else None
        if role == ITEM_ID_ROLE or role == LINE_ID_ROLE:
            return line.id
        if role == ITEM_KIND_ROLE:
            return RowKind.SLOT
        if role == _FONT and column == 0:
            return self._slot_font
        if role == _FOREGROUND:
            return self._look.placeholder
        if role == _TOOLTIP and column == 0:
            return self.tr("An empty telephone of line %1: choose the device type beside the list and "
                           "click [+ Save].").replace("%1", line.number)
        return None

    def _device_count_text(self, count: int) -> str:
        if count < len(self._texts.device_counts):
            return self._texts.device_counts[count]
        return self._texts.many_devices.replace("%1", str(count))

    def _device_data(self, device: DeviceInfo, column: int, role: int) -> object:
        if role == _DISPLAY:
            return self._device_text(device, column)
        if role == _DECORATION:
            if column == _REACHABLE:
                reachable = self._reachable.get(device.id)
                if reachable is None:
                    return self._look.unknown_icon
                return self._look.reachable_icon if reachable else self._look.unreachable_icon
            return None
        if role == _FOREGROUND:
            if column == _SYNC and sync_state(device) == SyncState.NEEDS_SYNC:
                return self._look.needs_sync
            if column == _REACHABLE and self._reachable.get(device.id) is False:
                return self._look.unreachable
            return None
        if role == ITEM_ID_ROLE:
            return device.id
        if role == LINE_ID_ROLE:
            return device.line_id
        if role == ITEM_KIND_ROLE:
            return RowKind.DEVICE
        if role == SYNC_STATE_ROLE:
            return int(sync_state(device))
        if role == REACHABLE_ROLE:
            return self._reachable.get(device.id)
        if role == _TOOLTIP:
            return self._device_tooltip(device, column)
        return None

    def _device_text(self, device: DeviceInfo, column: int) -> str | None:
        if column == _NUMBER:
            return device.type_label
        if column == _NAME:
            return device.user_name
        if column == _MAC:
            return mac_text(device.mac) if device.mac else ""
        if column == _SYNC:
            state = sync_state(device)
            if state == SyncState.SYNCHRONIZED and device.synchronized_at is not None:
                return self._texts.synchronized_at.replace("%1", local_time_text(device.synchronized_at))
            return self._texts.sync_states[state]
        if column == _LAST_ACCESS:
            if device.last_access_at is None:
                return self._texts.never
            when = local_time_text(device.last_access_at)
            return f"{when}, {device.last_access_ip}" if device.last_access_ip else when
        if column == _REACHABLE:
            return self._texts.reachable[self._reachable.get(device.id)]
        if column == _URL:
            return device.url
        return None

    def _device_tooltip(self, device: DeviceInfo, column: int) -> str | None:
        if column == _SYNC:
            return {
                SyncState.NOT_LOADED: self.tr("The device has not loaded its configuration from this link yet."),
                SyncState.NEEDS_SYNC: self.tr("The configuration changed since the device loaded it: "
                                              "synchronize the device."),
                SyncState.SYNCHRONIZED: self.tr("The device has loaded the current configuration."),
            }[sync_state(device)]
        if column == _LAST_ACCESS and device.last_access_user_agent:
            return self.tr("User agent: %1").replace("%1", device.last_access_user_agent)
        if column == _REACHABLE:
            reachable = self._reachable.get(device.id)
            if reachable is None:
                return self.tr("The SIP monitor has not probed this device yet (it probes registered devices).")
            if reachable:
                return self.tr("The device answered the SIP monitor's last probe.")
            return self.tr("The device did not answer the SIP monitor's last probes: check that it is "
                           "powered and connected, then [State ...].")
        if column == _URL:
            return self.tr("The device loads its configuration from this link (it contains the access key).")
        return None
