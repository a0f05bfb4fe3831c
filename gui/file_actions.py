"""File actions of the window: new, open/import, 从上年报告新建, save, autosave and recovery.

The one seam between the window and files on disk: menus, the start page, drops and the command
line all come here. Reading runs through :mod:`gui.background` (a hostile file must not freeze the
window); saving and autosave write project files through ``core.io.project_file``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Protocol

from core.errors import ReportError
from core.io import project_file
from core.io.doclock import DocumentLock, LockOwner, current_owner
from core.io.filenames import safe_file_name
from core.io.filestamp import changed_since, stamp
from core.io.os_errors import write_error
from core.model import Report

from . import settings, strings
from .background import BackgroundOp, run_in_background
from .document import ReportDocument, page_of
from .recovery_actions import RecoveryActions


class Window(Protocol):
    """What the file actions need from the window they serve."""

    dialogs: object  # gui.dialogs.questions.Dialogs or a stand-in
    document: ReportDocument | None
    recovery: object  # gui.recovery.RecoveryStore

    def set_document(self, document: ReportDocument | None) -> None: ...
    def spawn_window(self) -> "Window": ...
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


def read_guarded(path: Path):
    """Read ``path`` for the window: ``(ReadResult, FileStamp or None)``.

    A project file is read here (it is validated as it is read and cannot run away); any other
    document in a worker process with a time and memory budget (core.io.import_worker).
    """
    from core.io.atomic import remove_stale_temps

    if project_file.looks_like_project(path):
        from core.io.reader import read_any

        result = read_any(path)
        remove_stale_temps(path.parent, path.name)  # temp files of a save that was killed
        return result, stamp(path)
    from core.io.import_worker import read_isolated

    return read_isolated(path), None


def prestart_reader() -> None:
    """Warm the import worker while the clerk picks a file (its start-up then costs nothing)."""
    from core.io.import_worker import prestart

    prestart()


def notes_text(name: str, notes) -> str:
    """The 「读取报告时的说明」 text: what could not be read, or was read by a guess."""
    return strings.read_notes_intro(name) + "\n\n" + "\n".join(f"· {n.message}" for n in notes)


class FileActions:
    """Everything that opens, creates or saves a report for ``window``."""

    def __init__(self, window: Window):
        self.window = window
        self.recovery_actions = RecoveryActions(self)

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
        """Ask about unsaved changes (a cell or field still being typed in counts); False: the user cancels."""
        self.window.commit_pending_edits()
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
        prestart_reader()
        path = self.dialogs.open_file(strings.NEW_YEAR_TITLE, self.start_folder())
        if not path:
            return None
        settings.remember_folder(path)
        path = Path(path)

        def work(progress):
            from core.newyear import new_year_from

            result, _ = read_guarded(path)
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
        prestart_reader()
        path = self.dialogs.open_file(strings.OPEN_TITLE, self.start_folder())
        if not path:
            return None
        settings.remember_folder(path)
        return self.open_path(path)

    def open_path(self, path: str | Path, *, ask: bool = False, page: str | None = None) -> BackgroundOp | None:
        """Open a report file in the background; on failure tell the user and keep the current report."""
        if ask and not self.maybe_save():
            return None
        path = Path(path)

        def work(progress):
            return read_guarded(path)

        def done(outcome) -> None:
            result, opened_stamp = outcome
            is_project = result.source_kind == "project"
            document = ReportDocument(result.report, path if is_project else None,
                                      source_name=None if is_project else path.name, unsaved=not is_project)
            if is_project:
                document = self._open_guarded(document, path, opened_stamp)
                if document is None:
                    return  # in use elsewhere and the clerk chose not to open it
            wrong = document.total_errors()
            self.replace_document(document, page or (page_of(wrong[0]) if wrong else "meta"))
            if is_project:
                settings.add_recent_file(path)
            self.window.show_total_errors()
            if result.notes:
                self.dialogs.info(strings.READ_NOTES_TITLE, notes_text(path.name, result.notes))

        return run_in_background(self.window, work, title=strings.OPEN_OP_TITLE, label=strings.reading(path.name),
                                 on_success=done, on_failure=self._read_failed(path))

    def guard(self, document: ReportDocument, path: Path) -> LockOwner | None:
        """Lock ``path`` for ``document``; return who else has it open (the document is then read-only)."""
        lock = DocumentLock(path)
        owner = lock.acquire()
        if owner is None:
            document.lock = lock
            return None
        document.read_only = True
        return owner

    def _open_guarded(self, document: ReportDocument, path: Path, opened_stamp) -> ReportDocument | None:
        """Take the file's lock; when another window has it, ask: read-only, a copy, or not at all —
        and, for a lock another computer left, 「仍要编辑」 once the clerk confirms it is not open there."""
        document.stamp = opened_stamp
        current = self.document
        if current is not None and current.lock is not None and current.lock.held and _same_file(current.path, path):
            document.lock, current.lock = current.lock, None  # reopened in this window: the lock is ours
            return document
        owner = self.guard(document, path)
        while owner is not None:
            answer = self.dialogs.ask_locked(path.name, owner.describe(), can_take_over=owner.elsewhere)
            if answer == "readonly":
                return document
            if answer == "copy":
                return ReportDocument(document.report, None, source_name=path.stem + strings.COPY_SUFFIX,
                                      unsaved=True)
            if answer != "takeover" or not owner.elsewhere:
                return None
            if not self.dialogs.confirm_take_over(path.name, owner.left_by(), owner.host):
                continue  # back to the first question
            lock = DocumentLock(path)
            if lock.take_over(owner):
                document.lock, document.read_only = lock, False
                self.window.flash(strings.lock_taken_over(owner.describe()), 15000)
                return document
            owner = self.guard(document, path)  # it changed meanwhile: whose is it now?
            if owner is None:
                document.read_only = False
        return document

    def _read_failed(self, path: Path) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            self.dialogs.error(strings.open_failed(path.name), read_failure_text(exc))
        return failed

    # -- save ------------------------------------------------------------------------------
    def save(self) -> bool:
        """保存 (Ctrl+S): to the report's own file, asking first if it changed on disk since opened."""
        doc = self.document
        if doc is None:
            return False
        try:
            self.window.commit_pending_edits()
            if doc.path is None:
                return self.save_as()
            if doc.read_only:
                self.dialogs.info(strings.LOCKED_TITLE, strings.read_only_save(doc.path.name))
                return self.save_as()
            taker = doc.lock.lost_to() if doc.lock is not None else None
            if taker is not None:  # another computer took the lock over: it is editing the file now
                answer = self.dialogs.ask_lock_lost(doc.path.name, taker.describe())
                if answer == "save_as":
                    return self.save_as()
                if answer != "overwrite":
                    return False
            if changed_since(doc.stamp, doc.path):
                answer = self.dialogs.ask_overwrite_changed(doc.path.name)
                if answer == "save_as":
                    return self.save_as()
                if answer != "overwrite":
                    return False
            return self._save_to(doc.path)
        except Exception as exc:  # noqa: BLE001 - whatever happens, say so and keep the document
            return self._save_failed(doc.path or Path(doc.display_name()), exc)

    def save_as(self) -> bool:
        doc = self.document
        if doc is None:
            return False
        try:
            self.window.commit_pending_edits()
            meta = doc.report.meta
            suggested = doc.path or Path(self.start_folder()) / (
                safe_file_name(strings.project_file_name(meta.get("unit"), meta.get("year")))
                + project_file.EXTENSION)
            path = self.dialogs.save_file(strings.SAVE_TITLE, str(suggested), strings.PROJECT_FILTER)
            if not path:
                return False
            path = Path(path).absolute()
            settings.remember_folder(path)
            if path.suffix.lower() != project_file.EXTENSION:
                path = path.with_name(path.name + project_file.EXTENSION)
            owner = current_owner(path)
            if owner is not None and not (doc.lock is not None and doc.lock.held and owner.token == doc.lock.owner.token):
                self.dialogs.error(strings.save_failed(path.name), strings.locked_target(path.name, owner.describe()))
                return False
            return self._save_to(path)
        except Exception as exc:  # noqa: BLE001
            return self._save_failed(Path(doc.display_name()), exc)

    def _save_failed(self, path: Path, exc: BaseException) -> bool:
        if isinstance(exc, ReportError):
            text = str(exc)
        elif isinstance(exc, OSError):
            text = str(write_error(exc, path))
        else:
            text = strings.unexpected_write_error(type(exc).__name__, str(exc))
        self.dialogs.error(strings.save_failed(path.name), text)
        return False

    def _save_to(self, path: Path) -> bool:
        doc = self.document
        try:
            warnings = project_file.save(doc.report, path)
        except Exception as exc:  # noqa: BLE001 - a full disk, a bug: the document stays open and unsaved
            return self._save_failed(path, exc)
        moved = doc.path is None or Path(path).absolute() != Path(doc.path).absolute()
        doc.mark_saved(path)
        if moved:  # the lock moves with the report to its new file
            if doc.lock is not None:
                doc.lock.release()
                doc.lock = None
            doc.read_only = False
            self.guard(doc, Path(path))
        doc.stamp = stamp(path)
        self.window.recovery.discard()
        settings.add_recent_file(path)
        self.window.update_title()
        self.window.flash(strings.save_warnings(warnings) if warnings else strings.saved(path), 10000)
        return True

    # -- autosave and recovery -------------------------------------------------------------
    def autosave_now(self) -> Path | None:
        """Write the recovery copy if there are unsaved changes not yet in it (gui.recovery_actions)."""
        return self.recovery_actions.autosave_now()

    def offer_recovery(self) -> bool:
        """Offer every copy crashed sessions left; return whether one was restored into this window."""
        return self.recovery_actions.offer()


def _same_file(a: Path | None, b: Path) -> bool:
    try:
        return a is not None and os.path.samefile(a, b)
    except OSError:
        return False
