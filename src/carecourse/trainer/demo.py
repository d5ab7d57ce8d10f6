"""``carecourse demo``: a sample cohort run through the whole trainer workflow.

The learners' replies come from the repository's corpus of replies written by people who
never saw the rubrics (``tests/data/corpus``: a trainer's level 0-3 for each), chosen by each
learner's made-up skill, so the cohort's grades vary the way a real cohort's do; for a
course's own scenario, from its rubric's marked samples (excellent, partial, poor). Never
from a shipped rubric's samples: those are published, and a graded reply copying one earns
nothing (``assignments.published``). A few learners show what goes wrong in practice: a broken file, two
submissions, a deleted answer cell, a reply left empty, a file from someone not on the
roster, a learner who handed nothing in.
"""

from __future__ import annotations

import copy
import csv
import json
import os
import random
from functools import cache
from pathlib import Path

from carecourse.trainer.workspace import CourseError, Workspace
from carecourse.assignments import assignment_files
from carecourse.assignments.answers import answer_cell_id, write_answer
from carecourse.assignments.schema import ChoiceItem, MatchItem, NumberItem, OrderItem
from carecourse.vocabulary import LearnerStatus

__all__ = ["demo_roster", "learner_answers", "run_demo", "write_returned"]

SURNAMES = [("wang", "王"), ("li", "李"), ("zhang", "张"), ("liu", "刘"), ("chen", "陈"), ("yang", "杨"),
            ("zhao", "赵"), ("huang", "黄"), ("zhou", "周"), ("wu", "吴")]  # fmt: skip
GIVEN = [("fang", "芳"), ("wei", "伟"), ("min", "敏"), ("jing", "静"), ("lei", "磊"), ("yan", "燕"),
         ("qiang", "强"), ("lin", "琳"), ("jie", "杰"), ("hui", "慧")]  # fmt: skip
SEED = 20261123


def demo_roster(count: int) -> dict[str, str]:
    """``count`` made-up learners: wang_fang 王芳, li_fang 李芳, … (numbered after 100)."""
    pairs = [(s, g) for g in GIVEN for s in SURNAMES]
    roster = {}
    for k in range(count):
        (sid, sname), (gid, gname) = pairs[k % len(pairs)]
        suffix = "" if k < len(pairs) else str(k // len(pairs) + 1)
        roster[f"{sid}_{gid}{suffix}"] = f"{sname}{gname}{suffix}"
    return roster


def learner_answers(assignment, skill: float, rng: random.Random) -> dict[str, str]:
    return {item.id: _answer(item, skill, rng) for item in assignment.items}


def _answer(item, skill: float, rng: random.Random) -> str:
    right = rng.random() < skill
    if isinstance(item, ChoiceItem):
        letters = item.key if right else [rng.choice([o for o in item.options if o not in item.key])]
        return rng.choice(["{}", "{}", "{}", "选{}"]).format("".join(letters).lower() if rng.random() < 0.2 else "".join(letters))
    if isinstance(item, OrderItem):
        if right:
            return item.key
        k = rng.randrange(len(item.key) - 1)
        return item.key[:k] + item.key[k + 1] + item.key[k] + item.key[k + 2:]
    if isinstance(item, MatchItem):
        options = list(item.options)
        pairs = {n: (k if rng.random() < skill else rng.choice(options)) for n, k in item.key.items()}
        return " ".join(f"{n}-{k}" for n, k in pairs.items())
    if isinstance(item, NumberItem):
        return f"{item.key:g}" if right else f"{rng.choice([-item.key, item.key + 0.5, item.key - 1]):g}"
    roll = rng.random()
    band = 0 if roll < skill - 0.2 else (1 if roll < skill + 0.25 else 2)  # strong, middling, weak
    written = _corpus_replies(item.scenario)
    if written:
        pool = [text for text, level in written if level == (3, 2, 1)[band]]
    else:
        label = ("excellent", "partial", "poor")[band]
        samples = item.scenario_rubric.samples
        pool = [s.text.strip() for s in samples if s.label == label] or [samples[0].text.strip()]
    return rng.choice([text for text in pool if '"""' not in text] or pool)


def _corpus_replies(scenario: str) -> list[tuple[str, int]]:
    """(reply, trainer's level) for each corpus reply to ``scenario`` (none outside a checkout)."""
    return _corpus().get(scenario, [])


@cache
def _corpus() -> dict[str, list[tuple[str, int]]]:
    found: dict[str, list[tuple[str, int]]] = {}
    corpus = Path(__file__).resolve().parents[3] / "tests" / "data" / "corpus" / "dev.jsonl"
    if corpus.is_file():
        for line in corpus.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            found.setdefault(row["scenario"], []).append((row["text"], row["level"]))
    return found


def write_returned(ws: Workspace, assignment_id: str, roster: dict[str, str], folder: Path, *, mishaps=True) -> None:
    """Fill the released notebook in as each learner would and save it in ``folder``."""
    assignment = ws.assignment(assignment_id)
    released = json.loads(ws.release(assignment_id).read_text(encoding="utf-8"))
    rng = random.Random(SEED)
    folder.mkdir(parents=True, exist_ok=True)
    learners = sorted(roster)
    for k, learner in enumerate(learners):
        skill = rng.uniform(0.25, 0.95)
        nb = copy.deepcopy(released)
        answers = learner_answers(assignment, skill, rng)
        for item_id, text in answers.items():
            write_answer(nb, item_id, text)
        _save(folder / f"{learner}.ipynb", nb, mtime=1_795_000_000 + k)
    if mishaps:
        _show_what_goes_wrong(assignment, released, learners, folder)


def _show_what_goes_wrong(assignment, released: dict, learners: list[str], folder: Path) -> None:
    if len(learners) < 6:
        return
    broken, twice, no_cell, empty, absent = learners[1], learners[2], learners[3], learners[4], learners[5]
    (folder / f"{broken}.ipynb").write_text('{"cells": [ {"cell_type": "code", "sour', encoding="utf-8")
    first = json.loads((folder / f"{twice}.ipynb").read_text(encoding="utf-8"))
    _save(folder / f"{twice} (1).ipynb", first, mtime=1_795_100_000)  # the later copy counts
    nb = json.loads((folder / f"{no_cell}.ipynb").read_text(encoding="utf-8"))
    last = assignment.items[-1].id
    nb["cells"] = [c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") != answer_cell_id(last)]
    _save(folder / f"{no_cell}.ipynb", nb)
    nb = copy.deepcopy(released)  # handed back without an answer
    _save(folder / f"{empty}.ipynb", nb)
    (folder / f"{absent}.ipynb").unlink()
    visitor = copy.deepcopy(released)
    _save(folder / "visitor_007.ipynb", visitor)


def _save(path: Path, nb: dict, mtime: int | None = None) -> None:
    path.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if mtime:
        os.utime(path, (mtime, mtime))


def run_demo(folder, *, learners: int = 30, assignment: str = "a4-complaints", engine: str = "direct",
             assignments=None, say=print):  # fmt: skip
    from carecourse.trainer import workflow
    from carecourse.trainer.collect import collect
    from carecourse.trainer.export import export_grades
    from carecourse.trainer.feedback_pages import write_feedback_pages
    from carecourse.trainer.grading import grade_cohort
    from carecourse.trainer.release import release
    from carecourse.trainer.report import write_report

    assignments = Path(assignments) if assignments else workflow.default_assignments()
    if assignment not in assignment_files(assignments):
        raise CourseError(f"no assignment {assignment!r} in {assignments} (there: {', '.join(assignment_files(assignments))})")
    folder = Path(folder)
    roster = demo_roster(learners)
    roster_csv = folder.parent / f".{folder.name}-roster.csv"
    folder.parent.mkdir(parents=True, exist_ok=True)
    with roster_csv.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([("id", "name"), *roster.items()])
    try:
        ws = workflow.init(folder, roster=roster_csv, book_url=_local_book(), assignments=assignments).workspace
    finally:
        roster_csv.unlink()
    say(f"1. course folder {ws.root} with {len(roster)} learners and {len(ws.assignments())} assignments")
    bundle = release(ws, assignment)
    say(f"2. released {assignment} (nbgrader generate_assignment): {bundle}")
    returned = ws.root / "returned"
    write_returned(ws, assignment, roster, returned)
    collected = collect(ws, assignment, returned)
    say(f"3. collected {len(collected.collected)} notebooks from {returned}; {len(collected.problems)} problems")
    graded = [r for r in grade_cohort(ws, assignment, engine=engine).results if r.status == LearnerStatus.GRADED]
    say(f"4. graded {len(graded)} with the {engine} engine; mean {sum(r.score for r in graded) / max(1, len(graded)):.1f}"
        f" / {ws.assignment(assignment).max_score:g}")  # fmt: skip
    pages = write_feedback_pages(ws, assignment)
    say(f"5. {len(pages)} feedback pages, e.g. {pages[0] if pages else '-'}")
    files = write_report(ws, assignment)
    say(f"6. report: {files['report']}")
    say(f"7. grades: {export_grades(ws)}")
    return ws


def _local_book() -> str:
    """Link feedback to the course book when this checkout has built it."""
    built = Path(__file__).resolve().parents[3] / "_build" / "html" / "index.html"
    return built.parent.as_uri() + "/" if built.is_file() else ""
