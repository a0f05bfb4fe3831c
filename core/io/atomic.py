"""Writing files so that a crash or a full disk never leaves a half-written file.

Every file is first written to a short temporary name beside it (``.~nb-<pid>-<host>-<rand>.tmp``,
25 bytes whatever the file is called, so that names of 255 bytes still work), flushed to the
disk, and only then renamed over the file. The previous version is kept as ``NAME.bak`` the
same way. Temporary files of saves that were killed are removed at the next save.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import time
from pathlib import Path
from typing import Callable

from ..errors import FileWriteError
from ..messages import files as text
from .os_errors import reason, write_error
from .process_info import host_tag, pid_alive

BACKUP_SUFFIX = ".bak"
TEMP_PREFIX = ".~nb-"
TEMP_SUFFIX = ".tmp"
_TEMP = re.compile(r"\.~nb-([0-9a-f]+)-([0-9a-f]{4})-[0-9a-f]+\.tmp")
STALE_SECONDS = 3600  # a temp file this old belongs to no save in progress, whoever made it
LEGACY_STALE_SECONDS = 600  # versions before 0.2 named temp files ".NAME.xxxxxxxx.tmp"


def target_of(path: str | os.PathLike) -> Path:
    """Return the file a save to ``path`` must write: through a symbolic link, the link's target."""
    path = Path(path)
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _new_temp(folder: Path) -> Path:
    """Create an empty temporary file in ``folder`` with a short name nobody else uses."""
    for _ in range(100):
        tmp = folder / f"{TEMP_PREFIX}{os.getpid():x}-{host_tag()}-{secrets.token_hex(3)}{TEMP_SUFFIX}"
        try:
            fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp
    raise FileExistsError(f"no free temporary name in {folder}")


def _is_stale(entry: os.DirEntry, now: float, legacy_prefix: str | None) -> bool:
    m = _TEMP.fullmatch(entry.name)
    try:
        age = now - entry.stat(follow_symlinks=False).st_mtime
    except OSError:
        return False
    if m:
        if age > STALE_SECONDS:
            return True
        pid, host = int(m.group(1), 16), m.group(2)
        return host == host_tag() and pid != os.getpid() and not pid_alive(pid)
    return (legacy_prefix is not None and entry.name.startswith(legacy_prefix)
            and entry.name.endswith(TEMP_SUFFIX) and age > LEGACY_STALE_SECONDS)


def remove_stale_temps(folder: str | os.PathLike, name: str | None = None) -> int:
    """Delete temporary files left in ``folder`` by saves that were killed; return how many.

    A temp file is stale when the process that made it on this computer is gone, or when it is
    over an hour old. With ``name``, old-style temp files of that file are removed too.
    """
    now = time.time()
    legacy = f".{name}." if name else None
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if entry.name.endswith(TEMP_SUFFIX) and _is_stale(entry, now, legacy):
            try:
                os.unlink(entry.path)
                removed += 1
            except OSError:
                pass
    return removed


def _set_mode(tmp: Path, path: Path) -> None:
    """Temp files are private (0600): give the result the old file's mode, or the usual one."""
    if os.name != "posix":
        return
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        mode = 0o666 & ~mask
    os.chmod(tmp, mode)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable where the platform allows it (not on Windows)."""
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def _write_backup(path: Path, folder: Path) -> str | None:
    """Keep the current ``path`` as ``path.bak`` (temp, fsync, replace); return a warning on failure."""
    bak = path.with_name(path.name + BACKUP_SUFFIX)
    tmp = None
    try:
        tmp = _new_temp(folder)
        shutil.copyfile(path, tmp)
        _set_mode(tmp, path)
        _fsync_file(tmp)
        os.replace(tmp, bak)
    except OSError as exc:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        return text.backup_not_updated(bak.name, reason(exc, bak))
    return None


def write_atomic(path: str | os.PathLike, write: Callable[[Path], None], *, backup: bool = False,
                 action: str = text.SAVE) -> list[str]:
    """Call ``write(tmp_path)`` for a temporary file beside ``path``, fsync it, then replace ``path``.

    With ``backup`` the previous file is kept as ``path + ".bak"``; a backup that cannot be
    written does not stop the save and comes back as a warning (Chinese) in the returned list.
    On any failure the old file is untouched, the temporary file removed, and OS errors raised
    as :class:`FileWriteError` with a message saying what to do.
    """
    warnings: list[str] = []
    try:
        path = target_of(path)  # a name too long for the file system fails here already
        folder = _folder(path)
        remove_stale_temps(folder, path.name)
        tmp = _new_temp(folder)
    except OSError as exc:
        raise write_error(exc, path, action) from exc
    try:
        write(tmp)
        _set_mode(tmp, path)
        _fsync_file(tmp)
        if backup and path.is_file():
            warning = _write_backup(path, folder)
            if warning:
                warnings.append(warning)
        os.replace(tmp, path)
    except FileWriteError:
        tmp.unlink(missing_ok=True)
        raise
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise write_error(exc, path, action) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_folder(folder)
    return warnings
