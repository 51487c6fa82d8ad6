"""The prefix of the database's group roles (``hotline_agent``, ``hotline_unit``, …): one
setting of a deployment, read by the command line's parser without loading SQLAlchemy."""

from __future__ import annotations

import os

DEFAULT_PREFIX = "hotline_"
PREFIX_ENV = "HOTLINE_DB_ROLE_PREFIX"


def configured_prefix() -> str:
    """The group role prefix: $HOTLINE_DB_ROLE_PREFIX or hotline_."""
    return os.environ.get(PREFIX_ENV, DEFAULT_PREFIX)
