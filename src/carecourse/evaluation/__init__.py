"""How far the grader agrees with people: it grades replies a trainer or labeller marked.

- ``agreement``: a rubric's own marked samples (``carecourse rubric test``), per-criterion
  agreement and confusion tables.
- ``validity``: the corpora written by people who never saw the lexicons (``tests/data/``):
  criterion and penalty accuracy, the level bands and their QWK (``bench/validity.py``).

It sits on top of the pipeline (it calls ``carecourse.pipeline.grade``); nothing in the
pipeline imports it.
"""
