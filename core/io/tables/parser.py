"""The one table parser: read the cells of any file into the official tables, each in its place.

Every reader (DOCX, HTML, text, PDF, XLSX) produces the same stream of tokens
(:class:`core.io.importers.Tok`). :func:`build_report` takes it through these steps, one module each:

- :mod:`core.io.tables.finder`: split the stream into the three tables and the narrative by its
  headings; tell each table by its headings or header texts, the format (gb2019/gb2021) by the header texts;
- :mod:`core.io.tables.records`: a table's body rows as records, values placed by the grid column the
  reader gave each cell (:mod:`core.io.tables.grid`), so that one odd cell stays in its place;
- :mod:`core.io.tables.rows`: each record matched to its official row by its normalised label — never by
  position (:mod:`core.io.tables.labels`) — and filled; a row of text without positions (copied out of a
  PDF) placed by the numbers themselves and, where cells are missing, by the table's own sums
  (:mod:`core.io.tables.flat_rows`, :mod:`core.io.tables.flat_t4`); （六）其他处理 printed the other format's way in
  :mod:`core.io.tables.other_rows`;
- :mod:`core.io.tables.reading`: whatever could not be read, or was read by a guess, as a :class:`ReadNote`
  naming the cell, row or table it is about; where the source's tables differ from the official format, a
  :class:`TableDeviation` kept with the report (E-STRUCT-TABLES).
"""

from __future__ import annotations

from ...errors import FileReadError
from ...messages import reading as msg
from ...model.report import Report
from ...schema import form_for_year, get_form
from .cell_values import is_value_text, parse_value
from .money_unit import read_money_unit
from ..narrative import extract
from ..read_result import NoteCode, ReadNote
from .finder import detect_form, split
from .labels import match_row_label, norm_label
from .records import is_subtotal_label, subtotal_column
from .rows import parse_table
from ..xlsx_layout import STALE, parse_stale

# The public entry: the readers, the editor's paste and the tests import these from here.
__all__ = ["build_report", "is_subtotal_label", "is_value_text", "match_row_label", "norm_label", "parse_table",
           "parse_value", "split", "subtotal_column"]


def build_report(tokens, source: str = "") -> tuple[Report, list[ReadNote]]:
    """Build a report from a reader's token stream; return it with the reading notes."""
    tables, paras = split(tokens)
    story = extract(paras)
    reader_notes = [t.note for t in tokens if t.kind == "note" and t.note is not None]
    form_id, form_note = detect_form(tables, story.year)
    if not any(tables.values()) and not any(sec for sec, _ in paras):
        raise FileReadError(msg.not_a_report(source))
    exact = dict(t.text.split("\t", 1) for t in tokens if t.kind == "meta")
    if exact:
        _apply_exact(story, exact)
    form = get_form(form_id)
    report = Report(form_id, unit=story.unit, year=story.year)
    report.meta["signer"] = story.signer or story.unit
    report.meta["date"] = story.date
    notes: list[ReadNote] = []
    if form_note:
        notes.append(ReadNote(NoteCode.FORM_GUESSED, form_note))
    expected = form_for_year(story.year) if story.year else None
    if expected and expected != form_id and not form_note:
        notes.append(ReadNote(NoteCode.FORM_MISMATCH, msg.form_mismatch(form.name, story.year, get_form(expected).name),
                              "meta.year"))
    found = 0
    for tid in ("t2", "t3", "t4"):
        found += parse_table(form, tid, tables[tid], report.values, notes, report.deviations)
    if not found and not any(story.text[s] for s in ("overview", "problems", "other")):
        raise FileReadError(msg.no_tables(source))
    for sec, value in story.text.items():
        report.text[sec] = value
    report.imported["sections"] = tuple(story.sections)  # for E-STRUCT-SECTIONS
    read_money_unit(report, tables["t2"], exact, notes)  # 2019 采购总金额: 万元 or 元, as the source says
    if report.meta.get("deadline") is not None and exact.get("meta.deadline"):
        report.meta["deadline"] = exact["meta.deadline"]
    report.stale = parse_stale(exact.get(STALE, "")) & set(report.text)  # 沿用上年 marks of our own XLSX
    return report, reader_notes + story.notes + notes


def _apply_exact(story, exact: dict[str, str]) -> None:
    """Take meta data and narrative stored exactly by this project's own export."""
    if exact.get("meta.unit"):
        story.unit = exact["meta.unit"]
    year = exact.get("meta.year", "")
    if year.isdigit():
        story.year = int(year)
    story.date = exact.get("meta.date") or story.date
    story.signer = exact.get("meta.signer") or story.signer or story.unit
    texts = {k[5:]: v for k, v in exact.items() if k.startswith("text.")}
    story.text.update(texts)
    # Drop only the notes the exact data answers: a unit still empty keeps its note.
    answered = {f"text.{s}" for s, v in texts.items() if v.strip()}
    answered |= {ref for ref, value in (("meta.unit", story.unit), ("meta.year", story.year)) if value}
    story.notes = [n for n in story.notes if n.where not in answered]
