"""Whole-process time of ``nianbao check FILE`` on hostile files (issue 12: each within a second or so).

Every small hostile document and bad project file of the tests is checked in its own process;
the anchor is ``nianbao check`` of a normal project file in the same run, and each line prints
the ratio to it.

Usage: python bench/hostile.py [REPEATS]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def files(folder: Path) -> list[Path]:
    from tests.core import hostile_samples as h
    from tests.core.hostile_projects import REFUSED, write_all, write_out_of_range

    made = {
        "merge-A1-GR2000.xlsx": h.xlsx_big_merge(),
        "all-rows.xlsx": h.xlsx_all_rows(),
        "spans-100x100.html": h.html_spans(),
        "spans-wide.html": h.html_spans(5000, 100),
        "rows-400k.docx": h.docx_rows(400_000),
        "damaged-member.docx": h.damaged_member_docx(),
        "page-5MB.pdf": h.pdf_bytes(h.pdf_text_ops(5_000_000)),
        "shared-4MB-200pages.pdf": h.pdf_bytes(h.pdf_text_ops(4_000_000), 200),
    }
    out = [h.write(folder, name, data) for name, data in made.items()]
    picked = {"meta.year 10**20", "meta.year 1e999999999", "deep unknown key", "cell text 10k long"}
    out += [p for name, p in write_all(folder).items() if name in picked and name in REFUSED]
    out += [p for name, (p, _) in write_out_of_range(folder).items() if "999999999" in name or "5000" in name]
    return out


def run(path: Path) -> tuple[float, int]:
    """Return (seconds, exit status) of one ``nianbao check`` process."""
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "gui.main", "check", str(path)], capture_output=True,
                          cwd=ROOT, timeout=600)
    return time.perf_counter() - t0, proc.returncode


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        anchor_file = ROOT / "tests" / "data" / "seeds" / "seed001.nianbao"
        anchor = statistics.median(run(anchor_file)[0] for _ in range(repeats))
        print(f"anchor: nianbao check seed001.nianbao  {anchor:.2f} s")
        for path in files(folder):
            times = [run(path) for _ in range(repeats)]
            median = statistics.median(t for t, _ in times)
            size = os.path.getsize(path) / 1024
            print(f"{path.name:38} {size:8.0f} KB  exit {times[0][1]}  {median:5.2f} s  "
                  f"×{median / anchor:4.1f} of the anchor")


if __name__ == "__main__":
    main()
