"""Read a learner's reply from a file or standard input, or fail with one clear line."""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["InputError", "read_reply"]

MAX_BYTES = 10 * 1024 * 1024


class InputError(ValueError):
    """Input that cannot be graded; the message names the problem."""


def read_reply(name: str) -> str:
    """The text of file ``name`` ('-' = standard input), decoded as UTF-8."""
    if name == "-":
        data, where = sys.stdin.buffer.read(MAX_BYTES + 1), "standard input"
    else:
        path = Path(name)
        if path.is_dir():
            raise InputError(f"{name}: is a folder, not a text file")
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except FileNotFoundError:
            raise InputError(f"{name}: no such file") from None
        except OSError as err:
            raise InputError(f"{name}: cannot read ({err.strerror})") from None
        where = name
    if len(data) > MAX_BYTES:
        raise InputError(f"{where}: larger than {MAX_BYTES // (1024 * 1024)} MB; a reply is a few sentences")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{where}: not UTF-8 text (undecodable byte at position {err.start}); save it as UTF-8") from None
