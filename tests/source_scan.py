"""Reading the project's own sources as text: the Chinese string literals of a file."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

CJK = re.compile(r"[\u4e00-\u9fff]")


def chinese_literals(path: Path):
    """Yield ``(line, literal)`` for every string literal holding Chinese, docstrings and regexes aside."""
    prev = None
    for tok in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
        if tok.type == tokenize.STRING:
            is_docstring = prev is None or prev.type in (tokenize.INDENT, tokenize.DEDENT, tokenize.NEWLINE,
                                                          tokenize.NL)
            is_regex = tok.string.lstrip("bfBF").startswith(("r", "R"))
            if not is_docstring and not is_regex and CJK.search(tok.string):
                yield tok.start[0], tok.string
        if tok.type not in (tokenize.COMMENT, tokenize.NL):
            prev = tok
