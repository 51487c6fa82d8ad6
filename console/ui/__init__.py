"""Qt widgets and models only. The one package that imports PySide6."""
