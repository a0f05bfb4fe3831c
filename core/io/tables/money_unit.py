"""Where an imported report states the unit of 2019's 采购总金额: the amount's cell, its header, or the text.

The 2019 format prints no unit (domain.md §2.2); reports write 「2359.4197万元」 in the cell,
「采购总金额（万元）」 in the header, or the amount with its unit in the narrative. What the source
says is taken (from the text with a note: it is a guess); a bare number everywhere leaves the unit
for the clerk (W-A9-UNIT).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from ...messages import reading as msg
from ...model.money_unit import KEY, REF, amount_number, stated_in_text, valid_unit
from ...model.report import Report
from ...model.values import is_number
from ..read_result import NoteCode, ReadNote

_AMOUNT = re.compile(r"(\d[\d,，]*(?:\.\d+)?)(万元|元)")
_HEADER = re.compile(r"金额[^()（）]*[(（](?:单位[:：])?(万元|元)[)）]")
_EXACT_KEY = f"meta.{KEY}"


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def stated_unit(values: list, t2_cells: list[str], texts: dict[str, str]) -> tuple[str, str, str] | None:
    """Return (unit, place, the text that says it) for the chosen-unit amounts ``values``, or None.

    ``t2_cells`` are 表二's cell texts as read; ``texts`` the narrative sections.
    """
    amounts = {Decimal(v) for v in values if is_number(v)}
    for raw in t2_cells:  # 「2359.4197万元」 in the amount's own cell
        s = _norm(raw)
        m = _AMOUNT.fullmatch(s)
        if m and amount_number(m.group(1)) in amounts:
            return m.group(2), "cell", raw.strip()
    for raw in t2_cells:  # 「采购总金额（万元）」「金额(单位:元)」
        m = _HEADER.search(_norm(raw))
        if m:
            return m.group(1), "header", raw.strip()
    said = stated_in_text(texts, amounts)  # 「政府集中采购项目75个，总金额2359.4197万元」
    return (said[0], "text", said[1]) if said else None


def read_money_unit(report: Report, t2_tokens, exact: dict[str, str], notes: list[ReadNote]) -> None:
    """Set ``report.meta["money_unit"]`` from this program's own export, or from what the source says."""
    refs = report.form.chosen_unit_cells
    if not refs:
        return
    if _EXACT_KEY in exact:
        report.meta[KEY] = valid_unit(exact[_EXACT_KEY])
        return
    cells = [t.text for t in t2_tokens if t.kind == "cell" and t.text.strip()]
    found = stated_unit([report.values.get(r) for r in refs], cells, report.text)
    if found is not None:
        unit, place, shown = found
        report.meta[KEY] = unit
        if place == "text":  # a guess from the narrative (the cell's own note says 「读作 2359.4197（万元）」)
            notes.append(ReadNote(NoteCode.MONEY_UNIT, msg.money_unit_from_text(unit, shown), REF))
