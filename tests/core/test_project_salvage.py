"""Reading what is left of a damaged project file: the narrative the clerk wrote, by its keys."""

from __future__ import annotations

from core.io import project_file
from core.io.project_salvage import salvage

from .helpers import seed


def test_a_whole_file_gives_every_section():
    r = seed(1)
    got = salvage(project_file.dumps(r).encode("utf-8"))
    assert got.unit == r.meta["unit"] and got.year == "2024"
    assert {k: text for k, _, text in got.sections} == {k: v for k, v in r.text.items() if v.strip()}
    assert dict((k, title) for k, title, _ in got.sections)["overview"] == "一、总体情况"


def test_a_file_cut_anywhere_gives_what_was_written_before_the_cut():
    r = seed(1)
    raw = project_file.dumps(r).encode("utf-8")
    overview_at = raw.find(b'"overview"')
    for cut in range(200, len(raw), 97):
        got = {k: text for k, _, text in salvage(raw[:cut]).sections}
        for key, text in got.items():
            assert r.text[key].startswith(text.rstrip("\ufffd")), (cut, key)
        if cut > overview_at + 200:
            assert len(got["overview"]) > 50  # the part before the cut is offered


def test_garbage_gives_nothing():
    assert salvage(b"\x00\xff" * 1000).empty
    assert salvage(b"").empty
