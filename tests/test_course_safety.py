"""Defects that lost or corrupted a trainer's data, each reproduced first, then fixed.

Roster names that need CSV quoting, writers that share a file, collect's treatment of
broken, hostile or oddly made submissions, and two gradings at once.
"""

from __future__ import annotations

import csv
import multiprocessing
from pathlib import Path

from carecourse.course.workspace import atomic_write, read_roster
from test_course import released, ws  # noqa: F401  (fixtures)

ODD_NAMES = {"s01": '王"小"明', "s02": "李,雷", "s03": "韩\n梅梅", "s04": '"引号"开头', "s05": "平常名字"}


def write_roster(path: Path, names: dict[str, str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([["id", "name"], *names.items()])
    return path


def test_names_that_need_quoting_survive_the_course_roster_file(ws, tmp_path):
    ws.import_roster(write_roster(tmp_path / "roster.csv", ODD_NAMES))
    assert {k: ws.roster()[k] for k in ODD_NAMES} == ODD_NAMES
    saved = ws.root / "roster.csv"
    assert {k: v for k, v in read_roster(saved).items() if k in ODD_NAMES} == ODD_NAMES
    ws.import_roster(saved)  # the course's own file fed back, as a trainer would
    assert {k: ws.roster()[k] for k in ODD_NAMES} == ODD_NAMES


def _write_many(args) -> None:
    path, tag = args
    for n in range(200):
        atomic_write(Path(path), f"{tag}-{n}\n" * 50)


def test_writers_of_the_same_file_never_collide(tmp_path):
    target = tmp_path / "feedback" / "index.html"
    with multiprocessing.get_context("fork").Pool(4) as pool:
        pool.map(_write_many, [(str(target), tag) for tag in "abcd"])
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 50 and len(set(lines)) == 1  # one writer's whole file, never a mix
    assert [p.name for p in target.parent.iterdir()] == ["index.html"]  # no temporary left
    assert target.stat().st_mode & 0o044  # readable by the course's other users
