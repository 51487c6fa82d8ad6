"""The Chinese catalogue is complete, well-formed and loads into Qt."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"


def test_every_message_has_a_well_formed_translation() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "translations.py"), "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_compiled_catalogue_translates_countdowns(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load("console_zh_CN", str(TRANSLATIONS))
    assert translator.translate("labels", "{0} left") == "剩余 {0}"
    assert qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("labels", "overdue {0}") == "超时 {0}"
        assert QCoreApplication.translate("labels", "{h}h {m}m") == "{h}小时{m}分"
    finally:
        qapp.removeTranslator(translator)


def test_catalogue_holds_every_message_of_the_sources(tmp_path: Path) -> None:
    """A string added to the UI without `make translations` fails here."""
    ts = tmp_path / "fresh.ts"
    bin_dir = Path(sys.executable).parent
    lupdate = next(
        p for p in (bin_dir / "pyside6-lupdate", bin_dir / "pyside6-lupdate.exe") if p.exists()
    )
    sources = sorted(str(p) for p in (ROOT / "console" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(ts)], check=True, capture_output=True)

    def keys(path: Path) -> set[tuple[str, str]]:
        root = ET.parse(path).getroot()
        return {
            (c.findtext("name", default=""), m.findtext("source", default=""))
            for c in root.iter("context")
            for m in c.iter("message")
        }

    missing = keys(ts) - keys(TRANSLATIONS / "console_zh_CN.ts")
    assert not missing, f"run `make translations`: {sorted(missing)}"


def test_every_refusal_is_raised_with_a_translatable_literal_message() -> None:
    """``Refused(message, ...)``: the message is the catalogue's key (context "refusal"), so
    it must be a literal, with ``{name}`` fields for what varies, never an f-string."""
    import ast

    sys.path.insert(0, str(ROOT / "tools"))
    import translations as tool

    bad: list[str] = []
    calls = 0
    for path in sorted((ROOT / "console").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", "")
            if name not in tool.REFUSAL_CLASSES or not node.args:
                continue
            calls += 1
            first = node.args[0]
            forwarded = isinstance(first, ast.Attribute) and first.attr == "message"
            if forwarded:  # passing on another refusal's message
                continue
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert calls >= 30  # the services' and the lifecycle's refusals are all found
    assert not bad, f"Refused() without a literal message: {bad}"
    ts = ET.parse(TRANSLATIONS / "console_zh_CN.ts").getroot()
    refusals = {
        m.findtext("source", default="")
        for c in ts.iter("context")
        if c.findtext("name") == "refusal"
        for m in c.iter("message")
    }
    assert set(tool.refusal_messages()) <= refusals
