"""Recovery copies: unsaved work written to the user data folder, never over the user's file.

Each window (session) writes its copy ``<key>.nianbao`` with a sidecar ``<key>.json`` (the
user's own file as an absolute path, the name shown, when) and holds ``<key>.lock`` while it
runs. At start every copy whose session is gone is an orphan; all of them are offered in one
list, and a copy is deleted only when the clerk restores it (and this session has written its
own) or says to discard it. A copy that cannot be loaded, or has lost its sidecar, is offered
too: as a recovery copy, with its readable text.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QLockFile

from core.errors import FileReadError
from core.io import project_file
from core.io.atomic import remove_stale_temps, write_atomic
from core.io.project_salvage import Salvaged, salvage
from core.messages import project as project_messages
from core.model import Report

from . import strings

SUFFIXES = (".nianbao", ".json", ".lock")
_MISLEADING = {project_messages.NOT_A_PROJECT, project_messages.NOT_UTF8, project_messages.EMPTY}


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
    original: str | None  # the user's own file (absolute), if it had one
    name: str
    saved_at: str
    has_sidecar: bool = True
    original_stamp: tuple | None = None  # (size, digest) of the user's file when the copy was made
    _problem: str | None = field(default=None, repr=False)
    _checked: bool = field(default=False, repr=False)

    @property
    def report_path(self) -> Path:
        return self.folder / f"{self.key}.nianbao"

    def load(self) -> Report:
        """Return the report in the copy; FileReadError says it is a damaged recovery copy."""
        try:
            return project_file.load(self.report_path)
        except FileReadError as exc:
            reason = str(exc)
            if reason in _MISLEADING:  # it *is* our file, only damaged
                reason = strings.RECOVERY_GARBLED
            raise FileReadError(strings.recovery_damaged(self.when(), reason)) from exc

    def problem(self) -> str | None:
        """Return why the copy cannot be restored as a report (None when it can); loads it once."""
        if not self._checked:
            self._checked = True
            try:
                self.load()
            except FileReadError as exc:
                self._problem = str(exc)
        return self._problem

    def readable(self) -> Salvaged:
        """Return the text that can still be read from the copy, however damaged."""
        try:
            return salvage(self.report_path.read_bytes())
        except OSError:
            return Salvaged(())

    def when(self) -> str:
        try:
            t = _dt.datetime.fromisoformat(self.saved_at)
        except ValueError:
            return self.saved_at
        return strings.when(t.year, t.month, t.day, t.hour, t.minute)

    def remove(self) -> None:
        """Delete the copy, its sidecar and its lock (the clerk restored or discarded it)."""
        for suffix in SUFFIXES:
            try:
                (self.folder / f"{self.key}{suffix}").unlink()
            except OSError:
                pass


def _now() -> str:
    return _dt.datetime.now().isoformat(timespec="seconds")


class RecoveryStore:
    """The recovery copy of this session; a lock file tells other sessions it is still alive."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder or recovery_dir()
        self.key = f"{_dt.datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self._lock: QLockFile | None = None

    @property
    def path(self) -> Path:
        return self.folder / f"{self.key}.nianbao"

    def _ensure_lock(self) -> None:
        if self._lock is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._lock = QLockFile(str(self.folder / f"{self.key}.lock"))
            self._lock.setStaleLockTime(0)  # only a dead process makes the lock stale
            self._lock.tryLock(0)

    def write(self, report: Report, original: Path | None, name: str, original_stamp=None) -> Path:
        """Write the recovery copy of ``report`` (atomically) and return its path.

        ``original_stamp`` (a FileStamp of the user's file as opened) lets a restore notice that
        the file was changed by someone else after the crash.
        """
        self._ensure_lock()
        text = project_file.dumps(report)
        write_atomic(self.path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
        # Absolute: a window started with a relative path may be restored from another folder.
        info = {"original": str(Path(original).absolute()) if original else None, "name": name,
                "saved_at": _now()}
        if original_stamp is not None and original_stamp.digest:
            info["original_stamp"] = [original_stamp.size, original_stamp.digest]
        side = json.dumps(info, ensure_ascii=False)
        write_atomic(self.folder / f"{self.key}.json", lambda tmp: tmp.write_text(side, encoding="utf-8"))
        return self.path

    def has_copy(self) -> bool:
        return self.path.exists()

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

    def _alive(self, key: str) -> bool:
        lock = QLockFile(str(self.folder / f"{key}.lock"))
        lock.setStaleLockTime(0)
        if lock.tryLock(0):
            lock.unlock()
            return False
        return lock.error() == QLockFile.LockError.LockFailedError

    def orphans(self) -> list[RecoveryEntry]:
        """Return every recovery copy of a session that ended without cleaning up, newest first.

        Temporary files of autosaves that were killed are removed on the way; so are sidecars
        whose copy is gone (they hold no work).
        """
        if not self.folder.is_dir():
            return []
        remove_stale_temps(self.folder)
        found = []
        for copy in self.folder.glob("*.nianbao"):
            key = copy.stem
            if key == self.key or self._alive(key):
                continue  # this session, or another window still running
            side = self.folder / f"{key}.json"
            info, has_sidecar = {}, side.exists()
            if has_sidecar:
                try:
                    info = json.loads(side.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    info = {}
                if not isinstance(info, dict):
                    info = {}
            saved_at = info.get("saved_at")
            if not isinstance(saved_at, str):
                try:
                    saved_at = _dt.datetime.fromtimestamp(copy.stat().st_mtime).isoformat(timespec="seconds")
                except OSError:
                    saved_at = ""
            original = info.get("original") if isinstance(info.get("original"), str) else None
            name = info.get("name") if isinstance(info.get("name"), str) else None
            stamp = info.get("original_stamp")
            stamp = tuple(stamp) if isinstance(stamp, list) and len(stamp) == 2 else None
            found.append(RecoveryEntry(key, self.folder, original, name or strings.RECOVERY_UNNAMED, saved_at,
                                       has_sidecar, stamp))
        for side in self.folder.glob("*.json"):
            if not (self.folder / f"{side.stem}.nianbao").exists() and not self._alive(side.stem):
                side.unlink(missing_ok=True)
        found.sort(key=lambda e: e.saved_at, reverse=True)
        return found
