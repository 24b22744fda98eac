"""Message box and statement: the ASEAN bodies a statement may address, the rubric that scores
a statement, and the file a trainee exports for a colleague to review.

The rubric reads signs in the text (a body's name, an ask, a number with its source …). It says
what it saw and what seems missing; people judge the rest. Everything here is pure except
:func:`export_statement` and :func:`load_statement`, which write and read one file.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import TrainingkitError
from .checks import Check
from .wording import word_count

EXERCISE_ID = "ex-message-box"
MAX_WORDS = 250
MIN_WORDS = 80
BOX_PARTS = {  # the COMPASS message box, in order, with the question each part answers
    "issue": ("Issue", "What is the topic, in a few words?"),
    "problem": ("Problem", "What is wrong, for whom, and where?"),
    "so_what": ("So what?", "Why should this body care? What happens if nothing changes?"),
    "solutions": ("Solutions", "What should be done, and by whom?"),
    "benefits": ("Benefits", "What gets better if it is done, and for whom?"),
}


@dataclass(frozen=True)
class Body:
    """An ASEAN body a statement may address, with what the fact sheet says it does."""

    id: str
    name: str
    names: re.Pattern  # how a statement may name it
    mandate: str
    mandate_words: re.Pattern  # signs that a statement speaks to that mandate
    mandate_hint: str


def _words(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


BODIES: dict[str, Body] = {b.id: b for b in (
    Body(
        "ACMW", "ASEAN Committee on Migrant Workers (ACMW)",
        _words(r"\bACMW\b|committee on (the implementation of )?(the )?(asean )?declaration on|committee on migrant workers"),
        "Senior labour officials of each member state. It carries out the Cebu Declaration, ran the "
        "2018–2025 action plan of the ASEAN Consensus (with self-assessments) and reports to the labour ministers.",
        _words(r"cebu declaration|asean consensus|action plan|self-assessment|labour ministers|\bALMM\b"),
        "The ACMW works on the Cebu Declaration and the ASEAN Consensus and its action plan: tie your ask to one of them.",
    ),
    Body(
        "AICHR", "ASEAN Intergovernmental Commission on Human Rights (AICHR)",
        _words(r"\bAICHR\b|intergovernmental commission on human rights"),
        "ASEAN's human-rights commission, set up under Article 14 of the ASEAN Charter. It meets twice "
        "a year and takes its decisions by consensus. Civil society has no formal role in it.",
        _words(r"human rights|\bAHRD\b|human rights declaration|article 14|asean charter"),
        "The AICHR's mandate is human rights: link your ask to a right in the ASEAN Human Rights "
        "Declaration (AHRD) or to the ASEAN Charter.",
    ),
    Body(
        "ACWC", "ASEAN Commission on the Rights of Women and Children (ACWC)",
        _words(r"\bACWC\b|commission on the (promotion and protection of the )?rights of women and children"),
        "Two representatives from each member state: one for the rights of women, one for the rights of children.",
        _words(r"\bwomen\b|\bwoman\b|\bgirls?\b|\bchild(ren)?\b|\bmothers?\b|\bdaughters?\b"),
        "The ACWC works on the rights of women and children: say how the problem affects women or children.",
    ),
    Body(
        "AFML", "ASEAN Forum on Migrant Labour (AFML)",
        _words(r"\bAFML\b|forum on migrant labou?r"),
        "A yearly forum of governments, employers, unions and civil society (tripartite-plus) that "
        "adopts recommendations on the Cebu Declaration.",
        _words(r"recommendations?\b|tripartite|employers|\bunions?\b|cebu declaration"),
        "The AFML adopts recommendations with governments, employers and unions: ask for a "
        "recommendation it can adopt, and say who would carry it out.",
    ),
    Body(
        "Secretariat", "ASEAN Secretariat",
        _words(r"asean secretariat|secretary-general"),
        "ASEAN's secretariat, based in Jakarta. Among other work, it supports the AFML.",
        _words(r"support|coordinat|\bdata\b|report|publish|information|secretary-general"),
        "The Secretariat supports ASEAN bodies and meetings: ask for something it can do, such as "
        "gathering and sharing information, or supporting a meeting.",
    ),
    Body(
        "Leaders", "ASEAN leaders, through the ACSC/APF",
        _words(r"asean leaders|heads of (state|government)|\bsummit\b|\bACSC\b|\bAPF\b"),
        "Heads of state and government meet at the ASEAN Summit. Civil society meets beside it at the "
        "ACSC/APF and issues a joint statement; whether its representatives meet the leaders depends on the host.",
        _words(r"\bsummit\b|\bleaders\b|asean consensus|asean charter|member states|commit"),
        "Leaders sign ASEAN's commitments at the Summit: ask them to make a commitment, or to keep "
        "one they made (such as the ASEAN Consensus).",
    ),
)}

ASK = _words(r"\b(call(s|ing)? (on|upon)|urge[sd]?|ask(s|ed)?|request(s|ed)?|recommend(s|ed)?|demand(s|ed)?|appeal(s)? to|should|must)\b")
ACTOR = _words(
    r"member states|governments?|ministr(y|ies)|ministers?|leaders|secretariat|employers|"
    r"\b(cambodia|laos|lao pdr|myanmar|thailand|viet ?nam)\b|" + "|".join(b.names.pattern for b in BODIES.values())
)
YEAR = re.compile(r"\b(19|20)\d{2}\b")
SOURCE = _words(
    r"according to|\bsource|\bas of\b|\breport|\bsurvey|\bstudy|\bresearch|statistics|data from|"
    r"\([^()]*\b(19|20)\d{2}\b[^()]*\)"
)
MEASURE_VERB = _words(
    r"\b(establish|set up|create|adopt|ratify|amend|enforce|monitor|publish|train|fund|include|review|"
    r"regulate|ban|stop|end|guarantee|ensure|provide|allow|recogni[sz]e|implement|reduce|cap|abolish|"
    r"introduce|develop|protect|inspect|register)\w*"
)
BENEFIT = _words(
    r"so that|in order to|this (will|would)|which (will|would)|as a result|benefit|"
    r"\bwill (help|protect|reduce|allow|give|save|mean)|\bwould (help|protect|reduce|allow|give|save|mean)|safer|fewer"
)


@dataclass(frozen=True)
class Criterion:
    """One line of the rubric: points, what the rubric saw, and how to improve."""

    name: str
    points: int
    max_points: int
    seen: str
    suggestion: str | None = None

    @property
    def check(self) -> Check:
        return Check(self.points == self.max_points, f"{self.name}: {self.points}/{self.max_points}. {self.seen}", self.suggestion)


def _score(name: str, parts: list[tuple[bool, str, str]]) -> Criterion:
    """Score a two-part criterion: each part is (met, what was seen, suggestion if not met)."""
    seen = " ".join(s for met, s, _ in parts if met) or "Not found yet."
    suggestions = [tip for met, _, tip in parts if not met]
    return Criterion(name, sum(met for met, _, _ in parts), len(parts), seen, " ".join(suggestions) or None)


def _sentences(text: str) -> list[str]:
    """Sentences and separate lines of a statement (a wrapped line break does not end a sentence)."""
    return [s for s in re.split(r"(?<=[.!?;:])\s+|\n\s*\n", text) if s.strip()]


def score_statement(text: str, body_id: str) -> list[Criterion]:
    """Score a statement to ``body_id`` on audience, ask, evidence, solution and length."""
    if body_id not in BODIES:
        raise ValueError(f"unknown ASEAN body '{body_id}' (known: {', '.join(BODIES)})")
    body = BODIES[body_id]
    text = text or ""
    asks = [s for s in _sentences(text) if ASK.search(s)]
    without_years = YEAR.sub(" ", text)
    words = word_count(text)
    if words > MAX_WORDS:
        length = Criterion("Length", 0, 2, f"{words} words.", f"Cut {words - MAX_WORDS} words: the limit is {MAX_WORDS}. Keep the ask and the evidence; cut background.")
    elif words < MIN_WORDS:
        length = Criterion("Length", 1 if words else 0, 2, f"{words} words.",
                           f"At {words} words there is little room for the problem, the evidence and the ask: aim for {MIN_WORDS} to {MAX_WORDS} words.")
    else:
        length = Criterion("Length", 2, 2, f"{words} words, within the limit of {MAX_WORDS}.")
    return [
        _score("Audience", [
            (bool(body.names.search(text)), f"Names the {body.id if body.id != 'Leaders' else 'leaders'}.",
             f"Name the body you write to, for example in the first line: 'To the {body.name}'."),
            (bool(body.mandate_words.search(text)), "Speaks to its mandate.", body.mandate_hint),
        ]),
        _score("Ask", [
            (bool(asks), "Makes an ask.", "Say clearly what you want done: 'We call on … to …'."),
            (any(ACTOR.search(s) for s in asks), "Says who must act.",
             "In the sentence with your ask, name who must act: the body itself, ASEAN member states, or a government or ministry."),
        ]),
        _score("Evidence", [
            (bool(re.search(r"\d", without_years)), "Gives a fact with a number.",
             "Add one fact with a number: how many workers, how much money, how many cases."),
            (bool(SOURCE.search(text)), "Says where a fact comes from.",
             "Say where your fact comes from: 'according to …', or the source and year in brackets."),
        ]),
        _score("Solution", [
            (bool(MEASURE_VERB.search(text)), "Proposes a concrete measure.",
             "Propose a measure the body can take: adopt, set up, monitor, publish, review …"),
            (bool(BENEFIT.search(text)), "Says what would change.",
             "Say what gets better if they act ('so that …', 'this will …'): the benefits part of your message box."),
        ]),
        length,
    ]


def total(criteria: list[Criterion]) -> tuple[int, int]:
    return sum(c.points for c in criteria), sum(c.max_points for c in criteria)


# --- the file a trainee exports for peer review -------------------------------------------------

AUTHOR_CODE = r"^[A-Za-z0-9_-]{1,20}$"


class SharedStatement(BaseModel):
    """A statement exported for a colleague to review. The author is a code, never a name."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["trainingkit-statement"] = "trainingkit-statement"
    version: Literal[1] = 1
    author: str = Field(pattern=AUTHOR_CODE)
    body: Literal[tuple(BODIES)]  # type: ignore[valid-type]
    statement: str = Field(min_length=1, max_length=10_000)
    message_box: dict[Literal[tuple(BOX_PARTS)], str] = {}  # type: ignore[valid-type]
    exported: str = ""


def shared_file(folder: Path, author: str) -> Path:
    return folder / f"statement-{author}.json"


def export_statement(folder: Path, statement: SharedStatement) -> Path:
    """Write ``statement`` to ``folder/statement-<author>.json`` and return the path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = shared_file(folder, statement.author)
    data = statement.model_copy(update={"exported": dt.datetime.now().isoformat(timespec="seconds")})
    tmp = path.with_suffix(".tmp")
    tmp.write_text(data.model_dump_json(indent=2), encoding="utf-8")
    tmp.replace(path)
    return path


def load_statement(path: Path) -> SharedStatement:
    """Read a colleague's exported statement; a bad file raises an error naming the file and field."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TrainingkitError(f"{path}: no such file. Check the folder and the file name your colleague gave you.") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise TrainingkitError(f"{path.name}: not a readable statement file ({exc}).") from None
    if not isinstance(data, dict) or data.get("kind") != "trainingkit-statement":
        raise TrainingkitError(f"{path.name}: not a statement exported from the message box exercise.")
    try:
        return SharedStatement.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"])
        raise TrainingkitError(f"{path.name}: field '{field}': {err['msg']}") from None
