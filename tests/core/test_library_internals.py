"""Guards for every reach into python-docx, docxtpl, Jinja and CPython internals.

The DOCX export depends on a few private attributes and on how docxtpl drives Jinja. A library
upgrade that removes or changes one of them must fail here, loudly and saying what to fix,
rather than make exports silently wrong (a cache that never hits, a sandbox limit that no
longer applies, a part not written). Each test names the module of ours that relies on it.
"""

from __future__ import annotations

import ctypes
import inspect
import io
import sys

import pytest


def _blank_document():
    from docx import Document

    return Document()


# -- python-docx (core/io/word/parts.py, word/scrub.py) --------------------------------------
def test_python_docx_xml_parts_keep_their_element_in_element():
    doc = _blank_document()
    assert getattr(doc.part, "_element", None) is not None, \
        "python-docx XmlPart no longer has _element: fix core/io/docx_parts.element()"
    assert doc.part._element is doc.element


def test_python_docx_plain_parts_keep_their_bytes_in_blob():
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    doc = _blank_document()
    theme = doc.part.part_related_by(RT.THEME)
    assert getattr(theme, "_element", None) is None and isinstance(getattr(theme, "_blob", None), bytes), \
        "python-docx plain Part no longer keeps _blob: fix core/io/docx_parts.set_blob()/store()"
    from core.io.word.parts import set_blob

    set_blob(theme, b"<x/>")
    assert theme.blob == b"<x/>", "setting Part._blob no longer changes what python-docx saves"


def test_python_docx_core_properties_element():
    doc = _blank_document()
    el = doc.core_properties._element
    assert el.tag.endswith("}coreProperties"), \
        "CoreProperties._element changed: fix core/io/docx_parts.core_properties_element()"


def test_python_docx_relationships_say_where_they_point():
    doc = _blank_document()
    rel = next(iter(doc.part.rels.values()))
    for name in ("is_external", "reltype", "target_ref"):
        assert hasattr(rel, name), f"python-docx _Relationship has no {name}: fix core/io/word/scrub.py"
    assert hasattr(doc.part.package, "iter_parts")


# -- docxtpl (core/io/word/render.py) ----------------------------------------------------------
def _template(*paragraphs):
    from docx import Document

    from core.io.word.render import _make_template_class

    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    buf.seek(0)
    tpl = _make_template_class()(buf)
    tpl.init_docx()
    return tpl


def test_docxtpl_methods_the_renderer_overrides_or_calls():
    from docxtpl import DocxTemplate

    for name in ("patch_xml", "get_xml", "get_part_xml", "render", "init_docx", "save"):
        assert callable(getattr(DocxTemplate, name, None)), f"docxtpl.DocxTemplate.{name} is gone: fix core/io/word/render.py"
    params = list(inspect.signature(DocxTemplate.render).parameters)
    assert params[:4] == ["self", "context", "jinja_env", "autoescape"], params


def test_docxtpl_hands_jinja_the_source_the_cache_is_keyed_on():
    """docxtpl splits the patched XML into one line per paragraph before ``from_string``; the
    compiled-template cache and the paragraph named in error messages assume exactly that split."""
    from core.io.word.tags import split_paragraphs
    from core.io.word.sandbox import make_environment

    tpl = _template("{{ unit }}", "第二段")
    env = make_environment()
    seen = []
    original = env.from_string

    def spy(source, *args, **kwargs):
        seen.append(source)
        return original(source, *args, **kwargs)

    env.from_string = spy
    predicted = "\n".join(split_paragraphs(tpl.patch_xml(tpl.get_xml())))
    tpl.render({"unit": "某县"}, jinja_env=env, autoescape=True)
    assert seen and seen[0] == predicted, \
        "docxtpl now prepares the body differently: fix word/tags.split_paragraphs() and word/render.prepare()"


def test_docxtpl_names_the_part_being_rendered():
    from jinja2 import UndefinedError

    from core.io.word.sandbox import make_environment

    tpl = _template("{{ missing.name }}")
    with pytest.raises(UndefinedError):
        tpl.render({}, jinja_env=make_environment(), autoescape=True)
    assert getattr(tpl, "current_rendering_part", None) is tpl.docx.part, \
        "docxtpl no longer sets current_rendering_part: errors cannot name 正文/页眉/页脚 (word/render._render_error)"


# -- Jinja (core/io/word/sandbox.py) ------------------------------------------------------
def test_jinja_compiled_templates_bind_the_concatenation_helpers_in_their_module():
    from core.io.word.sandbox import make_environment

    env = make_environment()
    t = env.from_string("{{ a ~ b }}")
    names = t.root_render_func.__globals__
    assert "markup_join" in names and "str_join" in names, \
        "Jinja no longer imports markup_join/str_join into the template module: fix the ~ limit in template_sandbox"
    assert getattr(names["markup_join"], "__name__", "") == "joined", "the ~ limit was not installed"


def test_jinja_sandbox_hooks_the_limits_use():
    from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment

    for name in ("call_binop", "call", "wrap_str_format", "intercepted_binops"):
        assert hasattr(SandboxedEnvironment, name), f"SandboxedEnvironment.{name} is gone: fix template_sandbox.py"
    assert list(inspect.signature(SandboxedEnvironment.call_binop).parameters) == \
        ["self", "context", "operator", "left", "right"]
    assert hasattr(ImmutableSandboxedEnvironment.template_class, "from_code")
    assert list(inspect.signature(ImmutableSandboxedEnvironment.template_class.from_code).parameters)[:4] == \
        ["environment", "code", "globals", "uptodate"]


def test_jinja_reads_the_pass_arg_marker_of_wrapped_filters():
    from jinja2.utils import _PassArg

    from core.io.word.sandbox import make_environment

    env = make_environment()
    assert _PassArg.from_obj(env.filters["join"]) is _PassArg.eval_context, \
        "Jinja reads pass_context/pass_eval_context another way: fix template_sandbox._limited_filter"
    assert env.from_string("{{ ['a', 'b'] | join('-') }}").render() == "a-b"


def test_jinja_lorem_ipsum_signature():
    from jinja2.utils import generate_lorem_ipsum

    assert list(inspect.signature(generate_lorem_ipsum).parameters) == ["n", "html", "min", "max"]


# -- CPython (core/io/template_sandbox.time_limit) --------------------------------------------
def test_cpython_can_raise_in_another_thread():
    assert hasattr(ctypes.pythonapi, "PyThreadState_SetAsyncExc"), "no PyThreadState_SetAsyncExc: time_limit breaks"
    assert callable(getattr(sys, "_current_frames", None))
