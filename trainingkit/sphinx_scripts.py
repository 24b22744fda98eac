"""A Sphinx extension (``_config.yml`` ``sphinx: extra_extensions``): each page loads each script
once, and no thebe scripts unless thebe is on.

Jupyter Book and sphinx-book-theme both set up sphinx-thebe and sphinx-togglebutton, so every
page carried their inline scripts twice, and the second ``const THEBE_JS_URL`` raised
"Identifier 'THEBE_JS_URL' has already been declared" on every page. With thebe off (the kit's
live notebooks open in JupyterLab, not in the page) its scripts, which would fetch thebe from a
CDN, are left out altogether.
"""
from __future__ import annotations

THEBE_MARKERS = ("THEBE_JS_URL", "sphinx-thebe.js")


def _key(script) -> tuple:
    filename = getattr(script, "filename", script)
    attributes = getattr(script, "attributes", {}) or {}
    # The file, or the inline body: the same script added twice may differ in priority only.
    return (str(filename), str(attributes.get("body", "")))


def _is_thebe(script) -> bool:
    key = repr(_key(script))
    return any(marker in key for marker in THEBE_MARKERS)


def _thebe_on(app) -> bool:
    options = app.config.html_theme_options or {}
    return bool((options.get("launch_buttons") or {}).get("thebe"))


def each_script_once(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, kept = set(), []
    drop_thebe = not _thebe_on(app)
    for script in scripts:
        key = _key(script)
        if key in seen or (drop_thebe and _is_thebe(script)):
            continue
        seen.add(key)
        kept.append(script)
    context["script_files"] = kept


def setup(app):
    # After the extensions that add scripts in their own html-page-context handlers.
    app.connect("html-page-context", each_script_once, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
