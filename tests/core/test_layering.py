"""core/ never imports Qt or gui, and terminal commands do not load Qt."""

import pathlib
import re
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_no_qt_or_gui_import_statement_in_core():
    pattern = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6|PyQt\d|gui)\b", re.M)
    offenders = [str(p) for p in (ROOT / "core").rglob("*.py") if pattern.search(p.read_text("utf-8"))]
    assert offenders == []


@pytest.mark.slow
def test_importing_every_core_module_loads_no_qt():
    code = (
        "import pkgutil, importlib, sys, core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'gui')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


@pytest.mark.slow
def test_check_command_does_not_load_qt_or_heavy_libraries():
    code = (
        "import sys, runpy\n"
        "sys.argv = ['nianbao', 'check', 'tests/data/seeds/seed001.nianbao']\n"
        "from gui.main import main\n"
        "rc = main()\n"
        "bad = [m for m in ('PySide6', 'docx', 'openpyxl', 'docxtpl', 'pypdf', 'pypdfium2', 'pypdfium2_raw') if m in sys.modules]\n"
        "assert rc == 0 and not bad, (rc, bad)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, capture_output=True)
