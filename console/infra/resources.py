"""Where the console's package data lives: reference data, translations, the style sheet.

Found with ``importlib.resources`` in the package ``hotline_resources`` (the checkout's
``resources/`` folder, installed under that name by setup.py), so a console installed from a
wheel works outside the checkout. pip installs packages as plain files, so the paths returned
here are real directories that Qt's loaders can read. A checkout that was not installed
(``python main.py`` straight from a clone) reads its own ``resources/`` folder.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

PACKAGE = "hotline_resources"


def _root() -> Path:
    try:
        return Path(str(files(PACKAGE)))
    except ModuleNotFoundError:
        checkout = Path(__file__).resolve().parents[2] / "resources"
        if checkout.is_dir():
            return checkout
        raise


def resource_dir(*parts: str) -> Path:
    """The directory (or file) ``parts`` inside the package data."""
    return _root().joinpath(*parts)


def reference_dir() -> Path:
    return resource_dir("reference")


def translations_dir() -> Path:
    return resource_dir("translations")


def style_sheet() -> Path:
    return resource_dir("style.qss")
