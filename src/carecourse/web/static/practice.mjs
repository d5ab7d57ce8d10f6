// The practice box on the page (carecourse.widgets.practice): the learner types a reply,
// presses 评分 (or Ctrl+Enter) and reads the same feedback the notebook shows, graded in
// the browser by the browser grader. The draft is kept in localStorage, per page and
// scenario, until the learner clears it. A box whose scenario the engine has not loaded
// yet (live.mjs loads the first box's) fetches it when the learner first turns to the box.

import { gradeHtml } from "./feedback.mjs";

const DRAFT = "carecourse:draft:";

/** The localStorage key of one draft: this page, this box. */
export function draftKey(name) {
  return `${DRAFT}${location.pathname}:${name}`;
}

/** localStorage, or nothing where the browser refuses it (private mode, blocked storage). */
export const drafts = {
  get(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      if (value) localStorage.setItem(key, value);
      else localStorage.removeItem(key);
    } catch {
      /* the draft lives only on the page then */
    }
  },
};

let boxes = 0;

/** Give the form's parts ids and tie the text area to its notes. */
function wire(form, prefix) {
  const id = `${prefix}-${++boxes}`;
  const answer = form.querySelector(".cc-answer");
  answer.id = `${id}-answer`;
  const described = [];
  for (const [cls, suffix] of [[".cc-keys", "keys"], [".cc-privacy", "privacy"]]) {
    const el = form.querySelector(cls);
    if (el) {
      el.id = `${id}-${suffix}`;
      described.push(el.id);
    }
  }
  if (described.length) answer.setAttribute("aria-describedby", described.join(" "));
  return answer;
}

/** Ctrl+Enter (or ⌘+Enter) in the text area submits its form. */
export function submitOnCtrlEnter(answer, form) {
  answer.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
}

/** Wake up one practice box (`.cc-practice`) with a loaded engine; `loaded`: the engine
 *  has the box's scenario already (else it is fetched when the learner turns to the box). */
export function initPractice(root, engine, loaded = true) {
  const form = root.querySelector("form.cc-live");
  const data = JSON.parse(form.querySelector("script.cc-data").textContent);
  const answer = wire(form, "cc-practice");
  const result = form.querySelector(".cc-result");
  const status = form.querySelector(".cc-status");
  const key = draftKey(data.scenario);

  answer.value = drafts.get(key) ?? "";
  answer.addEventListener("input", () => drafts.set(key, answer.value));
  submitOnCtrlEnter(answer, form);

  // the scenario's data, fetched once: now if the engine has it, else on first use
  let loading = null;
  const load = () => {
    loading ??= engine.load(data.scenario).then(
      () => (form.dataset.loaded = "1"),
      (err) => {
        loading = null; // a later try fetches again
        throw err;
      },
    );
    return loading;
  };
  if (loaded) load();
  for (const type of ["focusin", "pointerdown"]) form.addEventListener(type, () => load().catch(() => {}), { once: true });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = answer.value;
    let graded;
    try {
      await load();
    } catch (err) {
      console.warn("carecourse: the scenario did not load", err);
      status.textContent = "这道题的评分数据没能加载，请检查网络后再点一次“评分”。";
      return;
    }
    try {
      graded = engine.grade(data.scenario, text);
    } catch (err) {
      // a learner sees a message, never a stack trace (the console keeps the details)
      console.warn("carecourse: grading failed", err);
      status.textContent = "评分时出错了，请把这段回应换个写法再试一次。";
      return;
    }
    status.textContent = "";
    result.innerHTML = gradeHtml(graded, text, data.words, data.book_base);
    result.dataset.graded = String(Number(result.dataset.graded ?? 0) + 1); // how many grades so far
  });

  form.querySelector(".cc-clear").addEventListener("click", () => {
    answer.value = "";
    drafts.set(key, "");
    result.replaceChildren();
    status.textContent = "草稿已清除。";
    answer.focus();
  });

  form.hidden = false;
  root.querySelector(":scope > .cc-nojs")?.setAttribute("hidden", "");
}
