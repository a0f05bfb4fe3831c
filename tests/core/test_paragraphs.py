"""Printed lines back into paragraphs (core.io.paragraphs): pure functions, no files."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.io.paragraphs import (PrintedLine, looks_printed, rebuild, reflow, reflow_text, split_run_on,
                                strip_page_furniture, tidy, width)

# Two paragraphs as a 28-character page prints them: the first lines indented by two characters.
PARA_1 = ("本年度，我县坚持以《条例》为指导，全面推进政府信息公开工作，受理政府信息公开申请95件，"
          "办结93件，结转下年度继续办理2件，切实保障了群众的知情权、参与权和监督权。")
PARA_2 = "全年共举办政务公开培训3期，参训人员200余人次，进一步提升了工作人员的业务水平。"


def printed(paragraph: str, measure: int = 28, x: float | None = None, indent: float = 32.0) -> list[PrintedLine]:
    """Cut a paragraph into printed lines: the first one two characters shorter (its indent)."""
    out, pos, first = [], 0, True
    while pos < len(paragraph):
        n = measure - 2 if first else measure
        left = None if x is None else x + (indent if first else 0.0)
        out.append(PrintedLine(paragraph[pos:pos + n], 0, left))
        pos += n
        first = False
    return out


def test_lines_that_do_not_end_a_sentence_are_joined():
    lines = printed(PARA_1) + printed(PARA_2)
    assert not lines[0].text.endswith("。") and lines[2].text.endswith("。")
    assert rebuild(lines) == [PARA_1, PARA_2]


def test_a_word_split_over_two_lines_is_whole_again():
    lines = [PrintedLine("本年度，我县共受理政"), PrintedLine("府信息公开申请95件，办结93件。")]
    assert rebuild(lines, full=10) == ["本年度，我县共受理政府信息公开申请95件，办结93件。"]


def test_first_line_indents_decide_when_positions_are_known():
    # a sentence ends exactly at the end of a full line, and the paragraph goes on
    one = "甲" * 26 + "本年度共受理政府信息公开申请九十五件均在法定期限内答复。" + "办结93件，结转下年度继续办理2件。"
    lines = printed(one, x=90.0) + printed(PARA_2, x=90.0)
    assert lines[1].text.endswith("。")  # the case: a sentence end that is not a paragraph's end
    assert rebuild(lines) == [one, PARA_2]


def test_without_positions_a_sentence_end_closes_the_paragraph_unless_the_next_line_is_full():
    lines = [PrintedLine("短的一段话。"), PrintedLine("另一段，" + "字" * 22), PrintedLine("结束。")]
    assert rebuild(lines, full=28) == ["短的一段话。", "另一段，" + "字" * 22 + "结束。"]


def test_headings_and_titles_stay_lines_of_their_own():
    lines = [PrintedLine("某某县人民政府办公室"), PrintedLine("2024年政府信息公开工作年度报告"),
             PrintedLine("（一）主动公开"), *printed(PARA_2)]
    assert rebuild(lines, full=28) == ["某某县人民政府办公室", "2024年政府信息公开工作年度报告", "（一）主动公开", PARA_2]


def test_a_web_address_too_long_for_its_line_goes_on():
    lines = [PrintedLine("报告电子版可在本县政府网站下载（网址：http://"), PrintedLine("www.example.gov.cn）。")]
    assert rebuild(lines, full=28) == ["报告电子版可在本县政府网站下载（网址：http://www.example.gov.cn）。"]


def test_tidy_drops_the_spaces_of_a_text_layer():
    assert tidy("邮 编 :622550; 联 系 电 话 :0816-8822122 、 0816-") == "邮编:622550;联系电话:0816-8822122、0816-"
    assert tidy("2024 年1 月1 日") == "2024年1月1日"
    assert tidy("0 0 1") == "0 0 1" and tidy("Open Data 平台") == "Open Data 平台"


def test_page_numbers_and_running_headers_go():
    title = "某某县2024年政府信息公开工作年度报告"
    pages = [
        [PrintedLine(title, 0), PrintedLine("正文第一页。", 0), PrintedLine("- 1 -", 0)],
        [PrintedLine(title, 1), PrintedLine("正文第二页。", 1), PrintedLine("— 2 —", 1)],
        [PrintedLine(title, 2), PrintedLine("正文第三页。", 2), PrintedLine("3", 2)],
    ]
    assert [ln.text for ln in strip_page_furniture(pages)] == [title, "正文第一页。", "正文第二页。", "正文第三页。"]
    # a header with the page number in it is no title: it goes from every page
    bodies = ["主动公开信息100条。", "收到申请5件。", "未收取信息处理费。"]
    numbered = [[PrintedLine(f"某某县年报 第{k + 1}页", k), PrintedLine(b, k)] for k, b in enumerate(bodies)]
    assert [ln.text for ln in strip_page_furniture(numbered)] == bodies


def test_a_number_inside_a_page_is_kept():
    pages = [[PrintedLine("表四", 0), PrintedLine("0 0 1", 0), PrintedLine("12", 0), PrintedLine("结束。", 0)]]
    assert [ln.text for ln in strip_page_furniture(pages)] == ["表四", "0 0 1", "12", "结束。"]


def test_reflow_leaves_table_rows_alone_and_joins_a_wrapped_note():
    lines = ["一、总体情况", "本年度我县受理政府信息公开", "申请95件。", "四、政府信息公开行政复议、行政诉讼情况",
             "行政复议 行政诉讼", "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", "本年度未发生因政府信息公开引起的行政复",
             "议、行政诉讼。", "五、存在的主要问题及改进情况", "人员不足。"]
    assert reflow([PrintedLine(x) for x in lines]) == [
        "一、总体情况", "本年度我县受理政府信息公开申请95件。", "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议 行政诉讼", "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", "本年度未发生因政府信息公开引起的行政复议、行政诉讼。",
        "五、存在的主要问题及改进情况", "人员不足。"]


def test_text_copied_from_a_pdf_viewer_is_told_from_text_saved_by_word():
    copy = "\n".join(ln.text for ln in printed(PARA_1 * 3) + printed(PARA_2 * 2))
    assert looks_printed(copy.split("\n"))
    assert reflow_text(copy) == "\n".join([PARA_1 * 3, PARA_2 * 2])
    word = "\n".join(["一、总体情况", PARA_1, PARA_2, "（一）主动公开", PARA_1 + PARA_2, PARA_2, "五、存在的主要问题及改进情况", PARA_1])
    assert not looks_printed(word.split("\n")) and reflow_text(word) == word


def test_a_page_crawled_onto_one_line_is_cut_at_its_headings():
    page = ("首页 > 政务公开 某某县2024年政府信息公开工作年度报告 发布时间：2025-01-20 "
            "根据条例编制本报告。 一、总体情况 全年主动公开信息100条。 （一）主动公开 全年公开文件20件。 "
            "二、主动公开政府信息情况 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 "
            "五、存在的主要问题及改进情况 人员不足。 六、其他需要报告的事项 无。 某某县人民政府 2025年1月20日 友情链接")
    lines = split_run_on(page)
    assert lines[:6] == ["首页", ">", "政务公开", "某某县2024年政府信息公开工作年度报告", "发布时间：2025-01-20",
                         "根据条例编制本报告。"]
    assert "一、总体情况" in lines and "（一）主动公开" in lines and "全年公开文件20件。" in lines
    t2 = lines.index("二、主动公开政府信息情况")
    assert lines[t2 + 1:t2 + 9] == ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "0", "0", "0"]
    assert lines[-4:] == ["无。", "某某县人民政府", "2025年1月20日", "友情链接"]
    assert reflow_text(page) == "\n".join(lines)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="政府信息公开申请办结件年度全县。，", min_size=30, max_size=120)
                .map(lambda s: s.rstrip("。") + "。"), min_size=1, max_size=4))
def test_rebuilt_paragraphs_hold_every_character_in_order(paragraphs):
    lines = [ln for p in paragraphs for ln in printed(p, x=90.0)]
    assert "".join(rebuild(lines)) == "".join(paragraphs)
    assert all(width(ln.text) <= 28 for ln in lines)
