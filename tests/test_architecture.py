"""Only console.ui imports Qt: the domain, models, services and CLI load without it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_domain_and_services_do_not_import_qt() -> None:
    code = (
        "import sys\n"
        "import console.models, console.app, console.cli.entry\n"
        "import console.domain.sla, console.domain.workcalendar\n"
        "import console.services.cases, console.services.queue, console.services.handover\n"
        "import console.seed.reference, console.domain.validation\n"
        "import console.domain.numbering, console.domain.shifts\n"
        "import console.domain.wording, console.domain.errors, console.infra.catalogue\n"
        "import console.infra.failures, console.services.report_export\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "", f"Qt loaded by the domain: {out.stdout}"


def test_only_ui_package_imports_pyside() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "console").rglob("*.py")
        if "ui" not in p.relative_to(ROOT / "console").parts[:1]
        and (
            "PySide6" in p.read_text(encoding="utf-8")
            or "shiboken6" in p.read_text(encoding="utf-8")
        )
    ]
    assert offenders == []


def test_cli_help_explains_commands() -> None:
    out = subprocess.run(
        [sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    for word in ("db", "seed", "--database", "--demo", "postgresql://"):
        assert word in out.stdout


def test_no_module_is_over_600_lines() -> None:
    """Split a module by what it holds before it grows past this (the structure issue)."""
    root = Path(__file__).resolve().parents[1] / "console"
    long = {
        str(p.relative_to(root)): n
        for p in root.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600
    }
    assert long == {}
