"""E-STRUCT-SECTIONS: an imported report has all six sections, in order — checked on the file and on the
project saved from it, until dealt with."""

from __future__ import annotations

import json

from core.io import project_file
from core.io.export import export_blockers
from core.io.reader import read_any
from core.rules import check_report
from core.rules.section_rules import ORDER_REF, in_order
from core.schema import SECTION_TITLES

from .helpers import run_cli, seed
from .import_samples import add_grid_table, grid_of

ORDER = ("overview", "t2", "t3", "t4", "problems", "other")


def write_docx(report, path, order=ORDER, missing=()):
    """A Word report (python-docx) with its sections in ``order``, leaving out ``missing``."""
    import docx

    doc = docx.Document()
    doc.add_paragraph(f"{report.meta['unit']}{report.meta['year']}年政府信息公开工作年度报告")
    doc.add_paragraph(report.text["preface"] or "根据条例编制本报告。")
    for sec in order:
        if sec in missing:
            continue
        doc.add_paragraph(SECTION_TITLES[sec])
        if sec.startswith("t"):
            add_grid_table(doc, *grid_of(report, sec))
        else:
            for line in (report.text[sec] or "内容。").split("\n"):
                doc.add_paragraph(line)
    doc.add_paragraph(report.meta["signer"])
    doc.add_paragraph("2025年1月21日")
    doc.save(path)
    return path


def structure(findings):
    return [f for f in findings if f.rule == "E-STRUCT-SECTIONS"]


def test_sections_missing_and_out_of_order_in_the_imported_file(tmp_path):
    path = write_docx(seed(1), tmp_path / "r.docx", order=("overview", "t3", "t2", "t4", "other", "problems"),
                      missing=("problems",))
    report = read_any(path).report
    assert report.imported["sections"] == ("overview", "t3", "t2", "t4", "other")
    missing, order = structure(check_report(report))
    assert missing.is_error and missing.section == "problems" and "缺少“五、存在的主要问题及改进情况”" in missing.message
    assert order.cells == (ORDER_REF,) and "“二、主动公开政府信息情况”排在“三、收到和处理政府信息公开申请情况”之后" in order.message
    # the order is what the export puts right: it does not stop the export; the missing 五 does
    assert missing in export_blockers(report) and order not in export_blockers(report)


def test_a_complete_report_in_order_has_no_structure_finding(tmp_path):
    report = read_any(write_docx(seed(1), tmp_path / "r.docx")).report
    assert report.imported["sections"] == ORDER and structure(check_report(report)) == []
    assert structure(check_report(seed(1))) == []  # a report never imported: nothing recorded


def test_check_of_the_saved_project_still_reports_it_until_dealt_with(tmp_path):
    source = write_docx(seed(1), tmp_path / "r.docx", order=("overview", "t3", "t2", "t4", "problems", "other"),
                        missing=("problems",))
    out = tmp_path / "r.nianbao"
    assert run_cli("import", source, "-o", out).returncode == 0
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["imported"] == {"sections": ["overview", "t3", "t2", "t4", "other"]}
    result = run_cli("check", out, "--json")
    assert result.returncode == 1
    assert sum(f["rule"] == "E-STRUCT-SECTIONS" for f in json.loads(result.stdout)) == 2
    report = project_file.load(out)
    report.apply({"text.problems": "一是人员不足，二是培训不够，下一步将加强队伍建设和业务培训。"})
    (order,) = structure(check_report(report))  # 五 written: only the order is left
    report.apply({ORDER_REF: in_order(report.imported["sections"])})  # published as exported
    assert structure(check_report(report)) == []
    project_file.save(report, out)
    assert structure(check_report(project_file.load(out))) == []


def test_a_workbook_of_tables_records_no_sections(tmp_path):
    from .import_samples import write_xlsx

    report = read_any(write_xlsx(seed(1), tmp_path / "t.xlsx")).report
    assert report.imported["sections"] == () and structure(check_report(report)) == []


def test_a_missing_table_is_dealt_with_by_filling_it(tmp_path):
    report = read_any(write_docx(seed(1), tmp_path / "r.docx", missing=("t4",))).report
    (f,) = structure(check_report(report))
    assert f.section == "t4" and "及表四" in f.message
    report.apply({"t4.f1": 0})
    assert structure(check_report(report)) == []
