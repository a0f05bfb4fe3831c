"""The incremental validator: after an edit, only the rules that read a changed ref run again."""

from __future__ import annotations

from typing import Iterable

from ..model.report import Report
from .base import CheckContext, Finding, Rule, Severity
from .packs import NATIONAL, RulePack
from .report_rules import all_rules

WILDCARD = "*"
_ERROR = Severity.ERROR


class Validator:
    """Keeps the findings of one report up to date.

    Call :meth:`update` with the refs an edit changed (or subscribe it with :meth:`attach`);
    ``"*"`` re-runs everything. Findings are kept per rule and per cell for the editor.
    """

    def __init__(self, report: Report, *, final: bool = False, pack: RulePack | None = None):
        self.report = report
        self.ctx = CheckContext(final=final, pack=pack or NATIONAL)
        self.revision = 0
        self._build()

    def _build(self) -> None:
        self.form_id = self.report.form.id
        self.rules: tuple[Rule, ...] = all_rules(self.form_id)
        index: dict[str, list[int]] = {}
        for i, rule in enumerate(self.rules):
            for ref in rule.inputs:
                index.setdefault(ref, []).append(i)
        self._index = index
        self._results: list[list[Finding]] = [[] for _ in self.rules]
        # ref -> {id(finding): finding}; identity, because comparing findings by value is slow
        self._by_cell: dict[str, dict[int, Finding]] = {}
        self._errors = self._warnings = 0
        for i in range(len(self.rules)):
            self._run(i)
        self.revision += 1

    def attach(self) -> None:
        """Re-check automatically after every change to the report."""
        self.report.subscribe(self.update)

    def detach(self) -> None:
        self.report.unsubscribe(self.update)

    def update(self, refs: Iterable[str]) -> bool:
        """Re-run the rules that read any of ``refs``; return whether any finding changed."""
        if not isinstance(refs, (set, frozenset)):
            refs = set(refs)
        if WILDCARD in refs or self.report.form.id != self.form_id:
            self._build()
            return True
        index = self._index
        todo: set[int] = set()
        for ref in refs:
            rules = index.get(ref)
            if rules:
                todo.update(rules)
        changed = False
        for i in todo:
            if self._run(i):
                changed = True
        if changed:
            self.revision += 1
        return changed

    def _run(self, i: int) -> bool:
        new = self.rules[i].check(self.report, self.ctx)
        old = self._results[i]
        if new == old:
            return False
        by_cell = self._by_cell
        errors = 0
        for f in old:
            if f.severity is _ERROR:
                errors -= 1
            key = id(f)
            for ref in f.cells:
                found = by_cell.get(ref)
                if found is not None:
                    found.pop(key, None)
                    if not found:
                        del by_cell[ref]
        for f in new:
            if f.severity is _ERROR:
                errors += 1
            key = id(f)
            for ref in f.cells:
                found = by_cell.get(ref)
                if found is None:
                    by_cell[ref] = {key: f}
                else:
                    found[key] = f
        self._errors += errors
        self._warnings += (len(new) - len(old)) - errors
        self._results[i] = new
        return True

    # -- reading ---------------------------------------------------------------------------
    def findings(self) -> list[Finding]:
        """Return every current finding: errors first, then in rule order."""
        out = [f for res in self._results for f in res]
        out.sort(key=lambda f: f.severity is not Severity.ERROR)
        return out

    def findings_for(self, ref: str) -> list[Finding]:
        """Return the findings that involve the cell or field ``ref``."""
        found = self._by_cell.get(ref)
        return list(found.values()) if found else []

    def severity_of(self, ref: str) -> Severity | None:
        """Return the worst severity of the findings on ``ref``, or None."""
        found = self._by_cell.get(ref)
        if not found:
            return None
        return Severity.ERROR if any(f.is_error for f in found.values()) else Severity.WARNING

    def counts(self) -> tuple[int, int]:
        """Return (errors, warnings)."""
        return self._errors, self._warnings


    def set_pack(self, pack: RulePack | None) -> None:
        """Check with another rule pack from now on (re-checks everything)."""
        self.ctx = CheckContext(final=self.ctx.final, pack=pack or NATIONAL)
        self._build()


def check_report(report: Report, *, final: bool = True, pack: RulePack | None = None) -> list[Finding]:
    """Check a whole report once (with the rule pack ``pack``, national by default) and return its findings.

    The same findings, in the same order, as a :class:`Validator`'s, without its per-cell bookkeeping (a batch
    audit checks thousands of reports once each)."""
    ctx = CheckContext(final=final, pack=pack or NATIONAL)
    out = [f for rule in all_rules(report.form.id) for f in rule.check(report, ctx)]
    out.sort(key=lambda f: f.severity is not Severity.ERROR)
    return out
