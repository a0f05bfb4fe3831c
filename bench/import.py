"""Whole-process time of ``nianbao import`` for each kind of file (goal: under 0.3 s), and how well
PDF tables are read: by the position of every character, next to reading the PDF's text.

Usage: python bench/import.py [REPEATS]

1. Median wall time of ``nianbao import FILE`` per file, in a fresh process each time, with
   ``pdftotext`` on the same PDF timed the same way as the anchor (ratio printed).
2. PDF readers on LibreOffice PDFs of reports with random figures (balanced sums, some cells blank,
   5-digit totals that wrap in narrow cells): our export and hand-made Word tables (28×8 too).
   For each reader, the share of cells read right, the cells holding a wrong number (and how many
   of those carry no note), and the cells left blank where the source has a number.
3. The PDF libraries themselves, in one process: time to get characters and border lines.
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GOAL = 0.3
REPORTS = 10  # reports with random figures, each as two PDFs


def samples(folder: Path) -> list[Path]:
    """Return the seed texts plus the same report as DOCX, HTML, XLSX and (with soffice) PDF."""
    from tests.core.helpers import seed
    from tests.core.import_samples import html_of, write_docx, write_xlsx

    files = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    report = seed(3)
    files.append(write_docx(report, folder / "seed003.docx", t3_28x8=True))
    files.append(write_xlsx(report, folder / "seed003.xlsx"))
    html = folder / "seed003.html"
    html.write_text(html_of(report), encoding="utf-8")
    files.append(html)
    if shutil.which("soffice"):
        _soffice(folder, [files[-3]])
        pdf = folder / "seed003.pdf"
        if pdf.exists():
            files.append(pdf)
    return files


def _soffice(folder: Path, docs: list[Path]) -> None:
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/lo", "--convert-to", "pdf",
                    "--outdir", str(folder), *map(str, docs)], capture_output=True, timeout=900)


def _wall(cmd: list[str], repeats: int, env) -> tuple[float, float, float]:
    """Median and min wall time, and median CPU time, of running ``cmd`` ``repeats`` times."""
    times, cpus = [], []
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, cwd=ROOT, env=env)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)}: exit {proc.returncode}: {proc.stderr.decode()}")
    return statistics.median(times), min(times), statistics.median(cpus)


def timings(folder: Path, repeats: int, env) -> float:
    worst = 0.0
    print("1. Whole-process time of `nianbao import` (fresh process each run)")
    for path in samples(folder):
        med, low, cpu = _wall([sys.executable, "-m", "gui.main", "import", str(path), "-o",
                               str(folder / "out.nianbao")], repeats, env)
        worst = max(worst, med)
        line = f"   {path.name:32s} median {med * 1000:5.0f} ms (min {low * 1000:.0f} ms, CPU {cpu * 1000:.0f} ms)"
        if path.suffix == ".pdf" and shutil.which("pdftotext"):
            anchor, _, _ = _wall(["pdftotext", "-layout", str(path), str(folder / "out.txt")], repeats, env)
            line += f"; pdftotext {anchor * 1000:.0f} ms, ratio {med / anchor:.1f}"
        print(line)
    verdict = "OK" if worst < GOAL else "SLOWER THAN GOAL"
    print(f"   slowest median {worst * 1000:.0f} ms; goal {GOAL * 1000:.0f} ms: {verdict} "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: wall time grows with it)")
    return worst


# -- reading PDF tables ---------------------------------------------------------------------
def random_reports(count: int):
    """Reports with random figures whose sums hold, half of them with a few cells blank."""
    from tests.core.helpers import seed
    from tests.core.import_samples import random_figures

    rng = random.Random(2026)
    return [random_figures(seed(n % 5), rng, blanks=0.0 if n % 2 == 0 else 0.04) for n in range(count)]


def score(report, notes, want) -> tuple[int, int, int, int]:
    """(right, wrong number, wrong number without a note at its cell/row/table, left blank)."""
    from core.model import is_number

    noted = {n.where for n in notes if n.where}
    right = wrong = silent = blank = 0
    for ref, value in want.values.items():
        got = report.values[ref]
        row = "t4.r1" if ref.startswith("t4") else ref.rsplit(".", 1)[0]
        if got == value and type(got) is type(value):
            right += 1
        elif got is None:
            blank += 1
        elif is_number(got):
            wrong += 1
            silent += not noted & {ref, row, ref.split(".")[0]}
        else:
            wrong += 1
    return right, wrong, silent, blank


def pdf_readers(folder: Path):
    """Each way of reading a PDF's tables: name -> function(path) -> (report, notes)."""
    from core.io.importers.text import text_tokens
    from core.io.reader import read_any
    from core.io.tables.parser import build_report
    from tests.core.import_samples import viewer_text

    def position(path):
        result = read_any(path)
        return result.report, result.notes

    def text_of(get_text):
        def read(path):
            return build_report(text_tokens(get_text(path)))
        return read

    readers = {"position (PDFium)": position}
    try:
        import pdfplumber  # noqa: F401

        readers["position (pdfplumber)"] = plumber_position
    except ImportError:
        pass
    readers["text: PDFium, as viewers copy"] = text_of(viewer_text)
    try:
        import pypdf  # noqa: F401

        readers["text: pypdf (the old reader)"] = text_of(_pypdf_text)
    except ImportError:
        pass
    if shutil.which("pdftotext"):
        readers["text: pdftotext -layout"] = text_of(lambda p: _poppler(p, "-layout"))
        readers["text: pdftotext"] = text_of(_poppler)
    return readers


def _pypdf_text(path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def _poppler(path, *flags) -> str:
    return subprocess.run(["pdftotext", *flags, str(path), "-"], capture_output=True, text=True).stdout


def plumber_position(path):
    """Our table reading on pdfplumber's characters and edges instead of PDFium's."""
    import pdfplumber

    from core.io.importers import pdf_layout as L
    from core.io.importers.pdf import layout_tokens
    from core.io.tables.parser import build_report

    pages = []
    with pdfplumber.open(str(path)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            chars = [L.Char(c["text"], c["x0"], c["top"], c["x1"], c["bottom"], c.get("size", 10), c["bottom"])
                     for c in page.chars if c["text"].strip()]
            hs, vs = [], []
            for e in page.edges:
                if e["orientation"] == "h":
                    hs.append(((e["top"] + e["bottom"]) / 2, e["x0"], e["x1"]))
                else:
                    vs.append(((e["x0"] + e["x1"]) / 2, e["top"], e["bottom"]))
            pages.append(L._page(number, page.width, page.height, chars, hs, vs))  # noqa: SLF001
    L._join_continued(pages)  # noqa: SLF001
    L._mark_edges(pages)  # noqa: SLF001
    return build_report(layout_tokens(L.Layout(pages)))


def accuracy(folder: Path, env) -> None:
    from core.io.export import export_docx
    from tests.core.import_samples import write_docx

    reports = random_reports(REPORTS)
    docs, pairs = [], []
    for n, report in enumerate(reports):
        export_docx(report, folder / f"export{n}.docx", force=True)
        write_docx(report, folder / f"hand{n}.docx", t3_28x8=n % 3 == 1)
        docs += [folder / f"export{n}.docx", folder / f"hand{n}.docx"]
        pairs += [(report, folder / f"export{n}.pdf"), (report, folder / f"hand{n}.pdf")]
    _soffice(folder, docs)
    pairs = [(r, p) for r, p in pairs if p.exists()]
    print(f"\n2. Reading the tables of {len(pairs)} LibreOffice PDFs ({REPORTS} reports, our export and hand-made "
          "Word tables, half with blank cells)")
    print(f"   {'reader':32s} {'right':>7s} {'wrong':>6s} {'silent':>7s} {'blank':>6s}  files all right")
    for name, read in pdf_readers(folder).items():
        total = [0, 0, 0, 0]
        perfect = 0
        for want, pdf in pairs:
            report, notes = read(pdf)
            s = score(report, notes, want)
            total = [a + b for a, b in zip(total, s)]
            perfect += s[1] == 0 and s[3] == 0
        cells = sum(total[:2]) + total[3]
        print(f"   {name:32s} {total[0] / cells:7.1%} {total[1]:6d} {total[2]:7d} {total[3]:6d}  {perfect}/{len(pairs)}")
    print("   (wrong: a number other than the printed one; silent: of those, with no note at the cell, its row or "
          "table; blank: left blank with a note where the source has a number)")
    libraries(pairs, env)


def libraries(pairs, env) -> None:
    """Time each library on the same PDFs: its import in a fresh process, its work in this one."""
    print("\n3. PDF libraries: import (fresh process, less a bare `python -c pass`), then characters and "
          "border lines of every page of a PDF")
    paths = [p for _, p in pairs]
    rows = []
    bare, _, _ = _wall([sys.executable, "-c", "pass"], 5, env)

    def clock(name, module, extract):
        try:
            __import__(module)
        except ImportError:
            return
        load, _, _ = _wall([sys.executable, "-c", f"import {module}"], 5, env)
        per = []
        for path in paths:
            s = time.perf_counter()
            extract(path)
            per.append(time.perf_counter() - s)
        rows.append((name, (load - bare) * 1000, statistics.median(per) * 1000))

    def pdfium_extract(path):
        from core.io.importers.pdf_layout import read_layout

        read_layout(Path(path).read_bytes(), Path(path).name)

    def plumber_extract(path):
        import pdfplumber

        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                _ = page.chars, page.edges

    def pypdf_extract(path):
        from pypdf import PdfReader

        for page in PdfReader(str(path)).pages:
            page.extract_text()

    clock("pypdfium2 (chars + borders, our reader)", "pypdfium2", pdfium_extract)
    clock("pdfplumber (chars + edges)", "pdfplumber", plumber_extract)
    clock("pypdf (extract_text only)", "pypdf", pypdf_extract)
    for name, load, per in rows:
        print(f"   {name:42s} import {load:5.0f} ms   per PDF {per:5.0f} ms (median)")


def main() -> int:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    # Measure as installed: with compiled bytecode, as a user's machine has it.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", "core", "gui"], cwd=ROOT, env=env, check=False)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        timings(folder, repeats, env)
        if shutil.which("soffice"):
            accuracy(folder, env)
        else:
            print("\n(LibreOffice not installed: no PDFs to measure the readers on)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
