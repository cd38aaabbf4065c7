"""A window with the manual's procedures: the topic list on the left, the procedure on the right."""
from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.help.topics import HELP_DIR, TOPICS, help_topics, topic_path

__all__ = ["HelpViewer", "help_topics"]


class HelpViewer(QDialog):
    """Non-modal: it stays open next to the console while the user follows a procedure."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpViewer")
        self.setWindowTitle(self.tr("Help: Managing VoIP Telephones"))
        self.setModal(False)
        self.resize(900, 620)

        self.topic_list = QListWidget(self)
        self.topic_list.setObjectName("helpTopics")
        self.topic_list.setWordWrap(True)
        self.topic_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.topic_list.setSpacing(2)
        self.topic_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.topic_list.setToolTip(self.tr("The procedures of the manual; choose one to read it."))
        for anchor, title in TOPICS:
            item = QListWidgetItem(title, self.topic_list)
            item.setData(Qt.ItemDataRole.UserRole, anchor)

        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpBrowser")
        self.browser.setSearchPaths([str(HELP_DIR)])
        self.browser.setOpenExternalLinks(True)
        self.browser.setToolTip(self.tr("Links lead to the related procedures; Alt+Left goes back."))

        self.back_button = QPushButton(self.tr("&Back"), self)
        self.back_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Back))
        self.back_button.setToolTip(self.tr("Return to the procedure shown before."))
        self.back_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        buttons.rejected.connect(self.close)

        splitter = QSplitter(self)
        splitter.addWidget(self.topic_list)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 620])
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self.topic_list.currentItemChanged.connect(self._topic_chosen)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.sourceChanged.connect(self._source_changed)
        self.back_button.clicked.connect(self.browser.backward)
        self.show_topic(TOPICS[0][0], raise_window=False)

    def current_topic(self) -> str:
        return self.browser.source().fileName().removesuffix(".html")

    def show_topic(self, anchor: str, *, raise_window: bool = True) -> None:
        """Show the procedure `anchor` (see help_topics()); raises ValueError for an unknown one."""
        path = topic_path(anchor)
        if self.browser.source() != QUrl.fromLocalFile(str(path)):
            self.browser.setSource(QUrl.fromLocalFile(str(path)))
        if raise_window:
            self.show()
            self.raise_()
            self.activateWindow()

    @Slot(QListWidgetItem, QListWidgetItem)
    def _topic_chosen(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self.show_topic(str(item.data(Qt.ItemDataRole.UserRole)), raise_window=False)

    @Slot(QUrl)
    def _source_changed(self, url: QUrl) -> None:
        # keep the list in step when a link inside a procedure leads to another one
        anchor = url.fileName().removesuffix(".html")
        for row in range(self.topic_list.count()):
            item = self.topic_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == anchor and self.topic_list.currentItem() is not item:
                self.topic_list.blockSignals(True)
                self.topic_list.setCurrentItem(item)
                self.topic_list.blockSignals(False)
