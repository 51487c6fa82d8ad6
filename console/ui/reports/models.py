"""Table models of the Reports screen: the rates of a dimension, the cases behind a
figure, the hotspot groups. Plain rows in, nothing fetched here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from console.domain.clock import to_local
from console.domain.hotspots import Hotspot
from console.queries.assessment import METRIC_BY_KEY, METRICS, RateRow, format_value
from console.services.assessment import CaseRow
from console.ui import labels

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def metric_title(key: str) -> str:
    titles = {
        "closure_rate": QCoreApplication.translate("reports", "Closure rate"),
        "response_rate": QCoreApplication.translate("reports", "Response rate"),
        "ontime_rate": QCoreApplication.translate("reports", "On-time closure rate"),
        "ontime_original_rate": QCoreApplication.translate(
            "reports", "On-time (original deadline)"
        ),
        "satisfaction_rate": QCoreApplication.translate("reports", "Satisfaction rate"),
        "resolution_rate": QCoreApplication.translate("reports", "Resolution rate"),
        "avg_response_hours": QCoreApplication.translate("reports", "Avg. response (h)"),
        "return_rate": QCoreApplication.translate("reports", "Return rate"),
        "improper_return_rate": QCoreApplication.translate("reports", "Improper return rate"),
        "extension_rate": QCoreApplication.translate("reports", "Extension rate"),
    }
    return titles[key]


def metric_formula(key: str) -> str:
    formulas = {
        "closure_rate": QCoreApplication.translate(
            "reports", "cases closed ÷ cases received in the period"
        ),
        "response_rate": QCoreApplication.translate(
            "reports",
            "dispatched demands acknowledged (or, urgent cases, the citizen contacted) by the "
            "response deadline ÷ dispatched demands whose response was made or is due",
        ),
        "ontime_rate": QCoreApplication.translate(
            "reports",
            "headline: dispatched demands with the final result by the deadline in force "
            "(approved extensions included) ÷ dispatched demands done or due",
        ),
        "ontime_original_rate": QCoreApplication.translate(
            "reports",
            "dispatched demands with the final result by the original deadline (before any "
            "extension) ÷ dispatched demands done or originally due",
        ),
        "satisfaction_rate": QCoreApplication.translate(
            "reports",
            "cases whose latest callback was satisfied or basically satisfied ÷ cases with "
            "a callback verdict",
        ),
        "resolution_rate": QCoreApplication.translate(
            "reports",
            "cases whose latest callback says the problem was solved ÷ cases with a "
            "callback verdict",
        ),
        "avg_response_hours": QCoreApplication.translate(
            "reports",
            "Σ hours from each dispatch to the lead unit's first acknowledgement after it ÷ "
            "dispatch rounds acknowledged",
        ),
        "return_rate": QCoreApplication.translate(
            "reports", "dispatched demands returned at least once ÷ dispatched demands"
        ),
        "extension_rate": QCoreApplication.translate(
            "reports", "dispatched demands with an approved extension ÷ dispatched demands"
        ),
        "improper_return_rate": QCoreApplication.translate(
            "reports", "dispatched demands with a return the centre refused ÷ dispatched demands"
        ),
    }
    return formulas[key]


class RatesModel(QAbstractTableModel):
    """One row per group (unit, district, …): cases received, then every metric."""

    METRIC_COLUMNS = tuple(m.key for m in METRICS)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[RateRow] = []
        self.first_title = ""

    def set_rows(self, rows: Sequence[RateRow], first_title: str) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.first_title = first_title
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2 + len(self.METRIC_COLUMNS)

    def metric_at(self, column: int) -> str | None:
        if column >= 2:
            return self.METRIC_COLUMNS[column - 2]
        return "closure_rate" if column == 1 else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.first_title
            if section == 1:
                return self.tr("Cases")
            return metric_title(self.METRIC_COLUMNS[section - 2])
        if role == Qt.ItemDataRole.ToolTipRole and section >= 2:
            return metric_formula(self.METRIC_COLUMNS[section - 2])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return r.label if r.key is not None else self.tr("(none)")
            if col == 1:
                return f"{r.figures['closure_rate'].denominator:,}"
            key = self.METRIC_COLUMNS[col - 2]
            return format_value(key, r.value(key))
        if role == Qt.ItemDataRole.ToolTipRole and col >= 2:
            key = self.METRIC_COLUMNS[col - 2]
            f = r.figures[key]
            if METRIC_BY_KEY[key].kind == "average_hours":
                return self.tr("{0:.1f} h over {1} cases; double-click for the cases").format(
                    f.numerator, f.denominator
                )
            return self.tr("{0} of {1}; double-click for the cases counted").format(
                int(f.numerator), f.denominator
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == KEY_ROLE:
            return r.key
        return None


class CasesModel(QAbstractTableModel):
    def __init__(self, rows: Sequence[CaseRow], parent: Any = None) -> None:
        super().__init__(parent)
        self.rows = list(rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Case number"), self.tr("Title"), self.tr("Status"), self.tr("Type"),
            self.tr("Handling unit"), self.tr("District"), self.tr("Received"),
        )[section]  # fmt: skip

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                r.number, r.title, labels.status_name(r.status), labels.case_type_name(r.case_type),
                r.unit, r.district, to_local(r.received_at).strftime("%Y-%m-%d %H:%M"),
            )[index.column()]  # fmt: skip
        if role == KEY_ROLE:
            return r.id
        return None


class HotspotsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.groups: list[Hotspot] = []

    def set_groups(self, groups: Sequence[Hotspot]) -> None:
        self.beginResetModel()
        self.groups = list(groups)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.groups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Place"), self.tr("Issue"), self.tr("Cases"), self.tr("Previous"),
            self.tr("Change"), self.tr("Keywords"), self.tr("Kind"), self.tr("Review"),
        )[section]  # fmt: skip

    def kinds(self, g: Hotspot) -> str:
        out = [self.tr("common")]
        if g.strongly_felt:
            out.append(self.tr("strongly felt"))
        if g.repeated:
            out.append(self.tr("repeated"))
        return "、".join(out)

    def review_text(self, g: Hotspot) -> str:
        if g.review == "confirmed":
            return self.tr("Confirmed by {0}").format(g.reviewed_by)
        if g.review == "dismissed":
            return self.tr("Dismissed by {0}").format(g.reviewed_by)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.groups):
            return None
        g = self.groups[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                g.place_label, g.subject, g.count, g.previous,
                f"{g.trend:+d}" if g.trend else "0", "、".join(g.words), self.kinds(g),
                self.review_text(g),
            )[col]  # fmt: skip
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (2, 3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == KEY_ROLE:
            return g.key
        return None
