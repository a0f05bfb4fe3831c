"""Blank cells are a warning while editing and an error at export: the panel, the counts, the page list
and the export question all show them as one class, 「导出前须处理」, so export brings no surprise."""

from __future__ import annotations

from core.io.export import export_blockers
from gui import style
from gui.models.findings_model import KEY_ROLE

from .conftest import seed


def _new_from_last_year(window, dialogs):
    dialogs.next_file = str(seed(3))
    assert window.files.new_from_last_year().wait()
    return window.document


def test_after_new_from_last_year_the_counts_say_what_export_will_refuse(window, dialogs):
    doc = _new_from_last_year(window, dialogs)
    blockers = export_blockers(doc.report)  # what core export refuses
    assert len(blockers) == 3 and all(f.rule == "E-CELL-BLANK" for f in blockers)
    errors, pending, warnings = doc.counts()
    assert (errors, pending) == (0, 3)
    assert window.counts_label.text() == f"0 个错误 · 3 项导出前须处理 · {warnings} 个警告"
    assert style.EXPORT_COLOR.name() in window.counts_label.styleSheet()
    assert "导出时算作错误" in window.counts_label.toolTip()
    # the panel lists them in their own class, one group per table, before the plain warnings
    groups = [(window.findings.model.item(r).text(), window.findings.model.item(r).data(KEY_ROLE))
              for r in range(window.findings.model.rowCount())]
    pending_groups = [title for title, key in groups if key[0] == 1]
    assert pending_groups == ["二、主动公开 · 导出前须处理（1）", "三、依申请公开 · 导出前须处理（1）",
                              "四、复议和诉讼 · 导出前须处理（1）"]
    assert [key[0] for _, key in groups] == sorted(key[0] for _, key in groups)  # errors, then these, then warnings
    assert window.nav.counts_of("t3")[1] == 1


def test_the_export_question_lists_exactly_those(window, dialogs, tmp_path):
    doc = _new_from_last_year(window, dialogs)
    dialogs.export_answer = False
    assert window.exports.export("docx") is None
    asked = dialogs.asked_export[-1]
    assert sorted(f.message for f in asked) == sorted(f.message for f in export_blockers(doc.report))
    from gui import strings

    text = strings.export_blocked(0, len(asked), "…")
    assert "3 项尚未填写" in text and "审核结果面板" in text


def test_filling_the_tables_clears_the_class(window, dialogs):
    doc = _new_from_last_year(window, dialogs)
    window.fill_zero()
    errors, pending, _ = doc.counts()
    assert pending == 0 and "导出前须处理" not in window.counts_label.text()
    assert not [f for f in doc.export_blockers() if f.rule == "E-CELL-BLANK"]


def test_a_real_error_is_red_and_blocks_export_too(seed_window):
    model = seed_window.page("t3").view.model()
    model.setData(model.index_of("t3.r02.c1"), "5")
    doc = seed_window.document
    errors, pending, _ = doc.counts()
    assert errors == 2 and pending == 0
    assert style.ERROR_COLOR.name() in seed_window.counts_label.styleSheet()
    assert len(doc.export_blockers()) == len(export_blockers(doc.report)) == 2
