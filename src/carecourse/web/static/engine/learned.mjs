// The rubrics' learned second opinion (score/learned): a criterion the patterns missed,
// met where its model is sure and one clause carries the weight; a criterion met, doubted
// where its doubt model is sure trainers would not count it; a penalty lifted.

import { makeFinding } from "./matcher.mjs";

export function overrule(opinion, structure, cid, found, usable) {
  const model = opinion.models[cid];
  if (found.length || !model) return found;
  const weight = model.weight(structure.text);
  if (model.bias + weight <= opinion.sure) return found;
  const clauses = structure.sentences.flatMap(([s, e]) => structure.clausesIn(s, e));
  const best = model.heaviest(structure, clauses, (s, e) => !usable(s, e));
  if (best && model.weight(structure.text.slice(best[0], best[1])) >= opinion.share * weight) {
    return [makeFinding(structure, `learned:${cid}`, ...best, "learned")];
  }
  return found;
}

export const penaltyKey = (pid) => `p:${pid}`; // a penalty's model, and its token when the patterns found it (learned.penalty_key)

export const doubtKey = (cid) => `d:${cid}`; // the model that doubts a met criterion (learned.doubt_key)

// the log-odds of a model that reads the reply and what its patterns found (Opinion._score)
export function verdictScore(opinion, key, text, said) {
  let score = opinion.models[key].score(text);
  const verdicts = opinion.verdicts[key];
  for (const token of said) score += verdicts[token] ?? 0;
  return score;
}
