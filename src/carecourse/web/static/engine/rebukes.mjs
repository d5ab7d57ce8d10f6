// Rebukes (score/rebukes.py): where a reply blames, scolds, mocks or brushes the customer off;
// nothing said inside one is credited, and a rude-sounding phrase in a calm sentence is none.

import { calm } from "./tone.mjs";

export function rebukeSpans(ctx, analysis, notRudeAt) {
  const structure = analysis.structure;
  const found = analysis.ofAny(ctx.rebukes).filter((f) => !notRudeAt(f.nstart, f.nend));
  return found.filter((f) => !calm(ctx, structure, f.nstart)).map((f) => rebukeSpan(ctx, structure, f));
}

// a match of the rude-words lexicons or of a rudeness penalty's own patterns (not, say, the refusal that makes a flat no)
export function rudeSounding(ctx, finding, penaltyId) {
  return ctx.rudeSounding.includes(finding.id) || finding.id === `pattern:${penaltyId}`;
}

// a rebuke covers its clause; a short one standing as a clause of its own covers its whole
// sentence but for a greeting opening it
export function rebukeSpan(ctx, structure, finding) {
  let [start, end] = structure.clauseAt(finding.nstart);
  const phrase = finding.kind === "tone" ? 0 : finding.nend - finding.nstart;
  if (end - start <= Math.max(ctx.toneMarkMax, phrase)) {
    const sentence = structure.sentenceAt(finding.nstart);
    if (sentence) [start, end] = sentence;
    const first = structure.clauseAt(start);
    if (first[1] < finding.nstart && ctx.greetingClause.test(structure.text.slice(first[0], first[1]))) start = first[1];
  }
  return [start, end];
}
