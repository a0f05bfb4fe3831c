"""The recovery folder: every orphaned copy is found, damaged ones and ones without a sidecar too."""

from __future__ import annotations

import json
import os

from core.io import project_file
from core.io.process_info import host_tag
from core.model import Report
from gui import strings
from gui.recovery import RecoveryStore, recovery_dir

from .conftest import seed


def _crashed(report: Report, original=None, name="报告") -> RecoveryStore:
    store = RecoveryStore()
    store.write(report, original, name)
    store.abandon()  # the process "dies": lock released, copy left behind
    return store


def test_every_orphan_is_offered_and_a_live_session_is_not():
    a = _crashed(Report.new("甲县", 2024), name="甲")
    b = _crashed(Report.new("乙县", 2024), name="乙")
    alive = RecoveryStore()
    alive.write(Report.new("丙县", 2024), None, "丙")
    me = RecoveryStore()
    found = me.orphans()
    assert {e.key for e in found} == {a.key, b.key}
    assert all(e.problem() is None for e in found)
    assert {e.load().meta["unit"] for e in found} == {"甲县", "乙县"}
    alive.discard()


def test_original_paths_are_stored_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = _crashed(project_file.load(seed(1)), original="相对/路径.nianbao")
    side = json.loads((recovery_dir() / f"{store.key}.json").read_text(encoding="utf-8"))
    assert side["original"] == str(tmp_path / "相对" / "路径.nianbao")
    monkeypatch.chdir(tmp_path.parent)
    (entry,) = RecoveryStore().orphans()
    assert entry.original == str(tmp_path / "相对" / "路径.nianbao")


def test_a_damaged_copy_is_offered_as_a_recovery_copy_with_its_text():
    report = project_file.load(seed(1))
    store = _crashed(report)
    raw = store.path.read_bytes()
    store.path.write_bytes(raw[: len(raw) // 2])  # cut short by a power cut
    (entry,) = RecoveryStore().orphans()
    problem = entry.problem()
    assert problem is not None
    try:
        entry.load()
    except Exception as exc:  # noqa: BLE001
        text = str(exc)
    assert "恢复副本" in text and "不是年报助手的项目文件" not in text
    readable = entry.readable()
    assert readable.unit == report.meta["unit"]
    assert report.text["overview"].startswith(dict((k, t) for k, _, t in readable.sections)["overview"][:100])
    assert entry.report_path.exists()  # kept: looking at it deletes nothing


def test_a_copy_without_its_sidecar_is_offered():
    store = _crashed(Report.new("甲县", 2024))
    (recovery_dir() / f"{store.key}.json").unlink()
    (entry,) = RecoveryStore().orphans()
    assert entry.name == strings.RECOVERY_UNNAMED and not entry.has_sidecar and entry.saved_at
    assert entry.load().meta["unit"] == "甲县"


def test_debris_is_cleaned_but_work_is_not():
    store = _crashed(Report.new("甲县", 2024))
    folder = recovery_dir()
    dead_temp = folder / f".~nb-{0x7ffffffe:x}-{host_tag()}-abcdef.tmp"
    dead_temp.write_bytes(b"half an autosave")
    lonely_sidecar = folder / "20240101-000000-1-abcdef.json"
    lonely_sidecar.write_text("{}", encoding="utf-8")
    found = RecoveryStore().orphans()
    assert [e.key for e in found] == [store.key]
    assert not dead_temp.exists() and not lonely_sidecar.exists()
    assert sorted(p.suffix for p in folder.iterdir()) == [".json", ".nianbao"]
    assert os.path.exists(store.path)
