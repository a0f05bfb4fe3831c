"""导出 Word / 网页 / Excel (and Word from the office's own template), written in the background;
复制网页版 puts the web version on the clipboard for the site's editor."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from core.errors import ReportError
from core.io.filenames import safe_file_name

from . import settings, strings
from .background import BackgroundOp, run_in_background

FILTERS = {"docx": strings.DOCX_FILTER, "html": strings.HTML_FILTER, "xlsx": strings.XLSX_FILTER}


class ExportActions:
    """Asks where to write, confirms errors, then exports a copy of the report off the GUI thread."""

    def __init__(self, window):  # the MainWindow: dialogs, document, files, flash, commit_pending_edits
        self.window = window

    def export_with_template(self) -> BackgroundOp | None:
        """Export to Word from the office's own template (a province's house style)."""
        template = self.window.dialogs.open_template(strings.TEMPLATE_TITLE, self.window.files.start_folder())
        if not template:
            return None
        settings.remember_folder(template)
        return self.export("docx", template=Path(template))

    def copy_web_version(self) -> bool:
        """Put the report on the clipboard as HTML (tables with their merged cells) and plain text."""
        from core.io.html_export import report_fragment, report_plain_text

        from .clipboard import put_on_clipboard

        window, document = self.window, self._ready()
        if document is None:
            return False
        report = document.report
        try:
            put_on_clipboard(report_plain_text(report), report_fragment(report))
        except Exception as exc:  # noqa: BLE001 - never a silent failure; the report stays as it is
            window.dialogs.error(strings.EXPORT_FAILED, strings.unexpected_error(type(exc).__name__, str(exc)))
            return False
        window.flash(strings.COPIED_HTML)
        return True

    def export(self, kind: str, template: Path | None = None) -> BackgroundOp | None:
        """Export to Word ("docx"), a web page ("html") or Excel ("xlsx") through core.io.export."""
        try:
            return self._export(kind, template)
        except Exception as exc:  # noqa: BLE001 - 导出 never fails silently; the report stays as it is
            self.window.dialogs.error(strings.EXPORT_FAILED, strings.unexpected_error(type(exc).__name__, str(exc)))
            return None

    def _ready(self):
        """The open document, once the edit being typed is in and the clerk has accepted what export would
        print despite its findings; None when there is none or the clerk declined."""
        window, document = self.window, self.window.document
        if document is None:
            return None
        window.commit_pending_edits()
        blockers = document.export_blockers()
        if blockers and not window.dialogs.confirm_export(blockers):
            return None
        return document

    def _export(self, kind: str, template: Path | None) -> BackgroundOp | None:
        window, document = self.window, self._ready()
        if document is None:
            return None
        meta = document.report.meta
        name = f"{safe_file_name(strings.export_file_name(meta.get('unit'), meta.get('year')))}.{kind}"
        chosen = window.dialogs.save_file(strings.EXPORT_TITLE, str(Path(window.files.start_folder()) / name),
                                          FILTERS[kind])
        if not chosen:
            return None
        out = Path(chosen)
        settings.remember_folder(out)
        if out.suffix.lower() != f".{kind}":
            out = out.with_name(out.name + f".{kind}")
        report = document.report_copy()  # the clerk may type on while the file is written
        notes: list[str] = []  # filled by work, shown by done

        def work(progress):
            from core.io import export as exporting

            if kind == "xlsx":
                exporting.export_xlsx(report, out, force=True)  # the user already confirmed any errors
            elif kind == "html":
                exporting.export_html(report, out, force=True)
            else:
                # what was taken out of the office's template, and the characters its fonts lack (the
                # default templates' W-FONT-GB2312 is in the findings panel before export)
                if template is not None:
                    notes.extend(f.message for f in exporting.export_warnings(report, template))
                args = (template,) if template is not None else ()
                removed = exporting.export_docx(report, out, *args, force=True)
                notes.extend(removed if isinstance(removed, list) else [])
            return out

        def done(path: Path) -> None:
            if kind == "docx":
                _published_in_order(document)
            window.flash(strings.exported(path))
            asked = window.dialogs.export_done_text(strings.EXPORT_DONE_TITLE, strings.export_done_with_notes(
                path, notes)) if notes else window.dialogs.export_done(path)
            if asked:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

        def failed(exc: BaseException) -> None:
            text = str(exc) if isinstance(exc, (ReportError, OSError)) else strings.unexpected_error(
                type(exc).__name__, str(exc))
            window.dialogs.error(strings.EXPORT_FAILED, text)

        return run_in_background(window, work, title=strings.EXPORT_OP_TITLE, label=strings.writing(out.name),
                                 on_success=done, on_failure=failed, cancellable=False)


def _published_in_order(document) -> None:
    """The Word file prints the sections in the official order: an imported file's order is dealt with."""
    from core.rules.section_rules import ORDER_REF, in_order

    found = document.report.imported.get("sections")
    if found and tuple(found) != in_order(found):
        document.push_changes({ORDER_REF: in_order(found)}, strings.UNDO_SECTION_ORDER)
