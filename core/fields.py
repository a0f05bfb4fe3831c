"""Bound fields: 「【本年新收·总计】」 in the narrative names a table figure and shows its current value.

A marker is ``【<row>·<column>】``: the short name of a 表三 row (or group of rows) and a column
label, a 表二 row and column label, or a 表四 group and result. A field may stand for the sum of
several cells (「【不予公开·总计】」, 「【行政诉讼·总计】」). Unknown markers are left as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .model.values import format_value, is_number
from .schema import FormSpec, RowGroup, get_form
from .schema.builders import T3_COLS, T4_GROUPS, T4_RESULTS

if TYPE_CHECKING:
    from .model.report import Report

OPEN, CLOSE, SEP = "【", "】", "·"
UNFILLED = "（未填）"
MARKER_RE = re.compile(r"【([^【】\n]{1,40})】")
_SEP_VARIANTS = str.maketrans({"・": SEP, "•": SEP, "‧": SEP, "．": SEP, "-": SEP, "—": SEP})


@dataclass(frozen=True)
class Field:
    """A named table figure: the marker name, the cells it adds up, and where it is in the tables."""

    name: str  # e.g. "本年新收·总计"
    refs: tuple[str, ...]
    table: str  # "t2" | "t3" | "t4"
    description: str  # what the clerk sees in the insert menu

    @property
    def marker(self) -> str:
        return f"{OPEN}{self.name}{CLOSE}"


def _items(group: RowGroup) -> str:
    return f"{group.label}（1–{len(group.rows)} 项之和）"


# 表三 rows (or groups of rows) by the short name a report's text uses, per format.
def _t3_row_names(form: FormSpec) -> list[tuple[str, tuple[str, ...], str]]:
    ids = form.t3_rows
    group = form.t3_group
    out = [
        ("本年新收", (ids["new"],), "一、本年新收政府信息公开申请数量"),
        ("上年结转", (ids["carried"],), "二、上年结转政府信息公开申请数量"),
        ("收到申请", (ids["new"], ids["carried"]), "本年新收＋上年结转"),
        ("予以公开", group("open").rows, group("open").label),
        ("部分公开", group("partial").rows, group("partial").label),
        ("不予公开", group("refused").rows, _items(group("refused"))),
        ("无法提供", group("unable").rows, _items(group("unable"))),
        ("不予处理", group("notproc").rows, _items(group("notproc"))),
        ("其他处理", group("otherproc").rows, group("otherproc").label),
        ("办理结果总计", (ids["total"],), "（七）总计"),
        ("结转下年度", (ids["carry"],), "四、结转下年度继续办理"),
    ]
    labels = {r.id: r.label for r in form.table("t3").rows}
    for row_id in (*group("refused").rows, *group("unable").rows, *group("notproc").rows):
        short = re.sub(r"^（[三四五]）(不予公开|无法提供|不予处理)\d+\.", "", labels[row_id])
        out.append((short, (row_id,), labels[row_id]))
    if form.id == "gb2021":
        late, unpaid, other = group("otherproc").rows
        out += [("逾期不补正", (late,), "（六）其他处理 1.申请人无正当理由逾期不补正"),
                ("逾期未缴费", (unpaid,), "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用"),
                ("其他处理中的其他", (other,), "（六）其他处理 3.其他")]
    return out


_T3_COLS = [(label, (col,)) for col, label in T3_COLS] + [
    ("法人或其他组织", ("c2", "c3", "c4", "c5", "c6")),
]


def _short_col(label: str) -> str:
    return label.split("（", 1)[0]


@lru_cache(maxsize=None)
def form_fields(form_id: str) -> dict[str, Field]:
    """Return every bound field of the format ``form_id`` by name, in insert-menu order."""
    form = get_form(form_id)
    fields: dict[str, Field] = {}

    def add(name: str, refs, table: str, description: str) -> None:
        fields.setdefault(name, Field(name, tuple(refs), table, description))

    for row in form.table("t2").rows:
        for ref in row.cells:
            col = _short_col(form.cell(ref).col_label)
            add(f"{row.label}{SEP}{col}", (ref,), "t2", f"表二 {row.label}：{col}")
    ordered_cols = [_T3_COLS[6]] + _T3_COLS[:6] + [_T3_COLS[7]]  # 总计 first: the usual figure
    for row_name, row_ids, row_label in _t3_row_names(form):
        for col_label, cols in ordered_cols:
            refs = [f"t3.{r}.{c}" for r in row_ids for c in cols]
            add(f"{row_name}{SEP}{col_label}", refs, "t3", f"表三 {row_label}：{col_label}")
    for prefix, group in T4_GROUPS:
        for k, result in enumerate(T4_RESULTS):
            add(f"{group}{SEP}{result}", (f"t4.{prefix}{k + 1}",), "t4", f"表四 {group}：{result}")
    for k, result in enumerate(T4_RESULTS):
        add(f"行政诉讼{SEP}{result}", (f"t4.d{k + 1}", f"t4.h{k + 1}"), "t4",
            f"表四 行政诉讼（未经复议直接起诉＋复议后起诉）：{result}")
    return fields


def field_choices(form: FormSpec | str) -> list[Field]:
    """Return the fields the editor offers to insert, grouped by table (t3, t4, t2) in official order."""
    form_id = form if isinstance(form, str) else form.id
    fields = list(form_fields(form_id).values())
    order = {"t3": 0, "t4": 1, "t2": 2}
    return sorted(fields, key=lambda f: order[f.table])  # stable: official order within a table


def normalise_name(name: str) -> str:
    """Fold separator variants (「・」「•」) and spaces so hand-typed markers still resolve."""
    return re.sub(r"\s+", "", name.translate(_SEP_VARIANTS))


def lookup(form_id: str, name: str) -> Field | None:
    """Return the field called ``name`` in the format, or None."""
    fields = form_fields(form_id)
    return fields.get(name) or fields.get(normalise_name(name))


@dataclass(frozen=True)
class FieldUse:
    """A marker found in a text."""

    start: int
    end: int
    name: str
    field: Field | None  # None: not a known field (left as typed)


def find_fields(form_id: str, text: str) -> list[FieldUse]:
    """Return every 【…】 marker in ``text`` with the field it names (or None)."""
    if OPEN not in text:
        return []
    return [FieldUse(m.start(), m.end(), m.group(1), lookup(form_id, m.group(1)))
            for m in MARKER_RE.finditer(text)]


def field_value(report: "Report", field: Field):
    """Return the current value of a field: the sum of its cells, or None if any is blank/invalid."""
    values = report.values
    total = 0
    for ref in field.refs:
        v = values.get(ref)
        if not is_number(v):
            return None
        total += v
    return total


def field_text(report: "Report", field: Field) -> str:
    """Return the field as it is printed: the number, or 「（未填）」."""
    v = field_value(report, field)
    return UNFILLED if v is None else format_value(v)


def resolve_fields(report: "Report", text: str) -> str:
    """Return ``text`` with every known marker replaced by its current number (blank → 「（未填）」)."""
    if OPEN not in text:
        return text
    form_id = report.form.id

    def sub(m: re.Match) -> str:
        field = lookup(form_id, m.group(1))
        return m.group(0) if field is None else field_text(report, field)

    return MARKER_RE.sub(sub, text)


def insert_field(text: str, pos: int, field: Field) -> tuple[str, int]:
    """Return ``text`` with ``field``'s marker inserted at ``pos``, and the cursor after it."""
    pos = max(0, min(pos, len(text)))
    return text[:pos] + field.marker + text[pos:], pos + len(field.marker)
