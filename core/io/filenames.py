"""File names built from what a clerk typed (the unit name), valid on Windows as well as Linux."""

from __future__ import annotations

import re

from ..messages import files as text

# Windows refuses these characters in names, and control characters anywhere.
_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
# Device names Windows reserves, with or without an extension ("CON.txt" is the console too).
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
             *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10)),
             "COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"}
# Room left for the extension, ".bak" and the lock file's ".~lock." … "#" within 255 bytes.
MAX_STEM_BYTES = 200
FALLBACK = text.FILE_NAME_FALLBACK


def safe_file_name(stem: str, fallback: str = FALLBACK) -> str:
    """Return ``stem`` as a file name (without extension) that every file system accepts.

    Forbidden characters become 「_」, leading and trailing dots and spaces go, a reserved device
    name gets a 「_」 in front, and the name is cut to MAX_STEM_BYTES bytes of UTF-8.
    """
    name = _FORBIDDEN.sub("_", stem or "")
    name = re.sub(r"_{2,}", "_", name).strip(" .")
    if not name.strip("_"):
        name = fallback
    if name.split(".")[0].strip().upper() in _RESERVED:
        name = "_" + name
    raw = name.encode("utf-8")
    if len(raw) > MAX_STEM_BYTES:
        name = raw[:MAX_STEM_BYTES].decode("utf-8", "ignore").rstrip(" .")
    return name
