"""Column widths that fit what they show, measured in the widget's own font."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QWidget

WIDEST_CASE_NUMBER = "000000-000-0000"  # YYMMDD-station-sequence; digits are equally wide
CELL_PADDING = 16  # a cell's margins and focus frame, both sides
#: in a tuple of column widths: "as wide as a whole case number in this view's font"
CASE_NUMBER = -1


def case_number_width(view: QWidget) -> int:
    """A column wide enough for a whole case number (never "261203-001-00…")."""
    view.ensurePolished()  # the style sheet's font size counts
    return QFontMetrics(view.font()).horizontalAdvance(WIDEST_CASE_NUMBER) + CELL_PADDING
