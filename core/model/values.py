"""Cell values: parsing what a clerk types, and showing values back."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Union

from ..schema.types import CellKind

# A cell holds None (blank, "not filled yet"), an int, a Decimal (money), or the raw text of
# something that is not a valid number (kept so that it can be reported, never dropped).
Value = Union[None, int, Decimal, str]

_MINUS = "-−－—–"
_SEPARATORS = ",，、'’ \u00a0\u3000"


@dataclass(frozen=True)
class Parsed:
    """The outcome of parsing a cell's text: a value, or a Chinese reason it was refused."""

    value: Value = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def normalise_digits(text: str) -> str:
    """Fold full-width digits, signs and points to ASCII (NFKC) and trim spaces."""
    return unicodedata.normalize("NFKC", text).strip()


def parse_cell_text(text: str, kind: CellKind) -> Parsed:
    """Parse what a user typed or pasted into a cell of ``kind``.

    Accepts half- and full-width digits and thousands separators; a minus sign only for
    signed cells and a decimal point only for money cells. Blank text gives a blank cell.
    """
    raw = text
    s = normalise_digits(text)
    if not s:
        return Parsed(None)
    negative = False
    if s[0] in _MINUS or s[0] == "+":
        negative = s[0] != "+"
        s = s[1:].lstrip()
    body = s
    if re.fullmatch(r"\d{1,3}([,，'’ \u00a0]\d{3})+(\.\d+)?", body):
        body = re.sub(r"[,，'’ \u00a0]", "", body)
    if not re.fullmatch(r"\d+(\.\d+)?", body):
        return Parsed(error=f"“{raw.strip()}”不是数字，请只填写阿拉伯数字")
    if "." in body:
        if kind is not CellKind.MONEY:
            return Parsed(error=f"“{raw.strip()}”：此栏填写件数，只能是整数")
        try:
            value: int | Decimal = Decimal(body)
        except InvalidOperation:  # pragma: no cover - guarded by the regex
            return Parsed(error=f"“{raw.strip()}”不是数字")
    else:
        value = int(body)
        if kind is CellKind.MONEY:
            value = Decimal(body)
    if negative and value != 0:
        if kind is not CellKind.SIGNED:
            return Parsed(error=f"“{raw.strip()}”：此栏不能填负数")
        value = -value
    return Parsed(value)


NUMBER_TYPES = frozenset({int, Decimal})


def is_number(value: Value) -> bool:
    """Return whether ``value`` is a number (not blank and not invalid text)."""
    return type(value) in NUMBER_TYPES


def format_value(value: Value) -> str:
    """Return the text shown for a cell value: blank stays empty, money keeps its decimals."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def kind_error(value: Value, kind: CellKind) -> str | None:
    """Return why ``value`` is not allowed in a cell of ``kind``, or None if it is."""
    if value is None:
        return None
    if isinstance(value, str):
        return f"“{value}”不是数字"
    if isinstance(value, bool):
        return "不是数字"
    if kind is CellKind.MONEY:
        if value < 0:
            return f"金额 {format_value(value)} 不能为负数"
        return None
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return f"{format_value(value)} 不是整数"
    if kind is CellKind.COUNT and value < 0:
        return f"件数 {format_value(value)} 不能为负数"
    return None
