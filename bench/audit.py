"""批量审核 speed: generate N project files (varied values, some errors, a few explained warnings and
resubmissions) and time ``nianbao check DIR --report out.xlsx --expect units.txt`` as a whole process
(goal: 10,000 reports audited and the workbook written in under 20 s on 2 cores).

Beside it, the same run writes the workbook with openpyxl's write-only mode (the writer this replaced),
timed in the same process, so the ratio is measured on the same machine in the same minute.

Run: .venv/bin/python bench/audit.py [N ...]   (default: 1000 10000)
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
        if i % 13 == 0:  # an explained warning
            r.explain("W-SEC6-FEE", (), "本单位未收取信息处理费")
        sub = folder / f"县{i % 10:02d}"
        sub.mkdir(exist_ok=True)
        project_file.save(r, sub / f"{i:05d}.nianbao", backup=False)
        if i % 97 == 0:  # sent twice
            project_file.save(r, sub / f"{i:05d}-重报.nianbao", backup=False)
    (folder / "损坏的文件.nianbao").write_text("{ not json", encoding="utf-8")
    return broken


def openpyxl_seconds(folder: Path, out: Path) -> tuple[float, float]:
    """Audit in this process without a workbook, then time writing it with openpyxl and with ours."""
    from core.audit import audit_paths
    from core.review.workbook import write_audit_xlsx

    result = audit_paths([folder])
    t0 = time.perf_counter()
    write_audit_xlsx(result, out)
    ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    _write_with_openpyxl(result, out.with_suffix(".openpyxl.xlsx"))
    return ours, time.perf_counter() - t0


def _write_with_openpyxl(result, path: Path) -> None:
    """The findings and summary sheets written cell by cell with openpyxl's write-only mode."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    from core.review.places import cells_text
    from core.schema import FORMS

    wb = Workbook(write_only=True)
    red, wrap = Font(color="C00000", bold=True), Alignment(wrap_text=True, vertical="top")
    summary = wb.create_sheet("汇总")
    for r in result.rows:
        summary.append([r.file, r.unit, r.year, r.form, r.errors, r.warnings, r.explained, r.bad_cells,
                        "；".join(n.message for n in r.notes), r.status])
    findings = wb.create_sheet("问题清单")
    for r in result.rows:
        form = FORMS.get(r.form_id)
        for f in r.findings:
            message = WriteOnlyCell(findings, value=f.message)
            message.alignment = wrap
            sev = WriteOnlyCell(findings, value=f.severity.label)
            if f.is_error:
                sev.font = red
            findings.append([r.file, r.unit, f.rule, sev, cells_text(form, f.cells), message, f.quote or ""])
    wb.save(path)


def _children_cpu() -> float:
    """CPU seconds (user + system) of the finished child processes: steadier than wall time on a busy machine."""
    import resource

    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def main(n: int) -> None:
    rng = random.Random(6)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        t0 = time.perf_counter()
        broken = generate(folder, n, rng)
        gen = time.perf_counter() - t0
        units = Path(tmp) / "units.txt"
        units.write_text("\n".join(f"测试{i:04d}乡人民政府" for i in range(n + 5)), encoding="utf-8")
        files = sum(1 for _ in folder.rglob("*.nianbao"))
        out = Path(tmp) / "out.xlsx"
        t0, cpu0 = time.perf_counter(), _children_cpu()
        proc = subprocess.run([sys.executable, "-m", "gui.main", "check", str(folder), "--report", str(out),
                               "--expect", str(units)],
                              cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
        took, cpu = time.perf_counter() - t0, _children_cpu() - cpu0
        size = out.stat().st_size if out.exists() else 0
        print(f"generated {n} reports (+1 unreadable, {broken} with sum errors, {files - n - 1} resubmitted) "
              f"in {gen:.1f} s")
        print(f"  nianbao check DIR --report out.xlsx --expect units.txt: {took:.1f} s for {files} files "
              f"on {os.cpu_count()} cores, {cpu:.1f} s CPU in all its processes (exit {proc.returncode}, xlsx {size // 1024} KB, "
              f"stdout {len(proc.stdout.encode()) // 1024} KB; goal < 20 s at 10,000)")
        if proc.returncode not in (0, 1):
            print(proc.stderr[-2000:])
        ours, theirs = openpyxl_seconds(folder, Path(tmp) / "again.xlsx")
        print(f"  writing the workbook in one process: {ours:.2f} s; openpyxl write-only: {theirs:.2f} s "
              f"(ratio {theirs / ours:.1f}x)")


if __name__ == "__main__":
    for arg in sys.argv[1:] or ["1000", "10000"]:
        main(int(arg))
