"""The one colour table of deadline states: a breached (critical, due soon) case looks the
same in the queue, the unit inbox, the case's SLA panel, the handover and the monitor."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor

from console.domain.sla import BREACHED, CRITICAL, DUE_SOON

#: countdown state -> (text colour, background colour); on track and paused: the defaults
DEADLINE_COLOURS: dict[str, tuple[QColor, QColor]] = {
    BREACHED: (QColor("#b3261e"), QColor("#fde7e6")),
    CRITICAL: (QColor("#a14a00"), QColor("#fff0d9")),
    DUE_SOON: (QColor("#7a6100"), QColor("#fffbe0")),
}


def deadline_foreground(state: str | None) -> QBrush | None:
    colours = DEADLINE_COLOURS.get(state or "")
    return QBrush(colours[0]) if colours else None


def deadline_background(state: str | None) -> QBrush | None:
    colours = DEADLINE_COLOURS.get(state or "")
    return QBrush(colours[1]) if colours else None
