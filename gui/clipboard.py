"""Clipboard entries made safely: text and an HTML table together."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication, QStandardItemModel


def new_mime_data() -> QMimeData:
    """Return an empty QMimeData made by Qt itself.

    One created from Python makes the process crash at exit when it is still on the clipboard,
    as Qt frees the clipboard after the interpreter has gone (PySide6 6.11).
    """
    model = QStandardItemModel(1, 1)
    mime = model.mimeData([model.index(0, 0)])
    for fmt in mime.formats():
        mime.removeFormat(fmt)
    return mime


def put_on_clipboard(text: str, html: str = "") -> None:
    """Put ``text`` (and ``html``, when given) on the clipboard as one entry."""
    mime = new_mime_data()
    if text:
        mime.setText(text)
    if html:
        mime.setHtml(html)
    QGuiApplication.clipboard().setMimeData(mime)
