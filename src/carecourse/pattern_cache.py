"""What working through the patterns gives, kept on disk between processes.

Every process that grades parses the same few thousand lexicon and rubric patterns, works
out their first characters (``detect/heads.py``), checks them against the shared
subset (``regex_subset.py``) and compiles the alternations it searches with: about 0.4 s
before its first grade, paid again by every ``course grade``, every learner's kernel and
every CLI call. Like Python's ``__pycache__``, this keeps those results in a file: the
regex engine's code for each compiled alternation, each pattern's first characters and
each pattern's subset check.

An entry is keyed by the exact pattern text it was worked out from, and the file by
Python's version, the regex engine's magic number and the source of the modules that work
entries out, so an entry is always what working it out again would give. The file is read
on first use and written at exit when something new was worked out (merged with what other
processes wrote meanwhile, replaced in one step). A file that can't be read or written is
passed over: the cache only ever saves time.

The folder is ``$CARECOURSE_CACHE_DIR``, else ``$XDG_CACHE_HOME/carecourse``, else
``~/.cache/carecourse``; ``CARECOURSE_CACHE_DIR=""`` keeps nothing. Keep it a folder
only you can write to: its code is handed to the regex engine.
"""

from __future__ import annotations

import array
import atexit
import contextlib
import hashlib
import marshal
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

try:  # Python 3.11+
    import _sre
    from re import _compiler as sre_compile, _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import _sre
    import sre_compile, sre_parse  # type: ignore[no-redef]

__all__ = ["cache_file", "compile_pattern", "compile_tree", "remembered"]

V = TypeVar("V")

_PACKAGE = Path(__file__).parent
_WORKERS = ("pattern_cache.py", "regex_subset.py", "detect/factoring.py", "detect/heads.py")  # the modules whose results are kept
_MAX_ENTRIES = 100_000  # past this, a write keeps only what this process used
_STALE_DAYS = 30  # another version's file not written for this long is removed

_CODE_TYPE = "I" if array.array("I").itemsize == _sre.CODESIZE else "L"  # the engine's code unit
_MISSING = object()

_file: Path | None = None  # this process's cache file, worked out on first use
_on_disk: dict[str, dict] | None = None  # the file's tables as read then
_used: dict[str, dict] = {}  # the entries this process read or worked out
_new = 0


def remembered(table: str, key: Hashable, work: Callable[[], V]) -> V:
    """``work()``, or what it gave for ``key`` in this or an earlier process. The value and
    the key must be marshal-able (str, int, tuple, list, dict, frozenset, None...)."""
    used = _used.setdefault(table, {})
    value = used.get(key, _MISSING)
    if value is _MISSING:
        value = _disk().get(table, {}).get(key, _MISSING)
        if value is _MISSING:
            return _keep(table, key, work())
        used[key] = value
    return value


def _keep(table: str, key: Hashable, value: V) -> V:
    """A value worked out in this process, to be written at exit."""
    global _new
    _used.setdefault(table, {})[key] = value
    _new += 1
    return value


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """``re.compile(pattern)``, with the compiled code kept."""
    return _compiled(pattern, pattern, lambda: sre_parse.parse(pattern))


def compile_tree(key: Hashable, tree: Callable[[], Any]) -> re.Pattern[str]:
    """The regex of the parse tree ``tree()`` builds (a ``re._parser.SubPattern``), with its
    compiled code kept under ``key``, which must tell the tree apart from any other."""
    return _compiled(None, key, tree)


def _compiled(pattern: str | None, key: Hashable, tree: Callable[[], Any]) -> re.Pattern[str]:
    try:
        return _engine(pattern, remembered("code", key, lambda: _code(tree())))
    except (RuntimeError, TypeError, ValueError):  # a damaged entry the engine refuses: work it out again
        return _engine(pattern, _keep("code", key, _code(tree())))


def _engine(pattern: str | None, entry: tuple) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, array.array(_CODE_TYPE, code).tolist(), groups, groupindex, indexgroup)


def _code(p) -> tuple:
    """What ``re._compiler.compile`` hands the engine after the pattern text, the code
    packed as bytes (a file of them reads in a third of the time lists of ints take)."""
    indexgroup = [None] * p.state.groups
    for name, index in p.state.groupdict.items():
        indexgroup[index] = name
    code = array.array(_CODE_TYPE, sre_compile._code(p, 0)).tobytes()
    return p.state.flags, code, p.state.groups - 1, dict(p.state.groupdict), tuple(indexgroup)


def cache_file() -> Path | None:
    """This Python's and this code's cache file (None when caching is off)."""
    folder = os.environ.get("CARECOURSE_CACHE_DIR")
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
        folder = str(Path(base) / "carecourse")
    if not folder:
        return None
    stamp = hashlib.blake2b(f"{sys.version}|{_sre.MAGIC}|{sys.implementation.cache_tag}".encode(), digest_size=8)
    try:
        for name in _WORKERS:
            stamp.update((_PACKAGE / name).read_bytes())
    except OSError:  # installed without its sources: nothing tells one version from another
        return None
    return Path(folder) / f"patterns-{stamp.hexdigest()}.marshal"


def _disk() -> dict[str, dict]:
    """The cache file's tables, read on first use (when the write at exit is arranged)."""
    global _file, _on_disk
    if _on_disk is None:
        _file = cache_file()
        _on_disk = _read(_file)
        atexit.register(_write)
    return _on_disk


def _read(path: Path | None) -> dict[str, dict]:
    if path is None:
        return {}
    try:
        tables = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    ok = isinstance(tables, dict) and all(isinstance(t, dict) for t in tables.values())
    return tables if ok else {}


def _write() -> None:
    """Merge this process's entries into the file (an entry another process wrote meanwhile
    is the same: both are what working it out gives); past ``_MAX_ENTRIES``, keep only what
    this process used."""
    if not _new or _file is None:
        return
    tables = _read(_file)
    if sum(map(len, tables.values())) + _new > _MAX_ENTRIES:
        tables = {}
    for name, entries in _used.items():
        tables.setdefault(name, {}).update(entries)
    try:
        _file.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=_file.parent, prefix=".patterns-", delete=False) as out:
            out.write(marshal.dumps(tables))
        os.replace(out.name, _file)
    except (OSError, ValueError):
        with contextlib.suppress(OSError, NameError):  # (NameError: no temporary file was made)
            os.unlink(out.name)
        return
    with contextlib.suppress(OSError):  # (another process may be removing them too)
        _remove_stale(_file)


def _remove_stale(keep: Path) -> None:
    old = time.time() - _STALE_DAYS * 86400
    for other in keep.parent.glob("patterns-*.marshal"):
        if other != keep and other.stat().st_mtime < old:
            other.unlink(missing_ok=True)
