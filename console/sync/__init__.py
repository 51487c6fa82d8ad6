"""Keeping every workstation's screens current: the change feed (LISTEN/NOTIFY on
PostgreSQL, polling a change sequence on SQLite). No Qt here."""

from console.sync.feed import RESYNC, Change, ChangeCursor, ChangeFeed, prune

__all__ = ["RESYNC", "Change", "ChangeCursor", "ChangeFeed", "prune"]
