"""The report model."""

from .report import SECTION_IDS, Baseline, Report
from .totals import derived_updates, recompute_all
from .values import Parsed, Value, format_value, is_number, kind_error, parse_cell_text

__all__ = [
    "SECTION_IDS", "Baseline", "Parsed", "Report", "Value", "derived_updates", "format_value",
    "is_number", "kind_error", "parse_cell_text", "recompute_all",
]
