// The carecourse grader in JavaScript: the Python pipeline step for step, with the same
// results. Its data (data/*.json) is compiled from the Python package by `carecourse web`;
// never edit it by hand. No dependencies. Each step is a module of engine/, named after the
// Python module it follows:
//
//   core        the data compiled once (carecourse/web/data.py writes it)
//   normalize   carecourse/normalize: the text as the grader reads it, with its map back
//   structure, matcher, questions, linear, tone, detect
//               carecourse/detect: sentences and clauses, the lexicons, the Analysis
//   score, spans, quotes, learned, gaming
//               carecourse/score: a rubric applied, its evidence, the second opinion, flags
//   feedback    carecourse/feedback: the result as the learner reads it
//   text        Python's re and bisect, as the steps use them
//
// Offsets are Python string indices (code points), never UTF-16 units. Internally the
// normalised text keeps one code unit per character: a character above U+FFFF (or a
// private-use one) is replaced by a private-use stand-in, which every pattern treats the
// same way (see carecourse/web/jsregex.py).

import { compileCore } from "./engine/core.mjs";
import { Analysis } from "./engine/detect.mjs";
import { writeFeedback } from "./engine/feedback.mjs";
import { findingDict } from "./engine/matcher.mjs";
import { normalize } from "./engine/normalize.mjs";
import { applyRubric, compileRubric } from "./engine/score.mjs";
import { Structure } from "./engine/structure.mjs";

export async function loadEngine(base, scenarioIds = []) {
  const read = jsonReader(base);
  const [core, ...rubrics] = await Promise.all(["core", ...scenarioIds].map((name) => read(`data/${name}.json`)));
  const engine = createEngine(core, read);
  scenarioIds.forEach((id, k) => engine.addScenario(id, rubrics[k]));
  return engine;
}

function jsonReader(base) {
  return async (name) => {
    const url = new URL(name, base);
    if (url.protocol === "file:") {
      const { readFile } = await import("node:fs/promises");
      return JSON.parse(await readFile(url, "utf8"));
    }
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  };
}

export function createEngine(core, read = null) {
  const ctx = compileCore(core);
  const scenarios = new Map();
  return {
    techniques: Object.fromEntries(core.techniques.map((t) => [t, { label: core.lexicons[t].label, colour: core.lexicons[t].colour }])),
    colours: core.colours,
    knownScenarios: core.scenarios,
    addScenario(id, data) {
      scenarios.set(id, compileRubric(ctx, data));
    },
    async load(id) {
      if (!scenarios.has(id)) {
        if (!read) throw new Error(`scenario ${id} is not loaded`);
        this.addScenario(id, await read(`data/${id}.json`));
      }
    },
    rubric(id) {
      return rubricOf(scenarios, id).data;
    },
    analyze(text) {
      const analysis = new Analysis(ctx, new Structure(ctx, normalize(ctx, asText(text))));
      return { techniques: analysis.findings().map(findingDict) };
    },
    /** The text as the grader reads it (Python's normalize(text).text, characters above
     *  U+FFFF as their stand-ins): Traditional folded to Simplified, punctuation and blanks
     *  folded, typos fixed. */
    normalized(text) {
      return normalize(ctx, asText(text)).text;
    },
    grade(id, text) {
      const rubric = rubricOf(scenarios, id);
      const analysis = new Analysis(ctx, new Structure(ctx, normalize(ctx, asText(text))));
      return writeFeedback(ctx, applyRubric(ctx, rubric, analysis));
    },
  };
}

function rubricOf(scenarios, id) {
  const rubric = scenarios.get(id);
  if (!rubric) throw new Error(`unknown scenario '${id}' (known: ${[...scenarios.keys()].sort().join(", ")})`);
  return rubric;
}

function asText(text) {
  if (typeof text !== "string") throw new TypeError(`a reply must be text, not ${typeof text}`);
  return text;
}
