"""Fixtures of the security tests: see tests/helpers/roles.py."""

from tests.helpers.roles import world

__all__ = ["world"]
