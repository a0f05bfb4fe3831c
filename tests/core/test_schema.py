"""The official formats as data: shapes, labels and printed layouts."""

import re
from collections import Counter
from pathlib import Path

import pytest

from core.schema import (FORMS, GB2019, GB2021, NARRATIVE_IDS, PAGES, SECTION_TITLES, SHARED_T3_GROUPS, TABLE_NAMES,
                         CellKind, count_chars, form_for_year, section)


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


@pytest.mark.parametrize("form", FORMS.values(), ids=lambda f: f.id)
def test_t3_groups_hold_the_rows_printed_under_their_label(form):
    rows = {r.id: r.label for r in form.table("t3").rows}
    ids = list(rows)
    for group in form.t3_groups:
        assert group.rows, group.id
        if group.id != "results":
            assert all(rows[r].startswith(group.label) for r in group.rows), group.id
        first, last = ids.index(group.rows[0]), ids.index(group.rows[-1])
        assert list(group.rows) == ids[first:last + 1], group.id  # consecutive, in official order
    results = form.t3_group("results").rows
    assert results[0] == form.t3_rows["first_result"] and results[-1] == form.t3_rows["last_result"]
    parts = [r for g in ("open", "partial", "refused", "unable", "notproc", "otherproc")
             for r in form.t3_group(g).rows]
    assert parts == list(results)  # (一)–(六) split the results exactly


def test_group_sizes_differ_only_in_other_handling():
    assert len(GB2021.t3_group("refused").rows) == len(GB2019.t3_group("refused").rows) == 8
    assert len(GB2021.t3_group("otherproc").rows) == 3 and len(GB2019.t3_group("otherproc").rows) == 1
    for g in SHARED_T3_GROUPS:
        assert GB2021.t3_group(g) == GB2019.t3_group(g)


def test_sections_pages_and_titles():
    assert NARRATIVE_IDS == ("preface", "overview", "problems", "other")
    assert PAGES == ("meta", "preface", "overview", "t2", "t3", "t4", "problems", "other", "compare")
    for form in FORMS.values():
        for table in form.tables:
            assert table.title == SECTION_TITLES[table.id] and table.id in TABLE_NAMES
    assert section("overview").max_chars is None  # the 1000-字 limit is local: a rule pack sets it
    assert count_chars(" 一二\n三\u3000四 ") == 4


# Literals that name a domain fact; each may be written only in core/schema.
FACTS = {
    "short table names": re.compile(r"""["']t2["']\s*:\s*["']表二["']"""),
    "the default deadline": re.compile(r"""["']01-31["']"""),
    "the page list": re.compile(r"""["']meta["']\s*,\s*["']preface["']"""),
    "T3 row numbers": re.compile(r"range\(\s*\d+\s*,\s*(?:1[3-9]|2[0-6])\s*\)"),
    "a section heading": re.compile(r"""["']五、存在的主要问题及改进情况["']"""),
}


@pytest.mark.parametrize("fact", FACTS)
def test_domain_facts_have_one_home(fact):
    root = Path(__file__).resolve().parents[2]
    offenders = [str(p.relative_to(root)) for folder in ("core", "gui") for p in sorted((root / folder).rglob("*.py"))
                 if "schema" not in p.parts and FACTS[fact].search(p.read_text("utf-8"))]
    assert offenders == []
