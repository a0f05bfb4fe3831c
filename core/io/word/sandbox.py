"""The Jinja environment user templates run in: sandboxed, strict, and bounded in size and time.

The sandbox (no private attributes, no unsafe calls, no changing lists or dicts) keeps a
template from reaching the program; the bounds keep it from hanging or filling the memory of
the clerk's PC: ``'a' * 10**9``, ``10**10**10``, ``'a'.center(10**9)``, ``lipsum(10**6)``, a string
doubled in a loop and nested ``range`` loops are stopped with a Chinese message instead.

- ``*``, ``**``, ``%`` and ``+`` are intercepted (``intercepted_binops``) and refuse results over
  :data:`MAX_STRING` characters or numbers over :data:`MAX_POWER_BITS` bits;
- ``range`` holds at most :data:`MAX_RANGE` numbers; size arguments of filters, of ``lipsum`` and
  of string methods (``center``, ``ljust`` …, format widths) at most :data:`MAX_WIDTH`;
- ``~`` joins at most :data:`MAX_STRING` characters, a part's output at most :data:`MAX_OUTPUT`;
- :func:`time_limit` stops a render that runs longer than :data:`TIME_LIMIT` seconds.
"""

from __future__ import annotations

import ctypes
import math
import os
import re
import string
import sys
import threading
from typing import Any

from ...messages import template as msg
from .errors import TemplateError

MAX_STRING = 1_000_000  # characters in one value
MAX_OUTPUT = 20_000_000  # characters of XML one part renders to (a report's body is ~0.3 MB)
MAX_RANGE = 10_000
MAX_WIDTH = 10_000  # a width, count or length argument
MAX_POWER_BITS = 4_096
TIME_LIMIT = 10  # seconds for rendering a whole document (a report takes well under one)

_SIZED_METHODS = {"center", "ljust", "rjust", "zfill", "expandtabs"}
_PRINTF_WIDTH = re.compile(r"%[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _limit(what: str, limit: int):
    """``what`` is a key of :data:`core.messages.template.LIMITED`."""
    return TemplateError(msg.too_large(what, limit))


def _check_size(value: Any) -> Any:
    if isinstance(value, (str, list, tuple)) and len(value) > MAX_STRING:
        raise _limit("sequence", MAX_STRING)
    return value


def _check_width(value: Any) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_WIDTH:
        raise _limit("width", MAX_WIDTH)


def _check_format_spec(fmt: str) -> None:
    """Widths in a ``str.format`` string (``{:>999999999}``) or a printf string (``%999999999d``)."""
    for _, _, spec, _ in string.Formatter().parse(fmt):
        for number in re.findall(r"\d+", spec or ""):
            _check_width(int(number))
    for m in _PRINTF_WIDTH.finditer(fmt):
        for part in m.groups():
            if part == "*":
                raise _limit("width", MAX_WIDTH)
            if part:
                _check_width(int(part))


def _binop(op: str, left: Any, right: Any) -> None:
    """Refuse an intercepted operation whose result would be too large, before computing it."""
    if op == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_STRING:
                raise _limit("sequence", MAX_STRING)
    elif op == "**" and isinstance(left, int) and isinstance(right, int) and right > 0:
        if abs(left) > 1 and right * math.log2(abs(left)) > MAX_POWER_BITS:
            raise _limit("number", 2 ** 31)
    elif op == "%" and isinstance(left, str):
        _check_format_spec(left)
    elif op == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
        if len(left) + len(right) > MAX_STRING:
            raise _limit("sequence", MAX_STRING)


def _limited_join(join):
    def joined(seq):
        items = list(seq)
        if sum(len(x) if isinstance(x, str) else len(str(x)) for x in items) > MAX_STRING:
            raise _limit("text", MAX_STRING)
        return join(items)

    return joined


def _limited_filter(fn, name: str = ""):
    """``fn`` with its size arguments and its result bounded (a filter or a global function)."""
    skip = 2 if hasattr(fn, "jinja_pass_arg") else 1  # the context Jinja passes, the value filtered

    def filtered(*args, **kwargs):
        for value in (*args[skip:], *kwargs.values()):
            _check_width(value)
        if name == "format" and len(args) >= skip and isinstance(args[skip - 1], str):
            _check_format_spec(args[skip - 1])
        return _check_size(fn(*args, **kwargs))

    if hasattr(fn, "jinja_pass_arg"):  # @pass_context & co. tell Jinja what to pass
        filtered.jinja_pass_arg = fn.jinja_pass_arg
    return filtered


def _lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:  # noqa: A002
    """Jinja's ``lipsum``, at most 100 paragraphs of at most 1,000 words."""
    from jinja2.utils import generate_lorem_ipsum

    if n > 100 or max > 1000 or min > 1000:
        raise _limit("lipsum", 1000)
    return generate_lorem_ipsum(n, html, min, max)


def _safe_range(*args: int) -> range:
    rng = range(*args)
    if len(rng) > MAX_RANGE:
        raise _limit("range", MAX_RANGE)
    return rng


def make_environment():
    """A sandboxed, strict, autoescaping, bounded Jinja environment that compiles each source once."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class _Template(ImmutableSandboxedEnvironment.template_class):
        @classmethod
        def from_code(cls, environment, code, globals, uptodate=None):
            t = super().from_code(environment, code, globals, uptodate)
            names = t.root_render_func.__globals__  # the module the template compiled to
            for name in ("markup_join", "str_join"):  # what ``~`` calls
                names[name] = _limited_join(names[name])
            return t

        def render(self, *args, **kwargs):
            ctx = self.new_context(dict(*args, **kwargs))
            out, size = [], 0
            try:
                for chunk in self.root_render_func(ctx):
                    size += len(chunk)
                    if size > MAX_OUTPUT:
                        raise TemplateError(msg.too_much_output(MAX_OUTPUT // 1_000_000))
                    out.append(chunk)
            except TemplateError:
                raise
            except Exception:
                self.environment.handle_exception()
            return "".join(out)

    class _Environment(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset(("*", "**", "%", "+"))
        template_class = _Template

        def __init__(self):
            super().__init__(undefined=StrictUndefined, autoescape=True)
            self.compiled: dict[str, Any] = {}
            self.globals["range"] = _safe_range
            self.globals["lipsum"] = _lipsum
            self.filters = {name: _limited_filter(fn, name) for name, fn in self.filters.items()}

        def from_string(self, source, globals=None, template_class=None):
            if isinstance(source, str) and globals is None and template_class is None:
                cached = self.compiled.get(source)
                if cached is not None:
                    return cached
            return super().from_string(source, globals, template_class)

        def call_binop(self, context, operator, left, right):
            _binop(operator, left, right)
            return _check_size(super().call_binop(context, operator, left, right))

        def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's signature)
            if getattr(__obj, "__name__", None) in _SIZED_METHODS and isinstance(
                    getattr(__obj, "__self__", None), str):
                for value in (*args, *kwargs.values()):
                    _check_width(value)
            elif getattr(__obj, "__name__", None) == "replace" and isinstance(getattr(__obj, "__self__", None), str):
                text = __obj.__self__
                new = args[1] if len(args) > 1 else kwargs.get("new", "")
                if isinstance(new, str) and (len(text) + 1) * max(len(new), 1) > MAX_STRING:
                    raise _limit("text", MAX_STRING)
            return _check_size(super().call(__context, __obj, *args, **kwargs))

        def wrap_str_format(self, value):
            wrapped = super().wrap_str_format(value)
            if wrapped is None:
                return None
            fmt = value.__self__

            def checked(*args, **kwargs):
                _check_format_spec(fmt)
                return _check_size(wrapped(*args, **kwargs))

            return checked

    return _Environment()


class _TimeUp(BaseException):
    """Raised inside the rendering thread when the time is up (not an Exception: nothing swallows it)."""


class time_limit:
    """Stop the code in this ``with`` block after ``seconds`` with a Chinese TemplateError.

    A timer thread raises :class:`_TimeUp` in the rendering thread between two bytecodes
    (CPython's ``PyThreadState_SetAsyncExc``), and only while that thread runs template code or
    Jinja: elsewhere (a garbage-collector callback, a ``__del__``) the exception would be
    swallowed, so the timer tries again a moment later. A single long C call is bounded by the
    size limits above instead.
    """

    RETRY = 0.01  # seconds between tries once the time is up

    def __init__(self, seconds: float | None = None):
        self.seconds = TIME_LIMIT if seconds is None else seconds
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._fired = False

    @staticmethod
    def _in_template_code(frame) -> bool:
        name = frame.f_code.co_filename if frame is not None else ""
        return name == "<template>" or f"{os.sep}jinja2{os.sep}" in name

    def _watch(self) -> None:
        if self._done.wait(self.seconds):
            return
        while not self._done.is_set():
            with self._lock:
                if self._done.is_set():
                    return
                if self._in_template_code(sys._current_frames().get(self._thread)):
                    self._fired = True
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._thread),
                                                               ctypes.py_object(_TimeUp))
            self._done.wait(self.RETRY)

    def __enter__(self):
        self._thread = threading.get_ident()
        self._watcher = threading.Thread(target=self._watch, name="template-time-limit", daemon=True)
        self._watcher.start()
        return self

    def __exit__(self, exc_type, exc, tb):
        try:
            with self._lock:
                self._done.set()
                if self._fired:  # fired but perhaps not delivered yet: take it back
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._thread), None)
        except _TimeUp:
            pass
        if self._fired or exc_type is _TimeUp:
            raise TemplateError(msg.too_slow(int(self.seconds))) from None
        return False
