"""The published Word document: a docxtpl template scrubbed, its tags repaired and checked, compiled once
and rendered in a bounded sandbox (``render.render`` is the entry)."""
