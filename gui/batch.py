"""汇总 and 批量审核 from the window: thin slots over core.merge and core.audit."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEventLoop, QThread, Signal
from PySide6.QtWidgets import QProgressDialog

from core.errors import ReportError
from core.io.reader import read_any

from . import strings
from .document import ReportDocument

if TYPE_CHECKING:
    from .main_window import MainWindow


def merge_files(window: "MainWindow") -> bool:
    """Ask for several reports, add their tables up into a new (unsaved) report."""
    from core import merge

    if not window.maybe_save():
        return False
    paths = window.dialogs.open_files(strings.MERGE_TITLE, window.start_folder())
    if len(paths) < 2:
        if paths:
            window.dialogs.error(strings.ACT_MERGE, strings.MERGE_TOO_FEW)
        return False
    items = []
    for p in paths:
        try:
            items.append((read_any(p).report, Path(p).name))
        except ReportError as exc:
            window.dialogs.error(strings.OPEN_FAILED.format(name=Path(p).name), str(exc))
            return False
    try:
        report = merge.merge_reports(items)
    except ReportError as exc:
        window.dialogs.error(strings.ACT_MERGE, str(exc))
        return False
    window._replace_document(ReportDocument(report, unsaved=True))
    window.show_page("t3")
    notes = merge.merge_notes(report)
    window.dialogs.info(strings.MERGE_DONE_TITLE, strings.merge_done(len(items), notes))
    return True


class _AuditThread(QThread):
    """Runs core.audit.audit_paths off the GUI thread, reporting progress."""

    progressed = Signal(int, int)

    def __init__(self, run: Callable, folder: str, out: str):
        super().__init__()
        self.run_audit, self.folder, self.out = run, folder, out
        self.result = None
        self.error: str | None = None
        self.stop = False

    def run(self) -> None:
        try:
            self.result = self.run_audit([self.folder], self.out, progress=self.progressed.emit,
                                         should_stop=lambda: self.stop)
        except ReportError as exc:
            self.error = str(exc)
        except OSError as exc:
            self.error = str(exc)


def batch_audit(window: "MainWindow") -> object | None:
    """Ask for a folder and where to save the audit workbook; check every report in the folder."""
    from core import audit

    folder = window.dialogs.open_folder(strings.AUDIT_FOLDER_TITLE, window.start_folder())
    if not folder:
        return None
    out = window.dialogs.save_file(strings.AUDIT_SAVE_TITLE, str(Path(folder) / strings.AUDIT_FILE_NAME),
                                   strings.XLSX_FILTER)
    if not out:
        return None
    if not out.lower().endswith(".xlsx"):
        out += ".xlsx"
    thread = _AuditThread(audit.audit_paths, folder, out)
    progress = QProgressDialog(strings.AUDIT_RUNNING, strings.BTN_CANCEL, 0, 0, window)
    progress.setWindowTitle(strings.ACT_AUDIT)
    progress.setMinimumDuration(300)

    def show(done: int, total: int) -> None:
        progress.setMaximum(max(total, 1))
        progress.setValue(done)

    thread.progressed.connect(show)
    progress.canceled.connect(lambda: setattr(thread, "stop", True))
    loop = QEventLoop()
    thread.finished.connect(loop.quit)  # queued from the thread: delivered once exec() runs
    thread.start()
    loop.exec()  # the window keeps painting while the thread works
    thread.wait()
    progress.close()
    if thread.error or thread.result is None:
        window.dialogs.error(strings.ACT_AUDIT, thread.error or strings.AUDIT_FAILED)
        return None
    result = thread.result
    text = strings.audit_done(len(result.rows), len(result.with_errors), len(result.unreadable),
                              result.cancelled, str(result.out_xlsx or out))
    if window.dialogs.export_done_text(strings.ACT_AUDIT, text):
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(out).parent)))
    return result
