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

// In the static book no kernel runs behind an exercise's widgets: the build tags their cells
// "widget-preview" (trainingkit/static_site.py). Switch their controls off and say how to use
// them, so nobody types into a box or clicks a button that does nothing.
const PREVIEW_NOTE = "Preview only: open this exercise as a live notebook to use it.";
function markWidgetPreviews() {
  const root = document.documentElement.dataset.content_root || "";
  for (const cell of document.querySelectorAll("div.cell.tag_widget-preview")) {
    const output = cell.querySelector("div.cell_output");
    if (!output) continue;
    if (!cell.querySelector("p.widget-preview-note")) {
      const note = document.createElement("p");
      note.className = "widget-preview-note";
      note.append(PREVIEW_NOTE + " ");
      const how = document.createElement("a");
      how.href = root + "book/participant-guide.html#working-in-the-notebooks";
      how.textContent = "How to open it";
      note.append(how);
      output.before(note);
    }
    output.setAttribute("inert", "");
    for (const control of output.querySelectorAll("button, input, textarea, select")) {
      if (!control.disabled) control.disabled = true;
    }
  }
}

// A table wider than the screen scrolls inside its box: say so, and let the keyboard scroll it.
function markScrollingTables() {
  for (const box of document.querySelectorAll(".bd-article .pst-scrollable-table-container, .bd-article .table-wrapper")) {
    const wide = box.scrollWidth > box.clientWidth + 1;
    box.classList.toggle("scrolls-sideways", wide);
    const hint = box.previousElementSibling;
    const hinted = hint && hint.classList.contains("scroll-hint");
    if (wide && !hinted) {
      const p = document.createElement("p");
      p.className = "scroll-hint";
      p.textContent = "This table is wider than the screen: swipe or scroll it sideways →";
      box.before(p);
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "Table, scrolls sideways");
    } else if (!wide && hinted) {
      hint.remove();
    }
  }
}

let pending = false;
new MutationObserver(() => {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => { pending = false; markWidgetPreviews(); });
}).observe(document.documentElement, { childList: true, subtree: true });
window.addEventListener("DOMContentLoaded", () => { markWidgetPreviews(); markScrollingTables(); });
window.addEventListener("resize", markScrollingTables);
