"""The lock file beside an open document, and noticing that a file changed on disk since it was opened."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from core.io import project_file
from core.io.doclock import DocumentLock, current_owner, lock_path
from core.io.filestamp import changed_since, stamp
from core.io.process_info import host_name
from core.model import Report

from .test_safe_saving import _dead_pid


def _doc(tmp_path, name="报告.nianbao"):
    path = tmp_path / name
    project_file.save(Report.new("甲", 2024), path)
    return path


def test_lock_file_sits_beside_the_document_and_names_its_owner(tmp_path):
    doc = _doc(tmp_path)
    lock = DocumentLock(doc)
    assert lock.acquire() is None and lock.held
    path = lock_path(doc)
    assert path == tmp_path / ".~lock.报告.nianbao#"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["pid"] == os.getpid() and data["host"] == host_name() and data["user"] and data["since"]
    lock.release()
    assert not path.exists()


def test_a_second_opener_is_told_who_has_it(tmp_path):
    doc = _doc(tmp_path)
    first = DocumentLock(doc)
    assert first.acquire() is None
    second = DocumentLock(doc)
    owner = second.acquire()
    assert owner is not None and not second.held and owner.pid == os.getpid()
    assert current_owner(doc) == owner
    assert "本机" in owner.describe() and "起" in owner.describe()
    second.release()  # not its lock: the first one's stays
    assert lock_path(doc).exists()
    first.release()
    assert current_owner(doc) is None


def test_a_lock_from_another_process_that_is_alive_holds(tmp_path):
    doc = _doc(tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; time.sleep(30)"])
    try:
        lock_path(doc).write_text(json.dumps({"user": "zhang", "host": host_name(), "pid": holder.pid,
                                              "since": "2026-01-05T09:12:00"}), encoding="utf-8")
        owner = DocumentLock(doc).acquire()
        assert owner is not None and owner.user == "zhang"
        assert "用户 zhang" in owner.describe() and "2026年1月5日 09:12" in owner.describe()
    finally:
        holder.kill()
        holder.wait()


def test_a_lock_left_by_a_crashed_window_is_taken_over(tmp_path):
    doc = _doc(tmp_path)
    lock_path(doc).write_text(json.dumps({"user": "zhang", "host": host_name(), "pid": _dead_pid(),
                                          "since": "2026-01-05T09:12:00"}), encoding="utf-8")
    assert current_owner(doc) is None
    lock = DocumentLock(doc)
    assert lock.acquire() is None and lock.held
    assert json.loads(lock_path(doc).read_text(encoding="utf-8"))["pid"] == os.getpid()
    lock.release()


def test_a_lock_from_another_computer_is_shown_not_broken(tmp_path):
    doc = _doc(tmp_path)
    lock_path(doc).write_text(json.dumps({"user": "li", "host": "PC-OTHER-01", "pid": 1,
                                          "since": "2026-01-05T09:12:00"}), encoding="utf-8")
    owner = DocumentLock(doc).acquire()
    assert owner is not None and "电脑 PC-OTHER-01" in owner.describe()


def test_garbage_lock_files_are_debris_after_a_while(tmp_path):
    doc = _doc(tmp_path)
    path = lock_path(doc)
    path.write_bytes(b"")  # being written by someone right now
    assert DocumentLock(doc).acquire() is not None
    old = time.time() - 120
    os.utime(path, (old, old))
    lock = DocumentLock(doc)
    assert lock.acquire() is None and lock.held
    lock.release()


def test_a_read_only_folder_opens_without_a_lock(tmp_path, monkeypatch):
    doc = _doc(tmp_path)

    def refuse(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    lock = DocumentLock(doc)
    assert lock.acquire() is None and not lock.held


def test_very_long_names_get_a_short_lock_name(tmp_path):
    doc = _doc(tmp_path, "a" * 247 + ".nianbao")
    lock = DocumentLock(doc)
    assert lock.acquire() is None and len(lock.path.name.encode()) <= 255
    lock.release()


def test_changes_on_disk_since_opening_are_noticed(tmp_path):
    doc = _doc(tmp_path)
    opened = stamp(doc)
    assert not changed_since(opened, doc)
    os.utime(doc, None)  # touched, same content: not a change
    assert not changed_since(opened, doc)
    text = doc.read_text(encoding="utf-8").replace("甲", "乙")
    doc.write_text(text, encoding="utf-8")  # same size, other content
    assert changed_since(opened, doc)
    doc.unlink()
    assert changed_since(opened, doc)
    assert not changed_since(stamp(doc), doc)  # did not exist, still does not
