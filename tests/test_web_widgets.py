"""The browser's practice widgets draw what Python draws: the graded and annotated reply
(``web/static/feedback.mjs`` against ``render.html``), the quality calculator's numbers and
table (``quality.mjs`` against ``widgets.quality``). Run in Node on many inputs."""

from __future__ import annotations

import itertools
import json
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import carecourse
from carecourse.render.html import annotated_html, grade_html
from carecourse.web.ui import ui
from carecourse.widgets.quality import DIMENSIONS, browser_data, gaps_table_html, quality_gaps

ROOT = Path(__file__).resolve().parent.parent
STATIC = Path(carecourse.__file__).parent / "web" / "static"
CORPUS = ROOT / "tests" / "data" / "corpus" / "dev.jsonl"
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(NODE is None, reason="needs Node (make test installs nodejs)")

# Reads JSON lines {"module", "function", "args"} on stdin, writes one JSON result a line.
RUNNER = """
import { createInterface } from "node:readline";
const modules = {};
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line) continue;
  const { module, function: name, args } = JSON.parse(line);
  modules[module] ??= await import(new URL(module, process.argv[1]).href);
  process.stdout.write(JSON.stringify(modules[module][name](...args)) + "\\n");
}
"""


def run_js(calls: list[tuple[str, str, list]]) -> list:
    """Call functions of the static modules in one Node process, in order."""
    payload = "".join(json.dumps({"module": m, "function": f, "args": a}, ensure_ascii=False) + "\n" for m, f, a in calls)
    out = subprocess.run([NODE, "--input-type=module", "-e", RUNNER, STATIC.as_uri() + "/"], input=payload,
                         capture_output=True, text=True, encoding="utf-8", check=True, timeout=300)  # fmt: skip
    return [json.loads(line) for line in out.stdout.splitlines()]


def _fragment(html: str) -> str:
    """The fragment without its <style> blocks (the page's stylesheet carries those)."""
    return re.sub(r"<style>.*?</style>\n?", "", html, flags=re.S)


def _replies(n: int) -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    picked = random.Random(14).sample(rows, n)
    extra = [("greet-entry", ""), ("greet-entry", "😀您好<b>'&\"</b>欢迎光临！请问您办理什么业务？这边请。"),
             ("complaint-billing", "王先生\n\n非常抱歉！😀😀多扣了您50元，换作是我也会生气。")]  # fmt: skip
    return [(r["scenario"], r["text"]) for r in picked] + extra


def test_graded_reply_is_the_same_html_in_both_runtimes():
    words = ui()["graded"]
    cases = [(s, t, carecourse.grade(s, t)) for s, t in _replies(600)]
    js = run_js([("feedback.mjs", "gradeHtml", [r.to_dict(), t, words, ""]) for _, t, r in cases])
    assert len(js) == len(cases)
    for (scenario, text, result), html in zip(cases, js):
        assert html == _fragment(grade_html(result, text, book_base="")), (scenario, text)
    assert sum('class="cc-penalty"' in h for h in js) > 10 and sum('class="cc-flag"' in h for h in js) > 5


def test_annotated_reply_is_the_same_html_in_both_runtimes():
    from carecourse.detect.lexicon import lexicon

    techniques = {t: {"label": e.label, "colour": e.colour} for t, e in lexicon().items()}
    words = ui()["graded"]
    texts = [t for _, t in _replies(200)] + ["", "没有技巧"]
    calls = [("feedback.mjs", "annotatedHtml", [carecourse.analyze(t).to_dict(), t, techniques, words, legend])
             for t in texts for legend in (True, False)]  # fmt: skip
    js = run_js(calls)
    for (_, _, (analysis, text, *_ , legend)), html in zip(calls, js):
        assert html == _fragment(annotated_html(carecourse.analyze(text), legend=legend)), text


def test_python_number_formats():
    values = [0, -0.0, 1, 10, 2.5, -1.5, 1 / 3, 2 / 3, 123456, 1234567, 0.0001, 0.00001, 1e-7, 99.99999, 3.0000001]
    js = run_js([("feedback.mjs", "formatG", [v]) for v in values])
    assert js == [f"{v:g}" for v in values]
    shares = [k / 1000 for k in range(1001)] + [0.125, 0.625, 0.005, 7 / 16]
    assert run_js([("feedback.mjs", "pct", [s]) for s in shares]) == [f"{s * 100:.0f}%" for s in shares]


def _scores(rng: random.Random, half: bool) -> dict[str, float]:
    step = 0.5 if half else 1
    return {d: rng.choice([1 + step * k for k in range(int(6 / step) + 1)]) for d in DIMENSIONS}


def test_quality_calculator_gives_pythons_numbers_and_table():
    rng = random.Random(10)
    cases = [(_scores(rng, k % 3 == 0), _scores(rng, k % 5 == 0)) for k in range(3000)]
    cases += [(dict.fromkeys(DIMENSIONS, a), dict.fromkeys(DIMENSIONS, b)) for a, b in itertools.product(range(1, 8), repeat=2)]
    data = browser_data()
    js = run_js([c for e, p in cases for c in (("quality.mjs", "qualityGaps", [e, p, data]),
                                                ("quality.mjs", "gapsTableHtml", [e, p, data]))])  # fmt: skip
    for (expected, perceived), gaps, table in zip(cases, js[::2], js[1::2]):
        result = quality_gaps(expected, perceived)
        assert gaps == {"gaps": result.gaps, "average": result.average, "worst": result.worst}
        assert table == gaps_table_html(result), (expected, perceived)


def test_quality_calculator_refuses_what_python_refuses():
    data = browser_data()
    bad = [({"有形性": 5}, dict.fromkeys(DIMENSIONS, 4)), (dict.fromkeys(DIMENSIONS, 9), dict.fromkeys(DIMENSIONS, 4)),
           (dict.fromkeys(DIMENSIONS, 0), dict.fromkeys(DIMENSIONS, 4))]  # fmt: skip
    for expected, perceived in bad:
        with pytest.raises(ValueError):
            quality_gaps(expected, perceived)
    assert run_js([("quality.mjs", "isValid", [e, p, data]) for e, p in bad]) == [False] * len(bad)


def test_the_practice_pages_preload_what_live_mjs_loads():
    from carecourse.sphinx.live import MODULES, SCRIPT, preload_links

    imported, todo = set(), [Path(SCRIPT).name]
    while todo:  # every module live.mjs imports, statically or not, whichever folder it is in
        importer = todo.pop()
        source = (STATIC / importer).read_text(encoding="utf-8")
        for name in re.findall(r'(?:from|import\()\s*"(\.\.?/[\w./-]+\.mjs)"', source):
            path = (STATIC / importer).parent.joinpath(name).resolve().relative_to(STATIC).as_posix()
            if path not in imported:
                imported.add(path)
                todo.append(path)
    assert imported == set(MODULES) and "engine/score.mjs" in imported
    body = '<div class="cc-practice" data-scenario="greet-entry">'
    links = preload_links(body, lambda name: f"../_static/carecourse-web/{name}")
    assert links.count('rel="modulepreload"') == len(MODULES)
    assert 'href="../_static/carecourse-web/data/core.json"' in links and "data/greet-entry.json" in links
    calculator_only = preload_links('<div class="cc-quality-calc">', lambda name: name)
    assert "engine" not in calculator_only and "json" not in calculator_only
