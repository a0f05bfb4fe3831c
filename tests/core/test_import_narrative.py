"""Narrative recovery: sections, title year, unit, signature and date."""

from __future__ import annotations

import pytest

from core.io.narrative import extract, heading_section, is_page_noise
from core.io.read_result import NoteCode


def story(lines: list[str]):
    section = None
    pairs = []
    for line in lines:
        section = heading_section(line) or section
        pairs.append((section, line))
    return extract(pairs)


BODY = ["一、总体情况", "全年主动公开信息100条。", "五、存在的主要问题及改进情况", "人员不足。",
        "六、其他需要报告的事项", "本年度未收取信息处理费。"]


@pytest.mark.parametrize("line, section", [
    ("一、总体情况", "overview"),
    ("一.总体情况", "overview"),
    ("二、主动公开政府信息情况", "t2"),
    ("三、收到和处理政府信息公开申请情况", "t3"),
    ("四、政府信息公开行政复议、行政诉讼情况", "t4"),
    ("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", "t4"),
    ("五、政府信息公开工作存在的主要问题及改进情况", "problems"),
    ("五、存在的主要问题及改进情况", "problems"),
    ("六、其他需要报告的事项", "other"),
    (" 一、 总体情况 ", "overview"),
    ("二、上年结转政府信息公开申请数量", None),
    ("三、本年度办理结果", None),
    ("一、总体情况。2024年，我局……（一段正文）", None),
])
def test_heading_variants(line, section):
    assert heading_section(line) == section


@pytest.mark.parametrize("line, noise", [("- 3 -", True), ("— 12 —", True), ("第3页 共8页", True),
                                         ("3/8", True), ("3", False), ("0 0 0", False)])
def test_page_noise(line, noise):
    assert is_page_noise(line) is noise


def test_title_unit_year_signature_date():
    s = story(["某某市交通运输局", "2023年政府信息公开工作年度报告", "[bookmark: _GoBack]本报告由某某市交通运输局编制。",
               *BODY, "某某市交通运输局", "二〇二四年一月二十日"])
    assert (s.unit, s.year, s.signer, s.date) == ("某某市交通运输局", 2023, "某某市交通运输局", "2024-01-20")
    assert s.text["preface"] == "本报告由某某市交通运输局编制。"
    assert s.text["other"] == "本年度未收取信息处理费。"
    assert s.notes == []


def test_unit_from_the_announcement_and_title_over_two_lines():
    s = story(["某某县2024年政府信息公开工作", "年度报告", "现将某某县人民政府2024年政府信息公开工作年度报告公布如下。", *BODY])
    assert (s.unit, s.year, s.signer, s.date) == ("某某县人民政府", 2024, "某某县人民政府", None)


def test_missing_parts_are_noted():
    s = story(["一、总体情况", "正文。"])
    assert s.year is None and s.unit == ""
    where = {n.code: n.where for n in s.notes}
    assert where[NoteCode.YEAR_MISSING] == "meta.year" and where[NoteCode.UNIT_MISSING] == "meta.unit"
    assert any("五、存在的主要问题及改进情况" in n.message and n.where == "text.problems" for n in s.notes)


def test_trailing_captions_and_attachments_dropped():
    s = story(["某某局2024年政府信息公开工作年度报告", *BODY, "附件：政府信息公开情况统计表", "某某局",
               "2025年1月2日", "图解:"])
    assert s.text["other"] == "本年度未收取信息处理费。"
    assert (s.signer, s.date) == ("某某局", "2025-01-02")


def test_web_page_chrome_is_dropped():
    s = story(["首页 > 政务公开 > 政府信息公开年报", "某某县人民政府2024年政府信息公开工作年度报告",
               "发布时间：2025-01-20 来源：县政府办 浏览次数：", "索引号：000000/2025-00001",
               "根据条例，现将某某县人民政府2024年政府信息公开工作年度报告公布如下。", *BODY,
               "某某县人民政府", "2025年1月20日", "【打印本页】【关闭窗口】", "版权所有：某某县人民政府 备案号：X ICP备00000000号"])
    assert s.text["preface"] == "根据条例，现将某某县人民政府2024年政府信息公开工作年度报告公布如下。"
    assert s.text["other"] == "本年度未收取信息处理费。"
    assert (s.unit, s.year, s.signer, s.date) == ("某某县人民政府", 2024, "某某县人民政府", "2025-01-20")
