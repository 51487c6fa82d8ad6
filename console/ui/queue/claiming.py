"""The queue screen's claiming and assigning."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QInputDialog, QTableView, QWidget

from console.services.claims import (
    AlreadyClaimed,
    AssignResult,
    AutoAssignResult,
    CaseNotOpen,
    Claimed,
)
from console.services.queue import QueueFilter
from console.ui.context import UiContext
from console.ui.queue.columns import COL_TIME_LEFT
from console.ui.queue.model import CASE_ID_ROLE, QueueModel


class QueueClaims(QWidget):
    """Claiming the next or the selected case, assigning, sharing out. Part of
    QueueScreen, which creates what is declared here."""

    ctx: UiContext
    table: QTableView
    model: QueueModel
    filter: QueueFilter

    def refresh(self) -> None:
        raise NotImplementedError

    def selected_case_id(self) -> int | None:
        idx = self.table.currentIndex()
        if not idx.isValid():
            return None
        value = self.model.index(idx.row(), COL_TIME_LEFT).data(CASE_ID_ROLE)
        return int(value) if value is not None else None

    def selected_case_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [self.model.index(r, COL_TIME_LEFT).data(CASE_ID_ROLE) for r in rows]
        return [int(i) for i in ids if i is not None]

    def _claim_failed(self, exc: BaseException) -> None:
        if isinstance(exc, AlreadyClaimed):
            self.ctx.messages.warning(
                self.tr("Case {0} was taken by {1} a moment ago.").format(exc.number, exc.holder)
            )
            self.refresh()
        elif isinstance(exc, CaseNotOpen):
            self.ctx.messages.warning(self.tr("Case {0} is no longer open.").format(exc.number))
            self.refresh()
        else:  # a refusal (not a supervisor, say) is a warning, in the user's language
            self.ctx.messages.error(exc)

    def _claimed(self, c: Claimed | None) -> None:
        if c is None:
            self.ctx.messages.info(self.tr("Nothing to claim: the team queue is empty."))
            return
        if c.already_mine:
            self.ctx.messages.info(self.tr("Case {0} is already yours.").format(c.number))
        else:
            self.ctx.messages.info(self.tr("Case {0} is now yours.").format(c.number))
        self.refresh()

    def claim_next(self) -> None:
        who = self.ctx.identity
        self.ctx.runner.run(
            lambda: self.ctx.app.claims.claim_next(who, who.team),
            self._claimed,
            self._claim_failed,
            owner=self,
        )

    def claim_selected(self) -> None:
        case_id = self.selected_case_id()
        if case_id is None:
            return
        who = self.ctx.identity
        self.ctx.runner.run(
            lambda: self.ctx.app.claims.claim(case_id, who),
            self._claimed,
            self._claim_failed,
            owner=self,
        )

    def assign_selected(self, agent_id: int | None = None) -> None:
        ids = self.selected_case_ids()
        if not ids:
            return
        wanted = set(ids)
        # the holders this supervisor saw: a case that changed hands since is not taken
        seen = {r.id: r.assignee_id for r in self.model.rows if r.id in wanted}
        if agent_id is None:
            self.ctx.runner.run(
                self.ctx.app.agents.active,
                lambda agents: self._choose_agent(ids, seen, agents),
                self.ctx.messages.error,
                owner=self,
            )
            return
        self._assign(ids, seen, agent_id)

    def _choose_agent(self, ids: list[int], seen: dict[int, int | None], agents: Any) -> None:
        names = [f"{a.display_name} ({a.username})" for a in agents]
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Assign"),
            self.tr("Assign {0} case(s) to:").format(len(ids)),
            names,
            0,
            False,
        )
        if ok and name in names:
            self._assign(ids, seen, agents[names.index(name)].id)

    def _assign(self, ids: list[int], seen: dict[int, int | None], agent_id: int) -> None:
        who = self.ctx.identity

        def done(res: AssignResult) -> None:
            msg = self.tr("{0} case(s) assigned.").format(len(res.assigned))
            if res.conflicts:
                msg += " " + self.tr("{0} changed meanwhile and were left alone: {1}").format(
                    len(res.conflicts), "、".join(c.number for c in res.conflicts)
                )
                self.ctx.messages.warning(msg)
            else:
                self.ctx.messages.info(msg)
            self.refresh()

        self.ctx.runner.run(
            lambda: self.ctx.app.claims.assign(ids, agent_id, who, expected=seen),
            done,
            self._claim_failed,
            owner=self,
        )

    def auto_assign(self) -> None:
        who = self.ctx.identity
        team = self.filter.class_codes[0] if len(self.filter.class_codes) == 1 else None

        def done(res: AutoAssignResult) -> None:
            self.ctx.messages.info(
                self.tr("{0} case(s) shared among {1} agent(s).").format(
                    res.total, len(res.by_agent)
                )
            )
            self.refresh()

        self.ctx.runner.run(
            lambda: self.ctx.app.claims.auto_assign(who, team=team),
            done,
            self._claim_failed,
            owner=self,
        )
