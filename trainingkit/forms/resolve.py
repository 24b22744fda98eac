"""From a form spec and the course to a concrete :class:`Form`.

Nothing about the course is retyped in a form: the ``c_*`` items come from the learning
outcomes in ``course.yml`` and the daily form's per-session questions from the sessions'
front matter (only sessions with ``rated: true``).

Every English text is then looked up in the course's PO files (domain ``forms``; session and
day titles and outcomes in ``course``; see :mod:`trainingkit.translations`), for the
languages ``course.yml`` shows. A generated label is its translated template filled in with
the translated title, so a translator translates "How useful was “{session}”?" once. Texts a
form file writes in another language itself are kept as written.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..course import Course
from ..errors import Finding, Location
from ..languages import SOURCE_LANGUAGE
from ..translations.lookup import Translator, translator
from .model import DAY_FIELD, Choice, Field, Form
from .texts import use_course
from .spec import FORMS_DIR, FormError, FormSpec, QuestionSpec, load_spec


def field_name(session_id: str, question: str) -> str:
    """``d1-s2`` + ``useful`` → ``d1_s2_useful``: the name in widgets, XLSForm and exports."""
    return f"{session_id.replace('-', '_')}_{question}"


def _lower_first(text: str) -> str:
    """"Explain how …" → "explain how …", so it reads after "I can"; "ASEAN …" stays."""
    first = text.split(" ", 1)[0]
    return text if first.isupper() and len(first) > 1 else text[:1].lower() + text[1:]


def _fill(labels: dict[str, str], **values: dict[str, str]) -> dict[str, str]:
    """Fill ``{key}`` in each language's text with that language's value (English if none)."""
    out = {}
    for code, text in labels.items():
        for key, value in values.items():
            text = text.replace("{" + key + "}", value.get(code) or value[SOURCE_LANGUAGE])
        out[code] = text
    return out


class _Localiser:
    """Adds the showable translations to a form's texts and remembers which are drafts."""

    def __init__(self, tr: Translator, languages):
        self.tr, self.languages, self.drafts = tr, tuple(languages), set()

    def __call__(self, texts: dict[str, str], domain: str = "forms") -> dict[str, str]:
        if not texts:
            return {}
        found, drafts = self.tr.texts(domain, texts[SOURCE_LANGUAGE], self.languages)
        self.drafts |= drafts - set(texts)
        return {**found, **texts}  # the form file's own text wins


def _choices(spec: FormSpec, name: str | None, local: _Localiser) -> tuple[Choice, ...]:
    if not name:
        return ()
    return tuple(Choice(c.name, local(dict(c.label))) for c in spec.choices[name])


def _field(spec: FormSpec, q: QuestionSpec, local: _Localiser, **extra) -> Field:
    name = extra.pop("name", q.id)
    return Field(
        name=name, question=name if extra.get("action_slot") else q.id, type=q.type, required=q.required,
        label=extra.pop("label", None) or local(dict(q.label)), hint=local(dict(q.hint)),
        choices=_choices(spec, q.choices, local), list_name=q.choices, minimum=q.min, maximum=q.max,
        personal=q.personal, **extra,
    )


def competence_fields(spec: FormSpec, course: Course, local: _Localiser) -> list[Field]:
    block = spec.competences
    return [
        Field(
            name=f"c_{o.id}", question=f"c_{o.id}", type=block.type, required=block.required,
            label=_fill(local(dict(block.label)), outcome=local({SOURCE_LANGUAGE: _lower_first(o.text)}, "course")),
            hint=local(dict(block.hint)), choices=_choices(spec, block.choices, local), list_name=block.choices,
        )
        for o in course.config.outcomes
    ]


DAY_CHOICE = "Day {number}: {title}"


def session_fields(spec: FormSpec, course: Course, local: _Localiser) -> list[Field]:
    """The ``day`` question, then per rated session of each day its block of questions."""
    block = spec.sessions
    days = [d for d in course.days if any(s.rated for s in d.sessions)]
    day_choice = local({SOURCE_LANGUAGE: DAY_CHOICE}, "interface")
    day = Field(
        name=DAY_FIELD, question=DAY_FIELD, type="select_one", required=True, label=local(dict(block.day_label)),
        choices=tuple(
            Choice(str(d.number), _fill(day_choice, number={SOURCE_LANGUAGE: str(d.number)},
                                        title=local({SOURCE_LANGUAGE: d.title}, "course")))
            for d in days
        ),
        list_name="days",
    )
    fields = [day]
    for d in days:
        for session in (s for s in d.sessions if s.rated):
            title = local({SOURCE_LANGUAGE: session.title}, "course")
            for q in block.questions:
                fields.append(_field(
                    spec, q, local, name=field_name(session.id, q.id), session=session.id, day=d.number,
                    label=_fill(local(dict(q.label)), session=title),
                ))
    return fields


def action_field_name(slot: int, question: str) -> str:
    """Slot 2 + ``progress`` → ``a2_progress``; ``a2_id`` holds the id of the action it is about."""
    return f"a{slot}_{question}"


def plan_action_fields(spec: FormSpec, local: _Localiser) -> list[Field]:
    """Per slot: the action's id (filled from the trainee's plan), then the block's questions."""
    block, fields = spec.plan_actions, []
    for n in range(1, block.slots + 1):
        fields.append(Field(name=action_field_name(n, "id"), question=action_field_name(n, "id"), type="text",
                            label=_fill(local(dict(block.action_label)), n={SOURCE_LANGUAGE: str(n)}), action_slot=n))
        fields += [_field(spec, q, local, name=action_field_name(n, q.id), action_slot=n) for q in block.questions]
    return fields


def resolve(spec: FormSpec, course: Course, source: str = "") -> Form:
    if spec.competences and not course.config.outcomes:
        raise FormError([Finding(Location(source, key="competences"), "course.yml lists no outcomes to rate")])
    use_course(course.root, course.config.languages)  # the words around the questions follow this course
    local = _Localiser(translator(course.root, course.config.languages), course.config.shown_languages())
    title = local(dict(spec.title))
    fields = []
    if spec.competences:
        fields += competence_fields(spec, course, local)
    if spec.sessions:
        fields += session_fields(spec, course, local)
    fields += [_field(spec, q, local) for q in spec.questions]
    if spec.plan_actions:
        fields += plan_action_fields(spec, local)
    longest = spec.max_text_length or course.config.forms.max_text_length
    fields = [replace(f, max_length=longest) if f.type == "text" else f for f in fields]
    # The form is offered in the languages its title is written or translated in.
    languages = tuple(sorted(title, key=lambda code: (code != SOURCE_LANGUAGE, code)))
    return Form(spec.id, spec.version, title, languages, tuple(fields), source,
                drafts=tuple(sorted(local.drafts & set(languages))))


def form_paths(root: Path) -> list[Path]:
    return sorted((root / FORMS_DIR).glob("*.yml"))


def load_forms(course: Course) -> dict[str, Form]:
    """Every form of the course, by id; a :class:`FormError` lists the problems of all files."""
    forms, findings = {}, []
    for path in form_paths(course.root):
        rel = path.relative_to(course.root).as_posix()
        try:
            forms[path.stem] = resolve(load_spec(path, rel), course, rel)
        except FormError as exc:
            findings += exc.findings
            continue
        findings += [Finding(Location(rel, key=f"questions ({f.name})"), f"a feedback form asks no personal question (the feedback "
                                        "store keeps codes, never names); personal: true is for the application form")
                     for f in forms[path.stem].fields if f.personal]
    if findings:
        raise FormError(findings)
    return forms


def load_form(course: Course, form_id: str) -> Form:
    path = course.root / FORMS_DIR / f"{form_id}.yml"
    if not path.is_file():
        known = ", ".join(p.stem for p in form_paths(course.root)) or "none"
        raise FormError([Finding(Location(f"{FORMS_DIR}/{form_id}.yml"), f"no such form (forms: {known})")])
    rel = path.relative_to(course.root).as_posix()
    return resolve(load_spec(path, rel), course, rel)
