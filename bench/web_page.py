"""The live practice pages in headless Chromium: what they add, how soon they are ready,
how fast a grade is.

For every lab page of the built site (``make book`` writes ``_build/html``), opened cold
(a fresh browser context, the site served on localhost):

- added: every file the page loads from ``_static/carecourse-web/`` (engine, data,
  scripts, stylesheet), gzipped (level 6, as a web server would), plus the data the page's
  practices carry in the HTML (their ``cc-data`` JSON): at load (the engine, its core data
  and the first box's scenario) and once the reader has turned to every practice box (each
  other box fetches its scenario then);
Each page is loaded ``--runs`` times (default 3), cold each time; times are the median.

- ready: from the load event to the first grade being possible (``carecourse-live-ready``,
  marked by live.mjs once the engine and the page's scenarios are loaded); 0 when it was
  ready before the load event;
- first grade: the cold engine's first grade, which live.mjs does itself once the page is
  idle (the first worked example), so that the reader's first 评分 is as quick as the rest;
- grade: the median time of ``engine.grade`` over about 200 corpus replies to the page's
  scenarios, and of grading plus drawing the feedback (``gradeHtml``).

Targets (issue 14): added <= 300 kB gzipped (both figures); ready <= 300 ms after load; grade <= 5 ms
median. Run: ``.venv/bin/python bench/web_page.py [--replies 200]``.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import random
import shutil
import statistics
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "_build" / "html"
CORPUS = ROOT / "tests" / "data" / "corpus" / "dev.jsonl"
LABS = ["m4-lab", "m6-lab", "m7-lab", "m8-lab", "m9-lab", "m10-lab"]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FOLDER = "/_static/carecourse-web/"

MEASURE = """async ([replies]) => {
  // the page's own module (its address carries Sphinx's ?v=…), not a second copy of it
  const live = await import(document.querySelector('script[type="module"][src*="live.mjs"]').src);
  const { gradeHtml } = await import(new URL('../_static/carecourse-web/feedback.mjs', location.href).href);
  const engine = await live.ready;
  while (!performance.getEntriesByName('carecourse-first-grade').length) await new Promise((r) => setTimeout(r, 20));
  const firstGrade = performance.getEntriesByName('carecourse-first-grade')[0].duration;
  const words = JSON.parse(document.querySelector('.cc-practice script.cc-data').textContent).words;
  const nav = performance.getEntriesByType('navigation')[0];
  const mark = performance.getEntriesByName('carecourse-live-ready')[0];
  for (const [s, t] of replies.slice(0, 20)) engine.grade(s, t);  // warm up
  const grade = [], drawn = [];
  for (const [s, t] of replies) {
    const a = performance.now();
    const r = engine.grade(s, t);
    const b = performance.now();
    gradeHtml(r, t, words, '');
    drawn.push(performance.now() - a);
    grade.push(b - a);
  }
  return { load: nav.loadEventStart, ready: mark.startTime, grade, drawn, firstGrade };
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def replies_for(scenarios: list[str], n: int) -> list[list[str]]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    mine = [[r["scenario"], r["text"]] for r in rows if r["scenario"] in scenarios]
    return random.Random(14).sample(mine, min(n, len(mine)))


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def page_data_bytes(html: str) -> int:
    import re

    return sum(gz(m.encode()) for m in re.findall(r'<script type="application/json" class="cc-data">(.*?)</script>', html))


def measure(page, base: str, name: str, n: int) -> dict:
    loaded: dict[str, bytes] = {}

    def on_response(response) -> None:
        if FOLDER in response.url and response.ok:
            loaded[response.url.split(FOLDER, 1)[1].split("?")[0]] = response.body()

    page.on("response", on_response)
    page.goto(f"{base}/book/{name}.html", wait_until="load")
    page.wait_for_function("document.documentElement.dataset.ccLive === 'ready'", timeout=20_000)
    html = page.content()
    at_load = dict(loaded)
    forms = page.locator(".cc-practice form.cc-live")
    for k in range(forms.count()):  # the reader turns to every box: each fetches its scenario
        forms.nth(k).locator(".cc-answer").focus()
        page.locator(f".cc-practice >> nth={k} >> form[data-loaded='1']").wait_for()
    scenarios = page.eval_on_selector_all(".cc-practice[data-scenario]", "els => els.map(e => e.dataset.scenario)")
    figures = page.evaluate(MEASURE, [replies_for(scenarios, n)])
    return {
        "page": name,
        "files": {k: (len(v), gz(v)) for k, v in sorted(loaded.items())},
        "added_gz": sum(gz(v) for v in loaded.values()) + page_data_bytes(html),
        "at_load_gz": sum(gz(v) for v in at_load.values()) + page_data_bytes(html),
        "ready_after_load_ms": max(0.0, figures["ready"] - figures["load"]),
        "ready_ms": figures["ready"],
        "first_grade_ms": figures["firstGrade"],
        "grade_median_ms": statistics.median(figures["grade"]),
        "grade_p95_ms": sorted(figures["grade"])[int(0.95 * len(figures["grade"])) - 1],
        "drawn_median_ms": statistics.median(figures["drawn"]),
        "replies": len(figures["grade"]),
    }


def _median_run(runs: list[dict]) -> dict:
    """One page's figures: the times are the median over its cold loads."""
    out = dict(runs[0])
    for key in ("ready_after_load_ms", "ready_ms", "first_grade_ms", "grade_median_ms", "grade_p95_ms", "drawn_median_ms"):
        out[key] = statistics.median(r[key] for r in runs)
    out["runs"] = len(runs)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--replies", type=int, default=200, help="replies graded per page (default 200)")
    parser.add_argument("--runs", type=int, default=3, help="cold loads per page; times are their median (default 3)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if not (SITE / "book" / "m8-lab.html").is_file():
        print("the site is not built: run `make book`", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    server, base = serve(SITE)
    results = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            for name in LABS:
                runs = []
                for _ in range(args.runs):
                    context = browser.new_context()
                    runs.append(measure(context.new_page(), base, name, args.replies))
                    context.close()
                results.append(_median_run(runs))
            browser.close()
    finally:
        server.shutdown()
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    print(f"{'page':<9} {'at load gz':>10} {'every box gz':>12} {'ready after load':>17} {'ready (nav)':>12} {'1st grade':>10} {'grade median':>13} "
          f"{'grade p95':>10} {'grade+draw':>11} {'replies':>8}")  # fmt: skip
    for r in results:
        print(f"{r['page']:<9} {r['at_load_gz'] / 1000:>8.1f}kB {r['added_gz'] / 1000:>10.1f}kB {r['ready_after_load_ms']:>15.0f}ms {r['ready_ms']:>10.0f}ms {r['first_grade_ms']:>8.0f}ms "
              f"{r['grade_median_ms']:>11.2f}ms {r['grade_p95_ms']:>8.2f}ms {r['drawn_median_ms']:>9.2f}ms "
              f"{r['replies']:>8}")  # fmt: skip
    heaviest = max(results, key=lambda r: r["added_gz"])
    print(f"\nfiles of the heaviest page ({heaviest['page']}), bytes and gzipped:")
    for name, (raw, packed) in heaviest["files"].items():
        print(f"  {name:<36} {raw:>9,} {packed:>9,}")
    at_load = max(r["at_load_gz"] for r in results) / 1000
    worst = max(r["added_gz"] for r in results) / 1000
    ready = max(r["ready_after_load_ms"] for r in results)
    grade = statistics.median(r["grade_median_ms"] for r in results)
    print(f"\ntargets: added <= 300 kB gz: {at_load:.1f} kB at load, {worst:.1f} kB with every box used (worst page); "
          f"ready <= 300 ms after load: {ready:.0f} ms (worst page); grade <= 5 ms median: {grade:.2f} ms")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
