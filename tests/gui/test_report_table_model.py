"""The generic table model: Qt's model rules, data from the report, edits as undo steps."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from core.io import project_file
from core.model import Report
from gui import style
from gui.document import ReportDocument
from gui.models.report_table_model import ReportTableModel

from .conftest import seed

R = Qt.ItemDataRole


def _model(table="t3", report=None):
    doc = ReportDocument(report or project_file.load(seed(3)))
    return doc, ReportTableModel(doc, table)


@pytest.mark.parametrize("table", ["t2", "t3", "t4"])
@pytest.mark.parametrize("form", ["gb2021", "gb2019"])
def test_qt_model_tester_passes(qtmodeltester, table, form):
    report = project_file.load(seed(3 if form == "gb2021" else 4))
    doc, model = _model(table, report)
    qtmodeltester.check(model)


def test_grid_layout_matches_the_printed_table():
    doc, model = _model("t3")
    assert (model.rowCount(), model.columnCount()) == (28, 10)  # 3 header rows + 25 data rows
    note = model.index(0, 0)
    assert "勾稽关系" in note.data()
    assert model.flags(note) & Qt.ItemFlag.ItemIsEditable == Qt.ItemFlag.NoItemFlags
    spans = {(g.row, g.col): (g.rowspan, g.colspan) for g in model.spans()}
    assert spans[(0, 0)] == (3, 3) and spans[(0, 3)] == (1, 7)
    first = model.index_of("t3.r01.c1")
    assert first.data() == "83"
    assert model.flags(first) & Qt.ItemFlag.ItemIsEditable
    total = model.index_of("t3.r01.c7")
    assert not model.flags(total) & Qt.ItemFlag.ItemIsEditable  # derived total: read-only
    assert total.data(R.BackgroundRole) == style.DERIVED_BG


def test_typing_updates_total_and_findings_in_one_undo_step(qtbot):
    doc, model = _model("t3")
    ref, total = "t3.r01.c2", "t3.r01.c7"
    changed = []
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), a.column(), b.row(), b.column())))
    assert model.setData(model.index_of(ref), "１0")  # full-width digit accepted
    assert doc.report.values[ref] == 10
    assert doc.report.values[total] == 93
    assert model.index_of(total).data() == "93"
    # r01 now exceeds 办理结果 + 结转: the balance rule marks the column red
    assert any(f.rule == "E-T3-BAL" for f in doc.findings())
    assert model.index_of(ref).data(R.BackgroundRole) == style.ERROR_BG
    assert "相差" in model.index_of(ref).data(R.ToolTipRole)
    # only the touched cells were announced, never a whole-table reset
    assert changed and all(a == c for a, _b, c, _d in changed)
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.report.values[ref] == 1 and doc.report.values[total] == 84
    assert not any(f.rule == "E-T3-BAL" for f in doc.findings())
    assert model.index_of(ref).data(R.BackgroundRole) is None


def test_invalid_text_is_refused_with_a_message(qtbot):
    doc, model = _model("t3")
    index = model.index_of("t3.r03.c1")
    with qtbot.waitSignal(model.input_rejected) as blocker:
        assert not model.setData(index, "五件")
    assert "不是数字" in blocker.args[1]
    assert doc.report.values["t3.r03.c1"] == 47
    assert doc.undo_stack.count() == 0
    assert not model.setData(index, "-3")  # minus only in signed cells
    assert not model.setData(index, "1.5")  # decimals only in money cells


def test_money_and_signed_cells():
    doc, model = _model("t2")
    assert model.setData(model.index_of("t2.a8.sf.je"), "1,234.50")
    assert doc.report.values["t2.a8.sf.je"] == Decimal("1234.50")
    doc19, model19 = _model("t2", project_file.load(seed(4)))
    assert model19.setData(model19.index_of("t2.a5.xk.zj"), "－4")
    assert doc19.report.values["t2.a5.xk.zj"] == -4


def test_blank_cells_are_not_amber_while_editing():
    doc, model = _model("t3", Report.new("某县人民政府办公室", 2024))
    index = model.index_of("t3.r05.c3")
    assert any(f.rule == "E-CELL-BLANK" for f in doc.validator.findings_for("t3.r05.c3"))
    assert index.data(R.BackgroundRole) is None
    assert "未填写" in index.data(R.ToolTipRole)


def test_format_change_resets_the_model_and_undoes():
    doc, model = _model("t3")
    with_reset = []
    model.modelReset.connect(lambda: with_reset.append(1))
    doc.run_whole(lambda r: r.change_form("gb2019"), "格式")
    assert with_reset and model.rowCount() == 26
    doc.undo_stack.undo()
    assert model.rowCount() == 28 and doc.report.values["t3.r01.c1"] == 83
