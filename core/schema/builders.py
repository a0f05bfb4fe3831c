"""Helpers that build the official tables (cells, formulas, printed grid) from compact literals."""

from __future__ import annotations

from .document import MONEY_UNITS, SECTION_TITLES
from .types import CellKind, CellSpec, Formula, GridCell, RowSpec, TableSpec

C, M, S = CellKind.COUNT, CellKind.MONEY, CellKind.SIGNED

T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_COLS = (
    ("c1", "自然人"),
    ("c2", "商业企业"),
    ("c3", "科研机构"),
    ("c4", "社会公益组织"),
    ("c5", "法律服务机构"),
    ("c6", "其他"),
    ("c7", "总计"),
)
T4_GROUPS = (("f", "行政复议"), ("d", "未经复议直接起诉"), ("h", "复议后起诉"))
T4_RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


def build_t2(blocks) -> TableSpec:
    """Build 表二 from blocks ``(block_id, title, ((col_id, label, kind), ...), ((row_id, label), ...))``.

    The printed grid has four columns: 信息内容 and three value columns; a block with fewer
    value columns stretches its last column over the rest, as the official form does.
    An amount whose label names no unit (2019 采购总金额) has its unit chosen by the clerk.
    """
    rows: list[RowSpec] = []
    cells: list[CellSpec] = []
    grid: list[GridCell] = []
    r = 0
    for block_id, title, cols, block_rows in blocks:
        spans = [1] * len(cols)
        spans[-1] = 3 - (len(cols) - 1)
        grid.append(GridCell(r, 0, title, colspan=4, role="header"))
        r += 1
        grid.append(GridCell(r, 0, "信息内容", role="header"))
        c = 1
        for (_, label, kind), span in zip(cols, spans):
            grid.append(GridCell(r, c, label, colspan=span, role="header", chosen_unit=_chosen_unit(kind, label)))
            c += span
        r += 1
        for row_id, row_label in block_rows:
            rid = f"{block_id}.{row_id}"
            grid.append(GridCell(r, 0, row_label, role="label"))
            refs = []
            c = 1
            for (col_id, col_label, kind), span in zip(cols, spans):
                ref = f"t2.{rid}.{col_id}"
                refs.append(ref)
                cells.append(CellSpec(ref, "t2", rid, col_id, kind, row_label, col_label,
                                      chosen_unit=_chosen_unit(kind, col_label)))
                grid.append(GridCell(r, c, ref=ref, colspan=span, role="data"))
                c += span
            rows.append(RowSpec(rid, row_label, tuple(refs)))
            r += 1
    return TableSpec(
        id="t2",
        title=SECTION_TITLES["t2"],
        rows=tuple(rows),
        cells=tuple(cells),
        formulas=(),
        grid=tuple(grid),
        grid_rows=r,
        grid_cols=4,
        col_widths=(2.2, 1.4, 1.4, 1.4),
        header_rows=0,
    )


def _chosen_unit(kind: CellKind, label: str) -> bool:
    """An amount printed without its unit: 2019's 采购总金额 (2021's 收费金额 says 万元)."""
    return kind is M and not any(u in label for u in MONEY_UNITS)


def build_t3(row_defs) -> TableSpec:
    """Build 表三 from ``(row_id, group, subgroup, label)`` tuples in official order.

    ``group`` is the first label column (三、本年度办理结果), ``subgroup`` the second
    (（三）不予公开 …); consecutive equal groups are merged vertically when printed.
    The last two rows must be （七）总计 and 四、结转下年度继续办理.
    """
    head = 3
    grid: list[GridCell] = [
        GridCell(0, 0, T3_NOTE, rowspan=3, colspan=3, role="note"),
        GridCell(0, 3, "申请人情况", colspan=7, role="header"),
        GridCell(1, 3, "自然人", rowspan=2, role="header"),
        GridCell(1, 4, "法人或其他组织", colspan=5, role="header"),
        GridCell(1, 9, "总计", rowspan=2, role="header"),
    ]
    for i, (_, label) in enumerate(T3_COLS[1:6]):
        grid.append(GridCell(2, 4 + i, label, role="header"))

    rows: list[RowSpec] = []
    cells: list[CellSpec] = []
    total_row_id = row_defs[-2][0]  # （七）总计: its cells are column totals, derived like 总计
    for i, (row_id, group, subgroup, label) in enumerate(row_defs):
        full = "".join(p for p in (subgroup, label) if p) if group else label
        refs = tuple(f"t3.{row_id}.{c}" for c, _ in T3_COLS)
        rows.append(RowSpec(row_id, full, refs))
        for (col_id, col_label), ref in zip(T3_COLS, refs):
            derived = col_id == "c7" or row_id == total_row_id
            cells.append(CellSpec(ref, "t3", row_id, col_id, C, full, col_label, derived=derived))
    # Label columns: merge runs of equal group / subgroup vertically.
    n = len(row_defs)
    i = 0
    while i < n:
        row_id, group, subgroup, label = row_defs[i]
        if not group:
            grid.append(GridCell(head + i, 0, label, colspan=3, role="label"))
            i += 1
            continue
        j = i
        while j + 1 < n and row_defs[j + 1][1] == group:
            j += 1
        grid.append(GridCell(head + i, 0, group, rowspan=j - i + 1, role="label"))
        k = i
        while k <= j:
            sub = row_defs[k][2]
            if not sub:
                grid.append(GridCell(head + k, 1, row_defs[k][3], colspan=2, role="label"))
                k += 1
                continue
            m = k
            while m + 1 <= j and row_defs[m + 1][2] == sub:
                m += 1
            if m == k and not row_defs[k][3]:
                grid.append(GridCell(head + k, 1, sub, colspan=2, role="label"))
            else:
                grid.append(GridCell(head + k, 1, sub, rowspan=m - k + 1, role="label"))
                for q in range(k, m + 1):
                    grid.append(GridCell(head + q, 2, row_defs[q][3], role="label"))
            k = m + 1
        i = j + 1
    for i, row in enumerate(rows):
        for c, ref in enumerate(row.cells):
            grid.append(GridCell(head + i, 3 + c, ref=ref, role="data"))

    total_row = rows[-2]
    handled = rows[2:-2]
    formulas = []
    for c in range(6):  # column totals of the handled rows; c7 comes from the row sums
        formulas.append(Formula(total_row.cells[c], tuple(r.cells[c] for r in handled)))
    for row in rows:
        formulas.append(Formula(row.cells[6], row.cells[:6]))
    return TableSpec(
        id="t3",
        title=SECTION_TITLES["t3"],
        rows=tuple(rows),
        cells=tuple(cells),
        formulas=tuple(formulas),
        grid=tuple(grid),
        grid_rows=head + n,
        grid_cols=10,
        col_widths=(1.0, 1.3, 4.6) + (1.0,) * 7,
        header_rows=head,
    )


def build_t4() -> TableSpec:
    """Build 表四 (identical in both formats): one data row of 15 cells."""
    grid = [
        GridCell(0, 0, "行政复议", rowspan=2, colspan=5, role="header"),
        GridCell(0, 5, "行政诉讼", colspan=10, role="header"),
        GridCell(1, 5, "未经复议直接起诉", colspan=5, role="header"),
        GridCell(1, 10, "复议后起诉", colspan=5, role="header"),
    ]
    cells: list[CellSpec] = []
    formulas = []
    for g, (prefix, group_label) in enumerate(T4_GROUPS):
        refs = []
        for k, result in enumerate(T4_RESULTS):
            ref = f"t4.{prefix}{k + 1}"
            refs.append(ref)
            col = g * 5 + k
            grid.append(GridCell(2, col, result, role="header"))
            grid.append(GridCell(3, col, ref=ref, role="data"))
            cells.append(
                CellSpec(ref, "t4", "r1", f"{prefix}{k + 1}", C, group_label, result, derived=k == 4)
            )
        formulas.append(Formula(refs[4], tuple(refs[:4])))
    return TableSpec(
        id="t4",
        title=SECTION_TITLES["t4"],
        rows=(RowSpec("r1", "", tuple(c.ref for c in cells)),),
        cells=tuple(cells),
        formulas=tuple(formulas),
        grid=tuple(grid),
        grid_rows=4,
        grid_cols=15,
        col_widths=(1.0,) * 15,
        header_rows=3,
    )
