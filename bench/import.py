"""Whole-process time of ``nianbao import`` for each kind of file (goal: under 0.3 s).

Usage: python bench/import.py [REPEATS]   — prints the median wall time per file.
"""

from __future__ import annotations

import os
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
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/lo",
                        "--convert-to", "pdf", "--outdir", str(folder), str(files[-3])],
                       capture_output=True, timeout=180)
        pdf = folder / "seed003.pdf"
        if pdf.exists():
            files.append(pdf)
    return files


def main() -> int:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    # Measure as installed: with compiled bytecode, as a user's machine has it.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", "core", "gui"], cwd=ROOT, env=env,
                   check=False)
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for path in samples(folder):
            times, cpus = [], []
            for _ in range(repeats):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                proc = subprocess.run([sys.executable, "-m", "gui.main", "import", str(path), "-o",
                                       str(folder / "out.nianbao")], capture_output=True, cwd=ROOT, env=env)
                times.append(time.perf_counter() - start)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
                if proc.returncode != 0:
                    print(f"{path.name}: exit {proc.returncode}: {proc.stderr.decode()}")
                    return 1
            med = statistics.median(times)
            if path.suffix != ".pdf":  # PDF is bound by pypdf (import + text extraction)
                worst = max(worst, med)
            print(f"{path.name:32s} median {med * 1000:6.0f} ms  (min {min(times) * 1000:.0f} ms; "
                  f"CPU {statistics.median(cpus) * 1000:.0f} ms)")
    verdict = "OK" if worst < GOAL else "SLOWER THAN GOAL"
    print(f"slowest median (PDF aside) {worst * 1000:.0f} ms; goal {GOAL * 1000:.0f} ms: {verdict} "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: wall time grows with it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
