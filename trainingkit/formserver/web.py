"""The phone forms as a small web app (tornado, which Jupyter already brings): pages rendered
once from the forms, submissions checked and written to the feedback store.

No kernel or process per phone: a form page is bytes in memory, and a submission is a short
piece of work (a token hash and one transaction) done by a fixed pool of threads. Past a
ceiling of submissions in progress, a phone is told plainly to try again in a minute, and its
answers stay on the phone.

Rules of a web submission, in order: a known form; the client address is not locked out by
refused tries; a code and a personal key that go together (a wrong code and a wrong key get
the same message, and each refusal counts against the address); the answers fit the form; at
most ``max_submissions_per_hour`` per participant and form. The store then applies its own
rules (roster, idempotent response id, versions).
"""
from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import math
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import tornado.web

from ..course import FormLimits
from ..feedback import FeedbackStore, SubmissionError
from ..feedback.submission import utc_now
from ..forms.limits import FailureLimit
from ..forms.model import Form, check_participant
from ..forms.page import PARTICIPANT, RESPONSE_ID, RESPONSE_ID_SLOT, TOKEN, form_page, landing, message_page
from ..forms.response import Submission
from ..forms.texts import web

log = logging.getLogger("trainingkit.forms")
STATIC_DIR = Path(__file__).parents[1] / "forms" / "static"  # beside the pages that load them (forms/page.py)
REQUIRED = "required answer missing"
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


@dataclass
class Reply:
    status: int
    body: dict = field(default_factory=dict)


class FormService:
    """The rules of a web submission, without HTTP: ``submit`` returns the status and the body
    the phone gets. Thread-safe: the pool's threads call it at once."""

    def __init__(self, store: FeedbackStore, forms: dict[str, Form], limits: FormLimits,
                 refusals: FailureLimit | None = None, clock=time.monotonic, plans=None):
        self.store, self.forms, self.limits = store, forms, limits
        # plans(code) -> the trainee's planned actions (follow-up form); given by the caller
        self.plans = plans
        self.refusals = refusals or FailureLimit()
        self.clock = clock
        self._lock = threading.Lock()

    def _too_many_tries(self, address: str, language: str) -> Reply | None:
        """The 429 reply while ``address`` must wait after failed keys, else ``None``."""
        with self._lock:
            wait = self.refusals.wait(address, self.clock())
        return Reply(429, {"message": web("too_many_tries", language, minutes=math.ceil(wait / 60))}) if wait else None

    def submit(self, form_id: str, payload: dict, address: str) -> Reply:
        form = self.forms.get(form_id)
        if form is None:
            return Reply(404, {"message": web("no_such_form", "en")})
        language = payload.get("language") if payload.get("language") in form.languages else form.languages[0]
        if (refused := self._too_many_tries(address, language)) is not None:
            return refused
        answers = payload.get("answers") if isinstance(payload.get("answers"), dict) else {}
        _values, problems = form.check(answers)
        problems = {name: web("answer_needed", language) if reason == REQUIRED else reason for name, reason in problems.items()}
        participant, token = _text(payload.get(PARTICIPANT)), _text(payload.get(TOKEN))
        if not participant.strip():
            problems[PARTICIPANT] = web("code_missing", language)
        if not token.strip():
            problems[TOKEN] = web("token_missing", language)
        if PARTICIPANT in problems or TOKEN in problems:
            return Reply(422, {"problems": _in_form_order(form, problems)})
        if not self.store.token_matches(participant, token):
            return self._refused(address, language, problems, form)
        code = check_participant(participant)
        if problems:
            return Reply(422, {"problems": _in_form_order(form, problems)})
        response_id = _response_id(payload.get(RESPONSE_ID))
        if self.store.has_response(response_id):  # a retry after a lost reply: stored once already
            return Reply(200, {"saved": True, "response_id": response_id})
        sent = self.store.submissions_since(code, form.id, utc_now() - dt.timedelta(hours=1))
        if sent >= self.limits.max_submissions_per_hour:
            log.warning("forms: %s sent form %s %d times in an hour; refused one more", code, form.id, sent)
            return Reply(429, {"message": web("too_many_sends", language, count=sent)})
        try:
            stored = self.store.save(Submission(form.id, answers, participant=code, response_id=response_id,
                                                source="web", language=language))
        except SubmissionError as exc:
            return Reply(422, {"problems": _in_form_order(form, {p.key: p.message for p in exc.findings})})
        return Reply(200, {"saved": True, "response_id": stored})

    def plan(self, form_id: str, payload: dict, address: str) -> Reply:
        """The trainee's own planned actions for the form's action slots, once code and key go
        together: {"actions": [{"slot", "id", "text"}]}. Refusals count as for a submission."""
        form = self.forms.get(form_id)
        if form is None or self.plans is None or not any(f.action_slot for f in form.fields):
            return Reply(404, {"message": web("no_such_form", "en")})
        language = payload.get("language") if payload.get("language") in form.languages else form.languages[0]
        if (refused := self._too_many_tries(address, language)) is not None:
            return refused
        participant, token = _text(payload.get(PARTICIPANT)), _text(payload.get(TOKEN))
        if not participant.strip() or not token.strip():
            return Reply(422, {"actions": []})
        if not self.store.token_matches(participant, token):
            return self._refused(address, language, {}, form)
        slots = max(f.action_slot or 0 for f in form.fields)
        actions = self.plans(check_participant(participant))[:slots]
        return Reply(200, {"actions": [{"slot": n, "id": a.action_id,
                                        "text": a.action + (f" (by {a.due:%d %B %Y})" if a.due else "")}
                                       for n, a in enumerate(actions, start=1)]})

    def _refused(self, address: str, language: str, problems: dict, form: Form) -> Reply:
        with self._lock:
            reached = self.refusals.failed(address, self.clock())
        if reached:
            log.warning("forms: %d refused codes or keys from %s within %d minutes; it must wait before trying again",
                        self.refusals.limit, address, self.refusals.window // 60)
        else:
            log.info("forms: refused a code or key from %s", address)
        check = web("check_slip", language)
        problems = {**problems, PARTICIPANT: check, TOKEN: check}
        return Reply(403, {"message": web("refused", language), "problems": _in_form_order(form, problems)})


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _response_id(value) -> str:
    """The phone's response id when it is one (a UUID), else a new one."""
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        return str(uuid.uuid4())


def _in_form_order(form: Form, problems: dict[str, str]) -> dict[str, str]:
    order = [PARTICIPANT, TOKEN, *(f.name for f in form.fields)]
    return {name: problems[name] for name in sorted(problems, key=lambda n: order.index(n) if n in order else len(order))}


def body_limit(forms: dict[str, Form]) -> int:
    """The largest request a form can honestly need: every text answer full, 4 bytes a
    character, plus room for the rest. Anything larger is refused before it is read."""
    longest = max((sum(f.max_length or 0 for f in form.fields if f.type == "text") for form in forms.values()), default=0)
    return 16_384 + 4 * longest


class Pages:
    """Every page rendered once, at start: a phone's request costs a dictionary look-up."""

    def __init__(self, forms: dict[str, Form], order: list[str]):
        self.forms = forms
        self.landing = landing([forms[f] for f in order]).encode()
        self._forms = {(f.id, lang): form_page(f, lang) for f in forms.values() for lang in f.languages}

    def form(self, form_id: str, language: str | None) -> str | None:
        form = self.forms.get(form_id)
        if form is None:
            return None
        page = self._forms[(form.id, language if language in form.languages else form.languages[0])]
        return page.replace(RESPONSE_ID_SLOT, str(uuid.uuid4()), 1)


class _Base(tornado.web.RequestHandler):
    def set_default_headers(self):
        for name, value in HEADERS.items():
            self.set_header(name, value)

    @property
    def app(self) -> "FormsApp":
        return self.application.settings["forms_app"]

    async def run_submit(self, form_id: str, payload: dict) -> Reply:
        """The submission in the pool, or "busy" past the ceiling of submissions in progress."""
        app = self.app
        if app.in_progress >= app.ceiling:
            language = payload.get("language") if isinstance(payload.get("language"), str) else "en"
            log.warning("forms: %d submissions in progress; asked %s to try again in a minute", app.in_progress, self.request.remote_ip)
            self.set_header("Retry-After", "60")
            return Reply(503, {"message": web("busy", language)})
        app.in_progress += 1
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(app.pool, app.service.submit, form_id, payload, self.request.remote_ip)
        finally:
            app.in_progress -= 1


class LandingHandler(_Base):
    def get(self):
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.write(self.app.pages.landing)


class FormHandler(_Base):
    def get(self, form_id: str):
        page = self.app.pages.form(form_id, self.get_query_argument("lang", None))
        if page is None:
            self.set_status(404)
            page = message_page(web("no_such_form", "en"))
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.write(page)

    async def post(self, form_id: str):
        """A plain form POST (the page without its script): answer with a page."""
        form = self.app.service.forms.get(form_id)
        if form is None:
            self.set_status(404)
            return self.write(message_page(web("no_such_form", "en")))
        language = self.get_query_argument("lang", form.languages[0])
        values = {}
        for f in form.fields:
            got = [v for v in self.get_body_arguments(f.name) if v.strip()]
            values[f.name] = got if f.type == "select_multiple" else (got[0] if got else None)
        payload = {"language": language, "answers": {k: v for k, v in values.items() if v not in (None, [])},
                   PARTICIPANT: self.get_body_argument(PARTICIPANT, ""), TOKEN: self.get_body_argument(TOKEN, ""),
                   RESPONSE_ID: self.get_body_argument(RESPONSE_ID, "")}
        reply = await self.run_submit(form_id, payload)
        self.set_status(reply.status)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        if reply.body.get("saved"):
            text = web("saved", language, response_id=reply.body["response_id"]) + " " + web("again", language)
            return self.write(message_page(text, language, form.title.get(language) or form.title["en"]))
        self.write(form_page(form, language, values=values, problems=reply.body.get("problems"),
                             participant=payload[PARTICIPANT], token=payload[TOKEN],
                             response_id=_response_id(payload[RESPONSE_ID]), message=reply.body.get("message", "")))


class _JsonHandler(_Base):
    """A JSON POST: the body is one object, and the reply is the service's, as JSON."""

    async def answer(self, form_id: str, payload: dict) -> Reply:
        raise NotImplementedError

    async def post(self, form_id: str):
        try:
            payload = json.loads(self.request.body or b"{}")
        except (ValueError, UnicodeDecodeError):
            payload = None
        if isinstance(payload, dict):
            reply = await self.answer(form_id, payload)
        else:
            reply = Reply(400, {"message": web("failed", "en")})
        self.set_status(reply.status)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.write(json.dumps(reply.body, ensure_ascii=False))


class SubmitHandler(_JsonHandler):
    async def answer(self, form_id: str, payload: dict) -> Reply:
        return await self.run_submit(form_id, payload)


class PlanHandler(_JsonHandler):
    """POST, never GET: the key must not sit in an address or a server log."""

    async def answer(self, form_id: str, payload: dict) -> Reply:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.app.pool, self.app.service.plan, form_id, payload, self.request.remote_ip)


class FormsApp:
    """The tornado application and what its handlers share: pages, rules, pool, ceiling."""

    def __init__(self, service: FormService, order: list[str], pool: int = 4, ceiling: int | None = None):
        self.service = service
        self.pages = Pages(service.forms, order)
        self.pool_size = pool
        self.pool = ThreadPoolExecutor(max_workers=pool, thread_name_prefix="forms-submit")
        self.ceiling = ceiling or 8 * pool
        self.in_progress = 0  # touched only on the event loop's thread
        self.application = tornado.web.Application([
            (r"/", LandingHandler),
            (r"/forms/([a-z][a-z0-9_]*)", FormHandler),
            (r"/forms/([a-z][a-z0-9_]*)/submit", SubmitHandler),
            (r"/forms/([a-z][a-z0-9_]*)/plan", PlanHandler),
            (r"/static/(forms\.js|forms\.css|noscript\.css)", tornado.web.StaticFileHandler, {"path": str(STATIC_DIR)}),
        ], forms_app=self)

    def close(self) -> None:
        self.pool.shutdown(wait=True)
        self.service.store.close()
