"""Project files: the documented shape, exact money, blanks, safe saving, broken files."""

import json
import os
from decimal import Decimal

import pytest

from core.errors import FileReadError, FileWriteError
from core.io import project_file
from core.model import Report

from .helpers import run_cli, seed


def test_documented_shape():
    r = seed(1)
    d = json.loads(project_file.dumps(r))
    assert d["kind"] == "nianbao-report" and d["version"] == 1 and d["form"] == "gb2021"
    assert d["meta"]["unit"] == "平武县人民政府办公室" and d["meta"]["year"] == 2024
    assert d["meta"]["date"] == "2025-01-21"
    assert set(d["text"]) >= {"preface", "overview", "problems", "other"}
    assert d["tables"]["t2"][1] == [3, 2, 7]
    assert len(d["tables"]["t3"]) == 25 and all(len(r) == 7 for r in d["tables"]["t3"])
    assert d["tables"]["t3"][0] == [11, 5, 0, 0, 0, 0, 16]
    assert len(d["tables"]["t4"]) == 15


def test_round_trip_keeps_money_exact_and_blank_as_null(tmp_path):
    r = Report.new("某县", 2024)
    r.values["t2.a8.sf.je"] = Decimal("21613.90")
    r.values["t3.r01.c1"] = 0
    r.text["overview"] = "含有 <特殊> & “引号” 的文字\n第二段"
    r.stale.add("problems")
    path = tmp_path / "a.nianbao"
    project_file.save(r, path)
    text = path.read_text(encoding="utf-8")
    assert "21613.90" in text and '"t2"' in text
    back = project_file.load(path)
    assert back.values["t2.a8.sf.je"] == Decimal("21613.90")
    assert str(back.values["t2.a8.sf.je"]) == "21613.90"
    assert back.values["t3.r01.c1"] == 0 and back.values["t3.r01.c2"] is None
    assert back.text == r.text and back.stale == {"problems"}
    assert project_file.dumps(back) == text


def test_save_keeps_a_backup_and_leaves_no_temp_files(tmp_path):
    path = tmp_path / "r.nianbao"
    r = Report.new("甲", 2024)
    project_file.save(r, path)
    r.meta["unit"] = "乙"
    project_file.save(r, path)
    assert project_file.load(path).meta["unit"] == "乙"
    assert project_file.load(tmp_path / "r.nianbao.bak").meta["unit"] == "甲"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.nianbao", "r.nianbao.bak"]


def test_failed_save_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "r.nianbao"
    project_file.save(Report.new("甲", 2024), path)
    before = path.read_bytes()

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(FileWriteError, match="保存"):
        project_file.save(Report.new("乙", 2024), path)
    assert path.read_bytes() == before
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


BROKEN = {
    "empty": "",
    "truncated": None,  # filled in below
    "not json": "这不是JSON",
    "wrong kind": '{"kind": "something-else", "version": 1}',
    "newer version": '{"kind": "nianbao-report", "version": 99, "form": "gb2021"}',
    "unknown form": '{"kind": "nianbao-report", "version": 1, "form": "gb2030", "tables": {}}',
}


def _broken_files(tmp_path):
    good = project_file.dumps(seed(1))
    files = dict(BROKEN, truncated=good[: len(good) // 2])
    d = json.loads(good)
    d["tables"]["t3"] = d["tables"]["t3"][:-1]
    files["t3 wrong shape"] = json.dumps(d, ensure_ascii=False)
    d = json.loads(good)
    d["tables"]["t2"][0].append(0)
    files["t2 wrong shape"] = json.dumps(d, ensure_ascii=False)
    d = json.loads(good)
    del d["tables"]["t4"]
    files["no t4"] = json.dumps(d, ensure_ascii=False)
    out = {}
    for i, (name, text) in enumerate(files.items()):
        p = tmp_path / f"broken{i}.nianbao"
        p.write_text(text, encoding="utf-8")
        out[name] = p
    return out


def test_broken_files_raise_a_chinese_message(tmp_path):
    for name, path in _broken_files(tmp_path).items():
        with pytest.raises(FileReadError) as err:
            project_file.load(path)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in str(err.value)), name
    with pytest.raises(FileReadError, match="更新版本"):
        project_file.load(_broken_files(tmp_path)["newer version"])


def test_broken_files_give_exit_2_without_traceback_and_change_nothing(tmp_path):
    files = _broken_files(tmp_path)
    before = {p: p.read_bytes() for p in files.values()}
    for name, path in files.items():
        proc = run_cli("check", path)
        assert proc.returncode == 2, name
        assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr
        assert "无法读取" in proc.stderr
    assert {p: p.read_bytes() for p in files.values()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in files.values())


def test_count_cell_holding_text_is_reported_not_refused(tmp_path):
    d = json.loads(project_file.dumps(seed(2)))
    d["tables"]["t3"][0][0] = "三件"
    path = tmp_path / "text.nianbao"
    path.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    r = project_file.load(path)
    assert r.values["t3.r01.c1"] == "三件"


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_saved_file_is_not_private_and_keeps_an_existing_mode(tmp_path):
    path = tmp_path / "m.nianbao"
    mask = os.umask(0o022)
    try:
        project_file.save(Report.new("甲", 2024), path)
        assert path.stat().st_mode & 0o777 == 0o644
        os.chmod(path, 0o640)
        project_file.save(Report.new("乙", 2024), path)
        assert path.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(mask)


@pytest.mark.parametrize("name,hint", [("旧.doc", ".docx"), ("旧.wps", ".docx"), ("表.xls", ".xlsx"),
                                       ("x.odt", "另存为”.docx"), ("x.ods", "另存为”.xlsx"), ("x.rtf", "另存为”.docx"),
                                       ("x.ofd", "导出为 .pdf"), ("x.pages", "可导入")])
def test_unsupported_files_say_what_to_do(tmp_path, name, hint):
    from core.io.reader import read_any

    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0 old binary")
    with pytest.raises(FileReadError, match=hint.replace(".", r"\.")):
        read_any(path)


def test_table_notes_and_the_imported_sections_round_trip(tmp_path):
    from .helpers import seed

    r = seed(1)
    r.text["t4"] = "本年度未发生因政府信息公开引起的行政复议、行政诉讼。"
    r.imported["sections"] = ("overview", "t3", "t2", "t4", "problems", "other")
    path = tmp_path / "r.nianbao"
    project_file.save(r, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["table_notes"] == {"t2": "", "t3": "", "t4": r.text["t4"]}
    assert data["imported"] == {"sections": ["overview", "t3", "t2", "t4", "problems", "other"]}
    assert set(data["text"]) == {"preface", "overview", "problems", "other"}  # the narrative's key is as before
    back = project_file.load(path)
    assert back.text == r.text and back.imported == r.imported
    del data["table_notes"], data["imported"]  # a file written before these keys
    old = project_file.loads(json.dumps(data, ensure_ascii=False))
    assert old.text["t4"] == "" and old.imported["sections"] == ()
    data["imported"] = {"sections": ["overview", "bogus", 3, "overview"]}
    assert project_file.loads(json.dumps(data)).imported["sections"] == ("overview",)
    data["table_notes"] = ["不是对象"]
    with pytest.raises(FileReadError, match="表下说明"):
        project_file.loads(json.dumps(data, ensure_ascii=False))
