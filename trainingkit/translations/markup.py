"""What a translation must keep from its English: placeholders, MyST roles, links, markup.

A translator changes words, never the machinery around them. :func:`problems` compares one
English text with its translation and says, in plain words, what broke. A translation with a
problem is never shown: the English is (see :mod:`.lookup`).
"""
from __future__ import annotations

import re
from collections import Counter

# {session}, {count}: filled in by the kit; a MyST role {term}`…` is not a placeholder.
PLACEHOLDER = re.compile(r"(?<![{\\])\{([a-z_][a-z0-9_]*)\}(?!`)")
# {term}`ASEAN`, {doc}`../book/glossary`, {ref}`label <target>`
ROLE = re.compile(r"\{([a-z][a-z0-9:_-]*)\}`([^`]*)`")
ROLE_NAME = re.compile(r"\{([a-z][a-z0-9:_-]*)\}")
# roles whose text names a target: the target must stay exactly as it is
TARGET_ROLES = {"doc", "ref", "numref", "download", "eq", "cite", "fact"}
TARGET_IN_ROLE = re.compile(r"<([^<>]+)>\s*$")
LINK = re.compile(r"\[([^\]]*)\]\(([^()\s]*)\)")
BROKEN_LINK = re.compile(r"\]\s+\(")
AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")
HTML_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
CODE = re.compile(r"(?<!`)`([^`{}\n]+)`(?!`)")


def _role_targets(text: str) -> Counter:
    out = Counter()
    for name, inner in ROLE.findall(text):
        if name in TARGET_ROLES:
            target = TARGET_IN_ROLE.search(inner)
            out[(name, target.group(1) if target else inner)] += 1
    return out


def _without_roles(text: str) -> str:
    return ROLE.sub(" ", text)


def problems(english: str, translation: str) -> list[str]:
    """Every way ``translation`` breaks what ``english`` carries; empty when it is fine."""
    if not translation:
        return []
    out = []
    source_roles = Counter(name for name, _ in ROLE.findall(english))
    roles = set(source_roles) | TARGET_ROLES | {"term"}
    source_fields = Counter(f for f in PLACEHOLDER.findall(english) if f not in roles)
    target_fields = Counter(f for f in PLACEHOLDER.findall(translation) if f not in roles)
    if source_fields != target_fields:
        lost = sorted((source_fields - target_fields).elements())
        added = sorted((target_fields - source_fields).elements())
        parts = ([f"lost {', '.join('{' + f + '}' for f in lost)}"] if lost else []) + \
                ([f"added {', '.join('{' + f + '}' for f in added)}"] if added else [])
        out.append(f"placeholder: {'; '.join(parts)} (keep each {{name}} exactly as in the English)")
    target_roles = Counter(name for name, _ in ROLE.findall(translation))
    whole = Counter(ROLE_NAME.findall(_without_roles(translation)))
    broken = sorted(name for name in whole if name in roles)
    if broken:
        out.append(f"role: {{{broken[0]}}} is not followed by `text` in backticks (write {{{broken[0]}}}`…`)")
    elif source_roles != target_roles:
        out.append(f"role: the English has {_count(source_roles)}, the translation {_count(target_roles)}")
    if _role_targets(english) != _role_targets(translation):
        out.append("role: a {doc}/{ref} target was changed (translate the words, keep the target)")
    if BROKEN_LINK.search(translation) and not BROKEN_LINK.search(english):
        out.append("link: a space between ] and ( breaks the link: write [text](address)")
    source_links = sorted(t for _, t in LINK.findall(english)) + sorted(AUTOLINK.findall(english))
    target_links = sorted(t for _, t in LINK.findall(translation)) + sorted(AUTOLINK.findall(translation))
    if source_links != target_links:
        out.append(f"link: addresses differ (English: {', '.join(source_links) or 'none'}; "
                   f"translation: {', '.join(target_links) or 'none'})")
    if Counter(HTML_TAG.findall(_without_roles(english))) != Counter(HTML_TAG.findall(_without_roles(translation))):
        out.append("markup: the HTML tags differ from the English")
    bold_en, bold_tr = english.count("**"), translation.count("**")
    if bold_tr % 2 or (bold_en and not bold_tr):
        out.append("markup: ** (bold) is not closed, or was dropped")
    if sorted(CODE.findall(_without_roles(english))) != sorted(CODE.findall(_without_roles(translation))):
        out.append("markup: text in `backticks` is code or a name: keep it as in the English")
    return out


def _count(roles: Counter) -> str:
    return ", ".join(f"{n} {{{name}}}" for name, n in sorted(roles.items())) or "no roles"
