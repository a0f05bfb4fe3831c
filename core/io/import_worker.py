"""Reading untrusted documents in worker processes, each read with a time and a memory budget.

A document found on the web can make a reader work for minutes or take gigabytes even after
the caps in :mod:`core.io.limits`; in a worker process it costs at most ``seconds`` of wall
time and ``memory_mb`` of address space, and the window or the batch carries on.

How the budget is enforced:
- time: the parent waits for the answer at most ``seconds`` (counted from when the worker
  takes the job, not from its start-up) and then kills the worker and starts a fresh one;
- memory: on Linux (and other POSIX systems that honour it) the worker sets ``RLIMIT_AS``, so
  an allocation beyond the budget raises MemoryError inside the worker. Windows has no such
  per-process limit without a job object; there the time limit is the only budget, and a
  worker that exhausts memory dies and is reported like any crashed worker.

Workers are started with ``spawn`` (safe beside Qt's threads, the same on every platform; a
frozen app diverts them at its entry point, build_scripts/launcher.py, before the app starts).
"""

from __future__ import annotations

import atexit
import os
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

from ..errors import FileReadError, ReportError
from ..messages import limits as text

READ_SECONDS = 6.0  # one file; a real report reads in well under a second, a PDF in about one
READ_MEMORY_MB = 1024
START_SECONDS = 60.0  # a worker that has not started by then (a stalled disk, antivirus) is given up
WARM = ("core.io.reader", "core.audit", "core.rules")  # imported by each worker before its first job


class ReadTimeout(FileReadError):
    """Reading a file took longer than its budget."""




@dataclass
class Outcome:
    """What one job gave: ``value`` when ``ok``; else ``kind`` and a Chinese ``message``."""

    kind: str  # "ok", "report" (a ReportError), "timeout", "memory", "crash", "bug"
    value: Any = None
    message: str = ""
    error_type: str = ""

    @property
    def ok(self) -> bool:
        return self.kind == "ok"

    def raise_error(self) -> None:
        """Raise the outcome as the FileReadError the caller would have got reading in-process."""
        if self.kind == "timeout":
            raise ReadTimeout(self.message)
        raise FileReadError(self.message)


# -- the worker process ------------------------------------------------------------------
def _limit_memory(memory_mb: int | None) -> None:
    if not memory_mb:
        return
    try:
        import resource
    except ImportError:  # Windows: see the module docstring
        return
    limit = memory_mb * 1024 * 1024
    try:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        pass


def _serve(conn, memory_mb: int | None, warm: tuple[str, ...]) -> None:
    """Worker main loop: answer ("ok"|…, payload) for every (function, args) received.

    The modules in ``warm`` are imported first, so that a job's time is spent on its file.
    """
    import importlib

    _limit_memory(memory_mb)
    for name in warm:
        importlib.import_module(name)
    conn.send(("ready",))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        func, args = job
        try:
            answer = ("ok", func(*args))
        except ReportError as exc:
            answer = ("report", str(exc), type(exc).__name__)
        except MemoryError:
            answer = ("memory", text.OUT_OF_MEMORY, "MemoryError")
        except RecursionError:
            answer = ("bug", text.TOO_DEEP, "RecursionError")
        except Exception as exc:  # noqa: BLE001 - a reader bug becomes a message, not a dead batch
            answer = ("bug", text.reader_bug(type(exc).__name__), type(exc).__name__)
        try:
            conn.send(answer)
        except MemoryError:
            conn.send(("memory", text.OUT_OF_MEMORY, "MemoryError"))
        except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
            conn.send(("bug", text.result_lost(type(exc).__name__), type(exc).__name__))


class _Worker:
    def __init__(self, ctx, memory_mb: int | None, warm: tuple[str, ...]):
        parent, child = ctx.Pipe()
        self.conn = parent
        self.process = ctx.Process(target=_serve, args=(child, memory_mb, warm), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self.queue: deque[tuple[int, tuple]] = deque()  # jobs sent, in order; the first one is running
        self.deadline = 0.0  # of the running job
        self.started = time.monotonic()

    def kill(self) -> None:
        try:
            self.process.kill()
        except (OSError, AttributeError):
            pass
        self.process.join(5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.process.join(2)
        if self.process.is_alive():
            self.kill()
        else:
            self.conn.close()


class LimitedPool:
    """Worker processes that run jobs one after another, every job within ``seconds``.

    Jobs are module-level functions with picklable arguments and results. A job that runs out
    of time or memory, or whose worker dies, gives an :class:`Outcome` with a Chinese message;
    the worker is replaced and the other jobs go on. Each worker has up to ``QUEUED`` jobs sent
    ahead so that it never waits for the parent; a job's time starts when the one before it ends.
    """

    QUEUED = 2

    def __init__(self, workers: int = 1, *, seconds: float = READ_SECONDS,
                 memory_mb: int | None = READ_MEMORY_MB, warm: tuple[str, ...] = WARM):
        import multiprocessing

        self.ctx = multiprocessing.get_context("spawn")
        self.size = max(1, workers)
        self.seconds = seconds
        self.memory_mb = memory_mb
        self.warm = warm
        self.idle: list[_Worker] = []

    def _spawn(self) -> _Worker:
        return _Worker(self.ctx, self.memory_mb, self.warm)

    def start(self) -> None:
        """Start the workers now (in the background), so that the first job need not wait for them."""
        while len(self.idle) < self.size:
            self.idle.append(self._spawn())

    def _feed(self, w: _Worker, func: Callable, pending: deque) -> None:
        while w.ready and pending and len(w.queue) < self.QUEUED:
            index, args = pending.popleft()
            if not w.queue:
                w.deadline = time.monotonic() + self.seconds
            w.queue.append((index, args))
            try:
                w.conn.send((func, args))
            except OSError:
                return  # the worker died: its pipe reads as closed

    def _outcome(self, w: _Worker, ready: list) -> Outcome | None:
        """Return the outcome of ``w``'s running job if it has one now (None: still running)."""
        now = time.monotonic()
        if w.conn in ready:
            try:
                answer = w.conn.recv()
            except (EOFError, OSError):
                answer = ("crash", text.WORKER_DIED, "")
            if answer[0] == "ready":
                w.ready = True
                return None
            if not w.queue:  # died before taking a job
                raise FileReadError(text.WORKER_NOT_STARTED)
            if answer[0] == "ok":
                return Outcome("ok", value=answer[1])
            return Outcome(answer[0], message=answer[1], error_type=answer[2])
        if w.queue and now >= w.deadline:
            return Outcome("timeout", message=text.timed_out(self.seconds))
        if not w.ready and now >= w.started + START_SECONDS:
            raise FileReadError(text.WORKER_NOT_STARTED)
        return None

    def run(self, func: Callable, jobs: Iterable[tuple], should_stop: Callable[[], bool] | None = None
            ) -> Iterator[tuple[int, Outcome]]:
        """Run ``func(*args)`` for every args tuple of ``jobs``; yield ``(index, outcome)`` as each ends."""
        from multiprocessing.connection import wait

        pending = deque(enumerate(jobs))
        workers, self.idle = self.idle, []
        while len(workers) < min(self.size, len(pending)):
            workers.append(self._spawn())
        try:
            while pending or any(w.queue for w in workers):
                if should_stop and should_stop():
                    break
                for w in workers:
                    self._feed(w, func, pending)
                waiting = [w for w in workers if w.queue or not w.ready]
                if not waiting:
                    break
                until = min(w.deadline if w.queue else w.started + START_SECONDS for w in waiting)
                ready = wait([w.conn for w in waiting], timeout=max(0.0, until - time.monotonic()))
                for w in waiting:
                    outcome = self._outcome(w, ready)
                    if outcome is None:
                        continue
                    index, _ = w.queue.popleft()
                    if outcome.kind in ("timeout", "crash", "memory"):
                        # A worker that ran out of time or memory may be in any state: replace it
                        # and give the jobs queued behind it to another.
                        pending.extendleft(reversed(w.queue))
                        w.queue.clear()
                        workers.remove(w)
                        w.kill()
                        if pending:
                            workers.append(self._spawn())
                    elif w.queue:
                        w.deadline = time.monotonic() + self.seconds
                    yield index, outcome
        finally:
            for w in workers:
                if not w.queue and w.ready and w.process.is_alive():
                    self.idle.append(w)  # kept warm for the next run
                else:
                    w.kill()

    def close(self) -> None:
        """Stop the workers kept for later runs."""
        workers, self.idle = self.idle, []
        for w in workers:
            w.stop()


# -- one import at a time (the window) -----------------------------------------------------
def _read(path: str):
    from .reader import read_any

    return read_any(path)


_shared: LimitedPool | None = None
_shared_lock = threading.Lock()


def _shared_pool() -> LimitedPool:
    global _shared
    if _shared is None:
        _shared = LimitedPool(1, warm=("core.io.reader",))
        atexit.register(_shared.close)
    return _shared


def prestart() -> None:
    """Start the worker :func:`read_isolated` uses now, in the background (the clerk is choosing a file)."""
    with _shared_lock:
        _shared_pool().start()


def read_isolated(path: str | os.PathLike, *, seconds: float | None = None,
                  memory_mb: int | None = None):
    """Read ``path`` like :func:`core.io.reader.read_any`, in a worker process within a budget.

    Raise :class:`ReadTimeout` when it takes longer than ``seconds`` and FileReadError (Chinese)
    for every other failure. One worker is kept warm between calls; calls from several threads
    take turns.
    """
    with _shared_lock:
        pool = _shared_pool()
        pool.seconds = seconds or READ_SECONDS
        if memory_mb is not None and memory_mb != pool.memory_mb:
            pool.close()
            pool.memory_mb = memory_mb
        outcomes = [outcome for _, outcome in pool.run(_read, [(os.fspath(path),)])]
    if not outcomes:  # pragma: no cover - run() yields one outcome per job
        raise FileReadError(text.UNEXPECTED)
    if not outcomes[0].ok:
        outcomes[0].raise_error()
    return outcomes[0].value
