"""A form as a plain HTML page for phones: rendered once on the server, no kernel behind it.

The page is built from the same :class:`~.model.Form` as the notebook widgets and the
XLSForm, so each form is still declared once. Every input has a real ``<label>`` (or a
``<fieldset>`` with a ``<legend>``), every problem sits under its question and is linked from
a summary at the top. The page works without its script (a plain POST that the server answers
with the page again); the script (``static/forms.js``) keeps typed answers on the phone and
sends them when the connection is back.
"""
from __future__ import annotations

import json
from html import escape

from .model import DAY_FIELD, Field, Form
from .spec import LANGUAGES
from .texts import PARTICIPANT_HINT, PARTICIPANT_LABEL, TOKEN_HINT, TOKEN_LABEL, web, web_template

PARTICIPANT, TOKEN, RESPONSE_ID = "participant", "token", "response_id"
STATIC = "/static/"
SCRIPT_TEXTS = ("summary", "offline", "busy", "saved", "again", "new", "sending", "submit", "failed", "choose_day")
RESPONSE_ID_SLOT = "__RESPONSE_ID__"  # replaced per request in a cached page, so each opening gets its own id


def _text(texts: dict[str, str], language: str) -> str:
    return texts.get(language) or texts.get("en", "")


def document(title: str, language: str, body: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        '<link rel="icon" href="data:,">\n'
        f'<link rel="stylesheet" href="{STATIC}forms.css">\n'
        f'<noscript><link rel="stylesheet" href="{STATIC}noscript.css"></noscript>\n</head>\n<body>\n<main>\n{body}\n</main>\n'
        f'<script src="{STATIC}forms.js"></script>\n</body>\n</html>\n'
    )


def landing(forms: list[Form], language: str = "en") -> str:
    items = "\n".join(
        f'<li><a href="/forms/{escape(f.id)}">{escape(_text(f.title, language))}</a></li>' for f in forms)
    body = (
        f'<h1>{escape(web("landing_title", language))}</h1>\n'
        f'<p>{escape(web("landing_intro", language))}</p>\n'
        f'<p id="tk-welcome" class="tk-note" hidden data-text="{escape(web("welcome", language, code="{code}"))}"></p>\n'
        f'<ul class="tk-forms">\n{items}\n</ul>\n'
        f'<p class="tk-note">{escape(web("where", language))}</p>'
    )
    return document(web("landing_title", language), language, body)


def message_page(text: str, language: str = "en", title: str | None = None) -> str:
    """A short page with one message and the way back (busy, no such form, saved)."""
    body = (f'<h1>{escape(title or web("landing_title", language))}</h1>\n<p class="tk-message">{escape(text)}</p>\n'
            f'<p><a class="tk-button" href="/">{escape(web("back", language))}</a></p>')
    return document(title or web("landing_title", language), language, body)


def form_page(form: Form, language: str, *, values: dict | None = None, problems: dict[str, str] | None = None,
              participant: str = "", token: str = "", response_id: str = RESPONSE_ID_SLOT, message: str = "") -> str:
    """The form in ``language``: empty (cached, with a slot for the response id), or again with
    what was sent, its problems and a message, when the server answers a plain POST."""
    values, problems = values or {}, problems or {}
    labels = {PARTICIPANT: _text(PARTICIPANT_LABEL, language), TOKEN: _text(TOKEN_LABEL, language)}
    labels.update({f.name: f.text("label", language) for f in form.fields})
    texts = {k: web_template(k, language) for k in SCRIPT_TEXTS}
    parts = [
        _languages(form, language),
        f'<h1>{escape(_text(form.title, language))}</h1>',
        f'<p class="tk-note">{escape(web("where", language))}</p>',
        f'<form id="tk-form" method="post" action="/forms/{escape(form.id)}?lang={escape(language)}" novalidate '
        f'data-form="{escape(form.id)}" data-language="{escape(language)}" '
        f"data-labels='{escape(json.dumps(labels, ensure_ascii=False))}' data-texts='{escape(json.dumps(texts, ensure_ascii=False))}'>",
        _summary(problems, labels, language),
        f'<input type="hidden" name="{RESPONSE_ID}" value="{escape(response_id)}">',
        _line(PARTICIPANT, labels[PARTICIPANT], _text(PARTICIPANT_HINT, language), participant, problems, 32,
              'autocapitalize="characters" autocomplete="off" spellcheck="false"'),
        _line(TOKEN, labels[TOKEN], _text(TOKEN_HINT, language), token, problems, 32,
              'autocapitalize="characters" autocomplete="off" spellcheck="false"'),
    ]
    day = values.get(DAY_FIELD)
    open_day = open_slot = None
    for f in form.fields:
        # The follow-up's action slots: hidden until the server has sent the trainee's own
        # actions (forms.js asks once code and key go together); empty slots are never sent.
        if f.action_slot != open_slot and open_slot is not None:
            parts.append("</div>")
            open_slot = None
        if f.action_slot is not None and open_slot is None:
            open_slot = f.action_slot
            parts.append(f'<div class="tk-action" data-slot="{f.action_slot}" hidden>')
        if f.action_slot is not None and f.name == f"a{f.action_slot}_id":
            parts.append(_action_heading(f, language, values.get(f.name)))
            continue
        if f.day != open_day and open_day is not None:
            parts.append("</div>")
            open_day = None
        if f.day is not None and open_day is None:
            open_day = f.day
            # Hidden until its day is chosen: a phone lays out one day, not five. Without the
            # script, noscript.css shows them all.
            hidden = " hidden" if day is None or str(day) != str(f.day) else ""
            parts.append(f'<div class="tk-day" data-day="{f.day}"{hidden}>')
        parts.append(_question(f, language, values.get(f.name), problems.get(f.name)))
        if f.name == DAY_FIELD:
            parts.append(f'<p class="tk-note tk-choose-day">{escape(web("choose_day", language))}</p>')
    if open_day is not None or open_slot is not None:
        parts.append("</div>")
    parts += [
        f'<p id="tk-status" class="tk-message" role="status" aria-live="polite">{escape(message)}</p>',
        f'<button type="submit" class="tk-button tk-submit">{escape(web("submit", language))}</button>',
        "</form>",
        f'<p><a href="/">{escape(web("back", language))}</a></p>',
    ]
    return document(_text(form.title, language), language, "\n".join(p for p in parts if p))


def _languages(form: Form, language: str) -> str:
    if len(form.languages) < 2:
        return ""
    current = ' aria-current="page"'
    links = " ".join(
        f'<a href="/forms/{escape(form.id)}?lang={code}" lang="{code}"{current if code == language else ""}>'
        f"{escape(LANGUAGES.get(code, code))}</a>"
        for code in form.languages)
    return f'<nav class="tk-languages" aria-label="Language">{links}</nav>'


def _summary(problems: dict[str, str], labels: dict[str, str], language: str) -> str:
    hidden = "" if problems else " hidden"
    items = "".join(f'<li><a href="#q-{escape(name)}">{escape(labels.get(name, name))}</a>: {escape(reason)}</li>'
                    for name, reason in problems.items())
    heading = escape(web("summary", language, count=len(problems))) if problems else ""
    return f'<div id="tk-summary" class="tk-summary" role="alert" tabindex="-1"{hidden}><p>{heading}</p><ul>{items}</ul></div>'


def _problem(name: str, reason: str | None) -> str:
    return f'<p class="tk-problem-text" id="p-{escape(name)}">{escape(reason or "")}</p>'


def _need(f: Field, language: str) -> str:
    return f' <span class="tk-need">({escape(web("required" if f.required else "optional", language))})</span>'


def _line(name: str, label: str, hint: str, value: str, problems: dict, maxlength: int, extra: str) -> str:
    problem = " tk-problem" if name in problems else ""
    invalid = ' aria-invalid="true"' if problem else ""
    return (
        f'<div class="tk-question tk-q-{name}{problem}" id="q-{name}">'
        f'<label for="f-{name}">{escape(label)}</label>'
        f'<p class="tk-hint" id="h-{name}">{escape(hint)}</p>'
        f'<input type="text" id="f-{name}" name="{name}" value="{escape(value)}" maxlength="{maxlength}" {extra} '
        f'aria-describedby="h-{name} p-{name}"{invalid}>'
        f"{_problem(name, problems.get(name))}</div>"
    )


def _action_heading(f: Field, language: str, value) -> str:
    """"Your action 2": the trainee's own action text (filled in by forms.js) and its id, hidden."""
    return (f'<div class="tk-question tk-action-head" id="q-{f.name}"><p><b>{escape(f.text("label", language))}</b></p>'
            f'<p class="tk-action-text" id="t-{f.name}"></p>'
            f'<input type="hidden" id="f-{f.name}" name="{f.name}" value="{escape(str(value or ""))}">'
            f"{_problem(f.name, None)}</div>")


def _question(f: Field, language: str, value, problem: str | None) -> str:
    label, hint = escape(f.text("label", language)), f.text("hint", language)
    hint_html = f'<p class="tk-hint" id="h-{f.name}">{escape(hint)}</p>' if hint else ""
    described = " ".join(filter(None, [f"h-{f.name}" if hint else "", f"p-{f.name}"]))
    css = f"tk-question tk-q-{f.name}{' tk-problem' if problem else ''}"
    invalid = ' aria-invalid="true"' if problem else ""
    if f.type in ("likert", "select_one", "select_multiple", "rating"):
        kind = "checkbox" if f.type == "select_multiple" else "radio"
        picked = set(value if isinstance(value, list) else str(value or "").split())
        options = [(c.name, _text(c.label, language)) for c in f.choices] if f.choices else [(str(n), str(n)) for n in range(11)]
        boxes = "".join(
            f'<label class="tk-choice"><input type="{kind}" name="{f.name}" value="{escape(v)}"'
            f'{" checked" if v in picked else ""}{" required" if f.required and kind == "radio" else ""}>'
            f"<span>{escape(text)}</span></label>"
            for v, text in options)
        scale = " tk-scale" if f.type == "rating" else ""
        return (f'<fieldset class="{css}" id="q-{f.name}" aria-describedby="{described}"{invalid}>'
                f"<legend>{label}{_need(f, language)}</legend>{hint_html}"
                f'<div class="tk-choices{scale}">{boxes}</div>{_problem(f.name, problem)}</fieldset>')
    common = f'id="f-{f.name}" name="{f.name}" aria-describedby="{described}"{invalid}'
    if f.type == "integer":
        field = f'<input type="text" inputmode="numeric" {common} value="{escape(str(value or ""))}">'
    else:
        limit = f' maxlength="{f.max_length}"' if f.max_length else ""
        field = f'<textarea rows="4" {common}{limit}>{escape(str(value or ""))}</textarea>'
    return (f'<div class="{css}" id="q-{f.name}"><label for="f-{f.name}">{label}{_need(f, language)}</label>'
            f"{hint_html}{field}{_problem(f.name, problem)}</div>")
