// The engine's data, compiled once: regular expressions, tables and models from
// data/core.json (carecourse/web/data.py core()).

import { learnedModels, linearModel, ungroup } from "./linear.mjs";
import { PhraseMatcher } from "./matcher.mjs";
import { contentOf } from "./normalize.mjs";
import { regex } from "./text.mjs";

export function compileCore(core) {
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
      ownSpeech: new RegExp(`^(?:${core.structure.own_speech})$`, "u"),
      spokenAlone: core.structure.spoken_alone,
      frameBounds: core.structure.frame_bounds,
      negator: regex(core.structure.negator),
      setPhrases: regex(core.structure.set_phrases),
      reach: core.structure.reach,
      refusedAfter: core.structure.refused_after,
      refusedLater: regex(core.structure.refused_later),
      takenBack: regex(core.structure.taken_back),
    },
    questions: {
      trailing: new Set(core.questions.trailing),
      asks: regex(core.questions.asks),
      greeted: regex(core.questions.greeted),
      leadIn: regex(core.questions.lead_in),
      clause: regex(core.questions.clause),
      notAsking: regex(core.questions.not_asking),
      mayIAsk: regex(core.questions.may_i_ask),
      askingWord: regex(core.questions.asking_word),
      askedLast: regex(core.questions.asked_last),
      doubt: regex(core.questions.doubt),
      addressed: regex(core.questions.addressed),
    },
    techniques: core.techniques,
    rank: new Map(core.techniques.map((t, k) => [t, k])),
    lexicons: Object.fromEntries(Object.entries(core.lexicons).map(([t, m]) => [t, new PhraseMatcher(m)])),
    tone: linearModel(ungroup(core.tone.grams), core.tone.weights, core.tone.bias, core.tone.longest),
    toneThreshold: core.tone.threshold,
    toneCalm: core.tone.calm,
    toneSentenceGate: core.tone.sentence_gate ?? null,
    toneSentenceThreshold: core.tone.sentence_threshold ?? null,
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
      narratedPlan: regex(g.narrated_plan),
      narratedAddressed: regex(g.narrated_addressed),
      stageDirection: regex(g.stage_direction),
      numberMark: regex(g.number_mark),
      chineseNumerals: g.chinese_numerals,
      chineseMark: regex(g.chinese_mark),
      planWord: regex(g.plan_word),
      openingBrackets: g.opening_brackets,
      closingBracket: regex(g.closing_bracket),
      asked: regex(g.asked),
      punctuated: regex(g.punctuated),
      tagQuestion: regex(g.tag_question),
      attributive: regex(g.attributive),
      glue: new Set(g.settings.glue),
      empty: new Set(g.empty),
      said: new Set(g.said),
      saidButNotRestated: new Set(g.said_but_not_restated),
      slotWords: g.settings.blank_slot_words,
      slotLead: new RegExp(`^(?:${g.slot_lead})$`, "u"), // a colon or an item's number before a slot's blank
      speakers: new RegExp(`[${g.settings.echo.speakers}]`, "gu"), // the pronouns an echo reads as one
    },
    rebukes: core.score.rebukes,
    rudeSounding: core.score.rude_sounding,
    uncalmed: core.score.uncalmed, // bad questions a calm sentence does not excuse (score/rebukes.py UNCALMED)
    deeds: core.score.deeds, // what staff do: where its words are negated, no learned model reads it (detect DEEDS)
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
