"""The command line: one module per command group."""

from console.cli.entry import main

__all__ = ["main"]
