"""The browser grader against the Python one: equal results, speed and size, in one run.

Prints how many replies both runtimes graded with equal JSON (every rubric sample, the
held-out samples, the dev corpus and Traditional and full-width twins of all of them), how
many staff replies of the technique corpus's dev part (and their twins) both analysed alike
(``carecourse analyze``: the practice boxes' highlighting), the median time of one grade in
Python and in Node (measured inside each, start-up excluded) and the gzipped size of every
file ``carecourse web`` writes.

    .venv/bin/python bench/web_engine.py
"""

from __future__ import annotations

import gzip
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import opencc

from carecourse import analyze, grade
from carecourse.evaluation import jsonl
from carecourse.evaluation.validity import development_replies
from carecourse.web import write_web

ROOT = Path(__file__).resolve().parent.parent
FULL_WIDTH = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in map(chr, range(0x21, 0x7F))})

NODE_TIMER = """
import { loadEngine } from "./engine.mjs";
import { readFileSync } from "node:fs";
const { items, texts } = JSON.parse(readFileSync(0, "utf8"));
const engine = await loadEngine(new URL("./", import.meta.url), [...new Set(items.map((i) => i[0]))]);
const times = [];
const results = items.map(([sid, text]) => {
  const start = performance.now();
  const result = engine.grade(sid, text);
  times.push(performance.now() - start);
  return result;
});
const analyses = texts.map((text) => engine.analyze(text));
console.log(JSON.stringify({ times, results, analyses }));
"""


def corpus() -> list[tuple[str, str]]:
    sids, texts = zip(*development_replies(ROOT / "tests" / "data"))
    return list(zip(sids * 3, with_twins(list(texts))))


def staff_replies() -> list[str]:
    """The technique corpus's dev part (never its test part) and its twins."""
    return with_twins([r["text"] for r in jsonl(ROOT / "tests" / "data" / "techniques" / "dev.jsonl")])


def with_twins(texts: list[str]) -> list[str]:
    """The texts, then each in Traditional script, then each with full-width ASCII."""
    s2t = opencc.OpenCC("s2t")
    return texts + [s2t.convert(t) for t in texts] + [t.translate(FULL_WIDTH) for t in texts]


def main() -> None:
    node = shutil.which("node")
    if not node:
        sys.exit("node is not installed (make node-deps)")
    items, texts = corpus(), staff_replies()
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_web(tmp)
        (folder / "timer.mjs").write_text(NODE_TIMER, encoding="utf-8")
        out = subprocess.run([node, folder / "timer.mjs"], input=json.dumps({"items": items, "texts": texts}), capture_output=True, text=True, check=True)
        sizes = {p.relative_to(folder).as_posix(): (p.stat().st_size, len(gzip.compress(p.read_bytes(), 9)))
                 for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "timer.mjs"}  # fmt: skip
    node_run = json.loads(out.stdout)
    python_times, python_results = [], []
    for sid, text in items:
        start = time.perf_counter()
        python_results.append(grade(sid, text).to_dict())
        python_times.append((time.perf_counter() - start) * 1000)
    equal = sum(1 for a, b in zip(python_results, node_run["results"], strict=True) if a == b)
    alike = sum(1 for t, b in zip(texts, node_run["analyses"], strict=True) if analyze(t).to_dict() == b)
    py_ms, js_ms = statistics.median(python_times), statistics.median(node_run["times"])
    print(f"equal results: {equal:,} of {len(items):,} replies ({equal / len(items):.2%})")
    print(f"equal analyses: {alike:,} of {len(texts):,} staff replies ({alike / len(texts):.2%})")
    print(f"median grade: Python {py_ms:.3f} ms, Node {js_ms:.3f} ms (Node/Python {js_ms / py_ms:.2f})")
    print(f"{'file':32} {'bytes':>9} {'gzipped':>9}")
    for name, (raw, packed) in sizes.items():
        print(f"{name:32} {raw:>9,} {packed:>9,}")


if __name__ == "__main__":
    main()
