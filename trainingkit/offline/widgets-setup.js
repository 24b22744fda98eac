// Loaded between require.js and the ipywidgets embed script, on pages with widgets (see
// _config.yml).
//
// The embed script asks require.js for its icon fonts as "@jupyter-widgets/<hash>.woff2",
// which require.js resolves from the page's own folder unless told otherwise: point that
// prefix at the bundled copy, where the fonts sit beside embed-amd.js.
const offlineWidgets = document.documentElement.dataset.content_root + "_static/offline/html-manager";
require.config({
  paths: {
    "@jupyter-widgets/html-manager/dist": offlineWidgets,
    "@jupyter-widgets": offlineWidgets,
  },
});

// A slider's handle has role="slider" but no name, so a screen reader says only "slider":
// give each handle its widget's label, as the widgets appear.
new MutationObserver(() => {
  for (const handle of document.querySelectorAll(".widget-slider .noUi-handle:not([aria-label])")) {
    const label = handle.closest(".widget-slider").querySelector(".widget-label");
    handle.setAttribute("aria-label", (label && label.textContent.trim()) || "Slider");
  }
}).observe(document.documentElement, { childList: true, subtree: true });
