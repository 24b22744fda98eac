"""Accessibility of page sources: alt text for images and charts, and heading levels.

Pure functions over Markdown text and code-cell sources; ``check.py`` turns their answers
into findings.
"""
from __future__ import annotations

import ast
import re

from .errors import Finding, Location

# --- images ------------------------------------------------------------------------------------

MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)")
HTML_IMG = re.compile(r"<img\b[^>]*>", re.I)
HTML_ALT = re.compile(r"\balt\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.I)
IMAGE_DIRECTIVE = re.compile(r"^(`{3,}|:{3,})\{(image|figure)\}[ \t]*(\S*)")
OPTION = re.compile(r"^:([\w-]+):\s*(.*)$")


def images_without_alt(text: str) -> list[str]:
    """A description of each image in Markdown ``text`` that gives no alt text."""
    found = [f"image '{src}' has empty alt text: describe it in ![…]({src})" for alt, src in MD_IMAGE.findall(text) if not alt.strip()]
    for tag in HTML_IMG.findall(text):
        alt = HTML_ALT.search(tag)
        if alt is None or not alt.group(1).strip("\"' "):
            found.append(f"HTML image {_clip(tag)} has no alt text: add alt=\"…\" saying what it shows")
    lines = text.splitlines()
    for number, line in enumerate(lines):
        if match := IMAGE_DIRECTIVE.match(line.strip()):
            options = {}
            for option_line in lines[number + 1:]:
                if not (option := OPTION.match(option_line.strip())):
                    break
                options[option.group(1)] = option.group(2).strip()
            if not options.get("alt"):
                found.append(f"{{{match.group(2)}}} '{match.group(3)}' has no :alt: option: add one saying what it shows")
    return found


def _clip(tag: str, width: int = 60) -> str:
    return tag if len(tag) <= width else tag[: width - 1] + "…"


# --- charts drawn in code cells ------------------------------------------------------------------

# pyplot functions that set things up rather than draw
PYPLOT_QUIET = {"close", "rc", "rc_context", "ioff", "ion", "switch_backend", "style", "get_cmap", "rcParams"}
PLOT_METHODS = {"plot", "hist", "boxplot"}  # pandas draws with these, on DataFrames and Series
ALT_NAME = re.compile(r"(^|_)alt(_|$)", re.I)


def plotting_names(sources: list[str]) -> tuple[set[str], set[str]]:
    """Names a notebook binds to matplotlib.pyplot or seaborn, and to matplotlib's Figure class."""
    modules, figures = set(), set()
    for tree in filter(None, map(_parse, sources)):
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name in ("matplotlib.pyplot", "seaborn"):
                        modules.add(alias.asname or alias.name)
            elif isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if (node.module, alias.name) in (("matplotlib", "pyplot"),):
                        modules.add(alias.asname or alias.name)
                    elif (node.module, alias.name) == ("matplotlib.figure", "Figure"):
                        figures.add(alias.asname or alias.name)
    return modules, figures


def draws_chart(source: str, modules: set[str], figures: set[str]) -> bool:
    """True when a code cell draws a matplotlib figure (pyplot, seaborn, pandas ``.plot``)."""
    tree = _parse(source)
    if tree is None:
        return False
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in figures:
            return True
        if isinstance(func, ast.Attribute):
            if _dotted(func.value) in modules and func.attr not in PYPLOT_QUIET:
                return True
            if func.attr in PLOT_METHODS and _dotted(func.value) not in modules:
                return True
            if isinstance(func.value, ast.Attribute) and func.value.attr == "plot":  # df.plot.bar(...)
                return True
    return False


def gives_alt_text(source: str, metadata: dict) -> bool:
    """True when the cell gives its chart alt text: MyST-NB's ``mystnb: image: alt:`` metadata,
    or a call that hands over alt text (a keyword ``alt…=``, or an argument named ``alt``,
    ``alt_text``, ``timeline_alt(...)`` and the like, as in ``figure_html(fig, alt, caption)``)."""
    if str(metadata.get("mystnb", {}).get("image", {}).get("alt", "")).strip():
        return True
    tree = _parse(source)
    if tree is None:
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            if any(k.arg and ALT_NAME.search(k.arg) for k in node.keywords):
                return True
            for arg in node.args:
                names = [n.id for n in ast.walk(arg) if isinstance(n, ast.Name)]
                names += [n.attr for n in ast.walk(arg) if isinstance(n, ast.Attribute)]
                if any(ALT_NAME.search(name) for name in names):
                    return True
    return False


def _parse(source: str):
    # IPython magics and shell lines are not Python: blank them so the rest still parses.
    lines = ["" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines()]
    try:
        return ast.parse("\n".join(lines))
    except SyntaxError:
        return None


def _dotted(node) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


# --- headings ----------------------------------------------------------------------------------

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
FENCE = re.compile(r"^(`{3,}|~{3,}|:{3,})\s*(\{([\w-]+)\})?(.*)$")
CODE_DIRECTIVES = {"code", "code-block", "code-cell", "sourcecode", "literalinclude", "math", "raw", "glossary"}


def headings(text: str) -> list[tuple[int, str]]:
    """(level, text) of the ATX headings in Markdown ``text``, outside code blocks (a directive
    such as ``{admonition}`` holds Markdown, so its headings count)."""
    out, containers, code = [], [], None
    for line in text.splitlines():
        stripped = line.strip()
        match = FENCE.match(stripped)
        if code:
            if match and _closes(match, code):
                code = None
            continue
        if match and match.group(3) and match.group(3) not in CODE_DIRECTIVES:
            containers.append(match.group(1))
        elif match and containers and _closes(match, containers[-1]):
            containers.pop()
        elif match and not match.group(1).startswith(":"):
            code = match.group(1)
        elif not line.startswith("    ") and (heading := HEADING.match(stripped)):
            out.append((len(heading.group(1)), heading.group(2)))
    return out


def _closes(match, fence: str) -> bool:
    """A bare fence of the same character, at least as long, closes ``fence``."""
    mark = match.group(1)
    return mark[0] == fence[0] and len(mark) >= len(fence) and not match.group(2) and not match.group(4).strip()


def heading_problems(cells: list[tuple[int | None, str]], title_given: bool) -> list[Finding]:
    """Findings, each naming its cell (the caller adds the file), for headings that skip a level. With ``title_given`` the build writes the
    page title as the H1, so the page's own headings start at H2."""
    out = []
    previous = 1 if title_given else 0
    for cell, text in cells:
        for level, title in headings(text):
            if title_given and level == 1:
                out.append(Finding(Location(cell=cell), f"heading '# {title}': the build writes the page title as the only H1; start this page's headings at ##"))
            elif level > previous + 1:
                want = "#" * (previous + 1)
                out.append(Finding(Location(cell=cell), f"heading '{'#' * level} {title}' skips a level after H{previous}: make it {want}"))
            previous = level
    return out
