"""Guard against Qt binding releases that break the app in ways our other tests miss."""

import sys

import pytest
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QLabel


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_qt_calls_do_not_drop_references_to_none(qapp):
    # PySide6-Essentials 6.12.0 on Python 3.11 loses one reference to None per call that
    # returns nothing; after a few hundred edits the app aborts with "deallocating None".
    label = QLabel()
    model = QStandardItemModel(1, 1)
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("x")
        model.index(0, 0).data()
    assert sys.getrefcount(None) - before > -10
