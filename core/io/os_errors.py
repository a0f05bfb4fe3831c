"""The operating system's errors as a clerk should read them: in Chinese, saying what to do.

Every place that reads or writes a user's file turns an ``OSError`` into a message here, so
「No space left on device」 never reaches the window and each case is worded once.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from ..errors import FileReadError, FileWriteError
from ..messages import files as text

NAME_MAX_BYTES = 255  # the longest file name most file systems take (ext4, NTFS in UTF-16 units)

# Windows error codes that errno does not tell apart (winerror of the OSError).
_WIN_SHARING = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
_WIN_DISK_FULL = {39, 112}
_WIN_BAD_NAME = {123, 161}  # ERROR_INVALID_NAME, ERROR_BAD_PATHNAME
_WIN_PATH_TOO_LONG = {206}
_WIN_DEVICE = {21, 1117, 483, 1006}  # not ready, I/O device error, device hardware error, volume changed
_WIN_NETWORK = {53, 59, 64, 67, 1231}

_NETWORK = {errno.ESTALE, errno.ENETDOWN, errno.ENETUNREACH, errno.ENETRESET, errno.ETIMEDOUT,
            errno.EHOSTDOWN, errno.EHOSTUNREACH, errno.ECONNRESET, errno.ECONNABORTED}
_NOT_ALLOWED = {errno.EACCES, errno.EPERM}


def _name_too_long(path: Path) -> bool:
    name = path.name
    return len(name.encode("utf-8")) > NAME_MAX_BYTES or len(name.encode("utf-16-le")) // 2 > NAME_MAX_BYTES


def reason(exc: OSError, path: str | os.PathLike | None = None, *, writing: bool = True) -> str:
    """Return what went wrong and what the clerk can do, as one or two Chinese sentences."""
    code = exc.errno
    win = getattr(exc, "winerror", None)
    p = Path(path) if path is not None else Path(exc.filename or "")
    if code in (errno.ENOSPC, errno.EDQUOT) or win in _WIN_DISK_FULL:
        return text.DISK_FULL
    if code == errno.ENAMETOOLONG or win in _WIN_PATH_TOO_LONG:
        if _name_too_long(p):
            return text.NAME_TOO_LONG
        return text.PATH_TOO_LONG
    if win in _WIN_SHARING:
        return text.IN_USE_BY_PROGRAM
    if code == errno.EROFS:
        return text.READ_ONLY_PLACE
    if code in _NOT_ALLOWED:
        if writing:
            return text.NO_WRITE_PERMISSION
        return text.NO_READ_PERMISSION
    if code == errno.EEXIST:
        return text.ALREADY_EXISTS
    if code == errno.ENOENT or win in (2, 3):
        if writing:
            return text.FOLDER_MISSING
        return text.FILE_MISSING
    if code == errno.ENOTDIR:
        return text.NOT_A_FOLDER
    if code == errno.EISDIR:
        return text.IS_A_FOLDER
    if code == errno.ELOOP:
        return text.LINK_LOOP
    if code == errno.EINVAL or win in _WIN_BAD_NAME:
        return text.BAD_NAME
    if code in (errno.EBUSY, errno.ETXTBSY):
        return text.BUSY
    if code in (errno.EMFILE, errno.ENFILE):
        return text.TOO_MANY_OPEN
    if code == errno.EFBIG:
        return text.TOO_BIG_FOR_DISK
    if code == errno.ENOMEM:
        return text.NO_MEMORY
    if code in _NETWORK or win in _WIN_NETWORK:
        return text.NETWORK
    if code == errno.EIO or win in _WIN_DEVICE:
        return text.DEVICE
    number = win if win is not None else code
    return text.other_os_error(number)


def write_error(exc: OSError, path: str | os.PathLike, action: str = text.SAVE) -> FileWriteError:
    """Return the error to raise when ``action`` (保存, 导出 …) of ``path`` failed with ``exc``."""
    return FileWriteError(text.cannot(action, Path(path).name, reason(exc, path, writing=True)))


def read_error(exc: OSError, path: str | os.PathLike) -> FileReadError:
    """Return the error to raise when reading ``path`` failed with ``exc``."""
    return FileReadError(text.cannot_read(Path(path).name, reason(exc, path, writing=False)))
