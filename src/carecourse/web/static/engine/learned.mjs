// The rubrics' learned second opinion (score/learned): a criterion the patterns missed,
// met where its model (or then the model of the replies the grader misses it in) is sure and
// one clause carries the weight; a criterion met, doubted
// where its doubt model is sure trainers would not count it; a penalty lifted.

import { makeFinding } from "./matcher.mjs";

export function overrule(opinion, structure, cid, found, usable, said = new Set(), usableByMiss = usable) {
  if (found.length) return found;
  for (const [key, vet, sure] of [[cid, usable, opinion.sure], [missKey(cid), usableByMiss, opinion.missSure]]) {
    if (!opinion.models[key] || verdictScore(opinion, key, structure.text, said) <= sure) continue;
    const finding = evidence(opinion, structure, key, cid, vet);
    if (finding) return [finding];
  }
  return found;
}

// a penalty the patterns missed, added where the model of the replies the grader misses it in is
// sure and one clause carries the weight (learned.Opinion.adds): [its finding], or []
export function adds(opinion, structure, pid, said) {
  const key = addKey(pid);
  if (!opinion.models[key] || verdictScore(opinion, key, structure.text, said) <= opinion.addSure) return [];
  const finding = evidence(opinion, structure, key, pid);
  return finding ? [finding] : [];
}

// the clause model `key` weighs heaviest (of those `usable` accepts) as the evidence
// `learned:<name>`, if it carries the share of the reply's weight; else null (Opinion._evidence)
function evidence(opinion, structure, key, name, usable = () => true) {
  const model = opinion.models[key];
  const clauses = structure.sentences.flatMap(([s, e]) => structure.clausesIn(s, e));
  const best = model.heaviest(structure, clauses, (s, e) => !usable(s, e));
  if (best && model.weight(structure.text.slice(best[0], best[1])) >= opinion.share * model.weight(structure.text)) {
    return makeFinding(structure, `learned:${name}`, ...best, "learned");
  }
  return null;
}

export const addKey = (pid) => `a:${pid}`; // the model that may add a penalty the grader missed (learned.add_key)
export const missKey = (cid) => `m:${cid}`; // the model of the replies the grader misses a criterion in (learned.miss_key)
export const penaltyKey = (pid) => `p:${pid}`; // a penalty's model, and its token when the patterns found it (learned.penalty_key)

export const doubtKey = (cid) => `d:${cid}`; // the model that doubts a met criterion (learned.doubt_key)

// the log-odds of a model that reads the reply and what its patterns found (Opinion._score)
export function verdictScore(opinion, key, text, said) {
  return opinion.models[key].score(text) + saidWeight(opinion, key, said);
}

// what a model makes of what the patterns found; nothing, for one that does not read it (Opinion._said_weight)
function saidWeight(opinion, key, said) {
  const verdicts = opinion.verdicts[key] ?? {};
  let weight = 0;
  for (const token of said) weight += verdicts[token] ?? 0;
  return weight;
}
