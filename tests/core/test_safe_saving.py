"""Saving: .bak written like the file itself, stale temp files cleaned, long names, symlinks, OS errors."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.errors import FileWriteError
from core.io import atomic, project_file
from core.io.filenames import safe_file_name
from core.io.os_errors import reason, write_error
from core.model import Report

POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX file system behaviour")


def _report(unit: str) -> Report:
    return Report.new(unit, 2024)


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_bak_is_replaced_atomically_not_copied_in_place(tmp_path, monkeypatch):
    path = tmp_path / "r.nianbao"
    project_file.save(_report("甲"), path)
    project_file.save(_report("乙"), path)
    replaced = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: (replaced.append((Path(a).name, Path(b).name)),
                                                     real_replace(a, b))[1])
    monkeypatch.setattr(shutil, "copy2", lambda *a, **k: pytest.fail("the .bak must not be copied in place"))
    assert project_file.save(_report("丙"), path) == []
    assert [b for _, b in replaced] == ["r.nianbao.bak", "r.nianbao"]
    assert all(a.startswith(atomic.TEMP_PREFIX) for a, _ in replaced)
    assert project_file.load(tmp_path / "r.nianbao.bak").meta["unit"] == "乙"
    assert project_file.load(path).meta["unit"] == "丙"
    assert _temps(tmp_path) == []


def test_a_failed_bak_is_a_warning_and_the_save_goes_ahead(tmp_path, monkeypatch):
    path = tmp_path / "r.nianbao"
    project_file.save(_report("甲"), path)
    project_file.save(_report("乙"), path)
    bak_before = (tmp_path / "r.nianbao.bak").read_bytes()

    def full_disk(src, dst, *a, **k):
        Path(dst).write_bytes(Path(src).read_bytes()[:10])  # a fragment, then the disk is full
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", full_disk)
    warnings = project_file.save(_report("丙"), path)
    assert len(warnings) == 1 and "磁盘空间不足" in warnings[0] and "已保存" in warnings[0]
    assert "No space" not in warnings[0]
    assert project_file.load(path).meta["unit"] == "丙"
    assert (tmp_path / "r.nianbao.bak").read_bytes() == bak_before  # the last good .bak survives
    assert _temps(tmp_path) == []


def test_full_disk_while_writing_keeps_the_old_file_and_says_what_to_do(tmp_path, monkeypatch):
    path = tmp_path / "r.nianbao"
    project_file.save(_report("甲"), path)
    before = path.read_bytes()

    def full(self, *a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_text", full)
    with pytest.raises(FileWriteError) as err:
        project_file.save(_report("乙"), path)
    assert str(err.value).startswith("无法保存“r.nianbao”：磁盘空间不足")
    assert path.read_bytes() == before and _temps(tmp_path) == []


@pytest.mark.parametrize("code,words", [
    (errno.ENOSPC, "磁盘空间不足"), (errno.EACCES, "没有写入权限"), (errno.EROFS, "只读"),
    (errno.EEXIST, "换一个文件名"), (errno.ENOENT, "文件夹不存在"), (errno.EIO, "U 盘"),
    (errno.EINVAL, "不允许的字符"), (errno.ELOOP, "循环"), (errno.EDQUOT, "磁盘空间不足"),
    (errno.ESTALE, "网络"), (9999, "代码 9999"),
])
def test_os_errors_are_said_in_chinese_with_what_to_do(code, words):
    text = reason(OSError(code, "English text"), "/some/dir/报告.nianbao")
    assert words in text and "English" not in text and "。" in text


def test_name_too_long_blames_the_name_or_the_path_correctly():
    long_name = "县" * 90 + ".nianbao"  # 278 bytes
    assert "文件名太长" in reason(OSError(errno.ENAMETOOLONG, "x"), f"/tmp/{long_name}")
    assert "路径太长" in reason(OSError(errno.ENAMETOOLONG, "x"), "/tmp/" + "a/" * 2000 + "r.nianbao")
    assert "无法导出“r.xlsx”" in str(write_error(OSError(errno.ENOSPC, "x"), "/tmp/r.xlsx", "导出"))


def test_windows_sharing_violation_names_the_other_program():
    exc = OSError(errno.EACCES, "The process cannot access the file")
    exc.winerror = 32
    assert "正被其他程序" in reason(exc, "C:/r.nianbao")


@pytest.mark.parametrize("length", [242, 250, 255])
def test_names_of_242_to_255_bytes_save(tmp_path, length):
    stem_len = length - len(".nianbao")
    name = "a" * stem_len + ".nianbao"
    assert len(name.encode()) == length
    path = tmp_path / name
    project_file.save(_report("甲"), path)
    warnings = project_file.save(_report("乙"), path)
    assert project_file.load(path).meta["unit"] == "乙"
    if length + len(".bak") > 255:
        assert warnings and "备份" in warnings[0]  # no room for NAME.bak: said, not fatal
    assert _temps(tmp_path) == []


def test_temp_names_are_short_whatever_the_file_is_called(tmp_path):
    tmp = atomic._new_temp(tmp_path)
    assert len(tmp.name) <= 32 and atomic._TEMP.fullmatch(tmp.name)


@POSIX
def test_saving_through_a_symlink_writes_its_target(tmp_path):
    real = tmp_path / "真实" / "r.nianbao"
    real.parent.mkdir()
    project_file.save(_report("甲"), real)
    link = tmp_path / "快捷方式.nianbao"
    link.symlink_to(real)
    project_file.save(_report("乙"), link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert project_file.load(real).meta["unit"] == "乙"
    assert project_file.load(real.parent / "r.nianbao.bak").meta["unit"] == "甲"
    assert not (tmp_path / "快捷方式.nianbao.bak").exists()


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_stale_temp_files_are_removed_at_the_next_save(tmp_path):
    from core.io.process_info import host_tag

    dead = tmp_path / f".~nb-{_dead_pid():x}-{host_tag()}-abcdef.tmp"
    dead.write_bytes(b"x" * 1000)
    mine = tmp_path / f".~nb-{os.getpid():x}-{host_tag()}-123456.tmp"  # a save of this process
    mine.write_bytes(b"x")
    other_host = tmp_path / f".~nb-1-{'0000' if host_tag() != '0000' else '1111'}-aaaaaa.tmp"
    other_host.write_bytes(b"x")
    old_other = tmp_path / f".~nb-2-{'0000' if host_tag() != '0000' else '1111'}-bbbbbb.tmp"
    old_other.write_bytes(b"x")
    hour_ago = time.time() - atomic.STALE_SECONDS - 60
    os.utime(old_other, (hour_ago, hour_ago))
    legacy = tmp_path / ".r.nianbao.k3j4h5g6.tmp"  # the old mkstemp names
    legacy.write_bytes(b"x")
    os.utime(legacy, (hour_ago, hour_ago))
    unrelated = tmp_path / "notes.tmp"
    unrelated.write_bytes(b"x")
    project_file.save(_report("甲"), tmp_path / "r.nianbao")
    assert _temps(tmp_path) == sorted([mine.name, other_host.name, unrelated.name])


def test_safe_file_names_are_valid_on_windows():
    assert safe_file_name('某县/办公室:2024?"年"<报>|*') == "某县_办公室_2024_年_报_"
    for reserved in ("CON", "nul", "Aux", "COM1", "lpt9", "CON.txt", "PRN "):
        out = safe_file_name(reserved)
        assert out.startswith("_"), reserved
    assert safe_file_name("  ..  ") == "年报" and safe_file_name("") == "年报"
    assert safe_file_name("县政府。") == "县政府。"
    assert safe_file_name("末尾的点...") == "末尾的点"
    long = safe_file_name("县" * 300)
    assert len(long.encode()) <= 200 and long == "县" * (200 // 3)
    assert safe_file_name("a\x0bb\tc") == "a_b_c"
