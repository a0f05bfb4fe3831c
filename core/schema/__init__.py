"""The official report formats and the parts of every report, described as data: the one home of domain facts."""

from .document import (DEFAULT_DEADLINE, MONEY_UNITS, NARRATIVE_IDS, PAGES, SECTION_TITLES, SECTIONS, TABLE_IDS,
                       TABLE_NAMES, TEXT_IDS, UNIT_WAN, UNIT_YUAN, WAN, Section, count_chars, section)
from .forms import FORMS, GB2019, GB2021, SHARED_T3_GROUPS, form_for_year, get_form
from .types import CellKind, CellSpec, FormSpec, Formula, GridCell, RowGroup, RowSpec, TableSpec

__all__ = [
    "DEFAULT_DEADLINE", "FORMS", "GB2019", "GB2021", "MONEY_UNITS", "NARRATIVE_IDS", "PAGES", "SECTIONS",
    "SECTION_TITLES", "SHARED_T3_GROUPS", "TABLE_IDS", "TABLE_NAMES", "TEXT_IDS", "UNIT_WAN", "UNIT_YUAN", "WAN",
    "CellKind", "CellSpec", "FormSpec", "Formula", "GridCell", "RowGroup", "RowSpec", "Section", "TableSpec",
    "count_chars", "form_for_year", "get_form", "section",
]
