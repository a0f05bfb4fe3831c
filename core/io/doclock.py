"""A lock file beside an open document, as WPS, Word and LibreOffice keep one.

``报告.nianbao`` open in a window has ``.~lock.报告.nianbao#`` beside it, holding who has it
open (user, computer, process, since when). A second window, on this computer or another one
sharing the folder, reads it and tells the clerk the file is in use. A lock left by a window
that crashed on this computer is stale (its process is gone) and is taken over silently; one
from another computer cannot be checked and is shown with its owner and time, and taken over
(:meth:`DocumentLock.take_over`) only when the clerk has confirmed that computer no longer has
the file open. The window that lost its lock sees it before saving (:meth:`DocumentLock.lost_to`).
"""

from __future__ import annotations

import atexit
import datetime as _dt
import hashlib
import json
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from ..messages import files as text
from .atomic import target_of
from .os_errors import NAME_MAX_BYTES
from .process_info import host_name, pid_alive, user_name

LOCK_PREFIX = ".~lock."
LOCK_SUFFIX = "#"
APP = "nianbao"
UNREADABLE_GRACE_SECONDS = 30  # an empty lock file is being written; after this it is debris


@dataclass(frozen=True)
class LockOwner:
    """Who holds a document open, as recorded in its lock file."""

    user: str
    host: str
    pid: int
    since: str  # ISO time
    token: str = ""

    @property
    def elsewhere(self) -> bool:
        """Whether the lock was taken on another computer (whose processes this one cannot see)."""
        return self.host not in ("", "?") and self.host != host_name()

    def _parts(self) -> tuple[str | None, str | None, tuple[int, int, int, int, int] | None]:
        """(user, computer — None for this one, when taken) as far as the lock file says."""
        try:
            t = _dt.datetime.fromisoformat(self.since)
            when = (t.year, t.month, t.day, t.hour, t.minute)
        except ValueError:
            when = None
        user = self.user if self.user and self.user != "?" else None
        computer = None if self.host == host_name() else self.host
        return user, computer, when

    def describe(self) -> str:
        """Return 「用户 zhang（电脑 PC-01）自 2026年1月5日 09:12 起」."""
        return text.lock_owner(*self._parts())

    def left_by(self) -> str:
        """Return 「电脑 PC-01 上的用户 zhang 于 2026年1月5日 09:12」: who took the lock, where and when."""
        return text.lock_left_by(*self._parts())


def lock_path(document: str | os.PathLike) -> Path:
    """Return the lock file of ``document`` (through a symbolic link: of the link's target)."""
    doc = target_of(Path(document).absolute())
    name = f"{LOCK_PREFIX}{doc.name}{LOCK_SUFFIX}"
    if len(name.encode("utf-8")) > NAME_MAX_BYTES:  # a 250-byte document name: a short stand-in
        name = f"{LOCK_PREFIX}{hashlib.sha1(doc.name.encode('utf-8')).hexdigest()[:16]}{LOCK_SUFFIX}"
    return doc.with_name(name)


def _read(path: Path) -> LockOwner | None:
    """Return the owner recorded in a lock file; None when there is none or it cannot be read."""
    try:
        with open(path, "rb") as fh:
            data = json.loads(fh.read(4096).decode("utf-8"))
        return LockOwner(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]),
                         str(data.get("token", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _is_stale(path: Path, owner: LockOwner | None) -> bool:
    if owner is None:  # empty or garbage: a writer died mid-way, unless it is writing right now
        try:
            return time.time() - path.stat().st_mtime > UNREADABLE_GRACE_SECONDS
        except OSError:
            return True
    return owner.host == host_name() and not pid_alive(owner.pid)


def current_owner(document: str | os.PathLike) -> LockOwner | None:
    """Return who else holds ``document`` open (None when nobody does, or the lock is stale)."""
    path = lock_path(document)
    if not path.exists():
        return None
    owner = _read(path)
    if _is_stale(path, owner):
        return None
    return owner or LockOwner("?", "?", 0, "")


def _hide(path: Path) -> None:
    if os.name == "nt":  # Word hides its ~$ files too
        try:
            import ctypes

            ctypes.windll.kernel32.SetFileAttributesW(str(path), 0x2)
        except (OSError, AttributeError):
            pass


class DocumentLock:
    """This window's lock on a document; :meth:`acquire` says who else has it if it is taken."""

    def __init__(self, document: str | os.PathLike):
        self.document = Path(document)
        self.path = lock_path(document)
        self.owner = LockOwner(user_name(), host_name(), os.getpid(),
                               _dt.datetime.now().isoformat(timespec="seconds"), secrets.token_hex(8))
        self.held = False
        self.taken_from: LockOwner | None = None  # whose lock :meth:`take_over` replaced

    def acquire(self) -> LockOwner | None:
        """Take the lock; return the other owner instead when the document is in use.

        A folder where no lock can be written (a CD, a read-only share) is no reason to refuse:
        the document opens without a lock, as LibreOffice does.
        """
        for _ in range(3):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                other = _read(self.path)
                if not _is_stale(self.path, other):
                    return other or LockOwner("?", "?", 0, "")
                try:
                    os.unlink(self.path)  # stale: the window that held it is gone
                except FileNotFoundError:
                    pass
                except OSError:
                    return None
                continue
            except OSError:
                return None
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(self._record())
            self._now_held()
            return None
        return None

    def take_over(self, expected: LockOwner) -> bool:
        """Take the lock another computer left, after the clerk confirmed it is not open there.

        Replaced only while the lock file still names ``expected`` (whoever shows up in between
        is asked about again); the file is swapped in whole, never left half-written. Returns
        whether this window now holds the lock; :attr:`taken_from` keeps whose it was.
        """
        if _read(self.path) != expected:
            return False
        tmp = self.path.with_name(f"{self.path.name}.{secrets.token_hex(4)}")
        try:
            tmp.write_text(self._record(), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError:
            try:
                tmp.unlink()
            except OSError:
                pass
            return False
        self.taken_from = expected
        self._now_held()
        return True

    def lost_to(self) -> LockOwner | None:
        """Who took this window's lock over since (None while it is still this window's).

        A lock file that has gone is written again: nobody else holds the document.
        """
        if not self.held:
            return None
        mine = _read(self.path)
        if mine is not None and mine.token == self.owner.token:
            return None
        if mine is None and not self.path.exists():
            self.held = False
            return self.acquire()
        return mine or LockOwner("?", "?", 0, "")

    def _record(self) -> str:
        o = self.owner
        return json.dumps({"app": APP, "user": o.user, "host": o.host, "pid": o.pid, "since": o.since,
                           "token": o.token}, ensure_ascii=False)

    def _now_held(self) -> None:
        _hide(self.path)
        self.held = True
        _HELD.add(self)

    def release(self) -> None:
        """Remove the lock file if it is still this window's."""
        if not self.held:
            return
        self.held = False
        _HELD.discard(self)
        mine = _read(self.path)
        if mine is not None and mine.token == self.owner.token:
            try:
                os.unlink(self.path)
            except OSError:
                pass


_HELD: "set[DocumentLock]" = set()  # released at exit if nobody did before


@atexit.register
def _release_all() -> None:
    """A process that ends without closing its windows (a screenshot run, say) leaves no lock."""
    for lock in list(_HELD):
        lock.release()
