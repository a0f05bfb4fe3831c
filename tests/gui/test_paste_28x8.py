"""A labelled block copied from a 28×8 published 表三 — a 法人或其他组织 小计 column right after 自然人 and
(三)(四)(五) subtotal rows — pastes into the right cells, as Excel, a web page or a PDF copy gives it."""

from __future__ import annotations

import html as html_lib

import pytest
from PySide6.QtCore import Qt

from core.io import project_file
from core.model.values import format_value
from core.schema import get_form
from gui.paste import plan_paste, read_clipboard

from .conftest import seed
from .test_paste import _paste, _sum_errors

T3 = get_form("gb2021").table("t3")
GROUPS = {"r05": "（三）不予公开", "r13": "（四）无法提供", "r16": "（五）不予处理", "r21": "（六）其他处理"}
GROUP_OF = {**{f"r{k:02d}": "（三）不予公开" for k in range(5, 13)}, **{f"r{k:02d}": "（四）无法提供" for k in range(13, 16)},
            **{f"r{k:02d}": "（五）不予处理" for k in range(16, 21)}, **{f"r{k:02d}": "（六）其他处理" for k in range(21, 24)}}
KINDS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]


def _head(at: int) -> list[list[str]]:
    """The three printed header rows, the 小计 head where the column is."""
    legal = KINDS[:]
    legal.insert(at - 1, "小计")
    return [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况"] + [""] * 7,
            ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "", "总计"],
            ["", "", "", ""] + legal + [""]]


def _eight(nums, at=1) -> list[str]:
    """自然人, five kinds, 总计 -> the printed eight, the 小计 at index ``at`` (1: right after 自然人)."""
    legal = [n for n in nums[1:6] if n is not None]
    sub = sum(legal) if legal else None
    out = [nums[0], *nums[1:6], nums[6]]
    out.insert(at, sub)
    return [format_value(v) for v in out]


def published_rows(report, at=1, header=False) -> list[list[str]]:
    """表三 as a 28×8 report prints it: rows of label cells (merged ones empty) and eight numbers."""
    values = report.values
    rows = _head(at) if header else []
    started = False
    for row in T3.rows:
        nums = [values[ref] for ref in row.cells]
        if row.id in GROUPS and row.id != "r21":  # the printed (三)(四)(五) subtotal rows
            group = [r for r in T3.rows if GROUP_OF.get(r.id) == GROUPS[row.id]]
            sums = [sum(values[r.cells[c]] or 0 for r in group) for c in range(7)]
            rows.append(["", GROUPS[row.id], ""] + _eight(sums, at))
        if row.id in ("r01", "r02", "r25"):
            labels = [row.label, "", ""]
        elif row.id == "r24":
            labels = ["", "（七）总计", ""]
        elif row.id in GROUP_OF:
            short = row.label[len(GROUP_OF[row.id]):]
            labels = ["", GROUP_OF[row.id] if row.id == "r21" else "", short]
        else:
            labels = ["三、本年度办理结果" if not started else "", row.label, ""]
            started = True
        rows.append(labels + _eight(nums, at))
    return rows


def tsv(rows) -> str:
    return "".join("\t".join(r) + "\r\n" for r in rows)


def page(rows) -> str:
    body = "".join("<tr>" + "".join(f"<td>{html_lib.escape(c) or '&nbsp;'}</td>" for c in r) + "</tr>" for r in rows)
    return f"<html><body><!--StartFragment--><table border=1>{body}</table><!--EndFragment--></body></html>"


def pdf_text(rows) -> str:
    """A PDF copy: label words then the numbers, one printed line each; merged cells gone."""
    return "\n".join(" ".join(c for c in r if c) for r in rows if any(c.strip() for c in r[3:])) + "\n"


def _want():
    return project_file.load(seed(3))  # 和田地区: 83 自然人 and 1 商业企业 new, so the columns are told apart


@pytest.mark.parametrize("at", [1, 6])
@pytest.mark.parametrize("header", [False, True])
def test_plan_leaves_out_the_subtotal_column_wherever_it_is(at, header):
    want = _want()
    rows = read_clipboard(tsv(published_rows(want, at, header)))
    plan = plan_paste(want.form, T3, rows, (3, 3))
    assert plan.error is None and plan.subtotal_column
    for ref in (c.ref for c in T3.cells if not c.derived):
        assert plan.changes[ref] == want.values[ref], ref


def test_a_seven_column_block_is_not_touched():
    rows = read_clipboard("三、本年度办理结果\t（一）予以公开\t\t\t1\t0\t0\t0\t0\t1\r\n")  # 自然人 blank
    plan = plan_paste(get_form("gb2021"), T3, rows, (3, 3))
    assert plan.error is None and not plan.subtotal_column
    assert plan.changes["t3.r03.c1"] is None and plan.changes["t3.r03.c2"] == 1


def _blank_t3(window):
    model = window.page("t3").view.model()
    model.clear([model.index_of(c.ref) for c in T3.cells if not c.derived])
    assert all(window.document.report.values[c.ref] is None for c in T3.cells if not c.derived)


@pytest.mark.parametrize("kind", ["excel", "web", "pdf"])
def test_pasting_a_published_28x8_table_three_fills_the_right_cells(seed_window, qtbot, kind):
    want = _want()
    seed_window.show_page("t3")
    _blank_t3(seed_window)
    rows = published_rows(want, at=1, header=kind != "pdf")
    text, html = {"excel": (tsv(rows), ""), "web": ("", page(rows)), "pdf": (pdf_text(rows), "")}[kind]
    view = _paste(seed_window, qtbot, "t3.r10.c4", text, html)  # wherever the cursor is: the rows say where
    got = seed_window.document.report.values
    assert [got[c.ref] for c in T3.cells] == [want.values[c.ref] for c in T3.cells]
    assert not _sum_errors(seed_window)
    assert "小计，已略去" in view.last_message
    seed_window.undo_action.trigger()  # one undo step
    assert all(got[c.ref] is None for c in T3.cells if not c.derived)


def test_eight_bare_numbers_pasted_at_the_first_column(seed_window, qtbot):
    seed_window.show_page("t3")
    view = _paste(seed_window, qtbot, "t3.r01.c1", "83\t1\t1\t0\t0\t0\t0\t84\r\n1\t0\t0\t0\t0\t0\t0\t1\r\n")
    got = seed_window.document.report.values
    assert [got[f"t3.r01.c{i}"] for i in range(1, 8)] == [83, 1, 0, 0, 0, 0, 84]
    assert [got[f"t3.r02.c{i}"] for i in range(1, 8)] == [1, 0, 0, 0, 0, 0, 1]
    assert "小计，已略去" in view.last_message
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_the_copied_header_tells_where_the_subtotal_is_when_the_sums_cannot():
    block = _head(1) + [["一、本年新收政府信息公开申请数量", "", "", "83", "9", "1", "0", "0", "0", "0", "84"]]  # 小计 misprinted
    plan = plan_paste(get_form("gb2021"), T3, read_clipboard(tsv(block)), (3, 3))
    assert plan.error is None and plan.subtotal_column
    assert [plan.changes[f"t3.r01.c{i}"] for i in range(1, 7)] == [83, 1, 0, 0, 0, 0]
