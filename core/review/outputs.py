"""The reviewer's own files (audit workbook, 审核意见, 汇总明细) carry a mark, so that auditing the folder
they were saved in again does not take them for reports sent in."""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

from ..messages import audit as msg

# docProps/core.xml <cp:category> of every file the review writes (Word and Excel show it as 类别).
REVIEW_OUTPUT = msg.REVIEW_OUTPUT_CATEGORY
_SUFFIXES = (".xlsx", ".docx")
_MAX_CORE_BYTES = 64 * 1024


def is_review_output(path: str | Path) -> bool:
    """Whether ``path`` is a file the review wrote (never raises: anything unreadable is not one)."""
    if Path(path).suffix.lower() not in _SUFFIXES:
        return False
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a pipe named x.docx would block the audit
            return False
        with zipfile.ZipFile(path) as z:
            info = z.getinfo("docProps/core.xml")
            if info.file_size > _MAX_CORE_BYTES:
                return False
            return REVIEW_OUTPUT in z.read(info).decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError):
        return False
