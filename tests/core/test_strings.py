"""Chinese text in core lives in known places: the schema, rule messages, keyword tables, core/messages."""

from __future__ import annotations

from tests.source_scan import chinese_literals

from .helpers import ROOT

# Where Chinese literals belong in core.
HOMES = {
    "core/schema/": "domain labels: formats, sections, table names",
    "core/messages/": "every other text core prints, writes or raises",
    "core/rules/": "rule messages (and the text rules' keyword tables)",
    "core/textnum.py": "keyword table: number words",
    "core/unit_names.py": "keyword table: administrative place suffixes",
    "core/fields.py": "keyword table: the names of bound fields",
    "core/io/tables/finder.py": "keyword table: header texts that tell the tables and formats apart",
    "core/io/tables/labels.py": "keyword table: row labels of published tables",
    "core/io/tables/cell_values.py": "keyword table: marks, units and words printed around numbers",
    "core/io/importers/encoding.py": "keyword tables: common characters, traditional to simplified",
    "core/io/narrative.py": "keyword table: headings, unit suffixes, numerals",
    "core/io/line_breaks.py": "keyword table: organisational units and words where printed lines break",
    "core/model/values.py": "cell validation messages, shown by E-CELL-INT and the editor",
    "core/model/dates.py": "the official date format 2025年1月21日",
}
# Files whose texts are still to move into core/messages. This list may only shrink: a file that
# no longer holds Chinese must leave it (see the second test).
NOT_YET_MIGRATED: set[str] = set()


def _name(path) -> str:
    return path.relative_to(ROOT).as_posix()


def _allowed(name: str) -> bool:
    return name in NOT_YET_MIGRATED or any(name == h or (h.endswith("/") and name.startswith(h)) for h in HOMES)


def test_no_chinese_literals_outside_their_homes():
    offenders = [f"{_name(p)}:{line}: {text[:40]}" for p in sorted((ROOT / "core").rglob("*.py"))
                 if not _allowed(_name(p)) for line, text in chinese_literals(p)]
    assert offenders == []


def test_the_list_of_files_to_migrate_only_shrinks():
    done = sorted(name for name in NOT_YET_MIGRATED if not any(chinese_literals(ROOT / name)))
    assert done == [], "migrated: remove these from NOT_YET_MIGRATED"
