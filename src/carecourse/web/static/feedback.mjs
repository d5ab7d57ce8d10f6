// A graded or annotated reply as HTML, in the browser: the same markup as Python's
// carecourse.render.html.grade_html and annotated_html (templates/graded_reply.html and
// annotated_reply.html), without their <style> (the page's stylesheet carries those rules).
// The words come from Python (render.view.WORDS, passed in the page); a browser test
// renders the same results with both and compares them.
//
// Offsets in a result are code-point indices (Python string indices), so the text is cut
// as an array of code points, never by UTF-16 units.

import { formatG } from "./pyformat.mjs";

export { formatG };

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** Escape as Python's html.escape does. */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Round half to even, as Python's round() and "%.0f" do for a value exactly halfway. */
export function roundHalfEven(x) {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff === 0.5) return floor % 2 === 0 ? floor : floor + 1;
  return Math.round(x);
}

/** A share (0–1) as the score bar's width: Python's f"{share * 100:.0f}%". */
export function pct(share) {
  return `${roundHalfEven(share * 100)}%`;
}

/** The score as a share of the maximum, clamped to 0–1 (render.view.score_share). */
export function scoreShare(result) {
  const fraction = result.max_score ? result.score / result.max_score : 0;
  return Math.max(0, Math.min(1, fraction));
}

/** `text` cut at each [start, end, cls, title] span (render.html.marked_segments):
 *  overlapping spans are merged into the earliest-starting one, so marks never nest. */
export function markedSegments(text, spans) {
  const chars = Array.from(text);
  const cut = (a, b) => chars.slice(a, b).join("");
  const sorted = spans
    .map((s, k) => [s, k])
    .sort(([a, ka], [b, kb]) => a[0] - b[0] || b[1] - a[1] || ka - kb)
    .map(([s]) => s);
  const out = [];
  let pos = 0;
  for (const [start, end, cls, title] of sorted) {
    if (start < pos) continue;
    out.push({ text: cut(pos, start), cls: null, title: "" }, { text: cut(start, end), cls, title });
    pos = end;
  }
  out.push({ text: cut(pos, chars.length), cls: null, title: "" });
  return out;
}

/** The segments as HTML (templates/macros.html, macro `marked`). */
export function marked(segments, tags = false) {
  return segments
    .map((s) => {
      if (s.cls === null) return escapeHtml(s.text);
      const mark = `<mark class="${escapeHtml(s.cls)}" title="${escapeHtml(s.title)}">${escapeHtml(s.text)}</mark>`;
      return tags ? `${mark}<sup class="cc-tag">${escapeHtml(s.title)}</sup>` : mark;
    })
    .join("");
}

/** The learner's words behind a line, in reading order, each distinct text once; words
 * inside another quote are left out and quotes that overlap are joined
 * (results.distinct_quotes; offsets count code points, as in Python). */
export function quotes(evidence) {
  const joined = []; // [start, end, text], by start
  const order = [...evidence].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const e of order) {
    const last = joined[joined.length - 1];
    if (last && e.start < last[1]) {
      if (e.end > last[1]) {
        last[2] += Array.from(e.text).slice(last[1] - e.start).join("");
        last[1] = e.end;
      }
    } else {
      joined.push([e.start, e.end, e.text]);
    }
  }
  return [...new Set(joined.map((j) => j[2]))];
}

/** results.CriterionResult.earned: met, or a share of its points earned. */
const earned = (c) => c.met || c.points > 0;

/** results.quoted: “…”、“…”, the first MAX_QUOTES of them. */
const MAX_QUOTES = 4;
export function quoted(list) {
  const shown = list.slice(0, MAX_QUOTES).map((q) => `“${q}”`).join("、");
  return list.length > MAX_QUOTES ? `${shown}等 ${list.length} 处` : shown;
}

/** render.view.section_href; null when there is no section or no book (book_href). */
export function bookHref(section, bookBase) {
  if (!section || bookBase === null || bookBase === undefined) return null;
  const k = section.indexOf("#");
  const [page, anchor] = k < 0 ? [section, ""] : [section.slice(0, k), section.slice(k + 1)];
  return `${bookBase}${page}.html` + (anchor ? `#${anchor}` : "");
}

function bookLink(href, text) {
  return `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
}

/**
 * A graded reply (a GradeResult.to_dict()) as the `.cc-fb` fragment grade_html draws.
 * `words`: render.view.WORDS; `bookBase`: prefix of the book links ("" on a book page,
 * null for none).
 */
export function gradeHtml(result, text, words, bookBase = "") {
  const bad = [];
  for (const p of result.penalties) for (const e of p.evidence) bad.push([e.start, e.end, "cc-bad", p.label]);
  // where a penalty's words and a criterion's overlap, the penalty is shown (render/html.py grade_html)
  const met = [];
  for (const c of result.criteria) {
    if (earned(c)) for (const e of c.evidence) if (!bad.some((b) => b[0] < e.end && e.start < b[1])) met.push([e.start, e.end, "cc-met", c.label]);
  }
  const out = ['<div class="cc-fb">\n'];
  out.push(
    `<div class="cc-score"><b>${escapeHtml(formatG(result.score))} / ${escapeHtml(formatG(result.max_score))} ` +
      `${escapeHtml(words.points)}</b><span class="cc-bar"><span style="width:${pct(scoreShare(result))}">` +
      "</span></span></div>\n",
  );
  if (result.summary) out.push(`<p>${escapeHtml(result.summary)}</p>\n`);
  for (const flag of result.flags) out.push(`<div class="cc-flag">${escapeHtml(flag.message)}</div>\n`);
  const reply = text ? marked(markedSegments(text, [...met, ...bad])) : escapeHtml(words.empty);
  out.push(`<div class="cc-reply">${reply}</div>\n`, '<ul class="cc-criteria">\n');
  for (const c of result.criteria) {
    const said = quotes(c.evidence);
    const href = bookHref(c.section, bookBase);
    let li =
      `<li class="${c.met ? "cc-ok" : "cc-miss"}"><span class="cc-pts">${escapeHtml(formatG(c.points))} / ` +
      `${escapeHtml(formatG(c.max_points))}</span>${escapeHtml(c.met ? words.met : words.missed)} ` +
      `<b>${escapeHtml(c.label)}</b>：${escapeHtml(c.feedback)}`;
    if (earned(c) && said.length) li += `<br><span class="cc-quote">${escapeHtml(words.your_words + quoted(said))}</span>`;
    if (!c.met && href !== null) li += ` ${bookLink(href, words.review)}`;
    out.push(`${li}</li>\n`);
  }
  for (const p of result.penalties) {
    const said = quotes(p.evidence);
    const href = bookHref(p.section, bookBase);
    let li =
      `<li class="cc-penalty"><span class="cc-pts">${escapeHtml(formatG(p.points))}</span>` +
      `${escapeHtml(words.penalty)} <b>${escapeHtml(p.label)}</b>：${escapeHtml(p.feedback)}`;
    if (said.length) li += `<br><span class="cc-quote">${escapeHtml(words.words + quoted(said))}</span>`;
    if (href !== null) li += ` ${bookLink(href, words.review)}`;
    out.push(`${li}</li>\n`);
  }
  out.push("</ul>\n</div>");
  return out.join("");
}

/**
 * An analysed reply ({techniques: [...]} of analyze(text).to_dict()) as the `.cc-fb`
 * fragment annotated_html draws. `techniques`: {id: {label, colour}} in the lexicons'
 * order (the legend's order); `legend`: false leaves the legend out.
 */
export function annotatedHtml(analysis, text, techniques, words, legend = true) {
  // a learned model's reading is underlined dashed and says so (render/html.py _technique_span)
  const spans = analysis.techniques.map((f) =>
    f.kind === "learned"
      ? [f.start, f.end, `cc-t-${f.id} cc-learned`, techniques[f.id].label + words.learned]
      : [f.start, f.end, `cc-t-${f.id}`, techniques[f.id].label],
  );
  const out = ['<div class="cc-fb">\n', `<div class="cc-reply">${marked(markedSegments(text, spans), true)}</div>\n`];
  if (legend) {
    const found = new Set(analysis.techniques.map((f) => f.id));
    const used = Object.keys(techniques).filter((t) => found.has(t));
    const marks = used.map((t) => `<mark class="cc-t-${escapeHtml(t)}">${escapeHtml(techniques[t].label)}</mark>`);
    out.push(`<div class="cc-legend">${marks.length ? marks.join("") : escapeHtml(words.no_technique)}</div>\n`);
  }
  out.push("</div>");
  return out.join("");
}

/** A fragment rendered by Python with {slots}: each slot filled with escaped text, or
 *  with HTML for the names in `html`. */
export function fill(fragment, values, html = []) {
  return fragment.replace(/\{(\w+)\}/g, (whole, name) => {
    if (!(name in values)) return whole;
    return html.includes(name) ? String(values[name]) : escapeHtml(values[name]);
  });
}
