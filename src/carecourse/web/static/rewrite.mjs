// The question-rewrite exercise (M6) on the page: carecourse.widgets.rewrite.check_rewrite
// with the browser analyzer, the same messages, patterns and fragments (rewrite.browser_data,
// carried in the page). Each rewrite is kept in localStorage until cleared.

import { annotatedHtml, fill } from "./feedback.mjs";
import { draftKey, drafts, submitOnCtrlEnter } from "./practice.mjs";

/** `pattern` as a JavaScript regular expression matching everywhere (Python's sub/findall). */
function global(pattern) {
  return new RegExp(pattern, "gu");
}

/** Nothing but white space, as Python's str.strip() sees it. */
function blank(text, data) {
  return !new RegExp(data.patterns.nonspace, "u").test(text);
}

/** Is `rewrite` a friendly open question (and not `original` again)? {ok, message, analysis}
 *  Compared and counted as the grader reads them, so Traditional script checks alike. */
export function checkRewrite(original, rewrite, engine, data) {
  const analysis = engine.analyze(rewrite);
  const folded = engine.normalized(rewrite);
  const found = new Set(analysis.techniques.map((f) => f.id));
  const punctuation = global(data.patterns.punctuation);
  const bare = (text) => text.replace(punctuation, "");
  const m = data.messages;
  if (blank(rewrite, data)) return { ok: false, message: m.empty, analysis };
  if (bare(folded) === bare(engine.normalized(original))) return { ok: false, message: m.same, analysis };
  const barbed = Object.entries(data.barbed).filter(([id]) => found.has(id)).map(([, label]) => label);
  if (barbed.length) return { ok: false, message: m.barbed.replace("{barbed}", barbed.join("、")), analysis };
  if (!found.has("open_question")) return { ok: false, message: m.closed, analysis };
  const content = folded.replace(global(data.patterns.not_content), "").match(global(data.patterns.han)) ?? [];
  if (content.length < data.min_content) return { ok: false, message: m.vague, analysis };
  return { ok: true, message: m.ok, analysis };
}

/** What the notebook shows under a checked rewrite: the verdict, the rewrite as the
 *  analyzer sees it, and after a miss the worked rewrite. */
export function verdictHtml(check, rewrite, item, engine, data) {
  const annotated = annotatedHtml(check.analysis, rewrite, engine.techniques, data.words, false);
  const f = data.fragments;
  const verdict = fill(check.ok ? f.ok : f.not_ok, { message: check.message, annotated }, ["annotated"]);
  const tried = !blank(rewrite, data) && !check.ok;
  return verdict + (tried ? fill(f.example, { text: item.example }) : "");
}

/** Wake up the exercise (`.cc-rewrite`) with a loaded engine. */
export function initRewrite(root, engine) {
  const data = JSON.parse(root.querySelector(":scope > script.cc-data").textContent);
  const forms = [...root.querySelectorAll("form.cc-rewrite-live")];
  const summary = root.querySelector(".cc-rewrite-summary");
  const passed = new Array(forms.length).fill(false);
  const count = () => {
    summary.innerHTML = fill(data.fragments.summary, { passed: passed.filter(Boolean).length, total: forms.length });
  };
  forms.forEach((form, k) => {
    const item = data.items[k];
    const answer = form.querySelector(".cc-answer");
    const result = form.querySelector(".cc-result");
    const key = draftKey(`rewrite-${k + 1}`);
    answer.id = `cc-rewrite-${k + 1}`;
    answer.value = drafts.get(key) ?? "";
    answer.addEventListener("input", () => drafts.set(key, answer.value));
    submitOnCtrlEnter(answer, form);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const check = checkRewrite(item.question, answer.value, engine, data);
      result.innerHTML = verdictHtml(check, answer.value, item, engine, data);
      passed[k] = check.ok;
      count();
    });
    form.querySelector(".cc-clear").addEventListener("click", () => {
      answer.value = "";
      drafts.set(key, "");
      result.replaceChildren();
      passed[k] = false;
      count();
      answer.focus();
    });
    form.hidden = false;
  });
  for (const el of root.querySelectorAll(":scope > .cc-live")) el.hidden = false;
  const note = root.nextElementSibling;
  if (note && note.classList.contains("cc-nojs")) note.hidden = true;
}
