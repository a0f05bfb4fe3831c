"""One open report with its validator, undo stack and file name, as the window sees it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Mapping

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from core.model import Report, derived_updates, recompute_all
from core.model.report import EXPLANATIONS_REF
from core.rules.base import Finding
from core.rules.explained import explainable, explanation_of
from core.rules.engine import Validator
from core.rules.ids import TOTAL_RULES
from core.schema import PAGES, CellKind

from . import strings
from .undo import ApplyCommand, ExplainCommand, SnapshotCommand, TextCommand

PAGE_ORDER = PAGES


# The classes of finding the clerk sees, in the order they matter (panel groups, badges, counts).
ERROR, EXPORT, WARNING, EXPLAINED = "error", "export", "warning", "explained"
CLASSES = (ERROR, EXPORT, WARNING, EXPLAINED)


def finding_class(finding: Finding, explanations=None) -> str:
    """Return "error", "export" (a warning now, an error at export: 导出前须处理), "warning", or
    "explained" (a warning the clerk has explained: 已说明)."""
    if finding.is_error:
        return ERROR
    if finding.export_error:
        return EXPORT
    if explanations is not None and explanation_of(finding, explanations) is not None:
        return EXPLAINED
    return WARNING


def page_of(finding: Finding) -> str:
    """Return the page a finding belongs to (where the clerk fixes it)."""
    if finding.section:
        return finding.section
    for ref in finding.cells:
        head, _, name = ref.partition(".")
        if head in ("t2", "t3", "t4", "meta"):
            return head
        if head == "text":
            return name
    return "meta"  # report-wide findings (format, year) are fixed on the basic-info page


class ReportDocument(QObject):
    """Owns a report while it is open; every edit goes through :meth:`push_changes` and friends."""

    changed = Signal(object)  # frozenset of refs, after the validator has caught up
    findings_changed = Signal()
    modified_changed = Signal(bool)

    def __init__(self, report: Report, path: str | Path | None = None, *,
                 source_name: str | None = None, unsaved: bool = False, parent=None):
        super().__init__(parent)
        self.report = report
        self.path = Path(path) if path else None
        self.source_name = source_name  # file it was imported from, when not a project file
        from . import settings

        self.validator = Validator(report, final=False, pack=settings.current_pack()[0])
        self.undo_stack = QUndoStack(self)
        self._unsaved_origin = unsaved  # new-year, imported or recovered content
        # Bumped on every change, merged keystrokes and undo + retype too (the undo index is not).
        self.revision = 0
        self._autosaved_revision = 0 if not unsaved else -1
        self.read_only = False  # opened while another window edits the file: save goes to 另存为
        self.lock = None  # core.io.doclock.DocumentLock held on ``path`` while open
        self.stamp = None  # core.io.filestamp.FileStamp of ``path`` when opened or last saved
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        report.subscribe(self._on_report_changed)

    def _on_clean_changed(self, _clean: bool) -> None:
        self.modified_changed.emit(self.is_modified)

    def close(self) -> None:
        self.report.unsubscribe(self._on_report_changed)
        if self.lock is not None:  # the window is done with the file: others may edit it
            self.lock.release()
            self.lock = None

    # -- state -----------------------------------------------------------------------------
    @property
    def is_modified(self) -> bool:
        return self._unsaved_origin or not self.undo_stack.isClean()

    def mark_saved(self, path: str | Path) -> None:
        self.path = Path(path)
        self.source_name = None
        was = self._unsaved_origin
        self._unsaved_origin = False
        self.undo_stack.setClean()
        if was:
            self.modified_changed.emit(self.is_modified)

    def display_name(self) -> str:
        if self.path is not None:
            return self.path.name + (strings.READ_ONLY_SUFFIX if self.read_only else "")
        if self.source_name:
            return self.source_name + strings.IMPORTED_SUFFIX
        return strings.UNTITLED

    def needs_autosave(self) -> bool:
        """Return whether there are unsaved changes not yet in the recovery file."""
        return self.is_modified and self.revision != self._autosaved_revision

    def mark_autosaved(self, revision: int | None = None) -> None:
        self._autosaved_revision = self.revision if revision is None else revision

    # -- findings --------------------------------------------------------------------------
    def findings(self) -> list[Finding]:
        return self.validator.findings()

    def counts(self) -> tuple[int, int, int]:
        """Return (errors, 导出前须处理, other warnings not explained)."""
        errors, warnings = self.validator.counts()
        pending = sum(1 for f in self.validator.findings() if f.export_error and not f.is_error)
        return errors, pending, warnings - pending - self.explained_count()

    def explained_count(self) -> int:
        """Return how many warnings are explained (已说明), counted apart from the warnings."""
        explanations = self.report.explanations
        if not len(explanations):
            return 0
        return sum(1 for f in self.validator.findings() if explanation_of(f, explanations) is not None)

    def explanation(self, finding: Finding) -> str | None:
        """Return the explanation of ``finding``, or None (errors are never explained)."""
        return explanation_of(finding, self.report.explanations)

    def can_explain(self, finding: Finding) -> bool:
        return explainable(finding)

    def explain(self, finding: Finding, text: str) -> None:
        """Write (empty: remove) the explanation of a warning, as one undo step."""
        if not explainable(finding) or (self.explanation(finding) or "") == text.strip():
            return
        label = strings.UNDO_UNEXPLAIN if not text.strip() else strings.UNDO_EXPLAIN
        self.undo_stack.push(ExplainCommand(self.report, finding.rule, finding.cells, text, label))

    def page_counts(self) -> dict[str, tuple[int, int, int]]:
        """Return (errors, 导出前须处理, warnings) for every page; explained warnings are not counted."""
        out = {p: [0, 0, 0, 0] for p in PAGE_ORDER}
        explanations = self.report.explanations
        for f in self.validator.findings():
            out.setdefault(page_of(f), [0, 0, 0, 0])[CLASSES.index(finding_class(f, explanations))] += 1
        return {k: (v[0], v[1], v[2]) for k, v in out.items()}

    def export_blockers(self) -> list[Finding]:
        """Return what export will refuse (or ask about): the errors of the final check."""
        return [f for f in self.validator.findings() if f.blocks_export]

    def total_errors(self) -> list[Finding]:
        """Return the findings that 按分项重新计算合计 would fix."""
        return [f for f in self.validator.findings() if f.rule in TOTAL_RULES]

    def _on_report_changed(self, refs: frozenset) -> None:
        self.revision += 1
        before = self.validator.revision
        self.validator.update(refs)
        self.changed.emit(refs)
        if self.validator.revision != before or EXPLANATIONS_REF in refs:
            self.findings_changed.emit()

    def set_pack(self, pack) -> None:
        """Check with another rule pack (a setting changed): every finding is recomputed."""
        self.validator.set_pack(pack)
        self.findings_changed.emit()
        self.changed.emit(frozenset({"*"}))

    def report_copy(self) -> Report:
        """Return a copy of the report to hand to a background export (the clerk may type on)."""
        copy = Report(self.report.form.id)
        copy.restore(self.report.snapshot())
        copy.extra = dict(self.report.extra)
        return copy

    # -- edits -----------------------------------------------------------------------------
    def push_changes(self, changes: Mapping[str, Any], text: str) -> bool:
        """Push one undo step applying ``changes``; return False when nothing would change."""
        changes = {k: v for k, v in changes.items()
                   if not (self.report.get(k) == v and type(self.report.get(k)) is type(v))}
        if not changes:
            return False
        self.undo_stack.push(ApplyCommand(self.report, changes, text))
        return True

    def set_cells(self, changes: Mapping[str, Any], text: str) -> bool:
        """Set data cells and, in the same undo step, every total that follows from them."""
        changes = dict(changes)
        totals = derived_updates(self.report, changes)
        for ref, value in totals.items():
            changes.setdefault(ref, value)  # a total the user set explicitly (paste) stays
        return self.push_changes(changes, text)

    def set_text(self, section: str, text: str) -> None:
        if self.report.text.get(section) == text:
            return
        title = strings.undo_text(strings.PAGE_TITLES.get(section, section))
        self.undo_stack.push(TextCommand(self.report, section, text, title))

    def recompute_totals(self) -> bool:
        return self.push_changes(recompute_all(self.report), strings.ACT_RECOMPUTE)

    def fill_blank_with_zero(self) -> bool:
        form = self.report.form
        changes = {}
        for spec in form.cells:
            if self.report.values[spec.ref] is None and not spec.derived:
                changes[spec.ref] = Decimal(0) if spec.kind is CellKind.MONEY else 0
        return self.set_cells(changes, strings.UNDO_FILL_ZERO)

    def run_whole(self, operation: Callable[[Report], None], text: str) -> None:
        """Run a whole-report operation (format change …) as one undoable step."""
        self.undo_stack.push(SnapshotCommand(self.report, operation, text))
