"""The reviewer's tools in the window: the rule pack to check with, 与上年对比 (a page), 报送情况 and
审核意见 after 批量审核."""

from __future__ import annotations

from . import settings, strings
from .menus import sync_rule_pack
from .views.table_page import TablePage

COMPARE_PAGE = "compare"  # core.schema.REVIEW_PAGES: in the page list only when last year's figures are known


class ReviewActions:
    """Owns the review windows (kept as attributes so that they stay open and tests can find them)."""

    def __init__(self, window):  # the MainWindow: dialogs, document, files, flash, show_page, page
        self.window = window
        self.submissions_dialog = None
        self.last_audit = None  # the latest 批量审核 of this session: 审核意见 are written from it
        self.feedback_op = None

    def audit_finished(self, result) -> None:
        """Keep a finished batch audit for 审核意见, and show its 报送情况 when a list of units was given."""
        self.last_audit = result
        if result.submissions:
            self.show_submissions(result)

    def show_submissions(self, result) -> None:
        """Show 报送情况 of a batch audit; a double-click opens that unit's report."""
        w = self.window
        from .views.submissions_dialog import SubmissionsDialog

        self.submissions_dialog = SubmissionsDialog(result, lambda path: w.files.open_path(path, ask=True), w,
                                                    write_feedback=self.write_feedback)
        self.submissions_dialog.show()

    def write_feedback(self):
        """文件 → 写出审核意见: one file per unit of the latest batch audit, in a folder the reviewer picks."""
        w = self.window
        result = self.last_audit
        if result is None:
            w.dialogs.info(strings.FEEDBACK_TITLE, strings.FEEDBACK_NEED_AUDIT)
            return None
        from pathlib import Path

        audited = result.folder or w.files.start_folder()
        folder = w.dialogs.open_folder(strings.FEEDBACK_FOLDER_TITLE, str(Path(audited) / strings.FEEDBACK_FOLDER_NAME))
        if not folder:
            return None
        fmt = w.dialogs.ask_feedback_format()
        if not fmt:
            return None
        from .background import run_in_background

        def work(progress):
            from core.review.feedback import write_feedback

            return write_feedback(result, folder, fmt)  # a ReportError (folder not writable) goes to ``failed``

        def done(written) -> None:
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            if w.dialogs.export_done_text(strings.FEEDBACK_TITLE, strings.feedback_done(len(written), folder)):
                QDesktopServices.openUrl(QUrl.fromLocalFile(folder))

        def failed(exc: BaseException) -> None:
            from .file_actions import read_failure_text

            w.dialogs.error(strings.FEEDBACK_TITLE, read_failure_text(exc) if not isinstance(exc, OSError) else str(exc))

        self.feedback_op = run_in_background(w, work, title=strings.FEEDBACK_TITLE, label=strings.FEEDBACK_TITLE,
                                             on_success=done, on_failure=failed)
        return self.feedback_op

    def choose_rule_pack(self, spec: str) -> None:
        """Check with the rule pack ``spec`` (a built-in id, a .toml file, or "from-file" to ask)."""
        w = self.window
        if spec == "from-file":
            spec = w.dialogs.open_rule_pack(strings.RULES_FILE_TITLE, w.files.start_folder())
            if not spec:
                sync_rule_pack(w)
                return
        from core.errors import ReportError
        from core.rules.packs import load_pack

        try:
            pack = load_pack(spec)
        except ReportError as exc:
            w.dialogs.error(strings.RULES_TITLE, str(exc))
            sync_rule_pack(w)
            return
        settings.set_rule_pack("" if pack.id == "national" and not pack.source else spec)
        if w.document is not None:
            w.document.set_pack(pack)
        sync_rule_pack(w)
        w.flash(strings.rules_chosen(pack.name))

    def has_last_year(self) -> bool:
        """Whether last year's figures are known (the 「与上年对比」 page has something to show)."""
        doc = self.window.document
        base = doc.report.baseline if doc is not None else None
        return base is not None and bool(base.values)

    def sync_compare_entry(self) -> None:
        """Show 「与上年对比」 in the page list only while last year's figures are known."""
        w = self.window
        shown = self.has_last_year()
        w.nav.set_page_shown(COMPARE_PAGE, shown)
        if not shown and w.document is not None and w.current_page() == COMPARE_PAGE:
            w.show_page("meta")

    def compare_with_last_year(self) -> None:
        """工具 → 与上年对比: the page with every cell beside last year's, jumps marked."""
        w = self.window
        if w.document is None:
            return
        if not self.has_last_year():
            w.dialogs.info(strings.COMPARE_TITLE, strings.COMPARE_NO_BASELINE)
            return
        w.enter_page(COMPARE_PAGE)

    def show_finding_cells(self, ref: str) -> None:
        """Go to the table cell ``ref`` and select it."""
        w = self.window
        page = ref.split(".", 1)[0]
        w.show_page(page)
        widget = w.page(page)
        if isinstance(widget, TablePage):
            widget.view.select_refs([ref])
            widget.view.setFocus()

