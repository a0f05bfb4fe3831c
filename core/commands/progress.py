"""A terminal progress bar on stderr for long runs (批量审核)."""

from __future__ import annotations

import sys
import time

MIN_FILES = 20  # fewer files finish before a bar would help
NON_TTY_MIN_FILES = 200  # without a terminal, only long runs print progress lines
WIDTH = 30


class ProgressBar:
    """``update(done, total)`` redraws a bar when stderr is a terminal; otherwise prints a line now and then."""

    def __init__(self, label: str, stream=None):
        self.label = label
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.shown = False
        self._last = 0.0
        self._last_pct = -1

    def update(self, done: int, total: int) -> None:
        if total < (MIN_FILES if self.tty else NON_TTY_MIN_FILES):
            return
        now = time.monotonic()
        if self.tty:
            if done < total and now - self._last < 0.1:
                return
            filled = WIDTH * done // total
            bar = "█" * filled + "░" * (WIDTH - filled)
            self.stream.write(f"\r{self.label} [{bar}] {done}/{total}")
        else:
            pct = 100 * done // total
            if pct // 10 == self._last_pct // 10 and done < total:
                return
            self._last_pct = pct
            self.stream.write(f"{self.label}：{done}/{total}（{pct}%）\n")
        self._last = now
        self.shown = True
        self.stream.flush()

    def close(self) -> None:
        if self.shown and self.tty:
            self.stream.write("\n")
            self.stream.flush()
