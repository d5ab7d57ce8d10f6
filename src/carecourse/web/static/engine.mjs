// The carecourse grader in JavaScript: the Python pipeline step for step, with the same
// results (normalize → detect → score → feedback). Its data (data/*.json) is compiled from
// the Python package by `carecourse web`; never edit it by hand. No dependencies.
//
// Offsets are Python string indices (code points), never UTF-16 units. Internally the
// normalised text keeps one code unit per character: a character above U+FFFF (or a
// private-use one) is replaced by a private-use stand-in, which every pattern treats the
// same way (see carecourse/web/jsregex.py).

import { quoted, quotes } from "./feedback.mjs";
import { formatG } from "./pyformat.mjs";

export async function loadEngine(base, scenarioIds = []) {
  const read = jsonReader(base);
  const [core, ...rubrics] = await Promise.all(["core", ...scenarioIds].map((name) => read(`data/${name}.json`)));
  const engine = createEngine(core, read);
  scenarioIds.forEach((id, k) => engine.addScenario(id, rubrics[k]));
  return engine;
}

function jsonReader(base) {
  return async (name) => {
    const url = new URL(name, base);
    if (url.protocol === "file:") {
      const { readFile } = await import("node:fs/promises");
      return JSON.parse(await readFile(url, "utf8"));
    }
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  };
}

export function createEngine(core, read = null) {
  const ctx = compileCore(core);
  const scenarios = new Map();
  return {
    techniques: Object.fromEntries(core.techniques.map((t) => [t, { label: core.lexicons[t].label, colour: core.lexicons[t].colour }])),
    colours: core.colours,
    knownScenarios: core.scenarios,
    addScenario(id, data) {
      scenarios.set(id, compileRubric(ctx, data));
    },
    async load(id) {
      if (!scenarios.has(id)) {
        if (!read) throw new Error(`scenario ${id} is not loaded`);
        this.addScenario(id, await read(`data/${id}.json`));
      }
    },
    rubric(id) {
      return rubricOf(scenarios, id).data;
    },
    analyze(text) {
      const analysis = new Analysis(ctx, new Structure(ctx, normalize(ctx, asText(text))));
      return { techniques: analysis.findings().map(findingDict) };
    },
    /** The text as the grader reads it (Python's normalize(text).text, characters above
     *  U+FFFF as their stand-ins): Traditional folded to Simplified, punctuation and blanks
     *  folded, typos fixed. */
    normalized(text) {
      return normalize(ctx, asText(text)).text;
    },
    grade(id, text) {
      const rubric = rubricOf(scenarios, id);
      const analysis = new Analysis(ctx, new Structure(ctx, normalize(ctx, asText(text))));
      return writeFeedback(ctx, applyRubric(ctx, rubric, analysis));
    },
  };
}

function rubricOf(scenarios, id) {
  const rubric = scenarios.get(id);
  if (!rubric) throw new Error(`unknown scenario '${id}' (known: ${[...scenarios.keys()].sort().join(", ")})`);
  return rubric;
}

function asText(text) {
  if (typeof text !== "string") throw new TypeError(`a reply must be text, not ${typeof text}`);
  return text;
}

// -- regular expressions: Python's search(text, pos, endpos) ---------------------------

function regex(source) {
  return source == null ? null : new RegExp(source, "gu");
}

function search(re, text, pos = 0, endpos = text.length) {
  const subject = endpos < text.length ? text.slice(0, endpos) : text;
  if (pos > subject.length) return null;
  re.lastIndex = pos;
  return re.exec(subject);
}

function matchAt(re, text, pos) {
  const sticky = (re.sticky_ ??= new RegExp(re.source, "yu"));
  sticky.lastIndex = pos;
  return sticky.exec(text);
}

function* finditer(re, text, pos = 0, endpos = text.length) {
  const subject = endpos < text.length ? text.slice(0, endpos) : text;
  re.lastIndex = pos;
  for (let m; (m = re.exec(subject)); ) {
    if (m[0].length === 0) re.lastIndex++; // never for the exported patterns (see jsregex.py)
    yield m;
  }
}

const span = (m) => [m.index, m.index + m[0].length];
const bySpan = (a, b) => a.start - b.start || a.end - b.end;
const overlaps = (start, end, spans) => spans.some(([s, e]) => s < end && start < e);

// -- core data -----------------------------------------------------------------------

function compileCore(core) {
  const u = core.unicode;
  const [t2sFrom, t2sTo] = core.normalize.t2s_chars.split("\t");
  const t2s = new Map(zip(Array.from(t2sFrom), Array.from(t2sTo)));
  const phrases = new Map();
  for (const [from, to] of Object.entries(core.normalize.t2s_phrases)) {
    const first = Array.from(from)[0];
    if (!phrases.has(first)) phrases.set(first, []);
    phrases.get(first).push([Array.from(from), to]);
  }
  for (const list of phrases.values()) list.sort((a, b) => b[0].length - a[0].length);
  const g = core.gaming;
  const ctx = {
    core,
    spaces: new Set(rangeChars(u.spaces)),
    dropped: u.dropped,
    unassigned: u.unassigned,
    needsCleaning: u.needs_cleaning,
    privateUse: u.private_use,
    standIns: new Map(Object.entries(core.stand_ins.table).map(([c, code]) => [c, String.fromCharCode(code)])),
    firstFree: core.stand_ins.first_free,
    fold: new Map(Object.entries(core.normalize.fold)),
    lineBreaks: new Set(core.normalize.line_breaks),
    t2s,
    phrases,
    typos: regex(core.normalize.typos.pattern),
    typoTable: core.normalize.typos.table,
    structure: {
      sentenceEnd: regex(core.structure.sentence_end),
      clauseBreak: regex(core.structure.clause_break),
      quote: regex(core.structure.quote),
      reported: regex(core.structure.reported),
      negator: regex(core.structure.negator),
      setPhrases: regex(core.structure.set_phrases),
      reach: core.structure.reach,
      refusedAfter: core.structure.refused_after,
    },
    questions: {
      trailing: new Set(core.questions.trailing),
      asks: regex(core.questions.asks),
      greeted: regex(core.questions.greeted),
      leadIn: regex(core.questions.lead_in),
      clause: regex(core.questions.clause),
      notAsking: regex(core.questions.not_asking),
      askingWord: regex(core.questions.asking_word),
      askedLast: regex(core.questions.asked_last),
    },
    techniques: core.techniques,
    rank: new Map(core.techniques.map((t, k) => [t, k])),
    lexicons: Object.fromEntries(Object.entries(core.lexicons).map(([t, m]) => [t, new PhraseMatcher(m)])),
    tone: linearModel(ungroup(core.tone.grams), core.tone.weights, core.tone.bias, core.tone.longest),
    toneThreshold: core.tone.threshold,
    toneCalm: core.tone.calm,
    learned: learnedModels(core.learned, core.learned.techniques),
    gaming: {
      rules: g.settings,
      separators: regex(g.separators),
      segment: regex(g.segment),
      sentenceEnd: regex(g.sentence_end),
      spokenEnd: regex(g.spoken_end),
      run: regex(g.run),
      han: regex(g.han),
      latinWord: regex(g.latin_word),
      glueChar: regex(g.glue_char),
      blanks: regex(g.blanks),
      item: regex(g.item),
      techniqueName: regex(g.technique_name),
      outlineLabel: regex(g.outline_label),
      numberMark: regex(g.number_mark),
      planWord: regex(g.plan_word),
      openingBrackets: g.opening_brackets,
      closingBracket: regex(g.closing_bracket),
      asked: regex(g.asked),
      glue: new Set(g.settings.glue),
      empty: new Set(g.empty),
      said: new Set(g.said),
      slotWords: g.settings.blank_slot_words,
    },
    rebukes: core.score.rebukes,
    rudeSounding: core.score.rude_sounding,
    toneMarkMax: core.score.tone_mark_max,
    quoteGap: core.score.quote_gap,
    greetingClause: new RegExp(`^(?:${core.score.greeting_clause})$`, "u"),
    messages: core.messages,
  };
  ctx.gaming.placeholders = new Set(g.settings.placeholders.map((p) => contentOf(ctx, p)));
  return ctx;
}

function* zip(a, b) {
  for (let k = 0; k < a.length; k++) yield [a[k], b[k]];
}

function rangeChars(ranges) {
  const out = [];
  for (const [low, high] of ranges) for (let c = low; c <= high; c++) out.push(String.fromCodePoint(c));
  return out;
}

function inRanges(ranges, code) {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (code < ranges[mid][0]) hi = mid - 1;
    else if (code > ranges[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

// -- step 1: normalize (carecourse/normalize) ----------------------------------------

function normalize(ctx, original) {
  const chars0 = Array.from(original);
  let chars = null;
  let index = null;
  if (!chars0.some((c) => inRanges(ctx.needsCleaning, c.codePointAt(0)))) {
    const whole = nfkc(ctx, chars0);
    if (whole.length === chars0.length) {
      chars = whole;
      index = chars0.map((_, i) => i);
    }
  }
  if (chars === null) [chars, index] = nfkcAndClean(ctx, chars0);
  chars = toSimplified(ctx, chars);
  [chars, index] = fold(ctx, chars, index);
  let text = standIn(ctx, chars);
  if (ctx.typos) text = text.replace(ctx.typos, (m) => ctx.typoTable[m]);
  return { original: chars0, text, offsets: index };
}

// Python's NFKC: a character its Unicode version has not assigned stays as it is.
function nfkc(ctx, chars) {
  const out = [];
  let run = "";
  for (const c of chars) {
    if (inRanges(ctx.unassigned, c.codePointAt(0))) {
      for (const n of run.normalize("NFKC")) out.push(n);
      run = "";
      out.push(c);
    } else run += c;
  }
  for (const n of run.normalize("NFKC")) out.push(n);
  return out;
}

function nfkcAndClean(ctx, chars0) {
  const chars = [];
  const index = [];
  chars0.forEach((c, i) => {
    if (ctx.spaces.has(c)) {
      chars.push(c);
      index.push(i);
    } else if (!inRanges(ctx.dropped, c.codePointAt(0))) {
      for (const out of nfkc(ctx, [c])) {
        chars.push(out);
        index.push(i);
      }
    }
  });
  return [chars, index];
}

function toSimplified(ctx, chars) {
  if (!chars.some((c) => ctx.t2s.has(c))) return chars;
  const converted = [];
  for (let i = 0; i < chars.length; ) {
    const phrase = (ctx.phrases.get(chars[i]) || []).find(([from]) => from.every((c, k) => chars[i + k] === c));
    if (phrase) {
      for (const c of phrase[1]) converted.push(c);
      i += phrase[0].length;
    } else {
      converted.push(ctx.t2s.get(chars[i]) ?? chars[i]);
      i += 1;
    }
  }
  if (converted.length === chars.length) return converted;
  return chars.map((c) => ctx.t2s.get(c) ?? c);
}

function fold(ctx, chars, index) {
  const outChars = [];
  const outIndex = [];
  for (let i = 0; i < chars.length; ) {
    if (!ctx.spaces.has(chars[i])) {
      outChars.push(ctx.fold.get(chars[i]) ?? chars[i]);
      outIndex.push(index[i]);
      i += 1;
      continue;
    }
    let j = i;
    let lineBreak = false;
    for (; j < chars.length && ctx.spaces.has(chars[j]); j++) lineBreak ||= ctx.lineBreaks.has(chars[j]);
    outChars.push(lineBreak ? "\n" : " ");
    outIndex.push(index[i]);
    i = j;
  }
  return [outChars, outIndex];
}

function standIn(ctx, chars) {
  const [low, high] = ctx.privateUse;
  let next = ctx.firstFree;
  const own = new Map();
  let text = "";
  for (const c of chars) {
    const code = c.codePointAt(0);
    if (code <= 0xffff && (code < low || code > high)) {
      text += c;
      continue;
    }
    let stand = ctx.standIns.get(c) ?? own.get(c);
    if (stand === undefined) {
      stand = String.fromCharCode(next);
      next = next < high ? next + 1 : ctx.firstFree; // more than 6,000 such characters: shared
      own.set(c, stand);
    }
    text += stand;
  }
  return text;
}

// A normalised text's content characters (no separators): placeholders, customer lines.
function contentOf(ctx, text) {
  return normalize(ctx, text).text.replace(ctx.gaming.separators, "");
}

// -- step 2: detect (carecourse/detect) -----------------------------------------------

class Structure {
  constructor(ctx, norm) {
    this.ctx = ctx;
    this.norm = norm;
    this.text = norm.text;
    const spans = quotedSpans(ctx, this.text);
    this.quoteStarts = spans.map(([s]) => s);
    this.quoteEnds = spans.map(([, e]) => e);
    this._sentences = null;
  }

  get sentences() {
    if (this._sentences === null) {
      const spans = [];
      let start = 0;
      for (const m of finditer(this.ctx.structure.sentenceEnd, this.text)) {
        addTrimmed(this.text, start, m.index + m[0].length, spans);
        start = m.index + m[0].length;
      }
      addTrimmed(this.text, start, this.text.length, spans);
      this._sentences = spans;
    }
    return this._sentences;
  }

  clauseAt(pos) {
    const text = this.text;
    let start = this.clauseStart(pos);
    const stop = this.breakFrom(pos);
    let end = stop ?? text.length;
    while (start < end && text[start] === " ") start++;
    while (end > start && text[end - 1] === " ") end--;
    return [start, end];
  }

  clausesIn(start, end) {
    const spans = [];
    let pos = start;
    while (pos < end) {
      const [s, e] = this.clauseAt(pos);
      if (e > s) spans.push([Math.max(s, start), Math.min(e, end)]);
      const stop = this.breakFrom(Math.max(e, pos));
      pos = stop !== null ? stop + 1 : end;
    }
    return spans;
  }

  sentenceAt(pos) {
    this._sentenceStarts ??= this.sentences.map(([s]) => s);
    const k = bisectRight(this._sentenceStarts, pos) - 1;
    return k >= 0 && pos < this.sentences[k][1] ? this.sentences[k] : null;
  }

  get breaks() {
    this._breaks ??= [...finditer(this.ctx.structure.clauseBreak, this.text)].map((m) => m.index);
    return this._breaks;
  }

  breakFrom(pos) {
    const k = bisectLeft(this.breaks, pos);
    return k < this.breaks.length ? this.breaks[k] : null;
  }

  // just after the last clause break in text[:pos], the text read as ending at pos
  clauseStart(pos) {
    if (pos > 0 && (this.text[pos - 1] === "." || matchAt(this.ctx.structure.clauseBreak, this.text, pos - 1))) return pos;
    const k = bisectLeft(this.breaks, pos - 1);
    return k > 0 ? this.breaks[k - 1] + 1 : 0;
  }

  isQuoted(pos) {
    const k = bisectRight(this.quoteStarts, pos) - 1;
    return k >= 0 && pos < this.quoteEnds[k];
  }

  isNegated(pos) {
    const rules = this.ctx.structure;
    if (matchAt(rules.clauseBreak, this.text, pos)) return false;
    let window = this.text.slice(Math.max(0, pos - rules.reach), pos);
    let last = null;
    for (const m of finditer(rules.clauseBreak, window)) last = m;
    if (last) window = window.slice(last.index + last[0].length);
    window = window.replace(rules.setPhrases, (m) => "_".repeat(m.length));
    return search(rules.negator, window) !== null;
  }

  isRefusedAfter(end) {
    return this.ctx.structure.refusedAfter.some((r) => this.text.startsWith(r, end));
  }
}

function bisectRight(list, x) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x < list[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function bisectLeft(list, x) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function addTrimmed(text, start, end, spans) {
  while (start < end && (text[start] === " " || text[start] === "\n")) start++;
  while (end > start && (text[end - 1] === " " || text[end - 1] === "\n")) end--;
  if (end > start) spans.push([start, end]);
}

function quotedSpans(ctx, text) {
  const rules = ctx.structure;
  const spans = [];
  const marks = [...finditer(rules.quote, text)].map((m) => m.index);
  for (let k = 0; k + 1 < marks.length; k += 2) spans.push([marks[k], marks[k + 1] + 1]);
  if (marks.length % 2) {
    const opening = marks[marks.length - 1];
    const end = search(rules.sentenceEnd, text, opening + 1);
    spans.push([opening, end ? end.index : text.length]);
  }
  for (const m of finditer(rules.reported, text)) spans.push(span(m));
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged = [];
  for (const [s, e] of spans) {
    if (merged.length && s <= merged[merged.length - 1][1]) {
      const last = merged[merged.length - 1];
      last[1] = Math.max(e, last[1]);
    } else merged.push([s, e]);
  }
  return merged;
}

function makeFinding(structure, id, nstart, nend, kind = null) {
  const { original, offsets } = structure.norm;
  let start;
  let end;
  if (nend <= nstart) {
    start = end = nstart < offsets.length ? offsets[nstart] : original.length;
  } else {
    start = offsets[nstart];
    end = offsets[nend - 1] + 1;
  }
  return { id, start, end, text: original.slice(start, end).join(""), kind, nstart, nend };
}

function findingDict(f) {
  const data = { id: f.id, text: f.text, start: f.start, end: f.end };
  if (f.kind) data.kind = f.kind;
  return data;
}

// where a match that opens with the break before its phrase ("。下一个") really starts (matcher.py _past_breaks)
const BREAKS = new Set([" ", ",", "。", "!", "?", "~", "\n"]);
function pastBreaks(text, s, e) {
  while (s < e - 1 && BREAKS.has(text[s])) s += 1;
  return s;
}

class PhraseMatcher {
  constructor(data) {
    this.id = data.id;
    this.pattern = regex(data.pattern);
    this.exclude = regex(data.exclude);
    this.negatable = data.negatable;
    this.skipQuoted = data.skip_quoted;
  }

  find(structure) {
    if (!this.pattern) return [];
    const text = structure.text;
    let match = search(this.pattern, text, 0);
    if (!match) return [];
    const found = [];
    const excluded = this.excludedIn(text);
    while (match) {
      const s = match.index;
      let e = s + match[0].length;
      // overlapping matches ("为您核" and "核查") merge into one span ("为您核查")
      match = search(this.pattern, text, s + 1);
      while (match && match.index < e) {
        e = Math.max(e, match.index + match[0].length);
        match = search(this.pattern, text, match.index + 1);
      }
      if (e > s && !this.cancelled(structure, s, e, excluded)) found.push(makeFinding(structure, this.id, pastBreaks(text, s, e), e));
    }
    return found;
  }

  matchesIn(structure, start, end) {
    return this.kindIn(structure, start, end) !== null;
  }

  kindIn(structure, start, end) {
    if (!this.pattern) return null;
    const piece = structure.text.slice(start, end);
    let match = search(this.pattern, piece, 0);
    const excluded = match ? this.excludedIn(piece).map(([a, b]) => [start + a, start + b]) : [];
    while (match) {
      const s = start + match.index;
      const e = s + match[0].length;
      if (e > s && !this.cancelled(structure, s, e, excluded)) return kindOf(match);
      const next = match[0].length ? match.index + match[0].length : match.index + 1;
      match = search(this.pattern, piece, next);
    }
    return null;
  }

  excludes(structure, start, end) {
    return overlaps(start, end, this.excludedIn(structure.text));
  }

  excludedIn(text) {
    return this.exclude ? [...finditer(this.exclude, text)].map(span) : [];
  }

  cancelled(structure, s, e, excluded) {
    if (overlaps(s, e, excluded)) return true;
    if (this.skipQuoted && structure.isQuoted(s)) return true;
    return this.negatable && (structure.isNegated(s) || structure.isRefusedAfter(e));
  }
}

function kindOf(match) {
  const groups = match.groups || {};
  const name = Object.keys(groups).find((k) => groups[k] !== undefined);
  return name ? name.split("__")[0] : "";
}

const QUESTIONS = ["bad_question", "closed_question", "open_question"];

class Analysis {
  constructor(ctx, structure) {
    this.ctx = ctx;
    this.structure = structure;
    this.found = new Map();
    this.patternMet = []; // the criteria a rubric's patterns met before its second opinion (criterionEvidence)
    this.patternSaid = null; // patternVerdicts, once asked
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
      const span = model.heaviest(this.structure, clauses); // (a clause's score is the bias plus its weight)
      const score = span ? model.score(this.structure.text.slice(span[0], span[1])) : learned.sure;
      const key = String(span);
      if (score > learned.sure && (!readings.has(key) || score > readings.get(key).score)) readings.set(key, { score, t, span });
    }
    const found = [...readings.values()].map(({ t, span }) => makeFinding(this.structure, t, ...span, "learned"));
    return found.sort((a, b) => missing.indexOf(a.id) - missing.indexOf(b.id));
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

function unique(found) {
  const bySpanKey = new Map();
  for (const f of found) bySpanKey.set(`${f.start},${f.end}`, f);
  return [...bySpanKey.values()].sort(bySpan);
}

// -- questions (detect/questions.py) ----------------------------------------------------

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

function findQuestions(ctx, structure, bad, closed, open) {
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
    if (closed.matchesIn(structure, q, e)) found.push(makeFinding(structure, "closed_question", q, e));
    else if (open.matchesIn(structure, q, e)) found.push(makeFinding(structure, "open_question", q, e));
    else if (end !== "呢" && end !== "wh") found.push(makeFinding(structure, "closed_question", q, e));
  }
  return found;
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

function pyStrip(ctx, text) {
  let start = 0;
  let end = text.length;
  while (start < end && ctx.spaces.has(text[start])) start++;
  while (end > start && ctx.spaces.has(text[end - 1])) end--;
  return text.slice(start, end);
}

// -- linear models (detect/linear.py, detect/tone.py) -----------------------------------

// n-grams come as [prefix, last characters] groups (see carecourse/web/data.py)
function ungroup(groups) {
  const grams = [];
  for (const [prefix, lasts] of groups) for (const last of lasts) grams.push(prefix + last);
  return grams;
}

function linearModel(grams, weights, bias, longest) {
  const table = new Map();
  grams.forEach((g, k) => {
    if (weights[k]) table.set(g, weights[k]);
  });
  const weight = (text) => {
    let sum = 0;
    for (const g of ngrams(text, longest)) sum += table.get(g) ?? 0;
    return sum;
  };
  return {
    bias,
    weight,
    score: (text) => bias + weight(text),
    heaviest(structure, spans, skip = () => false) {
      let best = null;
      let bestWeight = 0;
      for (const [s, e] of spans) {
        if (structure.isQuoted(s) || skip(s, e)) continue;
        const w = weight(structure.text.slice(s, e));
        if (w > bestWeight) {
          best = [s, e];
          bestWeight = w;
        }
      }
      return best;
    },
  };
}

let lastNgrams = { text: null, longest: 0, grams: null };

function ngrams(text, longest) {
  if (lastNgrams.text === text && lastNgrams.longest === longest) return lastNgrams.grams;
  const grams = new Set();
  for (let n = 1; n <= longest; n++) for (let i = 0; i + n <= text.length; i++) grams.add(text.slice(i, i + n));
  lastNgrams = { text, longest, grams };
  return grams;
}

// the sentence holding pos reads clearly not rude and its clause carries no rude weight:
// a rude-sounding phrase there is no rebuke (detect/tone.py calm)
function calm(ctx, structure, pos) {
  const [start, end] = structure.sentenceAt(pos) || structure.clauseAt(pos);
  if (ctx.tone.score(structure.text.slice(start, end)) >= ctx.toneCalm) return false;
  const [s, e] = structure.clauseAt(pos);
  return ctx.tone.weight(structure.text.slice(s, e)) <= 0;
}

// models sharing one vocabulary (data.py _learned_techniques, _learned)
function learnedModels(data, models) {
  const vocabulary = ungroup(data.vocabulary);
  return {
    sure: data.sure,
    share: data.evidence_share,
    lift: data.lift, // the rubrics' second opinion: penalty models are "p:<id>", with their verdict tokens' weights
    verdicts: data.verdicts ?? {},
    models: Object.fromEntries(Object.entries(models).map(([id, m]) => [id, linearModel(vocabulary, m.weights, m.bias, data.longest)])),
  };
}

function toneFinding(ctx, structure) {
  const tone = ctx.tone;
  if (tone.score(structure.text) <= ctx.toneThreshold) return null;
  const sentence = tone.heaviest(structure, structure.sentences);
  const clause = sentence ? tone.heaviest(structure, structure.clausesIn(...sentence)) : null;
  return clause ? makeFinding(structure, "forbidden", ...clause, "tone") : null;
}

// -- step 3: score (carecourse/score) -----------------------------------------------------

function compileRubric(ctx, data) {
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
  const rudeSounding = (f) => ctx.rudeSounding.includes(f.id) || f.id === `pattern:${item.id}`;
  return all.filter((f) => !rudeSounding(f) || !calm(ctx, analysis.structure, f.nstart));
}

// how many different pieces of evidence: the same words count once, and so does all evidence
// the criterion's count_as_one patterns match in the normalised text (score/__init__.py _distinct)
const AS_ONE = {};

function distinct(ctx, found, asOne, text) {
  const key = (f) => (asOne && found.length > 1 && search(asOne, text, f.nstart, f.nend) ? AS_ONE : pyStrip(ctx, f.text));
  return new Set(found.map(key)).size;
}

function applyRubric(ctx, rubric, analysis) {
  const r = rubric.data;
  let evidence = criterionEvidence(ctx, rubric, analysis);
  const patternFindings = Object.values(evidence).flat().filter((f) => f.id.startsWith("pattern:"));
  const flag = gamingCheck(ctx, rubric, analysis, patternFindings);
  const voided = flag !== null && !ctx.gaming.said.has(flag); // (a repeated reply's criteria are met, scored nothing)
  if (flag === "keyword_list") {
    const said = saidInClause(ctx, analysis.structure.text);
    evidence = Object.fromEntries(Object.entries(evidence).map(([cid, found]) => [cid, found.filter(said)]));
  }
  const criteria = r.criteria.map((c) => {
    const found = evidence[c.id];
    const need = c.order ? 1 : c.min_count;
    const count = distinct(ctx, found, rubric.asOne[c.id], analysis.structure.text);
    const met = !voided && count >= need;
    const countedOnce = !met && !voided && Boolean(rubric.asOne[c.id]) && distinct(ctx, found, null, analysis.structure.text) >= need;
    const share = c.partial_credit || met ? Math.min(count, need) / need : 0; // one of two open questions earns half
    const points = flag === null ? pyRound2(c.points * share) : 0;
    const quoted = c.quote_clause ? found.map((f) => inWholeClauses(analysis.structure, f)) : found;
    const shown = c.order ? quoted : joinedInClauses(analysis.structure, quoted, ctx.quoteGap);
    return { criterion: c, met, points, evidence: shown, rebuked: met ? [] : analysis.rebuked[c.id] || [], countedOnce, enough: count >= need };
  });
  const met = new Set(criteria.filter((c) => c.met).map((c) => c.criterion.id));
  const penalties = [];
  for (const p of r.penalties) {
    if (ctx.gaming.empty.has(flag) || p.unless.some((id) => met.has(id))) continue;
    const found = penaltyEvidence(ctx, rubric, p, analysis);
    if (found.length && !lifted(ctx, rubric, p, found, analysis)) penalties.push({ penalty: p, points: -p.points, evidence: found });
  }
  let total = criteria.reduce((sum, c) => sum + c.points, 0) + penalties.reduce((sum, p) => sum + p.points, 0);
  total = Math.min(Math.max(total, 0), r.max_score);
  return { rubric: r, criteria, penalties, flag, score: pyRound2(total) };
}

function criterionEvidence(ctx, rubric, analysis) {
  const r = rubric.data;
  const structure = analysis.structure;
  const rebukes = rebukeSpans(ctx, analysis, overlapTest(setSpans(rubric, rubric.notRude, analysis)));
  const blanks = blankSpans(ctx, structure.text);
  const listed = listedSpans(ctx, structure.text);
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
  if (rubric.opinion) evidence = secondOpinion(rubric, analysis, evidence, [...rebukes, ...blanks, ...listed], voids);
  const rebuked = {}; // what the criteria's words found inside a rebuke: said, not counted
  if (rebukes.length) {
    for (const c of r.criteria) if (!c.order) rebuked[c.id] = matched(rubric, c, analysis).filter((f) => inRebuke(f.nstart));
    for (const c of r.criteria) if (c.void_in_rebuke) [rebuked[c.id], evidence[c.id]] = [[...rebuked[c.id], ...evidence[c.id]], []];
  }
  analysis.rebuked = rebuked;
  for (const c of r.criteria) if (c.order) evidence[c.id] = orderEvidence(rubric, c, analysis, evidence);
  return evidence;
}

function voidSpans(rubric, c, analysis) {
  const found = rubric.data.penalties.filter((p) => c.spoilt_by.includes(p.id)).flatMap((p) => matched(rubric, p, analysis));
  return [...found.map((f) => [f.nstart, f.nend]), ...setSpans(rubric, c.spoilt_by, analysis)];
}

// where the rubric's sets among names find something (score/__init__.py _set_spans)
function setSpans(rubric, names, analysis) {
  return names.filter((name) => name in rubric.sets).flatMap((name) => rubric.sets[name].find(analysis.structure)).map((f) => [f.nstart, f.nend]);
}

function secondOpinion(rubric, analysis, evidence, spoilt, voids) {
  let claims = null; // worked out only when a model is sure
  const free = (s, e) => {
    if (claims === null) {
      const found = [...Object.values(evidence), ...rubric.data.penalties.map((p) => matched(rubric, p, analysis))].flat();
      claims = overlapTest([...spoilt, ...found.map((f) => [f.nstart, f.nend])]);
    }
    return !claims(s, e);
  };
  const out = {};
  for (const [cid, found] of Object.entries(evidence)) {
    const usable = (s, e) => free(s, e) && !voids[cid](s, e);
    out[cid] = overrule(rubric.opinion, analysis.structure, cid, found, usable);
  }
  return out;
}

function overrule(opinion, structure, cid, found, usable) {
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

const penaltyKey = (pid) => `p:${pid}`; // a penalty's model, and its token when the patterns found it (learned.penalty_key)

// the second opinion is sure a penalty the patterns found does not apply; never a rebuke (score/__init__.py)
function lifted(ctx, rubric, p, found, analysis) {
  const opinion = rubric.opinion;
  const model = opinion && opinion.models[penaltyKey(p.id)];
  if (!model || found.some((f) => ctx.rebukes.includes(f.id))) return false;
  const verdicts = opinion.verdicts[penaltyKey(p.id)];
  let score = model.score(analysis.structure.text);
  for (const token of patternVerdicts(ctx, rubric, analysis)) score += verdicts[token] ?? 0;
  return score < opinion.lift;
}

// what the patterns found, as the penalty models read it, worked out once per reply (pattern_verdicts)
function patternVerdicts(ctx, rubric, analysis) {
  if (analysis.patternSaid === null) {
    const penalties = rubric.data.penalties.filter((q) => penaltyEvidence(ctx, rubric, q, analysis).length);
    analysis.patternSaid = new Set([...analysis.patternMet.map((cid) => `c:${cid}`), ...penalties.map((q) => penaltyKey(q.id))]);
  }
  return analysis.patternSaid;
}

function orderEvidence(rubric, c, analysis, evidence) {
  const named = (name) => (name in evidence ? evidence[name] : name in rubric.sets ? rubric.sets[name].find(analysis.structure) : analysis.of(name));
  const earliest = (found) => found.reduce((best, f) => (best === null || f.nstart < best.nstart ? f : best), null);
  const first = c.order.ranked
    ? c.order.first.map((name) => earliest(named(name))).find((f) => f !== null) ?? null
    : earliest(c.order.first.flatMap(named));
  if (first === null) return [];
  const then = c.order.any_then
    ? earliest(c.order.then.flatMap(named).filter((f) => f.nstart > first.nstart))
    : earliest(c.order.then.flatMap(named));
  return then && first.nstart < then.nstart ? [first, then] : [];
}

function penaltyEvidence(ctx, rubric, p, analysis) {
  const structure = analysis.structure;
  const spoilt = overlapTest(setSpans(rubric, p.spoilt_by, analysis));
  const found = matched(rubric, p, analysis)
    .filter((f) => !spoilt(f.nstart, f.nend))
    .map((f) => (ctx.rebukes.includes(f.id) ? makeFinding(structure, f.id, ...rebukeSpan(ctx, structure, f)) : f));
  return unique(found);
}

function rebukeSpans(ctx, analysis, notRudeAt) {
  const structure = analysis.structure;
  const found = analysis.ofAny(ctx.rebukes).filter((f) => !notRudeAt(f.nstart, f.nend));
  return found.filter((f) => !calm(ctx, structure, f.nstart)).map((f) => rebukeSpan(ctx, structure, f));
}

function rebukeSpan(ctx, structure, finding) {
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

function mergedSpans(spans) {
  const merged = [];
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    if (e <= s) continue;
    if (merged.length && s <= merged[merged.length - 1][1]) merged[merged.length - 1][1] = Math.max(merged[merged.length - 1][1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** score.quotes.in_whole_clauses: the finding widened to the whole clauses it starts and ends in,
 * but not past a space. */
function inWholeClauses(structure, f) {
  const text = structure.text;
  let [start, end] = structure.clauseAt(f.nstart);
  if (f.nend - 1 >= end) end = structure.clauseAt(f.nend - 1)[1]; // (it ends in a later clause)
  const before = f.nstart > start ? text.lastIndexOf(" ", f.nstart - 1) : -1;
  start = Math.min(f.nstart, Math.max(start, before + 1));
  const space = f.nend < end ? text.indexOf(" ", f.nend) : -1;
  end = Math.max(f.nend, space < 0 || space >= end ? end : space);
  return start === f.nstart && end === f.nend ? f : makeFinding(structure, f.id, start, end, f.kind);
}

/** score.quotes.joined_in_clauses: evidence that overlaps, or lies in one clause at most `gap`
 * (score.quotes.QUOTE_GAP) apart with no space between, is one quote. */
function joinedInClauses(structure, found, gap) {
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

function overlapTest(spans) {
  const merged = mergedSpans(spans);
  const ends = merged.map(([, e]) => e);
  const points = spans.filter(([s, e]) => e === s).map(([s]) => s).sort((a, b) => a - b);
  return (start, end) => {
    if (end <= start) return overlaps(start, end, spans);
    const k = bisectRight(ends, start);
    if (k < merged.length && merged[k][0] < end) return true;
    const p = bisectRight(points, start);
    return p < points.length && points[p] < end;
  };
}

function coveredBy(spans) {
  const merged = mergedSpans(spans);
  const starts = merged.map(([s]) => s);
  return (pos) => {
    const k = bisectRight(starts, pos) - 1;
    return k >= 0 && pos < merged[k][1];
  };
}

function touches(ctx, f, blanks, text) {
  for (const [s, e] of blanks) {
    if ((s < f.nend && f.nstart < e) || e === f.nstart) return true;
    if (s === f.nend && ctx.gaming.slotWords.includes(text.slice(f.nend - 1, f.nend))) return true;
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

// -- gaming (score/gaming.py) -------------------------------------------------------------

function gamingCheck(ctx, rubric, analysis, extra) {
  const g = ctx.gaming;
  const text = analysis.structure.text;
  const content = text.replace(g.separators, "");
  if (!content) return "empty";
  if (g.placeholders.has(content) || (rubric.placeholderContent !== null && content === rubric.placeholderContent)) return "placeholder";
  if (isNotChinese(ctx, text)) return "not_chinese";
  let memo = null;
  const findings = () =>
    (memo ??= [...analysis.ofAny(ctx.techniques), ...extra].filter((f) => !QUESTIONS.includes(f.id)));
  if (isKeywordList(ctx, text, content, findings)) return "keyword_list";
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

function blankSpans(ctx, text) {
  return [...finditer(ctx.gaming.blanks, text)].map(span);
}

function listedSpans(ctx, text) {
  return [...namedLists(ctx, text), ...outlines(ctx, text), ...numberedPlans(ctx, text)];
}

function numberedPlans(ctx, text) {
  // the items of a numbered list (1, 2, 3 … in order) that names steps instead of saying them
  if (!text.includes("1")) return []; // (most replies: no list to look for)
  const g = ctx.gaming;
  const rule = g.rules.numbered_plan;
  const lists = [];
  for (const m of finditer(g.numberMark, text)) {
    const number = Number(m[1]);
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
    if (e - s > rule.item_max_length || search(g.glueChar, m[0].replace(g.techniqueName, "")) !== null) {
      close();
      continue;
    }
    run.push([s, e, search(g.techniqueName, m[0]) !== null]);
  }
  close();
  return spans;
}

function saidInClause(ctx, text) {
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
  return !spoken(ctx, rule, text, segments, glueless) && bareWords(rule, segments, glueless, findings);
}

function spoken(ctx, rule, text, segments, glueless) {
  if (!segments.some(([s, e], k) => !glueless[k] && e - s >= rule.clause_min_length)) return false;
  return !namesATechnique(ctx, text, segments, glueless);
}

function namesATechnique(ctx, text, segments, glueless) {
  return segments.some(([s, e], k) => glueless[k] && search(ctx.gaming.techniqueName, text, s, e) !== null);
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
  if (glueChars > rule.run_glue_share * content.length || new Set(findings().map((f) => f.id)).size < rule.min_techniques) return false;
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
  return echoed(content, rule.echo_run) >= rule.echo_share * Array.from(content).length;
}

// characters saying again, in runs of minRun or more, what the reply said before (gaming.py _echoed);
// counted in code points, as Python counts
function echoed(content, minRun) {
  const at = [0]; // where each code point starts, in UTF-16 units
  for (const c of content) at.push(at[at.length - 1] + c.length);
  const n = at.length - 1;
  let covered = 0;
  for (let i = 0; i < n; ) {
    const before = content.slice(0, at[i]);
    let k = 0;
    while (i + k < n && before.includes(content.slice(at[i], at[i + k + 1]))) k++;
    if (k >= minRun) {
      covered += k;
      i += k;
    } else i++;
  }
  return covered;
}

function isCopy(ctx, content, customer) {
  const rule = ctx.gaming.rules.copy;
  if (content.length > 4 * customer.length) return false;
  const inCustomer = new Set(customer);
  if (Array.from(content).filter((c) => inCustomer.has(c)).length < rule.share * content.length) return false;
  let covered = 0;
  const n = content.length;
  for (let i = 0; i < n; ) {
    let k = 0;
    while (i + k < n && customer.includes(content.slice(i, i + k + 1))) k++;
    if (k >= rule.min_run) {
      covered += k;
      i += k;
    } else i += 1;
  }
  return covered >= rule.share * n;
}

// -- step 4: feedback (carecourse/feedback) -----------------------------------------------

function writeFeedback(ctx, scored) {
  const r = scored.rubric;
  const messages = ctx.messages;
  const flags = scored.flag ? [{ id: scored.flag, message: flagMessage(messages, r, scored.flag) }] : [];
  return {
    scenario: r.id,
    score: scored.score,
    max_score: r.max_score,
    criteria: scored.criteria.map((c) => criterionLine(messages, c, scored.flag)),
    penalties: scored.penalties.map(penaltyLine),
    flags,
    summary: summary(messages, r, scored, flags),
  };
}

const evidenceDicts = (evidence) => evidence.map((f) => ({ text: f.text, start: f.start, end: f.end }));

function criterionLine(messages, scored, flag) {
  const c = scored.criterion;
  let text = scored.met ? c.feedback.met : c.feedback.missing;
  if (scored.countedOnce && c.feedback.counted_once) text = c.feedback.counted_once;
  else if (!scored.met && scored.points && c.feedback.partial) text = c.feedback.partial;
  if (flag && scored.evidence.length && (scored.met || (scored.enough && !c.order))) {
    text = pyFormat(messages.said_not_counted, { quotes: quoted(quotes(scored.evidence)) });
  } else if (!flag && scored.rebuked.length) {
    text = pyFormat(messages.said_in_rebuke, { quotes: quoted(quotes(scored.rebuked)) });
  }
  return {
    id: c.id, label: c.label, met: scored.met, points: scored.points, max_points: c.points,
    evidence: evidenceDicts(scored.evidence), feedback: text, section: c.section,
  }; // prettier-ignore
}

function penaltyLine(scored) {
  const p = scored.penalty;
  return { id: p.id, label: p.label, points: scored.points, evidence: evidenceDicts(scored.evidence), feedback: p.feedback.met, section: p.section };
}

function flagMessage(messages, r, flag) {
  const points = r.criteria.filter((c) => !c.order).map((c) => c.label || c.id).join("、");
  return pyFormat(messages.flags[flag], { points });
}

function summary(messages, r, scored, flags) {
  if (flags.length) return pyFormat(messages.flag_summary, { max: formatG(r.max_score) });
  const share = r.max_score ? scored.score / r.max_score : 0;
  const text = messages.bands.find((b) => share >= b.min).text;
  return scored.penalties.length ? text + messages.penalty_note : text;
}

// Python's str.format with named fields only ("{name}", "{{", "}}").
function pyFormat(template, values) {
  return template.replace(/\{\{|\}\}|\{([a-z_]+)\}/gu, (m, name) => (m === "{{" ? "{" : m === "}}" ? "}" : String(values[name])));
}

