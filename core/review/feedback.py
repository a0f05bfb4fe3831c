"""审核意见: one file per unit (「<单位>-审核意见.xlsx」 or .docx) with its findings in plain words, to send back."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ReportError
from ..io.atomic import write_atomic
from ..io.filenames import safe_file_name
from ..messages import audit as msg
from ..unit_names import group_same_units
from .outputs import REVIEW_OUTPUT
from .places import cells_text, file_names

_DOCX_WIDTHS_MM = (14, 18, 50, 90, 40, 45)  # 序号 类别 位置 问题 原文 怎么办: 257 mm, landscape A4 less margins


@dataclass
class Letter:
    """What one unit is told: its report's rows (newest first) or that nothing came."""

    unit: str
    rows: list = field(default_factory=list)
    missing: bool = False


def letters(result) -> list[Letter]:
    """Return one Letter per unit: from 报送情况 when there is an expected list, else by unit name."""
    from .submissions import MISSING

    if result.submissions:
        return [Letter(s.unit, list(s.rows), s.status == MISSING) for s in result.submissions]
    rows = [r for r in result.rows if not r.merged_units]  # a 汇总 is the reviewer's own, not a unit's
    named = [(i, r.unit) for i, r in enumerate(rows) if r.unit]
    out = [Letter(rows[g[0]].unit, [rows[i] for i in g]) for g in group_same_units(named)]
    out += [Letter(Path(r.file).stem, [r]) for r in rows if not r.unit]
    return out


def _lines(row, findings_only: bool = False):
    """Yield (类别, 位置, 问题, 原文, 怎么办) for each finding and read note of ``row``."""
    from ..schema import FORMS

    form = FORMS.get(row.form_id)
    explanations = row.explanations or [None] * len(row.findings)
    for f, why in zip(row.findings, explanations):
        if f.is_error:
            kind, how = msg.MUST_FIX, msg.HOW_ERROR
        elif why is not None:
            kind, how = msg.EXPLAINED, msg.explained_how(why)
        else:
            kind, how = msg.PLEASE_CHECK, msg.HOW_WARNING
        yield kind, cells_text(form, f.cells), f.message, f.quote or "", how
    if not findings_only:
        for n in row.notes:
            yield msg.NOTE, cells_text(form, (n.where,)) if n.where else "", n.message, "", msg.HOW_NOTE


def _intro(letter: Letter) -> list[str]:
    if letter.missing or not letter.rows:
        return [msg.FEEDBACK_MISSING]
    row = letter.rows[0]
    out = []
    if len(letter.rows) > 1:
        out.append(msg.feedback_duplicate(file_names([r.file for r in letter.rows])))
    if row.unreadable:
        out.append(msg.feedback_unreadable(row.file, row.unreadable))
        return out
    out.append(msg.feedback_intro(row.file, row.errors, row.warnings, row.explained))
    if row.overdue:
        out.append(msg.feedback_overdue(row.date, row.deadline))
    return out


def _title(letter: Letter) -> str:
    year = next((r.year for r in letter.rows if r.year), None)
    return msg.feedback_title(letter.unit, year)


def write_feedback(result, folder: str | Path, fmt: str = "xlsx") -> list[Path]:
    """Write one 审核意见 per unit into ``folder`` (made if needed); return the files written."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from ..io.os_errors import reason

        raise ReportError(msg.feedback_folder(folder, reason(exc, folder))) from None
    written: list[Path] = []
    used: set[str] = set()
    for letter in letters(result):
        base = safe_file_name(letter.unit, msg.NO_UNIT_FILE_NAME) + msg.FEEDBACK_SUFFIX  # within 255 bytes
        name, n = base, 1
        while name.lower() in used:
            n += 1
            name = f"{base}（{n}）"
        used.add(name.lower())
        path = folder / f"{name}.{fmt}"
        writer = _write_docx if fmt == "docx" else _write_xlsx
        write_atomic(path, lambda tmp, letter=letter: writer(letter, tmp))
        written.append(path)
    return written


def _rows(letter: Letter):
    if not letter.rows or letter.rows[0].unreadable:
        return []
    return list(_lines(letter.rows[0]))


def _write_xlsx(letter: Letter, tmp: Path) -> None:
    from ..io.xlsx_stream import Column, Style, XlsxStreamWriter

    w = XlsxStreamWriter(tmp, category=REVIEW_OUTPUT)
    styles = {msg.MUST_FIX: Style.ERROR, msg.PLEASE_CHECK: Style.WARNING, msg.EXPLAINED: Style.EXPLAINED,
              msg.NOTE: Style.WRAP}
    try:
        columns = [Column(h, wd) for h, wd in zip(msg.FEEDBACK_HEADERS, (6, 10, 30, 60, 36, 34))]
        with w.sheet(msg.FEEDBACK_SHEET, columns, title=[_title(letter), *_intro(letter)]) as s:
            for i, (kind, where, what, quote, how) in enumerate(_rows(letter), 1):
                s.row([i, kind, where, what, quote, how],
                      [0, styles[kind], Style.WRAP, Style.WRAP, Style.WRAP, Style.WRAP])
    finally:
        w.close()


def _write_docx(letter: Letter, tmp: Path) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    doc = Document()
    doc.core_properties.category = REVIEW_OUTPUT
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Mm(20))
    normal = doc.styles["Normal"]
    normal.font.name = msg.FEEDBACK_FONT
    normal.font.size = Pt(12)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), msg.FEEDBACK_FONT)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(_title(letter))
    run.bold = True
    run.font.size = Pt(16)
    for line in _intro(letter):
        doc.add_paragraph(line)
    rows = _rows(letter)
    if rows:
        table = doc.add_table(rows=1, cols=len(msg.FEEDBACK_HEADERS))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, msg.FEEDBACK_HEADERS):
            cell.text = text
            for r in cell.paragraphs[0].runs:
                r.bold = True
        for i, line in enumerate(rows, 1):
            cells = table.add_row().cells
            for cell, text in zip(cells, (str(i), *line)):
                cell.text = text
        tr_pr = table.rows[0]._tr.get_or_add_trPr()  # the header row repeats on every page
        tr_pr.append(tr_pr.makeelement(qn("w:tblHeader"), {}))
        table.autofit = False
        for col, width in zip(table.columns, _DOCX_WIDTHS_MM):  # Word reads the cells, LibreOffice the grid
            col.width = Mm(width)
            for cell in col.cells:
                cell.width = Mm(width)
    doc.core_properties.author = ""
    doc.save(str(tmp))
