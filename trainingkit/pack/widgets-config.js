// Loaded between require.js and the ipywidgets embed script (see _config.yml). The embed
// script looks for its icon fonts beside the module named below, resolved from the page's own
// folder unless told otherwise: point that name at the bundled copy in _static/offline/.
require.config({
  paths: {
    "@jupyter-widgets/html-manager/dist": document.documentElement.dataset.content_root + "_static/offline/html-manager",
  },
});
