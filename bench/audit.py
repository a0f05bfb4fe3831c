"""批量审核 speed: generate N project files (varied values, some errors) and time
``nianbao check DIR --report out.xlsx`` (goal: 1,000 reports in under 60 s on 2 cores).

Run: .venv/bin/python bench/audit.py [N]
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.io import project_file  # noqa: E402
from core.model import recompute_all  # noqa: E402

SEEDS = ROOT / "tests" / "data" / "seeds"


def generate(folder: Path, n: int, rng: random.Random) -> int:
    """Write ``n`` reports into ``folder`` (nested a level deep); return how many were given errors."""
    seeds = [project_file.load(SEEDS / f"seed00{i}.nianbao") for i in range(5)]
    broken = 0
    for i in range(n):
        src = seeds[i % len(seeds)]
        r = project_file.loads(project_file.dumps(src))
        r.meta["unit"] = f"测试{i:04d}乡人民政府"
        for c in r.form.cells:
            if c.derived:
                continue
            if c.kind.value == "money":
                r.values[c.ref] = Decimal(rng.randint(0, 99999)) / 100
            elif c.kind.value == "signed":
                r.values[c.ref] = rng.randint(-5, 5)
            else:
                r.values[c.ref] = rng.choice((0, 0, 0, 1, 2, rng.randint(0, 300)))
        r.values.update(recompute_all(r))
        if i % 7 == 0:  # a sum that does not add up
            r.values["t4.f5"] = (r.values["t4.f5"] or 0) + 1
            broken += 1
        if i % 11 == 0:  # a blank cell
            r.values["t3.r03.c2"] = None
        sub = folder / f"县{i % 10:02d}"
        sub.mkdir(exist_ok=True)
        project_file.save(r, sub / f"{i:04d}.nianbao", backup=False)
    (folder / "损坏的文件.nianbao").write_text("{ not json", encoding="utf-8")
    return broken


def main(n: int = 1000) -> None:
    rng = random.Random(6)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        t0 = time.perf_counter()
        broken = generate(folder, n, rng)
        gen = time.perf_counter() - t0
        out = Path(tmp) / "out.xlsx"
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "gui.main", "check", str(folder), "--report", str(out)],
                              cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
        took = time.perf_counter() - t0
        size = out.stat().st_size if out.exists() else 0
        print(f"generated {n} reports (+1 unreadable, {broken} with sum errors) in {gen:.1f} s")
        print(f"nianbao check DIR --report out.xlsx: {took:.1f} s for {n + 1} files on {os.cpu_count()} cores "
              f"(exit {proc.returncode}, xlsx {size // 1024} KB; goal < 60 s)")
        if proc.returncode not in (0, 1):
            print(proc.stderr[-2000:])


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
