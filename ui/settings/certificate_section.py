"""The provisioning server's certificate: what is served, importing another one, going back to our own.

Reading may generate the local CA, and importing parses and test-loads files: both run in the task pool.
A new certificate is presented only after the server restarts, hence `server_restart_needed`.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from app.provisioning.certificates import (
    CertificateInfo,
    import_pem_chain,
    import_pkcs12,
    remove_imported_certificate,
    served_certificate,
)
from app.provisioning.events import ServerStateChanged
from app.serving import current_certificate
from app.tasks import TaskFinished, TaskHandle
from ui.messages import inline_error_label, sentence, show_inline
from ui.session import ConsoleSession
from ui.settings.certificate_import_dialog import CertificateImportDialog, ImportRequest

EXPIRY_WARNING = timedelta(days=30)


class CertificateSection(QGroupBox):
    server_restart_needed = Signal()
    certificate_changed = Signal(object)  # CertificateInfo, after an import or going back to our own

    def __init__(self, session: ConsoleSession, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Certificate"), parent)
        self.setObjectName("certificateSection")
        self._session = session
        self.info: CertificateInfo | None = None
        self.import_dialog: CertificateImportDialog | None = None
        self.busy = False

        def value_label(tip: str) -> QLabel:
            label = QLabel(self)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            label.setToolTip(tip)
            return label

        self.subject_label = value_label(self.tr("Whom the certificate was issued to."))
        self.issuer_label = value_label(self.tr("Who signed it: this console's own local CA, or the issuer of an "
                                                "imported certificate."))
        self.fingerprint_label = value_label(self.tr(
            "SHA-256 fingerprint of the server certificate; compare it with what a device or browser shows."))
        self.fingerprint_label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.valid_until_label = value_label(self.tr("The certificate is not accepted after this date."))
        self.expiry_warning = inline_error_label(self)
        self.restart_note = QLabel(self)
        self.restart_note.setWordWrap(True)
        self.restart_note.setVisible(False)
        self.message = inline_error_label(self)
        self.import_button = QPushButton(self.tr("&Import certificate ..."), self)
        self.import_button.setToolTip(self.tr(
            "Serve a certificate of your own CA or a public one: a PEM chain with its key, or a PKCS#12 file."))
        self.use_own_button = QPushButton(self.tr("&Use own certificate"), self)
        self.use_own_button.setToolTip(self.tr(
            "Remove the imported certificate and serve one issued by this console's local CA again."))

        form = QFormLayout(self)
        form.addRow(self.tr("Subject:"), self.subject_label)
        form.addRow(self.tr("Issuer:"), self.issuer_label)
        form.addRow(self.tr("Fingerprint (SHA-256):"), self.fingerprint_label)
        form.addRow(self.tr("Valid until:"), self.valid_until_label)
        form.addRow(self.expiry_warning)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.use_own_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        form.addRow(self.message)
        form.addRow(self.restart_note)

        editable = session.actor.is_admin
        self.import_button.setVisible(editable)
        self.use_own_button.setVisible(editable)
        self.import_button.clicked.connect(self.choose_import)
        self.use_own_button.clicked.connect(self.use_own_certificate)
        session.bridge.event_received.connect(self._on_event)
        self.reload()

    # -- reading -------------------------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        """Read the served certificate in the pool; also done whenever the server (re)starts."""
        data_dir = self._session.ctx.data_dir
        if self.info is None:
            self.subject_label.setText(self.tr("Reading the certificate ..."))
        self._start(lambda _task: served_certificate(data_dir), self.tr("Certificate"),
                    self.tr("Reading the certificate ..."), self._loaded, show_dialog=False)

    def _loaded(self, info: CertificateInfo | None) -> None:
        if info is None:
            self.subject_label.setText(self.tr("None yet: the provisioning server creates its certificate when "
                                               "it starts."))
            return
        self.show_info(info)

    @Slot(object)
    def _on_event(self, event: object) -> None:
        # the server reads (and if needed creates or renews) its certificate when it starts
        if isinstance(event, ServerStateChanged) and not self.busy:
            if event.running:
                self.restart_note.setVisible(False)
            self.reload()

    def show_info(self, info: CertificateInfo) -> None:
        self.info = info
        self.subject_label.setText(info.subject)
        source = self.tr("imported") if info.imported else self.tr("own local CA")
        self.issuer_label.setText(f"{info.issuer} ({source})")
        self.fingerprint_label.setText(info.fingerprint_sha256)
        self.valid_until_label.setText(info.not_after.astimezone().strftime("%Y-%m-%d %H:%M"))
        if info.expires_within(EXPIRY_WARNING):
            days = max(0, (info.not_after - datetime.now(UTC)).days)
            text = (self.tr("The certificate expires in %1 days: import a new one before then.").replace("%1", str(days))
                    if info.imported else
                    self.tr("The certificate expires in %1 days; a new one is issued when the server starts.")
                    .replace("%1", str(days)))
            show_inline(self.expiry_warning, text)
        else:
            show_inline(self.expiry_warning, "")
        self.use_own_button.setEnabled(info.imported and not self.busy)

    # -- importing -----------------------------------------------------------------------------------------

    @Slot()
    def choose_import(self) -> None:
        self.import_dialog = CertificateImportDialog(self)
        # deleted when closed: the typed password must not stay in a hidden widget
        self.import_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_dialog.accepted.connect(self._import_chosen)
        self.import_dialog.open()

    @Slot()
    def _import_chosen(self) -> None:
        if self.import_dialog is not None:
            request, self.import_dialog = self.import_dialog.request(), None
            self.import_certificate(request)

    def import_certificate(self, request: ImportRequest) -> None:
        data_dir = self._session.ctx.data_dir

        def job(_task: TaskHandle) -> CertificateInfo:
            if request.pkcs12:
                return import_pkcs12(request.cert_file, request.password, data_dir)
            return import_pem_chain(request.cert_file, request.key_file, data_dir, request.password)

        self._start(job, self.tr("Import certificate"), self.tr("Importing the certificate ..."), self._replaced)

    @Slot()
    def use_own_certificate(self) -> None:
        ctx = self._session.ctx

        def job(_task: TaskHandle) -> CertificateInfo:
            remove_imported_certificate(ctx.data_dir)
            return current_certificate(ctx)  # issues a certificate of the local CA (creating the CA if needed)

        self._start(job, self.tr("Use own certificate"), self.tr("Issuing a certificate of the local CA ..."),
                    self._replaced)

    def _replaced(self, info: CertificateInfo) -> None:
        self.show_info(info)
        self.restart_note.setText(self.tr("The provisioning server restarts to present the new certificate to the "
                                          "devices."))
        self.restart_note.setVisible(True)
        self.certificate_changed.emit(info)
        self.server_restart_needed.emit()

    # -- running jobs --------------------------------------------------------------------------------------

    def _start(self, job: Callable[[TaskHandle], CertificateInfo | None], title: str, label: str,
               done: Callable[[CertificateInfo], None] | Callable[[CertificateInfo | None], None], *,
               show_dialog: bool = True) -> None:
        self._set_busy(True)
        show_inline(self.message, "")
        run = self._session.run(job, title, label, self, show_dialog=show_dialog)

        def finished(event: TaskFinished) -> None:
            self._set_busy(False)
            if event.error:
                show_inline(self.message, sentence(event.error))
                if self.info is None:
                    self.subject_label.setText(self.tr("(unknown)"))
            elif not event.cancelled:
                done(event.result)

        run.finished.connect(finished)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.import_button.setEnabled(not busy)
        self.use_own_button.setEnabled(not busy and self.info is not None and self.info.imported)

