"""How gui/ is put together: no import cycle through the window, views edit through the model,
colours in gui/style.py, UI texts as constants or functions (no .format templates), small modules."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

import pytest

from .conftest import ROOT

GUI = ROOT / "gui"
_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield ("." * node.level) + node.module
        elif isinstance(node, ast.Import):
            yield from (a.name for a in node.names)


def test_only_the_app_imports_the_window():
    users = sorted(p.relative_to(ROOT).as_posix() for p in GUI.rglob("*.py")
                   if any(m.endswith("main_window") for m in _imports(p)))
    assert users == ["gui/app.py"]


@pytest.mark.slow
def test_batch_loads_without_the_window():
    code = "import sys, gui.batch; print('gui.main_window' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False", out.stderr


def test_the_table_view_never_writes_the_report():
    text = (GUI / "views" / "table_view.py").read_text(encoding="utf-8")
    assert ".document" not in text and "set_cells" not in text


def test_colours_live_in_style():
    offenders = [f"{p.relative_to(ROOT)}:{n}" for p in GUI.rglob("*.py") if p.name != "style.py"
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                 if _HEX.search(line) or "QColor(" in line]
    assert offenders == []


def test_ui_texts_are_constants_or_functions_never_format_templates():
    from gui import strings

    templates = [name for name, value in vars(strings).items()
                 if isinstance(value, str) and re.search(r"\{\w*\}", value)]
    assert templates == []
    used = [f"{p.relative_to(ROOT)}:{n}" for p in GUI.rglob("*.py")
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
            if re.search(r"strings\.[A-Z_]+\.format\(", line)]
    assert used == []


def test_modules_stay_small_or_say_why():
    big = []
    for path in GUI.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > 400 and "Over 400 lines" not in text[:600]:
            big.append(path.relative_to(ROOT).as_posix())
    assert big == []


def test_dialog_titles_are_plain_text():
    """Menu texts carry 「(&B)…」; a window title must not (it would show them)."""
    offenders = []
    for path in GUI.rglob("*.py"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"(setWindowTitle|dialogs\.(error|info|export_done_text)|title=)\(?\s*strings\.(ACT|MENU)_", line):
                offenders.append(f"{path.relative_to(ROOT)}:{n}")
    assert offenders == []
    from gui import strings

    titles = [v for k, v in vars(strings).items() if k.endswith("_TITLE") and isinstance(v, str)]
    assert titles and not [t for t in titles if "&" in t or t.endswith("…")]
