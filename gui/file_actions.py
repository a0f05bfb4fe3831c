"""File actions of the window: new, open/import, 从上年报告新建, save, autosave and recovery.

The one seam between the window and files on disk: menus, the start page, drops and the command
line all come here. Reading runs through :mod:`gui.background` (a hostile file must not freeze the
window); saving and autosave write project files through ``core.io.project_file``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Protocol

from core.errors import ReportError
from core.io import project_file
from core.model import Report

from . import settings, strings
from .background import BackgroundOp, run_in_background
from .document import ReportDocument, page_of


class Window(Protocol):
    """What the file actions need from the window they serve."""

    dialogs: object  # gui.dialogs.questions.Dialogs or a stand-in
    document: ReportDocument | None
    recovery: object  # gui.recovery.RecoveryStore

    def set_document(self, document: ReportDocument | None) -> None: ...
    def enter_page(self, page: str) -> None: ...
    def flash(self, text: str, ms: int = 6000) -> None: ...
    def show_total_errors(self) -> None: ...
    def commit_pending_edits(self) -> None: ...
    def update_title(self) -> None: ...


def read_failure_text(exc: BaseException) -> str:
    """The message for a file that could not be read: the reader's own words, or what went wrong."""
    if isinstance(exc, ReportError):
        return str(exc)
    return strings.unexpected_error(type(exc).__name__, str(exc))


def notes_text(name: str, notes) -> str:
    """The 「读取报告时的说明」 text: what could not be read, or was read by a guess."""
    return strings.read_notes_intro(name) + "\n\n" + "\n".join(f"· {n.message}" for n in notes)


class FileActions:
    """Everything that opens, creates or saves a report for ``window``."""

    def __init__(self, window: Window):
        self.window = window

    @property
    def dialogs(self):
        return self.window.dialogs

    @property
    def document(self) -> ReportDocument | None:
        return self.window.document

    def start_folder(self) -> str:
        """Where file dialogs start: the open report's folder, the last one used, or Documents."""
        doc = self.document
        if doc is not None and doc.path is not None and doc.path.parent.is_dir():
            return str(doc.path.parent)
        return settings.last_folder()

    def replace_document(self, document: ReportDocument, page: str = "meta") -> None:
        """Show ``document`` instead of the current one (whose changes were saved or dropped)."""
        self.window.recovery.discard()
        self.window.set_document(document)
        self.window.enter_page(page)

    # -- asking ----------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask about unsaved changes; return False when the user cancels."""
        doc = self.document
        if doc is None or not doc.is_modified:
            return True
        answer = self.dialogs.ask_save(doc.display_name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    # -- new -------------------------------------------------------------------------------
    def new_report(self) -> bool:
        if not self.maybe_save():
            return False
        unit = (self.document.report.meta.get("unit") or "") if self.document is not None else ""
        answer = self.dialogs.new_report(unit)
        if answer is None:
            return False
        unit, year = answer
        self.replace_document(ReportDocument(Report.new(unit, year)))
        return True

    def new_from_last_year(self) -> BackgroundOp | None:
        """Start this year's report from last year's file (carry-over, baseline, draft narrative)."""
        if not self.maybe_save():
            return None
        path = self.dialogs.open_file(strings.NEW_YEAR_TITLE, self.start_folder())
        if not path:
            return None
        settings.remember_folder(path)
        path = Path(path)

        def work(progress):
            from core.io.reader import read_any
            from core.newyear import new_year_from

            result = read_any(path)
            return result, new_year_from(result.report)

        def done(outcome) -> None:
            result, report = outcome
            self.replace_document(ReportDocument(report, unsaved=True))
            self.window.flash(strings.new_year_done(result.report.meta.get("year") or ""))
            if result.notes:  # what could not be read from last year's file: tell, never hide
                self.dialogs.info(strings.READ_NOTES_TITLE, notes_text(path.name, result.notes))

        return run_in_background(self.window, work, title=strings.NEW_YEAR_OP_TITLE,
                                 label=strings.reading(path.name), on_success=done,
                                 on_failure=self._read_failed(path))

    # -- open ------------------------------------------------------------------------------
    def open_dialog(self) -> BackgroundOp | None:
        if not self.maybe_save():
            return None
        path = self.dialogs.open_file(strings.OPEN_TITLE, self.start_folder())
        if not path:
            return None
        settings.remember_folder(path)
        return self.open_path(path)

    def open_path(self, path: str | Path, *, ask: bool = False, page: str | None = None,
                  then: Callable[[], None] | None = None) -> BackgroundOp | None:
        """Open a report file in the background; on failure tell the user and keep the current report."""
        if ask and not self.maybe_save():
            return None
        path = Path(path)

        def work(progress):
            from core.io.reader import read_any

            return read_any(path)

        def done(result) -> None:
            is_project = result.source_kind == "project"
            document = ReportDocument(result.report, path if is_project else None,
                                      source_name=None if is_project else path.name, unsaved=not is_project)
            wrong = document.total_errors()
            self.replace_document(document, page or (page_of(wrong[0]) if wrong else "meta"))
            if is_project:
                settings.add_recent_file(path)
            self.window.show_total_errors()
            if result.notes:
                self.dialogs.info(strings.READ_NOTES_TITLE, notes_text(path.name, result.notes))
            if then is not None:
                then()

        return run_in_background(self.window, work, title=strings.OPEN_OP_TITLE, label=strings.reading(path.name),
                                 on_success=done, on_failure=self._read_failed(path))

    def _read_failed(self, path: Path) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            self.dialogs.error(strings.open_failed(path.name), read_failure_text(exc))
        return failed

    # -- save ------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.document is None:
            return False
        self.window.commit_pending_edits()
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        if self.document is None:
            return False
        self.window.commit_pending_edits()
        meta = self.document.report.meta
        suggested = self.document.path or Path(self.start_folder()) / (
            strings.project_file_name(meta.get("unit"), meta.get("year")) + project_file.EXTENSION)
        path = self.dialogs.save_file(strings.SAVE_TITLE, str(suggested), strings.PROJECT_FILTER)
        if not path:
            return False
        path = Path(path)
        settings.remember_folder(path)
        if path.suffix.lower() != project_file.EXTENSION:
            path = path.with_name(path.name + project_file.EXTENSION)
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        try:
            project_file.save(self.document.report, path)
        except (ReportError, OSError) as exc:
            self.dialogs.error(strings.save_failed(path.name), str(exc))
            return False
        self.document.mark_saved(path)
        self.window.recovery.discard()
        settings.add_recent_file(path)
        self.window.update_title()
        self.window.flash(strings.saved(path))
        return True

    # -- autosave and recovery -------------------------------------------------------------
    def autosave_now(self) -> Path | None:
        """Write the recovery copy if there are unsaved changes not yet in it."""
        doc = self.document
        if doc is None or not doc.needs_autosave():
            return None
        try:
            path = self.window.recovery.write(doc.report, doc.path, doc.display_name())
        except (ReportError, OSError) as exc:
            self.window.flash(str(exc))
            return None
        doc.mark_autosaved()
        self.window.flash(strings.AUTOSAVED, 3000)
        return path

    def offer_recovery(self) -> bool:
        """Offer to restore work left by a session that crashed; return whether one was restored."""
        restored = False
        for entry in self.window.recovery.orphans():
            if not restored and self.dialogs.ask_restore(entry):
                try:
                    report = entry.load()
                except ReportError as exc:
                    self.dialogs.error(strings.RECOVERY_TITLE, str(exc))
                else:
                    original = Path(entry.original) if entry.original else None
                    self.window.set_document(ReportDocument(report, original, unsaved=True))
                    self.window.enter_page("meta")
                    self.window.flash(strings.RECOVERED)
                    restored = True
                    self.autosave_now()  # the copy now belongs to this session
            entry.remove()
        return restored
