// Replies that game the grader: empty, not Chinese, keyword lists, repetition, copying
// the customer, padding, templates (score/gaming/).

import { QUESTIONS } from "./detect.mjs";
import { bisectLeft, bisectRight, finditer, matchAt, search, span, textOutside } from "./text.mjs";

export function gamingCheck(ctx, rubric, analysis, extra) {
  const g = ctx.gaming;
  const text = analysis.structure.text;
  const content = text.replace(g.separators, "");
  if (!content) return "empty";
  if (g.placeholders.has(content) || (rubric.placeholderContent !== null && content === rubric.placeholderContent)) return "placeholder";
  if (isNotChinese(ctx, text)) return "not_chinese";
  let memo = null;
  const findings = () =>
    (memo ??= [...analysis.ofAny(ctx.techniques), ...extra].filter((f) => !QUESTIONS.includes(f.id)));
  if (isKeywordList(ctx, text, content, findings) || isListedOnly(ctx, text)) return "keyword_list";
  if (isRepetition(ctx, text, content)) return "repetition";
  if (rubric.data.customer_says && isCopy(ctx, content, rubric.customerContent)) return "copied_customer";
  if (isPadding(ctx, content)) return "repetition"; // (after the copy)
  if (blankSpans(ctx, text).length >= g.rules.template.min_blanks) return "template";
  return null;
}

const count = (re, text) => [...finditer(re, text)].length;

function isNotChinese(ctx, text) {
  const rule = ctx.gaming.rules.language;
  const words = count(ctx.gaming.latinWord, text);
  return words >= rule.min_words && count(ctx.gaming.han, text) < rule.han_per_word * words;
}

export function blankSpans(ctx, text) {
  return [...finditer(ctx.gaming.blanks, text)].map(span);
}

export function listedSpans(ctx, text) {
  return [...namedLists(ctx, text), ...outlines(ctx, text), ...numberedPlans(ctx, text), ...narrated(ctx, text)];
}

function isListedOnly(ctx, text) {
  // named lists, outlines and plans with nothing beside them but a tag question: a check of nothing said
  const spans = listedSpans(ctx, text).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (!spans.length) return false;
  const outside = textOutside(text, spans).replace(ctx.gaming.chineseMark, ""); // (its marks are no words said beside it)
  const han = [...finditer(ctx.gaming.han, outside)].map((m) => m[0]).join("");
  if (search(ctx.gaming.tagQuestion, han) !== null) return true;
  const all = [...finditer(ctx.gaming.han, text)].length;
  return han.length <= (1 - ctx.gaming.rules.keyword_list.listed_share) * all;
}

function numberedPlans(ctx, text) {
  // the items of a numbered list (1, 2, 3 … in order) that names steps instead of saying them
  if (!text.includes("1") && !text.includes("一、")) return []; // (most replies: no list to look for)
  const g = ctx.gaming;
  const rule = g.rules.numbered_plan;
  const lists = [];
  for (const m of finditer(g.numberMark, text)) {
    const number = m[1] !== undefined ? Number(m[1]) : ctx.gaming.chineseNumerals.indexOf(m[2]) + 1;
    if (number === 1) lists.push([m]);
    else if (lists.length && number === lists[lists.length - 1].length + 1) lists[lists.length - 1].push(m);
  }
  const spans = [];
  for (const marks of lists) {
    if (marks.length < rule.min_items) continue;
    const lastMark = marks[marks.length - 1];
    const last = search(g.sentenceEnd, text, lastMark.index + lastMark[0].length);
    const ends = [...marks.slice(1).map((m) => m.index), last ? last.index + last[0].length : text.length];
    const items = marks.map((m, k) => [m.index + m[0].length, ends[k]]);
    const planned = items.filter(([s]) => matchAt(g.planWord, text, s) !== null).length;
    if (planned >= rule.share * items.length) spans.push(...items);
  }
  return spans;
}

function narrated(ctx, text) {
  // each sentence that tells the plan instead of saying it to the customer: not addressed to him, not a
  // stage direction, narrating the steps or naming him as 客户/顾客 to a speech verb (lists.py _narrated)
  const g = ctx.gaming;
  const spans = [];
  let start = 0;
  for (const end of [...[...finditer(g.sentenceEnd, text)].map((m) => m.index + m[0].length), text.length]) {
    const sentence = text.slice(start, end);
    if (sentence && search(g.narratedAddressed, sentence) === null && matchAt(g.stageDirection, sentence, 0) === null && search(g.narratedPlan, sentence) !== null) {
      spans.push([start, end]);
    }
    start = end;
  }
  return spans;
}

function outlines(ctx, text) {
  // each sentence opened by an outline's label (the group that ends the match), from the label to the
  // sentence's end, or to the bracket that closes it when the label opens an aside ("(思路:致歉+共情)王先生……")
  if (!text.includes(":") && !text.includes("】") && !text.includes("]")) return []; // (most replies: no label to look for)
  const g = ctx.gaming;
  return [...finditer(g.outlineLabel, text)].map((m) => {
    const after = m.index + m[0].length;
    const stop = search(g.sentenceEnd, text, after);
    let end = stop ? stop.index + stop[0].length : text.length;
    const label = m[1].replace(/^ +/, "");
    if (g.openingBrackets.includes(label[0]) && search(g.closingBracket, label) === null) {
      const close = search(g.closingBracket, text, after, end);
      if (close) end = close.index + close[0].length;
    }
    return [after - m[1].length, end];
  });
}

function namedLists(ctx, text) {
  const g = ctx.gaming;
  const rule = g.rules.named_list;
  if (count(g.techniqueName, text) < rule.min_names) return []; // (most replies: no list to look for)
  const spans = [];
  let run = []; // [start, end, names a technique]
  const close = () => {
    const named = run.filter((item) => item[2]).length;
    if (run.length >= rule.min_items && named >= Math.max(rule.min_names, rule.names_share * run.length)) spans.push([run[0][0], run[run.length - 1][1]]);
    run = [];
  };
  let end = 0;
  for (const m of finditer(g.item, text)) {
    const [s, e] = span(m);
    if (run.length && search(g.sentenceEnd, text, end, s) !== null) close();
    end = e;
    if (search(g.han, text, s, e) === null) continue;
    if (e - s > rule.item_max_length || search(g.glueChar, m[0].replace(g.techniqueName, "").replace(g.attributive, "")) !== null) {
      close();
      continue;
    }
    run.push([s, e, search(g.techniqueName, m[0]) !== null]);
  }
  close();
  return spans;
}

export function saidInClause(ctx, text) {
  const segments = [...finditer(ctx.gaming.segment, text)];
  const starts = segments.map((m) => m.index);
  const glued = segments.map((m) => Array.from(m[0]).some((c) => ctx.gaming.glue.has(c)));
  return (f) => {
    const k = bisectRight(starts, f.nstart) - 1;
    return k >= 0 && f.nstart < starts[k] + segments[k][0].length && glued[k];
  };
}

function isKeywordList(ctx, text, content, findings) {
  const g = ctx.gaming;
  const rule = g.rules.keyword_list;
  const segments = [...finditer(g.segment, text)].map(span).filter(([s, e]) => search(g.han, text, s, e) !== null);
  if (segments.length < Math.min(rule.min_segments, rule.fragments_min)) return runTogether(ctx, rule, content, findings);
  const glueless = segments.map(([s, e]) => search(g.glueChar, text, s, e) === null);
  if (telegraphic(ctx, rule, text, segments, glueless)) return true;
  if (checkedWithHim(ctx, rule, text, segments, glueless) || sentencesToHim(ctx, text, segments, glueless)) return false;
  return !spoken(ctx, rule, text, segments, glueless) && bareWords(rule, segments, glueless, findings);
}

// short sentences said to him, each ended as speech and one a question, naming no technique (lists.py _sentences_to_him)
function sentencesToHim(ctx, text, segments, glueless) {
  const ended = (e) => matchAt(ctx.gaming.sentenceEnd, text, e) !== null;
  const last = segments[segments.length - 1][1];
  return (
    segments.slice(0, -1).every(([, e]) => ended(e)) &&
    (last === text.length || ended(last)) &&
    segments.some(([s, e]) => text[e] === "?" && search(ctx.gaming.asked, text, s, e) !== null) &&
    !namesATechnique(ctx, text, segments, glueless)
  );
}

// terse statements, then a question to him, naming no technique: said to him (lists.py _checked_with_him)
function checkedWithHim(ctx, rule, text, segments, glueless) {
  return (
    Math.max(...segments.slice(0, -1).map(([s, e]) => e - s)) >= rule.asked_statement_min &&
    search(ctx.gaming.punctuated, text, 0, segments[segments.length - 1][0]) !== null && // punctuated as speech, not typed apart
    asksAtTheEnd(ctx, text, segments) &&
    !namesATechnique(ctx, text, segments, glueless)
  );
}

function spoken(ctx, rule, text, segments, glueless) {
  if (!segments.some(([s, e], k) => !glueless[k] && e - s >= rule.clause_min_length)) return false;
  return !namesATechnique(ctx, text, segments, glueless);
}

function namesATechnique(ctx, text, segments, glueless) {
  // not a stage direction in brackets beside the words said (lists.py _names_a_technique)
  return segments.some(([s, e], k) => glueless[k] && search(ctx.gaming.techniqueName, text, s, e) !== null && !bracketed(ctx, text, s, e));
}

function bracketed(ctx, text, start, end) {
  return start > 0 && end < text.length && ctx.gaming.openingBrackets.includes(text[start - 1]) && matchAt(ctx.gaming.closingBracket, text, end) !== null;
}

function asksAtTheEnd(ctx, text, segments) {
  const asks = ([s, e]) => search(ctx.gaming.asked, text, s, e) !== null;
  return asks(segments[segments.length - 1]) && !segments.slice(0, -1).some(asks);
}

function bareWords(rule, segments, glueless, findings) {
  if (segments.length < rule.min_segments) return false;
  const bare = segments.filter(([s, e], k) => glueless[k] && e - s <= rule.bare_max_length).length;
  if (bare < rule.bare_share * segments.length || new Set(findings().map((f) => f.id)).size < rule.min_techniques) return false;
  const starts = findings().map((f) => f.nstart).sort((a, b) => a - b);
  const found = segments.filter(([s, e]) => bisectLeft(starts, s) < bisectLeft(starts, e)).length;
  return found >= rule.found_share * segments.length;
}

function telegraphic(ctx, rule, text, segments, glueless) {
  if (segments.length < rule.fragments_min || search(ctx.gaming.spokenEnd, text) !== null) return false;
  if (asksAtTheEnd(ctx, text, segments) && !namesATechnique(ctx, text, segments, glueless)) return false;
  const lengths = segments.map(([s, e]) => e - s).sort((a, b) => a - b);
  return (
    lengths[Math.floor(lengths.length / 2)] <= rule.fragment_median &&
    lengths[lengths.length - 1] <= rule.fragment_longest &&
    glueless.filter(Boolean).length >= rule.fragment_bare_share * segments.length
  );
}

function runTogether(ctx, rule, content, findings) {
  const glueChars = Array.from(content).filter((c) => ctx.gaming.glue.has(c)).length;
  // the techniques whose words were found: a rubric's own pattern finds a deed said in a phrase, not a keyword
  const named = new Set(findings().filter((f) => !f.id.startsWith("pattern:")).map((f) => f.id));
  if (glueChars > rule.run_glue_share * content.length || named.size < rule.min_techniques) return false;
  const covered = new Set();
  for (const f of findings()) if (f.nend - f.nstart <= rule.bare_max_length) for (let i = f.nstart; i < f.nend; i++) covered.add(i);
  return covered.size >= rule.run_coverage * content.length;
}

function isRepetition(ctx, text, content) {
  const rule = ctx.gaming.rules.repetition;
  const clauses = text.split(ctx.gaming.separators).filter(Boolean);
  if (clauses.length >= rule.min_clauses && new Set(clauses).size <= rule.distinct_share * clauses.length) return true;
  return runsCover(ctx, content, rule.run_share);
}

function runsCover(ctx, content, share) {
  if (new Set(content).size > (1 - (2 * share) / 3) * content.length) return false;
  let repeated = 0;
  for (const m of finditer(ctx.gaming.run, content)) repeated += m[0].length;
  return repeated >= share * content.length;
}

function isPadding(ctx, content) {
  const rule = ctx.gaming.rules.repetition;
  return saidAgain(content, rule.echo_run) >= rule.echo_share * content.length;
}

function isCopy(ctx, content, customer) {
  const rule = ctx.gaming.rules.copy;
  if (content.length > 4 * customer.length) return false;
  const inCustomer = new Set(customer);
  if (Array.from(content).filter((c) => inCustomer.has(c)).length < rule.share * content.length) return false;
  return saidAgain(content, rule.min_run, customer) >= rule.share * content.length;
}

// no more than ownWords of the reply is its own: the rest says again the customer's line, in runs of
// echo.min_run characters or more, its pronouns read as one (gaming/repeats.py echoes)
export function echoes(ctx, text, customer, ownWords) {
  const fold = (t) => t.replace(ctx.gaming.speakers, ctx.gaming.rules.echo.speakers[0]);
  const content = fold(text.replace(ctx.gaming.separators, ""));
  const least = (1 - ownWords) * content.length;
  return least > 0 && saidAgain(content, ctx.gaming.rules.echo.min_run, fold(customer)) >= least;
}

// how many characters of content say again, in runs of minRun or more, what source said (the
// customer's line), or with no source what content said before them (gaming/repeats.py said_again);
// the working text holds stand-ins for characters above U+FFFF, so a UTF-16 unit is a character
function saidAgain(content, minRun, source = null) {
  const n = content.length;
  let covered = 0;
  for (let i = 0; i < n; ) {
    const seen = source ?? content.slice(0, i);
    if (!seen.includes(content.slice(i, i + minRun))) { // (most places: no run long enough starts here)
      i++;
      continue;
    }
    let k = 0;
    while (i + k < n && seen.includes(content.slice(i, i + k + 1))) k++;
    if (k >= minRun) {
      covered += k;
      i += k;
    } else i++;
  }
  return covered;
}
