// Step 2, detect (carecourse/detect): the techniques a reply uses, found once each (Analysis).

import { makeFinding } from "./matcher.mjs";
import { findQuestions } from "./questions.mjs";
import { bySpan, overlaps } from "./text.mjs";
import { toneFinding } from "./tone.mjs";

export const QUESTIONS = ["bad_question", "closed_question", "open_question"];

export class Analysis {
  constructor(ctx, structure) {
    this.ctx = ctx;
    this.structure = structure;
    this.found = new Map();
    this.patternMet = []; // the criteria a rubric's patterns met before its second opinion (criterionEvidence)
    this.patternSaid = null; // patternVerdicts, once asked
    this.penaltyFound = new Map(); // each penalty's evidence, worked out once (penaltyEvidence)
    this.negatedBy = new Map(); // each deed's negated words, worked out once (negated)
    this.listed = null; // where the text lists techniques by name (listedSpans), once asked
  }

  of(technique) {
    if (!this.found.has(technique)) {
      if (!this.ctx.rank.has(technique)) return [];
      this.detect(technique);
    }
    return this.found.get(technique);
  }

  ofAny(techniques) {
    const ranked = techniques.filter((t) => this.ctx.rank.has(t));
    ranked.sort((a, b) => this.ctx.rank.get(a) - this.ctx.rank.get(b));
    const found = ranked.flatMap((t) => this.of(t));
    return found.sort(bySpan); // stable: where two spans are equal, the rank order stays
  }

  // the lexicons' findings and, for a technique they do not find, the clause where a learned
  // model reads it (detect/__init__.py Analysis.findings); rubrics draw on the lexicons alone
  findings() {
    return [...this.ofAny(this.ctx.techniques), ...this.learned()].sort(bySpan);
  }

  // one clause, one reading: where two models pick the same clause, the surer one's (learned.py)
  learned() {
    const learned = this.ctx.learned;
    const missing = this.ctx.techniques.filter((t) => learned.models[t] && !this.of(t).length);
    if (!missing.length) return [];
    const clauses = this.openClauses();
    const readings = new Map();
    for (const t of missing) {
      const model = learned.models[t];
      const undone = this.undone([t]);
      const open = clauses.filter(([s, e]) => !undone(s, e));
      const span = model.heaviest(this.structure, open); // (a clause's score is the bias plus its weight)
      const score = span ? model.score(this.structure.text.slice(span[0], span[1])) : learned.sure;
      const key = String(span);
      if (score > learned.sure && (!readings.has(key) || score > readings.get(key).score)) readings.set(key, { score, t, span });
    }
    const found = [...readings.values()].map(({ t, span }) => makeFinding(this.structure, t, ...span, "learned"));
    return found.sort((a, b) => missing.indexOf(a.id) - missing.indexOf(b.id));
  }

  // a clause saying a deed of these techniques (or one whose negated words are also) was not done, its words negated or refused
  // ("今天我这边不会给您查"): no learned model reads the deed there; one typed with spaces may
  // be several, one refused and one done, and is left to the models (Analysis.undone)
  undone(techniques, also = []) {
    const spans = [...techniques.flatMap((t) => this.negated(t)), ...also];
    const text = this.structure.text;
    return (s, e) => spans.length > 0 && !text.slice(s, e).includes(" ") && overlaps(s, e, spans);
  }

  // where a deed's lexicon matched words that negation or a refusal cancels (Analysis.negated)
  negated(technique) {
    if (!this.negatedBy.has(technique)) {
      const matcher = this.ctx.deeds.includes(technique) ? this.ctx.lexicons[technique] : null;
      this.negatedBy.set(technique, matcher ? matcher.negated(this.structure) : []);
    }
    return this.negatedBy.get(technique);
  }

  // not the customer's quoted words, not in a sentence that blames, scolds or asks a bad question
  openClauses() {
    const structure = this.structure;
    const rebukes = this.ofAny(this.ctx.rudeSounding).map((f) => structure.sentenceAt(f.nstart) || [f.nstart, f.nend]);
    return structure.sentences
      .flatMap(([s, e]) => structure.clausesIn(s, e))
      .filter(([s, e]) => !structure.isQuoted(s) && !overlaps(s, e, rebukes));
  }

  detect(technique) {
    const lexicons = this.ctx.lexicons;
    if (QUESTIONS.includes(technique)) {
      const found = findQuestions(this.ctx, this.structure, ...QUESTIONS.map((t) => lexicons[t]));
      for (const t of QUESTIONS) this.found.set(t, unique(found.filter((f) => f.id === t)));
      return;
    }
    const matcher = lexicons[technique];
    let found = matcher.find(this.structure);
    // rude in words no lexicon lists; a clause the lexicon declares not rude is not rude by tone
    if (technique === "forbidden" && !found.length && !this.of("negative_label").length) {
      const tone = toneFinding(this.ctx, this.structure);
      if (tone && !this.of("bad_question").length && !matcher.excludes(this.structure, tone.nstart, tone.nend)) found = [tone];
    }
    this.found.set(technique, unique(found));
  }
}

export function unique(found) {
  const bySpanKey = new Map();
  for (const f of found) bySpanKey.set(`${f.start},${f.end}`, f);
  return [...bySpanKey.values()].sort(bySpan);
}
