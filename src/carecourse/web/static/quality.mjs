// The service-quality calculator (M10) on the page: 服务质量 = 感知 − 期望, dimension by
// dimension. The arithmetic of carecourse.widgets.quality (quality_gaps, verdict,
// gaps_table_html), filling the table fragments Python rendered with {slots}
// (quality.browser_data, carried in the page). A test checks it gives Python's numbers
// and table for thousands of inputs.

import { fill, formatG, roundHalfEven } from "./feedback.mjs";

/** Every dimension scored, each on the scale (quality_gaps raises otherwise). */
export function isValid(expected, perceived, data) {
  const [low, high] = data.scale;
  return [expected, perceived].every((scores) =>
    data.dimensions.every((d) => typeof scores[d] === "number" && low <= scores[d] && scores[d] <= high),
  );
}

/** {gaps, average, worst} as QualityGaps has them; worst is null when none is below. */
export function qualityGaps(expected, perceived, data) {
  if (!isValid(expected, perceived, data)) throw new RangeError("a score is missing or off the scale");
  const gaps = {};
  for (const d of data.dimensions) gaps[d] = perceived[d] - expected[d];
  let sum = 0;
  for (const d of data.dimensions) sum += gaps[d]; // Python's sum() adds from 0, left to right
  const average = sum / data.dimensions.length;
  let worst = data.dimensions[0];
  for (const d of data.dimensions) if (gaps[d] < gaps[worst]) worst = d; // min(): the first smallest
  return { gaps, average, worst: gaps[worst] < 0 ? worst : null };
}

function verdict(gap, data) {
  if (gap > 0) return data.verdicts.above;
  return gap === 0 ? data.verdicts.equal : data.verdicts.below;
}

/** Python's round(x, 1), ties to even. */
function round1(x) {
  return roundHalfEven(x * 10) / 10;
}

/** quality._signed: "0", or the gap with its sign ("+1", "-0.4"). */
export function signed(gap) {
  if (gap === 0) return "0";
  return gap > 0 ? `+${formatG(gap)}` : formatG(gap);
}

/** The gaps table and its conclusion, as gaps_table_html draws them. */
export function gapsTableHtml(expected, perceived, data) {
  const result = qualityGaps(expected, perceived, data);
  const f = data.fragments;
  const rows = data.dimensions.map((d) => {
    const gap = result.gaps[d];
    const row = gap > 0 ? f.row_above : gap < 0 ? f.row_below : f.row_equal;
    return fill(row, {
      dimension: d, expected: formatG(expected[d]), perceived: formatG(perceived[d]),
      signed: signed(gap), verdict: verdict(gap, data),
    });
  });
  const average = round1(result.average);
  const values = { average: signed(average), average_verdict: verdict(average, data) };
  const conclusion = result.worst
    ? fill(f.conclusion_worst, { ...values, worst: result.worst, worst_gap: signed(result.gaps[result.worst]) })
    : fill(f.conclusion_none, values);
  return f.head + rows.join("") + f.tail + conclusion;
}

/** Wake up one calculator (`.cc-quality-calc`): its selects recompute the table. */
export function initCalculator(root) {
  const data = JSON.parse(root.querySelector("script.cc-data").textContent);
  const form = root.querySelector("form.cc-quality-form");
  const out = root.querySelector(".cc-quality-out");
  const selects = [...form.querySelectorAll("select")];
  const scores = () => {
    const s = { expected: {}, perceived: {} };
    for (const el of selects) s[el.dataset.side][el.dataset.dimension] = Number(el.value);
    return s;
  };
  const update = () => {
    const { expected, perceived } = scores();
    if (isValid(expected, perceived, data)) out.innerHTML = gapsTableHtml(expected, perceived, data);
  };
  form.addEventListener("change", update);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.querySelector(".cc-clear").addEventListener("click", () => {
    for (const el of selects) el.value = String(data.worked[el.dataset.side][el.dataset.dimension]);
    update();
  });
  form.hidden = false;
  hideNote(root);
}

function hideNote(root) {
  const note = root.nextElementSibling;
  if (note && note.classList.contains("cc-nojs")) note.hidden = true;
}
