"""Problem tree to objective tree: the tree as data, a first-draft objective for each problem
statement (pure; the self-checks are in ``checks``).

A trainee writes causes and effects as outlines, one statement a line; a line that starts with
"-" (or is indented) belongs to the statement above it (a sub-cause, or a further effect)::

    {"starter": "mou-fees",
     "problem": "Workers recruited through the MOU channel pay high fees and start work in debt",
     "causes": "MOU recruitment has many steps\\n- Each step needs documents ...",
     "effects": "Workers cannot leave a bad job ...",
     "objectives": {"MOU recruitment has many steps": "MOU recruitment has few, simple steps", ...}}
"""
from __future__ import annotations

import re
from dataclasses import dataclass

EXERCISE_ID = "ex-problem-tree"
SUB_MARKERS = ("-", "*", "•", "–")
MIN_CAUSES = 2
MIN_EFFECTS = 2


@dataclass(frozen=True)
class Starter:
    id: str
    title: str
    problem: str


# Starter problems from the Mekong; the notebook gives the facts behind each.
STARTERS = (
    Starter("mou-fees", "Recruitment fees and debt in the MOU channel",
            "Workers recruited through the MOU channel pay high fees and start work in debt"),
    Starter("union-rights", "Migrant workers and trade unions in Thailand",
            "Migrant workers in Thailand cannot form or lead trade unions"),
    Starter("sez-maternity", "Maternity protection in special economic zones",
            "Migrant women working in special economic zones lack maternity protection"),
)


@dataclass(frozen=True)
class Node:
    text: str
    children: tuple[str, ...] = ()  # sub-causes of a cause, or further effects of an effect


@dataclass(frozen=True)
class Tree:
    problem: str
    causes: tuple[Node, ...]
    effects: tuple[Node, ...]


def parse_outline(text: str) -> tuple[Node, ...]:
    """Statements, one a line; a line starting with "-" or a space belongs to the one above.
    A sub-line with nothing above it counts as a statement of its own."""
    nodes: list[Node] = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        stripped = line.strip()
        is_sub = line[0].isspace() or stripped.startswith(SUB_MARKERS)
        statement = stripped.lstrip("".join(SUB_MARKERS)).strip()
        if not statement:
            continue
        if is_sub and nodes:
            nodes[-1] = Node(nodes[-1].text, nodes[-1].children + (statement,))
        else:
            nodes.append(Node(statement))
    return tuple(nodes)


def tree_from_answer(answer: dict) -> Tree:
    return Tree(
        problem=str(answer.get("problem") or "").strip(),
        causes=parse_outline(answer.get("causes", "")),
        effects=parse_outline(answer.get("effects", "")),
    )


def statements(tree: Tree) -> list[tuple[str, str]]:
    """Every statement of the tree as (kind, text), in reading order, each text once."""
    out = [("Core problem", tree.problem)] if tree.problem else []
    for kind, sub_kind, nodes in (("Cause", "Sub-cause", tree.causes), ("Effect", "Further effect", tree.effects)):
        for node in nodes:
            out.append((kind, node.text))
            out += [(sub_kind, child) for child in node.children]
    seen: set[str] = set()
    return [(k, t) for k, t in out if not (t in seen or seen.add(t))]


# --- first drafts of objectives ---------------------------------------------------------------


def third_person(verb: str) -> str:
    """"monitor" → "monitors", "pay" → "pays", "carry" → "carries", "have" → "has"."""
    irregular = {"have": "has", "do": "does", "go": "goes", "be": "is"}
    if verb.lower() in irregular:
        return irregular[verb.lower()]
    if re.search(r"(s|sh|ch|x|z|o)$", verb):
        return verb + "es"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    return verb + "s"


# Each rule turns one way of saying "something is wrong" into the change wanted. The result is
# a first draft: trainees are told to edit it until it says what they mean.
REWRITES: tuple[tuple[str, object], ...] = (
    (r"\b(?:does not|doesn't|fails to) (\w+)", lambda m: third_person(m.group(1))),
    (r"\b(?:do not|don't|fail to) ", ""),
    (r"\b(?:cannot|can not|can't)\b", "can"),
    (r"\b(has|have|had|is|are|was|were) not\b", r"\1"),
    (r"\bhasn't\b", "has"), (r"\bhaven't\b", "have"), (r"\bisn't\b", "is"), (r"\baren't\b", "are"),
    (r"\bunable to\b", "able to"),
    (r"\b(?:there is |there are )?(?:a )?lack of\b", "enough"),
    (r"\blacks\b", "has"), (r"\black\b", "have"),
    (r"\b(have|has|get|gets|receive|receives) no\b", r"\1"),
    (r"\bthere (is|are) no\b", r"there \1"),
    (r"^no ", ""),
    (r"\bnever\b", "always"),
    (r"\bwithout\b", "with"),
    (r"\bin debt\b", "free of debt"),
    (r"\bexcluded from\b", "included in"),
    (r"\btoo many\b", "fewer"), (r"\btoo much\b", "less"),
)
OPPOSITES = {
    "high": "lower", "low": "higher", "weak": "strong", "poor": "good", "unsafe": "safe",
    "unfair": "fair", "slow": "quick", "costly": "affordable", "expensive": "affordable",
    "insufficient": "sufficient", "inadequate": "adequate", "limited": "full", "unaware": "aware",
    "irregular": "regular", "undocumented": "documented", "unregistered": "registered",
    "excessive": "fair", "few": "more", "difficult": "easy", "lose": "keep", "loses": "keeps",
    "deny": "give", "denies": "gives", "denied": "given", "ignore": "respect", "ignores": "respects",
    "violate": "respect", "violates": "respects",
}
_OPPOSITE = re.compile(r"\b(" + "|".join(OPPOSITES) + r")\b", re.I)


def suggest_objective(problem: str) -> str:
    """A first-draft objective: ``problem`` restated as the change wanted, or "" when no rule
    fits (the trainee then writes it)."""
    text = " ".join(problem.split())
    draft = text
    for pattern, replacement in REWRITES:
        draft = re.sub(pattern, replacement, draft, flags=re.I)
    draft = _OPPOSITE.sub(lambda m: OPPOSITES[m.group(1).lower()], draft)
    draft = " ".join(draft.split())
    if not draft or draft.lower() == text.lower():
        return ""
    return draft[0].upper() + draft[1:]
