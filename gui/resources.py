"""Find bundled files (icons, templates) the same way from source and frozen (PyInstaller)."""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """Return the folder holding ``resources/`` and ``templates/``."""
    frozen = getattr(sys, "_MEIPASS", None)  # PyInstaller unpacks data files here
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[1]


def resource_path(name: str) -> Path:
    """Return the path of ``resources/<name>``."""
    return app_root() / "resources" / name


def template_path(name: str = "") -> Path:
    """Return the path of ``templates/<name>`` (the folder itself when ``name`` is empty)."""
    return app_root() / "templates" / name if name else app_root() / "templates"
