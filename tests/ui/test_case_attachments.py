"""The case view lists the photos and documents received through the exchange service."""

from __future__ import annotations

import hashlib

from pytestqt.qtbot import QtBot

from console.domain.clock import now_utc
from console.models import AttachmentBlob, CaseAttachment
from console.services.attachments import AttachmentService
from console.ui.case.view import CaseViewDialog
from console.ui.context import UiContext
from tests.ui.conftest import off_gui_thread
from tests.ui.test_case_edit import _new_case

PNG = b"\x89PNG\r\n\x1a\n" + b"\x01" * 2000


def test_case_view_lists_attachments(qtbot: QtBot, ui_ctx: UiContext) -> None:
    cid = _new_case(ui_ctx)

    def attach() -> None:
        digest = hashlib.sha256(PNG).hexdigest()
        with ui_ctx.app.sessions() as s, s.begin():
            s.add(AttachmentBlob(sha256=digest, size=len(PNG), data=PNG))
            s.flush()
            s.add(
                CaseAttachment(
                    case_id=cid,
                    sha256=digest,
                    filename="现场照片.png",
                    content_type="image/png",
                    size=len(PNG),
                    source="unit 佛山市生态环境局南海分局",
                    created_at=now_utc(),
                )
            )

    off_gui_thread(attach)
    view = CaseViewDialog(ui_ctx, cid)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.attachments.rowCount() == 1, timeout=5_000)
    item = view.attachments.item(0, 0)
    assert item is not None and item.text() == "现场照片.png"
    assert "(1)" in view.tabs.tabText(view.tabs.indexOf(view.attachments))
    rows = off_gui_thread(lambda: AttachmentService(ui_ctx.app.sessions).for_case(cid))
    assert off_gui_thread(lambda: AttachmentService(ui_ctx.app.sessions).content(rows[0].id)) == (
        "现场照片.png",
        PNG,
    )
