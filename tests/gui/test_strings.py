"""UI text lives in gui/strings.py: no Chinese string literals elsewhere in gui/ (docstrings and regexes aside)."""

from __future__ import annotations

from tests.source_scan import chinese_literals

from .conftest import ROOT

ALLOWED = {"strings.py", "main.py"}  # main.py prints one line before the GUI (and strings) can load


def test_no_chinese_literals_outside_strings_module():
    offenders = []
    for path in sorted((ROOT / "gui").rglob("*.py")):
        if path.name in ALLOWED:
            continue
        for line, text in chinese_literals(path):
            offenders.append(f"{path.relative_to(ROOT)}:{line}: {text[:40]}")
    assert offenders == []
