"""Undo commands: thin QUndoCommands over ``report.apply`` and whole-report snapshots."""

from __future__ import annotations

import time
from typing import Any, Callable, Mapping

from PySide6.QtGui import QUndoCommand

from core.model import Report

TEXT_MERGE_ID = 1
TEXT_MERGE_SECONDS = 2.0  # typing pauses longer than this start a new undo step


class ApplyCommand(QUndoCommand):
    """Apply a set of changes to the report; undo applies the inverse the report returned."""

    def __init__(self, report: Report, changes: Mapping[str, Any], text: str):
        super().__init__(text)
        self.report = report
        self.changes = dict(changes)
        self._inverse: dict[str, Any] = {}

    def redo(self) -> None:
        self._inverse = self.report.apply(self.changes)

    def undo(self) -> None:
        self.report.apply(self._inverse)


class TextCommand(ApplyCommand):
    """A narrative edit; consecutive keystrokes in one section merge into one undo step."""

    def __init__(self, report: Report, section: str, new_text: str, text: str):
        super().__init__(report, {f"text.{section}": new_text}, text)
        self.section = section
        self.stamp = time.monotonic()

    def id(self) -> int:
        return TEXT_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, TextCommand) or other.section != self.section:
            return False
        if other.stamp - self.stamp > TEXT_MERGE_SECONDS:
            return False
        # Keep our inverse (the text before the burst); take the newest text.
        for ref, old in other._inverse.items():
            self._inverse.setdefault(ref, old)
        self.changes = dict(other.changes)
        self.stamp = other.stamp
        return True


class ExplainCommand(QUndoCommand):
    """Write, change or remove (empty text) the explanation of a warning (说明型审核)."""

    def __init__(self, report: Report, rule: str, cells, explanation: str, text: str):
        super().__init__(text)
        self.report, self.rule, self.cells, self.explanation = report, rule, tuple(cells), explanation
        self._old: str | None = None

    def redo(self) -> None:
        self._old = self.report.explain(self.rule, self.cells, self.explanation)

    def undo(self) -> None:
        self.report.explain(self.rule, self.cells, self._old)


class SnapshotCommand(QUndoCommand):
    """A whole-report operation (format change …): undo restores the snapshot taken before."""

    def __init__(self, report: Report, operation: Callable[[Report], None], text: str):
        super().__init__(text)
        self.report = report
        self.operation = operation
        self._before: dict | None = None
        self._after: dict | None = None

    def redo(self) -> None:
        if self._after is None:
            self._before = self.report.snapshot()
            self.operation(self.report)
            self._after = self.report.snapshot()
        else:
            self.report.restore(self._after)

    def undo(self) -> None:
        if self._before is not None:
            self.report.restore(self._before)
