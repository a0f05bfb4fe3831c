"""The audit workbook: 汇总 (a row per file), 报送情况 (with an expected list), 问题清单 (a row per finding).

Written by core.io.xlsx_stream. 问题清单 is written while the workers check (:class:`AuditWorkbook`),
so that on two cores writing 10,000 reports' findings costs little more than checking them.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..io.atomic import write_atomic
from ..io.xlsx_stream import Column, Style, XlsxStreamWriter
from ..messages import audit as msg
from ..rules.base import Severity
from .outputs import REVIEW_OUTPUT
from .places import cells_text, file_names

# Widths in characters: a sheet prints on landscape A4 at about 80% when they add up to 170.
_SUMMARY_WIDTHS = (34, 20, 6, 14, 5, 5, 6, 7, 30, 18, 14)
_FINDING_WIDTHS = (20, 16, 13, 6, 22, 50, 28, 20)
_SUBMISSION_WIDTHS = (5, 22, 9, 8, 11, 11, 5, 5, 6, 26, 36)
_W = Style.WRAP
_ERROR_STYLES = [_W, _W, 0, Style.ERROR, _W, _W, _W, _W]
_WARN_STYLES = [_W, _W, 0, Style.WARNING, _W, _W, _W, _W]
_DONE_STYLES = [_W, _W, 0, Style.EXPLAINED, _W, Style.EXPLAINED, _W, Style.EXPLAINED]
_NOTE_STYLES = [_W, _W, 0, 0, _W, _W, _W, _W]


def _columns(headers, widths) -> list[Column]:
    return [Column(h, w) for h, w in zip(headers, widths)]


def _status_style(row) -> Style:
    if row.unreadable or row.errors:
        return Style.ERROR
    return Style.WARNING if row.warnings or row.duplicates else Style.GOOD


def _shown(files: list[str]):
    """Return (a function giving each file as the sheets show it, the folder they are relative to)."""
    try:
        root = os.path.commonpath([os.path.abspath(f) for f in files]) if files else ""
    except ValueError:  # Windows: files on different drives
        root = ""
    if root and len(files) == 1:
        root = os.path.dirname(root)
    if not root:
        return (lambda f: f), ""
    seen: dict[str, str] = {}

    def shown(f: str) -> str:
        rel = seen.get(f)
        if rel is None:
            rel = seen[f] = os.path.relpath(os.path.abspath(f), root)
        return rel

    return shown, root


class AuditWorkbook:
    """An audit workbook being written: :meth:`add` each row in file order, then :meth:`finish`."""

    def __init__(self, path: Path, files: list[str]):
        from ..schema import FORMS

        self._forms = FORMS
        self._shown, self._root = _shown(files)
        self._w = XlsxStreamWriter(path, category=REVIEW_OUTPUT)
        self._findings = self._w.open_sheet(msg.FINDINGS_SHEET, _columns(msg.FINDING_HEADERS, _FINDING_WIDTHS),
                                            position=2)

    def add(self, r) -> None:
        """Write the 问题清单 rows of one file."""
        row = self._findings.row
        file = self._shown(r.file)
        if r.unreadable:
            row([file, "", msg.UNREADABLE_RULE, Severity.ERROR.label, "", r.unreadable], _ERROR_STYLES)
            return
        form = self._forms.get(r.form_id)
        explanations = r.explanations or [None] * len(r.findings)
        for f, explained in zip(r.findings, explanations):
            styles = _ERROR_STYLES if f.is_error else _DONE_STYLES if explained else _WARN_STYLES
            row([file, r.unit, f.rule, f.severity.label, cells_text(form, f.cells), f.message, f.quote, explained],
                styles)
        for n in r.notes:
            row([file, r.unit, msg.NOTE_RULE, msg.NOTE_SEVERITY, cells_text(form, (n.where,)) if n.where else "",
                 n.message], _NOTE_STYLES)

    def finish(self, result) -> None:
        """Close 问题清单 and write 汇总 and 报送情况 (which need every row: duplicates, submissions)."""
        w, shown = self._w, self._shown
        try:
            w.close_sheet(self._findings)
            with w.sheet(msg.SUMMARY_SHEET, _columns(msg.SUMMARY_HEADERS, _SUMMARY_WIDTHS), position=0) as s:
                plain = [_W, _W, 0, 0, 0, 0, 0, 0, _W, _W, None]
                for r in result.rows:
                    styles = plain[:]
                    styles[10] = _status_style(r)
                    ok = not r.unreadable
                    s.row([shown(r.file), r.unit, r.year, r.form, r.errors if ok else None,
                           r.warnings if ok else None, r.explained if ok else None, r.bad_cells if ok else None,
                           "；".join(n.message for n in r.notes),
                           msg.duplicate_of(file_names(r.duplicates, (r.file,))) if r.duplicates else None, r.status], styles)
                s.end_table()
                s.row([])
                s.row([msg.summary_line(len(result.rows), len(result.with_errors), len(result.unreadable),
                                        result.cancelled, result.pack_name)])
                if self._root:
                    s.row([msg.audited_folder(self._root)])
            if result.submissions:
                _submissions(w, result.submissions, shown)
        finally:
            w.close()

    def abandon(self) -> None:
        try:
            self._w.close()
        except Exception:  # pragma: no cover - the temporary file is removed by write_atomic anyway
            pass


def write_audit_xlsx(result, path: str | os.PathLike) -> None:
    """Write the audit workbook for ``result`` (core.review.rows.AuditResult) atomically, in one go."""

    def write(tmp: Path) -> None:
        book = AuditWorkbook(tmp, [r.file for r in result.rows])
        for r in result.rows:
            book.add(r)
        book.finish(result)

    write_atomic(path, write)


def _submissions(w, subs, shown) -> None:
    with w.sheet(msg.SUBMISSIONS_SHEET, _columns(msg.SUBMISSION_HEADERS, _SUBMISSION_WIDTHS), position=1) as s:
        counts = {k: 0 for k in (msg.SUBMITTED, msg.MISSING, msg.DUPLICATE, msg.UNLISTED)}
        overdue = 0
        n = 0
        for sub in subs:
            counts[sub.status] += 1
            r = sub.main
            late = sub.overdue
            overdue += late == msg.OVERDUE
            if sub.status != msg.UNLISTED:
                n += 1
            style = {msg.MISSING: Style.ERROR, msg.DUPLICATE: Style.WARNING, msg.UNLISTED: Style.WARNING,
                     msg.SUBMITTED: Style.GOOD}[sub.status]
            ok = r is not None and not r.unreadable
            s.row([n if sub.status != msg.UNLISTED else None, sub.unit, sub.status, late or None,
                   r.date if r is not None else None, r.deadline if r is not None else None,
                   r.errors if ok else None, r.warnings if ok else None, r.explained if ok else None,
                   "\n".join(shown(x.file) for x in sub.rows) or None, sub.note or None],
                  [0, _W, style, Style.ERROR if late == msg.OVERDUE else 0, 0, 0, 0, 0, 0, _W, _W])
        s.end_table()
        s.row([])
        s.row([None, msg.submissions_line(n, counts[msg.SUBMITTED] + counts[msg.DUPLICATE], counts[msg.MISSING],
                                          counts[msg.DUPLICATE], overdue, counts[msg.UNLISTED])])
