"""Parsing what a clerk types into a cell."""

from decimal import Decimal

import pytest

from core.model import format_value, parse_cell_text
from core.schema import CellKind

C, M, S = CellKind.COUNT, CellKind.MONEY, CellKind.SIGNED


@pytest.mark.parametrize("text,kind,value", [
    ("12", C, 12), ("１２", C, 12), ("1,234", C, 1234), ("1，234", C, 1234), (" 7 ", C, 7),
    ("-4", S, -4), ("－4", S, -4), ("−4", S, -4), ("+3", S, 3), ("0", S, 0),
    ("21613.91", M, Decimal("21613.91")), ("0.50", M, Decimal("0.50")), ("3", M, Decimal("3")),
    ("", C, None), ("   ", M, None),
])
def test_accepted(text, kind, value):
    parsed = parse_cell_text(text, kind)
    assert parsed.ok and parsed.value == value and type(parsed.value) is type(value)


@pytest.mark.parametrize("text,kind", [
    ("abc", C), ("减4", S), ("-4", C), ("1.5", C), ("1.5", S), ("-1", M), ("12元", C), ("1,23", C),
    ("/", C), ("—", C),
])
def test_refused_with_a_chinese_reason(text, kind):
    parsed = parse_cell_text(text, kind)
    assert not parsed.ok and parsed.value is None
    assert text.strip() in parsed.error or "整数" in parsed.error or "负数" in parsed.error


def test_money_keeps_decimals_as_typed():
    assert format_value(parse_cell_text("21613.90", M).value) == "21613.90"
    assert format_value(None) == ""
