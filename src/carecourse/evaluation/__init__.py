"""How far the grader agrees with people: it grades replies a trainer or labeller marked.

- ``agreement``: a rubric's own marked samples (``carecourse rubric test``), per-criterion
  agreement and confusion tables.
- ``validity``: the corpora written by people who never saw the lexicons (``tests/data/``):
  criterion and penalty accuracy, the level bands and their QWK (``bench/validity.py``).
- ``detection``: the same for the techniques ``carecourse analyze`` finds, on staff replies
  from other service settings: precision, recall and F1 per technique.

It sits on top of the pipeline (it calls ``carecourse.pipeline.grade``); nothing in the
pipeline imports it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path


def jsonl(path: str | Path) -> Iterator[dict]:
    """The objects of a JSON Lines file, one per non-blank line."""
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)
