"""Which findings are explained (说明型审核): a warning whose rule and cell set the clerk has explained."""

from __future__ import annotations

from typing import Iterable

from ..model.explanations import Explanations
from .base import Finding


def explanation_of(finding: Finding, explanations: Explanations) -> str | None:
    """Return the explanation of ``finding``, or None; errors (and what is an error at export, such as a
    blank cell) are never explained away."""
    if finding.is_error or finding.export_error:
        return None
    return explanations.get(finding.rule, finding.cells)


def written_for_error(finding: Finding, explanations: Explanations) -> str | None:
    """Return an explanation written for an error (kept, but it explains nothing), or None."""
    return explanations.get(finding.rule, finding.cells) if finding.is_error or finding.export_error else None


def explainable(finding: Finding) -> bool:
    """Whether the clerk may explain ``finding`` instead of changing the report (a warning)."""
    return not (finding.is_error or finding.export_error)


def counts(findings: Iterable[Finding], explanations: Explanations) -> tuple[int, int, int]:
    """Return (errors, unexplained warnings, explained warnings)."""
    errors = warnings = explained = 0
    for f in findings:
        if f.is_error:
            errors += 1
        elif explanation_of(f, explanations) is not None:
            explained += 1
        else:
            warnings += 1
    return errors, warnings, explained
