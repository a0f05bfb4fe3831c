"""Texts of Word templates: why a template cannot be used, where, and what was removed from it."""

from __future__ import annotations

import re

PLACES = {"document": "正文", "header": "页眉", "footer": "页脚", "footnotes": "脚注", "endnotes": "尾注",
          "webSettings": "网页设置"}
README = "（可用的变量见 templates/README.md）"


def place(kind: str) -> str:
    """「正文」, 「页眉」 … for a part kind of :mod:`core.io.word.parts`."""
    return PLACES.get(kind, kind)


def at_paragraph(place_name: str, n: int, text: str) -> str:
    return f"模板{place_name}第 {n} 段“{text}”"


def at_text(place_name: str, text: str) -> str:
    return f"模板{place_name}段落“{text}”" if text else f"模板{place_name}"


# -- opening ----------------------------------------------------------------------------------
def not_found(path: str) -> str:
    return f"找不到模板文件“{path}”"


def not_a_docx(name: str) -> str:
    return f"无法打开模板“{name}”：不是有效的 Word 文档（.docx）"


def macros_removed() -> str:
    return "模板中的宏（VBA）已删除，导出的文档不含宏"


# -- tags -------------------------------------------------------------------------------------
def tag_not_closed(where: str, tag: str, closer: str) -> str:
    return f"{where}中的标签“{tag}”没有结束（缺少“{closer}”），标签必须在同一段落内写完整"


def stray_closer(where: str) -> str:
    return f"{where}中有多余的“}}}}”或“%}}”，标签不完整"


def tag_split(place_name: str, tag: str) -> str:
    return (f"模板{place_name}中的标签“{tag}”被拆分或夹有格式，"
            "请在 Word 中删除后重新输入（一次输入完整，中间不要改格式）")


def tags_left(place_name: str, n: int, text: str, opener: str) -> str:
    return f"生成的文档{place_name}第 {n} 段“{text}”中仍有未替换的模板标签“{opener}”，请检查模板"


# -- syntax -----------------------------------------------------------------------------------
BLOCK_NAMES = {"if": "{% if %}", "for": "{% for %}", "macro": "{% macro %}", "call": "{% call %}",
               "filter": "{% filter %}", "set": "{% set %}", "with": "{% with %}", "block": "{% block %}",
               "autoescape": "{% autoescape %}", "trans": "{% trans %}", "raw": "{% raw %}"}


def block_not_closed(where: str, block: str) -> str:
    name = BLOCK_NAMES.get(block, f"{{% {block} %}}")
    return f"{where}中的 {name} 没有对应的 {{% end{block} %}}（每个 {name} 都要在后面用 {{% end{block} %}} 结束）"


def block_mismatch(where: str, found: str, block: str, opened_at: str) -> str:
    name = BLOCK_NAMES.get(block, f"{{% {block} %}}")
    return f"{where}中的 {{% {found} %}} 与{opened_at}中的 {name} 不配对（应为 {{% end{block} %}}）"


def end_without_start(where: str, found: str) -> str:
    return f"{where}中的 {{% {found} %}} 前面没有对应的开始标签"


def syntax(where: str, detail: str) -> str:
    return f"{where}有语法错误：{detail}"


# Jinja's English messages, most common first; anything else is quoted after a Chinese lead.
_JINJA = (
    (r"unexpected end of template, expected '(.*)'\.?", lambda m: "标签没有写完（缺少结尾的 }} 或 %}）"),
    (r"Encountered unknown tag '([^']*)'\..*", lambda m: f"不认识的标签“{m.group(1)}”"),
    (r"expected token '([^']*)', got '([^']*)'",
     lambda m: f"“{_token(m.group(2))}”处写法不对（此处应为“{_token(m.group(1))}”）"),
    (r"unexpected char '(.*)' at \d+", lambda m: f"标签中有不能识别的字符“{m.group(1)}”（请用英文半角符号）"),
    (r"unexpected '(.*)'", lambda m: f"多余的“{m.group(1)}”"),
    (r"No filter named '([^']*)'\.?", lambda m: f"没有名为“{m.group(1)}”的过滤器"),
    (r"No test named '([^']*)'\.?", lambda m: f"没有名为“{m.group(1)}”的判断（is 后面的词）"),
    (r"tag name expected", lambda m: "“{%” 后面缺少标签名（如 if、for）"),
    (r"Expected an expression, got '(.*)'", lambda m: "标签中缺少变量或表达式"),
    (r"expected name or number", lambda m: "“.” 后面缺少名称"),
    (r"expected subscript expression", lambda m: "方括号中缺少内容"),
    (r"Block '([^']*)' defined twice", lambda m: f"块“{m.group(1)}”定义了两次"),
)
_TOKENS = {"end of print statement": "}}", "end of statement block": "%}", "end of template": "模板结尾",
           "name": "名称", "string": "文字", "integer": "数字", "float": "数字"}


def _token(token: str) -> str:
    return _TOKENS.get(token, token)


def jinja_detail(message: str | None) -> str:
    """Chinese for a Jinja syntax message (never empty)."""
    message = (message or "").strip()
    for pattern, text in _JINJA:
        m = re.fullmatch(pattern, message, flags=re.DOTALL)
        if m:
            return text(m)
    return f"模板语言无法解析（{message}）" if message else "模板语言无法解析"


# -- names ------------------------------------------------------------------------------------
def unknown_variable(where: str, name: str) -> str:
    return f"{where}中的变量“{name}”不存在{README}"


def undefined_at_render(where: str, name: str) -> str:
    return f"{where}引用了不存在的变量或属性“{name}”{README}"


def _format_year(form_name: str) -> str:
    """「国办公开办函〔2019〕60号」 -> 「2019 年格式（国办公开办函〔2019〕60号）」."""
    m = re.search(r"〔(\d{4})〕", form_name)
    return f"{m.group(1)} 年格式（{form_name}）" if m else f"{form_name}格式"


def other_format(template_form: str, report_form: str) -> str:
    return (f"这是 {_format_year(template_form)}的模板，本报告为 {_format_year(report_form)}，"
            "请换用对应格式的模板（两种格式的表二、表三不同）")


def forbidden(where: str, name: str = "") -> str:
    what = f"“{name}”" if name else ""
    return f"{where}含有不允许的操作{what}（模板只能读取年报的数据，不能使用程序内部的属性或方法）"


# -- rendering --------------------------------------------------------------------------------
def cannot_render(where: str, detail: str) -> str:
    return f"{where}无法生成：{detail}"


def runtime_detail(exc: BaseException) -> str:
    """Chinese for an error raised while a template runs (never empty)."""
    text = str(exc).strip()
    if isinstance(exc, ZeroDivisionError):
        return "除数为零"
    if isinstance(exc, RecursionError):
        return "宏调用自身的层数过多"
    if isinstance(exc, MemoryError):
        return "内存不足（模板生成的内容过多）"
    if isinstance(exc, TypeError) and "unsupported operand" in text:
        return "对文字和数字做了不能做的运算（表格中的数字在模板里是文字）"
    if isinstance(exc, (TypeError, ValueError)):
        return f"数据类型不对（{text}）" if text else "数据类型不对"
    return f"{type(exc).__name__}：{text}" if text else f"出现 {type(exc).__name__} 错误"


def too_much_output(limit_mb: int) -> str:
    return f"模板生成的内容超过 {limit_mb} MB，已停止（请检查模板中的循环）"


def too_slow(seconds: int) -> str:
    return f"模板运行超过 {seconds} 秒，已停止（请检查模板中的循环）"


LIMITED = {"sequence": "文字或列表", "width": "宽度或数量", "number": "数字", "text": "文字",
           "lipsum": "lipsum 参数", "range": "range 范围"}


def too_large(what: str, limit: int) -> str:
    return f"模板中的{LIMITED.get(what, what)}过大（超过 {limit:,}），已停止"


def malformed(detail: str) -> str:
    return f"模板无法生成文档：{detail}" if detail else "模板无法生成文档：模板的 Word 结构有误，请在 Word 中另存后再试"


# -- what was removed -------------------------------------------------------------------------
def removed_field(place_name: str, code: str) -> str:
    return f"已删除模板{place_name}中引用外部文件的域：{code}"


def removed_link(place_name: str, target: str) -> str:
    return f"已删除模板{place_name}中指向外部文件的链接：{target}"
