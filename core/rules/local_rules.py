"""Rules a rule pack adds (core.rules.packs): W-LOCAL-KEYWORD, topics a section must mention."""

from __future__ import annotations

from ..schema import NARRATIVE_IDS, SECTION_TITLES
from ..unit_names import unit_kind
from .base import Finding, Severity
from .library import FunctionRule

LOCAL_KEYWORD = "W-LOCAL-KEYWORD"


def _section_name(section: str) -> str:
    return SECTION_TITLES[section] if section == "preface" else f"“{SECTION_TITLES[section]}”"


def _required(section: str):
    def check(report, ctx):
        reqs = [r for r in ctx.pack.requirements if r.section == section]
        if not reqs:
            return []
        text = report.text.get(section, "")
        kind = unit_kind(report.meta.get("unit") or "")
        out = []
        for r in reqs:
            if r.units != "all" and r.units != kind:
                continue
            if any(w in text for w in r.words):
                continue
            out.append(Finding(LOCAL_KEYWORD, Severity.WARNING, (f"text.{section}",),
                               f"{_section_name(section)}没有写到“{r.topic}”（规则包“{ctx.pack.name}”要求；"
                               f"写到“{'”“'.join(r.words)}”中任一个即可）", section=section))
        return out
    return check


def local_rules() -> list:
    return [FunctionRule(LOCAL_KEYWORD, {f"text.{s}", "meta.unit"}, _required(s)) for s in NARRATIVE_IDS]
