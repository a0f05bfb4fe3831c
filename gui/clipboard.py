"""Putting text and an HTML table on the system clipboard safely."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QStandardItemModel


def put_on_clipboard(text: str, html: str = "") -> None:
    """Put ``text`` (and ``html``, when given) on the clipboard as one entry.

    The QMimeData is made by Qt itself: one created from Python makes the process crash at exit,
    when Qt frees the clipboard after the interpreter has gone (PySide6 6.11).
    """
    model = QStandardItemModel(1, 1)
    mime = model.mimeData([model.index(0, 0)])
    for fmt in mime.formats():
        mime.removeFormat(fmt)
    if text:
        mime.setText(text)
    if html:
        mime.setHtml(html)
    QGuiApplication.clipboard().setMimeData(mime)
