"""The unit of an amount the format prints without one (2019 采购总金额): 万元 or 元, as the clerk states it.

domain.md §2.2: reports write 采购总金额 with 「元」, with 「万元」 or as a bare number, so the unit is
asked, kept in ``Report.meta["money_unit"]`` (None until stated; ``meta.money_unit`` for
:meth:`Report.apply`) and printed in the column header: 「采购总金额（万元）」.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ..schema import MONEY_UNITS, UNIT_YUAN, WAN, GridCell

REF = "meta.money_unit"
KEY = "money_unit"


def money_unit(report) -> str | None:
    """Return the unit the clerk stated for the report's chosen-unit amounts, or None."""
    unit = report.meta.get(KEY)
    return unit if unit in MONEY_UNITS else None


def asks_unit(report) -> bool:
    """Whether the report's format has an amount whose unit the clerk states (the 2019 format)."""
    return bool(report.form.chosen_unit_cells)


def valid_unit(text: str | None) -> str | None:
    """Return ``text`` as one of :data:`MONEY_UNITS` (blank or anything else: None)."""
    s = (text or "").strip().replace(" ", "")
    return s if s in MONEY_UNITS else None


def with_unit(label: str, unit: str | None) -> str:
    """「采购总金额」 + 万元 -> 「采购总金额（万元）」; no unit: the label as it is."""
    return f"{label}（{unit}）" if unit else label


def header_text(report, g: GridCell) -> str:
    """The printed text of a table header: a chosen-unit amount's header carries the unit."""
    return with_unit(g.text, money_unit(report)) if g.chosen_unit else g.text


def in_wan(value: int | Decimal, unit: str | None) -> Decimal:
    """Return an amount in 万元 (an amount in 元 divided by 10 000; an unstated unit taken as 万元)."""
    return Decimal(value) / WAN if unit == UNIT_YUAN else Decimal(value)


_AMOUNT = re.compile(r"(\d[\d,，]*(?:\.\d+)?)\s*(万元|元)")
_SENTENCE = re.compile(r"[^。；;！？!?\n]+")
_PURCHASE = re.compile(r"采购")  # the sentence is about 政府集中采购


def amount_number(text: str) -> Decimal | None:
    """「2,359.4197」 -> Decimal; None when it is not a number."""
    try:
        return Decimal(text.replace(",", "").replace("，", ""))
    except InvalidOperation:
        return None


def stated_in_text(texts: dict[str, str], amounts) -> tuple[str, str, str, tuple[int, int]] | None:
    """Find an amount of ``amounts`` written with its unit in a sentence about 采购.

    Returns (unit, what is written 「2359.4197万元」, section, the sentence's span) or None.
    """
    wanted = {Decimal(a) for a in amounts if a}
    if not wanted:
        return None
    for section, text in texts.items():
        if not text or not _PURCHASE.search(text):
            continue
        for s in _SENTENCE.finditer(text):
            if not _PURCHASE.search(s.group(0)):
                continue
            for m in _AMOUNT.finditer(s.group(0)):
                before = s.group(0)[m.start() - 1:m.start()] if m.start() else ""
                if before.isdigit() or before == ".":
                    continue
                if amount_number(m.group(1)) in wanted:
                    return m.group(2), m.group(0), section, s.span()
    return None
