"""导出 Word / Excel (and Word from the office's own template), written in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from core.errors import ReportError

from . import settings, strings
from .background import BackgroundOp, run_in_background

FILTERS = {"docx": strings.DOCX_FILTER, "xlsx": strings.XLSX_FILTER}


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

    def export(self, kind: str, template: Path | None = None) -> BackgroundOp | None:
        """Export to Word ("docx") or Excel ("xlsx") through core.io.export."""
        window, document = self.window, self.window.document
        if document is None:
            return None
        window.commit_pending_edits()
        blockers = document.export_blockers()
        if blockers and not window.dialogs.confirm_export(blockers):
            return None
        meta = document.report.meta
        name = f"{strings.export_file_name(meta.get('unit'), meta.get('year'))}.{kind}"
        chosen = window.dialogs.save_file(strings.EXPORT_TITLE, str(Path(window.files.start_folder()) / name),
                                          FILTERS[kind])
        if not chosen:
            return None
        out = Path(chosen)
        settings.remember_folder(out)
        if out.suffix.lower() != f".{kind}":
            out = out.with_name(out.name + f".{kind}")
        report = document.report_copy()  # the clerk may type on while the file is written

        def work(progress):
            from core.io import export as exporting

            if kind == "xlsx":
                exporting.export_xlsx(report, out, force=True)  # the user already confirmed any errors
            elif template is not None:
                exporting.export_docx(report, out, template, force=True)
            else:
                exporting.export_docx(report, out, force=True)
            return out

        def done(path: Path) -> None:
            window.flash(strings.exported(path))
            if window.dialogs.export_done(path):
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

        def failed(exc: BaseException) -> None:
            text = str(exc) if isinstance(exc, (ReportError, OSError)) else strings.unexpected_error(
                type(exc).__name__, str(exc))
            window.dialogs.error(strings.EXPORT_FAILED, text)

        return run_in_background(window, work, title=strings.EXPORT_OP_TITLE, label=strings.writing(out.name),
                                 on_success=done, on_failure=failed, cancellable=False)
