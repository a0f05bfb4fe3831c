"""Validation rules (domain.md §3) and the incremental validator."""

from .base import CheckContext, Finding, Rule, Severity
from .engine import Validator, check_report
from .report_rules import RULE_SETS, all_rules, build_rules

__all__ = ["CheckContext", "Finding", "RULE_SETS", "Rule", "Severity", "Validator", "all_rules",
           "build_rules", "check_report"]
