"""Long work off the GUI thread: one helper for open, import, export, merge and batch audit.

In the spirit of Anki's ``CollectionOp``: :class:`BackgroundOp` runs a callable ``work(progress)``
in a worker thread and calls ``on_success(result)`` or ``on_failure(exc)`` back on the GUI thread.
While it runs, the window keeps painting but takes no input (a busy cursor; after a short delay a
progress dialog with 取消). Cancel closes the dialog at once and drops the outcome; ``work`` sees
``progress.cancelled`` and should stop soon. The GUI thread never waits for ``work``, whatever it
does — work that must be killable (untrusted files) belongs in a worker process inside ``work``.
"""

from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from . import strings

SHOW_AFTER_MS = 400  # quick operations never flash a dialog
_INPUT = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut,
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel, QEvent.Type.Drop, QEvent.Type.DragEnter, QEvent.Type.ContextMenu,
})


class Cancelled(Exception):
    """Raised inside ``work`` (by :meth:`Progress.check`) when the user pressed 取消."""


class Progress(QObject):
    """Handed to ``work``: report how far it got and ask whether to stop. Safe from any thread."""

    changed = Signal(int, int, str)  # done, total (0: unknown), text

    def __init__(self):
        super().__init__()
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def request_cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the user asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()

    def update(self, done: int, total: int, text: str = "") -> None:
        self.changed.emit(done, total, text)

    def phase(self, text: str) -> None:
        """Name a step whose length is unknown (「正在写入审核结果……」)."""
        self.changed.emit(0, 0, text)


class _Outcome(QObject):
    """Carries the result from the worker to the GUI thread; owned by Python, so a window closed
    meanwhile cannot delete it under the worker's feet."""

    done = Signal(object, object)  # result, exception


def _run(work: Callable, progress: Progress, outcome: _Outcome) -> None:
    """The worker thread: it touches only ``progress`` and ``outcome``, never a widget."""
    try:
        result = work(progress)
    except BaseException as exc:  # noqa: BLE001 - every failure is reported on the GUI thread
        outcome.done.emit(None, exc)
    else:
        outcome.done.emit(result, None)


class _InputBlocker(QObject):
    """Swallows mouse and keyboard input everywhere but in the progress dialog while work runs."""

    def __init__(self, parent: QObject, allowed: QWidget):
        super().__init__(parent)
        self.allowed = allowed

    def eventFilter(self, obj, event) -> bool:
        if event.type() in _INPUT and isinstance(obj, QWidget) and obj.window() is not self.allowed:
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # taken by the widget: no menu shortcut fires either
            return True
        return False


class BackgroundOp(QObject):
    """Run ``work(progress)`` off the GUI thread; see the module doc.

    ``state`` is "ready", "running", "done", "failed" or "cancelled"; ``result`` / ``error`` hold the outcome.
    """

    finished = Signal()
    running: set["BackgroundOp"] = set()  # ops under way, so that closing the window can stop them

    def __init__(self, window: QWidget, work: Callable[[Progress], Any], *, title: str, label: str,
                 on_success: Callable[[Any], None] | None = None,
                 on_failure: Callable[[BaseException], None] | None = None, cancellable: bool = True):
        super().__init__(window)
        self.window, self.work = window, work
        self.on_success, self.on_failure = on_success, on_failure
        self.state = "ready"
        self.result: Any = None
        self.error: BaseException | None = None
        self.progress = Progress()
        self.dialog = QProgressDialog(label, strings.BTN_CANCEL, 0, 0, window)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumDuration(2**30)  # shown by our own timer, never by its estimate
        self.dialog.setMinimumWidth(360)
        self.dialog.canceled.connect(self.cancel)
        self.dialog.hide()
        self._label = label
        self._blocker = _InputBlocker(self, self.dialog)
        self._show_timer = QTimer(self, singleShot=True, interval=SHOW_AFTER_MS, timeout=self._show_dialog)
        self.progress.changed.connect(self._progressed)
        self._outcome = _Outcome()
        self._outcome.done.connect(self._finish, Qt.ConnectionType.QueuedConnection)

    # -- running ---------------------------------------------------------------------------
    def start(self) -> "BackgroundOp":
        if self.state != "ready":
            return self
        self.state = "running"
        BackgroundOp.running.add(self)
        QApplication.instance().installEventFilter(self._blocker)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._show_timer.start()
        threading.Thread(target=_run, args=(self.work, self.progress, self._outcome), name="nianbao-background",
                         daemon=True).start()
        return self

    def cancel(self) -> None:
        """Stop waiting: the dialog closes now, ``work`` is told to stop, its outcome is dropped."""
        if self.state != "running":
            return
        self.progress.request_cancel()
        self.state = "cancelled"
        self._end()
        self.finished.emit()

    def _finish(self, result, error) -> None:
        if self.state != "running":
            return  # cancelled meanwhile: the clerk has moved on
        self._end()
        try:
            if error is None:
                self.state, self.result = "done", result
                if self.on_success is not None:
                    self.on_success(result)
            elif isinstance(error, Cancelled):
                self.state = "cancelled"
            else:
                self.state, self.error = "failed", error
                if self.on_failure is not None:
                    self.on_failure(error)
        finally:
            self.finished.emit()  # also when a callback raised: nobody waits for ever

    def _end(self) -> None:
        BackgroundOp.running.discard(self)
        self._show_timer.stop()
        QApplication.instance().removeEventFilter(self._blocker)
        QGuiApplication.restoreOverrideCursor()
        self.dialog.reset()  # also stops Qt's own show timer, armed for 4 s when the dialog was made
        self.dialog.hide()

    # -- the dialog ------------------------------------------------------------------------
    def _show_dialog(self) -> None:
        if self.state == "running":
            self.dialog.show()

    def _progressed(self, done: int, total: int, text: str) -> None:
        if self.state != "running":
            return
        self.dialog.setLabelText(text or self._label)
        self.dialog.setMaximum(max(total, 0))
        if total:
            self.dialog.setValue(min(done, total))

    # -- waiting (tests, screenshots, start-up with a file) ----------------------------------
    def wait(self, timeout_ms: int = 120_000) -> bool:
        """Run the event loop until the work is over; return whether it succeeded."""
        if self.state == "running":
            loop = QEventLoop()
            self.finished.connect(loop.quit)
            QTimer.singleShot(timeout_ms, loop.quit)
            if self.state == "running":
                loop.exec()
        return self.state == "done"


def cancel_all() -> None:
    """Stop waiting for every op under way (the window is closing)."""
    for op in list(BackgroundOp.running):
        op.cancel()


def run_in_background(window: QWidget, work: Callable[[Progress], Any], **kwargs) -> BackgroundOp:
    """Create and start a :class:`BackgroundOp` (see there for the arguments)."""
    return BackgroundOp(window, work, **kwargs).start()
