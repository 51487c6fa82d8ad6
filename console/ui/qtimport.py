"""A start-up tax of PySide6, lifted for modules that cannot use it.

Once PySide6 is imported it hooks every later import and reads the *source* of each
new module (``inspect.getsource``) to find out whether it mentions PySide6, for its
optional ``from __feature__ import …`` switches (napari#8584 measured the same). For
the few hundred modules of SQLAlchemy, the standard library and this console's non-Qt
packages that is a few tens of milliseconds of a start for nothing: they are answered
"no" by name, and the console's own Qt modules "yes" (none of them switches a feature
on; tests/test_qtimport.py checks). Any other module keeps PySide6's own check. If a
PySide6 release no longer has the hook, nothing is changed.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import ModuleType

log = logging.getLogger("console.ui")

#: top-level packages known not to use PySide6 (besides the standard library)
NOT_QT = frozenset(
    {
        "alembic",
        "anyio",
        "chinese_calendar",
        "greenlet",
        "jieba",
        "keyring",
        "mako",
        "numpy",
        "openpyxl",
        "panoramisk",
        "pkg_resources",
        "platformdirs",
        "psycopg",
        "psycopg_binary",
        "pypinyin",
        "scipy",
        "sklearn",
        "sqlalchemy",
        "typing_extensions",
    }
)


def uses_qt_by_name(name: str) -> bool | None:
    """False when a module of this name cannot use PySide6, True for the console's own
    Qt modules; None: unknown (PySide6 reads its source)."""
    top = name.partition(".")[0]
    if top in NOT_QT or top in sys.stdlib_module_names:
        return False
    if top == "console":  # the layer rule: only console.ui imports Qt, and it never
        # switches PySide6's optional features on: "uses Qt" gives it the default set
        return name == "console.ui" or name.startswith("console.ui.")
    return None


def install() -> bool:
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original) or getattr(original, "_console", False):
        return False
    check: Callable[[ModuleType], bool] = original

    def mod_uses_pyside(module: ModuleType) -> bool:
        known = uses_qt_by_name(getattr(module, "__name__", "") or "")
        return check(module) if known is None else known

    mod_uses_pyside._console = True  # type: ignore[attr-defined]
    setattr(feature, "_mod_uses_pyside", mod_uses_pyside)  # noqa: B010 - a private hook
    return True
