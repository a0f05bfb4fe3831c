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


# -- issue 16: table notes, web page chrome, a page on one line, our own export, the sections had ----------

def test_sentences_under_a_table_heading_are_its_note():
    s = story(["某某局2024年政府信息公开工作年度报告", "一、总体情况", "正文。", "二、主动公开政府信息情况", "单位：件",
               "三、收到和处理政府信息公开申请情况", "2024年我镇共收到申请5件，均已办结。",
               "四、政府信息公开行政复议、行政诉讼情况", "本年度未发生因政府信息公开引起的行政复议、行政诉讼。",
               "五、存在的主要问题及改进情况", "人员不足。", "六、其他需要报告的事项", "无。"])
    assert s.text["t2"] == ""  # 「单位：件」 is a caption, not a note
    assert s.text["t3"] == "2024年我镇共收到申请5件，均已办结。"
    assert s.text["t4"] == "本年度未发生因政府信息公开引起的行政复议、行政诉讼。"
    assert s.sections == ["overview", "t2", "t3", "t4", "problems", "other"]


def test_a_web_pages_furniture_does_not_end_up_in_six():
    s = story(["某某县人民政府2024年政府信息公开工作年度报告", *BODY, "扫一扫在手机上查看当前页面", "【打印本页】 【关闭窗口】",
               "关闭", "分享到：", "友情链接", "中国政府网", "四川省人民政府", "版权所有：某某县人民政府办公室",
               "蜀ICP备00000000号-1", "网站标识码：5100000000"])
    assert s.text["other"] == "本年度未收取信息处理费。"
    assert (s.unit, s.signer, s.date) == ("某某县人民政府", "某某县人民政府", None)


@pytest.mark.parametrize("line, chrome", [("扫一扫在手机上查看当前页面", True), ("【打印本页】【关闭窗口】", True),
                                          ("关闭", True), ("字号：大 中 小", True), ("上一篇：某某通知", True),
                                          ("关闭违规网站3个。", False), ("打印机2台", False)])
def test_chrome_lines(line, chrome):
    from core.io.narrative import is_chrome

    assert is_chrome(line) is chrome


def test_a_unit_without_an_organisation_suffix_keeps_its_name_and_signature():
    # our own export of a unit named by its place, with no date: title over two lines, signature last
    s = story(["某某县", "2024年政府信息公开工作年度报告", "根据条例编制。", *BODY, "某某县"])
    assert (s.unit, s.signer, s.date) == ("某某县", "某某县", None)
    assert s.text["other"] == "本年度未收取信息处理费。"
    long_name = "新疆维吾尔自治区和田地区于田县"
    s = story([long_name, "2024年政府信息公开工作年度报告", *BODY, long_name])
    assert (s.unit, s.signer) == (long_name, long_name) and s.text["other"] == "本年度未收取信息处理费。"


def test_crumbs_above_the_title_are_not_the_unit():
    s = story(["导航", "某某县人民政府办公室2024年政府信息公开工作年度报告", *BODY])
    assert s.unit == "某某县人民政府办公室"


def test_own_docx_export_without_a_date_reads_back_the_same(tmp_path):
    from core.io.export import export_docx
    from core.io.reader import read_any

    from .helpers import balanced

    for unit in ("某某县", "新疆维吾尔自治区和田地区于田县", "某某县人民政府办公室"):
        r = balanced()
        r.apply({"meta.unit": unit, "meta.signer": unit, "meta.date": None, "text.overview": "全年主动公开信息100条。",
                 "text.problems": "人员不足。", "text.other": "本年度未收取信息处理费。",
                 "text.t4": "本年度未发生因政府信息公开引起的行政复议、行政诉讼。"})
        export_docx(r, tmp_path / "r.docx", force=True)
        back = read_any(tmp_path / "r.docx").report
        assert (back.meta["unit"], back.meta["signer"], back.meta["date"]) == (unit, unit, None), unit
        assert back.text["other"] == "本年度未收取信息处理费。" and back.text["t4"] == r.text["t4"]
        assert back.imported["sections"] == ("overview", "t2", "t3", "t4", "problems", "other")


def test_a_page_crawled_onto_one_line_is_read_by_its_headings(tmp_path):
    from core.io.reader import read_any

    from .helpers import seed
    from .import_samples import grid_of

    want = seed(1)
    parts = ["首页 > 信息公开 > 年报", f"{want.meta['unit']}2024年政府信息公开工作年度报告", "发布时间：2025-01-21"]
    parts.append(want.text["preface"].replace("\n", " "))
    for sec in ("overview", "t2", "t3", "t4", "problems", "other"):
        parts.append({"overview": "一、总体情况", "t2": "二、主动公开政府信息情况", "t3": "三、收到和处理政府信息公开申请情况",
                      "t4": "四、政府信息公开行政复议、行政诉讼情况", "problems": "五、存在的主要问题及改进情况",
                      "other": "六、其他需要报告的事项"}[sec])
        if sec.startswith("t"):
            cells, _, _ = grid_of(want, sec)
            parts += [g.text.replace(" ", "") or "0" for g in sorted(cells, key=lambda g: (g.row, g.col)) if g.text]
        else:
            parts.append(want.text[sec].replace("\n", " "))
    parts += ["扫一扫在手机上查看当前页面", "关闭", "友情链接", "版权所有 某某县人民政府"]
    page = tmp_path / "crawl.txt"
    page.write_text(" ".join(parts), encoding="utf-8")
    assert "\n" not in page.read_text(encoding="utf-8")
    got = read_any(page).report
    assert got.meta["unit"] == want.meta["unit"] and got.meta["year"] == 2024
    assert got.imported["sections"] == ("overview", "t2", "t3", "t4", "problems", "other")
    assert got.values["t3.r01.c7"] == want.values["t3.r01.c7"] and got.values["t4.f5"] == want.values["t4.f5"]
    assert "扫一扫" not in got.text["other"] and "友情链接" not in got.text["other"]
    assert got.text["problems"].replace("\n", "") == want.text["problems"].replace("\n", "").replace(" ", "")


def html_table(report, tid: str, opening: str, row: str, cell: str) -> str:
    """A table of ``report`` as a web editor writes it: ``cell`` is a format of each ``g`` (GridCell)."""
    from .import_samples import grid_of

    cells, nr, _ = grid_of(report, tid)
    rows = ["".join(cell.format(g=g) for g in sorted((g for g in cells if g.row == r), key=lambda g: g.col))
            for r in range(nr)]
    return opening + "".join(f"{row}{tds}</tr>" for tds in rows)


def test_trs_web_page_with_notes_under_its_tables_and_the_sites_furniture(tmp_path):
    from core.io.reader import read_any
    from core.rules import check_report

    from .helpers import seed

    want = seed(1)

    def table(tid):
        cell = ("<td rowspan='{g.rowspan}' colspan='{g.colspan}'><p style='text-align:center'>"
                "<span style='font-family:仿宋'>{g.text}</span></p></td>")
        return html_table(want, tid, "<table border='1' cellspacing='0' style='border-collapse:collapse'><tbody>",
                          "<tr>", cell) + "</tbody></table>"

    def paras(text):
        return "".join(f"<p style='text-indent:2em;line-height:1.5'>{ln}</p>" for ln in text.split("\n"))

    note3 = "2024年，本机关共收到政府信息公开申请16件，结转下年度办理1件。"
    note4 = "本年度未发生因政府信息公开引起的行政诉讼，被申请行政复议0件。"
    page = f"""<html><head><meta charset="utf-8"><title>年报</title></head><body>
<div class="header"><a href="/">首页</a> &gt; <a>政务公开</a> &gt; <a>年度报告</a></div>
<div class="xxgk_title">{want.meta['unit']}2024年政府信息公开工作年度报告</div>
<div class="info">发布时间：2025-01-21　来源：县政府办　<span>字号：大 中 小</span></div>
<div class="TRS_Editor">{paras(want.text['preface'])}
<p><strong>一、总体情况</strong></p>{paras(want.text['overview'])}
<p><strong>二、主动公开政府信息情况</strong></p>{table('t2')}
<p><strong>三、收到和处理政府信息公开申请情况</strong></p>{table('t3')}<p style='text-indent:2em'>{note3}</p>
<p><strong>四、政府信息公开行政复议、行政诉讼情况</strong></p>{table('t4')}<p style='text-indent:2em'>{note4}</p>
<p><strong>五、存在的主要问题及改进情况</strong></p>{paras(want.text['problems'])}
<p><strong>六、其他需要报告的事项</strong></p><p style='text-indent:2em'>本年度未收取信息处理费。</p>
<p style='text-align:right'>{want.meta['unit']}</p><p style='text-align:right'>2025年1月21日</p></div>
<div class="share">扫一扫在手机上查看当前页面</div><div class="tools">【打印本页】　【关闭窗口】</div>
<div class="footer"><p>友情链接：中国政府网　四川省人民政府</p><p>版权所有：{want.meta['unit']}　蜀ICP备00000000号</p>
<p>网站标识码：5107270001　川公网安备 51072702000001号</p></div></body></html>"""
    path = tmp_path / "trs.html"
    path.write_text(page, encoding="utf-8")
    got = read_any(path).report
    assert got.values == want.values
    assert (got.meta["unit"], got.meta["date"]) == (want.meta["unit"], "2025-01-21")
    assert got.text["other"] == "本年度未收取信息处理费。"
    assert (got.text["t3"], got.text["t4"]) == (note3, note4)
    # the note under 四 is checked against 表四 (行政复议 0 in seed 1)
    assert not [f for f in check_report(got, final=False) if f.rule.startswith("W-TXT") and f.section in ("t3", "t4")]
    got.apply({"text.t4": note4.replace("0件", "2件")})
    (f,) = [f for f in check_report(got, final=False) if f.rule == "W-TXT-T4"]
    assert f.section == "t4" and f.message.startswith("表四下的说明写行政复议2件")


def test_word_paste_page_with_notes_under_its_tables(tmp_path):
    """A page a clerk made by pasting Word into the site's editor: MsoNormal paragraphs, <o:p>, spans."""
    from core.io.reader import read_any

    from .helpers import seed

    want = seed(3)

    def p(text, indent=True):
        style = " style='text-indent:32.0pt;line-height:28.0pt'" if indent else ""
        return (f"<p class=MsoNormal{style}><span style='font-size:16.0pt;font-family:仿宋_GB2312'>{text}"
                "<span lang=EN-US><o:p></o:p></span></span></p>")

    def table(tid):
        cell = ("<td rowspan={g.rowspan} colspan={g.colspan} style='border:solid windowtext 1.0pt'>"
                "<p class=MsoNormal align=center><span lang=EN-US>{g.text}</span><o:p></o:p></p></td>")
        return html_table(want, tid, "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0>",
                          "<tr style='height:20.0pt'>", cell) + "</table>"

    note2 = "本年度未制发规章，制发行政规范性文件15件，废止13件，现行有效75件。"
    body = [p(f"{want.meta['unit']}2024年政府信息公开工作年度报告", False), p(want.text["preface"].split("\n")[0]),
            p("一、总体情况"), *[p(x) for x in want.text["overview"].split("\n")],
            p("二、主动公开政府信息情况"), table("t2"), p(note2), p("三、收到和处理政府信息公开申请情况"), table("t3"),
            p("四、政府信息公开行政复议、行政诉讼情况"), table("t4"),
            p("五、存在的主要问题及改进情况"), *[p(x) for x in want.text["problems"].split("\n")],
            p("六、其他需要报告的事项"), p("本年度未收取信息处理费。"), p(want.meta["unit"], False), p("2025年1月20日", False)]
    page = ("<html xmlns:o='urn:schemas-microsoft-com:office:office'><head><meta charset=utf-8></head>"
            f"<body lang=ZH-CN><div class=WordSection1>{''.join(body)}</div></body></html>")
    path = tmp_path / "paste.htm"
    path.write_text(page, encoding="utf-8")
    got = read_any(path).report
    assert got.values == want.values
    assert (got.text["t2"], got.text["t3"], got.text["t4"]) == (note2, "", "")
    assert got.text["other"] == "本年度未收取信息处理费。" and got.meta["date"] == "2025-01-20"
    assert got.imported["sections"] == ("overview", "t2", "t3", "t4", "problems", "other")


@pytest.mark.parametrize("title, announcement", [
    # the full name in the title, the short one in 「现将…报告如下」 (seed 002's PDF, title on one line)
    ("岚皋县佐龙镇人民政府2024年政府信息公开工作年度报告", "现将佐龙镇2024年度政府信息公开工作报告如下："),
    # the other way round: the full name wins too
    ("佐龙镇2024年政府信息公开工作年度报告", "现将岚皋县佐龙镇人民政府2024年政府信息公开工作年度报告公布如下。"),
])
def test_the_unit_is_the_full_name_where_title_and_announcement_differ(title, announcement):
    s = story([title, "2024年度信息公开工作年度报告", f"2024年，在县委、县政府的坚强领导下，佐龙镇持续推进政务公开。{announcement}",
               *BODY])
    assert s.unit == "岚皋县佐龙镇人民政府"


def test_a_title_unit_and_another_unit_in_the_announcement_keep_the_titles():
    s = story(["某某县交通运输局2024年政府信息公开工作年度报告", "现将县政府办公室转来的通知要求的2024年度报告公布如下。", *BODY])
    assert s.unit == "某某县交通运输局"
