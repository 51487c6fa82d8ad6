"""Native crashes (a fatal signal, where no Python handler runs) leave the Python stacks in
the log directory, through faulthandler."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

CHILD = textwrap.dedent(
    """
    import faulthandler
    from console.infra.logs import enable_crash_log

    path = enable_crash_log()
    assert enable_crash_log() == path  # idempotent: one file, one header
    assert faulthandler.is_enabled()
    print(path, flush=True)

    def deep_inside_a_widget():
        faulthandler._sigsegv()

    deep_inside_a_widget()
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGSEGV in a child process")
def test_a_segfault_writes_the_stacks_to_the_log_directory(tmp_path: Path) -> None:
    env = {"HOTLINE_CONSOLE_HOME": str(tmp_path), "PYTHONPATH": str(Path.cwd())}
    done = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0  # it really died
    crash_log = tmp_path / "logs" / "native-crash.log"
    assert done.stdout.strip() == str(crash_log)
    text = crash_log.read_text(encoding="utf-8")
    assert text.count("--- console started") == 1
    assert "Fatal Python error: Segmentation fault" in text
    assert "deep_inside_a_widget" in text  # the Python stack of the crashing thread
