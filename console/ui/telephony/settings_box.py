"""The phone system's settings in the settings dialog: the AMI address (its secret goes
to the keyring, never to the settings file), the extension, the queue interface paused
when not ready, the after-call work limit and the service level threshold."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLineEdit, QSpinBox, QWidget

from console.infra.credentials import remember_cti_secret
from console.infra.settings import (
    CTI_AFTER_CALL_SECONDS,
    CTI_EXTENSION,
    CTI_QUEUE_INTERFACE,
    CTI_QUEUE_LOG,
    CTI_RECORDING_URL,
    CTI_SERVICE_LEVEL_SECONDS,
    CTI_URL,
    Settings,
)
from console.telephony.ami import AmiUrlError, parse_ami_url


class CtiSettingsBox(QGroupBox):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("Telephony", "Phone system"), parent)
        self.settings = settings
        self.url = QLineEdit(settings.get(CTI_URL))
        self.url.setPlaceholderText("ami://console@pbx.hotline.local:5038")
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(
            QCoreApplication.translate("Telephony", "kept in the keyring; empty: unchanged")
        )
        self.extension = QLineEdit(settings.get(CTI_EXTENSION))
        self.interface = QLineEdit(settings.get(CTI_QUEUE_INTERFACE))
        self.interface.setPlaceholderText("PJSIP/1001")
        self.queue_log = QCheckBox(
            QCoreApplication.translate("Telephony", "Record every queue call (wallboard)")
        )
        self.queue_log.setChecked(settings.get(CTI_QUEUE_LOG))
        self.after_call = QSpinBox()
        self.after_call.setRange(0, 3600)
        self.after_call.setSuffix(" s")
        self.after_call.setSpecialValueText(QCoreApplication.translate("Telephony", "no limit"))
        self.after_call.setValue(settings.get(CTI_AFTER_CALL_SECONDS))
        self.service_level = QSpinBox()
        self.service_level.setRange(1, 600)
        self.service_level.setSuffix(" s")
        self.service_level.setValue(settings.get(CTI_SERVICE_LEVEL_SECONDS))
        self.recordings = QLineEdit(settings.get(CTI_RECORDING_URL))
        self.recordings.setPlaceholderText("https://pbx.hotline.local/recordings/{0}")
        self.recordings.setToolTip(
            QCoreApplication.translate(
                "Telephony", "{0} is the recording's file name; empty: open it as given"
            )
        )
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("Telephony", "AMI address:"), self.url)
        form.addRow(QCoreApplication.translate("Telephony", "AMI secret:"), self.secret)
        form.addRow(QCoreApplication.translate("Telephony", "My extension:"), self.extension)
        form.addRow(QCoreApplication.translate("Telephony", "Pause in queues as:"), self.interface)
        form.addRow(
            QCoreApplication.translate("Telephony", "After-call work limit:"), self.after_call
        )
        form.addRow(
            QCoreApplication.translate("Telephony", "Service level: answered within"),
            self.service_level,
        )
        form.addRow(QCoreApplication.translate("Telephony", "Recordings address:"), self.recordings)
        form.addRow("", self.queue_log)

    def store(self) -> str | None:
        """Put the values into the settings (and the secret into the keyring); an error
        sentence, or None."""
        text = self.url.text().strip()
        secret = self.secret.text()
        if text:
            try:
                url = parse_ami_url(text)
            except AmiUrlError as exc:
                return QCoreApplication.translate(
                    "Telephony", "The phone system's address is not valid: {0}"
                ).format(exc)
            secret = url.secret or secret
            if secret and not remember_cti_secret(url.account, secret):
                return QCoreApplication.translate(
                    "Telephony", "No keyring on this computer: the AMI secret cannot be kept."
                )
            text = url.without_secret()
        self.settings.set(CTI_URL, text)
        self.settings.set(CTI_EXTENSION, self.extension.text().strip())
        self.settings.set(CTI_QUEUE_INTERFACE, self.interface.text().strip())
        self.settings.set(CTI_QUEUE_LOG, self.queue_log.isChecked())
        self.settings.set(CTI_AFTER_CALL_SECONDS, int(self.after_call.value()))
        self.settings.set(CTI_SERVICE_LEVEL_SECONDS, int(self.service_level.value()))
        self.settings.set(CTI_RECORDING_URL, self.recordings.text().strip())
        return None
