// Evidence quoted as the learner reads it (score/quotes.py).

import { makeFinding } from "./matcher.mjs";

/** score.quotes.in_whole_clauses: the finding widened to the whole clauses it starts and ends in,
 * but not past a space. */
export function inWholeClauses(structure, f) {
  const text = structure.text;
  let [start, end] = structure.clauseAt(f.nstart);
  if (f.nend - 1 >= end) end = structure.clauseAt(f.nend - 1)[1]; // (it ends in a later clause)
  const before = f.nstart > start ? text.lastIndexOf(" ", f.nstart - 1) : -1;
  start = Math.min(f.nstart, Math.max(start, before + 1));
  const space = f.nend < end ? text.indexOf(" ", f.nend) : -1;
  end = Math.max(f.nend, space < 0 || space >= end ? end : space);
  while (start < f.nstart && text[start] === '"') start++; // (a quotation mark at its edge is not said)
  while (end > f.nend && text[end - 1] === '"') end--;
  return start === f.nstart && end === f.nend ? f : makeFinding(structure, f.id, start, end, f.kind);
}

/** score.quotes.joined_in_clauses: evidence that overlaps, or lies in one clause at most `gap`
 * (score.quotes.QUOTE_GAP) apart with no space between, is one quote. */
export function joinedInClauses(structure, found, gap) {
  if (found.length < 2) return found;
  const joined = [];
  let clauseEnd = null; // where the clause holding the last piece's end ends (found when asked)
  for (const f of [...found].sort((a, b) => a.nstart - b.nstart || a.nend - b.nend)) {
    const last = joined[joined.length - 1];
    if (last && f.nstart - last.nend <= gap) {
      if (f.nstart >= last.nend && clauseEnd === null) clauseEnd = structure.clauseAt(Math.max(last.nstart, last.nend - 1))[1];
      if (f.nstart < last.nend || (f.nstart < clauseEnd && !structure.text.slice(last.nend, f.nstart).includes(" "))) {
        if (f.nend > last.nend) {
          joined[joined.length - 1] = makeFinding(structure, last.id, last.nstart, f.nend, last.kind);
          clauseEnd = null;
        }
        continue;
      }
    }
    joined.push(f);
    clauseEnd = null;
  }
  return joined;
}
