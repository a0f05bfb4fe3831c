#!/usr/bin/env bash
# Build the bundle handed to offices: dist/nianbao/ and dist/nianbao-<version>-linux-<arch>.tar.xz.
# Same steps as build.ps1 (Windows). Usage: bash build_scripts/build.sh
# (PYTHON=python3.11 picks the interpreter when .venv does not exist yet.)
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[build]'

started=$SECONDS
.venv/bin/python -m PyInstaller --noconfirm --log-level WARN \
  --distpath dist --workpath build/pyinstaller build_scripts/nianbao.spec
echo "PyInstaller: $((SECONDS - started)) s"

started=$SECONDS
.venv/bin/python build_scripts/archive.py dist/nianbao
echo "archive: $((SECONDS - started)) s"
