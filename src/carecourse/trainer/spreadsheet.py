"""CSV for spreadsheets (grades.csv, criteria.csv): a BOM so Excel reads the Chinese, and
no cell that a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
import re

__all__ = ["spreadsheet_csv"]

_NUMBER = re.compile(r"^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")  # -1.5, -1e-05: a negative number stays one


def _safe(cell: object) -> str:
    text = str(cell)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMBER.match(text):
        return "'" + text  # shown as text, never evaluated (=1+2, @SUM(…), -2+3 in a name)
    return text


def spreadsheet_csv(rows) -> str:
    buffer = io.StringIO()
    # CRLF line ends (RFC 4180, as Excel writes): a cell holding a CR or an LF is quoted
    csv.writer(buffer, lineterminator="\r\n").writerows([_safe(c) for c in row] for row in rows)
    return "\ufeff" + buffer.getvalue()
