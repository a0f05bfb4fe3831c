"""What a file on disk looked like when a window opened or saved it, to notice changes by others."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from .atomic import target_of


@dataclass(frozen=True)
class FileStamp:
    """The size and content digest of a file (None when it did not exist)."""

    size: int | None
    digest: str | None


def stamp(path: str | os.PathLike) -> FileStamp:
    """Return the stamp of ``path`` now (by content: FAT and network shares have coarse times)."""
    try:
        data = Path(target_of(path)).read_bytes()
    except OSError:
        return FileStamp(None, None)
    return FileStamp(len(data), hashlib.sha256(data).hexdigest())


def changed_since(before: FileStamp | None, path: str | os.PathLike) -> bool:
    """Return whether ``path`` now differs from ``before`` (written, replaced or deleted by someone else)."""
    if before is None:
        return False
    try:
        size = os.stat(target_of(path)).st_size
    except OSError:
        return before.size is not None
    if size != before.size:
        return True
    return stamp(path) != before
