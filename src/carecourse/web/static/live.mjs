// The site's live practice: the one script a page with a practice loads
// (carecourse.sphinx.live adds it to those pages only). It wakes up the quality calculator
// at once (plain arithmetic), loads the browser grader with the scenario of the page's
// first practice box (each other box fetches its own when the learner turns to it, so a
// page with several boxes does not download every rubric up front), then wakes up the
// practice boxes and the question-rewrite exercise. Everything runs on the reader's
// device: nothing is sent anywhere.

import { initCalculator } from "./quality.mjs";
import { initPractice } from "./practice.mjs";
import { initRewrite } from "./rewrite.mjs";

const HERE = new URL("./", import.meta.url);

/** Resolves to the loaded engine (null when there is none) once the page's practices are
 *  live; tests and bench/web_page.py wait for it. */
async function start() {
  performance.mark("carecourse-live-start");
  for (const calc of document.querySelectorAll(".cc-quality-calc")) initCalculator(calc);
  const boxes = [...document.querySelectorAll(".cc-practice[data-scenario]")];
  const rewrites = [...document.querySelectorAll(".cc-rewrite")];
  if (!boxes.length && !rewrites.length) return null;
  const first = boxes.length ? [boxes[0].dataset.scenario] : [];
  let engine;
  try {
    const { loadEngine } = await import("./engine.mjs");
    engine = await loadEngine(HERE, first);
    performance.mark("carecourse-engine-loaded");
  } catch (err) {
    // The forms stay hidden and the note says how else to practise.
    console.warn("carecourse: the browser grader did not load", err);
    return null;
  }
  for (const box of boxes) initPractice(box, engine, first.includes(box.dataset.scenario));
  for (const rewrite of rewrites) initRewrite(rewrite, engine);
  performance.mark("carecourse-live-ready");
  document.documentElement.dataset.ccLive = "ready";
  warmUp(engine, first[0], boxes[0]);
  return engine;
}

/** A first grade costs a cold engine some 100 ms (its patterns compile on first use): grade
 *  the first worked example while the reader is still reading, so their first 评分 is quick. */
function warmUp(engine, scenario, box) {
  if (!scenario) return;
  const example = box.querySelector(".cc-fb .cc-reply")?.textContent ?? "";
  const idle = window.requestIdleCallback ?? ((f) => setTimeout(f, 50));
  idle(() => {
    const start = performance.now();
    try {
      engine.grade(scenario, example);
    } catch {
      /* the learner's own grade will say what is wrong */
    }
    performance.measure("carecourse-first-grade", { start }); // bench/web_page.py reports it
  });
}

export const ready = start();
