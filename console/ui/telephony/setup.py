"""Start the console's telephony once the agent is signed in: the softphone socket,
the AMI link when configured (``--cti-url``/``--extension`` or the settings, the secret
from the keyring), the screen pop into the entry form, the state in the status bar."""

from __future__ import annotations

import argparse
import logging
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from console.infra.credentials import cti_secret
from console.infra.settings import (
    CTI_AFTER_CALL_SECONDS,
    CTI_EXTENSION,
    CTI_QUEUE_INTERFACE,
    CTI_QUEUE_LOG,
    CTI_URL,
)
from console.telephony.ami import AmiUrl, AmiUrlError, parse_ami_url
from console.ui.context import UiContext
from console.ui.intake.form import CaseEntryScreen
from console.ui.telephony.link import AmiLink, PopServer
from console.ui.telephony.phone import Telephony
from console.ui.telephony.pop import ScreenPop
from console.ui.telephony.status import PhoneStatus

if TYPE_CHECKING:
    from console.ui.main_window import MainWindow

log = logging.getLogger("console.cti")


class _OnClose(QObject):
    def __init__(self, phone: Telephony) -> None:
        super().__init__(phone)
        self.phone = phone

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self.phone.shutdown()
        return False


def start_telephony(
    window: MainWindow, ui: UiContext, args: argparse.Namespace | None = None
) -> Telephony | None:
    settings = window.settings
    entry = window.screens.get("entry")
    if not isinstance(entry, CaseEntryScreen) or ui.identity.is_unit:
        return None  # a handling unit's user takes no hotline calls
    row = list(window.screens).index("entry")
    extension = str(getattr(args, "extension", None) or settings.get(CTI_EXTENSION)).strip()
    url_text = str(getattr(args, "cti_url", None) or settings.get(CTI_URL)).strip()
    pop = ScreenPop(ui, entry, lambda: window.nav.setCurrentRow(row), window)
    phone = Telephony(
        ui,
        pop,
        extension=extension,
        after_call_limit=timedelta(seconds=max(0, settings.get(CTI_AFTER_CALL_SECONDS))),
        queue_interface=settings.get(CTI_QUEUE_INTERFACE).strip(),
        record_queue=settings.get(CTI_QUEUE_LOG) or ui.identity.is_supervisor,
        parent=window,
    )
    server = PopServer(extension, phone)
    if server.listen():
        phone.attach_softphone(server)
    window.installEventFilter(_OnClose(phone))
    window.telephony = phone  # type: ignore[attr-defined]

    def go(url: AmiUrl | None) -> None:
        if url is not None:
            phone.attach_ami(AmiLink(url, extension, phone))
        phone.start()
        window.statusBar().addPermanentWidget(PhoneStatus(phone))

    if not url_text:
        go(None)
        return phone
    try:
        url = parse_ami_url(url_text)
    except AmiUrlError as exc:
        ui.messages.warning(
            QCoreApplication.translate(
                "Telephony", "The phone system's address is not valid: {0}"
            ).format(exc)
        )
        go(None)
        return phone
    if not extension:
        ui.messages.warning(
            QCoreApplication.translate(
                "Telephony", "No phone extension is set: calls cannot be followed (settings)."
            )
        )
        go(None)
        return phone
    if url.secret:
        go(url)
        return phone

    def with_secret(secret: str | None) -> None:
        if not secret:
            ui.messages.warning(
                QCoreApplication.translate(
                    "Telephony", "No AMI secret is kept for {0}: set it in the settings."
                ).format(url.account)
            )
            go(None)
        else:
            go(replace(url, secret=secret))

    ui.runner.run(lambda: cti_secret(url.account), with_secret, lambda _e: with_secret(None))
    return phone
