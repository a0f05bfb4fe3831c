"""Open any file a report can come from; the one entry point for check, import and merge."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import FileReadError
from ..model.report import Report
from . import project_file


@dataclass
class ReadResult:
    """A report read from a file, with what could not be read or was guessed."""

    report: Report
    notes: list[str] = field(default_factory=list)  # Chinese, one line each
    source_kind: str = "project"


# Readers for other kinds of file register here: suffix -> function(path) -> ReadResult.
READERS: dict[str, Callable[[Path], ReadResult]] = {}


def _importer(kind: str) -> Callable[[Path], ReadResult]:
    """Return a thin reader that imports the heavy importer only when a file is read."""

    def read(path: Path) -> ReadResult:
        from .importers import read_file

        return read_file(path, kind)

    return read


for _suffix, _kind in ((".docx", "docx"), (".txt", "text"), (".html", "html"), (".htm", "html"),
                       (".pdf", "pdf"), (".xlsx", "xlsx")):
    READERS[_suffix] = _importer(_kind)


def read_project(path: Path) -> ReadResult:
    return ReadResult(project_file.load(path), [], "project")


def read_any(path: str | os.PathLike) -> ReadResult:
    """Read a report from ``path`` (project file, or any kind a registered reader handles)."""
    path = Path(path)
    if not path.exists():
        raise FileReadError(f"找不到文件“{path}”")
    if path.is_dir():
        raise FileReadError(f"“{path}”是文件夹，不是文件")
    if project_file.looks_like_project(path):
        return read_project(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise FileReadError(f"不支持的文件类型“{path.suffix or '无扩展名'}”")
    return reader(path)


def supported_suffixes() -> tuple[str, ...]:
    """Return the file suffixes that :func:`read_any` accepts."""
    return (project_file.EXTENSION, *READERS)
