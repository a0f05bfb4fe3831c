"""Findings and the rule protocol."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from .packs import NATIONAL, RulePack

if TYPE_CHECKING:
    from ..model.report import Report


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        return "错误" if self is Severity.ERROR else "警告"


# Refs of what an export puts right by itself: the sections' order of an imported file (E-STRUCT-SECTIONS).
EXPORT_FIXES = frozenset({"imported.sections"})


class Finding(NamedTuple):
    """One problem found in a report: which rule, how bad, which cells, and what to tell the clerk.

    A NamedTuple rather than a frozen dataclass: findings are rebuilt on every edit, and a
    tuple is three times cheaper to make.
    """

    rule: str
    severity: Severity
    cells: tuple[str, ...]
    message: str
    quote: str | None = None  # the sentence a text rule is about
    section: str | None = None  # narrative section of ``quote`` ("overview", …)
    span: tuple[int, int] | None = None  # character offsets of ``quote`` in that section
    export_error: bool = False  # an error at export (and for ``check``) even while editing calls it a warning

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def blocks_export(self) -> bool:
        """Whether export refuses (or asks) because of this finding; not when it is only about
        what the export itself puts right (an imported file's section order)."""
        if self.cells and EXPORT_FIXES.issuperset(self.cells):
            return False
        return self.severity is Severity.ERROR or self.export_error

    def to_dict(self) -> dict:
        d = {"rule": self.rule, "severity": self.severity.value, "cells": list(self.cells),
             "message": self.message}
        if self.quote is not None:
            d.update(quote=self.quote, section=self.section)
        return d


@dataclass(frozen=True)
class CheckContext:
    """How to check: ``final`` (export, published reports) turns blanks into errors; ``pack`` holds the
    local settings (deadlines, thresholds) the rules read."""

    final: bool = False
    pack: RulePack = NATIONAL


class Rule:
    """A rule reads the refs in ``inputs`` and returns findings.

    ``inputs`` containing ``"*"`` means the rule reads the whole report (or last year's
    baseline) and runs again after any whole-report change.
    """

    id: str = ""
    inputs: frozenset = frozenset()

    def check(self, report: "Report", ctx: CheckContext) -> list[Finding]:  # pragma: no cover
        raise NotImplementedError
