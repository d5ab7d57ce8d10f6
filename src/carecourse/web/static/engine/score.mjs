// Step 3, score (carecourse/score): a rubric applied to an Analysis, each criterion's and
// penalty's evidence, the points.

import { unique } from "./detect.mjs";
import { blankSpans, echoes, gamingCheck, listedSpans, saidInClause } from "./gaming.mjs";
import { adds, doubtKey, overrule, penaltyKey, verdictScore } from "./learned.mjs";
import { learnedModels } from "./linear.mjs";
import { PhraseMatcher, makeFinding } from "./matcher.mjs";
import { contentOf } from "./normalize.mjs";
import { inWholeClauses, joinedInClauses } from "./quotes.mjs";
import { rebukeSpan, rebukeSpans, rudeSounding } from "./rebukes.mjs";
import { coveredBy, overlapTest } from "./spans.mjs";
import { pyStrip, regex, search } from "./text.mjs";
import { calm } from "./tone.mjs";

export function compileRubric(ctx, data) {
  const r = data.rubric;
  const items = [...r.criteria, ...r.penalties];
  const learned = data.learned;
  // a penalty drawing on the rude-words lexicon is about rudeness (score/__init__.py)
  const rude = new Set(r.penalties.filter((p) => p.techniques.includes("forbidden")).map((p) => p.id));
  return {
    data: r,
    sets: Object.fromEntries(Object.entries(r.sets).map(([name, m]) => [name, new PhraseMatcher(m)])),
    own: Object.fromEntries(items.map((item) => [item.id, new PhraseMatcher(item.matcher)])),
    opinion: learned && learnedModels(learned, learned.criteria),
    rude,
    // what those penalties do not count (their spoilt_by sets) is no rebuke here either
    notRude: [...new Set(r.penalties.filter((p) => rude.has(p.id)).flatMap((p) => p.spoilt_by))],
    asOne: Object.fromEntries(r.criteria.filter((c) => c.count_as_one).map((c) => [c.id, regex(c.count_as_one)])),
    // evidence wholly in one of these forms meets the criterion weakly (score/__init__.py weakly)
    weak: Object.fromEntries(r.criteria.filter((c) => c.weak).map((c) => [c.id, new RegExp(`^(?:${c.weak})$`, "u")])),
    customerContent: r.customer_says ? contentOf(ctx, r.customer_says) : "",
    placeholderContent: r.placeholder ? contentOf(ctx, r.placeholder) : null,
  };
}

function matched(rubric, item, analysis) {
  const found = [analysis.ofAny(item.techniques), rubric.own[item.id].find(analysis.structure)];
  for (const name of item.sets) found.push(rubric.sets[name].find(analysis.structure));
  const all = unique(found.flat());
  if (!rubric.rude.has(item.id)) return all;
  const ctx = analysis.ctx;
  return all.filter((f) => (f.id === "bad_question" && ctx.uncalmed.includes(f.kind)) || !rudeSounding(ctx, f, item.id) || !calm(ctx, analysis.structure, f.nstart));
}

// how many different pieces of evidence: the same words count once, and so does all evidence
// the criterion's count_as_one patterns match in the normalised text (score/__init__.py _distinct)
const AS_ONE = {};

function distinct(ctx, found, asOne, text) {
  const key = (f) => (asOne && found.length > 1 && search(asOne, text, f.nstart, f.nend) ? AS_ONE : pyStrip(ctx, f.text));
  return new Set(found.map(key)).size;
}

export function applyRubric(ctx, rubric, analysis) {
  const r = rubric.data;
  let evidence = criterionEvidence(ctx, rubric, analysis);
  const patternFindings = Object.values(evidence).flat().filter((f) => f.id.startsWith("pattern:"));
  const flag = gamingCheck(ctx, rubric, analysis, patternFindings);
  // (a repeated reply's criteria are met, scored nothing; a parroting one's, unless they restate his words)
  const voidedFor = (c) => flag !== null && !ctx.gaming.said.has(flag) && !(ctx.gaming.saidButNotRestated.has(flag) && !c.in_quotes);
  let counts = () => true; // which penalty evidence counts
  if (flag === "keyword_list") {
    const said = saidInClause(ctx, analysis.structure.text);
    evidence = Object.fromEntries(Object.entries(evidence).map(([cid, found]) => [cid, found.filter(said)]));
    counts = saidOrRude(ctx, analysis, said);
  }
  let criteria = r.criteria.map((c) => {
    const found = evidence[c.id];
    const need = c.order ? 1 : c.min_count;
    const count = distinct(ctx, found, rubric.asOne[c.id], analysis.structure.text);
    const voided = voidedFor(c);
    const met = !voided && count >= need;
    const countedOnce = !met && !voided && Boolean(rubric.asOne[c.id]) && distinct(ctx, found, null, analysis.structure.text) >= need;
    const share = c.partial_credit || met ? Math.min(count, need) / need : 0; // one of two open questions earns half
    const points = flag === null ? pyRound2(c.points * share) : 0;
    const quoted = c.quote_clause ? found.map((f) => inWholeClauses(analysis.structure, f)) : found;
    const shown = c.order ? quoted : joinedInClauses(analysis.structure, quoted, ctx.quoteGap);
    const [rebuked, echoed] = met ? [[], []] : [analysis.rebuked[c.id] || [], analysis.echoed[c.id] || []];
    const reversed = met ? [] : sidesSaid(analysis.structure, c, analysis.reversed[c.id] || []);
    return { criterion: c, met, points, evidence: shown, rebuked, echoed, reversed, countedOnce, enough: count >= need, doubted: [], refused: [], spoilt: [], spoiltSaid: "", weak: false };
  });
  if (rubric.opinion) criteria = criteria.map((scored) => doubted(ctx, rubric, scored, analysis));
  criteria = criteria.map((scored) => withRefused(scored, analysis, scored.met ? [] : undoneOwn(rubric, scored.criterion, analysis)));
  if (flag === null) criteria = criteria.map((scored) => weakly(rubric, withSpoilt(rubric, scored, analysis), analysis.structure));
  const met = new Set(criteria.filter((c) => c.met).map((c) => c.criterion.id));
  const penalties = [];
  for (const p of r.penalties) {
    if (ctx.gaming.empty.has(flag) || p.unless.some((id) => met.has(id))) continue;
    let found = penaltyEvidence(ctx, rubric, p, analysis);
    if (!found.length && rubric.opinion) found = adds(rubric.opinion, analysis.structure, p.id, patternVerdicts(ctx, rubric, analysis));
    found = found.filter(counts);
    if (found.length && !lifted(ctx, rubric, p, found, analysis)) penalties.push({ penalty: p, points: -p.points, evidence: found });
  }
  let total = criteria.reduce((sum, c) => sum + c.points, 0) + penalties.reduce((sum, p) => sum + p.points, 0);
  total = Math.min(Math.max(total, 0), r.max_score);
  return { rubric: r, criteria, penalties, flag, score: pyRound2(total) };
}

// which of a keyword list's penalty evidence counts: what was said in a clause, and rude words the
// lexicons name wherever they stand, not the tone model's reading of listed words (_said_or_rude)
function saidOrRude(ctx, analysis, said) {
  const named = overlapTest(analysis.ofAny(ctx.rebukes).filter((f) => f.kind !== "tone").map((f) => [f.nstart, f.nend]));
  return (f) => said(f) || named(f.nstart, f.nend);
}

function criterionEvidence(ctx, rubric, analysis) {
  const r = rubric.data;
  const structure = analysis.structure;
  const rebukes = rebukeSpans(ctx, analysis, overlapTest(setSpans(rubric, rubric.notRude, analysis)));
  const blanks = blankSpans(ctx, structure.text);
  const listed = listedOf(analysis);
  const inRebuke = coveredBy(rebukes);
  const inList = coveredBy(listed);
  const usable = (f) => !inRebuke(f.nstart) && !(blanks.length && touches(ctx, f, blanks, structure.text)) && !inList(f.nstart);
  const voids = {};
  let evidence = {};
  for (const c of r.criteria) if (!c.order) voids[c.id] = overlapTest(voidSpans(rubric, c, analysis));
  for (const c of r.criteria) {
    if (c.order) continue;
    evidence[c.id] = matched(rubric, c, analysis).filter((f) => usable(f) && !voids[c.id](f.nstart, f.nend));
  }
  analysis.patternMet = Object.keys(evidence).filter((cid) => evidence[cid].length);
  analysis.patternSaid = null;
  analysis.penaltyFound = new Map();
  if (rubric.opinion) evidence = secondOpinion(ctx, rubric, analysis, evidence, [...rebukes, ...blanks, ...listed], voids);
  const rebuked = {}; // what the criteria's words found inside a rebuke: said, not counted
  if (rebukes.length) {
    for (const c of r.criteria) if (!c.order) rebuked[c.id] = matched(rubric, c, analysis).filter((f) => inRebuke(f.nstart));
    for (const c of r.criteria) if (c.void_in_rebuke) [rebuked[c.id], evidence[c.id]] = [[...rebuked[c.id], ...evidence[c.id]], []];
  }
  analysis.rebuked = rebuked;
  const echoed = {}; // a restatement that parrots the customer's line (after the second opinion: it may not add one back)
  for (const c of r.criteria) {
    if (c.own_words && evidence[c.id].length && echoes(ctx, structure.text, rubric.customerContent, c.own_words)) [echoed[c.id], evidence[c.id]] = [evidence[c.id], []];
  }
  analysis.echoed = echoed;
  analysis.reversed = {}; // an order criterion's two sides said the wrong way round: [then, first]
  for (const c of r.criteria) if (c.order) [evidence[c.id], analysis.reversed[c.id]] = orderEvidence(rubric, c, analysis, evidence);
  return evidence;
}

function voidSpans(rubric, c, analysis) {
  const found = rubric.data.penalties.filter((p) => c.spoilt_by.includes(p.id)).flatMap((p) => matched(rubric, p, analysis));
  const takenBack = c.negatable ? analysis.structure.takenBack : [];
  return [...found.map((f) => [f.nstart, f.nend]), ...setSpans(rubric, c.spoilt_by, analysis), ...takenBack];
}

// where the rubric's sets among names find something (score/__init__.py _set_spans)
function setSpans(rubric, names, analysis) {
  return names.filter((name) => name in rubric.sets).flatMap((name) => rubric.sets[name].find(analysis.structure)).map((f) => [f.nstart, f.nend]);
}

function secondOpinion(ctx, rubric, analysis, evidence, spoilt, voids) {
  let claims = null; // worked out only when a model is sure
  const free = (s, e) => {
    if (claims === null) {
      const found = [...Object.values(evidence), ...rubric.data.penalties.map((p) => matched(rubric, p, analysis))].flat();
      claims = overlapTest([...spoilt, ...found.map((f) => [f.nstart, f.nend])]);
    }
    return !claims(s, e);
  };
  const spoiltAt = overlapTest(spoilt);
  const undone = {}; // worked out only when a model is sure
  const notDone = (cid, s, e) => (undone[cid] ??= analysis.undone(rubric.data.criteria.find((c) => c.id === cid).techniques))(s, e);
  const out = {};
  for (const [cid, found] of Object.entries(evidence)) {
    const usable = (s, e) => free(s, e) && !voids[cid](s, e) && !notDone(cid, s, e);
    const seen = (s, e) => !spoiltAt(s, e) && !voids[cid](s, e) && !notDone(cid, s, e); // the miss models read what the patterns found: their clause may hold it
    out[cid] = overrule(rubric.opinion, analysis.structure, cid, found, usable, patternVerdicts(ctx, rubric, analysis), seen);
  }
  return out;
}

// the second opinion is sure a penalty the patterns found does not apply; never a rebuke, nor a
// penalty its namesake technique found (score/__init__.py)
function lifted(ctx, rubric, p, found, analysis) {
  const opinion = rubric.opinion;
  const key = penaltyKey(p.id);
  if (!(opinion && opinion.models[key]) || found.some((f) => ctx.rebukes.includes(f.id) || f.id === p.id || f.kind === "learned")) return false;
  return verdictScore(opinion, key, analysis.structure.text, patternVerdicts(ctx, rubric, analysis)) < opinion.lift;
}

// where a criterion's own patterns name a deed negated or refused, and, for a deed (a negatable
// criterion), where its words were said, then taken back at once (_CompiledRubric.undone_own)
function undoneOwn(rubric, c, analysis) {
  const structure = analysis.structure;
  const negated = rubric.own[c.id].negated(structure);
  if (!(c.negatable && structure.takenBack.length)) return negated;
  const taken = overlapTest(structure.takenBack);
  return [...negated, ...matched(rubric, c, analysis).filter((f) => taken(f.nstart, f.nend)).map((f) => [f.nstart, f.nend])];
}

// a missed criterion whose techniques or own words (negated, refused or taken back: own) name a
// deed not done: those clauses, not typed with spaces nor in an outline or a list of technique
// names, to be named (score/scored.py with_refused)
function withRefused(scored, analysis, own) {
  if (scored.met || scored.doubted.length) return scored;
  const structure = analysis.structure;
  const found = scored.criterion.techniques.flatMap((t) => analysis.negated(t).map(([s, e]) => makeFinding(structure, t, s, e)));
  found.push(...own.map(([s, e]) => makeFinding(structure, `pattern:${scored.criterion.id}`, s, e)));
  if (!found.length) return scored;
  found.sort((a, b) => a.nstart - b.nstart);
  const undone = analysis.undone(scored.criterion.techniques, own);
  const inList = coveredBy(listedOf(analysis)); // an outline refuses nothing
  const refused = found.filter((f) => undone(...structure.clauseAt(f.nstart)) && !inList(f.nstart)).map((f) => inWholeClauses(structure, f));
  return refused.length ? { ...scored, refused } : scored;
}

// where the reply lists techniques by name, worked out once per reply (gaming/lists.py caches it too)
function listedOf(analysis) {
  return (analysis.listed ??= listedSpans(analysis.ctx, analysis.structure.text));
}

// met, each piece of its evidence wholly in a form its weak patterns name: the points stand, the
// feedback asks for more (_CompiledRubric.weakly)
function weakly(rubric, scored, structure) {
  const weak = rubric.weak[scored.criterion.id];
  if (!weak || !scored.met || !scored.evidence.length) return scored;
  const wholly = scored.evidence.every((f) => weak.test(structure.text.slice(f.nstart, f.nend)));
  return wholly ? { ...scored, weak: true } : scored;
}

// a missed criterion: the words of the first set it is spoilt by that has something to say, where
// they spoilt words that would have met it; the feedback names another reason first (_CompiledRubric.with_spoilt)
function withSpoilt(rubric, scored, analysis) {
  const c = scored.criterion;
  if (scored.met) return scored;
  for (const name of c.spoilt_by) {
    const said = name in rubric.sets && rubric.data.set_said[name];
    if (!said) continue;
    const onItsWords = overlapTest(matched(rubric, c, analysis).map((w) => [w.nstart, w.nend]));
    const found = rubric.sets[name].find(analysis.structure).filter((f) => onItsWords(f.nstart, f.nend));
    if (found.length) return { ...scored, spoilt: found, spoiltSaid: said };
  }
  return scored;
}

// a criterion met, unmet where the second opinion doubts it, its evidence kept to be named (_CompiledRubric.doubted)
function doubted(ctx, rubric, scored, analysis) {
  const opinion = rubric.opinion;
  const key = doubtKey(scored.criterion.id);
  if (!scored.met || !opinion.models[key]) return scored;
  if (verdictScore(opinion, key, analysis.structure.text, patternVerdicts(ctx, rubric, analysis)) >= opinion.doubt) return scored;
  // said mostly in his words: named as the echo it is (_CompiledRubric._near_copy)
  const nearCopy = scored.criterion.in_quotes && rubric.customerContent && echoes(ctx, analysis.structure.text, rubric.customerContent, ctx.gaming.rules.echo.near_copy);
  if (nearCopy) return { ...scored, met: false, points: 0, evidence: [], echoed: scored.evidence };
  return { ...scored, met: false, points: 0, evidence: [], doubted: scored.evidence };
}

// what the patterns found, as the penalty models read it, worked out once per reply (pattern_verdicts)
function patternVerdicts(ctx, rubric, analysis) {
  if (analysis.patternSaid === null) {
    const penalties = rubric.data.penalties.filter((q) => penaltyEvidence(ctx, rubric, q, analysis).length);
    analysis.patternSaid = new Set([...analysis.patternMet.map((cid) => `c:${cid}`), ...penalties.map((q) => penaltyKey(q.id))]);
  }
  return analysis.patternSaid;
}

// the two sides in order ([first, then]), or none and the two said the wrong way round ([then, first])
function orderEvidence(rubric, c, analysis, evidence) {
  const named = (name) => (name in evidence ? evidence[name] : name in rubric.sets ? rubric.sets[name].find(analysis.structure) : analysis.of(name));
  const earliest = (found) => found.reduce((best, f) => (best === null || f.nstart < best.nstart ? f : best), null);
  const first = c.order.ranked
    ? c.order.first.map((name) => earliest(named(name))).find((f) => f !== null) ?? null
    : earliest(c.order.first.flatMap(named));
  if (first === null) return [[], []];
  const thens = c.order.then.flatMap(named);
  const then = c.order.any_then ? earliest(thens.filter((f) => f.nstart > first.nstart)) : earliest(thens);
  if (then && first.nstart < then.nstart) return [[first, then], []];
  const before = earliest(thens.filter((f) => f.nstart < first.nstart));
  return [[], before ? [before, first] : []];
}

// the reversed sides as the feedback quotes them; none when both stand in one quoted clause or
// overlap (one question read both ways)
function sidesSaid(structure, c, sides) {
  const said = c.quote_clause ? sides.map((f) => inWholeClauses(structure, f)) : sides;
  return said.length < 2 || overlapTest([[said[0].start, said[0].end]])(said[1].start, said[1].end) ? [] : said;
}

// what the penalty points at, worked out once per reply: the second opinion reads it too (penalty_evidence)
function penaltyEvidence(ctx, rubric, p, analysis) {
  if (!analysis.penaltyFound.has(p.id)) {
    const structure = analysis.structure;
    const spoilt = overlapTest(setSpans(rubric, p.spoilt_by, analysis));
    const found = matched(rubric, p, analysis)
      .filter((f) => !spoilt(f.nstart, f.nend))
      .map((f) => (ctx.rebukes.includes(f.id) ? makeFinding(structure, f.id, ...rebukeSpan(ctx, structure, f)) : f));
    analysis.penaltyFound.set(p.id, unique(found));
  }
  return analysis.penaltyFound.get(p.id);
}

function touches(ctx, f, blanks, text) {
  for (const [s, e] of blanks) {
    if ((s < f.nend && f.nstart < e) || e === f.nstart) return true;
    if (s === f.nend && ctx.gaming.slotWords.includes(text.slice(f.nend - 1, f.nend))) return true;
    if (s > f.nend && ctx.gaming.slotLead.test(text.slice(f.nend, s))) return true;
  }
  return false;
}

// Python's round(x, 2): the nearest hundredth, ties to even on the exact binary value.
function pyRound2(x) {
  const exact = Math.abs(x).toFixed(60).replace(/0+$/, "");
  const [whole, frac = ""] = exact.split(".");
  const kept = BigInt(whole + frac.slice(0, 2).padEnd(2, "0"));
  const rest = frac.slice(2);
  let hundredths = kept;
  if (rest && (rest[0] > "5" || (rest[0] === "5" && (/[1-9]/.test(rest.slice(1)) || kept % 2n === 1n)))) hundredths += 1n;
  const value = Number(hundredths) / 100;
  return x < 0 ? -value : value;
}
