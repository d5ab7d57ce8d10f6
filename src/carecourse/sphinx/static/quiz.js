// Knowledge checks on the static site: carecourse.sphinx.quiz writes the question, the
// options and the explanations into the page; this script makes them answerable.
(function () {
  "use strict";

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  function verdict(quiz, ok, message) {
    const out = quiz.querySelector(".cc-result");
    out.textContent = (ok ? "✔ 回答正确。" : "✘ 还不对。") + (message || "");
    out.className = "cc-result " + (ok ? "cc-right" : "cc-wrong");
    quiz.querySelector(".cc-explain").classList.add("cc-shown");
    quiz.classList.toggle("cc-solved", ok);
  }

  function footer(quiz, withButton, onSubmit) {
    const bar = el("div", "cc-footer");
    if (withButton) {
      const button = el("button", "cc-submit", "提交");
      button.type = "button";
      button.addEventListener("click", onSubmit);
      bar.appendChild(button);
    }
    const result = el("div", "cc-result");
    result.setAttribute("aria-live", "polite");
    bar.appendChild(result);
    quiz.insertBefore(bar, quiz.querySelector(".cc-explain"));
  }

  function mark(node, state) {
    node.classList.remove("cc-right", "cc-wrong", "cc-missed");
    if (state) node.classList.add("cc-" + state);
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
      if (!multiple) input.addEventListener("change", () => checkSingle(quiz, options, option));
    });
    footer(quiz, multiple, () => checkMultiple(quiz, options));
  }

  function checkSingle(quiz, options, picked) {
    options.forEach((o) => { mark(o, null); o.querySelector(".cc-why").classList.remove("cc-shown"); });
    const ok = picked.dataset.correct === "1";
    mark(picked, ok ? "right" : "wrong");
    picked.querySelector(".cc-why").classList.add("cc-shown");
    verdict(quiz, ok, ok ? "" : "再想想，或者换一个选项试试。");
  }

  function checkMultiple(quiz, options) {
    let wrong = 0, missed = 0;
    options.forEach((o) => {
      const ticked = o.querySelector("input").checked;
      const correct = o.dataset.correct === "1";
      const why = o.querySelector(".cc-why");
      why.classList.toggle("cc-shown", ticked);
      if (ticked && correct) mark(o, "right");
      else if (ticked) { mark(o, "wrong"); wrong++; }
      else if (correct) { mark(o, "missed"); missed++; }
      else mark(o, null);
    });
    const parts = [];
    if (wrong) parts.push(`选了 ${wrong} 个不该选的`);
    if (missed) parts.push(`漏了 ${missed} 个该选的（已用虚线框标出）`);
    verdict(quiz, !wrong && !missed, parts.join("，") + (parts.length ? "。" : ""));
  }

  function setupOrder(quiz) {
    const list = quiz.querySelector(".cc-order-list");
    Array.from(list.children).forEach((item) => {
      const controls = el("span", "cc-move");
      [["↑", "上移", -1], ["↓", "下移", 1]].forEach(([glyph, title, step]) => {
        const b = el("button", "cc-move-btn", glyph);
        b.type = "button";
        b.title = title;
        b.setAttribute("aria-label", title);
        b.addEventListener("click", () => move(list, item, step));
        controls.appendChild(b);
      });
      item.appendChild(controls);
    });
    footer(quiz, true, () => {
      const items = Array.from(list.children);
      let misplaced = 0;
      items.forEach((item, k) => {
        const ok = Number(item.dataset.rank) === k;
        mark(item, ok ? "right" : "wrong");
        if (!ok) misplaced++;
      });
      verdict(quiz, misplaced === 0, misplaced ? `有 ${misplaced} 项的位置不对（红色），调整后再提交。` : "");
    });
  }

  function move(list, item, step) {
    if (step < 0 && item.previousElementSibling) list.insertBefore(item, item.previousElementSibling);
    if (step > 0 && item.nextElementSibling) list.insertBefore(item.nextElementSibling, item);
    Array.from(list.children).forEach((i) => mark(i, null));
  }

  function setupMatch(quiz) {
    const list = quiz.querySelector(".cc-pairs");
    const choices = JSON.parse(list.dataset.choices);
    Array.from(list.children).forEach((row) => {
      const select = el("select", "cc-select");
      select.setAttribute("aria-label", "选择答案");
      select.appendChild(new Option("请选择…", ""));
      choices.forEach((c) => select.appendChild(new Option(c, c)));
      const wrap = el("span", "cc-pick");
      wrap.appendChild(select);
      wrap.appendChild(el("span", "cc-correction"));
      row.appendChild(wrap);
    });
    footer(quiz, true, () => {
      let wrong = 0, blank = 0;
      Array.from(list.children).forEach((row) => {
        const value = row.querySelector("select").value;
        const correction = row.querySelector(".cc-correction");
        const ok = value === row.dataset.answer;
        if (!value) blank++;
        mark(row, ok ? "right" : "wrong");
        correction.textContent = ok || !value ? "" : `→ 应为「${row.dataset.answer}」`;
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
      else if (kind === "order") setupOrder(quiz);
      else if (kind === "match") setupMatch(quiz);
      quiz.classList.add("cc-ready");
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
