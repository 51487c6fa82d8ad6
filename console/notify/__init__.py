"""Telling the citizen: SMS through a pluggable gateway."""
