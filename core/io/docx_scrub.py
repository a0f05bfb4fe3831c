"""Make a Word package fit to publish: nothing of its author, nothing that reaches outside it.

Used on every template before rendering (an office's house style made in Word or WPS carries
its author's user name, paths, OA plug-in data and a picture of last year's first page) and by
``build_scripts/make_templates.py`` for the parts the default templates share (theme, settings).
"""

from __future__ import annotations

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
A = "{%s}" % A_NS
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS
COMPATIBILITY_MODE = "15"  # Word 2013 and later: no 「兼容模式」 in the title bar


def theme_with_fonts(blob: bytes, *, major: tuple[str, str], minor: tuple[str, str]) -> bytes:
    """Return the theme part with its font scheme reduced to (Latin, East-Asian) font pairs.

    Word's stock theme lists Calibri, Cambria and a font per script (ＭＳ ゴシック, 맑은 고딕 …),
    which WPS may report as missing; a theme that names the document's own fonts does not.
    """
    from lxml import etree

    root = etree.fromstring(blob)
    scheme = root.find(f".//{A}fontScheme")
    if scheme is None:
        return blob
    for tag, (latin, east) in (("majorFont", major), ("minorFont", minor)):
        font = scheme.find(A + tag)
        if font is None:
            font = etree.SubElement(scheme, A + tag)
        for child in list(font):
            font.remove(child)
        for slot, face in (("latin", latin), ("ea", east), ("cs", latin)):
            etree.SubElement(font, A + slot).set("typeface", face)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def set_compatibility_mode(settings) -> None:
    """Set ``compatibilityMode`` in a ``w:settings`` element (adding it when missing)."""
    from lxml import etree

    compat = settings.find(W + "compat")
    if compat is None:
        compat = etree.SubElement(settings, W + "compat")
    uri = "http://schemas.microsoft.com/office/word"
    for cs in compat.findall(W + "compatSetting"):
        if cs.get(W + "name") == "compatibilityMode":
            cs.set(W + "val", COMPATIBILITY_MODE)
            return
    cs = etree.SubElement(compat, W + "compatSetting")
    cs.set(W + "name", "compatibilityMode")
    cs.set(W + "uri", uri)
    cs.set(W + "val", COMPATIBILITY_MODE)
