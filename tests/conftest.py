"""Shared fixtures. Qt runs offscreen; tests under tests/gui are marked ``gui``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/gui" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def seeds_dir() -> Path:
    # The seeds are the independent truth of the import tests: without them those tests must fail.
    assert SEEDS.is_dir(), "../shared/seeds is not beside this checkout (see README: the worktree layout)"
    return SEEDS
