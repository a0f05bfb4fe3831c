"""Where things are, as a reviewer reads it: a finding's cells 「表四“行政复议·总计”、…」, a file's name."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from ..messages import audit as msg
from ..rules.cells import cell_place

MAX_CELLS_LISTED = 6


def cells_text(form, refs) -> str:
    """Return where ``refs`` are in ``form`` (None: names of meta fields and the narrative only)."""
    return _cells_text(form.id if form is not None else None, tuple(refs))


@lru_cache(maxsize=8192)
def _cells_text(form_id, refs) -> str:
    from ..schema import get_form

    form = get_form(form_id) if form_id else None
    names = []
    for ref in refs:
        if form is not None and form.has_cell(ref):
            names.append(cell_place(form.cell(ref)))
        elif ref.startswith("text."):
            names.append(msg.NARRATIVE_PLACE)
        elif ref.startswith(("t2", "t3", "t4")) and form is not None:
            names.append(_row_or_table(form, ref))
        else:
            names.append(msg.META_NAMES.get(ref, ref))
    names = list(dict.fromkeys(names))
    if len(names) > MAX_CELLS_LISTED:
        return msg.more_places("、".join(names[:MAX_CELLS_LISTED]), len(names))
    return "、".join(names)


def _row_or_table(form, ref: str) -> str:
    """A read note's row (``t3.r01``) or table (``t3``)."""
    from ..rules.cells import short_row
    from ..schema import TABLE_NAMES

    table = ref.split(".", 1)[0]
    row = ref.split(".", 1)[1] if "." in ref else ""
    for r in form.table(table).rows if table in TABLE_NAMES else ():
        if r.id == row:
            return msg.row_place(TABLE_NAMES[table], short_row(r.label))
    return TABLE_NAMES.get(table, ref)


def file_names(files: list[str], also: tuple[str, ...] = ()) -> list[str]:
    """The files as a reviewer tells them apart: their names, or their paths where two names (with
    ``also``, the file the text is about) are the same (乡镇/报告.docx and 部门/报告.docx)."""
    every = [*files, *also]
    out = []
    for f in files:
        same = [g for g in every if Path(g).name == Path(f).name]
        if len(same) == 1:
            out.append(Path(f).name)
            continue
        try:  # the path below the folder the same-named files share: 乡镇/报告.docx
            common = os.path.commonpath([os.path.dirname(os.path.abspath(g)) for g in same])
            out.append(os.path.relpath(os.path.abspath(f), common))
        except ValueError:  # Windows: on different drives
            out.append(f)
    return out
