// Step 4, feedback (carecourse/feedback): the scored reply as the learner reads it.

import { quoted, quotes } from "../feedback.mjs";
import { formatG } from "../pyformat.mjs";

export function writeFeedback(ctx, scored) {
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
  if (scored.weak) text = c.feedback.met_weakly; // met, in a form to say more strongly (its words are shown beside it)
  else if (scored.countedOnce && c.feedback.counted_once) text = c.feedback.counted_once;
  else if (!scored.met && scored.points && c.feedback.partial) text = c.feedback.partial;
  const saidNotCounted = flag ? messages.said_not_counted[flag] : undefined;
  if (saidNotCounted && scored.evidence.length && (scored.met || (scored.enough && !c.order))) {
    text = pyFormat(saidNotCounted, { quotes: quoted(quotes(scored.evidence)) });
  } else if (!flag && scored.rebuked.length) {
    text = pyFormat(messages.said_in_rebuke, { quotes: quoted(quotes(scored.rebuked)) });
  } else if (!flag && scored.echoed.length) {
    text = pyFormat(messages.said_as_echo, { quotes: quoted(quotes(scored.echoed)) });
  } else if (!flag && scored.refused.length) {
    text = pyFormat(messages.said_but_refused, { quotes: quoted(quotes(scored.refused)), missing: c.feedback.missing });
  } else if (!flag && scored.doubted.length) {
    text = pyFormat(messages.said_but_doubted, { quotes: quoted(quotes(scored.doubted)), missing: c.feedback.missing });
  } else if (!flag && scored.spoilt.length) {
    text = pyFormat(scored.spoiltSaid, { quotes: quoted(quotes(scored.spoilt)), missing: c.feedback.missing });
  } else if (!flag && scored.reversed.length && c.feedback.out_of_order) {
    const [then, first] = scored.reversed.map((f) => quoted([f.text]));
    text = pyFormat(c.feedback.out_of_order, { then, first });
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
  const words = messages.summary;
  const missing = scored.criteria.filter((c) => !c.met).length;
  if (!missing) return scored.penalties.length ? words.all_met_penalised : words.all_met;
  let text;
  if (2 * missing > scored.criteria.length) text = words.most_missing;
  else {
    const half = 2 * missing === scored.criteria.length; // (not "most points done": 2 of 4)
    const key = missing === 1 ? "one_missing" : half ? "half_missing" : missing === 2 ? "two_missing" : "some_missing";
    text = (scored.penalties.length && words[`${key}_penalised`]) || words[key];
  }
  if (scored.penalties.length) {
    text += messages.penalty_note;
    const total = scored.criteria.reduce((a, c) => a + c.points, 0) + scored.penalties.reduce((a, p) => a + p.points, 0);
    if (total < 0) text += messages.floored_note;
  }
  return text;
}

// Python's str.format with named fields only ("{name}", "{{", "}}").
function pyFormat(template, values) {
  return template.replace(/\{\{|\}\}|\{([a-z_]+)\}/gu, (m, name) => (m === "{{" ? "{" : m === "}}" ? "}" : String(values[name])));
}
