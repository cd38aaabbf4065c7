"""The panel beside the Phones tree: acts on the selected line, empty "Telephone" or device.

Only widgets and their enabled states live here; the Phones tab connects the buttons to the services.
One panel instead of editor widgets in every row keeps a tree of 10,000 lines fast.
"""
from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.catalog import DeviceType
from app.services.dto import DeviceInfo, LineInfo
from ui.messages import inline_error_label
from ui.phones.type_combo import DeviceTypeCombo


class DetailsPanel(QWidget):
    def __init__(self, types: Iterable[DeviceType], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phones_details_panel")
        self.selection_label = QLabel(self)
        self.selection_label.setWordWrap(True)
        self.selection_label.setObjectName("phones_selection")
        font = self.selection_label.font()
        font.setBold(True)
        self.selection_label.setFont(font)

        # the manual: "At an empty 'Telephone' select the desired VoIP device type, click [+ Save]"
        self.new_box = QGroupBox(self.tr("New telephone"), self)
        self.type_combo = DeviceTypeCombo(types, self.new_box)
        self.type_combo.setObjectName("phones_type_combo")
        self.type_combo.setToolTip(self.tr("The type of the new VoIP device (grouped by vendor). A DECT handset "
                                           "needs a compatible base station in the vPBX."))
        type_label = QLabel(self.tr("&Telephone:"), self.new_box)
        type_label.setBuddy(self.type_combo)
        self.save_button = QPushButton(self.tr("+ S&ave"), self.new_box)  # Alt+S is the Settings tab
        self.save_button.setObjectName("phones_save")
        self.save_button.setToolTip(self.tr("Create a device of the chosen type on the selected line."))
        self.create_error = inline_error_label(self.new_box)
        new_layout = QGridLayout(self.new_box)
        new_layout.addWidget(type_label, 0, 0)
        new_layout.addWidget(self.type_combo, 0, 1)
        new_layout.addWidget(self.save_button, 1, 1, Qt.AlignmentFlag.AlignRight)
        new_layout.addWidget(self.create_error, 2, 0, 1, 2)
        new_layout.setColumnStretch(1, 1)

        self.details_button = QPushButton(self.tr("&Details ..."), self)
        self.details_button.setToolTip(self.tr("Open the selected device: configuration data, access key, "
                                               "function keys (Enter or double-click in the list)."))
        self.state_button = QPushButton(self.tr("Stat&e ..."), self)
        self.state_button.setToolTip(self.tr("Show the registrations of the selected line: User Agent, IP "
                                             "address and Contact of each registered device."))
        self.sync_button = QPushButton(self.tr("S&ynchronize"), self)
        self.sync_button.setToolTip(self.tr("Tell the selected device to load its configuration now."))
        self.delete_button = QPushButton(self.tr("De&lete ..."), self)
        self.delete_button.setToolTip(self.tr("Delete the selected device's configuration on the telephone "
                                              "exchange (Del key); the device itself keeps its configuration."))
        for button, name in ((self.details_button, "phones_details"), (self.state_button, "phones_state"),
                             (self.sync_button, "phones_synchronize"), (self.delete_button, "phones_delete")):
            button.setObjectName(name)
        buttons = QGridLayout()  # two by two: keeps the panel narrow beside a wide list
        buttons.addWidget(self.details_button, 0, 0)
        buttons.addWidget(self.state_button, 0, 1)
        buttons.addWidget(self.sync_button, 1, 0)
        buttons.addWidget(self.delete_button, 1, 1)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("phones_status")
        self.status_label.setWordWrap(True)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        layout = QVBoxLayout(self)
        layout.addWidget(self.selection_label)
        layout.addLayout(buttons)
        layout.addWidget(self.new_box)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.selection_label.setText(self.tr("Select a line or a device in the list."))
        self.new_box.setEnabled(False)
        self._enable_device_actions(None)
        self.state_button.setEnabled(False)

    def show_line(self, line: LineInfo, device: DeviceInfo | None, can_synchronize: bool) -> None:
        name = f" \N{EM DASH} {line.display_name}" if line.display_name else ""
        if device is None:
            self.selection_label.setText(self.tr("Line %1").replace("%1", line.number) + name)
        else:
            self.selection_label.setText(self.tr("%1 on line %2").replace("%1", device.type_label)
                                         .replace("%2", line.number) + name)
        self.new_box.setTitle(self.tr("New telephone on line %1").replace("%1", line.number))
        self.new_box.setEnabled(True)
        self.state_button.setEnabled(True)
        self._enable_device_actions(device, can_synchronize)

    def _enable_device_actions(self, device: DeviceInfo | None, can_synchronize: bool = False) -> None:
        for button in (self.details_button, self.delete_button):
            button.setEnabled(device is not None)
        self.sync_button.setEnabled(device is not None and can_synchronize)
