"""汇总 and 批量审核: thin actions over core.merge and core.audit, run in the background.

They know nothing of the window: they get the dialogs, the folder to start in and a callback
that shows a new report (``show_report(document, page)``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from core.errors import ReportError

from . import strings
from .background import BackgroundOp, run_in_background
from .document import ReportDocument
from .file_actions import read_failure_text, read_guarded

ShowReport = Callable[[ReportDocument, str], None]


def merge_files(parent: QWidget, dialogs, folder: str, show_report: ShowReport) -> BackgroundOp | None:
    """Ask for several reports and add their tables up into a new (unsaved) report."""
    paths = dialogs.open_files(strings.MERGE_TITLE, folder)
    if len(paths) < 2:
        if paths:
            dialogs.error(strings.MERGE_OP_TITLE, strings.MERGE_TOO_FEW)
        return None

    def work(progress):
        from core import merge

        items = []
        for i, p in enumerate(paths):
            progress.check()
            progress.update(i, len(paths), strings.merge_reading(i + 1, len(paths), Path(p).name))
            try:
                items.append((read_guarded(Path(p))[0].report, Path(p).name))  # untrusted: in a worker
            except ReportError as exc:
                raise ReportError(strings.open_failed(Path(p).name) + "：" + str(exc)) from exc
        duplicates = merge.find_duplicates(items)
        if duplicates:  # asked on the GUI thread: merging them would count a unit twice
            return items, duplicates
        report = merge.merge_reports(items)
        return report, merge.merge_notes(report)

    def done(outcome) -> None:
        report, notes = outcome
        if isinstance(report, list):  # (items, duplicates)
            from core import merge

            if not dialogs.ask_merge_duplicates(strings.merge_duplicates(notes)):
                return
            report = merge.merge_reports(outcome[0], allow_duplicates=True)
            notes = merge.merge_notes(report)
        show_report(ReportDocument(report, unsaved=True), "t3")
        dialogs.info(strings.MERGE_DONE_TITLE, strings.merge_done(len(paths), notes))

    def failed(exc: BaseException) -> None:
        dialogs.error(strings.MERGE_OP_TITLE, read_failure_text(exc))

    return run_in_background(parent, work, title=strings.MERGE_OP_TITLE, label=strings.MERGE_RUNNING,
                             on_success=done, on_failure=failed)


def batch_audit(parent: QWidget, dialogs, folder: str,
                finished: Callable[[object], None] | None = None) -> BackgroundOp | None:
    """Ask for a folder, where to save the audit workbook and (optionally) the list of units expected to
    report; check every report in the folder, then hand the result to ``finished`` (报送情况, 审核意见)."""
    chosen = dialogs.open_folder(strings.AUDIT_FOLDER_TITLE, folder)
    if not chosen:
        return None
    out = dialogs.save_file(strings.AUDIT_SAVE_TITLE, str(Path(chosen) / strings.AUDIT_FILE_NAME),
                            strings.XLSX_FILTER)
    if not out:
        return None
    out = Path(out if out.lower().endswith(".xlsx") else out + ".xlsx")
    expect = dialogs.open_expect(strings.AUDIT_EXPECT_TITLE, chosen)
    from . import settings

    pack, _ = settings.current_pack()

    def work(progress):
        from core import audit

        def checked(done: int, total: int) -> None:
            progress.update(done, total, strings.audited(done, total))

        expected = None
        if expect:
            from core.review.expect import read_expected

            expected = read_expected(expect)  # a ReportError is shown by ``failed``
        result = audit.audit_paths([chosen], None, checked, should_stop=lambda: progress.cancelled, pack=pack,
                                   expected=expected)
        progress.check()
        progress.phase(strings.audit_writing(len(result.rows)))
        # Written beside the target and moved in place only if the clerk did not cancel meanwhile.
        tmp = out.with_name(f".{out.stem}.{os.getpid()}.part.xlsx")
        try:
            audit.write_audit_xlsx(result, tmp)
            progress.check()
            os.replace(tmp, out)
        finally:
            tmp.unlink(missing_ok=True)
        result.out_xlsx = out
        return result

    def done(result) -> None:
        result.folder = chosen
        if finished is not None:
            finished(result)
        text = strings.audit_done(len(result.rows), len(result.with_errors), len(result.unreadable), str(out))
        if dialogs.export_done_text(strings.AUDIT_OP_TITLE, text):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out.parent)))

    def failed(exc: BaseException) -> None:
        dialogs.error(strings.AUDIT_OP_TITLE, read_failure_text(exc) if not isinstance(exc, OSError)
                      else str(exc))

    return run_in_background(parent, work, title=strings.AUDIT_OP_TITLE, label=strings.AUDIT_RUNNING,
                             on_success=done, on_failure=failed)
