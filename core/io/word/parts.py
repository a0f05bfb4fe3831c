"""The parts of a Word package that hold text (body, headers, footers, notes) and their XML.

The one place that reads and writes python-docx's private part attributes (``_element``,
``_blob``); ``tests/core/test_library_internals.py`` fails loudly if an upgrade removes them.
"""

from __future__ import annotations

from typing import Any, Iterable

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
R = "{%s}" % R_NS
TEXT_PART_KINDS = ("header", "footer", "footnotes", "endnotes")


def text_parts(doc) -> Iterable[tuple[str, Any]]:
    """Yield (kind, part) for the document, its headers, footers, footnotes and endnotes.

    ``kind`` is ``"document"`` or one of :data:`TEXT_PART_KINDS`.
    """
    yield "document", doc.part
    for rel in doc.part.rels.values():
        if rel.is_external:
            continue
        kind = rel.reltype.rsplit("/", 1)[-1]
        if kind in TEXT_PART_KINDS:
            yield kind, rel.target_part


def element(part):
    """Return the part's XML element: python-docx's own for XML parts, else parsed from the blob."""
    el = getattr(part, "_element", None)
    if el is None:
        from docx.oxml import parse_xml

        el = parse_xml(part.blob)
    return el


def store(part, el) -> None:
    """Write ``el`` back into a part that python-docx keeps as bytes (XML parts are live)."""
    from lxml import etree

    if getattr(part, "_element", None) is None:
        set_blob(part, etree.tostring(el, xml_declaration=True, encoding="UTF-8", standalone=True))


def set_blob(part, blob: bytes) -> None:
    """Replace the bytes of a part python-docx does not parse (app.xml, theme, settings rels)."""
    part._blob = blob


def core_properties_element(doc):
    """The ``cp:coreProperties`` element (python-docx offers no way to delete ``lastPrinted``)."""
    return doc.core_properties._element
