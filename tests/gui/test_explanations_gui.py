"""说明型审核 in the window: write an explanation from the findings panel; it shows as 已说明 (grey, its own
group), is counted apart, undoes, is saved with the report; errors cannot be explained."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from core.io import project_file
from gui import style
from gui.models.findings_model import FINDING_ROLE, KEY_ROLE

from .conftest import seed


def _select(window, qtbot, rule):
    """Click the panel row of the first finding of ``rule``; return it."""
    tree = window.findings.tree
    model = window.findings.model
    for r in range(model.rowCount()):
        head = model.item(r)
        for k in range(head.rowCount()):
            f = head.child(k).data(FINDING_ROLE)
            if f is not None and f.rule == rule:
                index = model.indexFromItem(head.child(k))
                tree.scrollTo(index)
                QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center())
                qtbot.waitUntil(lambda: tree.currentIndex() == index)
                return f
    raise AssertionError(rule)


def test_explain_a_warning_from_the_panel(window, dialogs, qtbot, tmp_path):
    assert window.files.open_path(seed(0)).wait()  # 左贡: two T4 errors, a W-SEC6-FEE warning
    doc = window.document
    errors, _, warnings = doc.counts()
    panel = window.findings
    fee = _select(window, qtbot, "W-SEC6-FEE")
    assert panel.explain_button.isEnabled()
    dialogs.explanation_answer = "本县全年未收取信息处理费"
    QTest.mouseClick(panel.explain_button, Qt.MouseButton.LeftButton)
    assert dialogs.asked_explanation == [(fee.message, "")]
    assert doc.explanation(fee) == "本县全年未收取信息处理费"
    assert doc.counts() == (errors, 0, warnings - 1) and doc.explained_count() == 1
    assert window.counts_label.text().endswith(f"{warnings - 1} 个警告 · 1 个已说明")
    heads = [panel.model.item(r) for r in range(panel.model.rowCount())]
    (done,) = [h for h in heads if h.data(KEY_ROLE)[0] == 3]
    assert done.text().endswith("已说明（1）")
    row = done.child(0)
    assert row.data(FINDING_ROLE) == fee and "说明：本县全年未收取信息处理费" in row.text()
    assert row.foreground().color() == style.EXPLAINED_COLOR  # grey, not amber

    doc.undo_stack.undo()
    assert doc.explanation(fee) is None and doc.explained_count() == 0
    doc.undo_stack.redo()
    project_file.save(doc.report, tmp_path / "左贡.nianbao")
    assert project_file.load(tmp_path / "左贡.nianbao").explanations.get(fee.rule, fee.cells) == \
        "本县全年未收取信息处理费"


def test_editing_and_removing_an_explanation(window, dialogs, qtbot):
    assert window.files.open_path(seed(0)).wait()
    doc = window.document
    fee = _select(window, qtbot, "W-SEC6-FEE")
    dialogs.explanation_answer = "第一稿"
    window.findings.explain_selected()
    fee = _select(window, qtbot, "W-SEC6-FEE")
    dialogs.explanation_answer = "第二稿"
    window.findings.explain_selected()
    assert dialogs.asked_explanation[-1] == (fee.message, "第一稿") and doc.explanation(fee) == "第二稿"
    dialogs.explanation_answer = None  # cancelled: nothing changes
    window.findings.explain_selected()
    assert doc.explanation(fee) == "第二稿"
    dialogs.explanation_answer = ""  # emptied: removed
    window.findings.explain_selected()
    assert doc.explanation(fee) is None


def test_errors_cannot_be_explained(window, dialogs, qtbot):
    assert window.files.open_path(seed(0)).wait()
    _select(window, qtbot, "E-T4-SUM")
    assert not window.findings.explain_button.isEnabled()
    window.findings.explain_selected()
    assert dialogs.asked_explanation == []


def test_an_explained_cell_is_not_amber(window, dialogs, qtbot, tmp_path):
    from core.model import Baseline, recompute_all

    last = project_file.load(seed(1))
    now = project_file.load(seed(1))
    now.meta["year"] = 2025
    # 上年结转 ≠ last year's 结转下年度 (W-X-CARRY); the year still balances
    now.apply({"t3.r02.c1": now.values["t3.r02.c1"] + 4, "t3.r25.c1": now.values["t3.r25.c1"] + 4})
    now.apply(recompute_all(now))
    now.baseline = Baseline.from_report(last)
    project_file.save(now, tmp_path / "r.nianbao")
    assert window.files.open_path(tmp_path / "r.nianbao").wait()
    model = window.page("t3").view.model()
    index = model.index_of("t3.r02.c1")
    carry = next(f for f in window.document.findings() if f.rule == "W-X-CARRY" and f.cells == ("t3.r02.c1",))
    before = model.data(index, Qt.ItemDataRole.BackgroundRole)
    window.document.explain(carry, "因机构改革，上年结转由原单位办理")
    after = model.data(index, Qt.ItemDataRole.BackgroundRole)
    assert before == style.WARNING_BG and after != style.WARNING_BG
    assert "已说明" in model.data(index, Qt.ItemDataRole.ToolTipRole)
