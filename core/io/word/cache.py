"""Templates patched and compiled once, kept on disk: most of an export's time is spent there.

Both depend only on a template part's XML and on the shape of the context (its names, not its
values: the checks pass or fail by the names alone), so an entry is keyed on those, on the
program that made it (the app version; the renderer's sources while developing) and on the
Python, Jinja and docxtpl versions.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

CACHE_ENV = "NIANBAO_CACHE_DIR"  # a folder, or "off"
CACHE_VERSION = "2"  # 2: compiled in the bounded sandbox (intercepted operators)
CACHE_MAX_ENTRIES = 40
# The modules whose code shapes what is cached: patching, tag repair, the environment.
_RENDERER = ("render.py", "tags.py", "sandbox.py", "cache.py")


def cache_dir() -> Path | None:
    """Return the folder for compiled templates, or None when caching is off."""
    value = os.environ.get(CACHE_ENV)
    if value == "off":
        return None
    if value:
        return Path(value)
    try:
        import platformdirs
    except ImportError:
        return None
    return Path(platformdirs.user_cache_dir("nianbao", appauthor=False)) / "templates"


def shape(obj: Any) -> str:
    """The structure of the context (names, not values)."""
    if isinstance(obj, dict):
        return "{" + ",".join(f"{k}:{shape(obj[k])}" for k in sorted(obj)) + "}"
    if isinstance(obj, list):
        return "[" + (shape(obj[0]) if obj and isinstance(obj[0], dict) else "") + "]"
    return "."


def salt(context: dict) -> str:
    """What every key of one export shares: the program's versions and the context's shape."""
    import sys

    import docxtpl
    import jinja2

    from ... import __version__

    # A changed renderer must not reuse what an older one patched: the app version says so in an
    # installed or frozen app (whose sources may have no mtime); the mtimes, while developing.
    here = Path(__file__).parent
    stamps = []
    for name in _RENDERER:
        try:
            stamps.append(str(os.stat(here / name).st_mtime_ns))
        except OSError:
            stamps.append("")
    return "\0".join((CACHE_VERSION, __version__, *stamps, sys.version, jinja2.__version__,
                      docxtpl.__version__, shape(context), ""))


def key(salt_: str, place: str, raw_xml: str) -> str:
    return hashlib.sha256((salt_ + place + "\0" + raw_xml).encode("utf-8")).hexdigest()


def get(folder: Path | None, key_: str):
    """(patched XML, compiled code or None) from the cache, or None."""
    if folder is None:
        return None
    import marshal

    try:
        patched, code = marshal.loads((folder / f"{key_}.bin").read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(patched, str):
        return None
    return patched, code


def put(folder: Path | None, key_: str, patched: str, code) -> None:
    if folder is None:
        return
    import marshal
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps((patched, code)))
        os.replace(tmp, folder / f"{key_}.bin")
        entries = sorted(folder.glob("*.bin"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-CACHE_MAX_ENTRIES]:  # templates edited again and again
            old.unlink(missing_ok=True)
    except (OSError, ValueError):
        pass  # a cache that cannot be written only costs time
