// A sentence's tone (detect/tone.py): rude in words no lexicon lists, or clearly calm.

import { makeFinding } from "./matcher.mjs";

// the sentence holding pos reads clearly not rude and its clause carries no rude weight:
// a rude-sounding phrase there is no rebuke (detect/tone.py calm)
export function calm(ctx, structure, pos) {
  const [start, end] = structure.sentenceAt(pos) || structure.clauseAt(pos);
  if (ctx.tone.score(structure.text.slice(start, end)) >= ctx.toneCalm) return false;
  const [s, e] = structure.clauseAt(pos);
  return ctx.tone.weight(structure.text.slice(s, e)) <= 0;
}

// the whole reply above the threshold, or one that leans rude (above the sentence gate) whose
// rudest sentence is above the sentence threshold on its own (detect/tone.py rude_clause)
export function toneFinding(ctx, structure) {
  const tone = ctx.tone;
  const score = tone.score(structure.text);
  const gate = ctx.toneSentenceGate;
  if (score <= ctx.toneThreshold && (gate === null || score <= gate)) return null;
  const sentence = tone.heaviest(structure, structure.sentences);
  if (sentence && score <= ctx.toneThreshold && tone.score(structure.text.slice(...sentence)) <= ctx.toneSentenceThreshold) return null;
  const clause = sentence ? tone.heaviest(structure, structure.clausesIn(...sentence)) : null;
  return clause ? makeFinding(structure, "forbidden", ...clause, "tone") : null;
}
