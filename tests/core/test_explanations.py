"""说明型审核: explanations in the project file, check --json "explained", errors not explained away,
never printed in the published DOCX/HTML, and the audit's 说明 column."""

from __future__ import annotations

import json
import zipfile

import pytest

from core.io import project_file
from core.model.explanations import Explanation, Explanations
from core.rules import check_report
from core.rules.explained import counts, explanation_of

from .helpers import DATA, run_cli, seed

SEEDS = DATA / "seeds"
WHY = "因机构改革，上年结转由原单位办理"


def _with_explanations(tmp_path, *explanations):
    """Seed 000 (two T4 errors; a W-SEC6-FEE warning) saved with explanations."""
    r = seed(0)
    for rule, cells, text in explanations:
        r.explain(rule, cells, text)
    path = tmp_path / "左贡.nianbao"
    project_file.save(r, path)
    return r, path


def test_explanations_round_trip_in_the_project_file(tmp_path):
    r, path = _with_explanations(tmp_path, ("W-X-CARRY", ["t3.r02.c1"], WHY))
    text = path.read_text(encoding="utf-8")
    assert '"explanations"' in text and WHY in text
    again = project_file.load(path)
    assert list(again.explanations) == [Explanation("W-X-CARRY", ("t3.r02.c1",), WHY)]
    assert again.explanations.get("W-X-CARRY", {"t3.r02.c1"}) == WHY


def test_old_files_without_the_key_still_load():
    assert len(seed(1).explanations) == 0


@pytest.mark.parametrize("bad", ['{"rule": 1}', '"x"', '[{"rule": "W-X", "cells": "t3", "text": "x"}]'])
def test_a_malformed_explanations_key_is_a_damaged_file(tmp_path, bad):
    from core.errors import FileReadError

    text = project_file.dumps(seed(1)).rstrip().rstrip("}") + f', "explanations": {bad}\n}}\n'
    with pytest.raises(FileReadError, match="说明"):
        project_file.loads(text)


def test_a_warning_on_exactly_those_cells_is_explained_an_error_never():
    r = seed(0)
    findings = check_report(r)
    fee = next(f for f in findings if f.rule == "W-SEC6-FEE")
    t4 = next(f for f in findings if f.rule == "E-T4-SUM")
    r.explain(fee.rule, fee.cells, "本单位未收取信息处理费")
    r.explain(t4.rule, reversed(t4.cells), "表四按原样填报")  # the cell order does not matter
    assert explanation_of(fee, r.explanations) == "本单位未收取信息处理费"
    assert explanation_of(t4, r.explanations) is None
    e, w, x = counts(findings, r.explanations)
    assert e == 2 and x == 1 and w == len(findings) - 3
    r.explain("W-SEC6-FEE", ["text.other"], "别的单元格")  # another cell set explains nothing more
    assert counts(findings, r.explanations) == (e, w, x)


def test_check_json_shows_explained_and_exit_codes_hold(tmp_path):
    r = seed(0)
    fee = next(f for f in check_report(r) if f.rule == "W-SEC6-FEE")
    t4 = next(f for f in check_report(r) if f.rule == "E-T4-SUM")
    _, path = _with_explanations(tmp_path, (fee.rule, fee.cells, "本单位未收取信息处理费"),
                                 (t4.rule, t4.cells, "按原样"))
    proc = run_cli("check", "--json", path)
    assert proc.returncode == 1  # errors cannot be explained away
    items = json.loads(proc.stdout)
    assert [i["explained"] for i in items if "explained" in i] == ["本单位未收取信息处理费"]
    assert all("explained" not in i for i in items if i["severity"] == "error")
    text = run_cli("check", path).stdout
    assert "[已说明] W-SEC6-FEE" in text and "1 个已说明" in text and "错误不能以说明代替" in text


def test_explained_warnings_alone_exit_0(tmp_path):
    r = seed(1)
    for f in check_report(r):
        r.explain(f.rule, f.cells, "属实")
    project_file.save(r, tmp_path / "平武.nianbao")
    proc = run_cli("check", tmp_path / "平武.nianbao")
    assert proc.returncode == 0 and " 0 个警告" in proc.stdout


def test_explanations_are_never_printed_in_the_published_docx_or_html(tmp_path):
    r, path = _with_explanations(tmp_path, ("W-SEC6-FEE", [], "只给审核人看的说明"))
    for suffix in (".docx", ".html"):
        out = tmp_path / f"out{suffix}"
        proc = run_cli("export", path, "-o", out, "--force")
        if suffix == ".html" and "不支持导出为“.html”" in proc.stderr:
            continue  # the web page export comes with issue 13; from then on this checks it too
        assert out.exists(), proc.stderr
        if suffix == ".docx":
            with zipfile.ZipFile(out) as z:
                body = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))
        else:
            body = out.read_text(encoding="utf-8")
        assert "只给审核人看的说明" not in body


def test_undo_restores_explanations():
    r = seed(1)
    snap = r.snapshot()
    r.explain("W-X", ["t3.r01.c1"], "x")
    r.restore(snap)
    assert len(r.explanations) == 0
    assert Explanations([Explanation("a", ("b",), "c")]) == Explanations([Explanation("a", ("b",), "c")])
