// Questions and their kind: bad, closed or open (detect/questions.py).

import { makeFinding } from "./matcher.mjs";
import { finditer, matchAt, pyStrip, search, span } from "./text.mjs";

function questionEnd(ctx, text) {
  const stripped = rstripChars(text, new Set([" ", "\n"]));
  if (stripped.endsWith("?")) return "?";
  const core = rstripChars(stripped, ctx.questions.trailing);
  const unmarked = stripped === core;
  if (unmarked && search(ctx.questions.askedLast, core, 0)) return "wh";
  if (unmarked && core.endsWith("什么")) return null; // (没什么: 么 closes a word, it asks nothing)
  const last = core[core.length - 1];
  return last === "吗" || last === "呢" || last === "么" ? last : null;
}

function rstripChars(text, chars) {
  let end = text.length;
  while (end > 0 && chars.has(text[end - 1])) end--;
  return text.slice(0, end);
}

function questionStart(ctx, text, s, e) {
  const asks = search(ctx.questions.asks, text, s, e);
  const start = asks ? asks.index + asks[0].length - 2 : s;
  const greeted = matchAt(ctx.questions.greeted, text, start);
  const opened = greeted && start + greeted[0].length < e ? start + greeted[0].length : start;
  const lead = matchAt(ctx.questions.leadIn, text, opened);
  return lead && opened + lead[0].length < e ? opened + lead[0].length : opened;
}

export function findQuestions(ctx, structure, bad, closed, open) {
  const found = [];
  const text = structure.text;
  for (const [s, e] of structure.sentences) {
    const kind = bad.kindIn(structure, s, e);
    if (kind !== null) {
      found.push(makeFinding(structure, "bad_question", s, e, kind));
      continue;
    }
    const end = questionEnd(ctx, text.slice(s, e));
    if (end === null || structure.isQuoted(e - 1)) continue;
    const q = questionStart(ctx, text, s, e);
    for (const f of openClauses(ctx, structure, q, e, closed, open)) found.push(f);
    const asked = askedEnd(ctx, text, q, e);
    if (closed.matchesIn(structure, q, asked)) found.push(makeFinding(structure, "closed_question", q, e));
    else if (open.matchesIn(structure, q, asked)) found.push(makeFinding(structure, "open_question", q, e));
    else if (end !== "呢" && end !== "wh" && !unsureAloud(ctx, text, q, e)) found.push(makeFinding(structure, "closed_question", q, e));
  }
  return found;
}

// where what the question asks ends: before the 吗 of "may I ask …吗?" (detect/questions.py _asked_end)
function askedEnd(ctx, text, q, e) {
  const core = rstripChars(text.slice(q, e), ctx.questions.trailing);
  if (!(core.endsWith("吗") || (core.endsWith("么") && !core.endsWith("什么")))) return e;
  const frame = matchAt(ctx.questions.mayIAsk, text, q); // (only for a question ending in 吗, as in Python)
  return frame && q + frame[0].length <= e ? q + core.length - 1 : e;
}

// a question mark after a hedge, with no one addressed: the speaker unsure aloud (好像是二十？)
function unsureAloud(ctx, text, q, e) {
  return search(ctx.questions.doubt, text, q, e) !== null && search(ctx.questions.addressed, text, q, e) === null;
}

function openClauses(ctx, structure, q, e, closed, open) {
  const rules = ctx.questions;
  const clauses = [...finditer(rules.clause, structure.text, q, e)].map(span);
  const found = [];
  for (const [cs, ce] of clauses.slice(0, -1)) {
    const piece = structure.text.slice(cs, ce);
    if (search(rules.notAsking, piece) || !search(rules.askingWord, piece) || pyStrip(ctx, piece).length < 4) continue;
    if (open.matchesIn(structure, cs, ce) && !closed.matchesIn(structure, cs, ce)) found.push(makeFinding(structure, "open_question", cs, ce));
  }
  return found;
}
