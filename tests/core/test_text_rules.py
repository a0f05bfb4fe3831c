"""Text-versus-table rules on the real seed narratives (domain.md §3 W-TXT-*, W-SEC1-ASPECTS, W-X-COPY)."""

from __future__ import annotations

import pytest

from core.io.reader import read_any
from core.model import Baseline, derived_updates
from core.rules import Validator, check_report
from core.rules.text import claims
from core.rules.text_rules import similarity

SEC1_MAX_CHARS = 1000  # the example local pack's limit; nationally there is none

from .helpers import balanced, seed

TEXT_RULES = ("W-TXT-T3", "W-TXT-T4", "W-TXT-T2", "W-TXT-YEAR", "W-X-COPY")


def real_seed(seeds_dir, n):
    """Return seed ``n`` with its real narrative, read from shared/seeds by the .txt importer."""
    path = next(seeds_dir.glob(f"00{n}_*.txt"))
    report = read_any(path).report
    # The hand-entered project file holds the exact tables: the narrative must agree with them.
    assert report.values == seed(n).values
    return report


def text_findings(report, rules=TEXT_RULES):
    return [f for f in check_report(report, final=False) if f.rule in rules]


def stated(report, section="overview"):
    return [(c.figure, c.value) for c in claims(report.form.id, report.meta["year"], report.text[section])]


def test_seed001_numbers_are_tied_to_the_right_cells(seeds_dir):
    r = real_seed(seeds_dir, 1)
    assert stated(r) == [("received", 16), ("app.c1", 11), ("app.c2", 5), ("done", 15), ("carry", 1),
                         ("review.5", 0)]
    assert text_findings(r) == []


def test_seed003_counts_received_including_last_years_carry(seeds_dir):
    r = real_seed(seeds_dir, 3)
    # 「收到政府信息公开申请85件，其中自然人申请84件、法人或其他组织申请1件，均全部办结答复」:
    # 新收 84 + 上年结转 1, and nothing carried over to next year.
    assert stated(r) == [("received", 85), ("app.c1", 84), ("app.legal", 1), ("carry", 0)]
    assert text_findings(r) == []


@pytest.mark.parametrize("n", [0, 2, 4])
def test_other_seeds_have_no_false_text_warnings(seeds_dir, n):
    r = real_seed(seeds_dir, n)
    assert text_findings(r) == []


def test_seed002_states_zero_applications(seeds_dir):
    assert stated(real_seed(seeds_dir, 2)) == [("received", 0)]


def _alter(report, section, old, new):
    text = report.text[section]
    assert old in text
    report.apply({f"text.{section}": text.replace(old, new, 1)})


def test_contradicting_text_is_caught_with_the_sentence_quoted(seeds_dir):
    r = real_seed(seeds_dir, 1)
    _alter(r, "overview", "受理政府信息公开申请16件", "受理政府信息公开申请18件")
    _alter(r, "overview", "办结15件", "办结14件")
    found = text_findings(r)
    assert [f.rule for f in found] == ["W-TXT-T3", "W-TXT-T3"]
    received, done = found
    assert "18件" in received.message and "为 16" in received.message
    assert "t3.r01.c7" in received.cells
    assert "办结14件" in done.message and "“（七）总计”为 15" in done.message
    assert done.cells == ("t3.r24.c7",)
    text = r.text["overview"]
    for f in found:
        assert f.section == "overview"
        assert text[f.span[0]:f.span[1]] == f.quote
        assert "受理政府信息公开申请18件" in f.quote


def test_seed003_wrong_total_and_applicant_split(seeds_dir):
    r = real_seed(seeds_dir, 3)
    _alter(r, "overview", "收到政府信息公开申请85件", "收到政府信息公开申请86件")
    _alter(r, "overview", "自然人申请84件", "自然人申请80件")
    found = text_findings(r)
    assert len(found) == 2
    assert "84" in found[0].message and "85" in found[0].message  # both readings of 收到 are shown
    assert set(found[1].cells) == {"t3.r01.c1", "t3.r02.c1"}


def test_t4_and_t2_figures(seeds_dir):
    r = real_seed(seeds_dir, 3)  # 表四 行政复议 结果纠正 3, 总计 3; 行政规范性文件 15/13/75
    r.apply({"text.overview": r.text["overview"] + "\n全年因政府信息公开被申请行政复议2件，其中结果纠正2件；"
             "未发生政府信息公开行政诉讼。全年制发行政规范性文件15件，废止12件，现行有效75件。"})
    found = text_findings(r)
    assert [(f.rule, f.cells) for f in found] == [
        ("W-TXT-T4", ("t4.f5",)), ("W-TXT-T4", ("t4.f2",)), ("W-TXT-T2", ("t2.a1.gf.fz",))]
    assert "表四“行政复议·总计”为 3" in found[0].message
    assert "废止行政规范性文件12件" in found[2].message and "为 13" in found[2].message


def test_stated_zero_review_contradicts_table(seeds_dir):
    r = real_seed(seeds_dir, 1)  # 「无因政府信息公开申请的行政复议。」
    r.apply({"t4.f1": 1, **derived_updates(r, {"t4.f1": 1})})
    (f,) = text_findings(r)
    assert f.rule == "W-TXT-T4" and f.quote == "无因政府信息公开申请的行政复议。"


def test_chinese_numerals_and_what_is_not_a_figure():
    r = balanced(fill=1)  # every part 1: 本年新收 总计 6, 办结 总计 21×6
    ok = ("全年共受理政府信息公开申请六件，其中自然人申请一件。"
          "发布政策文件18件，较上年增加5件；2023年受理申请10件；办理人大代表建议3件；"
          "受理行政许可申请500件，政府信息公开工作培训约20次。")
    r.apply({"text.overview": ok})
    assert text_findings(r, ("W-TXT-T3", "W-TXT-T4", "W-TXT-T2")) == []
    r.apply({"text.overview": "全年共受理政府信息公开申请七件。"})
    (f,) = text_findings(r)
    assert f.rule == "W-TXT-T3" and "7件" in f.message


def test_table_edit_rechecks_without_rereading_the_text(seeds_dir):
    r = real_seed(seeds_dir, 1)
    v = Validator(r)
    v.attach()
    assert not [f for f in v.findings() if f.rule == "W-TXT-T3"]
    before = claims.cache_info()
    change = {"t3.r01.c1": 12}
    change.update(derived_updates(r, change))
    r.apply(change)
    received, natural = [f for f in v.findings() if f.rule == "W-TXT-T3"]  # 受理16件 · 自然人申请11件
    assert "t3.r01.c7" in received.cells and received in v.findings_for("t3.r01.c7")
    assert "t3.r01.c1" in natural.cells and "为 12" in natural.message
    after = claims.cache_info()
    assert after.misses == before.misses and after.hits > before.hits
    r.apply({"t3.r01.c1": 11, **derived_updates(r, {"t3.r01.c1": 11})})
    assert not [f for f in v.findings() if f.rule.startswith("W-TXT")]


def test_bound_field_is_checked_by_what_it_names():
    r = balanced(fill=1)
    r.apply({"text.overview": "全年共受理政府信息公开申请【本年新收·总计】件，办结【结转下年度·总计】件。"})
    (f,) = text_findings(r)  # the 办结 field is bound to the wrong cell
    assert "【结转下年度·总计】（6）" in f.message and f.cells == ("t3.r24.c7",)


def test_year_mentions():
    r = balanced(year=2024)
    r.apply({"text.preface": "现公布本县2023年政府信息公开工作年度报告。本报告统计期限为2023年1月1日至2023年12月31日。",
             "text.overview": "2023年，我县坚持公开为常态。2024年，我县持续推进。2020年以来，我县逐步建立制度。",
             "text.other": "2025年，我县将继续加强培训。\n2025年1月20日"})
    found = text_findings(r, ("W-TXT-YEAR",))
    assert [(f.section, f.quote) for f in found] == [
        ("preface", "现公布本县2023年政府信息公开工作年度报告。"),
        ("preface", "本报告统计期限为2023年1月1日至2023年12月31日。"),
        ("overview", "2023年，我县坚持公开为常态。")]


def test_overview_aspects_and_length():
    r = balanced()
    r.apply({"text.overview": "（一）主动公开。全年主动公开信息100条。（二）依申请公开。无。"})
    (f,) = text_findings(r, ("W-SEC1-ASPECTS",))
    assert "政府信息管理、政府信息公开平台建设、监督保障" in f.message
    full = "主动公开、依申请公开、政府信息管理、平台建设、监督保障。"
    r.apply({"text.overview": full})
    assert text_findings(r, ("W-SEC1-ASPECTS",)) == []
    r.apply({"text.overview": full + "文" * SEC1_MAX_CHARS})
    assert text_findings(r, ("W-SEC1-ASPECTS",)) == []  # no national limit
    from core.rules.packs import load_pack

    (f,) = [x for x in check_report(r, final=False, pack=load_pack("local-example")) if x.rule == "W-SEC1-ASPECTS"]
    assert "字" in f.message and str(SEC1_MAX_CHARS) in f.message


def test_copied_from_last_year(seeds_dir):
    r = real_seed(seeds_dir, 1)
    last = real_seed(seeds_dir, 1)
    last.meta["year"] = 2023
    r.set_baseline(Baseline.from_report(last))
    found = text_findings(r, ("W-X-COPY",))
    assert sorted(f.section for f in found) == ["overview", "problems"]
    assert "2023年度" in found[0].message and "100%" in found[0].message
    r.apply({"text.problems": "本年度主要问题是依申请公开答复质量不高，下一步将加强法制审核和业务培训，并建立台账逐项整改。"})
    assert [f.section for f in text_findings(r, ("W-X-COPY",))] == ["overview"]
    r.apply({"stale.other": True})
    assert "沿用上年" in [f for f in text_findings(r, ("W-X-COPY",)) if f.section == "other"][0].message
    assert similarity("甲乙丙丁", "戊己庚辛") == 0.0


def test_zero_table_against_text_that_speaks_of_requests():
    from .text_corpus import table

    r = table("empty")
    r.apply({"text.overview": "（二）依申请公开\n全年共收到政府信息公开申请5件，办结5件。"})
    (f,) = text_findings(r, ("W-TXT-T3", "W-T3-ZERO-TEXT"))  # one finding: the table looks unfilled
    assert f.rule == "W-T3-ZERO-TEXT" and f.cells == ("t3.r01.c7", "t3.r02.c7")
    assert "收到（受理）申请5件" in f.message and "都是 0" in f.message
    assert f.quote == "全年共收到政府信息公开申请5件，办结5件。" and f.section == "overview"
    assert r.text["overview"][f.span[0]:f.span[1]] == f.quote


def test_requests_in_the_table_against_text_that_says_none():
    from .text_corpus import table

    r = table("main")  # 本年新收 16, 上年结转 2
    r.apply({"text.other": "本年度未收到政府信息公开申请。"})
    (f,) = text_findings(r, ("W-TXT-T3", "W-T3-ZERO-TEXT"))
    assert f.rule == "W-T3-ZERO-TEXT" and "“一、本年新收”为 16" in f.message and "“二、上年结转”为 2" in f.message
    r.apply({"text.other": "本年度共收到政府信息公开申请16件。"})
    assert text_findings(r, ("W-TXT-T3", "W-T3-ZERO-TEXT")) == []


def test_the_overview_length_limit_is_a_parameter_of_the_rule():
    from core.rules import CheckContext
    from core.rules.text_rules import overview_rule

    r = balanced()
    r.apply({"text.overview": "主动公开、依申请公开、政府信息管理、平台建设、监督保障。" + "文" * 60})
    assert overview_rule(None).check(r, CheckContext()) == []
    (f,) = overview_rule(50).check(r, CheckContext())
    assert "不超过50字" in f.message


def test_the_notes_under_tables_three_and_four_are_about_requests_throughout():
    from .text_corpus import table

    r = table("main")  # 行政复议 3
    r.apply({"text.t4": "本年度被申请行政复议5件。"})  # no 「政府信息公开」 in it: the note's place says so
    (f,) = text_findings(r, ("W-TXT-T4",))
    assert f.section == "t4" and f.message.startswith("表四下的说明写行政复议5件")
    r.apply({"text.t4": "", "text.other": "本年度被申请行政复议5件。"})  # the same words in 六: a 司法局's cases
    assert text_findings(r, ("W-TXT-T4",)) == []
