"""The note under each table in every output: Word, the web page, Excel — and read back from each."""

from __future__ import annotations

import pytest

from core.io.export import export_docx, export_xlsx
from core.io.reader import read_any

from .helpers import seed

NOTES = {"t3": "2024年，全地区共收到政府信息公开申请85件，其中上年结转1件，均已按期办结。",
         "t4": "本年度因政府信息公开被申请行政复议3件，均为结果纠正；未发生政府信息公开行政诉讼。"}


def noted():
    r = seed(3)
    r.apply({f"text.{t}": v for t, v in NOTES.items()})
    return r


def test_word_prints_each_note_right_under_its_table(tmp_path):
    import docx

    export_docx(noted(), tmp_path / "r.docx", force=True)
    body = docx.Document(tmp_path / "r.docx").element.body
    seq = []
    for el in body:
        tag = el.tag.rsplit("}", 1)[1]
        text = "".join(t.text or "" for t in el.iter() if t.tag.endswith("}t")) if tag == "p" else ""
        if tag == "tbl" or text:
            seq.append("TABLE" if tag == "tbl" else text)
    for tid, note in NOTES.items():
        i = seq.index(note)
        assert seq[i - 1] == "TABLE" and seq[i - 2].startswith({"t3": "三、", "t4": "四、"}[tid])
    assert sum(s.startswith("2024年，全地区") for s in seq) == 1  # printed once, and no empty note paragraph for 表二


def test_the_web_page_prints_the_notes_under_their_tables():
    from core.io.html_export import report_page

    page = report_page(noted())
    for tid, note in NOTES.items():
        assert page.index(note) > page.index("</table>", page.index({"t3": "三、收到", "t4": "四、政府"}[tid]))


@pytest.mark.parametrize("kind", ["docx", "xlsx", "html"])
def test_notes_come_back_from_every_export(tmp_path, kind):
    from core.io.html_export import report_page

    want = noted()
    path = tmp_path / f"r.{kind}"
    if kind == "docx":
        export_docx(want, path, force=True)
    elif kind == "xlsx":
        export_xlsx(want, path, force=True)
    else:
        path.write_text(report_page(want), encoding="utf-8")
    got = read_any(path).report
    assert {t: got.text[t] for t in ("t2", "t3", "t4")} == {"t2": "", **NOTES}
    assert got.values == want.values
