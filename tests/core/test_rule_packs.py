"""Rule packs: national default, the example local pack, pack files with mistakes, and what they change."""

from __future__ import annotations

import datetime as dt

import pytest

from core.errors import ReportError
from core.rules import check_report
from core.rules.packs import NATIONAL, builtin_packs, load_pack, parse_pack
from core.rules.report_rules import deadline_of

from .helpers import DATA, balanced, run_cli, seed

SEEDS = DATA / "seeds"


def test_national_is_the_default_and_the_example_is_shipped():
    assert load_pack(None) is NATIONAL and load_pack("national") is NATIONAL
    example = load_pack("local-example")
    assert example in builtin_packs() and example.name == "示例地方规则"
    assert example.overview_max_chars == 1000 and NATIONAL.overview_max_chars is None
    assert example.deadline("township") == "02-20" and NATIONAL.deadline("township") == "01-31"
    assert load_pack("示例地方规则") == example


def test_deadlines_by_kind_of_unit_and_the_units_own():
    r = balanced(year=2024)
    r.meta["unit"] = "洪泽区人民政府"
    assert deadline_of(r, NATIONAL)[0] == dt.date(2025, 3, 31)  # the 本级政府 report: 3月31日
    r.meta["unit"] = "岔河镇人民政府"
    assert deadline_of(r, NATIONAL)[0] == dt.date(2025, 1, 31)
    assert deadline_of(r, load_pack("local-example"))[0] == dt.date(2025, 2, 20)
    r.meta["deadline"] = "02-10"  # set for the unit: wins over the pack
    assert deadline_of(r, load_pack("local-example"))[0] == dt.date(2025, 2, 10)


def test_a_township_published_on_10_february_is_late_nationally_only():
    r = balanced(year=2024)
    r.meta.update(unit="岔河镇人民政府", date="2025-02-10")
    assert any(f.rule == "W-DEADLINE" for f in check_report(r))
    assert not any(f.rule == "W-DEADLINE" for f in check_report(r, pack=load_pack("local-example")))


def test_required_keywords_from_a_pack():
    r = seed(0)  # 左贡县人民政府: a 本级政府; its 六 says nothing about 建议提案
    found = [f for f in check_report(r, pack=load_pack("local-example")) if f.rule == "W-LOCAL-KEYWORD"]
    assert len(found) == 1 and "人大代表建议和政协提案" in found[0].message and found[0].section == "other"
    assert not [f for f in check_report(r) if f.rule == "W-LOCAL-KEYWORD"]
    r.apply({"text.other": r.text["other"] + "全年办理人大代表建议3件、政协提案2件，办理结果均已公开。"})
    assert not [f for f in check_report(r, pack=load_pack("local-example")) if f.rule == "W-LOCAL-KEYWORD"]
    dept = seed(1)  # a department: the requirement is for governments only
    assert not [f for f in check_report(dept, pack=load_pack("local-example")) if f.rule == "W-LOCAL-KEYWORD"]


@pytest.mark.parametrize("text, says", [
    ("[deadlines]\ntownship = \"2月30日\"", "deadlines.township"),
    ("[deadline]\ntownship = \"02-20\"", "deadline"),
    ("[jump]\nfactor = 1", "jump.factor"),
    ("[jump]\nmin_value = -3", "jump.min_value"),
    ("[[required]]\nsection = \"总体情况\"\nwords = [\"x\"]", "required[1].section"),
    ("[[required]]\nsection = \"other\"\nwords = []", "required[1].words"),
    ("[pack\nname = 1", "第 1 行"),
])
def test_mistakes_in_a_pack_file_are_named_in_chinese(text, says):
    with pytest.raises(ReportError) as exc:
        parse_pack(text, pack_id="x", source="本地.toml")
    assert says in str(exc.value) and "本地.toml" in str(exc.value)


def test_cli_rules_option(tmp_path):
    pack = tmp_path / "某县.toml"
    pack.write_text('[pack]\nname = "某县规则"\n[deadlines]\ndepartment = "03-31"\n', encoding="utf-8")
    late = SEEDS / "seed004.nianbao"  # a department that published on 2021年2月8日
    assert "W-DEADLINE" in run_cli("check", late).stdout
    proc = run_cli("check", late, "--rules", pack)
    assert proc.returncode == 0 and "W-DEADLINE" not in proc.stdout
    proc = run_cli("check", late, "--rules", "没有这个")
    assert proc.returncode == 2 and "local-example" in proc.stderr and "Traceback" not in proc.stderr
    (tmp_path / "坏.toml").write_text("[jump]\nfactor = \"五\"\n", encoding="utf-8")
    proc = run_cli("check", late, "--rules", tmp_path / "坏.toml")
    assert proc.returncode == 2 and "jump.factor" in proc.stderr


def test_the_1000_character_limit_is_local_not_national():
    """It came from one city's notice and warned 3 of the 5 seeds; nationally it is off."""
    def long_overview(pack):
        return [n for n in range(5) if any(f.rule == "W-SEC1-ASPECTS" and "字" in f.message and "精简" in f.message
                                           for f in check_report(seed(n), pack=pack))]
    assert long_overview(NATIONAL) == []
    assert len(long_overview(load_pack("local-example"))) == 3
