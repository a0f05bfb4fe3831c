"""Open any file a report can come from: the one entry point for check, import, merge and the window.

A project file is loaded as it is; any other kind is turned into a token stream by its importer
(:mod:`core.io.importers`) and read by the one table parser. Each importer is imported only when a
file of its kind is read, so that starting the window or ``nianbao check`` stays fast.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import FileReadError
from ..messages import files as file_text
from ..messages import reading as msg
from . import project_file
from .read_result import ReadResult

# The one table of importable files: suffix -> kind, read by core.io.importers.<kind> (see _tokens).
IMPORT_KINDS = {".docx": "docx", ".txt": "text", ".html": "html", ".htm": "html", ".pdf": "pdf",
                ".xlsx": "xlsx"}
# Formats no importer reads (old binary Office, OpenDocument, RTF, OFD): suffix -> the suffix to save them as.
OLD_FORMATS = {".doc": ".docx", ".wps": ".docx", ".xls": ".xlsx", ".et": ".xlsx", ".odt": ".docx", ".ods": ".xlsx",
               ".rtf": ".docx", ".ofd": ".pdf"}


def read_any(path: str | os.PathLike) -> ReadResult:
    """Read a report from ``path``: a project file, or any kind in :data:`IMPORT_KINDS`."""
    path = Path(path)
    if not path.exists():
        if path.is_symlink():
            raise FileReadError(file_text.broken_link(path.name))
        raise FileReadError(msg.file_not_found(path))
    if path.is_dir():
        raise FileReadError(msg.is_folder(path))
    if project_file.looks_like_project(path):
        return ReadResult(project_file.load(path), [], "project")
    suffix = path.suffix.lower()
    kind = IMPORT_KINDS.get(suffix)
    if kind is None:
        if suffix in OLD_FORMATS:
            raise FileReadError(msg.old_format(path.name, suffix, OLD_FORMATS[suffix]))
        raise FileReadError(msg.unsupported_kind(path.suffix, supported_suffixes()))
    return import_file(path, kind)


def import_file(path: str | os.PathLike, kind: str) -> ReadResult:
    """Read a report from a file of ``kind`` ("docx", "text", "html", "pdf", "xlsx")."""
    from .tables.parser import build_report

    path = Path(path)
    report, notes = build_report(_tokens(path, kind), source=path.name)
    return ReadResult(report, notes, kind)


def _tokens(path: Path, kind: str):
    """Return the token stream of a file, from the importer of its kind (imported only now)."""
    if kind == "docx":
        from .importers.docx import tokens
    elif kind == "text":
        from .importers.text import tokens
    elif kind == "html":
        from .importers.html import tokens
    elif kind == "pdf":
        from .importers.pdf import tokens
    elif kind == "xlsx":
        from .importers.xlsx import tokens
    else:
        raise FileReadError(msg.unsupported_kind(path.suffix))
    return tokens(path)


def supported_suffixes() -> tuple[str, ...]:
    """Return the file suffixes that :func:`read_any` accepts."""
    return (project_file.EXTENSION, *IMPORT_KINDS)
