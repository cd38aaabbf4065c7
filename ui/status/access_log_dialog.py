"""The provisioning server's access log: who fetched which configuration, and which requests were refused."""
from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.events import DataChanged
from app.provisioning.events import ConfigServed, RequestRefused, RetiredKeyUsed
from app.services.dto import AccessLogInfo
from ui.messages import SERVICE_ERRORS, inline_error_label, sentence, show_inline
from ui.session import ConsoleSession

LIMIT = 500
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# the access recorder persists events on its own thread shortly after they happen: re-read until it has
REFRESH_DELAY_MS = 300
MAX_RETRIES = 10


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class AccessLogDialog(QDialog):
    COLUMNS = ("time", "client_ip", "device", "status", "reason", "user_agent")

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accessLogDialog")
        self.setWindowTitle(self.tr("Provisioning access log"))
        self.resize(980, 520)
        self._session = session
        self.entries: list[AccessLogInfo] = []
        self._awaited: datetime | None = None  # the newest event not yet seen in the log
        self._retries = 0
        self._first_load = True

        self.model = QStandardItemModel(0, len(self.COLUMNS), self)
        self.model.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Client IP"), self.tr("Device"), self.tr("Status"), self.tr("Reason"),
            self.tr("User agent")])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("accessLogFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter (IP, device, reason, user agent)"))
        self.filter_edit.setToolTip(self.tr("Shows only the entries containing this text in any column."))
        self.filter_edit.setClearButtonEnabled(True)
        filter_label = QLabel(self.tr("&Filter:"), self)
        filter_label.setBuddy(self.filter_edit)
        self.refusals_only_box = QCheckBox(self.tr("R&efusals only"), self)
        self.refusals_only_box.setToolTip(self.tr("Only requests the server refused: unknown or retired access "
                                                  "keys, bad requests."))
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_button.setToolTip(self.tr("Read the log again (it also updates by itself)."))

        self.table = QTableView(self)
        self.table.setObjectName("accessLogTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary_label = QLabel(self)
        self.error_label = inline_error_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        buttons.rejected.connect(self.close)

        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.refusals_only_box)
        top.addWidget(self.refresh_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary_label, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.setTabOrder(self.filter_edit, self.refusals_only_box)
        self.setTabOrder(self.refusals_only_box, self.refresh_button)
        self.setTabOrder(self.refresh_button, self.table)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.refusals_only_box.toggled.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        session.bridge.event_received.connect(self._on_event)
        self.refresh()

    def row_texts(self) -> list[list[str]]:
        """The rows as shown (filtered and sorted), for tests and copying."""
        return [[str(self.proxy.index(row, col).data() or "") for col in range(len(self.COLUMNS))]
                for row in range(self.proxy.rowCount())]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()  # events are not followed while hidden

    @Slot(object)
    def _on_event(self, event: object) -> None:
        if not self.isVisible():  # the main window keeps the dialog: no reading while nobody looks
            return
        if isinstance(event, (ConfigServed, RequestRefused, RetiredKeyUsed)):
            self._awaited = _utc(event.at) if self._awaited is None else max(self._awaited, _utc(event.at))
            self._retries = 0
            self._timer.start()
        elif isinstance(event, DataChanged) and event.what == "access":
            self._timer.start()

    @Slot(str)
    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._update_summary()

    @Slot()
    def refresh(self) -> None:
        session = self._session
        try:
            entries = session.ctx.logs.access(session.actor, LIMIT, self.refusals_only_box.isChecked())
            devices = {d.id: d for d in session.ctx.devices.list(session.actor)}
        except SERVICE_ERRORS as exc:
            show_inline(self.error_label, sentence(exc))
            return
        show_inline(self.error_label, "")
        self.entries = entries
        self.model.setRowCount(0)
        for entry in entries:
            self.model.appendRow(self._row(entry, devices))
        if self._first_load:
            self._first_load = False
            self.table.resizeColumnsToContents()
        self._update_summary()
        if self._awaited is not None:
            if any(_utc(e.at) >= self._awaited for e in entries) or self._retries >= MAX_RETRIES:
                self._awaited = None
            else:
                self._retries += 1
                self._timer.start()

    def _reason_text(self, reason: str) -> str:
        # the recorder stores the server's codes (app.provisioning.events.RefusalReason) and "served ..." texts
        texts = {
            "served": self.tr("served"),
            "unknown-key": self.tr("unknown access key"),
            "retired-key": self.tr("retired access key"),
            "unknown-file": self.tr("unknown file"),
            "malformed-path": self.tr("malformed path"),
            "method-not-allowed": self.tr("method not allowed"),
            "bad-request": self.tr("bad request"),
            "request-too-large": self.tr("request too large"),
            "possible misuse: retired key": self.tr("possible misuse: retired key"),
        }
        return texts.get(reason, reason)

    def _row(self, entry: AccessLogInfo, devices: dict) -> list[QStandardItem]:  # type: ignore[type-arg]
        local = _utc(entry.at).astimezone()
        device = devices.get(entry.device_id) if entry.device_id is not None else None
        if device is not None:
            device_text = self.tr("%1 of line %2").replace("%1", device.type_label).replace("%2", device.line_number)
        elif entry.device_id is not None:
            device_text = self.tr("(deleted device)")
        else:
            device_text = ""
        cells = [
            (local.strftime("%Y-%m-%d %H:%M:%S"), _utc(entry.at).isoformat()),
            (entry.client_ip, entry.client_ip),
            (device_text, device_text.lower()),
            (str(entry.status), entry.status),
            (self._reason_text(entry.reason), entry.reason),
            (entry.user_agent, entry.user_agent.lower()),
        ]
        items = []
        for text, key in cells:
            item = QStandardItem(text)
            item.setData(key, SORT_ROLE)
            item.setToolTip(text)
            items.append(item)
        return items

    def _update_summary(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = self.tr("%1 of the latest %2 entries shown.") if shown != total else self.tr("%2 entries.")
        self.summary_label.setText(text.replace("%1", str(shown)).replace("%2", str(total)))
