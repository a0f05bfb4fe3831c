"""The shared table parser: label normalisation, value parsing, format detection, row matching."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.io.importers.text import text_tokens
from core.io.read_result import NoteCode
from core.io.tables.parser import build_report, norm_label, parse_value
from core.schema import get_form

T3_2021 = get_form("gb2021").table("t3")


@pytest.mark.parametrize("raw, want", [
    ("1.属于国家秘密", "属于国家秘密"),
    ("1、属于国家秘密", "属于国家秘密"),
    ("（1）属于国家秘密", "属于国家秘密"),
    ("(1)属于国家秘密", "属于国家秘密"),
    ("１．属于国家秘密", "属于国家秘密"),
    ("商 业 企 业", "商业企业"),
    ("商业\n企业", "商业企业"),
    ("3.危及“三安全一稳定”", "危及三安全一稳定"),
    ("3.危及\"三安全一稳定\"", "危及三安全一稳定"),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开区分处理的只计这一情形不计其他情形"),
    ("一、本年新收政府信息公开申请数量", "本年新收政府信息公开申请数量"),
    ("第二十条 第（一）项", "第二十条第一项"),
])
def test_norm_label(raw, want):
    assert norm_label(raw) == want


def spec(ref, form="gb2021"):
    return get_form(form).cell(ref)


@pytest.mark.parametrize("raw, ref, form, value, note", [
    ("0", "t3.r01.c1", "gb2021", 0, None),
    (" 0\u2002", "t3.r01.c1", "gb2021", 0, None),
    ("１２", "t3.r01.c1", "gb2021", 12, None),
    ("1,234", "t2.a5.xk.cl", "gb2021", 1234, None),
    ("", "t3.r01.c1", "gb2021", None, None),
    ("减4", "t2.a5.xk.zj", "gb2019", -4, "原文“减4”，读作 -4"),
    ("增3", "t2.a5.xk.zj", "gb2019", 3, "原文“增3”，读作 3"),
    ("-5", "t2.a5.xk.zj", "gb2019", -5, None),
    ("251000元", "t2.a8.sf.je", "gb2021", Decimal("25.1"), "原文“251000元”，已按万元换算为 25.1，请核对"),
    ("2359.4197万元", "t2.a9.cg.je", "gb2019", Decimal("2359.4197"), "原文“2359.4197万元”，读作 2359.4197（万元）"),
    ("251000元", "t2.a9.cg.je", "gb2019", Decimal("251000"), "原文“251000元”以元为单位，读作 251000，请核对单位"),
    ("21613.91", "t2.a8.sf.je", "gb2021", Decimal("21613.91"), None),
    ("3件", "t3.r01.c1", "gb2021", 3, "原文“3件”，读作 3"),
])
def test_parse_value(raw, ref, form, value, note):
    got, got_note, _ = parse_value(raw, spec(ref, form))
    assert got == value and type(got) is type(value)
    assert got_note == note


@pytest.mark.parametrize("mark", ["/", "—", "-", "－", "——", "／"])
def test_dashes_are_blank_not_zero(mark):
    value, note, is_mark = parse_value(mark, spec("t3.r01.c1"))
    assert value is None and is_mark and note is None


@pytest.mark.parametrize("raw", ["减4", "-4"])
def test_negative_count_is_kept_as_text_for_the_rules(raw):
    value, note, _ = parse_value(raw, spec("t3.r01.c1"))
    assert value == raw and "不能为负" in note


def test_unreadable_text_is_reported_for_the_caller():
    value, note, _ = parse_value("见附件", spec("t3.r01.c1"))
    assert value == "见附件" and "无法识别" in note


def t3_text(rows: list[tuple[str, list[str]]], head: str = "三、收到和处理政府信息公开申请情况") -> str:
    lines = ["某某局2024年政府信息公开工作年度报告", "一、总体情况", "正文。", head,
             "\t申请人情况", "\t自然人", "\t商业\n企业"]
    for label, values in rows:
        lines.append(f"\t{label}")
        lines += [f"\t{v}" for v in values]
    lines += ["五、存在的主要问题及改进情况", "问题。", "六、其他需要报告的事项", "无。"]
    return "\n".join(lines)


def test_rows_matched_by_label_not_position():
    rows = [("四、结转下年度继续办理", ["1"] * 7), ("（七）总计", ["2"] * 7),
            ("一、本年新收政府信息公开申请数量", ["3"] * 7), ("1、属于国家秘密", ["4"] * 7)]
    report, notes = build_report(text_tokens(t3_text(rows)))
    assert report.values["t3.r25.c1"] == 1
    assert report.values["t3.r24.c7"] == 2
    assert report.values["t3.r01.c3"] == 3
    assert report.values["t3.r05.c1"] == 4
    assert report.values["t3.r02.c1"] is None
    assert any("未找到“二、上年结转政府信息公开申请数量”一行" in n.message for n in notes)


def test_abbreviated_labels():
    rows = [("一、本年新收申请", ["1"] * 7), ("（二）部分公开", ["2"] * 7),
            ("3.危及三安全一稳定", ["3"] * 7), ("（四）1.不掌握相关信息", ["4"] * 7),
            ("2.申请人逾期未缴纳费用", ["5"] * 7)]
    report, notes = build_report(text_tokens(t3_text(rows)))
    assert [report.values[f"t3.{r}.c1"] for r in ("r01", "r04", "r07", "r13", "r22")] == [1, 2, 3, 4, 5]


def test_other_row_needs_its_group():
    rows = [("（六）其他处理", []), ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", ["1"] * 7),
            ("3.其他", ["7"] * 7)]
    report, _ = build_report(text_tokens(t3_text(rows)))
    assert report.values["t3.r23.c1"] == 7
    report, notes = build_report(text_tokens(t3_text([("其他", ["7"] * 7)])))
    assert report.values["t3.r23.c1"] is None
    assert any("无法识别的行“其他”" in n.message for n in notes)


def test_short_and_long_rows_are_reported():
    rows = [("一、本年新收政府信息公开申请数量", ["5", "5"]),
            ("二、上年结转政府信息公开申请数量", ["1", "0", "0", "0", "0", "0", "1", "9"])]
    report, notes = build_report(text_tokens(t3_text(rows)))
    # Two numbers for seven cells and no column sums to go by: the row's sum says the second is its
    # 总计; where the first stands cannot be told, so it is not guessed.
    assert [report.values[f"t3.r01.c{i}"] for i in range(1, 8)] == [None] * 6 + [5]
    assert any(n.code is NoteCode.CELL_UNCERTAIN and "5、5" in n.message and "“自然人”" in n.message for n in notes)
    assert not any("原文为空" in n.message for n in notes if n.where == "t3")
    assert [report.values[f"t3.r02.c{i}"] for i in range(1, 8)] == [1, 0, 0, 0, 0, 0, 1]
    assert any("多出数字“9”" in n.message for n in notes)


def test_format_detected_from_headers_and_year():
    report, notes = build_report(text_tokens(t3_text([("一、本年新收政府信息公开申请数量", ["1"] * 7)])))
    assert report.form.id == "gb2021" and any("按报告年度 2024" in n.message for n in notes)
    text = t3_text([("（六）其他处理", ["1"] * 7)]).replace("2024年", "2020年")
    text = text.replace("三、收到和处理", "二、主动公开政府信息情况\n\t第二十条第（九）项\n\t信息内容\n\t采购项目数量"
                        "\n\t采购总金额\n\t政府集中采购\n\t3\n\t251000元\n三、收到和处理")
    report, notes = build_report(text_tokens(text))
    assert report.form.id == "gb2019"
    assert report.values["t3.r21.c1"] == 1  # 2019: （六）其他处理 is one row
    assert report.values["t2.a9.cg.sl"] == 3 and report.values["t2.a9.cg.je"] == Decimal(251000)
    assert any("原文“251000元”" in n.message for n in notes)


def test_section_title_variants():
    text = t3_text([("一、本年新收政府信息公开申请数量", ["1"] * 7)]).replace(
        "五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况")
    text += "\n四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n" + "\n".join(["\t0"] * 14 + ["\t1"])
    text = text.replace("六、其他需要报告的事项\n无。", "") + "\n六、其他需要报告的事项\n无。"
    report, notes = build_report(text_tokens(text))
    assert report.text["problems"] == "问题。"
    assert report.values["t4.h5"] == 1 and report.values["t4.f1"] == 0


def test_not_a_report_is_refused():
    from core.errors import FileReadError

    with pytest.raises(FileReadError, match="不像是政府信息公开工作年度报告"):
        build_report(text_tokens("会议通知\n请各单位准时参加。"), source="通知.txt")


def test_format_that_does_not_fit_the_year_is_noted():
    text = t3_text([("（六）其他处理", ["1"] * 7)]).replace(
        "三、收到和处理", "二、主动公开政府信息情况\n\t第二十条第（九）项\n\t信息内容\n\t采购项目数量"
        "\n\t采购总金额\n\t政府集中采购\n\t3\n\t5\n三、收到和处理")
    report, notes = build_report(text_tokens(text))  # a 2024 report in the 2019 tables
    assert report.form.id == "gb2019" and report.meta["year"] == 2024
    assert any("2024 年度应使用国办公开办函〔2021〕30号格式" in n.message for n in notes)


def test_pdf_number_glued_to_its_label():
    text = "\n".join(["某局2024年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
                      "一、本年新收政府信息公开申请数量1 0 2 0 0 0 3", "（七）总计 1 0 2 0 0 0 3",
                      "五、存在的主要问题及改进情况", "无。"])
    report, notes = build_report(text_tokens(text))
    assert [report.values[f"t3.r01.c{i}"] for i in range(1, 8)] == [1, 0, 2, 0, 0, 0, 3]


def test_empty_cells_in_word_text_stay_blank_in_place():
    rows = [("一、本年新收政府信息公开申请数量", ["1", "", "0", "0", "0", "0", ""]),
            ("二、上年结转政府信息公开申请数量", ["0"] * 7)]
    report, notes = build_report(text_tokens(t3_text(rows)))
    assert [report.values[f"t3.r01.c{i}"] for i in range(1, 8)] == [1, None, 0, 0, 0, 0, None]
    assert report.values["t3.r02.c7"] == 0
    assert any("表三有 2 格原文为空" in n.message for n in notes)
    assert not any("只读到" in n.message for n in notes)


def _t3_lines(*lines: str) -> str:
    """A report whose 表三 is text copied out of a PDF in reading order, one printed line a line."""
    return "\n".join(["某局2024年政府信息公开工作年度报告", "一、总体情况", "正文。", "三、收到和处理政府信息公开申请情况",
                      "申请人情况", "自然人 法人或其他组织 总计", *lines, "五、存在的主要问题及改进情况", "问题。"])


def _row_values(report, row: str) -> list:
    return [report.values[f"t3.{row}.c{i}"] for i in range(1, 8)]


def test_a_label_cut_by_a_page_break_around_its_numbers():
    """The narrow label cell of 6.属于四类过程性信息 breaks across a page: the viewer copies its first
    line with the numbers, the rest after them; the next row keeps its own label and numbers."""
    report, notes = build_report(text_tokens(_t3_lines(
        "5.属于三类内部事务信息 1 0 0 0 0 0 1", "6.属 1021 0 0 0 12 2 1035", "于四类过程性", "信息",
        "7.属于行政执法案卷 0 5 0 0 0 0 5")))
    assert _row_values(report, "r09") == [1, 0, 0, 0, 0, 0, 1]
    assert _row_values(report, "r10") == [1021, 0, 0, 0, 12, 2, 1035]
    assert _row_values(report, "r11") == [0, 5, 0, 0, 0, 0, 5]
    assert not [n for n in notes if n.code is NoteCode.ROW_UNKNOWN or n.where in ("t3.r10", "t3.r11")]


def test_the_rest_of_a_cut_label_with_the_last_digits_of_its_numbers():
    """After the rest of the label come the digits that wrapped in the row's narrow cells (「1" "6」)."""
    report, notes = build_report(text_tokens(_t3_lines(
        "一、本年新收政府信 12 0 3 0 0 0 1", "息公开申请数量", "5", "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0")))
    assert _row_values(report, "r01") == [12, 0, 3, 0, 0, 0, 15]
    assert _row_values(report, "r02") == [0] * 7
    assert any(n.code is NoteCode.CELL_PLACED and n.where == "t3.r01" for n in notes)  # rejoined, and said so


def test_a_number_and_a_bracket_cut_from_their_label():
    report, _ = build_report(text_tokens(_t3_lines(
        "（五）不予处理", "3.要求提供公开出版物 0 1 0 0 0 0 1", "4.", "无", "0 2 0 0 0 0 2", "正当理由大量",
        "反复申请", "（", "七）总计 3 0 0 0 0 0 3")))
    assert _row_values(report, "r19") == [0, 2, 0, 0, 0, 0, 2]
    assert _row_values(report, "r24") == [3, 0, 0, 0, 0, 0, 3]


def test_a_label_cut_short_is_the_row_its_longest_start_names():
    """「申」「请人」「无正」「当理」 before the numbers: 申请人无正当理由逾期不补正…, not 无正当理由大量反复申请."""
    report, _ = build_report(text_tokens(_t3_lines(
        "4.无正当理由大量反复申请 0 2 0 0 0 0 2", "1.", "申", "请人", "无正", "当理", "0 3 0 0 0 0 3", "由逾期不补正、",
        "行政机关不再处理其政府信息公开申请", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 1 0 0 0 0 0 1")))
    assert _row_values(report, "r19") == [0, 2, 0, 0, 0, 0, 2]
    assert _row_values(report, "r21") == [0, 3, 0, 0, 0, 0, 3]
    assert _row_values(report, "r22") == [1, 0, 0, 0, 0, 0, 1]


def test_a_cut_label_does_not_take_the_next_rows_label():
    """「6.属」 and numbers, then the next row's whole label with numbers of its own: 6 stays unread and
    said so, 7 keeps its numbers; a bare 「6.」 with numbers does not take 「属于四类过程性信息」 from
    the numbers printed with it."""
    report, notes = build_report(text_tokens(_t3_lines(
        "6.属 1 0 0 0 0 0 1", "7.属于行政执法案卷 0 5 0 0 0 0 5")))
    assert _row_values(report, "r10") == [None] * 7
    assert _row_values(report, "r11") == [0, 5, 0, 0, 0, 0, 5]
    assert any(n.code is NoteCode.ROW_MISSING and n.where == "t3.r10" for n in notes)
    report, notes = build_report(text_tokens(_t3_lines(
        "6. 1 0 0 0 0 0 1", "属于四类过程性信息 2 0 0 0 0 0 2")))
    assert _row_values(report, "r10") == [2, 0, 0, 0, 0, 0, 2]
    assert any(n.code is NoteCode.ROW_UNKNOWN for n in notes)


def test_t4_numbers_wrapped_with_all_their_last_digits_on_the_next_line():
    """A row of 表四 whose narrow cells wrapped seven numbers: the first lines of all fifteen cells,
    then the seven last parts; the three sums tell which cells they finish."""
    text = "\n".join(["某县2024年政府信息公开工作年度报告", "一、总体情况", "正文。",
                      "四、政府信息公开行政复议、行政诉讼情况", "行政复议 行政诉讼",
                      "结果维持 结果纠正 其他结果 尚未审结 总计",
                      "14 10 37 12 12 10 12 0 0 10 37 2 0 10 10", "0 21 10 21 33 21 60",
                      "五、存在的主要问题及改进情况", "问题。"])
    report, notes = build_report(text_tokens(text))
    assert [report.values[f"t4.{g}{k}"] for g in "fdh" for k in range(1, 6)] == [
        140, 1021, 37, 12, 1210, 1021, 12, 0, 0, 1033, 37, 2, 0, 1021, 1060]
    assert any(n.code is NoteCode.CELL_PLACED and n.where == "t4.r1" for n in notes)
    # 「0」 is a whole number: the last parts go to the cells whose first line can go on
    text = text.replace("14 10 37 12 12 10 12 0 0 10 37 2 0 10 10", "0 0 14 0 14 14 10 37 12 12 10 12 0 0 10").replace(
        "0 21 10 21 33 21 60", "0 0 0 21 10 21 33")
    report, notes = build_report(text_tokens(text))
    assert [report.values[f"t4.{g}{k}"] for g in "fdh" for k in range(1, 6)] == [
        0, 0, 140, 0, 140, 140, 1021, 37, 12, 1210, 1021, 12, 0, 0, 1033]
