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

export function toneFinding(ctx, structure) {
  const tone = ctx.tone;
  if (tone.score(structure.text) <= ctx.toneThreshold) return null;
  const sentence = tone.heaviest(structure, structure.sentences);
  const clause = sentence ? tone.heaviest(structure, structure.clausesIn(...sentence)) : null;
  return clause ? makeFinding(structure, "forbidden", ...clause, "tone") : null;
}
