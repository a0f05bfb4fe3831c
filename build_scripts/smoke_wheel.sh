#!/usr/bin/env bash
# CI step (issue 10): a plain, non-editable install works. Build the wheel, install it into a fresh
# venv outside the checkout, and from an unrelated folder export DOCX and XLSX and take a screenshot.
# Usage: bash build_scripts/smoke_wheel.sh   (after .ci/run has made .venv)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

work=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-wheel.XXXXXX")
trap 'rm -rf "$work"' EXIT
wheel=$(.venv/bin/python build_scripts/build_wheel.py "$work/dist")

base_python=$(.venv/bin/python -c 'import sys; print(sys._base_executable)')
"$base_python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --disable-pip-version-check -c constraints.txt "$wheel"
mkdir -p "$work/elsewhere"
cp tests/data/seeds/seed001.nianbao "$work/elsewhere/"
cd "$work/elsewhere"  # nothing of the checkout is importable from here

# run: the installed command in an empty environment (no PYTHONPATH, no checkout on the path)
run() { env -i PATH="$work/venv/bin:/usr/bin:/bin" HOME="$work" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"; }
run nianbao export seed001.nianbao -o report.docx --force
run nianbao export seed001.nianbao -o report.xlsx --force
run nianbao --screenshot t3.png seed001.nianbao --page t3

run python - "$ROOT" <<'EOF'
import sys
from pathlib import Path

import docx
import openpyxl
from PySide6.QtGui import QGuiApplication, QImage

import core
import gui
from core.resources import resource_path, template_path

checkout = Path(sys.argv[1]).resolve()
problems = []
for module in (core, gui):
    if checkout in Path(module.__file__).resolve().parents:
        problems.append(f"{module.__name__} was imported from the checkout: {module.__file__}")
for path in (template_path("gb2021.docx"), template_path("gb2019.docx"), resource_path("icon.png")):
    if checkout in path.resolve().parents or not path.is_file():
        problems.append(f"not installed with the package: {path}")
document = docx.Document("report.docx")
text = "".join(p.text for p in document.paragraphs) + "".join(
    c.text for t in document.tables for r in t.rows for c in r.cells)
if "平武县人民政府办公室" not in text or len(document.tables) < 3:
    problems.append("DOCX: unit name or the three tables missing")
workbook = openpyxl.load_workbook("report.xlsx")
if not any(isinstance(c.value, int) for ws in workbook for row in ws.iter_rows() for c in row):
    problems.append("XLSX: no numbers")
app = QGuiApplication([])
image = QImage("t3.png")
if image.isNull() or image.width() < 800 or image.height() < 500:
    problems.append(f"PNG: unreadable or too small ({image.width()}x{image.height()})")
for problem in problems:
    print(f"smoke_wheel: {problem}", file=sys.stderr)
sys.exit(1 if problems else 0)
EOF
echo "smoke_wheel: $(basename "$wheel") installed outside the checkout exports DOCX and XLSX and takes a screenshot"
