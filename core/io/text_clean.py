"""Text that a file format cannot hold, made safe once for every writer.

Word pastes a vertical tab (``\\x0b``) for a manual line break, and a damaged or hostile file
can hold a lone UTF-16 surrogate; XML (DOCX, XLSX) refuses both and UTF-8 cannot encode the
second, so one stray character would stop a save or an export.
"""

from __future__ import annotations

import copy
import re

# Characters XML 1.0 cannot hold, and lone surrogates (no UTF-8 encoding).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_surrogates(text: str) -> str:
    """Replace lone surrogates by U+FFFD; a proper pair (from a JSON escape) becomes its character."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def xml_text(text: str) -> str:
    """Return ``text`` as XML can hold it: Word's line and page breaks become newlines, other
    control characters and lone surrogates are dropped."""
    if not _NOT_XML.search(text):
        return text
    text = clean_surrogates(text).replace("\x0b", "\n").replace("\x0c", "\n")
    return _NOT_XML.sub("", text)


def xml_safe_copy(report):
    """Return a copy of ``report`` whose texts (meta, narrative, text in cells) are :func:`xml_text`."""
    out = copy.copy(report)
    out.meta = {k: xml_text(v) if isinstance(v, str) else v for k, v in report.meta.items()}
    out.text = {k: xml_text(v) for k, v in report.text.items()}
    out.values = {k: xml_text(v) if isinstance(v, str) else v for k, v in report.values.items()}
    out._listeners = []  # noqa: SLF001 - a copy for writing only: nobody listens to it
    return out
