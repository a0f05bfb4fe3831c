"""表三's （六）其他处理 printed the other format's way (2019's single row in a 2021 table, or 2021's
three rows in a 2019 table): no figure is lost, and the clerk is told where it went."""

from __future__ import annotations

from ...messages import reading as msg
from .cell_values import parse_value
from .grid import Record
from .labels import OLD_OTHER_ROW, T3_KEYS, match_labels, norm_label
from .reading import TableReading, row_spec

class OtherRows:
    """（六）其他处理 printed the other format's way.

    A 2021-format report may print the old single 「（六）其他处理」 row of 2019: its figures are kept
    in 「3.其他」, the two new rows are left blank, and the clerk is told to split them. A 2019-format
    report may print the three rows of 2021: their figures are added up into its single row.
    """

    def __init__(self, reading: TableReading):
        self.reading = reading
        self.group: tuple[str, Record] | None = None  # a 「（六）其他处理」 row with values (2021 tables)
        self.split: list[tuple[str, str, Record]] = []  # (2021 row id, label, record) in 2019 tables
        self.last: str | None = None

    def is_group(self, labels: list[str]) -> bool:
        return self.reading.form.id == "gb2021" and bool(labels) and norm_label(labels[-1]).endswith(OLD_OTHER_ROW)

    def take(self, labels: list[str], rec: Record, previous: str | None) -> bool:
        """In 2019 tables, take a row of the three 2021 rows; return whether it was one."""
        if self.reading.tid != "t3" or self.reading.form.id != "gb2019":
            return False
        keys = [k for k in T3_KEYS["gb2021"] if k[0] in ("r21", "r22", "r23")]
        before = self.split[-1][0] if self.split else None
        row_id, shown = match_labels(labels, keys, frozenset(), before)
        if row_id is None:
            return False
        self.split.append((row_id, shown, rec))
        self.last = "r21"
        return True

    def finish(self, seen: dict[str, str]) -> None:
        reading = self.reading
        if self.group is not None:
            shown, rec = self.group
            rows = reading.form.t3_group("otherproc").rows
            if any(r in seen for r in rows):
                reading.groups += 1  # the printed subtotal of the three rows
            else:
                self._old_row(shown, rec, rows, seen)
        if self.split:
            self._new_rows(seen)

    def _old_row(self, shown: str, rec: Record, rows: tuple[str, ...], seen: dict[str, str]) -> None:
        reading = self.reading
        *new, other = rows
        reading.fill(other, rec.values[:7])
        for r in rows:
            seen[r] = shown
        labels = [row_spec(reading.form, "t3", r).label for r in rows]
        cells = [ref for r in new for ref in row_spec(reading.form, "t3", r).cells]
        reading.deviate("old-row", shown, msg.deviation_old_other_row(shown, labels), cells)

    def _new_rows(self, seen: dict[str, str]) -> None:
        reading = self.reading
        target = reading.form.t3_group("otherproc").rows[0]
        shown = "、".join(label for _, label, _ in self.split)
        if target in seen:
            reading.groups += 1  # 「（六）其他处理」 printed with its three rows under it: the rows are its parts
            reading.deviate("new-rows", shown, msg.deviation_new_other_rows_kept(shown))
            return
        spec_row = row_spec(reading.form, "t3", target)
        for k, ref in enumerate(spec_row.cells):
            numbers = []
            for _, _, rec in self.split:
                text = rec.values[k] if k < len(rec.values) else ""
                value, _note, _mark = parse_value(text, reading.form.cell(ref))
                if value is not None and not isinstance(value, str):
                    numbers.append(value)
            reading.put(ref, str(sum(numbers)) if numbers else "")
        seen[target] = shown
        reading.deviate("new-rows", shown, msg.deviation_new_other_rows_added(shown, spec_row.label),
                        spec_row.cells)
