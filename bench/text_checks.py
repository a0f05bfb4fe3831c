"""How well the text-versus-table checks read clerks' sentences: catch rate and false alarms on the corpus.

Prints, for each batch of tests/core/text_corpus.py and for both together, how many planted
contradictions W-TXT-T3/T4/T2 and W-T3-ZERO-TEXT catch, and how many agreeing or neutral sentences they
flag (goal: catch ≥ 98 %, false alarms 0). Run: .venv/bin/python bench/text_checks.py [-v]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.rules import check_report  # noqa: E402
from tests.core import text_corpus  # noqa: E402

RULES = ("W-TXT-T3", "W-TXT-T4", "W-TXT-T2", "W-T3-ZERO-TEXT")


def judge(corpus, verbose: bool) -> tuple[int, int, int, int]:
    reports = {}
    contra = caught = fine = alarms = 0
    for c in text_corpus.cases(corpus):
        report = reports.get(c.table) or reports.setdefault(c.table, text_corpus.table(c.table))
        report.text[c.section] = c.text
        found = [f for f in check_report(report, final=False) if f.rule in RULES]
        report.text[c.section] = ""
        if c.contradicts:
            contra += 1
            hit = bool(found) if c.sentence is None else any(f.quote and f.quote in c.sentence for f in found)
            caught += hit
            if verbose and not hit:
                print(f"    missed: {c.text}")
        else:
            fine += 1
            alarms += bool(found)
            if verbose and found:
                print(f"    false alarm: {c.text} — {found[0].message}")
    return contra, caught, fine, alarms


def main(verbose: bool) -> None:
    t0 = time.perf_counter()
    for name, corpus in (("first batch", text_corpus.CORPUS), ("held-out batch", text_corpus.HELD_OUT),
                         ("all", text_corpus.CORPUS + text_corpus.HELD_OUT)):
        contra, caught, fine, alarms = judge(corpus, verbose and name == "all")
        print(f"{name:15} {contra:4} contradicting, {caught:4} caught ({caught / contra:6.1%}) · "
              f"{fine:4} agreeing or neutral, {alarms:3} false alarms ({alarms / fine:5.1%})")
    print(f"({time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main("-v" in sys.argv)
