// A lexicon or pattern searched in a structure, and its findings (detect/matcher.py).

import { finditer, overlaps, regex, search, span } from "./text.mjs";

export function makeFinding(structure, id, nstart, nend, kind = null) {
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

export function findingDict(f) {
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

export class PhraseMatcher {
  constructor(data) {
    this.id = data.id;
    this.pattern = regex(data.pattern);
    this.exclude = regex(data.exclude);
    this.negatable = data.negatable;
    this.skipQuoted = data.skip_quoted;
  }

  find(structure) {
    const spans = this.spans(structure.text);
    if (!spans.length) return [];
    const text = structure.text;
    const excluded = this.excludedIn(text);
    return spans
      .filter(([s, e]) => e > s && !this.cancelled(structure, s, e, excluded))
      .map(([s, e]) => makeFinding(structure, this.id, pastBreaks(text, s, e), e));
  }

  // the matches that negation or a refusal alone cancels: the words said, the deed not done (matcher.py negated)
  negated(structure) {
    if (!this.negatable) return [];
    const spans = this.spans(structure.text);
    const excluded = spans.length ? this.excludedIn(structure.text) : [];
    return spans.filter(([s, e]) => e > s && !this.excludedOrQuoted(structure, s, e, excluded) && negatedAt(structure, s, e));
  }

  // the matches in the whole text, overlapping ones ("为您核" and "核查") merged into one span ("为您核查")
  spans(text) {
    if (!this.pattern) return [];
    const spans = [];
    let match = search(this.pattern, text, 0);
    while (match) {
      const s = match.index;
      let e = s + match[0].length;
      match = search(this.pattern, text, s + 1);
      while (match && match.index < e) {
        e = Math.max(e, match.index + match[0].length);
        match = search(this.pattern, text, match.index + 1);
      }
      spans.push([s, e]);
    }
    return spans;
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
    return this.excludedOrQuoted(structure, s, e, excluded) || (this.negatable && negatedAt(structure, s, e));
  }

  excludedOrQuoted(structure, s, e, excluded) {
    return overlaps(s, e, excluded) || (this.skipQuoted && structure.isQuoted(s));
  }
}

function negatedAt(structure, s, e) {
  return structure.isNegated(s) || structure.isRefusedAfter(e);
}

function kindOf(match) {
  const groups = match.groups || {};
  const name = Object.keys(groups).find((k) => groups[k] !== undefined);
  return name ? name.split("__")[0] : "";
}
