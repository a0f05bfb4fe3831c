"""W-FONT-GB2312 as a rule: characters outside GB2312 found before export, in ``check`` and while typing."""

from __future__ import annotations

import json
import shutil
import zipfile

from core.io.export import export_warnings
from core.io.font_coverage import template_uses_gb2312_fonts
from core.io import project_file
from core.rules import check_report
from core.rules.engine import Validator
from core.rules.font_rules import in_gb2312, outside_gb2312

from .helpers import run_cli, seed


def fonts(report):
    return [f for f in check_report(report) if f.rule == "W-FONT-GB2312"]


def test_gb2312_as_windows_maps_it():
    assert in_gb2312("政") and in_gb2312("·") and in_gb2312("—") and in_gb2312("（")
    assert not in_gb2312("镕") and not in_gb2312("喆") and not in_gb2312("堃")
    assert outside_gb2312("朱镕基与王喆、李镕") == ["镕", "喆"]
    assert outside_gb2312("全年共受理申请16件。abc·—") == []


def test_each_field_and_sentence_is_a_warning_naming_the_characters():
    r = seed(1)
    r.meta["signer"] = "平武县喆镇人民政府"
    r.text["overview"] += "\n联系人王镕，电话0816-1234567。本句没有生僻字。另请堃主任审核。"
    r.text["t4"] = "本年度玥未发生行政复议。"
    found = fonts(r)
    assert [f.cells for f in found] == [("meta.signer",), ("text.overview",), ("text.overview",), ("text.t4",)]
    assert all(not f.is_error for f in found)
    signer, first, second, note = found
    assert "落款单位中的“喆”不在 GB2312 字符集内" in signer.message
    assert first.quote == "联系人王镕，电话0816-1234567。" and "“镕”" in first.message
    assert r.text["overview"][first.span[0]:first.span[1]].strip() == first.quote
    assert second.quote == "另请堃主任审核。" and note.section == "t4"


def test_the_unit_is_checked_once_when_it_signs_too():
    r = seed(1)
    r.meta["unit"] = r.meta["signer"] = "平武县喆镇人民政府"
    (f,) = fonts(r)
    assert f.cells == ("meta.unit",) and "标题" in f.message


def test_many_sentences_end_in_one_more_warning():
    r = seed(1)
    r.text["problems"] = "".join(f"第{i}句有镕字。" for i in range(9))
    found = [f for f in fonts(r) if f.cells == ("text.problems",)]
    assert len(found) == 6 and "还有更多句子" in found[-1].message


def test_the_rule_follows_typing():
    r = seed(1)
    v = Validator(r, final=False)
    r.subscribe(v.update)
    assert not [f for f in v.findings() if f.rule == "W-FONT-GB2312"]
    r.apply({"text.other": r.text["other"] + "\n联系人：王喆。"})
    (f,) = [f for f in v.findings() if f.rule == "W-FONT-GB2312"]
    assert f.section == "other" and f.quote == "联系人：王喆。"
    r.apply({"text.other": r.text["other"].replace("喆", "哲")})
    assert not [f for f in v.findings() if f.rule == "W-FONT-GB2312"]


def test_check_json_lists_it_before_any_export(tmp_path):
    r = seed(1)
    r.meta["signer"] = "平武县喆镇人民政府"
    path = tmp_path / "r.nianbao"
    project_file.save(r, path, backup=False)
    proc = run_cli("check", "--json", path)
    assert proc.returncode == 0  # a warning
    (item,) = [i for i in json.loads(proc.stdout) if i["rule"] == "W-FONT-GB2312"]
    assert item["severity"] == "warning" and item["cells"] == ["meta.signer"] and "“喆”" in item["message"]


def _template_in_gbk_fonts(tmp_path):
    """The default template with every GB2312-only face replaced by its GBK face (仿宋, 楷体, 方正小标宋_GBK)."""
    from core.io.export import default_template

    src, out = default_template("gb2021"), tmp_path / "我的模板.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.endswith(".xml"):
                text = data.decode("utf-8")
                for a, b in (("仿宋_GB2312", "仿宋"), ("楷体_GB2312", "楷体"), ("方正小标宋简体", "方正小标宋_GBK")):
                    text = text.replace(a, b)
                data = text.encode("utf-8")
            zout.writestr(item, data)
    return out


def test_export_checks_an_office_template_by_its_own_fonts(tmp_path):
    from core.io.export import default_template

    r = seed(1)
    r.meta["signer"] = "平武县喆镇人民政府"
    gbk = _template_in_gbk_fonts(tmp_path)
    assert template_uses_gb2312_fonts(None) and template_uses_gb2312_fonts(default_template("gb2021"))
    assert not template_uses_gb2312_fonts(gbk)
    assert export_warnings(r, gbk) == []
    assert [f.cells for f in export_warnings(r)] == [("meta.signer",)]
    copy = tmp_path / "同款模板.docx"
    shutil.copy(default_template("gb2021"), copy)
    assert [f.cells for f in export_warnings(r, copy)] == [("meta.signer",)]


def test_cli_export_still_says_it_before_writing(tmp_path):
    r = seed(1)
    r.meta["signer"] = "平武县喆镇人民政府"
    src = tmp_path / "r.nianbao"
    project_file.save(r, src, backup=False)
    proc = run_cli("export", src, "-o", tmp_path / "r.docx")
    assert proc.returncode == 0 and "“喆”不在 GB2312 字符集内" in proc.stderr
    proc = run_cli("export", src, "-o", tmp_path / "g.docx", "--template", _template_in_gbk_fonts(tmp_path))
    assert proc.returncode == 0 and "GB2312" not in proc.stderr
