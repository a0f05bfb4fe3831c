"""The report document: meta, narrative sections, table values, last year's baseline."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable, Iterable, Mapping

from ..schema import DEFAULT_DEADLINE, NARRATIVE_IDS, SHARED_T3_GROUPS, TEXT_IDS, FormSpec, form_for_year, get_form
from .deviation import TableDeviation
from .explanations import Explanations
from .values import Value, is_number

SECTION_IDS = NARRATIVE_IDS  # the narrative sections
NOTE_IDS = tuple(s for s in TEXT_IDS if s not in NARRATIVE_IDS)  # the tables' sections, each with a note text
# money_unit: 万元 or 元 of 2019's 采购总金额, None until the clerk states it (core/model/money_unit.py)
META_FIELDS = ("unit", "year", "date", "signer", "deadline", "money_unit")

EXPLANATIONS_REF = "explanations"  # what listeners hear when an explanation is written
Listener = Callable[[frozenset], None]


@dataclass
class Baseline:
    """What this year's checks need from last year's report (W-X-CARRY, W-X-VALID, W-X-COPY)."""

    year: int | None = None
    unit: str = ""
    form: str = ""
    carry: list[Value] = field(default_factory=list)  # last year's 结转下年度, c1..c7
    valid: dict[str, Value] = field(default_factory=dict)  # 现行有效件数: {"gz": n, "gf": n}
    text: dict[str, str] = field(default_factory=dict)  # last year's narrative sections
    file: str = ""
    # Every cell of last year's report, by its ref in last year's format (W-X-JUMP, 与上年对比).
    values: dict[str, Value] = field(default_factory=dict)

    def follows(self, year) -> bool:
        """Whether this is the report of the year before ``year`` (or either year is unknown): only then
        do this year's carry-over, 现行有效件数 and changes follow from it."""
        return not (isinstance(year, int) and isinstance(self.year, int)) or self.year == year - 1

    @classmethod
    def from_report(cls, last: "Report", file: str = "") -> "Baseline":
        """Take the baseline from last year's whole report."""
        form = last.form
        carry_row = form.t3_rows["carry"]
        carry = [last.values.get(f"t3.{carry_row}.c{i}") for i in range(1, 8)]
        valid = {}
        if form.id == "gb2021":
            valid = {r: last.values.get(f"t2.a1.{r}.yx") for r in ("gz", "gf")}
        return cls(
            year=last.meta["year"], unit=last.meta["unit"], form=form.id, carry=carry,
            valid=valid, text=dict(last.text), file=file, values=dict(last.values),
        )


class Report:
    """One annual report. Every change goes through :meth:`apply`, which returns its inverse.

    Refs name everything that can change: data cells ("t3.r01.c1"), meta fields ("meta.year"),
    narrative sections ("text.overview") and their 沿用上年 marks ("stale.overview"), the note under
    each table ("text.t3"), and what the file it was imported from held ("imported.sections": the
    sections whose headings it had, in its order; empty when not imported from a document).
    """

    def __init__(self, form_id: str = "gb2021", *, unit: str = "", year: int | None = None):
        self.form: FormSpec = get_form(form_id)
        self.meta: dict[str, Any] = {
            "unit": unit, "year": year, "date": None, "signer": unit, "deadline": DEFAULT_DEADLINE,
            "money_unit": None,
        }
        self.text: dict[str, str] = {s: "" for s in TEXT_IDS}
        self.stale: set[str] = set()  # sections copied from last year and not yet edited
        self.values: dict[str, Value] = {c.ref: None for c in self.form.cells}
        self.baseline: Baseline | None = None
        self.sources: list[dict] = []  # for a merged (汇总) report: {"unit", "file", ...}
        self.imported: dict[str, Any] = {"sections": ()}  # see the class doc
        self.extra: dict[str, Any] = {}  # unknown project-file keys, kept on save
        # where the tables it was imported from differ from the official format (E-STRUCT-TABLES)
        self.deviations: list[TableDeviation] = []
        self.explanations = Explanations()  # 说明型审核: warnings the clerk has explained
        self._listeners: list[Listener] = []

    @classmethod
    def new(cls, unit: str, year: int) -> "Report":
        """Return an empty report for ``unit`` and ``year`` in the format that year requires."""
        return cls(form_for_year(year) or "gb2019", unit=unit, year=year)

    # -- reading ---------------------------------------------------------------------------
    def get(self, ref: str) -> Any:
        """Return the current value of ``ref``."""
        head, _, name = ref.partition(".")
        if head == "meta":
            return self.meta[name]
        if head == "text":
            return self.text[name]
        if head == "stale":
            return name in self.stale
        if head == "imported":
            return self.imported[name]
        return self.values[ref]

    def number(self, ref: str) -> int | Decimal | None:
        """Return the cell's number, or None when it is blank or not a number."""
        v = self.values.get(ref)
        return v if is_number(v) else None

    # -- changing --------------------------------------------------------------------------
    def apply(self, changes: Mapping[str, Any]) -> dict[str, Any]:
        """Set every ref in ``changes`` and return the changes that undo it.

        Editing a narrative section also clears its 沿用上年 mark (undone with it).
        """
        inverse: dict[str, Any] = {}
        changed: set[str] = set()
        values = self.values
        for ref, value in changes.items():
            if ref in values:  # a table cell: the common case, on every keystroke
                old = values[ref]
                if old == value and type(old) is type(value):
                    continue
                inverse.setdefault(ref, old)
                values[ref] = value
                changed.add(ref)
                continue
            old = self.get(ref)
            if ref.startswith("text.") and f"stale.{ref[5:]}" not in changes:
                name = ref[5:]
                if name in self.stale and value != old:
                    inverse.setdefault(f"stale.{name}", True)
                    self.stale.discard(name)
                    changed.add(f"stale.{name}")
            if old == value and type(old) is type(value):
                continue
            inverse.setdefault(ref, old)
            self._set(ref, value)
            changed.add(ref)
        if changed:
            self._notify(frozenset(changed))
        return inverse

    def _set(self, ref: str, value: Any) -> None:
        head, _, name = ref.partition(".")
        if head == "meta":
            if name not in META_FIELDS:
                raise KeyError(ref)
            self.meta[name] = value
        elif head == "text":
            if name not in self.text:
                raise KeyError(ref)
            self.text[name] = value
        elif head == "stale":
            (self.stale.add if value else self.stale.discard)(name)
        elif head == "imported":
            if name not in self.imported:
                raise KeyError(ref)
            self.imported[name] = value
        else:
            if ref not in self.values:
                raise KeyError(ref)
            self.values[ref] = value

    def set_baseline(self, baseline: Baseline | None) -> None:
        """Set last year's baseline (a whole-report change)."""
        self.baseline = baseline
        self._notify(frozenset({"*"}))

    def confirm_deviation(self, index: int, confirmed: bool = True) -> None:
        """Mark deviation ``index`` as dealt with: the clerk has checked its figures and keeps them
        (E-STRUCT-TABLES no longer raises it; it is not saved again). ``confirmed=False`` undoes it."""
        self.deviations[index].confirmed = confirmed
        self._notify(frozenset({"*"}))

    def change_form(self, form_id: str) -> None:
        """Switch to another official format, keeping the cells whose meaning is the same.

        T3 rows 一 to (五) and 四、结转, and all of T4, keep their values; T2 and T3 (六)
        differ between the formats and start blank. Totals are kept for the caller to refill.
        """
        if form_id == self.form.id:
            return
        old_form, old_values = self.form, self.values
        self.form = get_form(form_id)
        self.values = {c.ref: None for c in self.form.cells}
        for key in ("new", "carried", "total", "carry"):
            src, dst = old_form.t3_rows[key], self.form.t3_rows[key]
            for i in range(1, 8):
                self.values[f"t3.{dst}.c{i}"] = old_values.get(f"t3.{src}.c{i}")
        for group in SHARED_T3_GROUPS:
            for row in self.form.t3_group(group).rows:
                for i in range(1, 8):
                    ref = f"t3.{row}.c{i}"
                    self.values[ref] = old_values.get(ref)
        for c in self.form.table("t4").cells:
            self.values[c.ref] = old_values.get(c.ref)
        self._notify(frozenset({"*"}))

    def snapshot(self) -> dict:
        """Return a deep copy of the whole state, for whole-report undo."""
        return {
            "form": self.form.id, "meta": dict(self.meta), "text": dict(self.text),
            "stale": set(self.stale), "values": dict(self.values),
            "baseline": copy.deepcopy(self.baseline), "sources": copy.deepcopy(self.sources),
            "deviations": copy.deepcopy(self.deviations),
            "imported": dict(self.imported),
            "explanations": self.explanations.copy(),
        }

    def restore(self, snap: dict) -> None:
        """Restore a state taken by :meth:`snapshot`."""
        self.form = get_form(snap["form"])
        self.meta, self.text = dict(snap["meta"]), dict(snap["text"])
        self.stale, self.values = set(snap["stale"]), dict(snap["values"])
        self.baseline, self.sources = copy.deepcopy(snap["baseline"]), copy.deepcopy(snap["sources"])
        self.deviations = copy.deepcopy(snap.get("deviations", []))
        self.imported = dict(snap.get("imported", {"sections": ()}))
        if "explanations" in snap:
            self.explanations = snap["explanations"].copy()
        self._notify(frozenset({"*"}))

    def explain(self, rule: str, cells, text: str | None) -> str | None:
        """Write (empty ``text``: remove) the explanation of ``rule`` on ``cells``; return the old text.

        Listeners hear ``"explanations"``: no rule reads it, the views repaint.
        """
        old = self.explanations.set(rule, cells, text)
        self._notify(frozenset({EXPLANATIONS_REF}))
        return old

    # -- listeners -------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(changed_refs)`` after every change; ``"*"`` means everything."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _notify(self, refs: frozenset) -> None:
        for listener in list(self._listeners):
            listener(refs)

    # -- helpers ---------------------------------------------------------------------------
    def blank_cells(self) -> list[str]:
        """Return the refs of every blank data cell, in official order."""
        return [c.ref for c in self.form.cells if self.values[c.ref] is None]

    def cells_of(self, table_id: str) -> Iterable[str]:
        return (c.ref for c in self.form.table(table_id).cells)
