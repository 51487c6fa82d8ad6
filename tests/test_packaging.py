"""An installed console works outside the checkout: the wheel carries the migrations,
the reference data, the translations and the style sheet (found with importlib.resources)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_installs_and_runs_outside_the_checkout(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [wheel] = list(wheels.glob("hotline_console-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "hotline_resources/style.qss",
        "hotline_resources/reference/matter-taxonomy.csv",
        "hotline_resources/reference/sla_policies.json",
        "hotline_resources/translations/console_zh_CN.qm",
        "console/migrations/script.py.mako",
        "console/ui/reports/__init__.py",
    ):
        assert expected in names, expected
    assert any(n.startswith("console/migrations/versions/0001_") for n in names)

    # install the wheel alone into a folder of its own (its dependencies come from this
    # environment) and run the entry point from another folder
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target)]
        + [str(wheel)],
        check=True,
        capture_output=True,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run(
        [sys.executable, "-c", "import console, hotline_resources; print(console.__file__)"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.strip().startswith(str(target)), where.stdout
    script = target / "bin" / "hotline-console"
    assert script.exists()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(script), "--database", "sqlite:///x.db", *args],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    up = run("db", "upgrade")
    assert up.returncode == 0, up.stderr
    assert "reference data" in up.stdout
    report = run("report", "daily", "--date", "2026-12-01", "--out", "d.xlsx")
    assert report.returncode == 0, report.stderr
    assert (work / "d.xlsx").stat().st_size > 0
