"""Autosave and 恢复: the window's side of recovery copies (the copies themselves: gui.recovery).

Autosave writes the recovery copy a few seconds after the last change (and at least every
half minute while the clerk keeps typing), judged by the document's modification counter, never
by the undo index (keystrokes merge into one undo step; undo + retype lands on the same index).
At start every orphaned copy is offered in one list; each is restored, discarded or kept as the
clerk says, a copy is deleted only after this session holds the work in its own copy.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import ReportError
from core.io.filestamp import FileStamp
from core.model import Report

from . import strings
from .dialogs.recovery_dialog import DISCARD, RESTORE, SALVAGE
from .document import ReportDocument

if TYPE_CHECKING:
    from .recovery import RecoveryEntry

AUTOSAVE_IDLE_MS = 3_000  # after the last change
AUTOSAVE_MS = 30_000  # at the latest, while changes keep coming


class RecoveryActions:
    """Autosave, and restoring what crashed sessions left, for the window's FileActions."""

    def __init__(self, files):
        self.files = files  # gui.file_actions.FileActions

    @property
    def window(self):
        return self.files.window

    # -- autosave --------------------------------------------------------------------------
    def autosave_now(self) -> Path | None:
        """Write the recovery copy if there are changes not yet in it; return its path when written."""
        doc, store = self.window.document, self.window.recovery
        if doc is None:
            return None
        if not doc.is_modified:
            if store.has_copy():
                store.discard()  # undone back to what is saved: nothing to recover
            return None
        if not doc.needs_autosave():
            return None
        revision = doc.revision
        try:
            path = store.write(doc.report, doc.path, doc.display_name(), original_stamp=doc.stamp)
        except ReportError as exc:
            self.window.flash(str(exc))
            return None
        except Exception as exc:  # noqa: BLE001 - autosave must never stop the editor
            self.window.flash(strings.unexpected_write_error(type(exc).__name__, str(exc)))
            return None
        doc.mark_autosaved(revision)
        self.window.flash(strings.AUTOSAVED, 3000)
        return path

    # -- recovery --------------------------------------------------------------------------
    def _pristine(self) -> bool:
        doc = self.window.document
        return doc is None or (not doc.is_modified and doc.path is None)

    def offer(self) -> bool:
        """Offer every orphaned recovery copy; return whether one was restored into this window."""
        entries = self.window.recovery.orphans()
        if not entries:
            return False
        decisions = self.files.dialogs.choose_recovery(entries)
        here = False
        for entry in entries:
            action = decisions.get(entry.key)
            if action == DISCARD:
                entry.remove()
            elif action in (RESTORE, SALVAGE):
                target = self.window if not here and self._pristine() else self.window.spawn_window()
                actions = target.files.recovery_actions
                done = actions.restore(entry) if action == RESTORE else actions.salvage(entry)
                here = here or (done and target is self.window)
        return here

    def restore(self, entry: "RecoveryEntry") -> bool:
        """Open the copy as unsaved work of the user's file; the old copy goes once ours is written."""
        try:
            report = entry.load()
        except ReportError as exc:
            self.files.dialogs.error(strings.RECOVERY_TITLE, str(exc))
            return False
        original = Path(entry.original) if entry.original else None
        document = ReportDocument(report, original, unsaved=True)
        if original is not None:
            self.files.guard(document, original)
            if entry.original_stamp is not None:  # the file as it was when the copy was made
                document.stamp = FileStamp(*entry.original_stamp)
        self.files.replace_document(document)
        self.window.flash(strings.RECOVERED)
        if self.autosave_now() is not None:
            entry.remove()  # the work is in this session's copy now
        else:
            self.window.flash(strings.RECOVERY_KEPT)
        return True

    def salvage(self, entry: "RecoveryEntry") -> bool:
        """Start a new report from the readable text of a damaged copy (which is kept)."""
        found = entry.readable()
        year = int(found.year) if found.year.isdigit() else None
        report = Report.new(found.unit, year) if year else Report(unit=found.unit)
        for key, _title, text in found.sections:
            report.text[key] = text
        self.files.replace_document(ReportDocument(report, unsaved=True))
        self.window.flash(strings.RECOVERY_SALVAGED)
        self.autosave_now()
        return True
