"""File dialogs: Qt's own (not the platform's), so that they speak the interface's
language through Qt's translator (qtbase_zh_CN), the same on every workstation. The
qtbase_zh_CN shipped with Qt 6 lacks the dialog's "&Look in:" and "Files of &type:" (its
entries are for the older texts without '&'), so the dialog's labels are set here."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def file_dialog(
    parent: QWidget | None, title: str, path: str, filters: str, *, save: bool
) -> QFileDialog:
    dlg = QFileDialog(parent, title, path, filters)
    dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    if save:
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dlg.setFileMode(QFileDialog.FileMode.ExistingFile)
    label = QFileDialog.DialogLabel
    dlg.setLabelText(label.LookIn, QCoreApplication.translate("FileDialog", "Look in:"))
    dlg.setLabelText(label.FileName, QCoreApplication.translate("FileDialog", "File &name:"))
    dlg.setLabelText(label.FileType, QCoreApplication.translate("FileDialog", "Files of type:"))
    dlg.setLabelText(
        label.Accept,
        QCoreApplication.translate("FileDialog", "&Save")
        if save
        else QCoreApplication.translate("FileDialog", "&Open"),
    )
    dlg.setLabelText(label.Reject, QCoreApplication.translate("FileDialog", "Cancel"))
    return dlg


def _ask(parent: QWidget | None, title: str, path: str, filters: str, save: bool) -> str:
    dlg = file_dialog(parent, title, path, filters, save=save)
    if dlg.exec() != QFileDialog.DialogCode.Accepted:
        return ""
    chosen = dlg.selectedFiles()
    return chosen[0] if chosen else ""


def ask_open(parent: QWidget | None, title: str, path: str = "", filters: str = "") -> str:
    """The file chosen to read, or "" when cancelled."""
    return _ask(parent, title, path, filters, save=False)


def ask_save(parent: QWidget | None, title: str, path: str = "", filters: str = "") -> str:
    """The file chosen to write, or "" when cancelled."""
    return _ask(parent, title, path, filters, save=True)
