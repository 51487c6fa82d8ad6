"""Packaging beyond what pyproject.toml can say: ``resources/`` (a required top-level folder
of the checkout) is installed as the package ``hotline_resources``, so an installed console
finds its reference data, translations and style with ``importlib.resources``."""

from setuptools import find_namespace_packages, setup

DATA_PACKAGES = ["hotline_resources.reference", "hotline_resources.translations"]

setup(
    packages=[
        *find_namespace_packages(include=["console", "console.*"], exclude=["*.__pycache__"]),
        "hotline_resources",
        *DATA_PACKAGES,
    ],
    package_dir={"hotline_resources": "resources"},
    package_data={
        "console.migrations": ["*.mako"],
        "hotline_resources": ["*.qss"],
        "hotline_resources.reference": ["*.csv", "*.json", "*.md"],
        "hotline_resources.translations": ["*.qm", "*.ts", "*.json"],
    },
)
