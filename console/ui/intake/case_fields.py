"""The widgets of a case's own fields, built one way for the intake form and for the case
editor (console.ui.case.edit): the caller, the type and sub-type, the description,
the class, the matter category, the place, the enterprise and the urgency; each field in a
box with its inline error under it.

Each screen arranges them and wires them to its own behaviour (the intake form's lookups,
the editor's conflict check).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.casetypes import SUBTYPES_BY_TYPE, CaseType
from console.services.reference import ReferenceData
from console.ui import labels

CATEGORY_SEP = " / "


def field_box(widget: QWidget) -> tuple[QWidget, QLabel]:
    """``widget`` with its inline error (hidden until there is one) under it."""
    box = QWidget()
    v = QVBoxLayout(box)
    v.setContentsMargins(0, 0, 0, 0)
    v.setSpacing(1)
    v.setAlignment(Qt.AlignmentFlag.AlignTop)
    v.addWidget(widget)
    err = QLabel()
    err.setTextFormat(Qt.TextFormat.PlainText)
    err.setObjectName("fieldError")
    err.setWordWrap(True)
    err.hide()
    v.addWidget(err)
    return box, err


def row(first: QWidget, *rest: QWidget) -> QWidget:
    """Widgets side by side; ``first`` takes the room."""
    w = QWidget()
    lay = QHBoxLayout(w)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(first, 1)
    for r in rest:
        lay.addWidget(r)
    return w


def phone_edit() -> QLineEdit:
    phone = QLineEdit()
    phone.setPlaceholderText(
        QCoreApplication.translate("case_fields", "Mobile or landline, e.g. 0757-83381234")
    )
    return phone


def confidential_box() -> QCheckBox:
    return QCheckBox(
        QCoreApplication.translate(
            "case_fields", "Confidential caller (unit never sees who called)"
        )
    )


def anonymous_box() -> QCheckBox:
    return QCheckBox(QCoreApplication.translate("case_fields", "Anon&ymous"))


@dataclass(frozen=True)
class TypeChoice:
    """Consultation or demand, and the sub-type of that type, in one row."""

    consult: QRadioButton
    demand: QRadioButton
    group: QButtonGroup
    sub_type: QComboBox
    row: QWidget


def type_choice(parent: QObject) -> TypeChoice:
    consult = QRadioButton(QCoreApplication.translate("case_fields", "C&onsultation"))
    demand = QRadioButton(QCoreApplication.translate("case_fields", "De&mand"))
    group = QButtonGroup(parent)
    group.addButton(consult)
    group.addButton(demand)
    consult.setChecked(True)
    sub_type = QComboBox()
    w = QWidget()
    lay = QHBoxLayout(w)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(consult)
    lay.addWidget(demand)
    lay.addWidget(sub_type, 1)
    return TypeChoice(consult, demand, group, sub_type, w)


def fill_sub_types(sub_type: QComboBox, ctype: CaseType) -> None:
    """The sub-types of ``ctype``; the one chosen stays chosen if it belongs to it."""
    current = sub_type.currentData()
    sub_type.clear()
    for st in SUBTYPES_BY_TYPE[ctype]:
        sub_type.addItem(labels.sub_type_name(st), st.value)
    i = sub_type.findData(current)
    if i >= 0:
        sub_type.setCurrentIndex(i)


def description_edit() -> QPlainTextEdit:
    d = QPlainTextEdit()
    d.setTabChangesFocus(True)
    d.setMinimumHeight(90)
    return d


def fill_classes(class_box: QComboBox, ref: ReferenceData) -> None:
    class_box.clear()
    class_box.addItem(QCoreApplication.translate("case_fields", "— choose —"), "")
    for c in ref.classes:
        class_box.addItem(c.name, c.code)


def category_combo() -> QComboBox:
    """Editable (typed to search), never adding what was typed; each screen completes."""
    category = QComboBox()
    category.setEditable(True)
    category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    return category


@dataclass(frozen=True)
class PlaceChoice:
    district: QComboBox
    town: QComboBox
    row: QWidget


def place_choice() -> PlaceChoice:
    district, town = QComboBox(), QComboBox()
    w = QWidget()
    lay = QHBoxLayout(w)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(district, 1)
    lay.addWidget(town, 1)
    return PlaceChoice(district, town, w)


def fill_districts(district: QComboBox, ref: ReferenceData) -> None:
    district.clear()
    district.addItem(QCoreApplication.translate("case_fields", "— district —"), None)
    for d in ref.districts():
        district.addItem(d.name, d.id)


def fill_towns(town: QComboBox, ref: ReferenceData | None, district_id: int | None) -> None:
    """The towns of ``district_id``; the one chosen stays chosen if it is among them."""
    current = town.currentData()
    town.clear()
    town.addItem(QCoreApplication.translate("case_fields", "— town / street —"), None)
    if ref is not None and district_id is not None:
        for t in ref.towns_of(int(district_id)):
            town.addItem(t.name, t.id)
    i = town.findData(current)
    town.setCurrentIndex(max(i, 0))


def address_edit() -> QLineEdit:
    address = QLineEdit()
    address.setPlaceholderText(
        QCoreApplication.translate("case_fields", "Street, number, landmark")
    )
    return address


def credit_code_edit() -> QLineEdit:
    credit_code = QLineEdit()
    credit_code.setMaxLength(18)
    credit_code.setPlaceholderText(
        QCoreApplication.translate("case_fields", "18-character unified social credit code")
    )
    return credit_code


def urgent_box() -> QCheckBox:
    return QCheckBox(
        QCoreApplication.translate(
            "case_fields",
            "&Urgent matter (contact 1 h, on scene 2 h, feedback "
            "1 working day, result 3 working days)",
        )
    )
