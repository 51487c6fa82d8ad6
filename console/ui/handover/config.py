"""Administrator's dialog: the shift table (times, a shift may cross midnight) and the
roster (who works which shift, who supervises it)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.services.errors import ValidationFailed
from console.services.handover import ShiftConfig
from console.ui.context import UiContext
from console.ui.errors import describe, is_refusal

ROLES = ("", "agent", "supervisor")


class ShiftConfigDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.config: ShiftConfig | None = None
        self.setWindowTitle(self.tr("Shifts and roster"))
        self.resize(820, 620)

        self.shifts = QTableWidget(0, 4)
        self.shifts.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Name"), self.tr("Starts"), self.tr("Ends")]
        )
        self.shifts.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("Add a shift"))
        self.remove_button = QPushButton(self.tr("Remove the selected shift"))
        self.save_shifts_button = QPushButton(self.tr("Save shifts"))
        srow = QHBoxLayout()
        srow.addWidget(self.add_button)
        srow.addWidget(self.remove_button)
        srow.addStretch(1)
        srow.addWidget(self.save_shifts_button)
        sbox = QGroupBox(self.tr("Shifts (HH:MM; an end at or before the start crosses midnight)"))
        sl = QVBoxLayout(sbox)
        sl.addWidget(self.shifts)
        sl.addLayout(srow)

        self.roster = QTableWidget(0, 0)
        self.roster.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.save_roster_button = QPushButton(self.tr("Save roster"))
        rbox = QGroupBox(self.tr("Roster: who works which shift, and who supervises it"))
        rl = QVBoxLayout(rbox)
        rl.addWidget(self.roster)
        rl.addWidget(self.save_roster_button)

        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(sbox, 1)
        lay.addWidget(rbox, 2)
        lay.addWidget(self.status)
        lay.addWidget(buttons)

        self.add_button.clicked.connect(self._add_row)
        self.remove_button.clicked.connect(self._remove_row)
        self.save_shifts_button.clicked.connect(self.save_shifts)
        self.save_roster_button.clicked.connect(self.save_roster)
        self.reload()

    def reload(self) -> None:
        self.ctx.runner.run(self.ctx.app.handover.shift_config, self.show_config, owner=self)

    def show_config(self, cfg: ShiftConfig) -> None:
        self.config = cfg
        self.shifts.setRowCount(0)
        for d in cfg.shifts:
            self._add_row(d.code, d.name, d.starts.strftime("%H:%M"), d.ends.strftime("%H:%M"))
        self.roster.clear()
        self.roster.setColumnCount(len(cfg.shifts))
        self.roster.setRowCount(len(cfg.agents))
        self.roster.setHorizontalHeaderLabels([d.name for d in cfg.shifts])
        self.roster.setVerticalHeaderLabels([f"{a.name} ({a.username})" for a in cfg.agents])
        roles = {(r.shift_code, r.agent_id): r.role for r in cfg.roster}
        names = {
            "": self.tr("—"),
            "agent": self.tr("Agent"),
            "supervisor": self.tr("Supervisor"),
        }
        for r, a in enumerate(cfg.agents):
            for c, d in enumerate(cfg.shifts):
                combo = QComboBox()
                for code in ROLES:
                    combo.addItem(names[code], code)
                combo.setCurrentIndex(ROLES.index(roles.get((d.code, a.id), "")))
                self.roster.setCellWidget(r, c, combo)

    def _add_row(self, code: str = "", name: str = "", starts: str = "", ends: str = "") -> None:
        r = self.shifts.rowCount()
        self.shifts.insertRow(r)
        for c, text in enumerate((code, name, starts, ends)):
            self.shifts.setItem(r, c, QTableWidgetItem(text))

    def _remove_row(self) -> None:
        r = self.shifts.currentRow()
        if r >= 0:
            self.shifts.removeRow(r)

    def shift_rows(self) -> list[tuple[str, str, str, str]]:
        rows = []
        for r in range(self.shifts.rowCount()):
            cells = []
            for c in range(4):
                item = self.shifts.item(r, c)
                cells.append(item.text().strip() if item is not None else "")
            rows.append((cells[0], cells[1], cells[2], cells[3]))
        return rows

    def save_shifts(self) -> None:
        rows = self.shift_rows()
        svc, who = self.ctx.app.handover, self.ctx.identity
        seen = self.config.shifts if self.config is not None else None  # stale: refused
        self.ctx.runner.run(
            lambda: svc.save_shifts(who, rows, seen),
            lambda _d: self._saved(self.tr("Shifts saved.")),
            self._failed,
            owner=self,
        )

    def save_roster(self) -> None:
        cfg = self.config
        if cfg is None:
            return
        plan: dict[str, list[tuple[int, str]]] = {d.code: [] for d in cfg.shifts}
        for r, a in enumerate(cfg.agents):
            for c, d in enumerate(cfg.shifts):
                combo = self.roster.cellWidget(r, c)
                if isinstance(combo, QComboBox) and combo.currentData():
                    plan[d.code].append((a.id, str(combo.currentData())))
        svc, who = self.ctx.app.handover, self.ctx.identity

        seen = {
            d.code: [(e.agent_id, e.role) for e in cfg.roster if e.shift_code == d.code]
            for d in cfg.shifts
        }

        def work() -> None:
            for code, entries in plan.items():
                svc.set_roster(who, code, entries, seen[code])

        self.ctx.runner.run(
            work, lambda _r: self._saved(self.tr("Roster saved.")), self._failed, owner=self
        )

    def _saved(self, text: str) -> None:
        self.status.setText(text)
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed):
            msgs = {
                "gap": self.tr("The shifts leave a gap at {0}."),
                "overlap": self.tr("Two shifts overlap at {0}."),
                "bad_time": self.tr("{0}: times are HH:MM."),
                "duplicate_code": self.tr("Shift codes must be unique and not empty."),
                "zero_length": self.tr("{0}: a shift cannot end when it starts."),
                "in_use": self.tr("{0} has handovers: it cannot be removed."),
                "empty": self.tr("At least one shift is needed."),
            }
            lines = []
            for e in exc.errors:
                detail = e.field.partition(":")[2]
                lines.append(msgs.get(e.code, e.code).format(detail))
            self.status.setText(" ".join(lines))
            return
        from console.services.errors import Conflict

        if is_refusal(exc):  # not a bug: said in the dialog
            self.status.setText(describe(exc))
            if isinstance(exc, Conflict):
                self.reload()  # what the other administrator saved
            return
        self.ctx.messages.error(exc)
