"""The grader for the browser: ``write_web(folder)`` writes it, ``carecourse web DIR`` too.

The folder gets the JavaScript engine (``engine.mjs`` and its steps in ``engine/``, the
Python pipeline step for step), its Node command line (``cli.mjs``, the contract of
``carecourse grade``/``analyze``), the data compiled from this package (``data/core.json``
and one ``data/<scenario>.json`` per rubric, see ``data.py``), the other browser files of
``static/`` and the stylesheets of ``render/templates/web/``. Python is the one source of
truth: nothing there is edited by hand, and ``tests/test_web.py`` fails when a written
folder is stale.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from carecourse.render import render
from carecourse.rubrics import scenario_ids
from carecourse.web import data

__all__ = ["web_files", "write_web"]


def web_files() -> dict[str, str]:
    """Every file of the browser grader, by its path in the folder."""
    files = {"data/core.json": _json(data.core())}
    files |= {f"data/{sid}.json": _json(data.scenario(sid)) for sid in scenario_ids()}
    files |= dict(_static_files(resources.files(__package__).joinpath("static")))
    templates = resources.files("carecourse.render").joinpath("templates", "web")
    if templates.is_dir():
        files |= {f.name: render(f"web/{f.name}") + "\n" for f in templates.iterdir() if f.name.endswith(".css")}
    return files


def write_web(folder: str | Path) -> Path:
    """Write the browser grader into ``folder``; files already up to date are left alone."""
    folder = Path(folder)
    for name, text in web_files().items():
        path = folder / name
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def _static_files(folder, prefix: str = ""):
    """(path in the folder, text) of every file under ``folder``, in its subfolders too."""
    for entry in folder.iterdir():
        if entry.is_dir():
            yield from _static_files(entry, f"{prefix}{entry.name}/")
        elif entry.is_file():
            yield f"{prefix}{entry.name}", entry.read_text(encoding="utf-8")


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"
