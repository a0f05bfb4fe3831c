"""The readable text of a damaged project file (a recovery copy cut short by a power cut, say).

A project file that no longer parses as JSON still holds the clerk's narrative as JSON strings;
this finds the sections, the unit and the year by their keys, decodes what is there (a string
cut off at the end too), and returns it for the clerk to copy into a report.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from ..schema import NARRATIVE_IDS as SECTION_IDS
from ..schema import SECTION_TITLES

MAX_SALVAGE_BYTES = 20 * 1024 * 1024
_FIELD = re.compile(r'"(?P<key>[a-z_]+)"\s*:\s*"(?P<body>(?:[^"\\]|\\.)*)(?P<end>"?)', re.S)


@dataclass(frozen=True)
class Salvaged:
    """What could be read: ``(key, title, text)`` per narrative section, plus unit and year if found."""

    sections: tuple[tuple[str, str, str], ...]
    unit: str = ""
    year: str = ""

    @property
    def empty(self) -> bool:
        return not self.sections and not self.unit


def _decode(body: str) -> str:
    """Decode a JSON string body; a body cut short loses only its unfinished escape."""
    for cut in range(0, 7):
        try:
            return json.loads('"' + (body[:-cut] if cut else body) + '"')
        except ValueError:
            continue
    return body


def salvage(raw: bytes) -> Salvaged:
    """Return the readable text of a project file's bytes, however damaged."""
    text = raw[:MAX_SALVAGE_BYTES].decode("utf-8", "replace")
    found: dict[str, str] = {}
    unit = ""
    for m in _FIELD.finditer(text):
        key, value = m.group("key"), _decode(m.group("body")).rstrip("\ufffd")  # a character cut in two
        if key in SECTION_IDS and value.strip() and key not in found:
            found[key] = value
        elif key == "unit" and not unit:
            unit = value
    year = re.search(r'"year"\s*:\s*(\d{4})\b', text)
    sections = tuple((k, SECTION_TITLES.get(k, k), found[k]) for k in SECTION_IDS if k in found)
    return Salvaged(sections, unit, year.group(1) if year else "")
