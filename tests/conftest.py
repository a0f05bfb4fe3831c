"""Shared fixtures. Qt runs offscreen; tests under tests/gui are marked ``gui``.

A plain ``pytest`` (no test named) leaves out the tests marked ``slow`` (LibreOffice, Chromium,
whole processes, worker processes, time limits, long property runs) so that it takes well under
a minute; naming files or tests runs all of theirs, ``--slow`` runs everything, and so does
``bash .ci/run``.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Byte code of the tests (rewritten by pytest) and of core/ and gui/ is kept even where the
# environment says PYTHONDONTWRITEBYTECODE (git ignores __pycache__): compiling it all again
# costs every run some 6 s of CPU.
sys.dont_write_bytecode = False

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def pytest_addoption(parser):
    parser.addoption("--slow", action="store_true",
                     help="also run the tests marked slow when no test is named (.ci/run does)")


def _runs_slow(config) -> bool:
    """Slow tests run when asked for, when tests were named, or when -m chooses by mark."""
    return (config.getoption("--slow") or bool(config.getoption("markexpr"))
            or config.args_source is not pytest.Config.ArgsSource.TESTPATHS)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/gui" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.gui)
    if not _runs_slow(config):
        slow = [item for item in items if item.get_closest_marker("slow")]
        if slow:
            config.hook.pytest_deselected(items=slow)
            items[:] = [item for item in items if not item.get_closest_marker("slow")]
            config.stash[_LEFT_OUT] = len(slow)


_LEFT_OUT = pytest.StashKey[int]()


def pytest_terminal_summary(terminalreporter, config):
    if not _runs_slow(config):  # (under pytest -n the workers deselect, and only they know how many)
        count = config.stash.get(_LEFT_OUT, 0)
        terminalreporter.write_line(f"{f'{count} ' if count else ''}tests marked slow left out: "
                                    "`pytest --slow` or `bash .ci/run` runs them too")


@pytest.fixture(scope="session", autouse=True)
def _own_folders(tmp_path_factory):
    """No test touches the developer's settings, recovery or template-cache folders; the tests of
    one run share one cache of compiled templates (tests of the cache itself set their own)."""
    base = tmp_path_factory.mktemp("app-folders")
    with pytest.MonkeyPatch.context() as mp:
        for var, name in (("NIANBAO_SETTINGS_DIR", "settings"), ("NIANBAO_DATA_DIR", "data"),
                          ("NIANBAO_CACHE_DIR", "cache")):
            mp.setenv(var, str(base / name))
        yield


@pytest.fixture
def seeds_dir() -> Path:
    # The seeds are the independent truth of the import tests: without them those tests must fail.
    assert SEEDS.is_dir(), "../shared/seeds is not beside this checkout (see README: the worktree layout)"
    return SEEDS


@pytest.fixture(scope="session")
def office(tmp_path_factory):
    """LibreOffice, shared by the whole run: ``office.convert([paths], "pdf")`` (see tests/office.py)."""
    from .office import Office

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return Office(soffice, tmp_path_factory.mktemp("office"))


@pytest.fixture(scope="session")
def seed_export(tmp_path_factory):
    """``seed_export(n, ".docx")`` is seed ``n`` (tests/data/seeds) exported once for the whole run,
    as ``.docx``, ``.xlsx`` or ``.html`` (forced: seed 0 has T4 errors). The file is shared: read
    it, or copy it before changing it; a changed one fails the run at its end."""
    import hashlib

    from core.io import export

    from .core.helpers import seed

    folder = tmp_path_factory.mktemp("seed-exports")
    writers = {".docx": export.export_docx, ".xlsx": export.export_xlsx, ".html": export.export_html}
    made: dict[Path, str] = {}

    def get(n: int, suffix: str) -> Path:
        path = folder / f"seed{n}{suffix}"
        if path not in made:
            writers[suffix](seed(n), path, force=True)
            made[path] = hashlib.sha256(path.read_bytes()).hexdigest()
        return path

    yield get
    changed = [p.name for p, digest in made.items() if hashlib.sha256(p.read_bytes()).hexdigest() != digest]
    assert not changed, f"a test changed the shared exports {changed}: copy them first"
