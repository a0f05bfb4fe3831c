"""E-STRUCT-TABLES: the tables a report was imported from differ from the official format.

The import records each deviation with the report (:class:`core.model.deviation.TableDeviation`);
this rule raises it as an error until the clerk has dealt with it.
"""

from __future__ import annotations

from functools import lru_cache

from ..schema import get_form
from .base import Finding, Rule, Severity
from .ids import STRUCT_TABLES


class DeviationRule(Rule):
    """One finding per open deviation, naming the cells the clerk has to look at."""

    id = STRUCT_TABLES

    def __init__(self, form_id: str):
        # Any cell may be one a deviation names; the rule costs nothing while there are none.
        self.inputs = frozenset(c.ref for c in get_form(form_id).cells) | {"*"}

    def check(self, report, ctx):
        return [Finding(STRUCT_TABLES, Severity.ERROR, d.cells, d.message)
                for d in report.deviations if d.is_open(report.values)]


@lru_cache(maxsize=None)
def structure_rules(form_id: str) -> tuple[Rule, ...]:
    return (DeviationRule(form_id),)
