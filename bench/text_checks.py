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

from tests.core import text_corpus  # noqa: E402

def main(verbose: bool) -> None:
    t0 = time.perf_counter()
    for name, corpus in (("first batch", text_corpus.CORPUS), ("held-out batch", text_corpus.HELD_OUT),
                         ("all", text_corpus.CORPUS + text_corpus.HELD_OUT)):
        v = text_corpus.judge(corpus)
        contra, caught, fine, alarms = v.contradicting, len(v.caught), v.fine, len(v.alarms)
        print(f"{name:15} {contra:4} contradicting, {caught:4} caught ({caught / contra:6.1%}) · "
              f"{fine:4} agreeing or neutral, {alarms:3} false alarms ({alarms / fine:5.1%})")
        if verbose and name == "all":
            for text in v.missed:
                print(f"    missed: {text}")
            for text, messages in v.alarms:
                print(f"    false alarm: {text} — {messages[0]}")
    print(f"({time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main("-v" in sys.argv)
