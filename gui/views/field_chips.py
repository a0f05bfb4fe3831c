"""Bound fields shown inline as chips: 「【本年新收·总计】」 in the report text is one object in the editor
that draws the figure's live value (「16」) and keeps the binding.

The report keeps the marker text; the editor's document holds U+FFFC object characters whose
format carries the field name. :func:`load_text` and :func:`model_text` convert between the two,
and :func:`model_index` / :func:`editor_pos` map positions (findings quote the report text).
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFontMetricsF, QPainter, QPen, QPyTextObject, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument,
    QTextFormat,
)

from core.fields import CLOSE, MARKER_RE, OPEN, field_text, find_fields, lookup

from .. import strings, style

CHIP_TYPE = QTextFormat.ObjectTypes.UserObject + 1
NAME_PROPERTY = QTextFormat.Property.UserProperty + 1
OBJECT_CHAR = "\ufffc"
_PAD = 5.0


def qt_pos(text: str, index: int) -> int:
    """Return the Qt (UTF-16) position of the Python index ``index`` in ``text``."""
    return index + sum(1 for c in text[:index] if ord(c) > 0xFFFF)


def py_index(text: str, pos: int) -> int:
    """Return the Python index of the Qt (UTF-16) position ``pos`` in ``text``."""
    units = 0
    for i, c in enumerate(text):
        if units >= pos:
            return i
        units += 2 if ord(c) > 0xFFFF else 1
    return len(text)


def chip_format(name: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setObjectType(CHIP_TYPE)
    fmt.setProperty(NAME_PROPERTY, name)
    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignMiddle)
    return fmt


class ChipRenderer(QPyTextObject):
    """Draws each chip as a rounded box with the field's current value (``value_of(name)``)."""

    def __init__(self, parent, value_of: Callable[[str], tuple[str, bool]]):
        super().__init__(parent)
        self.value_of = value_of  # name -> (text shown, filled?)

    def _text(self, fmt) -> tuple[str, bool]:
        return self.value_of(str(fmt.property(NAME_PROPERTY) or ""))

    def intrinsicSize(self, doc, pos, fmt) -> QSizeF:
        text, _ = self._text(fmt)
        fm = QFontMetricsF(doc.defaultFont())
        return QSizeF(fm.horizontalAdvance(text) + 2 * _PAD, fm.height())

    def drawObject(self, painter: QPainter, rect: QRectF, doc, pos, fmt) -> None:
        text, filled = self._text(fmt)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = rect.adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(style.FIELD_BORDER, 1))
        painter.setBrush(style.FIELD_BG)
        painter.drawRoundedRect(box, 4, 4)
        painter.setFont(doc.defaultFont())
        painter.setPen(style.FIELD_FG if filled else style.FIELD_UNFILLED_FG)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()


def chips_in(doc: QTextDocument) -> list[tuple[int, str]]:
    """Return (editor position, field name) of every chip, in order."""
    out = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            fmt = frag.charFormat()
            if fmt.objectType() == CHIP_TYPE:
                name = str(fmt.property(NAME_PROPERTY) or "")
                for k in range(frag.length()):
                    out.append((frag.position() + k, name))
            it += 1
        block = block.next()
    return out


def model_text(doc: QTextDocument) -> str:
    """Return the report text of the editor's document: each chip back as its 【marker】."""
    plain = doc.toPlainText()
    chips = chips_in(doc)
    if not chips:
        return plain
    # toPlainText counts UTF-16 units like the positions do; work on a list of code units
    units = plain.encode("utf-16-le")
    out, last = [], 0
    for pos, name in chips:
        out.append(units[2 * last:2 * pos].decode("utf-16-le"))
        out.append(f"{OPEN}{name}{CLOSE}")
        last = pos + 1
    out.append(units[2 * last:].decode("utf-16-le"))
    return "".join(out)


def chipify(doc: QTextDocument, form_id: str, start: int = 0, end: int | None = None) -> int:
    """Turn every complete known 【marker】 typed as text between editor positions into a chip.

    Returns how many were turned. Unknown markers stay text (the highlighter marks them).
    """
    plain = doc.toPlainText()
    if OPEN not in plain:
        return 0
    found = []
    for m in MARKER_RE.finditer(plain):
        if lookup(form_id, m.group(1)) is None:
            continue
        a, b = qt_pos(plain, m.start()), qt_pos(plain, m.end())
        if a >= start and (end is None or b <= end):
            found.append((a, b, m.group(1)))
    cursor = QTextCursor(doc)
    for a, b, name in reversed(found):  # from the end: earlier positions stay valid
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        field = lookup(form_id, name)
        cursor.insertText(OBJECT_CHAR, chip_format(field.name if field else name))
    return len(found)


def load_text(doc: QTextDocument, text: str, form_id: str) -> None:
    """Put the report text in the editor's document with its known fields as chips."""
    doc.setPlainText(text)
    chipify(doc, form_id)


def model_index(doc: QTextDocument, pos: int) -> int:
    """Return the index in the report text (Python) of editor position ``pos``."""
    text = doc.toPlainText()
    before = [(p, name) for p, name in chips_in(doc) if p < pos]
    units = text.encode("utf-16-le")[:2 * pos].decode("utf-16-le", errors="ignore")
    return len(units) - len(before) + sum(len(name) + 2 for _, name in before)


def editor_pos(doc: QTextDocument, index: int) -> int:
    """Return the editor position of Python index ``index`` in the report text (inside a chip: its start)."""
    text = model_text(doc)
    pos = 0
    i = 0
    chips = {p: name for p, name in chips_in(doc)}
    while i < min(index, len(text)):
        if pos in chips:
            width = len(chips[pos]) + 2
            if i + width > index:
                return pos
            i += width
            pos += 1
            continue
        pos += 2 if ord(text[i]) > 0xFFFF else 1
        i += 1
    return pos


class UnknownFieldHighlighter(QSyntaxHighlighter):
    """Marks every 【…】 left as text that names no field: it would be printed as typed."""

    def __init__(self, document, form_id: str):
        super().__init__(document)
        self.form_id = form_id
        self.unknown = QTextCharFormat()
        self.unknown.setBackground(style.ERROR_BG)
        self.unknown.setForeground(style.INVALID_FG)
        self.unknown.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.unknown.setUnderlineColor(style.ERROR_COLOR)

    def set_form(self, form_id: str) -> None:
        if form_id != self.form_id:
            self.form_id = form_id
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if not self.form_id or OPEN not in text:
            return
        for m in MARKER_RE.finditer(text):
            if lookup(self.form_id, m.group(1)) is None:
                start = qt_pos(text, m.start())
                self.setFormat(start, qt_pos(text, m.end()) - start, self.unknown)


def field_tooltip(report, text: str, index: int) -> str | None:
    """Return the tooltip for the marker at Python index ``index`` of the report ``text``, if any."""
    for use in find_fields(report.form.id, text):
        if use.start <= index < use.end:
            marker = text[use.start:use.end]
            if use.field is None:
                return strings.field_unknown_tip(marker)
            return strings.field_tip(marker, field_text(report, use.field), use.field.description)
    return None

