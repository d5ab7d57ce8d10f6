"""Build time of both editions against the Simplified build alone (issue 16: ratio <= 1.6).

The zh-Hant edition is written after Sphinx has written the Simplified site, in the same
build (``carecourse.sphinx.edition``), which logs how long that took; the Simplified build
alone is the whole build less that. Measured on a cached rebuild (nothing changed) and on a
full build (the site and Sphinx's environment removed; the notebooks' execution cache kept,
as ``make book`` keeps it), in one run, so the ratio holds on any machine.

    .venv/bin/python bench/edition_build.py          # after `make book`
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "_build"
JUPYTER_BOOK = Path(sys.executable).parent / "jupyter-book"
WRITTEN = re.compile(r"edition is in .* \(written in ([\d.]+) s\)")


def build() -> tuple[float, float]:
    """(seconds for the whole build, seconds of it spent writing the zh-Hant edition)."""
    start = time.perf_counter()
    run = subprocess.run([str(JUPYTER_BOOK), "build", ".", "--path-output", ".", "--warningiserror", "--keep-going"],
                         cwd=ROOT, capture_output=True, text=True, check=True)  # fmt: skip
    total = time.perf_counter() - start
    match = WRITTEN.search(run.stdout)
    if not match:
        sys.exit("the build did not write the zh-Hant edition (is carecourse.sphinx in _config.yml?)")
    return total, float(match[1])


def report(name: str, total: float, edition: float) -> None:
    alone = total - edition
    print(f"{name}: both editions {total:.1f} s, Simplified alone {alone:.1f} s, "
          f"zh-Hant edition {edition:.1f} s: ratio {total / alone:.2f} (target <= 1.6)")


def main() -> None:
    if not (BUILD / "html" / "index.html").is_file():
        sys.exit("build the site first: make book")
    report("cached rebuild", *build())
    for stale in ("html", ".doctrees"):
        shutil.rmtree(BUILD / stale, ignore_errors=True)
    report("full build", *build())


if __name__ == "__main__":
    main()
