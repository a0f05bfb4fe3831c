"""Recovery copies: unsaved work written every minute to the user data folder, never over the user's file."""

from __future__ import annotations

import datetime as _dt
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

from core.io import project_file
from core.io.atomic import write_atomic
from core.model import Report

from . import strings


def recovery_dir() -> Path:
    """Return the folder for recovery copies (``NIANBAO_DATA_DIR`` overrides it, for tests)."""
    base = os.environ.get("NIANBAO_DATA_DIR")
    if not base:
        import platformdirs

        base = platformdirs.user_data_dir("nianbao", appauthor=False)
    return Path(base) / "recovery"


@dataclass
class RecoveryEntry:
    """A recovery copy left behind by a session that did not end normally."""

    key: str
    folder: Path
    original: str | None  # the user's own file, if it had one
    name: str
    saved_at: str

    @property
    def report_path(self) -> Path:
        return self.folder / f"{self.key}.nianbao"

    def load(self) -> Report:
        return project_file.load(self.report_path)

    def when(self) -> str:
        try:
            t = _dt.datetime.fromisoformat(self.saved_at)
        except ValueError:
            return self.saved_at
        return strings.when(t.year, t.month, t.day, t.hour, t.minute)

    def remove(self) -> None:
        for suffix in (".nianbao", ".json", ".lock"):
            try:
                (self.folder / f"{self.key}{suffix}").unlink()
            except OSError:
                pass


class RecoveryStore:
    """The recovery copy of this session; a lock file tells other sessions it is still alive."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder or recovery_dir()
        self.key = f"{_dt.datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self._lock: QLockFile | None = None

    def _ensure_lock(self) -> None:
        if self._lock is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._lock = QLockFile(str(self.folder / f"{self.key}.lock"))
            self._lock.setStaleLockTime(0)  # only a dead process makes the lock stale
            self._lock.tryLock(0)

    def write(self, report: Report, original: Path | None, name: str) -> Path:
        """Write the recovery copy of ``report`` (atomically) and return its path."""
        self._ensure_lock()
        text = project_file.dumps(report)
        path = self.folder / f"{self.key}.nianbao"
        write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"), backup=False)
        info = {"original": str(original) if original else None, "name": name,
                "saved_at": _dt.datetime.now().isoformat(timespec="seconds")}
        side = json.dumps(info, ensure_ascii=False)
        write_atomic(self.folder / f"{self.key}.json", lambda tmp: tmp.write_text(side, encoding="utf-8"),
                     backup=False)
        return path

    def discard(self) -> None:
        """Delete this session's recovery copy (the work was saved or deliberately dropped)."""
        for suffix in (".nianbao", ".json"):
            try:
                (self.folder / f"{self.key}{suffix}").unlink()
            except OSError:
                pass
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def abandon(self) -> None:
        """Let go of the lock but keep the copy, as a crash would (for tests)."""
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def orphans(self) -> list[RecoveryEntry]:
        """Return recovery copies of sessions that ended without cleaning up, newest first."""
        if not self.folder.is_dir():
            return []
        found = []
        for side in self.folder.glob("*.json"):
            key = side.stem
            if key == self.key or not (self.folder / f"{key}.nianbao").exists():
                continue
            lock = QLockFile(str(self.folder / f"{key}.lock"))
            lock.setStaleLockTime(0)
            if not lock.tryLock(0):
                continue  # another window is still running and owns it
            lock.unlock()
            try:
                info = json.loads(side.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                info = {}
            found.append(RecoveryEntry(key, self.folder, info.get("original"), info.get("name") or key,
                                       info.get("saved_at") or ""))
        found.sort(key=lambda e: e.saved_at, reverse=True)
        return found
