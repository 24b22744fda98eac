"""The problem tree's self-checks: the core problem, enough causes and effects, sub-causes,
and objectives phrased as positive changes (pure). :data:`CHECKS` lists them in the order a
trainee works and :func:`check_all` runs them on a saved answer.
"""
from __future__ import annotations

import re

from ..kit.checks import Check, failed, passed
from .model import MIN_CAUSES, MIN_EFFECTS, Tree, statements, tree_from_answer

NEGATIVE = re.compile(r"\b(no|not|never|none|cannot|lack|lacks|lacking|unable|fail|fails|failing)\b|n't\b", re.I)
POSITIVE_HINT = (
    "An objective describes the situation you want once the problem is solved, as if it had "
    "already happened: \"Migrant workers can form and lead unions\", not \"Migrant workers no "
    "longer cannot form unions\". Avoid \"no …\", \"not …\" and \"lack of …\": \"no lack of "
    "information\" still describes the problem. Say what exists, what people can do, or who does "
    "what."
)


def check_problem(tree: Tree) -> Check:
    if len(tree.problem.split()) >= 3:
        return passed("You wrote the core problem.")
    return failed(
        "Write the core problem on the trunk.",
        "Choose a starter problem or write your own in one sentence: who is affected, and how. "
        "For example: \"Migrant workers in Thailand cannot form or lead trade unions.\"",
    )


def _check_count(nodes, minimum: int, noun: str, plural: str, where: str, hint: str) -> Check:
    """Are there at least ``minimum`` statements (causes or effects)?"""
    n = len(nodes)
    if n >= minimum:
        return passed(f"Your tree has {n} {plural} ({where}).")
    return failed(f"Your tree has {n} {noun if n == 1 else plural}; it needs at least {minimum}.", hint)


def check_causes(tree: Tree) -> Check:
    return _check_count(
        tree.causes, MIN_CAUSES, "cause", "causes", "roots",
        "Ask \"why does this happen?\" and write each answer on its own line. Look at laws and "
        "rules, at what employers, agents and officials do, and at what workers know and can do.",
    )


def check_effects(tree: Tree) -> Check:
    return _check_count(
        tree.effects, MIN_EFFECTS, "effect", "effects", "branches",
        "Ask \"what happens because of this?\" and write each answer on its own line: for the "
        "workers, for their families at home, for employers, for the country.",
    )


def check_sub_causes(tree: Tree) -> Check:
    if any(node.children for node in tree.causes):
        return passed("At least one cause has its own causes.")
    return failed(
        "No cause has a sub-cause yet.",
        "Ask \"why?\" again about one cause and write the answer on the next line, starting with "
        "\"-\". The deeper roots often show where advocacy can act: a rule, a budget, a practice.",
    )


def check_objectives(tree: Tree, objectives: dict) -> list[Check]:
    """Every statement has an objective, and each is phrased as a positive change."""
    texts = [text for _, text in statements(tree)]
    if not texts:
        return [failed("No problem statements to turn into objectives yet.", "Build the problem tree first.")]
    missing = [t for t in texts if not str(objectives.get(t) or "").strip()]
    negative = [t for t in texts if t not in missing and NEGATIVE.search(objectives[t])]
    copied = [t for t in texts if t not in missing and " ".join(objectives[t].split()).lower() == " ".join(t.split()).lower()]
    results = []
    if missing:
        results.append(failed(
            f"{len(missing)} statement(s) have no objective yet, e.g. \"{missing[0]}\".",
            "Press \"Suggest objectives\" for a first draft of each, then edit every draft until "
            "it says what you mean.",
        ))
    else:
        results.append(passed(f"Every statement ({len(texts)}) has an objective."))
    if negative or copied:
        examples = "; ".join(f"\"{objectives[t]}\"" for t in list(dict.fromkeys(negative + copied))[:3])
        results.append(failed(f"Not yet phrased as a positive change: {examples}.", POSITIVE_HINT))
    elif not missing:
        results.append(passed("Every objective is phrased as a positive change."))
    return results


CHECKS = (check_problem, check_causes, check_effects, check_sub_causes, check_objectives)


def check_all(answer: dict) -> list[Check]:
    """Every self-check of the exercise, in the order a trainee works."""
    tree = tree_from_answer(answer)
    objectives = answer.get("objectives") or {}
    out = []
    for check in CHECKS:
        found = check(tree, objectives) if check is check_objectives else check(tree)
        out += found if isinstance(found, list) else [found]
    return out
