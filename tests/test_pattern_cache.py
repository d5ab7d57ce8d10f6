"""The pattern cache (``carecourse.pattern_cache``): a process that finds it grades exactly
as one that works everything out, without parsing the lexicons again; a cache that is
broken, unwritable or switched off changes nothing but the time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from carecourse import pattern_cache

# Grades replies of every scenario and analyses them, then prints the results and how many
# patterns this process parsed (the work the cache saves).
_GRADE = r"""
import json, sys
import re._parser as P
parses = 0
_parse = P.parse
def counting(*a, **k):
    global parses
    parses += 1
    return _parse(*a, **k)
P.parse = counting
import carecourse
from carecourse.rubrics import builtin, scenario_ids
out = []
for s in scenario_ids():
    for sample in builtin(s).samples[:3]:
        out.append(carecourse.grade(s, sample.text).to_dict())
        out.append(carecourse.analyze(sample.text).to_dict())
print(json.dumps({"results": out, "parses": parses}, ensure_ascii=False, sort_keys=True))
"""


def grade_in_process(cache_dir: str) -> dict:
    env = {**os.environ, "CARECOURSE_CACHE_DIR": cache_dir}
    done = subprocess.run([sys.executable, "-c", _GRADE], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def uncached() -> dict:
    return grade_in_process("")


def cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("patterns-*.marshal"))


def test_a_warm_cache_grades_the_same_without_parsing_the_lexicons(tmp_path, uncached):
    cold = grade_in_process(str(tmp_path))
    assert len(cache_files(tmp_path)) == 1, "the first process writes the cache"
    warm = grade_in_process(str(tmp_path))
    assert cold["results"] == warm["results"] == uncached["results"]
    assert uncached["parses"] > 1000  # every lexicon and rubric pattern
    assert cold["parses"] == uncached["parses"]
    assert warm["parses"] < uncached["parses"] / 20, "a warm process parses only the package's own few regexes"


@pytest.mark.parametrize("content", [b"", b"not marshal", b"\xfb\x00\x00", None])
def test_a_broken_cache_file_is_passed_over_and_replaced(tmp_path, uncached, content):
    grade_in_process(str(tmp_path))
    [path] = cache_files(tmp_path)
    if content is None:  # valid marshal, wrong shape
        import marshal

        content = marshal.dumps({"code": ["a list, not a table"]})
    path.write_bytes(content)
    assert grade_in_process(str(tmp_path))["results"] == uncached["results"]
    assert grade_in_process(str(tmp_path))["parses"] < uncached["parses"] / 20, "the file was written again"


def test_compiled_code_the_engine_refuses_is_worked_out_again(tmp_path, uncached):
    import marshal

    grade_in_process(str(tmp_path))
    [path] = cache_files(tmp_path)
    tables = marshal.loads(path.read_bytes())
    for key, (flags, code, groups, groupindex, indexgroup) in tables["code"].items():
        tables["code"][key] = (flags, b"\xff" * len(code), groups, groupindex, indexgroup)
    path.write_bytes(marshal.dumps(tables))
    assert grade_in_process(str(tmp_path))["results"] == uncached["results"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_a_folder_that_cannot_be_written_changes_nothing(tmp_path, uncached):
    tmp_path.chmod(0o500)
    try:
        done = grade_in_process(str(tmp_path / "cache"))
    finally:
        tmp_path.chmod(0o700)
    assert done["results"] == uncached["results"]


def test_a_cache_path_that_is_a_file_changes_nothing(tmp_path, uncached):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder would be")
    assert grade_in_process(str(blocker))["results"] == uncached["results"]
    assert blocker.read_text() == "a file where the folder would be"


def test_switched_off_keeps_nothing(tmp_path, uncached):
    assert uncached["parses"] > 1000
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CACHE_HOME": "", "CARECOURSE_CACHE_DIR": ""}
    subprocess.run([sys.executable, "-c", _GRADE], capture_output=True, env=env, check=True)
    assert not list(tmp_path.rglob("patterns-*"))


def test_the_file_is_named_by_python_and_the_code_that_fills_it(monkeypatch, tmp_path):
    monkeypatch.setenv("CARECOURSE_CACHE_DIR", str(tmp_path))
    first = pattern_cache.cache_file()
    assert first is not None and first.parent == tmp_path
    monkeypatch.setattr(pattern_cache, "_WORKERS", (*pattern_cache._WORKERS, "wordclasses.py"))
    assert pattern_cache.cache_file() != first, "changing the code that works entries out names a new file"
    monkeypatch.setenv("CARECOURSE_CACHE_DIR", "")
    assert pattern_cache.cache_file() is None
    monkeypatch.delenv("CARECOURSE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert pattern_cache.cache_file().parent == tmp_path / "xdg" / "carecourse"


def test_compiled_code_behaves_as_re_compile():
    for pattern in ["(?:非常|十分)?抱歉|[您你]好", "(a)(?P<kind>b)?c", "[一-龥]{2,4}吗"]:
        ours, theirs = pattern_cache.compile_pattern(pattern), __import__("re").compile(pattern)
        for text in ["非常抱歉您好", "abc ac", "这样可以吗", ""]:
            assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]
            assert [m.lastgroup for m in ours.finditer(text)] == [m.lastgroup for m in theirs.finditer(text)]
        assert ours.groupindex == theirs.groupindex and ours.groups == theirs.groups


@pytest.mark.parametrize("cap, kept", [(100, {"old0", "old1", "old2", "new"}), (3, {"old1", "new"})])
def test_past_the_cap_only_what_this_process_used_is_kept(tmp_path, monkeypatch, cap, kept):
    import marshal

    monkeypatch.setenv("CARECOURSE_CACHE_DIR", str(tmp_path))
    path = pattern_cache.cache_file()
    path.write_bytes(marshal.dumps({"heads": {f"old{k}": None for k in range(3)}}))
    for name, value in (("_file", None), ("_on_disk", None), ("_used", {}), ("_new", 0), ("_MAX_ENTRIES", cap)):
        monkeypatch.setattr(pattern_cache, name, value)
    monkeypatch.setattr(pattern_cache.atexit, "register", lambda _: None)  # this test writes itself
    assert pattern_cache.remembered("heads", "old1", lambda: "worked out again") is None  # read, not worked out
    assert pattern_cache.remembered("heads", "new", lambda: "worked out") == "worked out"
    pattern_cache._write()
    assert set(marshal.loads(path.read_bytes())["heads"]) == kept
