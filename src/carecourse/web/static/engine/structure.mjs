// Sentences, clauses, quoted words and negation of a normalised text (detect/structure.py).

import { bisectLeft, bisectRight, finditer, matchAt, pyStrip, search, span, textOutside } from "./text.mjs";

export class Structure {
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

  // the clauses said, then taken back at once (Structure.taken_back), each to where it trails off
  get takenBack() {
    if (this._takenBack === undefined) {
      this._takenBack = [];
      for (const m of finditer(this.ctx.structure.takenBack, this.text)) {
        const start = this.clauseAt(m.index)[0];
        if (start < m.index) this._takenBack.push([start, m.index]);
      }
    }
    return this._takenBack;
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
    const rules = this.ctx.structure;
    if (rules.refusedAfter.some((r) => this.text.startsWith(r, end))) return true;
    const stop = this.clauseAt(Math.max(end - 1, 0))[1];
    const space = this.text.indexOf(" ", end);
    return search(rules.refusedLater, this.text, end, space >= 0 && space < stop ? space : stop) !== null;
  }
}

function addTrimmed(text, start, end, spans) {
  while (start < end && (text[start] === " " || text[start] === "\n")) start++;
  while (end > start && (text[end - 1] === " " || text[end - 1] === "\n")) end--;
  if (end > start) spans.push([start, end]);
}

function ownSpeechFrame(rules, text, opening) {
  const start = Math.max(...[...rules.frameBounds].map((c) => text.lastIndexOf(c, opening - 1))) + 1;
  return rules.ownSpeech.test(text.slice(start, opening)) ? [start, opening] : null;
}

// The staff's own speech in quotation marks is no quotation (detect/structure.py _quoted_spans).
function quotedSpans(ctx, text) {
  const rules = ctx.structure;
  const marks = [...finditer(rules.quote, text)].map((m) => m.index);
  const quotes = [];
  for (let k = 0; k + 1 < marks.length; k += 2) quotes.push([marks[k], marks[k + 1] + 1]);
  if (marks.length % 2) {
    const opening = marks[marks.length - 1];
    const end = search(rules.sentenceEnd, text, opening + 1);
    if (pyStrip(ctx, text.slice(0, opening))) quotes.push([opening, end ? end.index : text.length]);
  }
  const spans = [];
  if (!(quotes.length && [...textOutside(text, quotes)].every((c) => rules.spokenAlone.includes(c)))) {
    for (const [s, e] of quotes) spans.push(ownSpeechFrame(rules, text, s) ?? [s, e]);
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
