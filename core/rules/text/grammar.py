"""The sentence shapes that state a table figure, and reading a sentence's claims with them.

A sentence is first turned into tokens (:mod:`.lexer`), written as a string of kind letters
(:mod:`.lexicon`): 「全年共收到政府信息公开申请16件，其中15件已办结」 is ``YFTN,QNF``. Each shape
below is a pattern over that string — ``_`` stands for words that may stand between the parts
(``T`` ``t`` ``Q``: 「政府信息公开申请」「其中」) — and says what the match states. At each token the
shapes are tried in order; the first that matches and accepts wins, and reading goes on after it.

What the paragraph said before (its topic, the last main figure, 表四's kind of case, 表二's
document and verb) comes in as a :class:`Context` and goes out updated, so that
「其中自然人申请11件」 in the next sentence still belongs to 「收到申请16件」.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .lexer import Tok, first_chars, kinds, tokens
from .lexicon import EVERYONE, MAIN_FIGURES, RESULT_FIGURES
from .state import Context, Reading, Said


@dataclass(frozen=True)
class Shape:
    """A sentence shape: its name, its pattern over kind letters, what it states, the widest gap allowed."""

    name: str
    pattern: str
    read: Callable[["Reading", tuple[Tok, ...]], list[Said] | None]  # None: not this shape after all
    max_gap: int = 20  # characters of plain words between two of its tokens

    def compiled(self) -> re.Pattern:
        return re.compile(self.pattern.replace("_", "[TtQ]*"))


def _said(n: Tok, figure: str) -> Said:
    return Said(figure, n.value, n.field)


def _figure_of(tok: Tok) -> str:
    if tok.kind == "G":
        return f"row.{tok.key}"
    return "done" if tok.key in ("total", "answered") else tok.key  # 「办理结果总计」「按时答复15件」


# -- what each shape states -------------------------------------------------------------------


def _restricted(r: Reading, m: tuple[Tok, ...]) -> list[Said] | None:
    """「办理行政复议案件56件（其中涉及政府信息公开的0件）」: only the part about disclosure counts."""
    head, n = m[0], m[-1]
    if head.kind == "V":
        return [_said(n, f"{head.key}.5")] if r.t4(n) else None
    return [_said(n, _figure_of(head))] if r.t3(head.key, n) else None


def _each(r: Reading, m: tuple[Tok, ...]) -> list[Said] | None:
    """「行政复议、行政诉讼各1件」: the number for each of them."""
    n = m[-1]
    out = []
    for t in m:
        if t.kind == "V" and r.t4(n):
            out.append(_said(n, f"{t.key}.5"))
        elif t.kind == "F" and r.t3(t.key, n):
            out.append(_said(n, _figure_of(t)))
    return out or None


def _joined(r: Reading, m: tuple[Tok, ...]) -> list[Said] | None:
    """「予以公开及部分公开42件」: results joined are summed; other figures joined say nothing clear."""
    n = m[-1]
    keys = [t.key for t in m if t.kind == "F"]
    if not all(k in RESULT_FIGURES for k in keys) or len(set(keys)) < len(keys):
        return None
    figure = "+".join(keys)
    return [_said(n, figure)] if r.t3(keys[0], n) else None


def _everyone(r: Reading, m: tuple[Tok, ...]) -> list[Said] | None:
    """「收到公民、法人或者其他组织提出的申请16件」: every applicant named is all of them."""
    if not EVERYONE <= {t.key for t in m if t.kind == "A"}:
        return None
    n = m[-1]
    return [_said(n, _figure_of(m[0]))] if r.t3(m[0].key, n) else []


def _applicant_list(r: Reading, m: tuple[Tok, ...]) -> list[Said] | None:
    """「自然人、企业申请14件」: a sum of applicant columns that no figure names; nothing to compare."""
    return []


def _figure(r: Reading, m: tuple[Tok, ...]) -> list[Said] | None:
    """「收到政府信息公开申请16件」「予以公开7件」."""
    n = m[-1]
    return [_said(n, _figure_of(m[0]))] if r.t3(m[0].key, n) else None


def _number_figure(r: Reading, m: tuple[Tok, ...]) -> list[Said] | None:
    """「其中15件已办结」「3件结转至2025年继续办理」: the number before its verb."""
    n, f = m[0], m[-1]
    if f.key in ("received", "new"):
        return None  # 「3件因在年底收到，…」: receiving is the reason, the verb comes later
    i = r.toks.index(n)
    if i and r.toks[i - 1].kind in "Tt":
        return None  # 「上级转办的政府信息公开申请2件已办结」: some of the requests, not the figure
    return [_said(n, _figure_of(f))] if r.t3(f.key, n) else None


def _number_reason_figure(r: Reading, m: tuple[Tok, ...]) -> list[Said] | None:
    """「3件因在年底收到，结转至下一年度办理」: the number, why, then its verb."""
    n = m[0]
    middle = [t for t in m[1:-1] if t.kind == "F"]
    f = m[-1]
    if any(t.key not in ("received", "new") for t in middle) or f.key in ("received", "new"):
        return None
    return [_said(n, _figure_of(f))] if r.t3(f.key, n) else None


def _applicant(r: Reading, m: tuple[Tok, ...]) -> list[Said] | None:
    """「其中自然人申请11件」, after 收到 or 新收 (in this sentence or an earlier one)."""
    a, n = m[0], m[-1]
    if r.ctx.main not in ("received", "new") or not r.t3_number(n):
        return None
    return [_said(n, a.key)]


_TOTAL_WORDS = re.compile(r"(?:共有?计?|合计|计|为)?")


def _applicant_total(r: Reading, m: tuple[Tok, ...]) -> list[Said] | None:
    """「申请主体以自然人为主，共11件」."""
    if not _TOTAL_WORDS.fullmatch(r.text[m[1].end:m[-1].start]):
        return None
    return _applicant(r, (m[0], m[-1]))


def _case_total(r: Reading, m: tuple[Tok, ...]) -> list[Said] | None:
    """「在政府信息公开行政诉讼方面，本年度共有2件」."""
    if not _TOTAL_WORDS.fullmatch(r.text[m[-2].end:m[-1].start]):
        return None
    return _case(r, (m[0], m[-1]))


def _row(r: Reading, m: tuple[Tok, ...]) -> list[Said] | None:
    """「本机关不掌握相关政府信息的3件」「3件属于重复申请」: one of 表三's rows of reasons."""
    g = next(t for t in m if t.kind == "G")
    n = m[-1] if m[-1].kind == "N" else m[0]
    return [_said(n, _figure_of(g))] if r.t3_number(n) else None


def _sum(r: Reading, m: tuple[Tok, ...]) -> list[Said] | None:
    """「加上上年结转的2件，合计18件」: all the requests."""
    n = m[-1]
    if r.ctx.main not in ("received", "new", "carried") or not r.t3_number(n) or not r.about_requests():
        return None
    return [_said(n, "received")]


_ZERO_FIGURES = frozenset({"received", "new", "carried", "carry", *RESULT_FIGURES})


def _negated(r: Reading, m: tuple[Tok, ...]) -> list[Said] | None:
    """「未收到政府信息公开申请」「无结转」「未发生因政府信息公开引起的行政复议、行政诉讼」: stated zeros."""
    if r.clause_has_number(m[0]) or not r.this_year() or r.clause_has(m[0], "O"):
        return None  # 「未收到关于依申请公开工作的投诉」: what is denied is another topic
    out = []
    named_received = any(t.kind == "F" and t.key in ("received", "new") for t in m)
    for t in m[1:]:
        if t.kind == "F" and t.key in _ZERO_FIGURES:
            if r.topic != "other" and (r.about_requests() or t.key not in MAIN_FIGURES):
                out.append(Said(t.key, 0, None))
        elif t.kind == "V" and r.about_disclosure():
            out.append(Said(f"{t.key}.5", 0, None))
        elif t.kind == "T" and t.key == "request" and not named_received and r.topic != "other":
            out.append(Said("received", 0, None))
    return out or None


def _all_done(r: Reading, m: tuple[Tok, ...]) -> list[Said] | None:
    """「已全部办结」「均已办理完毕」: nothing is carried over to next year."""
    if m[-1].key != "done" or r.clause_has_number(m[0]) or r.ctx.main == "carried":
        return None
    if not (r.this_year() and r.about_requests() and r.topic != "other"):
        return None
    return [Said("carry", 0, None)]


def _case(r: Reading, m: tuple[Tok, ...]) -> list[Said] | None:
    """「被申请行政复议3件」「行政诉讼2件」: the 表四 总计 of that kind."""
    v, n = m[0], m[-1]
    return [_said(n, f"{v.key}.5")] if r.t4(n) else None


def _result(r: Reading, m: tuple[Tok, ...]) -> list[Said] | None:
    """「结果维持1件」, or the number first: 「1件尚未审结」, for the kind of case named before."""
    res = next(t for t in m if t.kind == "R")
    n = m[-1] if m[-1].kind == "N" else m[0]
    if r.ctx.case is None or not r.t4(n):
        return None
    return [_said(n, f"{r.ctx.case}.{res.key}")]


def _t2(r: Reading, m: tuple[Tok, ...]) -> list[Said] | None:
    """「制发行政规范性文件3件」「废止2件」「现行有效规章2件」: 表二, with the document or verb named before."""
    n = m[-1]
    doc = next((t.key for t in reversed(m) if t.kind == "D"), r.ctx.doc)
    verb = next((t.key for t in reversed(m) if t.kind == "W"), r.ctx.verb)
    if doc is None or verb is None or not r.t2(n):
        return None
    if len({t.key for t in m if t.kind == "W"}) > 1:
        return None  # 「制发和废止…共5件」
    return [_said(n, f"t2.{doc}.{verb}")]


# The grammar, in the order the shapes are tried at each token.
SHAPES: tuple[Shape, ...] = (
    Shape("restricted", r"[FV]_N[,(]Q?T_N", _restricted),
    Shape("each", r"[FV](?:J[FV])+_E_N", _each),
    Shape("joined", r"F(?:JF)+_N", _joined),
    Shape("everyone", r"F_A(?:J?A)+_N", _everyone, max_gap=12),
    Shape("applicant-list", r"A(?:JA)+_N", _applicant_list),
    Shape("figure", r"F_N", _figure),
    Shape("number-figure", r"N_F", _number_figure, max_gap=14),
    Shape("number-reason-figure", r"N_F_,?_F", _number_reason_figure, max_gap=14),
    Shape("applicant", r"A_N", _applicant),
    Shape("applicant-total", r"A,_N", _applicant_total),
    Shape("sum", r"S_N", _sum, max_gap=4),
    Shape("negated", r"X[TtQ]*(?:[FVT][TtQJ]*)+", _negated, max_gap=4),
    Shape("all-done", r"L_F", _all_done, max_gap=8),
    Shape("case", r"V_N", _case),
    Shape("case-total", r"V,Y?_N", _case_total),
    Shape("row", r"G_N|N_G", _row, max_gap=6),
    Shape("result", r"R_N|N_R", _result, max_gap=14),
    Shape("document", r"W(?:JW)*_D_N|D_W(?:JW)*_N|W(?:JW)*_N|D_N", _t2),
)


def _by_first_kind() -> dict[str, tuple[tuple[Shape, re.Pattern], ...]]:
    """The shapes that can start at a token of each kind, in grammar order."""
    out: dict[str, list] = {}
    for shape in SHAPES:
        rx = shape.compiled()
        for kind in first_chars(rx.pattern):
            out.setdefault(kind, []).append((shape, rx))
    return {k: tuple(v) for k, v in out.items()}


_STARTING = _by_first_kind()


def read(form_id: str, text: str, ctx: Context, year: int | None) -> tuple[tuple[Said, ...], Context]:
    """Return what one sentence states and the paragraph's context after it."""
    toks = tokens(form_id, text)
    r = Reading(text, toks, ctx, year)
    if not toks:
        return (), ctx
    letters = kinds(toks)
    out: list[Said] = []
    i = 0
    while i < len(toks):
        for shape, rx in _STARTING.get(letters[i], ()):
            m = rx.match(letters, i)
            if m is None or not _gaps_fit(text, toks, i, m.end(), shape.max_gap):
                continue
            saved = r.save()
            match = toks[i:m.end()]
            for t in match:
                r.take(t)
            said = shape.read(r, match)
            if said is None:
                r.restore(saved)
                continue
            out.extend(s for s in said if s not in out)
            i = m.end()
            break
        else:
            r.take(toks[i])
            i += 1
    # The topic a sentence set (「依申请公开方面，…」) stays for the rest of the paragraph.
    return tuple(out), r.ctx


def _gaps_fit(text: str, toks: tuple[Tok, ...], i: int, j: int, max_gap: int) -> bool:
    return all(toks[k + 1].start - toks[k].end <= max_gap for k in range(i, j - 1))
