#!/usr/bin/env bash
# CI step (issue 7): build the bundle, then run it the way an office PC does — an empty environment,
# no Python, no network, no checkout — and check every command's exit code and output files.
# Usage: bash build_scripts/smoke_frozen.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV_PY=$ROOT/.venv/bin/python

if [ "${1:-}" != "--no-build" ]; then
  bash build_scripts/build.sh
fi
[ -x dist/nianbao/nianbao ] || { echo "smoke_frozen: dist/nianbao/nianbao is missing" >&2; exit 1; }
"$VENV_PY" bench/bundle_size.py --check
# The bundle's filtered ICU data (icu_data.py) must give Qt the answers of the full data.
bundle_icu=$(dirname "$(find dist/nianbao -name 'libicudata.so.*' -type f | head -n 1)")
if ! cmp -s <("$VENV_PY" build_scripts/icu_probe.py) <(LD_LIBRARY_PATH="$ROOT/$bundle_icu" "$VENV_PY" build_scripts/icu_probe.py); then
  echo "smoke_frozen: with the bundle's ICU data Qt answers differently (build_scripts/icu_probe.py)" >&2
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-frozen.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -a dist/nianbao "$work/app"  # the office unpacks the archive somewhere else entirely
mkdir -p "$work/in" "$work/out" "$work/home"
cp tests/data/seeds/seed001.nianbao "$work/in/"
seed_txt=$(ls ../shared/seeds/001_*.txt 2>/dev/null | head -n 1 || true)
[ -n "$seed_txt" ] && cp "$seed_txt" "$work/in/seed001.txt"
APP=$work/app/nianbao

# Hide every Python and the checkout (with its .venv, templates and resources) from the frozen app.
# (The standard library, not the whole prefix: that may be /usr.)
stdlib=$("$VENV_PY" -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
printf '%s\n' "$ROOT" "$stdlib" /usr/lib/python3* /usr/local/lib/python3* > "$work/hide.txt"
cat > "$work/enter.sh" <<'EOF'
#!/bin/sh
# Inside fresh mount and network namespaces: cover the listed folders, then run the command.
list=$1; shift
while IFS= read -r dir; do
  [ -d "$dir" ] && mount -t tmpfs -o ro,size=4k tmpfs "$dir"
done < "$list"
exec "$@"
EOF
if unshare --mount --net /bin/sh -c 'mount -t tmpfs tmpfs /mnt' 2>/dev/null; then
  isolate=(unshare --mount --net /bin/sh "$work/enter.sh" "$work/hide.txt")
else
  echo "smoke_frozen: unshare is not permitted here; running with an empty environment only" >&2
  isolate=()
fi

# sandbox [VAR=value ...] COMMAND ...: run as on an office PC, with a two-minute limit.
sandbox() {
  timeout 120 "${isolate[@]}" env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 \
    QT_QPA_PLATFORM=offscreen "$@"
}

passed=0
failed=0
fail() { echo "FAIL  $*" >&2; failed=$((failed + 1)); }
ok() { echo "ok    $*"; passed=$((passed + 1)); }

# step NAME EXPECTED_CODES COMMAND...: run in the sandbox; stdout/stderr go to $work/NAME.{out,err}.
step() {
  local name=$1 codes=$2; shift 2
  local rc=0 started=$SECONDS
  sandbox "$@" > "$work/$name.out" 2> "$work/$name.err" || rc=$?
  if [[ " $codes " != *" $rc "* ]] || grep -q "Traceback" "$work/$name.err"; then
    fail "$name: exit code $rc (expected $codes)"
    sed -n '1,40p' "$work/$name.out" "$work/$name.err" >&2
    return 1
  fi
  ok "$name ($((SECONDS - started)) s)"
}

# Terminal commands must not load Qt or ICU (issue 10): glibc's loader logs every library it maps.
# cli NAME EXPECTED_CODES ARGS...: a step of the frozen CLI, then a check of its (and its workers') log.
mkdir -p "$work/ld"
# (Nor the desktop's graphics and font libraries, which the bundle does not carry: a server without a desktop runs them.)
loaded() {
  cat "$work/ld/$1".* 2>/dev/null |
    grep -oE "file=[^ ]*(libQt6|libicu|libpyside6|libshiboken6|libX11|libxcb|libGL|libEGL|libfontconfig|libfreetype|libglib-2|libdbus)[^ ]*" |
    sort -u
}
cli() {
  local name=$1 codes=$2; shift 2
  step "$name" "$codes" LD_DEBUG=files LD_DEBUG_OUTPUT="$work/ld/$name" "$APP" "$@" || return 1
  local qt; qt=$(loaded "$name" | head -n 3 | tr '\n' ' ')
  [ -z "$qt" ] || { fail "$name: the terminal command loaded Qt/ICU or a desktop library: $qt"; return 1; }
}

if [ ${#isolate[@]} -gt 0 ]; then
  if sandbox python3 -c 'pass' > /dev/null 2>&1; then fail "python3 still runs inside the sandbox"
  else ok "sandbox: no usable Python, no network, no checkout"; fi
fi

version=$("$VENV_PY" -c 'import core; print(core.__version__)')
if cli version "0" --version; then
  grep -qx "nianbao $version" "$work/version.out" || fail "version: printed $(cat "$work/version.out")"
fi

if cli check-project "0 1" check "$work/in/seed001.nianbao"; then
  grep -q "平武县人民政府办公室" "$work/check-project.out" || fail "check-project: unit name missing from the output"
fi
if [ -f "$work/in/seed001.txt" ]; then
  if cli check-txt "0 1" check "$work/in/seed001.txt"; then
    grep -q "平武县人民政府办公室" "$work/check-txt.out" || fail "check-txt: unit name missing from the output"
  fi
  if cli import "0 1" import "$work/in/seed001.txt" -o "$work/out/imported.nianbao"; then
    grep -q "平武县人民政府办公室" "$work/out/imported.nianbao" || fail "import: unit name missing from the project file"
  fi
  # Offices' text files are GBK more often than UTF-8, and Big5 now and then: each codec must be in the bundle.
  "$VENV_PY" - "$work/in/seed001.txt" "$work/in" <<'EOF'
import sys
from pathlib import Path

sys.path.insert(0, ".")
from core.io.importers.encoding import _T2S  # noqa: E402

text = Path(sys.argv[1]).read_text(encoding="utf-8")
s2t = {v if isinstance(v, str) else chr(v): chr(k) for k, v in _T2S.items()}
Path(sys.argv[2], "seed001-gbk.txt").write_bytes(text.encode("gbk"))
Path(sys.argv[2], "seed001-big5.txt").write_bytes("".join(s2t.get(c, c) for c in text).encode("big5", "ignore"))
EOF
  for enc in gbk big5; do
    if cli "check-$enc" "0 1" check "$work/in/seed001-$enc.txt"; then
      grep -q "平武县人民政府办公室" "$work/check-$enc.out" || fail "check-$enc: unit name missing from the output"
    fi
  done
else
  echo "skip  check-txt: ../shared/seeds is not beside the checkout"
fi

# 30 files: the audit checks them in worker processes (multiprocessing in a frozen app).
mkdir -p "$work/in/batch"
for i in 1 2 3 4 5 6; do
  for f in tests/data/seeds/seed00*.nianbao; do cp "$f" "$work/in/batch/${i}_$(basename "$f")"; done
done
cli audit "0 1" check "$work/in/batch" --report "$work/out/audit.xlsx" || true

# A seed with errors is refused without --force; either way a DOCX must come out.
docx=$work/out/seed001.docx
cli export-docx-plain "0 1" export "$work/in/seed001.nianbao" -o "$docx" || true
if [ ! -f "$docx" ]; then
  cli export-docx "0" export "$work/in/seed001.nianbao" -o "$docx" --force || true
fi
cli export-xlsx "0" export "$work/in/seed001.nianbao" -o "$work/out/seed001.xlsx" --force || true
cli export-html "0" export "$work/in/seed001.nianbao" -o "$work/out/seed001-export.html" --force || true
cli new "0" new --from "$work/in/seed001.nianbao" -o "$work/out/next-year.nianbao" || true
cli merge "0 1" merge "$work/in/seed001.nianbao" "$work/in/batch/1_seed002.nianbao" -o "$work/out/merged.nianbao" \
  --breakdown "$work/out/breakdown.xlsx" || true

# Read back what was written, and LibreOffice's PDF and HTML of the DOCX: every importer, frozen.
if [ -f "$docx" ] && command -v soffice > /dev/null 2>&1; then
  for kind in pdf html; do
    timeout 120 soffice -env:UserInstallation="file://$work/libreoffice" --headless --convert-to "$kind" \
      --outdir "$work/out" "$docx" > /dev/null 2>&1 || true
  done
fi
for kind in docx xlsx pdf html export.html; do
  file=$work/out/seed001.$kind
  [ "$kind" = export.html ] && file=$work/out/seed001-export.html
  if [ -f "$file" ]; then
    if cli "reimport-$kind" "0 1" check "$file"; then
      grep -q "平武县人民政府办公室" "$work/reimport-$kind.out" || fail "reimport-$kind: unit name missing"
    fi
  else
    echo "skip  reimport-$kind: no seed001.$kind (export failed, or LibreOffice is not installed)"
  fi
done
if [ -f "$work/out/seed001.pdf" ]; then
  if cli import-pdf "0 1" import "$work/out/seed001.pdf" -o "$work/out/from-pdf.nianbao"; then
    grep -q "平武县人民政府办公室" "$work/out/from-pdf.nianbao" || fail "import-pdf: unit name missing from the project file"
  fi
fi

# The window's path does load Qt and ICU (which also shows that the loader log above works); its pictures
# of CJK tables and narrative must equal the source run's, pixel for pixel (same Qt, same fonts).
for page in t3 overview; do
  step "screenshot-$page" "0" LD_DEBUG=files LD_DEBUG_OUTPUT="$work/ld/screenshot-$page" \
    "$APP" --screenshot "$work/out/$page.png" "$work/in/seed001.nianbao" --page "$page" || true
  env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    "$ROOT/.venv/bin/nianbao" --screenshot "$work/source-$page.png" "$work/in/seed001.nianbao" --page "$page" \
    > /dev/null 2>&1 || fail "screenshot-$page: the source run failed"
  if ! cmp -s "$work/out/$page.png" "$work/source-$page.png"; then
    kept=${TMPDIR:-/tmp}/nianbao-screenshot-$page
    cp "$work/out/$page.png" "$kept-frozen.png"; cp "$work/source-$page.png" "$kept-source.png" 2>/dev/null || true
    fail "screenshot-$page: the frozen picture differs from the source run's (see $kept-*.png)"
  fi
done
# The window opens other documents in an import worker process (the frozen executable again): a PDF.
if [ -f "$work/out/seed001.pdf" ]; then
  step screenshot-pdf "0" "$APP" --screenshot "$work/out/from-pdf.png" "$work/out/seed001.pdf" --page t3 || true
  [ -s "$work/out/from-pdf.png" ] || fail "screenshot-pdf: the window did not open the PDF"
fi
loaded screenshot-t3 | grep -q libicudata || fail "screenshot: the window's path did not load Qt and ICU (loader log broken?)"
step window "0" NIANBAO_EXIT_AFTER_PAINT=1 "$APP" || true
grep -qx "painted" "$work/window.out" 2>/dev/null || fail "window: the main window never painted"

# The same through X11 (the xcb plugin and its libraries, as on a desktop), when Xvfb is installed.
if command -v Xvfb > /dev/null 2>&1; then
  display=$((90 + RANDOM % 400))
  while [ -e "/tmp/.X11-unix/X$display" ]; do display=$((display + 1)); done
  Xvfb ":$display" -screen 0 1366x768x24 -nolisten tcp > "$work/xvfb.log" 2>&1 &
  xvfb_pid=$!
  trap 'kill "$xvfb_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
  step window-xcb "0" DISPLAY=":$display" QT_QPA_PLATFORM=xcb NIANBAO_EXIT_AFTER_PAINT=1 \
    "$APP" "$work/in/seed001.nianbao" || true
  grep -qx "painted" "$work/window-xcb.out" 2>/dev/null || fail "window-xcb: the main window never painted"
else
  echo "skip  window-xcb: Xvfb is not installed"
fi

# The outputs must be what they claim to be (read with the venv's libraries, outside the sandbox).
if "$VENV_PY" - "$work/out" <<'EOF'; then ok "outputs: DOCX, XLSX, audit XLSX and PNG open and hold the report"; else fail "outputs"; fi
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
out = Path(sys.argv[1])
problems = []

import docx  # noqa: E402

document = docx.Document(str(out / "seed001.docx"))
text = "\n".join(p.text for p in document.paragraphs)
cells = "".join(c.text for t in document.tables for r in t.rows for c in r.cells)
if "平武县人民政府办公室" not in text + cells:
    problems.append("DOCX: unit name missing")
if len(document.tables) < 3:
    problems.append(f"DOCX: {len(document.tables)} tables, expected the three statistics tables")

import openpyxl  # noqa: E402

workbook = openpyxl.load_workbook(out / "seed001.xlsx")
if not any(isinstance(c.value, int) for ws in workbook for row in ws.iter_rows() for c in row):
    problems.append("XLSX: no numbers")

audit = openpyxl.load_workbook(out / "audit.xlsx", read_only=True)
audited = sum(1 for ws in audit for _ in ws.iter_rows())
batch = len(list((out.parent / "in" / "batch").iterdir()))
if audited <= batch:
    problems.append(f"audit XLSX: {audited} rows for {batch} files")

from PySide6.QtGui import QGuiApplication, QImage  # noqa: E402

app = QGuiApplication([])
image = QImage(str(out / "t3.png"))  # also compared with the source run's above
if image.isNull() or image.width() < 800 or image.height() < 500:
    problems.append(f"PNG: unreadable or too small ({image.width()}x{image.height()})")
else:
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    if len(colours) < 16:
        problems.append(f"PNG: looks blank ({len(colours)} colours)")

for problem in problems:
    print(problem, file=sys.stderr)
sys.exit(1 if problems else 0)
EOF

echo "frozen smoke test: $passed checks ok, $failed failed"
[ "$failed" -eq 0 ]
