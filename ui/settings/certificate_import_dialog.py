"""Choosing a certificate to import: a PEM chain with its key, or a PKCS#12 file with its password."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.messages import inline_error_label, show_inline

PKCS12_SUFFIXES = (".p12", ".pfx")


@dataclass(frozen=True)
class ImportRequest:
    cert_file: Path
    key_file: Path | None  # None: the key is in cert_file (PEM) or it is a PKCS#12 file
    password: str
    pkcs12: bool


class CertificateImportDialog(QDialog):
    """Window-modal (`open()`); `request()` gives the choice after `accepted`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("certificateImportDialog")
        self.setWindowTitle(self.tr("Import certificate"))
        self.file_dialog: QFileDialog | None = None  # kept so a test can answer it

        self.cert_file_edit = QLineEdit(self)
        self.cert_file_edit.setToolTip(self.tr(
            "A PEM file with the server certificate first, then its intermediate certificates (optionally the "
            "key too), or a PKCS#12 file (.p12, .pfx) with key and certificates."))
        self.cert_browse_button = QPushButton(self.tr("&Browse ..."), self)
        self.cert_browse_button.setToolTip(self.tr("Choose the certificate file."))
        self.key_file_edit = QLineEdit(self)
        self.key_file_edit.setPlaceholderText(self.tr("empty: the key is in the certificate file"))
        self.key_file_edit.setToolTip(self.tr("The PEM file with the certificate's private key; not needed for "
                                              "PKCS#12 or when the certificate file contains the key."))
        self.key_browse_button = QPushButton(self.tr("B&rowse ..."), self)
        self.key_browse_button.setToolTip(self.tr("Choose the private key file."))
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("empty: not encrypted"))
        self.password_edit.setToolTip(self.tr("The password of the PKCS#12 file or of the encrypted key."))
        self.message = inline_error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("&Import"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Cancel"))

        form = QFormLayout()
        cert_row = QHBoxLayout()
        cert_row.addWidget(self.cert_file_edit, 1)
        cert_row.addWidget(self.cert_browse_button)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_file_edit, 1)
        key_row.addWidget(self.key_browse_button)
        cert_label = QLabel(self.tr("&Certificate file:"), self)
        cert_label.setBuddy(self.cert_file_edit)
        key_label = QLabel(self.tr("Private &key file:"), self)
        key_label.setBuddy(self.key_file_edit)
        password_label = QLabel(self.tr("&Password:"), self)
        password_label.setBuddy(self.password_edit)
        form.addRow(cert_label, cert_row)
        form.addRow(key_label, key_row)
        form.addRow(password_label, self.password_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(620, self.sizeHint().height())

        self.cert_browse_button.clicked.connect(self._browse_certificate)
        self.key_browse_button.clicked.connect(self._browse_key)
        self.cert_file_edit.textChanged.connect(self._kind_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def request(self) -> ImportRequest:
        cert = Path(self.cert_file_edit.text().strip())
        key_text = self.key_file_edit.text().strip()
        pkcs12 = cert.suffix.lower() in PKCS12_SUFFIXES
        return ImportRequest(cert, None if pkcs12 or not key_text else Path(key_text),
                             self.password_edit.text(), pkcs12)

    def accept(self) -> None:
        """Checks only what can be seen here (files exist); the import itself says what else is wrong."""
        cert_text, key_text = self.cert_file_edit.text().strip(), self.key_file_edit.text().strip()
        if not cert_text:
            return self._refuse(self.tr("Choose the certificate file first."), self.cert_file_edit)
        if not Path(cert_text).is_file():
            return self._refuse(self.tr("The certificate file %1 does not exist; check the path.")
                                .replace("%1", cert_text), self.cert_file_edit)
        if key_text and self.key_file_edit.isEnabled() and not Path(key_text).is_file():
            return self._refuse(self.tr("The key file %1 does not exist; check the path or leave it empty.")
                                .replace("%1", key_text), self.key_file_edit)
        show_inline(self.message, "")
        super().accept()

    def _refuse(self, text: str, field: QLineEdit) -> None:
        show_inline(self.message, text)
        field.setFocus()

    @Slot(str)
    def _kind_changed(self, text: str) -> None:
        pkcs12 = Path(text.strip()).suffix.lower() in PKCS12_SUFFIXES
        self.key_file_edit.setEnabled(not pkcs12)
        self.key_browse_button.setEnabled(not pkcs12)

    @Slot()
    def _browse_certificate(self) -> None:
        self._browse(self.tr("Certificate file"), self.tr(
            "Certificates (*.pem *.crt *.cer *.p12 *.pfx);;All files (*)"), self.cert_file_edit)

    @Slot()
    def _browse_key(self) -> None:
        self._browse(self.tr("Private key file"), self.tr("Keys (*.pem *.key);;All files (*)"), self.key_file_edit)

    def _browse(self, title: str, filters: str, target: QLineEdit) -> None:
        self.file_dialog = QFileDialog(self, title, str(Path(target.text()).parent) if target.text() else "",
                                       filters)
        self.file_dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        self.file_dialog.fileSelected.connect(target.setText)
        self.file_dialog.open()  # window-modal, never blocks
