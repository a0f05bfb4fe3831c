"""Render a DOCX template with docxtpl, with every failure told in Chinese at its paragraph.

The only module that drives docxtpl. The template is scrubbed (:mod:`.scrub`), its tags
repaired and checked (:mod:`.tags`), every part patched, checked against the context and
compiled once (kept by :mod:`.cache`), then rendered in the bounded sandbox of
:mod:`.sandbox` under a time limit. After rendering no ``{{``/``{%`` may survive, and
the file carries no personal metadata.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

from ...messages import template as msg
from . import cache
from .parts import element, store, text_parts
from .scrub import scrub_template, set_line_end_punctuation, set_public_metadata
from .tags import (block_error, check_no_markup_in_tags, check_no_tags_left, check_tag_balance,
                        fold_fullwidth_braces, normalise_tags, split_paragraphs, where)
from .errors import TemplateError, TemplateFileError
from .sandbox import make_environment, time_limit

__all__ = ["TemplateError", "TemplateFileError", "check_template_source", "open_template", "render"]


def _make_template_class():
    from docxtpl import DocxTemplate

    class _Template(DocxTemplate):
        """docxtpl with full-width quote normalisation and split-tag detection."""

        place = msg.place("document")

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._patched: dict[str, str] = {}

        def patch_xml(self, src_xml):
            # Checking before rendering patches the same XML again: do it once.
            xml = self._patched.get(src_xml)
            if xml is None:
                xml = normalise_tags(super().patch_xml(src_xml))
                check_no_markup_in_tags(xml, self.place)
                self._patched[src_xml] = xml
            return xml

    return _Template


# -- opening --------------------------------------------------------------------------------
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_MAINS = ("application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
                "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
                "application/vnd.ms-word.document.macroEnabled.main+xml")


def _as_document(data: bytes) -> bytes:
    """A .dotx/.dotm/.docm template as a plain document package (its macros are dropped by scrubbing)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            types = z.read("[Content_Types].xml").decode("utf-8")
            if not any(t in types for t in _OTHER_MAINS):
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
                for info in z.infolist():
                    blob = z.read(info.filename)
                    if info.filename == "[Content_Types].xml":
                        for t in _OTHER_MAINS:
                            types = types.replace(t, _MAIN)
                        blob = types.encode("utf-8")
                    dst.writestr(info, blob)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError, OSError):
        return data  # python-docx says what is wrong


def open_template(path: str | os.PathLike):
    """Open a DOCX (or .dotx/.dotm) template, or raise TemplateFileError with a Chinese message."""
    path = Path(path)
    if not path.is_file():
        raise TemplateFileError(msg.not_found(str(path)))
    try:
        data = _as_document(path.read_bytes())
    except OSError as exc:
        raise TemplateFileError(msg.not_a_docx(path.name)) from exc
    tpl = _make_template_class()(io.BytesIO(data))
    try:
        tpl.init_docx()
    except Exception as exc:  # zipfile.BadZipFile, KeyError, PackageNotFoundError, lxml errors…
        raise TemplateFileError(msg.not_a_docx(path.name)) from exc
    return tpl


# -- checking names and syntax before rendering ---------------------------------------------
def _raw_xml(tpl, part) -> str:
    """The XML of ``part`` exactly as docxtpl will read it."""
    return tpl.get_xml() if part is tpl.docx.part else tpl.get_part_xml(part)


def _chain(node) -> tuple[str, list[str]] | None:
    """``t3.r01.c1`` as (root name, [attributes]) when the expression is a plain dotted name."""
    from jinja2 import nodes

    path: list[str] = []
    while True:
        if isinstance(node, nodes.Getattr):
            path.append(node.attr)
            node = node.node
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) \
                and isinstance(node.arg.value, str):
            path.append(node.arg.value)
            node = node.node
        elif isinstance(node, nodes.Name):
            return node.name, list(reversed(path))
        else:
            return None


def _other_format(context: dict, dotted: list[str]) -> str | None:
    """The message for a template of the other format: its cell refs are that format's."""
    from ...schema import FORMS

    form = FORMS.get(context.get("form_id", ""))
    if form is None:
        return None
    for other in FORMS.values():
        refs = {c.ref for c in other.cells}
        if other.id != form.id and any(d in refs for d in dotted):
            return msg.other_format(other.name, form.name)
    return None


def _syntax_error(exc, lines: list[str], place: str) -> TemplateError:
    """A Jinja syntax error in Chinese, at the paragraph that opened an unclosed block."""
    found = block_error(lines, place) if re.search(r"Unexpected end of template|Encountered unknown tag 'end",
                                                   exc.message or "") else None
    return TemplateError(found or msg.syntax(where(lines, exc.lineno, place), msg.jinja_detail(exc.message)))


def _missing_names(ast, context: dict, env) -> list[tuple[str, int | None]]:
    """(name, line) of every unknown variable and dotted name the template reads."""
    from jinja2 import meta, nodes

    known = set(context) | set(env.globals)
    out = []
    for name in sorted(meta.find_undeclared_variables(ast) - known):  # also fails on unknown filters
        out.append((name, next((n.lineno for n in ast.find_all(nodes.Name) if n.name == name), None)))
    inner = {id(node.node) for node in ast.find_all((nodes.Getattr, nodes.Getitem))}
    for node in ast.find_all((nodes.Getattr, nodes.Getitem)):
        if id(node) in inner:
            continue
        chain = _chain(node)
        if chain is None or chain[0] not in context:
            continue
        root, path = chain
        obj = context[root]
        for key in path:
            if not isinstance(obj, dict):
                break
            if key not in obj:
                out.append((".".join([root, *path]), node.lineno))
                break
            obj = obj[key]
    return out


def check_template_source(env, lines: list[str], context: dict, place: str):
    """Parse one part's template; name syntax errors and unknown variables with their paragraph.

    Returns the compiled code (None when the part has no tags); the environment keeps the
    template so that docxtpl does not compile the same source again.
    """
    from jinja2 import TemplateSyntaxError

    source = "\n".join(lines)
    if "{" not in source:
        return None
    try:
        ast = env.parse(source)
        missing = _missing_names(ast, context, env)
    except TemplateSyntaxError as exc:
        raise _syntax_error(exc, lines, place) from exc
    if missing:
        other = _other_format(context, [name for name, _ in missing])
        if other:
            raise TemplateError(other)
        name, lineno = missing[0]
        raise TemplateError(msg.unknown_variable(where(lines, lineno, place), name))
    code = env.compile(ast)
    env.compiled[source] = env.template_class.from_code(env, code, env.make_globals(None))
    return code


def prepare(tpl, env, context: dict) -> dict[int, tuple[str, list[str]]]:
    """Patch, check and compile every part (or take them from the cache); return their sources."""
    folder = cache.cache_dir()
    salt = cache.salt(context) if folder is not None else ""
    sources = {}
    for kind, part in text_parts(tpl.docx):
        place = msg.place(kind)
        tpl.place = place
        raw = _raw_xml(tpl, part)
        key = cache.key(salt, place, raw)
        hit = cache.get(folder, key)
        if hit is not None:
            patched, code = hit
            tpl._patched[raw] = patched
            lines = split_paragraphs(patched)
            if code is not None:
                env.compiled["\n".join(lines)] = env.template_class.from_code(
                    env, code, env.make_globals(None))
        else:
            patched = tpl.patch_xml(raw)
            lines = split_paragraphs(patched)
            code = check_template_source(env, lines, context, place)
            cache.put(folder, key, patched, code)
        sources[id(part)] = (place, lines)
    return sources


def _template_lineno(exc: BaseException) -> int | None:
    tb = exc.__traceback__
    lineno = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            lineno = tb.tb_lineno
        tb = tb.tb_next
    return lineno


def _render_error(exc: Exception, tpl, sources) -> TemplateError:
    """What went wrong while rendering, in Chinese, at the paragraph being rendered."""
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.sandbox import SecurityError

    part = getattr(tpl, "current_rendering_part", None)
    place, lines = sources.get(id(part), ("", []))
    lineno = getattr(exc, "lineno", None) or _template_lineno(exc)
    here = where(lines, lineno, place) if place else msg.at_text("", "")
    if isinstance(exc, UndefinedError):
        m = re.search(r"has no attribute '([^']+)'|'([^']+)' is undefined", exc.message or "")
        name = (m.group(1) or m.group(2)) if m else (exc.message or "")
        return TemplateError(msg.undefined_at_render(here, name))
    if isinstance(exc, SecurityError):
        m = re.search(r"attribute '([^']+)'", str(exc))
        return TemplateError(msg.forbidden(here, m.group(1) if m else ""))
    if isinstance(exc, TemplateSyntaxError):
        return _syntax_error(exc, lines, place)
    from jinja2 import TemplateError as JinjaError

    if isinstance(exc, JinjaError):
        return TemplateError(msg.cannot_render(here, msg.jinja_detail(exc.message)))
    return TemplateError(msg.cannot_render(here, msg.runtime_detail(exc)))


# -- the whole job --------------------------------------------------------------------------
def render(template: str | os.PathLike, context: dict, out: str | os.PathLike, *,
           unit: str, title: str) -> list[str]:
    """Render ``template`` with ``context`` into ``out`` (a temporary file); return notes.

    The notes say what was removed from the template that the office should know about
    (links to outside files, macros); every failure raises TemplateError in Chinese.
    """
    tpl = open_template(template)
    doc = tpl.docx
    try:
        notes = scrub_template(doc)
        set_line_end_punctuation(doc.styles.element)
        for kind, part in text_parts(doc):
            el = element(part)
            fold_fullwidth_braces(el)
            store(part, el)
        for kind, part in text_parts(doc):
            check_tag_balance(element(part), msg.place(kind))
    except TemplateError:
        raise
    except Exception as exc:  # a malformed package python-docx opened but cannot walk
        raise TemplateError(msg.malformed(msg.runtime_detail(exc))) from exc
    env = make_environment()
    sources = prepare(tpl, env, context)
    # docxtpl renders the core properties as templates too: clear them, they are set below.
    cp = doc.core_properties
    for name in ("author", "comments", "identifier", "language", "subject", "title"):
        setattr(cp, name, "")
    tpl.place = msg.place("document")
    try:
        with time_limit():
            tpl.render(context, jinja_env=env, autoescape=True)
    except TemplateError:
        raise
    except RecursionError as exc:
        raise _render_error(exc, tpl, sources) from None
    except Exception as exc:  # Jinja, and docxtpl/lxml on a malformed template
        raise _render_error(exc, tpl, sources) from exc
    check_no_tags_left(tpl.docx)
    set_public_metadata(tpl.docx, unit, title)
    tpl.save(str(out))
    return notes

