"""What a cohort handed in: the files of a folder or a zip, each with its name, its time and
a way to read it (at most ``MAX_BYTES``), for ``collect`` to match to learners.

Names are shown as their authors saw them (a Windows zip's GBK names, its backslashes);
junk that tools add is skipped; links and paths that leave the folder or zip are never
followed, and become problems for the trainer.
"""

from __future__ import annotations

import os
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path, PurePosixPath

from carecourse.trainer.workspace import CourseError

__all__ = ["MAX_BYTES", "Entry", "Unreadable", "handed_in"]

MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Entry:
    name: str  # path inside the folder or zip, with / between parts
    when: datetime
    read: Callable[[], bytes]  # at most MAX_BYTES + 1 bytes; raises Unreadable


class Unreadable(Exception):
    """An entry that cannot be read: its message is for the trainer."""


@contextmanager
def handed_in(source: Path, refused: list[tuple[str, str]]) -> Iterator[list[Entry]]:
    """The files in a folder or zip, each read only when asked (and never past the cap).

    Files that cannot be taken at all (links, paths leaving the folder) go to ``refused``,
    as (name, message for the trainer).
    """
    if source.is_dir():
        yield list(_folder_entries(source, refused))
    elif zipfile.is_zipfile(source):
        try:  # only the zip's own directory here: what the caller does with it is not the zip's fault
            zf = zipfile.ZipFile(source)
            entries = list(_zip_entries(zf, refused))
        except (zipfile.BadZipFile, OSError, EOFError) as err:
            raise CourseError(f"{source}: the zip file is damaged ({err}); nothing was collected") from None
        with zf:
            yield entries
    elif source.suffix.lower() == ".zip" and source.is_file():
        raise CourseError(f"{source}: not a zip file (damaged, or another kind of file named .zip); nothing was collected")
    elif source.exists():
        raise CourseError(f"{source}: give a folder or a .zip of returned notebooks")
    else:
        raise CourseError(f"{source}: no such folder or zip file")


def _folder_entries(source: Path, refused: list[tuple[str, str]]) -> Iterator[Entry]:
    for folder, dirs, files in os.walk(source):  # never follows a link to a folder
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        for name in sorted(files) + [d for d in dirs if (here / d).is_symlink()]:
            path = here / name
            relative = _shown_name(path.relative_to(source).as_posix())
            if _hidden(name):
                continue
            if path.is_symlink():
                refused.append((relative, "这是一个链接（快捷方式），不是学员交来的文件，没有收取。"))
            elif path.is_file():
                yield Entry(relative, _mtime(path), partial(_read_file, path))


def _shown_name(name: str) -> str:
    """A folder entry's path as text that can be shown and saved. A name that is not UTF-8
    (a Windows zip's GBK names, unpacked as they were) is read as GBK, as in a zip; bytes
    that are neither are written as \\xNN."""
    raw = os.fsencode(name)
    return _decoded(raw) or raw.decode("utf-8", errors="backslashreplace")


def _decoded(raw: bytes) -> str | None:
    """A file name's bytes as UTF-8, else as GBK (Chinese Windows' code page); None if neither."""
    for codec in ("utf-8", "gbk"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return None


def _read_file(path: Path) -> bytes:
    """At most MAX_BYTES + 1 bytes; never through a link (one made after the folder was listed)."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as err:
        if path.is_symlink():
            raise Unreadable("这是一个链接（快捷方式），不是学员交来的文件") from None
        raise Unreadable(f"文件无法读取（{err.strerror}）") from None
    try:
        with os.fdopen(handle, "rb") as file:
            return file.read(MAX_BYTES + 1)
    except OSError as err:
        raise Unreadable(f"文件无法读取（{err.strerror}）") from None


def _zip_entries(zf: zipfile.ZipFile, refused: list[tuple[str, str]]) -> Iterator[Entry]:
    for info in zf.infolist():
        name = _zip_name(info)
        parts = PurePosixPath(name).parts
        if info.is_dir() or name.endswith("/") or _hidden_path(parts):
            continue
        if name.startswith("/") or ".." in parts:
            refused.append((name, "压缩包里的路径指向包外（含 .. 或以 / 开头），没有收取。"))
            continue
        yield Entry(name, _zip_time(info), partial(_read_zip_entry, zf, info))


def _zip_name(info: zipfile.ZipInfo) -> str:
    """The entry's path as its author saw it: Windows backslashes become /, and a name
    stored in the local code page (GBK on Chinese Windows, no UTF-8 flag) is decoded."""
    name = info.filename
    if not info.flag_bits & 0x800:
        name = _decoded(name.encode("cp437", errors="replace")) or name
    return name.replace("\\", "/")


def _zip_time(info: zipfile.ZipInfo) -> datetime:
    try:
        return datetime(*info.date_time)
    except ValueError:  # a zero or impossible date in the entry's header
        return datetime(1980, 1, 1)


def _read_zip_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """At most MAX_BYTES + 1 bytes, whatever the entry's header claims its size is."""
    try:
        with zf.open(info) as handle:
            return handle.read(MAX_BYTES + 1)
    except NotImplementedError:  # before RuntimeError, its base class
        raise Unreadable("压缩包里的这个文件用了无法读取的压缩方式（请用普通 zip 压缩后重交）") from None
    except RuntimeError:  # zipfile's word for an encrypted entry
        raise Unreadable("压缩包里的这个文件有密码保护，无法读取") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        raise Unreadable("压缩包里的这个文件已损坏，无法读取") from None


def _hidden(part: str) -> bool:
    """Junk that tools add (.DS_Store, .ipynb_checkpoints, __MACOSX): skipped quietly."""
    return (part.startswith(".") and part != "..") or part == "__MACOSX"


def _hidden_path(parts) -> bool:
    return any(_hidden(part) for part in parts)


def _mtime(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime)


