"""Packaging beyond what pyproject.toml can say: ``resources/`` (a required top-level folder
of the checkout) is installed as the package ``hotline_resources``, so an installed console
finds its reference data, translations and style with ``importlib.resources``."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["console", "console.*"]), "hotline_resources"],
    package_dir={"hotline_resources": "resources"},
    package_data={
        "console": ["migrations/*.mako", "migrations/versions/*.py"],
        "hotline_resources": [
            "*.qss",
            "reference/*.csv",
            "reference/*.json",
            "reference/*.md",
            "translations/*.qm",
            "translations/*.ts",
            "translations/*.json",
        ],
    },
)
