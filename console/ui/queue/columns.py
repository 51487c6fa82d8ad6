"""The queue's columns: their names and titles, and on the queue screen which are shown,
in what order and how wide, remembered per user."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView, QWidget

from console.services.preferences import ColumnLayout
from console.ui.context import UiContext

COL_TIME_LEFT = 0
COLUMNS = (
    "time_left",
    "number",
    "status",
    "type",
    "class",
    "category",
    "district",
    "caller",
    "title",
    "assignee",
    "unit",
    "received",
    "viewers",
    "urgency",
    "channel",
)
DEFAULT_HIDDEN = ("urgency", "channel")


def header_title(col: str) -> str:
    names = {
        "time_left": QCoreApplication.translate("queue", "Time left"),
        "number": QCoreApplication.translate("queue", "Case number"),
        "status": QCoreApplication.translate("queue", "Status"),
        "type": QCoreApplication.translate("queue", "Type"),
        "class": QCoreApplication.translate("queue", "Class"),
        "category": QCoreApplication.translate("queue", "Matter category"),
        "district": QCoreApplication.translate("queue", "District"),
        "caller": QCoreApplication.translate("queue", "Caller"),
        "title": QCoreApplication.translate("queue", "Summary"),
        "assignee": QCoreApplication.translate("queue", "Agent"),
        "unit": QCoreApplication.translate("queue", "Handling unit"),
        "received": QCoreApplication.translate("queue", "Received"),
        "viewers": QCoreApplication.translate("queue", "Also open at"),
        "urgency": QCoreApplication.translate("queue", "Urgency"),
        "channel": QCoreApplication.translate("queue", "Channel"),
    }
    return names[col]


DEFAULT_WIDTHS = dict(
    zip(
        COLUMNS,
        (130, 150, 90, 80, 80, 110, 70, 110, 300, 70, 150, 90, 110, 90, 100),
        strict=True,
    )
)


class QueueColumns(QWidget):
    """The queue table's columns: which are shown, their order and widths, remembered
    per user. Part of QueueScreen, which creates what is declared here."""

    ctx: UiContext
    table: QTableView
    _restoring_layout: bool
    _layout_timer: QTimer

    def _quiet(self, exc: BaseException) -> None:
        raise NotImplementedError

    def _apply_layout(self, layout: ColumnLayout | None) -> None:
        header = self.table.horizontalHeader()
        self._restoring_layout = True
        try:
            if layout is None or not layout.visible:
                visible = [c for c in COLUMNS if c not in DEFAULT_HIDDEN]
                widths = DEFAULT_WIDTHS
            else:
                visible = [c for c in layout.visible if c in COLUMNS]
                widths = {**DEFAULT_WIDTHS, **layout.widths}
            if "time_left" not in visible:
                visible.insert(0, "time_left")
            order = visible + [c for c in COLUMNS if c not in visible]
            for target, name in enumerate(order):
                logical = COLUMNS.index(name)
                header.moveSection(header.visualIndex(logical), target)
                header.setSectionHidden(logical, name not in visible)
                self.table.setColumnWidth(logical, int(widths.get(name, 100)))
        finally:
            self._restoring_layout = False

    def column_layout(self) -> ColumnLayout:
        header = self.table.horizontalHeader()
        order = sorted(range(len(COLUMNS)), key=header.visualIndex)
        visible = tuple(COLUMNS[i] for i in order if not header.isSectionHidden(i))
        widths = {COLUMNS[i]: header.sectionSize(i) for i in order if header.sectionSize(i)}
        return ColumnLayout(visible, widths)

    def _layout_changed(self) -> None:
        if not self._restoring_layout:
            self._layout_timer.start()

    def _save_layout(self) -> None:
        who, layout = self.ctx.identity, self.column_layout()
        self.ctx.runner.run(
            lambda: self.ctx.app.preferences.save_columns(who, layout),
            None,
            self._quiet,
            owner=self,
        )

    def set_column_visible(self, name: str, visible: bool) -> None:
        if name == "time_left":
            return  # the countdown always stays
        self.table.horizontalHeader().setSectionHidden(COLUMNS.index(name), not visible)
        self._layout_changed()

    def _column_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        header = self.table.horizontalHeader()
        for i in sorted(range(len(COLUMNS)), key=header.visualIndex):
            name = COLUMNS[i]
            act = QAction(header_title(name), menu)
            act.setCheckable(True)
            act.setChecked(not header.isSectionHidden(i))
            act.setEnabled(name != "time_left")
            act.toggled.connect(lambda on, n=name: self.set_column_visible(n, on))
            menu.addAction(act)
        menu.popup(header.mapToGlobal(pos))
