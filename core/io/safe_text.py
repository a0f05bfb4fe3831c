"""Text a clerk typed (or pasted from Word), made safe for XML files: DOCX, XLSX and HTML exports.

XML 1.0 cannot hold control characters (Word's vertical tab ``\\x0b`` for a manual line break,
NUL, form feed …), lone surrogates or U+FFFE/U+FFFF; openpyxl refuses them and a DOCX holding
them does not open. Line breaks become ``\\n``, tabs a space, the rest is dropped.
"""

from __future__ import annotations

import re

_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n", "\t": " "})
_NOT_XML = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with Windows/old-Mac line ends as ``\\n`` and nothing XML 1.0 cannot hold."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_BREAKS)
    return _NOT_XML.sub("", text)
