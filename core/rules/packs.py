"""Rule packs: local requirements as data (TOML), on top of the national rules.

The built-in default, :data:`NATIONAL`, is what the 条例 and the national formats require. A pack
file sets deadlines, the W-X-JUMP thresholds, the 总体情况 length limit and keywords a section must
mention; docs/规则包.md describes the format. ``resources/rulepacks/local-example.toml`` is an example
local pack shipped with the app.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..errors import ReportError
from ..messages import packs as msg
from ..model.dates import parse_month_day
from ..schema import DEFAULT_DEADLINE, NARRATIVE_IDS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

UNIT_KINDS = ("department", "government", "township")
NATIONAL_ID = "national"


@dataclass(frozen=True)
class Requirement:
    """A topic a section must mention: any of ``words`` found in it counts (W-LOCAL-KEYWORD)."""

    section: str
    topic: str
    words: tuple[str, ...]
    units: str = "all"  # all | department | government | township


@dataclass(frozen=True)
class RulePack:
    """The settings the rules read (``CheckContext.pack``): national defaults unless a pack says otherwise."""

    id: str = NATIONAL_ID
    name: str = msg.NATIONAL_NAME
    description: str = msg.NATIONAL_DESCRIPTION
    source: str = ""  # the file it was read from; "" for a built-in pack
    # 发布期限 (MM-DD of the year after the report year) by kind of unit (core.unit_names.unit_kind);
    # 《条例》第四十九条: departments 1月31日, the 本级政府 report 3月31日; townships: local rules, 1月31日 here.
    deadlines: tuple[tuple[str, str], ...] = (("department", DEFAULT_DEADLINE), ("government", "03-31"),
                                              ("township", DEFAULT_DEADLINE))
    jump_factor: Decimal = Decimal(5)  # W-X-JUMP: more than this many times, or less than 1/this
    jump_min: int = 20  # ... where the larger of the two years' figures is at least this
    overview_max_chars: int | None = None  # 「总体情况不超过N字」: a local rule, off nationally
    requirements: tuple[Requirement, ...] = field(default=())

    def deadline(self, kind: str) -> str:
        """Return the MM-DD deadline for a unit of ``kind``."""
        return dict(self.deadlines).get(kind, DEFAULT_DEADLINE)

    @property
    def label(self) -> str:
        return msg.pack_label(self.name, self.source)


NATIONAL = RulePack()

_BUILTIN_FILES = {"local-example": "local-example.toml"}


# -- reading a pack file -------------------------------------------------------------------------


def _where_line(exc: Exception) -> str:
    m = re.search(r"line (\d+)", str(exc))
    return msg.at_line(int(m.group(1))) if m else ""


def parse_pack(text: str, *, pack_id: str, source: str = "") -> RulePack:
    """Build a pack from TOML text; raise ReportError (Chinese, naming the setting) when it is wrong."""
    name = source or pack_id
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ReportError(msg.not_toml(name, _where_line(exc))) from None

    def bad(what: str) -> ReportError:
        return ReportError(msg.bad_setting(name, what))

    known = {"pack", "deadlines", "jump", "overview", "required"}
    for key in data:
        if key not in known:
            raise bad(msg.unknown_key(key))
    pack = RulePack(id=pack_id, source=source)
    head = _table(data, "pack", bad)
    _only(head, {"name", "description"}, "pack", bad)
    pack = replace(pack, name=_str(head, "name", "pack", bad) or pack_id,
                   description=_str(head, "description", "pack", bad) or "")

    deadlines = dict(NATIONAL.deadlines)
    dl = _table(data, "deadlines", bad)
    _only(dl, set(UNIT_KINDS), "deadlines", bad)
    for kind, value in dl.items():
        try:
            deadlines[kind] = parse_month_day(str(value))
        except ValueError:
            raise bad(msg.bad_deadline(kind, value)) from None
    pack = replace(pack, deadlines=tuple(deadlines.items()))

    jump = _table(data, "jump", bad)
    _only(jump, {"factor", "min_value"}, "jump", bad)
    if "factor" in jump:
        factor = _number(jump["factor"], "jump.factor", bad)
        if factor <= 1:
            raise bad(msg.factor_too_small(jump["factor"]))
        pack = replace(pack, jump_factor=factor)
    if "min_value" in jump:
        pack = replace(pack, jump_min=_count(jump["min_value"], "jump.min_value", bad))

    overview = _table(data, "overview", bad)
    _only(overview, {"max_chars"}, "overview", bad)
    if "max_chars" in overview:
        n = _count(overview["max_chars"], "overview.max_chars", bad)
        pack = replace(pack, overview_max_chars=n or None)

    reqs = data.get("required", [])
    if not isinstance(reqs, list):
        raise bad(msg.not_a_list("required"))
    out = []
    for i, r in enumerate(reqs, 1):
        where = f"required[{i}]"
        if not isinstance(r, dict):
            raise bad(msg.not_a_table(where))
        _only(r, {"section", "topic", "words", "units"}, where, bad)
        section = r.get("section")
        if section not in NARRATIVE_IDS:
            raise bad(msg.bad_section(where, section, NARRATIVE_IDS))
        words = r.get("words")
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise bad(msg.bad_words(where))
        units = r.get("units", "all")
        if units not in ("all", *UNIT_KINDS):
            raise bad(msg.bad_units(where, units))
        topic = _str(r, "topic", where, bad) or words[0]
        out.append(Requirement(section, topic, tuple(w.strip() for w in words), units))
    return replace(pack, requirements=tuple(out))


def _table(data: dict, key: str, bad) -> dict:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise bad(msg.not_a_table(key))
    return value


def _only(table: dict, allowed: set, where: str, bad) -> None:
    for key in table:
        if key not in allowed:
            raise bad(msg.unknown_key(f"{where}.{key}"))


def _str(table: dict, key: str, where: str, bad) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise bad(msg.not_text(f"{where}.{key}"))
    return value.strip()


def _number(value, where: str, bad) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise bad(msg.not_a_number(where, value))
    try:
        return Decimal(str(value))
    except InvalidOperation:  # pragma: no cover - TOML numbers are finite or inf/nan
        raise bad(msg.not_a_number(where, value)) from None


def _count(value, where: str, bad) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise bad(msg.not_a_count(where, value))
    return value


# -- finding a pack ------------------------------------------------------------------------------


def builtin_packs() -> list[RulePack]:
    """Return the packs shipped with the app: the national default first."""
    return [NATIONAL] + [_builtin(pid) for pid in _BUILTIN_FILES]


def _builtin(pack_id: str) -> RulePack:
    return parse_pack(example_text(pack_id), pack_id=pack_id)


def example_text(pack_id: str = "local-example") -> str:
    """Return the TOML text of a built-in pack file (to show, or to copy as a start)."""
    from ..resources import resource_path

    return resource_path(f"rulepacks/{_BUILTIN_FILES[pack_id]}").read_text(encoding="utf-8")


def load_pack(spec: str | Path | None) -> RulePack:
    """Return the pack ``spec`` names: a built-in id or name, or a .toml file; None is national.

    Raise ReportError with a Chinese message when there is no such pack or the file is wrong.
    """
    if spec is None or str(spec).strip() == "":
        return NATIONAL
    text = str(spec).strip()
    for pack in builtin_packs():
        if text in (pack.id, pack.name):
            return pack
    path = Path(text)
    if path.suffix.lower() == ".toml" or path.exists():
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise ReportError(msg.pack_missing(text)) from None
        except OSError as exc:
            raise ReportError(msg.pack_unreadable(text, exc.strerror or str(exc))) from None
        if len(raw) > 1024 * 1024:
            raise ReportError(msg.pack_too_big(text))
        try:
            content = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ReportError(msg.pack_not_utf8(text)) from None
        return parse_pack(content, pack_id=path.stem, source=str(path))
    raise ReportError(msg.no_such_pack(text, [p.id for p in builtin_packs()]))
