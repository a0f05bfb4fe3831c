"""The official formats as data: shapes, labels and printed layouts."""

from collections import Counter

import pytest

from core.schema import FORMS, GB2019, GB2021, CellKind, form_for_year


@pytest.mark.parametrize("form", FORMS.values(), ids=lambda f: f.id)
def test_grid_covers_every_position_once_and_every_cell_once(form):
    for table in form.tables:
        covered = Counter()
        for g in table.grid:
            for r in range(g.row, g.row + g.rowspan):
                for c in range(g.col, g.col + g.colspan):
                    covered[(r, c)] += 1
        assert all(n == 1 for n in covered.values()), table.id
        assert len(covered) == table.grid_rows * table.grid_cols, table.id
        refs = [g.ref for g in table.grid if g.ref]
        assert sorted(refs) == sorted(c.ref for c in table.cells)
        assert len(table.col_widths) == table.grid_cols


def test_shapes_match_the_project_file_contract():
    assert GB2021.table("t2").shape() == [3, 3, 1, 1, 1, 1]
    assert GB2019.table("t2").shape() == [3, 3, 3, 3, 3, 3, 2, 2]
    assert GB2021.table("t3").shape() == [7] * 25
    assert GB2019.table("t3").shape() == [7] * 23
    for form in (GB2021, GB2019):
        assert form.table("t4").shape() == [15]


def test_official_labels():
    t3 = GB2021.table("t3")
    labels = [r.label for r in t3.rows]
    assert labels[0] == "一、本年新收政府信息公开申请数量"
    assert labels[-1] == "四、结转下年度继续办理"
    assert labels[-2] == "（七）总计"
    assert "（三）不予公开3.危及“三安全一稳定”" in labels
    texts = {g.text for g in t3.grid}
    assert "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" in texts
    assert {"申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织",
            "法律服务机构", "其他", "总计", "三、本年度办理结果"} <= texts
    t2 = {g.text for g in GB2021.table("t2").grid}
    assert {"第二十条第（一）项", "本年制发件数", "本年废止件数", "现行有效件数", "行政规范性文件",
            "本年收费金额（单位：万元）", "行政事业性收费"} <= t2
    t2_2019 = {g.text for g in GB2019.table("t2").grid}
    assert {"本年新制作数量", "其他对外管理服务事项", "本年增/减", "第二十条第（九）项", "采购总金额"} <= t2_2019
    t4 = {g.text for g in GB2021.table("t4").grid}
    assert {"行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "尚未审结"} <= t4


def test_cell_kinds():
    assert GB2021.cell("t2.a8.sf.je").kind is CellKind.MONEY
    assert GB2019.cell("t2.a5.xk.zj").kind is CellKind.SIGNED
    assert GB2019.cell("t2.a9.cg.je").kind is CellKind.MONEY
    assert GB2021.cell("t3.r01.c1").kind is CellKind.COUNT
    derived = {c.ref for c in GB2021.cells if c.derived}
    assert "t3.r01.c7" in derived and "t4.f5" in derived and "t3.r24.c7" in derived
    assert "t3.r24.c1" in derived  # （七）总计 is a column total: read-only, like 总计
    for form in (GB2021, GB2019):  # every formula target is derived, and only those
        assert {f.target for f in form.formulas} == {c.ref for c in form.cells if c.derived}


def test_form_for_year():
    assert form_for_year(2024) == "gb2021"
    assert form_for_year(2021) == "gb2021"
    assert form_for_year(2020) == "gb2019"
    assert form_for_year(2019) == "gb2019"
    assert form_for_year(2018) is None
