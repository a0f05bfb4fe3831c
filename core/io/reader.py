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


_OLD_FORMATS = {".doc": "Word", ".wps": "WPS 文字", ".xls": "Excel", ".et": "WPS 表格"}


def read_project(path: Path) -> ReadResult:
    return ReadResult(project_file.load(path), [], "project")


def read_any(path: str | os.PathLike) -> ReadResult:
    """Read a report from ``path`` (project file, or any kind a registered reader handles)."""
    path = Path(path)
    if not path.exists():
        if path.is_symlink():
            raise FileReadError(f"“{path.name}”是一个快捷方式（符号链接），它指向的位置不存在或形成了循环")
        raise FileReadError(f"找不到文件“{path}”")
    if path.is_dir():
        raise FileReadError(f"“{path}”是文件夹，不是文件")
    if project_file.looks_like_project(path):
        return read_project(path)
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        if suffix in _OLD_FORMATS:
            raise FileReadError(f"“{path.name}”是旧版{_OLD_FORMATS[suffix]}格式，请在 Word 或 WPS 中"
                                f"打开后“另存为”{'.xlsx' if suffix in ('.xls', '.et') else '.docx'} 再导入")
        raise FileReadError(f"不支持的文件类型“{path.suffix or '无扩展名'}”（可导入 "
                            f"{' '.join(supported_suffixes())}）")
    return reader(path)


def supported_suffixes() -> tuple[str, ...]:
    """Return the file suffixes that :func:`read_any` accepts."""
    return (project_file.EXTENSION, *READERS)
