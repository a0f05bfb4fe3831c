"""Writing files so that a crash or a full disk never leaves a half-written file."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

from ..errors import FileWriteError


def _set_mode(tmp: Path, path: Path) -> None:
    """mkstemp files are private (0600): give the result the old file's mode, or the usual one."""
    if os.name != "posix":
        return
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        mode = 0o666 & ~mask
    os.chmod(tmp, mode)


def write_atomic(path: str | os.PathLike, write: Callable[[Path], None], *, backup: bool = False) -> None:
    """Call ``write(tmp_path)`` for a temporary file beside ``path``, fsync it, then replace ``path``.

    With ``backup`` the previous file is kept as ``path + ".bak"``. On any failure the old
    file is untouched and the temporary file removed.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise FileWriteError(f"无法在“{folder}”中写入文件：{exc.strerror or exc}") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        _set_mode(tmp, path)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        if backup and path.exists():
            shutil.copy2(path, path.with_name(path.name + ".bak"))
        os.replace(tmp, path)
    except FileWriteError:
        tmp.unlink(missing_ok=True)
        raise
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise FileWriteError(f"保存“{path.name}”失败：{exc.strerror or exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    try:  # make the rename itself durable where the platform allows it
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
