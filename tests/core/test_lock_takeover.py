"""A lock another computer left (it crashed, or was switched off): taken over only on purpose, and the
window that lost it finds out before it saves."""

from __future__ import annotations

import json
import os

from core.io.doclock import DocumentLock, LockOwner, current_owner, lock_path
from core.io.process_info import host_name

from .test_doclock import _doc

OTHER = {"user": "li", "host": "科室电脑-2", "pid": 4242, "since": "2026-01-06T10:30:00", "token": "abcd"}


def _left_by_another_computer(doc) -> LockOwner:
    lock_path(doc).write_text(json.dumps(OTHER, ensure_ascii=False), encoding="utf-8")
    owner = current_owner(doc)
    assert owner is not None and owner.elsewhere
    return owner


def test_a_lock_from_this_computer_is_not_elsewhere(tmp_path):
    doc = _doc(tmp_path)
    lock = DocumentLock(doc)
    assert lock.acquire() is None
    assert not current_owner(doc).elsewhere
    assert not LockOwner("?", "?", 0, "").elsewhere  # unreadable: cannot be said to be elsewhere
    lock.release()


def test_taking_over_writes_this_windows_lock_whole(tmp_path):
    doc = _doc(tmp_path)
    owner = _left_by_another_computer(doc)
    lock = DocumentLock(doc)
    assert lock.acquire() == owner  # never broken by itself
    assert lock.take_over(owner) and lock.held and lock.taken_from == owner
    data = json.loads(lock_path(doc).read_text(encoding="utf-8"))
    assert data["host"] == host_name() and data["pid"] == os.getpid() and data["token"] == lock.owner.token
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~lock.")] == [lock_path(doc).name]
    assert lock.lost_to() is None
    lock.release()
    assert not lock_path(doc).exists()


def test_a_lock_that_changed_meanwhile_is_not_taken(tmp_path):
    doc = _doc(tmp_path)
    owner = _left_by_another_computer(doc)
    lock_path(doc).write_text(json.dumps(dict(OTHER, since="2026-01-07T08:00:00", token="efgh")), encoding="utf-8")
    lock = DocumentLock(doc)
    assert not lock.take_over(owner) and not lock.held  # someone reopened it there: ask again
    assert json.loads(lock_path(doc).read_text(encoding="utf-8"))["token"] == "efgh"


def test_the_window_whose_lock_was_taken_over_knows_by_whom(tmp_path):
    doc = _doc(tmp_path)
    first = DocumentLock(doc)
    assert first.acquire() is None
    mine = json.loads(lock_path(doc).read_text(encoding="utf-8"))
    # another computer's clerk takes it over (we cannot fake the host of a real window: write what it writes)
    lock_path(doc).write_text(json.dumps(OTHER, ensure_ascii=False), encoding="utf-8")
    taker = first.lost_to()
    assert taker is not None and taker.host == "科室电脑-2" and "用户 li" in taker.describe()
    first.release()  # not ours any more: the other computer's lock stays
    assert json.loads(lock_path(doc).read_text(encoding="utf-8"))["token"] == "abcd" != mine["token"]


def test_a_lock_file_that_vanished_is_written_again(tmp_path):
    doc = _doc(tmp_path)
    lock = DocumentLock(doc)
    assert lock.acquire() is None
    lock_path(doc).unlink()  # a colleague cleaned the folder
    assert lock.lost_to() is None and lock.held
    assert json.loads(lock_path(doc).read_text(encoding="utf-8"))["token"] == lock.owner.token
    lock.release()
