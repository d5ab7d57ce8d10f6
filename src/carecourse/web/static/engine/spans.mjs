// Sets of spans asked whether they overlap or cover a place (score/spans.py).

import { bisectRight, overlaps } from "./text.mjs";

function mergedSpans(spans) {
  const merged = [];
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    if (e <= s) continue;
    if (merged.length && s <= merged[merged.length - 1][1]) merged[merged.length - 1][1] = Math.max(merged[merged.length - 1][1], e);
    else merged.push([s, e]);
  }
  return merged;
}

export function overlapTest(spans) {
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

export function coveredBy(spans) {
  const merged = mergedSpans(spans);
  const starts = merged.map(([s]) => s);
  return (pos) => {
    const k = bisectRight(starts, pos) - 1;
    return k >= 0 && pos < merged[k][1];
  };
}
