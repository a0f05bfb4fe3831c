"""User templates: errors in Chinese at the right paragraph, and hostile templates stopped quickly.

The sandbox keeps a template from reaching the program; the limits keep it from hanging the
clerk's PC or filling its memory. Every refusal is a Chinese TemplateError that says what
happened (never an empty 「模板无法生成文档：」).
"""

from __future__ import annotations

import re
import time

import pytest

from core.io.export import export_docx
from core.io.word.errors import TemplateError

from .helpers import seed


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NIANBAO_CACHE_DIR", str(tmp_path / "cache"))


def make_template(tmp_path, *paragraphs, name="t.docx"):
    from docx import Document

    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    path = tmp_path / name
    doc.save(str(path))
    return path


def refusal(tmp_path, *paragraphs, report=None) -> str:
    """Export with a template that must be refused; return the message (checked to be Chinese)."""
    out = tmp_path / "out.docx"
    start = time.monotonic()
    with pytest.raises(TemplateError) as err:
        export_docx(report or seed(1), out, template=make_template(tmp_path, *paragraphs))
    took = time.monotonic() - start
    message = str(err.value)
    assert took < 15, f"took {took:.1f} s"
    assert not out.exists()
    assert re.search(r"[\u4e00-\u9fff]{4}", message), message
    assert not re.search(r"\b(Jinja|expected|unexpected|Encountered|Traceback|undefined)\b", message), message
    assert not message.rstrip().endswith("："), message  # never 「模板无法生成文档：」 with nothing after
    return message


# -- errors at the right paragraph ------------------------------------------------------------
def test_unclosed_for_is_reported_where_it_was_opened(tmp_path):
    message = refusal(tmp_path, "第一段", "{% for p in overview %}循环开始", "{{ p.text }}", "最后一段")
    assert "“{% for p in overview %}循环开始”" in message and "{% endfor %}" in message


def test_unclosed_if_inside_a_closed_for(tmp_path):
    message = refusal(tmp_path, "{% for p in overview %}", "{% if p.h1 %}标题", "{% endfor %}")
    assert "“{% endfor %}”" in message and "{% if %}" in message and "不配对" in message
    assert "“{% if p.h1 %}标题”" in message


def test_an_end_without_a_start(tmp_path):
    message = refusal(tmp_path, "正文", "{% endif %}多余")
    assert "“{% endif %}多余”" in message and "前面没有对应的开始标签" in message


@pytest.mark.parametrize("text, words", [
    ("{{ unit 、 year }}", ["不能识别的字符“、”", "英文半角"]),
    ("{{ unit ” }}", ["文字", "写法不对"]),  # the quote is made ASCII: a string left open
    ("{% frobnicate %}", ["不认识的标签", "frobnicate"]),
    ("{{ unit unit }}", ["写法不对"]),
    ("{% for x %}{% endfor %}", ["写法不对", "in"]),
    ("{{ unit | nosuchfilter }}", ["没有名为“nosuchfilter”的过滤器"]),
    ("{% %}", ["缺少标签名"]),
])
def test_jinja_syntax_errors_are_told_in_chinese(tmp_path, text, words):
    message = refusal(tmp_path, "前言", text)
    assert "语法错误" in message
    for w in words:
        assert w in message, message


def test_a_template_of_the_other_format_says_so(tmp_path):
    # 2019's 表二 has 本年新制作数量 (xz); this report uses the 2021 format.
    message = refusal(tmp_path, "{{ title }}", "规章新制作：{{ t2.a1.gz.xz }}")
    assert "这是 2019 年格式" in message and "本报告为 2021 年格式" in message
    assert "t2.a1.gz.xz" not in message
    message = refusal(tmp_path, "规章制发：{{ t2.a1.gz.zf }}", report=seed(4))  # the other way round
    assert "这是 2021 年格式" in message and "本报告为 2019 年格式" in message


def test_runtime_errors_are_told_in_chinese(tmp_path):
    assert "除数为零" in refusal(tmp_path, "{{ 1 // 0 }}")
    assert "宏调用自身" in refusal(tmp_path, "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}")


# -- the sandbox holds ------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "{{ unit.__class__.__mro__ }}",
    "{{ ''.__class__.__base__.__subclasses__() }}",
    "{{ lipsum.__globals__ }}",
    "{{ cycler.__init__.__globals__.os }}",
    "{{ self._TemplateReference__context }}",
    "{{ range.__self__ }}",
    "{% set x = overview.append(1) %}",  # no changing the context
])
def test_the_sandbox_holds(tmp_path, text):
    refusal(tmp_path, text)


# -- hostile templates are stopped within seconds -------------------------------------------
@pytest.mark.slow  # each runs into a time or size limit
@pytest.mark.parametrize("text", [
    "{{ 'a' * 10**9 }}",
    "{{ 'a' * 1000000000 }}",
    "{{ [1] * 10**9 }}",
    "{{ 2 ** 100000000 }}",
    "{{ (10 ** 1000) ** 1000 }}",
    "{{ lipsum(10**6) }}",
    "{{ 'a' | center(10**9) }}",
    "{{ 'a'.center(10**9) }}",
    "{{ 'a'.ljust(1000000000) }}",
    "{{ '{:>999999999}'.format('a') }}",
    "{{ '%999999999d' % 1 }}",
    "{{ '%s' | format('a' * 900000) ~ 'a' * 900000 }}",
    "{{ 'a' | indent(10**9, true) }}",
    "{{ range(10**9) | list }}",
    "{% set ns = namespace(s='a') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
    "{% for i in range(10000) %}{% for j in range(10000) %}{{ i }}{% endfor %}{% endfor %}",
    "{{ ('a' * 900000).replace('', 'bbbbbbbbbb') }}",
])
def test_hostile_templates_stop_with_a_chinese_message(tmp_path, monkeypatch, text):
    from core.io.word import sandbox as template_sandbox

    monkeypatch.setattr(template_sandbox, "TIME_LIMIT", 3)  # the 10 s of the app, shortened
    message = refusal(tmp_path, "前言", text)
    assert "过大" in message or "超过" in message, message


@pytest.mark.slow
def test_a_loop_that_prints_nothing_runs_into_the_time_limit(tmp_path, monkeypatch):
    from core.io.word import sandbox as template_sandbox

    monkeypatch.setattr(template_sandbox, "TIME_LIMIT", 1)
    start = time.monotonic()
    message = refusal(tmp_path, "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}")
    assert "超过 1 秒" in message and time.monotonic() - start < 5


@pytest.mark.slow
def test_a_fast_render_is_not_interrupted_later(tmp_path, monkeypatch):
    """The time limit is taken back when rendering ends: nothing is raised afterwards."""
    from core.io.word import sandbox as template_sandbox

    monkeypatch.setattr(template_sandbox, "TIME_LIMIT", 0.5)
    export_docx(seed(1), tmp_path / "a.docx", template=make_template(tmp_path, "{{ unit }}"))
    time.sleep(1.0)  # the timer would have fired by now
    assert sum(range(1000)) == 499500


def test_ordinary_templates_are_unaffected(tmp_path):
    from docx import Document

    tpl = make_template(tmp_path, "{{ title }}", "{% for p in overview %}{{ p.text[:4] }}{% endfor %}",
                        "{{ '%.2f' % 1.5 }}|{{ '{:>5}'.format(unit[:2]) }}|{{ '-' * 20 }}|{{ 2 ** 10 }}",
                        "{{ range(3) | list | join(',') }}|{{ unit | center(30) | trim }}")
    out = tmp_path / "ok.docx"
    export_docx(seed(1), out, template=tpl)
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert texts[0] == "平武县人民政府办公室2024年政府信息公开工作年度报告"
    assert texts[2] == "1.50|   平武|" + "-" * 20 + "|1024"
    assert texts[3] == "0,1,2|平武县人民政府办公室"
