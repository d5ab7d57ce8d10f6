"""Defects that lost or corrupted a trainer's data, each reproduced first, then fixed.

Roster names that need CSV quoting, writers that share a file, collect's treatment of
broken, hostile or oddly made submissions, and two gradings at once.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import shutil
import subprocess
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from carecourse.trainer.collect import collect, load_problems
from carecourse.trainer.grading import grade_cohort
from carecourse.trainer.workspace import Workspace, atomic_write, read_roster
from conftest import A, BIN, answered, builtin, by_learner, cohort, gradebook_rows

ODD_NAMES = {"s01": '王"小"明', "s02": "李,雷", "s03": "韩\n梅梅", "s04": '"引号"开头', "s05": "平常名字", "s06": "回车\r名字"}


def write_roster(path: Path, names: dict[str, str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([["id", "name"], *names.items()])
    return path


@pytest.mark.nbgrader
def test_names_that_need_quoting_survive_the_course_roster_file(ws, tmp_path):
    ws.import_roster(write_roster(tmp_path / "roster.csv", ODD_NAMES))
    assert {k: ws.roster()[k] for k in ODD_NAMES} == ODD_NAMES
    saved = ws.root / "roster.csv"
    assert {k: v for k, v in read_roster(saved).items() if k in ODD_NAMES} == ODD_NAMES
    ws.import_roster(saved)  # the course's own file fed back, as a trainer would
    assert {k: ws.roster()[k] for k in ODD_NAMES} == ODD_NAMES


@pytest.mark.nbgrader
def test_a_blank_name_never_overwrites_a_recorded_one(ws, tmp_path):
    (first, name), (second, other) = sorted(ws.roster().items())[:2]
    ids_only = tmp_path / "ids.csv"
    ids_only.write_text(f"id,name\n{first}\n{second},  \nnew_one,\n", encoding="utf-8")
    ws.import_roster(ids_only)
    roster = ws.roster()
    assert (roster[first], roster[second], roster["new_one"]) == (name, other, "")
    assert {k: read_roster(ws.root / "roster.csv")[k] for k in (first, second)} == {first: name, second: other}
    ws.import_roster(write_roster(tmp_path / "renamed.csv", {first: "新名字"}))  # a name given still renames
    assert ws.roster()[first] == "新名字"


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


# --- collect: what learners really hand in ---------------------------------------------


def _zip(path: Path, entries: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return path


def _notebook(ws, marker: str = "") -> bytes:
    nb = answered(ws, q2=f"王先生，非常抱歉。{marker}")
    return json.dumps(nb, ensure_ascii=False).encode("utf-8")


@pytest.mark.nbgrader
def test_a_broken_newer_file_never_displaces_a_good_older_one(ws, tmp_path):
    bundle = tmp_path / "returned.zip"
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.writestr(zipfile.ZipInfo("li_fang.ipynb", (2026, 5, 1, 9, 0, 0)), _notebook(ws, "good"))
        zf.writestr(zipfile.ZipInfo("li_fang (1).ipynb", (2026, 5, 1, 10, 0, 0)), b'{"cells": [')
    result = collect(ws, A, bundle)
    assert result.collected["li_fang"] == "li_fang.ipynb"
    assert "good" in ws.submitted("li_fang", A).read_text(encoding="utf-8")
    messages = [p.message for p in result.problems if p.learner == "li_fang"]
    assert any("li_fang (1).ipynb" in p.file for p in result.problems)
    assert any("2 份" in m and "li_fang.ipynb" in m for m in messages)
    assert by_learner(grade_cohort(ws, A))["li_fang"].status == "graded"


def _corrupt(bundle: Path, name: str) -> None:
    """Flip a byte in the stored data of one entry (its CRC no longer matches)."""
    with zipfile.ZipFile(bundle) as zf:
        info = zf.getinfo(name)
    raw = bytearray(bundle.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw[start + 5] ^= 0xFF
    bundle.write_bytes(bytes(raw))


def _set_compression(bundle: Path, name: str, method: int, flag: int = 0) -> None:
    """Rewrite one entry's compression method (9 = Deflate64) or flags (1 = encrypted)
    in both its local header and the central directory, as other zip tools write them."""
    raw = bytearray(bundle.read_bytes())
    encoded = name.encode()
    for signature, method_at, flag_at in ((b"PK\x03\x04", 8, 6), (b"PK\x01\x02", 10, 8)):
        at = raw.find(signature)
        while at != -1:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if raw[name_at:name_at + len(encoded)] == encoded:
                raw[at + method_at:at + method_at + 2] = method.to_bytes(2, "little")
                flags = int.from_bytes(raw[at + flag_at:at + flag_at + 2], "little") | flag
                raw[at + flag_at:at + flag_at + 2] = flags.to_bytes(2, "little")
            at = raw.find(signature, at + 4)
    bundle.write_bytes(bytes(raw))


@pytest.mark.nbgrader
def test_one_bad_zip_entry_is_that_learners_problem(ws, tmp_path):
    learners = sorted(ws.roster())
    bundle = _zip(tmp_path / "returned.zip", [(f"{name}.ipynb", _notebook(ws, name)) for name in learners])
    _corrupt(bundle, f"{learners[0]}.ipynb")
    _set_compression(bundle, f"{learners[1]}.ipynb", 8, flag=1)  # encrypted
    _set_compression(bundle, f"{learners[2]}.ipynb", 9)  # Deflate64
    result = collect(ws, A, bundle)
    problems = {p.learner: p.message for p in result.problems}
    assert "损坏" in problems[learners[0]]
    assert "密码" in problems[learners[1]]
    assert "压缩方式" in problems[learners[2]]
    assert sorted(result.collected) == learners[3:]


@pytest.mark.nbgrader
def test_an_entry_that_lies_about_its_size_is_read_only_up_to_the_cap(ws, tmp_path):
    from carecourse.trainer import collect as collect_module

    learners = sorted(ws.roster())
    huge = b"{" + b" " * (collect_module.MAX_BYTES * 3)  # 60 MB of blanks, a few kB zipped
    bundle = _zip(tmp_path / "returned.zip", [(f"{learners[0]}.ipynb", huge), (f"{learners[1]}.ipynb", _notebook(ws))])
    raw = bytearray(bundle.read_bytes())
    central = raw.find(b"PK\x01\x02")  # the first entry's central-directory record says 100 bytes
    raw[central + 24:central + 28] = (100).to_bytes(4, "little")
    bundle.write_bytes(bytes(raw))
    tracemalloc.start()
    result = collect(ws, A, bundle)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert learners[0] not in result.collected and learners[0] in {p.learner for p in result.problems}
    assert learners[1] in result.collected
    assert peak < 2 * collect_module.MAX_BYTES + 10_000_000


@pytest.mark.nbgrader
def test_windows_zips_backslash_paths_and_gbk_names_are_understood(ws, tmp_path):
    learners = sorted(ws.roster())
    bundle = _zip(tmp_path / "returned.zip", [(f"returned\\{name}.ipynb", _notebook(ws)) for name in learners[1:]])
    gbk = f"{learners[0]}（第二次）.ipynb".encode("gbk")
    placeholder = b"x" * len(gbk)
    with zipfile.ZipFile(bundle, "a") as zf:
        zf.writestr(placeholder.decode(), _notebook(ws))
    bundle.write_bytes(bundle.read_bytes().replace(placeholder, gbk))  # no UTF-8 flag: the local code page
    result = collect(ws, A, bundle)
    assert sorted(result.collected) == learners
    assert result.collected[learners[0]] == f"{learners[0]}（第二次）.ipynb"
    assert not result.problems


@pytest.mark.nbgrader
def test_paths_leaving_the_zip_are_reported_not_dropped(ws, tmp_path):
    learners = sorted(ws.roster())
    bundle = _zip(tmp_path / "returned.zip", [(f"../{learners[0]}.ipynb", _notebook(ws)), (f"{learners[1]}.ipynb", _notebook(ws))])
    result = collect(ws, A, bundle)
    assert any(".." in p.file and ".." in p.message for p in result.problems)
    assert sorted(result.collected) == [learners[1]]
    assert not (ws.root / "submitted" / ".." / f"{learners[0]}.ipynb").exists()


@pytest.mark.nbgrader
def test_links_in_a_folder_submission_are_refused(ws, tmp_path):
    learners = sorted(ws.roster())
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "secret.ipynb").write_bytes(_notebook(ws, "not handed in"))
    returned = tmp_path / "returned"
    returned.mkdir()
    (returned / f"{learners[0]}.ipynb").symlink_to(elsewhere / "secret.ipynb")
    (returned / learners[1]).symlink_to(elsewhere, target_is_directory=True)
    (returned / f"{learners[2]}.ipynb").write_bytes(_notebook(ws))
    result = collect(ws, A, returned)
    assert sorted(result.collected) == [learners[2]]
    refused = [p for p in result.problems if "链接" in p.message]
    assert {p.file for p in refused} == {f"{learners[0]}.ipynb", learners[1]}


@pytest.mark.nbgrader
def test_an_impossible_date_in_a_zip_entry_is_not_fatal(ws, tmp_path):
    learner = sorted(ws.roster())[0]
    bundle = tmp_path / "returned.zip"
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.writestr(zipfile.ZipInfo(f"{learner}.ipynb", (1980, 0, 0, 0, 0, 0)), _notebook(ws))
    assert collect(ws, A, bundle).collected == {learner: f"{learner}.ipynb"}


@pytest.mark.parametrize("content", [b"not a zip at all", b"PK\x03\x04 cut short"])
def test_a_file_named_zip_that_is_none_says_so_and_collects_nothing(ws, tmp_path, content):
    from carecourse.trainer.workspace import CourseError

    bundle = tmp_path / "returned.zip"
    bundle.write_bytes(content)
    with pytest.raises(CourseError, match="not a zip file"):
        collect(ws, A, bundle)
    assert not list((ws.root / "submitted").glob(f"*/{A}"))


# --- two trainers at once ------------------------------------------------------------


@pytest.mark.nbgrader
def test_two_grade_runs_at_once_both_finish_and_agree(ws, tmp_path):
    collect(ws, A, cohort(ws, tmp_path / "returned"))
    for trial in range(4):  # a fresh gradebook each time: the race is over creating submissions
        course = Workspace.open(shutil.copytree(ws.root, tmp_path / f"trial{trial}"))
        command = [str(BIN / "carecourse"), "course", "grade", str(course.root), A]
        runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        for run in runs:
            out, err = run.communicate(timeout=300)
            assert run.returncode == 0 and "Traceback" not in err, err
        rows = gradebook_rows(course)
        assert len(rows) == len(course.roster()) * len(builtin(A).items)
        assert all(auto is not None for _, _, auto, _ in rows)


# --- exports a spreadsheet opens --------------------------------------------------------


@pytest.mark.nbgrader
def test_spreadsheet_cells_never_run_as_formulas(ws):
    from carecourse.trainer.export import export_grades

    ws.import_roster(write_roster(ws.root.parent / "evil.csv", {"s01": "=1+2", "s02": "@SUM(A1)", "s03": "+86 138", "s04": "-2+3"}))
    rows = list(csv.reader(export_grades(ws).read_text(encoding="utf-8-sig").splitlines()))
    names = {r[0]: r[1] for r in rows[1:]}
    assert [names[k] for k in ("s01", "s02", "s03", "s04")] == ["'=1+2", "'@SUM(A1)", "'+86 138", "'-2+3"]
    assert all(not cell.startswith(("=", "+", "@")) for row in rows for cell in row)


# --- rosters saved by Excel -------------------------------------------------------------

EXCEL_NAMES = {"wang_xiaoming": "王小明", "li_lei": "李雷", "han_meimei": "韩梅梅", "ou_yang": "欧阳"}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_a_roster_saved_by_excel_on_chinese_windows_is_read(tmp_path, encoding):
    path = tmp_path / "roster.csv"
    text = "id,name\r\n" + "".join(f"{k},{v}\r\n" for k, v in EXCEL_NAMES.items())
    path.write_bytes(text.encode(encoding))
    assert read_roster(path) == EXCEL_NAMES


def test_a_roster_in_no_encoding_we_know_is_refused_with_a_hint(tmp_path):
    from carecourse.trainer.workspace import CourseError

    utf16 = tmp_path / "unicode.csv"  # Excel's "Unicode text"
    utf16.write_bytes("id,name\r\nli_lei,李雷\r\n".encode("utf-16"))
    garbled = tmp_path / "garbled.csv"
    garbled.write_bytes(b"id,name\r\nli_lei,\xff\xfe\x80\r\n")
    for path in (utf16, garbled):
        with pytest.raises(CourseError) as err:
            read_roster(path)
        message = str(err.value)
        assert path.name in message and "UTF-8" in message and "CSV UTF-8" in message
        assert "codec" not in message and "0x" not in message


@pytest.mark.nbgrader
def test_course_roster_takes_a_gbk_file_and_keeps_utf8(ws, tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(("id,name\r\n" + "".join(f"{k},{v}\r\n" for k, v in EXCEL_NAMES.items())).encode("gbk"))
    ws.import_roster(path)
    assert {k: ws.roster()[k] for k in EXCEL_NAMES} == EXCEL_NAMES
    saved = (ws.root / "roster.csv").read_bytes().decode("utf-8")  # the course's own copy is UTF-8
    assert all(name in saved for name in EXCEL_NAMES.values())


def test_spreadsheet_numbers_stay_numbers_and_text_is_neutralised():
    from carecourse.trainer.spreadsheet import spreadsheet_csv

    numbers = [-1.5, "-1.5", "-2", "0", "12.25", f"{-0.00001:g}", "-3E+02", -7]
    texts = ["=1+2", "+86 138", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "-", "+1", "=-1"]
    rows = list(csv.reader(io.StringIO(spreadsheet_csv([numbers, texts]).lstrip("\ufeff"), newline="")))
    assert rows[0] == [str(n) for n in numbers]
    assert all(float(cell) == float(n) for cell, n in zip(rows[0], numbers))
    assert rows[1] == ["'" + t for t in texts[:4]] + ["'\tTAB", "'\rCR", "'-", "'+1", "'=-1"]


@pytest.mark.nbgrader
def test_refused_links_and_paths_are_that_learners_problem(ws, tmp_path):
    """A refused link or ``..`` path named for a learner is reported under that learner,
    not as a file for nobody on the roster (the report said "不在名单上")."""
    learners = sorted(ws.roster())
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "secret.ipynb").write_bytes(_notebook(ws))
    returned = tmp_path / "returned"
    returned.mkdir()
    (returned / f"{learners[0]}.ipynb").symlink_to(elsewhere / "secret.ipynb")
    (returned / learners[1]).symlink_to(elsewhere, target_is_directory=True)
    (returned / "nobody.ipynb").symlink_to(elsewhere / "secret.ipynb")
    refused = {p.file: p.learner for p in collect(ws, A, returned).problems}
    assert refused == {f"{learners[0]}.ipynb": learners[0], learners[1]: learners[1], "nobody.ipynb": ""}
    bundle = _zip(tmp_path / "returned.zip", [(f"../{learners[2]}.ipynb", _notebook(ws))])
    assert [(p.file, p.learner) for p in collect(ws, A, bundle).problems] == [(f"../{learners[2]}.ipynb", learners[2])]


def test_a_file_swapped_for_a_link_after_listing_is_not_read_through(tmp_path):
    from carecourse.trainer import handed_in

    (tmp_path / "secret.ipynb").write_text("{}", encoding="utf-8")
    link = tmp_path / "li_lei.ipynb"
    link.symlink_to(tmp_path / "secret.ipynb")
    with pytest.raises(handed_in.Unreadable):
        handed_in._read_file(link)


@pytest.mark.nbgrader
def test_only_the_entries_needed_are_read(ws, tmp_path, monkeypatch):
    learners = sorted(ws.roster())
    entries = [(f"{name}.ipynb", _notebook(ws)) for name in learners] + [("stranger.ipynb", b"x" * 1000)]
    bundle = _zip(tmp_path / "returned.zip", entries)
    with zipfile.ZipFile(bundle, "a") as zf:  # an older copy for the first learner: never needed
        zf.writestr(zipfile.ZipInfo(f"{learners[0]} (old).ipynb", (2020, 1, 1, 0, 0, 0)), _notebook(ws))
    _corrupt(bundle, "stranger.ipynb")
    opened = []
    real_open = zipfile.ZipFile.open
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda self, name, *a, **k: opened.append(getattr(name, "filename", name)) or real_open(self, name, *a, **k))
    result = collect(ws, A, bundle)
    assert sorted(result.collected) == learners
    assert sorted(opened) == sorted(f"{name}.ipynb" for name in learners)
    assert [p.message for p in result.problems if p.file == "stranger.ipynb"] == ["文件名对不上名单里的任何学员，没有收取。"]


@pytest.mark.nbgrader
def test_a_course_folder_that_cannot_be_written_is_not_blamed_on_the_zip(ws, tmp_path, monkeypatch):
    import errno

    from carecourse.trainer import collect as collect_module
    from carecourse.trainer.workspace import CourseError

    def full(path, text):
        raise OSError(errno.ENOSPC, "No space left on device")

    bundle = _zip(tmp_path / "returned.zip", [(f"{name}.ipynb", _notebook(ws)) for name in sorted(ws.roster())])
    monkeypatch.setattr(collect_module, "atomic_write", full)
    with pytest.raises(CourseError) as err:
        collect(ws, A, bundle)
    assert "No space left on device" in str(err.value) and "damaged" not in str(err.value)


@pytest.mark.nbgrader
def test_a_fallback_on_a_second_collect_says_which_file_counts(ws, tmp_path):
    first = tmp_path / "first.zip"
    with zipfile.ZipFile(first, "w") as zf:  # handed in before the second zip's files
        zf.writestr(zipfile.ZipInfo("li_fang.ipynb", (2026, 5, 1, 9, 0, 0)), _notebook(ws, "first"))
    collect(ws, A, first)
    second = tmp_path / "second.zip"
    with zipfile.ZipFile(second, "w") as zf:
        zf.writestr(zipfile.ZipInfo("li_fang.ipynb", (2026, 5, 2, 9, 0, 0)), _notebook(ws, "second"))
        zf.writestr(zipfile.ZipInfo("li_fang (1).ipynb", (2026, 5, 2, 10, 0, 0)), b'{"cells": [')
    result = collect(ws, A, second)
    assert result.collected == {"li_fang": "li_fang.ipynb"}
    assert "second" in ws.submitted("li_fang", A).read_text(encoding="utf-8")
    broken = next(p.message for p in result.problems if p.file == "li_fang (1).ipynb")
    assert "上次" not in broken and "li_fang.ipynb" in broken  # not "kept the last version": this zip's older file counts


# --- collect: another assignment's notebook, an older batch, files that cannot be parsed or named ---

OTHER = "a3-listening"  # another assignment of the course, never released in these tests


def _other_assignments_notebook(ws) -> bytes:
    """A learner's filled-in notebook of OTHER, as its release would hand it out."""
    import random

    from carecourse.assignments.answers import write_answer
    from carecourse.assignments.notebook import source_notebook
    from carecourse.trainer.demo import learner_answers

    other = ws.assignment(OTHER)
    nb = source_notebook(other)
    for item_id, text in learner_answers(other, 0.9, random.Random(1)).items():
        write_answer(nb, item_id, text)
    return json.dumps(nb, ensure_ascii=False).encode("utf-8")


def _stored(ws, learner: str) -> tuple[bytes, str]:
    """A learner's stored submission and its timestamp, as collect left them."""
    notebook = ws.submitted(learner, A)
    return notebook.read_bytes(), (notebook.parent / "timestamp.txt").read_text(encoding="utf-8")


@pytest.mark.nbgrader
def test_another_assignments_notebooks_never_replace_the_submissions(ws, tmp_path):
    learners = sorted(ws.roster())
    collect(ws, A, cohort(ws, tmp_path / "returned"))
    before = {learner: _stored(ws, learner) for learner in learners}
    wrong_batch = tmp_path / "wrong-batch"
    wrong_batch.mkdir()
    for learner in learners:
        (wrong_batch / f"{learner}.ipynb").write_bytes(_other_assignments_notebook(ws))
    result = collect(ws, A, wrong_batch)
    assert result.collected == {}
    assert {p.learner for p in result.problems} == set(learners)
    assert all(OTHER in p.message and "没有收取" in p.message for p in result.problems)
    assert {learner: _stored(ws, learner) for learner in learners} == before
    assert {r.status for r in grade_cohort(ws, A).results} == {"graded"}


@pytest.mark.nbgrader
def test_a_newer_notebook_of_another_assignment_is_not_the_newest_submission(ws, tmp_path):
    learner = sorted(ws.roster())[0]
    folder = tmp_path / "returned" / learner
    folder.mkdir(parents=True)
    (folder / f"{A}.ipynb").write_bytes(_notebook(ws, "mine"))
    (folder / f"{OTHER}.ipynb").write_bytes(_other_assignments_notebook(ws))
    os.utime(folder / f"{A}.ipynb", (1_790_000_000, 1_790_000_000))
    os.utime(folder / f"{OTHER}.ipynb", (1_790_000_100, 1_790_000_100))
    result = collect(ws, A, tmp_path / "returned")
    assert result.collected == {learner: f"{learner}/{A}.ipynb"}
    assert "mine" in ws.submitted(learner, A).read_text(encoding="utf-8")
    refused = [p for p in result.problems if p.file == f"{learner}/{OTHER}.ipynb"]
    assert len(refused) == 1 and OTHER in refused[0].message
    assert not any("2 份" in p.message for p in result.problems)  # only this assignment's files count


@pytest.mark.nbgrader
def test_an_older_batch_never_replaces_a_newer_submission(ws, tmp_path):
    learners = sorted(ws.roster())
    returned = cohort(ws, tmp_path / "returned")
    collect(ws, A, returned)
    resubmitted = tmp_path / "resubmitted"
    resubmitted.mkdir()
    (resubmitted / f"{learners[0]}.ipynb").write_bytes(_notebook(ws, "resubmitted"))
    os.utime(resubmitted / f"{learners[0]}.ipynb", (1_800_000_000, 1_800_000_000))
    collect(ws, A, resubmitted)
    before = {learner: _stored(ws, learner) for learner in learners}
    os.utime(returned / f"{learners[1]}.ipynb", (1_800_000_500, 1_800_000_500))  # the same file, copied later
    result = collect(ws, A, returned)  # the first batch again, by mistake
    assert {learner: _stored(ws, learner) for learner in learners} == before
    assert "resubmitted" in ws.submitted(learners[0], A).read_text(encoding="utf-8")
    notice = [p for p in result.problems if p.learner == learners[0]]
    assert len(notice) == 1 and "旧" in notice[0].message and "没有替换" in notice[0].message
    assert sorted(result.collected) == learners[1:]  # identical files: unchanged, nothing to report
    assert [p for p in result.problems if p.learner != learners[0]] == []


@pytest.mark.nbgrader
def test_files_the_parser_cannot_take_are_that_learners_problem(ws, tmp_path):
    learners = sorted(ws.roster())
    returned = cohort(ws, tmp_path / "returned")
    collect(ws, A, returned)
    kept = {learner: _stored(ws, learner) for learner in learners[:2]}
    deep = "[" * 200_000 + "]" * 200_000  # deeper than Python's parser goes
    odd_cells = json.dumps({"cells": [1, {"metadata": {"nbgrader": ["q1-answer"]}}], "nbformat": 4})
    for learner, text in zip(learners, (deep, odd_cells)):
        (returned / f"{learner}.ipynb").write_text(text, encoding="utf-8")
        os.utime(returned / f"{learner}.ipynb", (1_800_000_000, 1_800_000_000))
    result = collect(ws, A, returned)
    problems = {p.learner: p.message for p in result.problems}
    assert sorted(problems) == learners[:2]
    assert "JSON" in problems[learners[0]] and "格子" in problems[learners[1]]
    assert {learner: _stored(ws, learner) for learner in learners[:2]} == kept
    assert sorted(result.collected) == learners[2:]
    assert load_problems(ws, A) == result.problems
    assert {r.status for r in grade_cohort(ws, A).results} == {"graded"}


@pytest.mark.nbgrader
def test_file_names_in_no_encoding_are_reported_and_the_run_finishes(ws, tmp_path):
    learners = sorted(ws.roster())
    returned = cohort(ws, tmp_path / "returned")
    collect(ws, A, tmp_path / "returned")
    folder = os.fsencode(returned)
    with open(folder + b"/" + "李雷.ipynb".encode("gbk"), "wb") as out:  # unzipped from a Windows zip
        out.write(b"{}")
    with open(folder + b"/" + f"{learners[0]}（第二次）.ipynb".encode("gbk"), "wb") as out:
        out.write(_notebook(ws, "second"))
    with open(folder + b"/" + learners[1].encode() + b" \xff\xfe.ipynb", "wb") as out:  # neither UTF-8 nor GBK
        out.write(b"{")
    result = collect(ws, A, returned)
    assert sorted(result.collected) == learners
    files = {p.file: p.learner for p in result.problems}
    assert files["李雷.ipynb"] == ""
    assert files[f"{learners[1]} \\xff\\xfe.ipynb"] == learners[1]
    assert result.collected[learners[0]] == f"{learners[0]}（第二次）.ipynb"
    assert load_problems(ws, A) == result.problems
    done = subprocess.run([str(BIN / "carecourse"), "course", "collect", str(ws.root), A, str(returned)],
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "李雷.ipynb" in done.stdout
