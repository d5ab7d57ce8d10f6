"""Everything the package shows a user, written to a folder, to prove a refactor changed nothing.

    .venv/bin/python bench/snapshot.py OUT [--site _build/html] [--no-demo]
    diff -r BEFORE AFTER

Writes, for every rubric sample and every reply of ``tests/data/heldout/``: the grade's JSON,
its HTML fragment, its terminal view, and a notebook check's HTML and text; the analysis JSON
and annotated HTML; every widget's static HTML; the demo cohort's files (everything but
the gradebook database, the release zip and submission timestamps, which carry clock time);
and, with ``--site``, the built site's pages (search index and static files left out).
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from rich.console import Console

import carecourse
from carecourse.render import terminal
from carecourse.assignments.grader import Check
from carecourse.assignments.items import ItemResult
from carecourse.render.html import annotated_html, grade_html
from carecourse.rubrics import builtin, scenario_ids

ROOT = Path(__file__).resolve().parent.parent
CLOCK_FILES = ("gradebook.db", "*.zip", "timestamp.txt")


def replies() -> list[tuple[str, str]]:
    found = [(s, sample.text) for s in scenario_ids() for sample in builtin(s).samples]
    for path in sorted((ROOT / "tests/data/heldout").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found += [(path.stem, item["text"]) for item in data.get("replies", data.get("samples", []))]
    return found


def terminal_text(renderable) -> str:
    out = io.StringIO()
    Console(file=out, width=100, color_system=None, force_terminal=False).print(renderable)
    return out.getvalue()


def write_replies(out: Path) -> int:
    lines = []
    for scenario, text in replies():
        result = carecourse.grade(scenario, text)
        analysis = carecourse.analyze(text)
        check = Check(ItemResult(item_id="q", kind="reply", points=result.score, max_points=result.max_score,
                                 status="graded", message="", answer=text, grade=result))  # fmt: skip
        lines.append({
            "scenario": scenario, "text": text, "grade": result.to_dict(), "analysis": analysis.to_dict(),
            "grade_html": grade_html(result, text), "annotated_html": annotated_html(analysis),
            "terminal": terminal_text(terminal.grade_view(result, text, builtin(scenario))),
            "analysis_terminal": terminal_text(terminal.analysis_view(analysis)),
            "check_html": check._repr_html_(), "check_text": repr(check),
        })  # fmt: skip
    (out / "replies.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    return len(lines)


def write_widgets(out: Path) -> int:
    """The static site's view of every widget (what a page shows where no kernel runs)."""
    import os

    os.environ["CARECOURSE_STATIC"] = "1"
    from carecourse.widgets import explorer, practice, quality, rewrite

    shown = {f"practice-{s}": practice.practice_box(s, [x.text for x in builtin(s).samples[:2]]) for s in scenario_ids()}
    shown |= {"rewrite": rewrite.question_rewrite(), "quality": quality.quality_calculator(),
              "explorer": explorer.touchpoint_explorer()}  # fmt: skip
    for name, widget in shown.items():
        (out / "widgets").mkdir(exist_ok=True)
        (out / "widgets" / f"{name}.html").write_text(widget._repr_html_(), encoding="utf-8")
    return len(shown)


def write_demo(out: Path) -> int:
    folder = out / "demo"
    subprocess.run([sys.executable, "-m", "carecourse", "demo", str(folder)], check=True, capture_output=True)
    for pattern in CLOCK_FILES:
        for path in folder.rglob(pattern):
            path.unlink()
    return sum(1 for p in folder.rglob("*") if p.is_file())


def write_site(out: Path, site: Path) -> int:
    def ignore(_dir, names):
        return [n for n in names if n in ("_static", "_images", "searchindex.js", ".buildinfo", "_sources")]

    shutil.copytree(site, out / "site", ignore=ignore)
    return sum(1 for p in (out / "site").rglob("*.html"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--site", type=Path)
    parser.add_argument("--no-demo", action="store_true")
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    print(f"replies: {write_replies(args.out)}")
    print(f"widgets: {write_widgets(args.out)}")
    if not args.no_demo:
        print(f"demo files: {write_demo(args.out)}")
    if args.site:
        print(f"site pages: {write_site(args.out, args.site)}")


if __name__ == "__main__":
    main()
