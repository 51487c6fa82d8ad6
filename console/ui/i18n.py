"""Translations: the console's own .qm plus Qt's, so standard dialogs speak Chinese."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from console.infra import resources

log = logging.getLogger("console.ui")

TRANSLATIONS_DIR = resources.translations_dir()
APP_CATALOG = "console"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load translators for ``language`` ("zh_CN" or "en"); returns them (keep them alive)."""
    installed: list[QTranslator] = []
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return installed
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, directory in (
        ("qtbase", qt_dir),
        ("qt", qt_dir),
        (APP_CATALOG, str(TRANSLATIONS_DIR)),
    ):
        t = QTranslator(app)
        if t.load(f"{name}_{language}", directory):
            app.installTranslator(t)
            installed.append(t)
        else:
            log.info("no %s translation for %s in %s", name, language, directory)
    return installed
