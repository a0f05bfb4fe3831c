"""The grammar of sentences that state table figures (core.rules.text): lexer, shapes, context, corpus."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.rules import Validator, check_report
from core.rules.text import claims, sentences
from core.rules.text.grammar import SHAPES, Context, read
from core.rules.text.lexer import first_chars, kinds, tokens
from core.rules.text.sentences import is_heading, lines

from . import text_corpus
from .text_corpus import cases, table


def stated(text: str, year: int | None = 2024, form: str = "gb2021") -> list[tuple[str, object]]:
    return [(c.figure, c.value) for c in claims(form, year, text)]


# -- the lexer ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, letters", [
    ("全年共收到政府信息公开申请16件，其中15件已办结，3件结转至2025年继续办理。", "YFTN,QNF,NF"),
    ("办理行政复议案件56件（其中涉及政府信息公开的0件）。", "VN(QTN)"),
    ("2023年共收到申请12件，2024年共收到申请16件。", "YFtN,YFtN"),
    ("收到公民、法人或者其他组织提出的政府信息公开申请16件", "FAJATN"),
    ("本年度本机关未收到政府信息公开申请，无结转。", "YXFT,XF"),
    ("全年制发行政规范性文件3件，废止2件，现行有效7件。", "YWDN,WN,WN"),
    ("收到申请约20件，比上年增加4件", "Ftn,ddN"),
    ("上年结转的2件申请已全部办结", "FNtLF"),
])
def test_sentences_become_token_strings(text, letters):
    assert kinds(tokens("gb2021", text)) == letters


def test_tokens_keep_their_offsets_and_numbers():
    text = "受理政府信息公开申请十六件，【本年新收·总计】件"
    toks = tokens("gb2021", text)
    assert [text[t.start:t.end] for t in toks] == ["受理", "政府信息公开申请", "十六件", "，", "【本年新收·总计】件"]
    assert toks[2].value == 16 and toks[2].unit == "件"
    assert toks[4].value is None and toks[4].field == "本年新收·总计"


@pytest.mark.parametrize("pattern, chars", [
    (r"(?<!不)予以公开|同意公开", {"予", "同"}),
    (r"(?:涉及|因)?政府信息公开", {"涉", "因", "政"}),
    (r"\d{4}\s*年", set("0123456789０１２３４５６７８９")),
    (r"[，,；]", {"，", ",", "；"}),
])
def test_first_characters_of_a_pattern(pattern, chars):
    assert first_chars(pattern) == chars


def test_a_pattern_that_may_match_nothing_is_refused():
    with pytest.raises(ValueError):
        first_chars(r"(?:年度)?")


# -- the shapes, one by one ----------------------------------------------------------------------

SHAPE_EXAMPLES = {
    "restricted": ("因政府信息公开工作，全年共办理行政复议案件56件，其中涉及政府信息公开的3件。", [("review.5", 3)]),
    "each": ("因政府信息公开被申请行政复议、提起行政诉讼各1件。", [("review.5", 1), ("suit.5", 1)]),
    "joined": ("收到的政府信息公开申请中，予以公开及部分公开42件。", [("open+partial", 42)]),
    "everyone": ("收到公民、法人或者其他组织提出的政府信息公开申请16件。", [("received", 16)]),
    "applicant-list": ("收到政府信息公开申请16件，其中自然人、企业申请14件。", [("received", 16)]),
    "figure": ("全年共受理政府信息公开申请16件。", [("received", 16)]),
    "number-figure": ("收到政府信息公开申请16件，其中14件已办结。", [("received", 16), ("done", 14)]),
    "number-reason-figure": ("收到政府信息公开申请16件，2件因在年底收到，结转至下一年度办理。",
                             [("received", 16), ("carry", 2)]),
    "applicant": ("收到政府信息公开申请16件，其中自然人申请11件。", [("received", 16), ("app.c1", 11)]),
    "applicant-total": ("收到政府信息公开申请16件；申请主体以自然人为主，共11件。", [("received", 16), ("app.c1", 11)]),
    "sum": ("新收政府信息公开申请16件，加上上年结转的2件，合计18件。",
            [("new", 16), ("carried", 2), ("received", 18)]),
    "negated": ("全年未收到政府信息公开申请，无结转。", [("received", 0), ("carry", 0)]),
    "all-done": ("收到政府信息公开申请16件，已全部办结。", [("received", 16), ("carry", 0)]),
    "case": ("因政府信息公开被提起行政诉讼2件。", [("suit.5", 2)]),
    "case-total": ("在政府信息公开行政诉讼方面，本年度共有2件。", [("suit.5", 2)]),
    "row": ("收到政府信息公开申请16件，其中本机关不掌握相关政府信息的3件。", [("received", 16), ("row.r13", 3)]),
    "result": ("因政府信息公开被申请行政复议3件，其中维持1件，1件尚未审结。",
               [("review.5", 3), ("review.1", 1), ("review.4", 1)]),
    "document": ("全年制发行政规范性文件3件，废止2件。", [("t2.gf.zf", 3), ("t2.gf.fz", 2)]),
}


def test_every_shape_has_an_example():
    assert set(SHAPE_EXAMPLES) == {s.name for s in SHAPES}


@pytest.mark.parametrize("name", sorted(SHAPE_EXAMPLES))
def test_shape(name):
    text, expected = SHAPE_EXAMPLES[name]
    assert stated(text) == expected


# -- what the issue lists: misses and false alarms of the earlier extractor ---------------------

@pytest.mark.parametrize("text, expected", [
    # a heading on its own line sets the topic of the paragraph under it
    ("（二）依申请公开情况\n全年共收到申请16件，办结15件。", [("received", 16), ("done", 15)]),
    # units 项/份/次
    ("全年受理政府信息公开申请16项，被申请行政复议3次。", [("received", 16), ("review.5", 3)]),
    # the applicant split in a follow-up sentence
    ("全年共收到政府信息公开申请16件。其中，自然人申请11件，法人或其他组织申请5件。",
     [("received", 16), ("app.c1", 11), ("app.legal", 5)]),
    # the number before the verb; a sentence that also names next year
    ("全年共收到政府信息公开申请16件，其中14件已办结，2件结转至2025年继续办理。",
     [("received", 16), ("done", 14), ("carry", 2)]),
    # 「已全部办结」 says nothing is carried over
    ("全年共收到政府信息公开申请16件，已全部办结。", [("received", 16), ("carry", 0)]),
    # false alarms: last year's figure, a 司法局's cases, two results joined
    ("2023年共收到申请12件，2024年共收到申请16件。", [("received", 16)]),
    ("办理行政复议案件56件（其中涉及政府信息公开的0件）。", [("review.5", 0)]),
    ("予以公开及部分公开42件。", [("open+partial", 42)]),
])
def test_the_misses_and_false_alarms_of_issue_16(text, expected):
    assert stated(text) == expected


@pytest.mark.parametrize("text", [
    "全年主动公开政府信息3720条。",
    "受理行政许可申请1500件，办结1498件。",
    "收到政府信息公开申请约20件。",
    "与上年相比，政府信息公开申请增加了3件。",
    "近三年共收到政府信息公开申请45件。",
    "2022年至2024年，共受理政府信息公开申请40件。",
    "上年结转的2件申请已全部办结。",  # the 2 are 上年结转, and 全部办结 is about them
    "未收到关于依申请公开工作的投诉。",
    "2025年计划制定规范性文件5件。",
])
def test_what_is_not_a_figure(text):
    assert [f for f, v in stated(text) if f != "carried"] == []


def test_year_unknown_keeps_this_years_words_only():
    assert stated("2023年共收到申请12件，上年收到申请9件。", year=None) == [("received", 12)]


def test_2019_format_reads_its_own_table_two_words():
    assert stated("本年新制作规范性文件3件，新公开3件。", form="gb2019") == [("t2.gf.xz", 3), ("t2.gf.xg", 3)]


# -- context across sentences and lines -----------------------------------------------------------

def test_context_goes_from_sentence_to_sentence_in_a_paragraph_only():
    said, ctx = read("gb2021", "全年共收到政府信息公开申请16件。", Context(), 2024)
    assert ctx.main == "received" and ctx.about
    assert read("gb2021", "其中自然人申请11件。", ctx, 2024)[0][0].figure == "app.c1"
    assert read("gb2021", "其中自然人申请11件。", Context(), 2024)[0] == ()
    assert stated("全年共收到政府信息公开申请16件。\n其中自然人申请11件。") == [("received", 16)]


def test_headings_and_lines():
    text = "（一）主动公开\n全年公开信息100条。\n二是依申请公开。\n全年受理申请5件。"
    assert [(ln.text, ln.heading) for ln in lines(text)] == [
        ("（一）主动公开", True), ("全年公开信息100条。", False), ("二是依申请公开。", True), ("全年受理申请5件。", False)]
    assert is_heading("依申请公开情况：") and not is_heading("全年共收到政府信息公开申请16件，办结15件。")
    assert stated(text) == [("received", 5)]


def test_claims_carry_their_sentence_and_offsets():
    text = "（二）依申请公开\n全年共收到政府信息公开申请16件。办结15件。"
    done = claims("gb2021", 2024, text)[1]
    assert done.sentence.text == "办结15件。" and text[done.sentence.start:done.sentence.end] == "办结15件。"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="甲乙。！；？\n \t，a1", max_size=30))
def test_sentences_cover_the_text_between_end_marks(text):
    """Every non-blank stretch between end marks is one sentence, trimmed, ending with its marks."""
    expected = []
    pos = 0
    for m in re.finditer(r"[。！？!?；;]+|\n+", text):
        end = m.end() if m.group(0)[0] != "\n" else m.start()
        expected.append((pos, end))
        pos = m.end()
    expected.append((pos, len(text)))
    want = []
    for a, b in expected:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            want.append((a, b, text[a:b]))
    assert [tuple(s) for s in sentences(text)] == want


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 99), st.integers(0, 99), st.integers(0, 99), st.booleans())
def test_numbers_in_any_writing_are_read_as_written(received, done, carry, chinese):
    write = text_corpus.cn if chinese else str
    text = f"全年共收到政府信息公开申请{write(received)}件，办结{write(done)}件，结转下年度{write(carry)}件。"
    assert stated(text) == [("received", received), ("done", done), ("carry", carry)]


# -- the corpus --------------------------------------------------------------------------------

def test_corpus_catch_rate_and_false_alarms(capsys):
    v = text_corpus.judge()
    assert v.contradicting + v.fine >= 200
    rate = len(v.caught) / v.contradicting
    with capsys.disabled():
        print(f"\ntext-versus-table corpus: {v.contradicting} contradicting cases, {len(v.caught)} caught ({rate:.1%}); "
              f"{v.fine} agreeing or neutral, {len(v.alarms)} false alarms ({len(v.alarms) / v.fine:.1%})")
        for text in v.missed:
            print(f"  missed: {text}")
    assert v.alarms == []
    assert rate >= 0.98, v.missed


def test_every_sentence_of_the_corpus_is_distinct_and_in_a_known_table():
    # the same text may be read against two tables (「全年未收到申请」: wrong for one, right for the empty one)
    texts = [(e.text, e.table) for e in text_corpus.CORPUS + text_corpus.HELD_OUT]
    assert len(texts) == len(set(texts))
    assert {e.table for e in text_corpus.CORPUS + text_corpus.HELD_OUT} <= {"main", "settled", "empty"}
    for name in ("main", "settled", "empty"):
        assert not [f for f in check_report(table(name)) if f.is_error]  # the tables themselves are sound


# -- incremental checking with text ----------------------------------------------------------------

_TEXTS = [c.text for c in cases()][::7]


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_incremental_text_findings_equal_a_full_check(data):
    from core.model import derived_updates

    r = table("main")
    v = Validator(r)
    v.attach()
    refs = [c.ref for c in r.form.cells if c.ref.startswith(("t3.r01", "t3.r02", "t3.r03", "t3.r25", "t4"))]
    for _ in range(data.draw(st.integers(1, 12))):
        if data.draw(st.booleans()):
            r.apply({f"text.{data.draw(st.sampled_from(['overview', 'other']))}": data.draw(st.sampled_from(_TEXTS))})
        else:
            ref = data.draw(st.sampled_from(refs))
            change = {ref: data.draw(st.integers(0, 20))}
            change.update(derived_updates(r, change))
            r.apply(change)
    assert sorted(map(repr, v.findings())) == sorted(map(repr, Validator(r).findings()))


_WORDS = ["收到", "受理", "政府信息公开申请", "申请", "办结", "结转", "上年结转", "予以公开", "部分公开", "及", "、", "，",
          "。", "\n", "其中", "自然人", "法人或其他组织", "行政复议", "行政诉讼", "维持", "尚未审结", "未", "无", "全部",
          "2023年", "2024年", "本年度", "比上年", "增加", "约", "件", "3件", "16件", "十二件", "【本年新收·总计】件",
          "规范性文件", "制发", "废止", "现行有效", "（二）依申请公开", "合计", "各", "（", "）", "涉及政府信息公开的", "许可"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40), st.sampled_from([None, 2024]),
       st.sampled_from(["gb2021", "gb2019"]))
def test_any_mix_of_the_words_is_read_without_failing(words, year, form):
    """Whatever a clerk types, reading it never fails, and every claim points at its own sentence."""
    text = "".join(words)
    for c in claims(form, year, text):
        assert text[c.sentence.start:c.sentence.end] == c.sentence.text
        assert c.value is None or c.value >= 0
