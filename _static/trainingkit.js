// jupyterquiz draws its numeric answer box with a visible prompt that is not tied to the box,
// so a screen reader announces only "edit text": name each box after its question.
new MutationObserver(() => {
  for (const box of document.querySelectorAll(".Quiz input.Input-text:not([aria-label])")) {
    const quiz = box.closest(".Quiz");
    const question = quiz && quiz.querySelector(".NumericQn");
    const prompt = box.parentElement.querySelector(".InpLabel");
    box.setAttribute("aria-label", [question, prompt].filter(Boolean).map((e) => e.textContent.trim()).join(" ") || "Your answer");
  }
}).observe(document.documentElement, { childList: true, subtree: true });
