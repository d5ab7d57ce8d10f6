// Python's re and bisect as the engine uses them: search(text, pos, endpos), match at a
// place, finditer, str.strip, and sorted-list bisection.

export function regex(source) {
  return source == null ? null : new RegExp(source, "gu");
}

export function search(re, text, pos = 0, endpos = text.length) {
  const subject = endpos < text.length ? text.slice(0, endpos) : text;
  if (pos > subject.length) return null;
  re.lastIndex = pos;
  return re.exec(subject);
}

export function matchAt(re, text, pos) {
  const sticky = (re.sticky_ ??= new RegExp(re.source, "yu"));
  sticky.lastIndex = pos;
  return sticky.exec(text);
}

export function* finditer(re, text, pos = 0, endpos = text.length) {
  const subject = endpos < text.length ? text.slice(0, endpos) : text;
  re.lastIndex = pos;
  for (let m; (m = re.exec(subject)); ) {
    if (m[0].length === 0) re.lastIndex++; // never for the exported patterns (see jsregex.py)
    yield m;
  }
}

export const span = (m) => [m.index, m.index + m[0].length];

export const bySpan = (a, b) => a.start - b.start || a.end - b.end;

export const overlaps = (start, end, spans) => spans.some(([s, e]) => s < end && start < e);

export function bisectRight(list, x) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x < list[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function bisectLeft(list, x) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function pyStrip(ctx, text) {
  let start = 0;
  let end = text.length;
  while (start < end && ctx.spaces.has(text[start])) start++;
  while (end > start && ctx.spaces.has(text[end - 1])) end--;
  return text.slice(start, end);
}

// detect/structure.py text_outside: the text outside `spans` (sorted by start; they may overlap).
export function textOutside(text, spans) {
  let outside = "";
  let end = 0;
  for (const [s, e] of spans) {
    outside += text.slice(end, Math.max(end, s));
    end = Math.max(end, e);
  }
  return outside + text.slice(end);
}
