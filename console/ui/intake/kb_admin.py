"""Knowledge-base maintenance for supervisors and administrators: list, edit, add,
withdraw articles (question, answer, keywords, source department, valid until)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.clock import local_date, now_utc
from console.services.errors import ValidationFailed
from console.services.knowledge import Article, ArticleInput
from console.ui.context import UiContext
from console.ui.errors import describe, is_bug
from console.ui.intake import texts

AnyIndex = QModelIndex | QPersistentModelIndex


class ArticleModel(QAbstractTableModel):
    COLUMNS = ("question", "department", "valid_until", "active")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Article] = []
        self.today = local_date(now_utc())

    def set_rows(self, rows: list[Article]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        a = self.rows[index.row()]
        col = self.COLUMNS[index.column()]
        if col == "question":
            return a.question
        if col == "department":
            return a.department
        if col == "valid_until":
            if a.valid_until is None:
                return "—"
            mark = " " + self.tr("(expired)") if a.expired(self.today) else ""
            return a.valid_until.isoformat() + mark
        return self.tr("yes") if a.active else self.tr("withdrawn")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (
            self.tr("Question"),
            self.tr("Department"),
            self.tr("Valid until"),
            self.tr("Active"),
        )
        return titles[section] if 0 <= section < len(titles) else None


class KnowledgeAdminDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Knowledge base"))
        self.resize(1000, 600)
        self.current_id: int | None = None
        self.current_version: int | None = None  # as loaded: a stale save is refused
        self.model = ArticleModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 360)

        self.question = QLineEdit()
        self.answer = QPlainTextEdit()
        self.keywords = QLineEdit()
        self.keywords.setPlaceholderText(self.tr("Comma-separated words callers use"))
        self.department = QLineEdit()
        self.has_end = QCheckBox(self.tr("Valid until"))
        self.valid_until = QDateEdit()
        self.valid_until.setCalendarPopup(True)
        self.valid_until.setDisplayFormat("yyyy-MM-dd")
        self.valid_until.setEnabled(False)
        self.has_end.toggled.connect(self.valid_until.setEnabled)
        self.active = QCheckBox(self.tr("Offered to agents"))
        self.active.setChecked(True)
        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)  # may quote a question
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        editor = QWidget()
        form = QFormLayout(editor)
        form.addRow(self.tr("&Question"), self.question)
        form.addRow(self.tr("&Answer"), self.answer)
        form.addRow(self.tr("&Keywords"), self.keywords)
        form.addRow(self.tr("&Department"), self.department)
        end_row = QHBoxLayout()
        end_row.addWidget(self.has_end)
        end_row.addWidget(self.valid_until, 1)
        form.addRow(end_row)
        form.addRow(self.active)
        form.addRow(self.error_label)
        self.new_button = QPushButton(self.tr("&New article"))
        self.save_button = QPushButton(self.tr("&Save article"))
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        top = QHBoxLayout()
        top.addWidget(self.table, 3)
        top.addWidget(editor, 2)
        lay = QVBoxLayout(self)
        lay.addLayout(top, 1)
        lay.addLayout(buttons)

        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._pick(cur))
        self.new_button.clicked.connect(self.new_article)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        self.ctx.runner.run(
            self.ctx.app.knowledge.all, lambda rows: self._loaded(rows, select_id), owner=self
        )

    def _loaded(self, rows: list[Article], select_id: int | None) -> None:
        self.model.set_rows(rows)
        if select_id is not None:
            for i, a in enumerate(rows):
                if a.id == select_id:
                    self.table.selectRow(i)
                    break

    def _pick(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        a = self.model.rows[index.row()]
        self.current_id = a.id
        self.current_version = a.version
        self.question.setText(a.question)
        self.answer.setPlainText(a.answer)
        self.keywords.setText(a.keywords)
        self.department.setText(a.department)
        self.has_end.setChecked(a.valid_until is not None)
        if a.valid_until is not None:
            self.valid_until.setDate(
                QDate(a.valid_until.year, a.valid_until.month, a.valid_until.day)
            )
        self.active.setChecked(a.active)
        self.error_label.clear()

    def new_article(self) -> None:
        self.table.clearSelection()
        self.current_id = None
        self.current_version = None
        for w in (self.question, self.keywords, self.department):
            w.clear()
        self.answer.clear()
        self.has_end.setChecked(False)
        self.active.setChecked(True)
        self.error_label.clear()
        self.question.setFocus()

    def input(self) -> ArticleInput:
        d = self.valid_until.date()
        return ArticleInput(
            question=self.question.text(),
            answer=self.answer.toPlainText(),
            keywords=self.keywords.text(),
            department=self.department.text(),
            valid_until=date(d.year(), d.month(), d.day()) if self.has_end.isChecked() else None,
            active=self.active.isChecked(),
        )

    def save(self) -> None:
        data, who, article_id = self.input(), self.ctx.identity, self.current_id
        seen = self.current_version
        self.ctx.runner.run(
            lambda: self.ctx.app.knowledge.save(data, who, article_id, seen),
            self._saved,
            self._failed,
            owner=self,
        )

    def _saved(self, a: Article) -> None:
        self.current_id = a.id
        self.current_version = a.version
        self.error_label.setText(self.tr("Saved."))
        self.reload(a.id)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed):
            names = {
                "question": self.tr("Question"),
                "answer": self.tr("Answer"),
                "keywords": self.tr("Keywords"),
                "department": self.tr("Department"),
            }
            self.error_label.setText(
                " ".join(
                    f"{names.get(e.field, e.field)}: {texts.field_error(e)}" for e in exc.errors
                )
            )
            return
        self.error_label.setText(describe(exc))
        if is_bug(exc):
            self.ctx.messages.error(exc)  # the crash dialog, not just a line of text
