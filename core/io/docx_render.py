"""Render a DOCX template with docxtpl: the only module that touches docxtpl.

Guards against the traps of engineering-notes §4: templates render in a sandboxed Jinja
environment with strict undefined variables and autoescaped user text; tags that Word split
across runs are merged, smart/full-width quotes inside tags are normalised, and tags that
cannot be repaired, syntax errors and unknown variables become a Chinese message naming the
paragraph. After rendering, no ``{{``/``{%`` may survive anywhere, and the file carries no
personal metadata, comments or tracked changes.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from pathlib import Path
from typing import Any, Iterable

from ..errors import ReportError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS
SNIPPET = 40


class TemplateError(ReportError):
    """The template cannot be used; the message names the problem and where it is."""


class TemplateFileError(TemplateError):
    """The template file cannot be opened as a Word document."""


# -- cleaning the template before rendering ------------------------------------------------
_REMOVE_WITH_CONTENT = ("del", "moveFrom")
_UNWRAP = ("ins", "moveTo")
_REMOVE_MARKERS = (
    "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblPrExChange", "trPrChange",
    "tcPrChange", "tblGridChange", "numberingChange", "cellIns", "cellDel", "cellMerge",
    "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
    "commentRangeStart", "commentRangeEnd", "customXmlInsRangeStart", "customXmlInsRangeEnd",
    "customXmlDelRangeStart", "customXmlDelRangeEnd",
)
_PRIVATE_RELS = ("/comments", "/commentsExtended", "/commentsIds", "/commentsExtensible", "/people",
                 "/custom-properties")


def accept_revisions(root) -> None:
    """Accept every tracked change and drop comment anchors in an OOXML element tree."""
    for name in _REMOVE_MARKERS:
        for el in root.iter(W + name):
            el.getparent().remove(el)
    for ref in list(root.iter(W + "commentReference")):
        run = ref.getparent()
        if run is not None and run.tag == W + "r" and run.getparent() is not None:
            run.getparent().remove(run)
    for name in _REMOVE_WITH_CONTENT:
        for el in list(root.iter(W + name)):
            parent = el.getparent()
            if parent is None:
                continue
            if parent.tag == W + "trPr":  # a deleted table row
                row = parent.getparent()
                if row is not None and row.getparent() is not None:
                    row.getparent().remove(row)
                continue
            parent.remove(el)
    for name in _UNWRAP:
        for el in list(root.iter(W + name)):
            parent = el.getparent()
            if parent is None:
                continue
            if parent.tag in (W + "rPr", W + "trPr"):  # an inserted paragraph mark or row
                parent.remove(el)
                continue
            index = parent.index(el)
            for child in reversed(list(el)):
                parent.insert(index, child)
            parent.remove(el)


def _parts(doc) -> Iterable[tuple[str, Any]]:
    """Yield (Chinese place name, part) for the document, its headers, footers and footnotes."""
    yield "正文", doc.part
    for rel in doc.part.rels.values():
        kind = rel.reltype.rsplit("/", 1)[-1]
        if rel.is_external:
            continue
        if kind in ("header", "footer", "footnotes", "endnotes"):
            yield {"header": "页眉", "footer": "页脚", "footnotes": "脚注", "endnotes": "尾注"}[kind], \
                rel.target_part


def _element(part):
    """Return the part's XML element, parsing (and keeping) generic parts once."""
    el = getattr(part, "_element", None)
    if el is None:
        from docx.oxml import parse_xml

        el = parse_xml(part.blob)
    return el


def _store(part, el) -> None:
    from lxml import etree

    if getattr(part, "_element", None) is None:
        part._blob = etree.tostring(el, xml_declaration=True, encoding="UTF-8", standalone=True)


def scrub_template(doc) -> None:
    """Accept tracked changes, remove comments and private parts, stop revision tracking."""
    for _, part in _parts(doc):
        el = _element(part)
        accept_revisions(el)
        _store(part, el)
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith(_PRIVATE_RELS):
            del doc.part.rels[rid]
    pkg_rels = doc.part.package.rels
    for rid, rel in list(pkg_rels.items()):
        if rel.reltype.endswith(_PRIVATE_RELS):
            del pkg_rels[rid]
    settings = doc.settings.element
    for name in ("trackRevisions", "attachedTemplate", "removePersonalInformation"):
        for el in settings.findall(W + name):
            settings.remove(el)


# -- tags -----------------------------------------------------------------------------------
_FULLWIDTH_OPEN = re.compile(r"[{｛]\s*[｛]|[｛]\s*[{]|[{｛]\s*[％]|[｛]\s*[%]")
_FULLWIDTH_CLOSE = re.compile(r"[}｝]\s*[｝]|[｝]\s*[}]|[%％]\s*[｝]|[％]\s*[}]")
_IN_TAG = str.maketrans({
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "＂": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "＇": "'",
    "（": "(", "）": ")", "，": ",", "：": ":", "｜": "|", "＝": "=", "＋": "+", "－": "-",
    "［": "[", "］": "]", "。": ".", "．": ".", "！": "!", "\u3000": " ", "\u00a0": " ",
})
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


def _fold_fullwidth_braces(root) -> None:
    """A Chinese IME types 「｛｛ unit ｝｝」: fold full-width braces of a tag to ASCII."""
    for t in root.iter(W + "t"):
        s = t.text
        if s and ("｛" in s or "｝" in s or "％" in s):
            s = _FULLWIDTH_OPEN.sub(lambda m: "{" + ("%" if m.group(0)[-1] in "%％" else "{"), s)
            s = _FULLWIDTH_CLOSE.sub(lambda m: ("%" if m.group(0)[0] in "%％" else "}") + "}", s)
            t.text = s


def _paragraph_texts(root) -> Iterable[tuple[int, str]]:
    for i, p in enumerate(root.iter(W + "p")):
        yield i + 1, "".join(t.text or "" for t in p.iter(W + "t"))


def _snippet(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= SNIPPET else text[:SNIPPET] + "…"


def check_tag_balance(root, place: str) -> None:
    """Every tag must open and close inside one paragraph (Word may split it over runs only)."""
    for n, text in _paragraph_texts(root):
        if "{" not in text and "}" not in text:
            continue
        pos = 0
        while True:
            m = re.search(r"\{\{|\{%|\{#", text[pos:])
            if not m:
                break
            start = pos + m.start()
            closer = {"{{": "}}", "{%": "%}", "{#": "#}"}[m.group(0)]
            end = text.find(closer, start + 2)
            nxt = re.search(r"\{\{|\{%|\{#", text[start + 2:])
            if end < 0 or (nxt and start + 2 + nxt.start() < end):
                tag = _snippet(text[start:start + 30])
                raise TemplateError(
                    f"模板{place}第 {n} 段“{_snippet(text)}”中的标签“{tag}”没有结束（缺少“{closer}”），"
                    "标签必须在同一段落内写完整")
            pos = end + 2
        stray = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", "", text)
        if "}}" in stray or "%}" in stray:
            raise TemplateError(
                f"模板{place}第 {n} 段“{_snippet(text)}”中有多余的“}}}}”或“%}}”，标签不完整")


def normalise_tags(xml: str) -> str:
    """Inside tags, turn smart and full-width quotes/brackets into ASCII (Word autocorrect, IME)."""
    return _TAG.sub(lambda m: m.group(0).translate(_IN_TAG), xml)


def _check_no_markup_in_tags(xml: str, place: str) -> None:
    for m in _TAG.finditer(xml):
        if re.search(r"</?w:", m.group(0)):
            raise TemplateError(f"模板{place}中的标签“{_snippet(_plain(m.group(0)))}”被拆分或夹有格式，"
                                "请在 Word 中删除后重新输入（一次输入完整，中间不要改格式）")


def _plain(xml_line: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", xml_line))


def _make_template_class():
    from docxtpl import DocxTemplate

    class _Template(DocxTemplate):
        """docxtpl with full-width quote normalisation and split-tag detection."""

        place = "正文"

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._patched: dict[str, str] = {}

        def patch_xml(self, src_xml):
            # Checking before rendering patches the same XML again: do it once.
            xml = self._patched.get(src_xml)
            if xml is None:
                xml = normalise_tags(super().patch_xml(src_xml))
                _check_no_markup_in_tags(xml, self.place)
                self._patched[src_xml] = xml
            return xml

    return _Template


def _make_environment():
    """A sandboxed, strict, autoescaping Jinja environment that compiles each source once."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    class _Environment(SandboxedEnvironment):
        def __init__(self):
            super().__init__(undefined=StrictUndefined, autoescape=True)
            self.compiled: dict[str, Any] = {}

        def from_string(self, source, globals=None, template_class=None):
            if isinstance(source, str) and globals is None and template_class is None:
                cached = self.compiled.get(source)
                if cached is not None:
                    return cached
            return super().from_string(source, globals, template_class)

    return _Environment()


# -- checking names and syntax before rendering ---------------------------------------------
def _raw_xml(tpl, part) -> str:
    """The XML of ``part`` exactly as docxtpl will read it."""
    return tpl.get_xml() if part is tpl.docx.part else tpl.get_part_xml(part)


def _split(patched: str) -> list[str]:
    """Split patched XML the way docxtpl does before Jinja sees it: one line per paragraph."""
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", patched).split("\n")


def _where(lines: list[str], lineno: int | None, place: str) -> str:
    if not lineno or lineno > len(lines):
        return f"模板{place}"
    text = _plain(lines[lineno - 1])
    return f"模板{place}段落“{_snippet(text)}”" if text.strip() else f"模板{place}"


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


def check_template_source(env, lines: list[str], context: dict, place: str):
    """Parse one part's template; name syntax errors and unknown variables with their paragraph.

    Returns the compiled code (None when the part has no tags); the environment keeps the
    template so that docxtpl does not compile the same source again.
    """
    from jinja2 import TemplateSyntaxError, meta, nodes

    source = "\n".join(lines)
    if "{" not in source:
        return None
    try:
        ast = env.parse(source)
    except TemplateSyntaxError as exc:
        raise TemplateError(f"{_where(lines, exc.lineno, place)}有语法错误：{exc.message}") from exc
    known = set(context) | set(env.globals)
    try:
        undeclared = meta.find_undeclared_variables(ast)  # also fails on unknown filters
    except TemplateSyntaxError as exc:
        raise TemplateError(f"{_where(lines, exc.lineno, place)}有语法错误：{exc.message}") from exc
    for name in sorted(undeclared - known):
        lineno = next((n.lineno for n in ast.find_all(nodes.Name) if n.name == name), None)
        raise TemplateError(f"{_where(lines, lineno, place)}中的变量“{name}”不存在"
                            "（可用的变量见 templates/README.md）")
    inner = set()
    for node in ast.find_all((nodes.Getattr, nodes.Getitem)):
        inner.add(id(node.node))
    for node in ast.find_all((nodes.Getattr, nodes.Getitem)):
        if id(node) in inner:
            continue
        chain = _chain(node)
        if chain is None or chain[0] not in context:
            continue
        root, path = chain
        obj = context[root]
        for i, key in enumerate(path):
            if not isinstance(obj, dict):
                break
            if key not in obj:
                dotted = ".".join([root, *path])
                raise TemplateError(f"{_where(lines, node.lineno, place)}中的变量“{dotted}”不存在"
                                    "（可用的变量见 templates/README.md）")
            obj = obj[key]
    code = env.compile(ast)
    env.compiled[source] = env.template_class.from_code(env, code, env.make_globals(None))
    return code


# -- compiled templates cache ---------------------------------------------------------------
# Patching the XML and compiling it with Jinja is most of an export's time; both depend only
# on the template part and on the shape of the context, so they are kept on disk.
CACHE_ENV = "NIANBAO_CACHE_DIR"  # a folder, or "off"
CACHE_VERSION = "1"
CACHE_MAX_ENTRIES = 40


def cache_dir() -> Path | None:
    """Return the folder for compiled templates, or None when caching is off."""
    value = os.environ.get(CACHE_ENV)
    if value == "off":
        return None
    if value:
        return Path(value)
    try:
        import platformdirs
    except ImportError:
        return None
    return Path(platformdirs.user_cache_dir("nianbao", appauthor=False)) / "templates"


def _shape(obj: Any) -> str:
    """The structure of the context (names, not values): checks pass or fail by it alone."""
    if isinstance(obj, dict):
        return "{" + ",".join(f"{k}:{_shape(obj[k])}" for k in sorted(obj)) + "}"
    if isinstance(obj, list):
        return "[" + (_shape(obj[0]) if obj and isinstance(obj[0], dict) else "") + "]"
    return "."


def _cache_salt(context: dict) -> str:
    import sys

    import docxtpl
    import jinja2

    from .. import __version__

    # A changed renderer must not reuse what an older one patched: the app version says so in an
    # installed or frozen app (whose sources have no mtime); the mtime, while developing.
    try:
        stamp = str(os.stat(__file__).st_mtime_ns)
    except OSError:
        stamp = ""
    return "\0".join((CACHE_VERSION, __version__, stamp, sys.version, jinja2.__version__, docxtpl.__version__,
                      _shape(context), ""))


def _cache_get(folder: Path | None, key: str):
    if folder is None:
        return None
    import marshal

    try:
        patched, code = marshal.loads((folder / f"{key}.bin").read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(patched, str):
        return None
    return patched, code


def _cache_put(folder: Path | None, key: str, patched: str, code) -> None:
    if folder is None:
        return
    import marshal
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps((patched, code)))
        os.replace(tmp, folder / f"{key}.bin")
        entries = sorted(folder.glob("*.bin"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-CACHE_MAX_ENTRIES]:  # templates edited again and again
            old.unlink(missing_ok=True)
    except (OSError, ValueError):
        pass  # a cache that cannot be written only costs time


def prepare(tpl, env, context: dict) -> dict[int, tuple[str, list[str]]]:
    """Patch, check and compile every part (or take them from the cache); return their sources."""
    import hashlib

    folder = cache_dir()
    salt = _cache_salt(context) if folder is not None else ""
    sources = {}
    for place, part in _parts(tpl.docx):
        tpl.place = place
        raw = _raw_xml(tpl, part)
        key = hashlib.sha256((salt + place + "\0" + raw).encode("utf-8")).hexdigest()
        hit = _cache_get(folder, key)
        if hit is not None:
            patched, code = hit
            tpl._patched[raw] = patched
            lines = _split(patched)
            if code is not None:
                env.compiled["\n".join(lines)] = env.template_class.from_code(
                    env, code, env.make_globals(None))
        else:
            patched = tpl.patch_xml(raw)
            lines = _split(patched)
            code = check_template_source(env, lines, context, place)
            _cache_put(folder, key, patched, code)
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


# -- after rendering ------------------------------------------------------------------------
_LEFTOVER = re.compile(r"\{\{|\{%|\{#")


def check_no_tags_left(doc) -> None:
    """No ``{{``/``{%`` may survive anywhere in the rendered document."""
    for place, part in _parts(doc):
        root = _element(part)
        for n, text in _paragraph_texts(root):
            m = _LEFTOVER.search(text)
            if m:
                raise TemplateError(f"生成的文档{place}第 {n} 段“{_snippet(text)}”中仍有未替换的模板标签"
                                    f"“{m.group(0)}”，请检查模板")


def set_public_metadata(doc, unit: str, title: str) -> None:
    """No personal metadata: author and last editor become the unit, everything else is cleared."""
    cp = doc.core_properties
    for name in ("comments", "keywords", "category", "subject", "content_status", "identifier",
                 "version", "language"):
        setattr(cp, name, "")
    cp.author = unit
    cp.last_modified_by = unit
    cp.title = title
    cp.revision = 1
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    cp.created = cp.modified = now
    lp = cp._element.find("{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
                          "lastPrinted")
    if lp is not None:
        cp._element.remove(lp)
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for rel in doc.part.package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = _clean_app_xml(rel.target_part.blob, unit)


def _clean_app_xml(blob: bytes, unit: str) -> bytes:
    text = blob.decode("utf-8", "replace")
    company = html.escape(unit, quote=False)
    for tag in ("Manager", "HyperlinkBase"):
        text = re.sub(rf"<{tag}>.*?</{tag}>|<{tag}/>", "", text, flags=re.DOTALL)
    text = re.sub(r"<TotalTime>.*?</TotalTime>", "<TotalTime>0</TotalTime>", text, flags=re.DOTALL)
    if re.search(r"<Company>.*?</Company>|<Company/>", text, flags=re.DOTALL):
        text = re.sub(r"<Company>.*?</Company>|<Company/>", f"<Company>{company}</Company>", text,
                      flags=re.DOTALL)
    else:
        text = text.replace("</Properties>", f"<Company>{company}</Company></Properties>")
    return text.encode("utf-8")


# -- the whole job --------------------------------------------------------------------------
def open_template(path: str | os.PathLike):
    """Open a DOCX template, or raise TemplateFileError with a Chinese message."""
    path = Path(path)
    if not path.is_file():
        raise TemplateFileError(f"找不到模板文件“{path}”")
    tpl = _make_template_class()(str(path))
    try:
        tpl.init_docx()
    except Exception as exc:  # zipfile.BadZipFile, KeyError, PackageNotFoundError, lxml errors…
        raise TemplateFileError(f"无法打开模板“{path.name}”：不是有效的 Word 文档（.docx）") from exc
    return tpl


def render(template: str | os.PathLike, context: dict, out: str | os.PathLike, *,
           unit: str, title: str) -> None:
    """Render ``template`` with ``context`` and save the result to ``out`` (a temporary file)."""
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2 import TemplateError as JinjaError
    from jinja2.sandbox import SecurityError

    tpl = open_template(template)
    doc = tpl.docx
    scrub_template(doc)
    for _, part in _parts(doc):
        el = _element(part)
        _fold_fullwidth_braces(el)
        _store(part, el)
    for place, part in _parts(doc):
        check_tag_balance(_element(part), place)
    env = _make_environment()
    sources = prepare(tpl, env, context)
    # docxtpl renders the core properties as templates too: clear them, they are set below.
    cp = doc.core_properties
    for name in ("author", "comments", "identifier", "language", "subject", "title"):
        setattr(cp, name, "")
    tpl.place = "正文"
    try:
        tpl.render(context, jinja_env=env, autoescape=True)
    except TemplateError:
        raise
    except (UndefinedError, TemplateSyntaxError, SecurityError, JinjaError) as exc:
        part = getattr(tpl, "current_rendering_part", None)
        place, lines = sources.get(id(part), ("", []))
        where = _where(lines, getattr(exc, "lineno", None) or _template_lineno(exc), place)
        if isinstance(exc, UndefinedError):
            m = re.search(r"has no attribute '([^']+)'|'([^']+)' is undefined", exc.message or "")
            name = (m.group(1) or m.group(2)) if m else exc.message
            raise TemplateError(f"{where}引用了不存在的变量或属性“{name}”") from exc
        if isinstance(exc, SecurityError):
            raise TemplateError(f"{where}含有不允许的操作：{exc}") from exc
        raise TemplateError(f"{where}无法生成：{getattr(exc, 'message', None) or exc}") from exc
    except Exception as exc:  # docxtpl/lxml on a malformed template
        raise TemplateError(f"模板无法生成文档：{exc}") from exc
    check_no_tags_left(tpl.docx)
    set_public_metadata(tpl.docx, unit, title)
    tpl.save(str(out))
