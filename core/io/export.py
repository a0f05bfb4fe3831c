"""Export a finished report: the published DOCX (from a template), a web page, and an XLSX.

The GUI and ``nianbao export`` call :func:`export_docx`, :func:`export_html` and
:func:`export_xlsx`. Each refuses while the final check finds errors (E-CELL-BLANK and the
rest) unless ``force=True``; the GUI asks the clerk first and then passes ``force=True``.
Files are written atomically.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ReportError
from ..messages import export as msg
from ..messages import files as file_text
from ..model.report import Report
from ..resources import template_path
from .atomic import write_atomic


class ExportRefused(ReportError):
    """The report still has errors and export was not forced; ``findings`` lists them."""

    def __init__(self, findings):
        self.findings = list(findings)
        super().__init__(msg.refused(len(self.findings), [f.message for f in self.findings]))


def export_blockers(report: Report) -> list:
    """Return the errors of the final check that stop an export (empty when it may go ahead)."""
    from ..rules import check_report

    return [f for f in check_report(report, final=True) if f.is_error and f.blocks_export]


def export_warnings(report: Report, template: str | os.PathLike | None = None) -> list:
    """Warnings to show just before a Word export: characters the template's fonts do not have.

    For the default templates these are the W-FONT-GB2312 findings ``check`` and the findings panel
    show all along; an office's own template gives them only when it uses a GB2312-only font too.
    """
    from .font_coverage import font_findings, template_uses_gb2312_fonts

    return font_findings(report) if template_uses_gb2312_fonts(template) else []


def default_template(form_id: str) -> Path:
    """Return the default template of the format ``form_id`` (``templates/gb2021.docx``)."""
    return template_path(f"{form_id}.docx")


def _refuse_unless_forced(report: Report, force: bool) -> None:
    if not force:
        blockers = export_blockers(report)
        if blockers:
            raise ExportRefused(blockers)


def export_docx(report: Report, path: str | os.PathLike, template: str | os.PathLike | None = None,
                *, force: bool = False) -> list[str]:
    """Write the report as a DOCX in official layout, from ``template`` or the format's default.

    Returns notes on what was removed from the template that the office should know about
    (links to outside files, macros); empty for the default templates.
    """
    from .word import render as word
    from .docx_context import build_context

    _refuse_unless_forced(report, force)
    tpl = Path(template) if template else default_template(report.form.id)
    if not template and not tpl.is_file():
        raise ReportError(msg.missing_default_template(str(tpl)))
    context = build_context(report)
    notes: list[str] = []

    def write(tmp: Path) -> None:
        notes.extend(word.render(tpl, context, tmp, unit=context["unit"], title=context["title"]))

    write_atomic(path, write, action=file_text.EXPORT)
    return notes


def export_html(report: Report, path: str | os.PathLike, *, force: bool = False) -> None:
    """Write the report as one self-contained UTF-8 web page (title, sections, the three tables)."""
    from .html_export import report_page

    _refuse_unless_forced(report, force)
    page = report_page(report).encode("utf-8")

    def write(tmp: Path) -> None:
        tmp.write_bytes(page)

    write_atomic(path, write, action=file_text.EXPORT)


def export_xlsx(report: Report, path: str | os.PathLike, *, force: bool = False) -> None:
    """Write the three tables as one workbook laid out like the printed tables."""
    from .text_clean import xml_safe_copy
    from .xlsx_export import write_workbook

    _refuse_unless_forced(report, force)
    safe = xml_safe_copy(report)  # Word's \x0b in pasted text would make openpyxl refuse the cell

    def write(tmp: Path) -> None:
        write_workbook(safe, tmp)

    write_atomic(path, write, action=file_text.EXPORT)
