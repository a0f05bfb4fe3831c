"""User preferences and window state; the only module that touches QSettings."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_VERSION = 1
MAX_RECENT = 8

# Preferences (key -> default) apart from UI state such as geometry (kept under "state/").
DEFAULTS = {
    "editing/enter_direction": "down",  # "down" | "right" (回车方向)
}


def _store() -> QSettings:
    # Tests and portable setups point the settings at a folder of their own.
    folder = os.environ.get("NIANBAO_SETTINGS_DIR")
    if folder:
        return QSettings(str(Path(folder) / "nianbao.ini"), QSettings.Format.IniFormat)
    return QSettings("nianbao", "nianbao")


def migrate(store: QSettings | None = None) -> None:
    """Bring stored settings up to :data:`SETTINGS_VERSION`."""
    store = store or _store()
    if int(store.value("version", 0) or 0) < SETTINGS_VERSION:
        store.setValue("version", SETTINGS_VERSION)


_cache: dict[str, str] = {}  # read on every Enter in the grid: opening QSettings each time is not free


def enter_direction() -> str:
    key = str(_store_key())
    value = _cache.get(key)
    if value is None:
        value = _store().value("editing/enter_direction", DEFAULTS["editing/enter_direction"])
        value = _cache[key] = value if value in ("down", "right") else "down"
    return value


def set_enter_direction(value: str) -> None:
    _store().setValue("editing/enter_direction", value)
    _cache[str(_store_key())] = value


def _store_key() -> str | None:
    return os.environ.get("NIANBAO_SETTINGS_DIR")


def rule_pack() -> str:
    """Return the rule pack checks use: a built-in pack's id or a .toml file ("" = national)."""
    value = _store().value("checking/rule_pack", "")
    return value if isinstance(value, str) else ""


def set_rule_pack(value: str) -> None:
    _store().setValue("checking/rule_pack", value or "")


def current_pack():
    """Return the chosen rule pack, or the national one when the choice is gone or broken (with why)."""
    from core.errors import ReportError
    from core.rules.packs import NATIONAL, load_pack

    try:
        return load_pack(rule_pack() or None), ""
    except ReportError as exc:
        return NATIONAL, str(exc)


def recent_files() -> list[str]:
    value = _store().value("state/recent_files", [])
    if isinstance(value, str):  # QSettings returns a lone string for a one-item list
        value = [value]
    return [str(v) for v in (value or []) if v]


def add_recent_file(path: str | os.PathLike) -> list[str]:
    path = str(Path(path).resolve())
    files = [path] + [f for f in recent_files() if f != path]
    files = files[:MAX_RECENT]
    _store().setValue("state/recent_files", files)
    return files


def remove_recent_file(path: str | os.PathLike) -> None:
    _store().setValue("state/recent_files", [f for f in recent_files() if f != str(path)])


def clear_recent_files() -> None:
    _store().setValue("state/recent_files", [])


def documents_folder() -> str:
    """Return the user's Documents folder (the home folder when there is none)."""
    from PySide6.QtCore import QStandardPaths

    path = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return path if path and Path(path).is_dir() else str(Path.home())


def last_folder() -> str:
    """Return the folder the user last opened or saved in, else Documents (never the program folder)."""
    value = _store().value("state/last_folder", "")
    return str(value) if value and Path(str(value)).is_dir() else documents_folder()


def remember_folder(path: str | os.PathLike) -> None:
    """Remember the folder of ``path`` (a file or a folder) for the next file dialog."""
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    if str(folder) and folder.is_dir():
        _store().setValue("state/last_folder", str(folder.resolve()))


def window_state() -> tuple[QByteArray | None, QByteArray | None]:
    store = _store()
    return store.value("state/geometry"), store.value("state/window_state")


def save_window_state(geometry: QByteArray, state: QByteArray) -> None:
    store = _store()
    store.setValue("state/geometry", geometry)
    store.setValue("state/window_state", state)
