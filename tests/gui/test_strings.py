"""UI text lives in gui/strings.py: no Chinese string literals elsewhere in gui/ (docstrings and regexes aside)."""

from __future__ import annotations

import io
import re
import tokenize

from .conftest import ROOT

CJK = re.compile(r"[\u4e00-\u9fff]")
ALLOWED = {"strings.py", "main.py"}  # main.py prints one line before the GUI (and strings) can load


def _literals(path):
    prev = None
    for tok in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
        if tok.type == tokenize.STRING:
            is_docstring = prev is None or prev.type in (tokenize.INDENT, tokenize.DEDENT, tokenize.NEWLINE,
                                                          tokenize.NL)
            is_regex = tok.string.lstrip("bfBF").startswith(("r", "R"))
            if not is_docstring and not is_regex:
                yield tok.start[0], tok.string
        if tok.type not in (tokenize.COMMENT, tokenize.NL):
            prev = tok


def test_no_chinese_literals_outside_strings_module():
    offenders = []
    for path in sorted((ROOT / "gui").rglob("*.py")):
        if path.name in ALLOWED:
            continue
        for line, text in _literals(path):
            if CJK.search(text):
                offenders.append(f"{path.relative_to(ROOT)}:{line}: {text[:40]}")
    assert offenders == []
