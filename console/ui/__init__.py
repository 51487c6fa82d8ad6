"""Qt widgets and models only. The one package that imports PySide6."""

import PySide6.QtCore  # noqa: F401 - PySide6's import hook first, then lifted

from console.ui import qtimport

qtimport.install()
