"""The console's package data: reference data, translations and the style sheet.

Installed as the top-level package ``hotline_resources`` (see setup.py), found with
``importlib.resources`` through ``console.infra.resources``; this folder holds no code.
"""
