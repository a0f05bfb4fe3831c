"""Write tests/data/seeds/seed00N.nianbao from the five seed reports in ../shared/seeds.

The tables, unit, year and format are the hand-read answers (answers.json), the independent truth;
date and signer are those domain.md §7 lists. Only the narrative comes from the seed's text: the
lines under each heading (一、五、六, and the preface before them), cut by the headings.
Run from the repository root: ``python tests/data/seeds/make_seed_projects.py``.
"""

import glob
import os
import re
import sys

sys.path.insert(0, ".")

from core.io import project_file  # noqa: E402
from tests.core.helpers import answer  # noqa: E402

DATE_SIGNER = {  # domain.md §7
    "000": (None, "左贡县人民政府办公室"),
    "001": ("2025-01-21", "平武县人民政府办公室"),
    "002": (None, "岚皋县佐龙镇人民政府"),
    "003": (None, "和田地区"),
    "004": ("2021-02-08", "工布江达县人民政府办公室"),
}
MONEY_UNIT = {"004": "万元"}  # domain.md §7: （九）政府集中采购 75 / 「2359.4197万元」
TITLE_LINES = {"000": 1, "001": 0, "002": 2, "003": 2, "004": 2}  # lines above the preface text
HEADING = re.compile(r"^(一|二|三|四|五|六)、(总体情况|主动公开|收到和处理|政府信息公开行政|存在的主要|其他需要)")


def narrative(path: str) -> dict[str, list[str]]:
    """Return the text lines under each heading; table sections (二三四) are left out."""
    text = {"preface": [], "一": [], "五": [], "六": []}
    section = None
    for line in open(path, encoding="utf-8").read().split("\n"):
        s = line.strip().rstrip("|").strip()
        m = HEADING.match(s)
        if m and not line.startswith("\t") and len(s) < 40:
            section = m.group(1)
            continue
        key = section or "preface"
        if key in text and s and not s.startswith("|"):
            text[key].append(s.replace("[bookmark: _GoBack]", ""))
    return text


for path in sorted(glob.glob("../shared/seeds/*.txt")):
    sid = os.path.basename(path)[:3]
    report = answer(int(sid))
    report.meta["date"], report.meta["signer"] = DATE_SIGNER[sid]
    report.meta["money_unit"] = MONEY_UNIT.get(sid)
    text = narrative(path)
    report.text["preface"] = "\n".join(text["preface"][TITLE_LINES[sid]:])
    report.text["overview"] = "\n".join(text["一"])
    report.text["problems"] = "\n".join(text["五"])
    report.text["other"] = "\n".join(text["六"])
    project_file.save(report, f"tests/data/seeds/seed{sid}.nianbao", backup=False)
    print(sid, report.meta["unit"], report.text["preface"][:30])
