"""Find the files shipped with the app (default templates, icons): one locator for every way it runs.

``templates/`` and ``resources/`` sit at the top of the checkout and are installed as the packages
``nianbao_templates`` and ``nianbao_resources`` (``package-dir`` in pyproject.toml). ``importlib.resources``
finds them in an editable install, a wheel and the PyInstaller bundle alike.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .errors import ReportError
from .messages import install as msg

TEMPLATES = "nianbao_templates"
RESOURCES = "nianbao_resources"


def _file(package: str, name: str) -> Path:
    try:
        path = resources.files(package).joinpath(name)  # frozen, files() is a MultiplexedPath; its children are paths
    except ModuleNotFoundError:
        raise ReportError(msg.package_missing(package)) from None
    if not isinstance(path, Path):  # a zip import; every supported install is a real folder
        raise ReportError(msg.not_a_folder(package, name, path))
    return path


def template_path(name: str) -> Path:
    """Return ``templates/<name>`` (a default DOCX template, or the placeholders' README.md)."""
    return _file(TEMPLATES, name)


def resource_path(name: str) -> Path:
    """Return ``resources/<name>`` (icons)."""
    return _file(RESOURCES, name)
