// Knowledge checks on the static site: carecourse.sphinx.quiz writes the question (the
// legend of a fieldset), the options and the explanations into the page; this script makes
// them answerable, by mouse, touch or keyboard alone:
// - every kind is checked by its 提交 button (or Enter on a choice), never on a change, so a
//   keyboard user moving through radios with the arrow keys hears no verdict per option;
// - a checked item says what it is in words ("✔ 正确", "✘ 位置不对", ...), not by colour alone;
// - the verdict is announced by a live region (role=status), moves in the ordering quiz too.
(function () {
  "use strict";

  // What a checked item shows and a screen reader reads, by state, and its look.
  const MARKS = {
    right: ["✔ 正确", "right"],
    wrong: ["✘ 不对", "wrong"],
    chosen: ["✔ 该选", "right"],
    extra: ["✘ 不该选", "wrong"],
    missed: ["漏选", "missed"],
    placed: ["✔ 位置正确", "right"],
    misplaced: ["✘ 位置不对", "wrong"],
    matched: ["✔ 配对正确", "right"],
    mismatched: ["✘ 配错了", "wrong"],
    blank: ["✘ 没有选择", "wrong"],
  };

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  function say(region, text) {
    region.textContent = text;
  }

  function verdict(quiz, ok, message) {
    const out = quiz.querySelector(".cc-result");
    out.className = "cc-result " + (ok ? "cc-right" : "cc-wrong");
    say(out, (ok ? "✔ 回答正确。" : "✘ 还不对。") + (message || ""));
    quiz.querySelector(".cc-explain").classList.add("cc-shown");
    quiz.classList.toggle("cc-solved", ok);
  }

  function notice(quiz, message) {
    const out = quiz.querySelector(".cc-result");
    out.className = "cc-result";
    say(out, message);
  }

  function footer(quiz, onSubmit) {
    const bar = el("div", "cc-footer");
    const button = el("button", "cc-submit", "提交");
    button.type = "button";
    button.addEventListener("click", onSubmit);
    bar.appendChild(button);
    const result = el("div", "cc-result");
    result.setAttribute("role", "status");
    result.setAttribute("aria-live", "polite");
    bar.appendChild(result);
    quiz.insertBefore(bar, quiz.querySelector(".cc-explain"));
  }

  // A checked item's state: a class for the colour and words for everyone, put in `where`
  // (before `before`, if given).
  function mark(node, state, where, before) {
    node.classList.remove("cc-right", "cc-wrong", "cc-missed");
    node.querySelectorAll(".cc-mark").forEach((m) => m.remove());
    if (!state) return;
    const [words, look] = MARKS[state];
    node.classList.add("cc-" + look);
    (where || node).insertBefore(el("span", "cc-mark cc-mark-" + look, words), before || null);
  }

  function setupChoice(quiz, multiple, index) {
    const options = Array.from(quiz.querySelectorAll(".cc-option"));
    options.forEach((option, k) => {
      const input = el("input");
      input.type = multiple ? "checkbox" : "radio";
      input.name = "cc-quiz-" + index;
      input.id = "cc-quiz-" + index + "-" + k;
      const label = el("label");
      label.htmlFor = input.id;
      const text = option.querySelector(".cc-option-text");
      option.insertBefore(label, text);
      label.appendChild(input);
      label.appendChild(text);
      // a new choice clears the last check: what is marked is always what was submitted
      input.addEventListener("change", () => {
        if (multiple) clearChoice(option);
        else options.forEach(clearChoice);
        notice(quiz, "");
      });
      // Enter on a choice checks the answer, as the 提交 button does
      input.addEventListener("keydown", (event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          submit();
        }
      });
    });
    const submit = () => (multiple ? checkMultiple(quiz, options) : checkSingle(quiz, options));
    footer(quiz, submit);
  }

  function clearChoice(option) {
    mark(option, null);
    option.querySelector(".cc-why").classList.remove("cc-shown");
  }

  function checkSingle(quiz, options) {
    options.forEach(clearChoice);
    const picked = options.find((o) => o.querySelector("input").checked);
    if (!picked) {
      notice(quiz, "请先选一个选项，再按“提交”。");
      return;
    }
    const ok = picked.dataset.correct === "1";
    mark(picked, ok ? "right" : "wrong", picked.querySelector("label"));
    picked.querySelector(".cc-why").classList.add("cc-shown");
    verdict(quiz, ok, ok ? "" : "再想想，或者换一个选项试试。");
  }

  function checkMultiple(quiz, options) {
    let wrong = 0, missed = 0;
    options.forEach((o) => {
      const ticked = o.querySelector("input").checked;
      const correct = o.dataset.correct === "1";
      const why = o.querySelector(".cc-why");
      const place = o.querySelector("label");
      why.classList.toggle("cc-shown", ticked);
      if (ticked && correct) mark(o, "chosen", place);
      else if (ticked) { mark(o, "extra", place); wrong++; }
      else if (correct) { mark(o, "missed", place); missed++; }
      else mark(o, null);
    });
    const parts = [];
    if (wrong) parts.push(`选了 ${wrong} 个不该选的`);
    if (missed) parts.push(`漏了 ${missed} 个该选的（已标出“漏选”）`);
    verdict(quiz, !wrong && !missed, parts.join("，") + (parts.length ? "。" : ""));
  }

  function setupOrder(quiz, index) {
    const list = quiz.querySelector(".cc-order-list");
    const status = el("div", "cc-status visually-hidden");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    list.after(status);
    Array.from(list.children).forEach((item, k) => {
      const text = el("span", "cc-item-text");
      while (item.firstChild) text.appendChild(item.firstChild);
      text.id = "cc-quiz-" + index + "-item-" + k;
      item.appendChild(text);
      const controls = el("span", "cc-move");
      [["↑", "上移", -1], ["↓", "下移", 1]].forEach(([glyph, title, step]) => {
        const b = el("button", "cc-move-btn", glyph);
        b.type = "button";
        b.title = title;
        b.setAttribute("aria-label", `${title}：${text.textContent}`);
        b.addEventListener("click", () => move(list, item, step, b, status));
        controls.appendChild(b);
      });
      item.appendChild(controls);
    });
    footer(quiz, () => {
      const items = Array.from(list.children);
      let misplaced = 0;
      items.forEach((item, k) => {
        const ok = Number(item.dataset.rank) === k;
        mark(item, ok ? "placed" : "misplaced", item, item.querySelector(".cc-move"));
        if (!ok) misplaced++;
      });
      verdict(quiz, misplaced === 0, misplaced ? `有 ${misplaced} 项的位置不对（已标出“位置不对”），调整后再提交。` : "");
    });
  }

  function move(list, item, step, button, status) {
    const before = Array.from(list.children).indexOf(item);
    if (step < 0 && item.previousElementSibling) list.insertBefore(item, item.previousElementSibling);
    if (step > 0 && item.nextElementSibling) list.insertBefore(item.nextElementSibling, item);
    Array.from(list.children).forEach((i) => mark(i, null));
    notice(list.closest(".cc-quiz"), "");
    // moving a node drops the focus inside it: put it back on the button just pressed
    button.focus();
    const items = Array.from(list.children);
    const now = items.indexOf(item);
    const name = item.querySelector(".cc-item-text").textContent;
    say(status, now === before
      ? `「${name}」已经在${step < 0 ? "最前" : "最后"}，第 ${now + 1} 位，共 ${items.length} 项。`
      : `「${name}」移到第 ${now + 1} 位，共 ${items.length} 项。`);
  }

  function setupMatch(quiz, index) {
    const list = quiz.querySelector(".cc-pairs");
    const choices = JSON.parse(list.dataset.choices);
    Array.from(list.children).forEach((row, k) => {
      const item = row.querySelector(".cc-pair-item");
      item.id = "cc-quiz-" + index + "-pair-" + k;
      const select = el("select", "cc-select");
      // named by the item it answers: each list is told apart by what it is about
      select.setAttribute("aria-labelledby", item.id);
      select.appendChild(new Option("请选择…", ""));
      choices.forEach((c) => select.appendChild(new Option(c, c)));
      const correction = el("span", "cc-correction");
      correction.id = item.id + "-correction";
      select.setAttribute("aria-describedby", correction.id);
      select.addEventListener("change", () => {
        mark(row, null);
        correction.textContent = "";
        notice(quiz, "");
      });
      const wrap = el("span", "cc-pick");
      wrap.appendChild(select);
      wrap.appendChild(correction);
      row.appendChild(wrap);
    });
    footer(quiz, () => {
      let wrong = 0, blank = 0;
      Array.from(list.children).forEach((row) => {
        const value = row.querySelector("select").value;
        const correction = row.querySelector(".cc-correction");
        const ok = value === row.dataset.answer;
        if (!value) blank++;
        correction.textContent = ok || !value ? "" : `→ 应为「${row.dataset.answer}」`;
        mark(row, !value ? "blank" : ok ? "matched" : "mismatched", row.querySelector(".cc-pick"));
        if (!ok) wrong++;
      });
      const message = blank ? `还有 ${blank} 项没有选择。` : wrong ? `${wrong} 项配错了，正确答案已标出。` : "";
      verdict(quiz, wrong === 0, message);
    });
  }

  function init() {
    document.querySelectorAll(".cc-quiz").forEach((quiz, index) => {
      const kind = quiz.dataset.kind;
      if (kind === "single" || kind === "multiple") setupChoice(quiz, kind === "multiple", index);
      else if (kind === "order") setupOrder(quiz, index);
      else if (kind === "match") setupMatch(quiz, index);
      quiz.classList.add("cc-ready");
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
