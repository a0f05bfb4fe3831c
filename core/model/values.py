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
# No count and no amount in 万元 has more than 15 integer digits; more decimals than this are no
# amount either. Bigger values come only from damaged or hostile files, and printing them can
# cost gigabytes (1e999999999 has a billion digits).
MAX_INT_DIGITS = 15
MAX_DECIMALS = 10
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
        return Parsed(error=f"“{shorten(raw.strip())}”不是数字，请只填写阿拉伯数字")
    whole, _, decimals = body.partition(".")
    if len(whole.lstrip("0")) > MAX_INT_DIGITS or len(decimals) > MAX_DECIMALS:
        return Parsed(error=f"“{shorten(raw.strip())}”超出合理范围（整数部分最多 {MAX_INT_DIGITS} 位，"
                            f"小数最多 {MAX_DECIMALS} 位）")
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


def in_range(value: int | Decimal) -> bool:
    """Return whether a number is small enough to be a real count or amount (see MAX_INT_DIGITS)."""
    if isinstance(value, Decimal):
        if not value.is_finite():
            return False
        if not value:
            return -MAX_DECIMALS <= value.as_tuple().exponent <= MAX_INT_DIGITS
        return value.adjusted() < MAX_INT_DIGITS and value.as_tuple().exponent >= -MAX_DECIMALS
    return -(10 ** MAX_INT_DIGITS) < value < 10 ** MAX_INT_DIGITS


def shorten(text: str, limit: int = 24) -> str:
    """Return ``text`` cut to ``limit`` characters for a message (a 5,000-digit number stays readable)."""
    return text if len(text) <= limit else f"{text[:limit - 8]}…（共 {len(text)} 字符）"


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


_NUMBER_TEXT = re.compile(r"-?\d+(\.\d+)?([eE][+-]?\d+)?")


def kind_error(value: Value, kind: CellKind) -> str | None:
    """Return why ``value`` is not allowed in a cell of ``kind``, or None if it is."""
    if value is None:
        return None
    if isinstance(value, str):
        if _NUMBER_TEXT.fullmatch(value) and not in_range(Decimal(value)):  # from a damaged file
            return f"数值“{shorten(value)}”超出合理范围"
        return f"“{shorten(value)}”不是数字"
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
