"""The start-up shortcut of console.ui.qtimport answers PySide6's "does this module use
Qt?" by name; the answers must be the ones PySide6's own check would give."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.ui.qtimport import uses_qt_by_name

ROOT = Path(__file__).resolve().parents[1] / "console"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("sqlalchemy.orm", False),
        ("json.decoder", False),
        ("panoramisk", False),
        ("console.models.case", False),
        ("console.services.intake", False),
        ("console.ui", True),
        ("console.ui.intake.form", True),
        ("console.uix", False),  # a sibling whose name only starts the same way
        ("some_third_party", None),
    ],
)
def test_answers_by_name(name: str, expected: bool | None) -> None:
    assert uses_qt_by_name(name) is expected


def test_no_console_module_switches_a_pyside_feature_on() -> None:
    """The console's Qt modules are registered with PySide6's default feature set without
    reading their source: right only while none of them selects a feature."""
    selecting = [
        str(p.relative_to(ROOT))
        for p in ROOT.rglob("*.py")
        if "__feature__" in p.read_text(encoding="utf-8") and p.name != "qtimport.py"
    ]
    assert selecting == []


def test_non_qt_packages_do_not_import_pyside() -> None:
    """Outside console.ui nothing mentions PySide6 (the import contract says the same)."""
    mentions = [
        str(p.relative_to(ROOT))
        for p in ROOT.rglob("*.py")
        if "PySide6" in p.read_text(encoding="utf-8") and "ui" not in p.relative_to(ROOT).parts[:1]
    ]
    assert mentions == []
