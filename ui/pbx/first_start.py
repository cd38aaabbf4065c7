"""The first start of the PBX tab: no vPBX exists yet. A provider creates the first vPBX (or loads
the demo data); a vPBX administrator without a vPBX learns why there is nothing to do."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app.services.dto import Actor
from ui.messages import SERVICE_ERRORS
from ui.pbx.pbx_form import PbxForm
from ui.session import ConsoleSession


class FirstStartPage(QWidget):
    pbx_created = Signal(object)  # PbxInfo
    demo_requested = Signal()

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_start")
        self._session = session
        actor: Actor = session.actor
        self.is_provider = actor.role == "provider"

        self.intro = QLabel(self)
        self.intro.setObjectName("first_start_intro")
        self.intro.setWordWrap(True)
        self.form = PbxForm(self)
        self.form.setObjectName("first_pbx_form")
        self.create_button = QPushButton(self.tr("&Create vPBX"), self)
        self.create_button.setObjectName("create_first_pbx")
        self.create_button.setToolTip(self.tr("Creates the vPBX with these data; then add its lines."))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_pbx)
        self.form.submitted.connect(self.create_pbx)
        self.demo_button = QPushButton(self.tr("&Load demo data"), self)
        self.demo_button.setObjectName("load_demo")
        self.demo_button.setToolTip(self.tr(
            "Creates a demo vPBX with eight lines, phonebook entries and one device of every type, to try the "
            "console."))
        self.demo_button.clicked.connect(self.demo_requested)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        # the fields follow the width; only a short window scrolls (vertically)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        if self.is_provider:
            self.intro.setText(self.tr(
                "<b>Create the first vPBX.</b> Enter the access data of the telephone exchange the devices "
                "register with; you can change them later on the Exchange page. Or load the demo data to try "
                "the console first."))
        else:
            self.intro.setText(self.tr(
                "<b>There is no vPBX for you yet.</b> A provider creates the vPBX and its access data; "
                "ask your provider to set it up, then log in again."))
            self.intro.setAlignment(Qt.AlignmentFlag.AlignTop)
            scroll.setVisible(False)
            self.create_button.setVisible(False)
            self.demo_button.setVisible(False)
            layout.addStretch(1)

    def set_busy(self, busy: bool) -> None:
        self.create_button.setEnabled(not busy)
        self.demo_button.setEnabled(not busy)

    @Slot()
    def create_pbx(self) -> None:
        if not self.is_provider:
            return
        try:
            pbx = self._session.ctx.pbx.create(self._session.actor, self.form.input())
        except SERVICE_ERRORS as exc:
            self.form.show_error(exc)
            return
        self.form.load(None)
        self.pbx_created.emit(pbx)
