"""Imports flow one way: the packages of ``trainingkit`` form layers, and no module imports
from a layer above its own.

The imports are read from the source (``ast``), not from a running interpreter, so a lazy
import inside a function counts as much as one at the top of a module: it is still a
dependency, only a later one. Relative imports are resolved against the importing module.

The top level is flat (``course.py``, ``check.py``, ``build.py`` ...) but holds three
layers; ``GROUPS`` names them, so that a top-level module is judged as part of its layer.
``LAYERS`` is the order, bottom first, that the README's architecture diagram draws.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path


REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "trainingkit"

# Bottom first. A module may import from its own layer and from the layers below it.
LAYERS = (
    "base",          # where things live, errors, cell roles, languages, printing to PDF
    "course",        # the course as data: course.yml, the toc, front matter, programme, facts
    "translations",  # PO catalogues and the lookup that shows a reviewed translation
    "exercises",     # the case exercises' models, checks and views
    "checker",       # `trainingkit check`
    "forms",         # form specs, the resolved form, widgets, phone pages, XLSForm, QR code
    "feedback",      # the store, imports, roster, tokens, slips
    "evaluation",    # the summary, privacy, report and exports
    "followup",      # action plans, follow-up rounds, cohorts compared
    "applications",  # the call for applications and the selection
    "formserver",    # `trainingkit forms serve`: the phone forms on the venue network
    "build",         # execute, editions, pages, Sphinx, offline scripts
    "translations-extract",  # `trainingkit translations extract`: strings from forms, pages and the glossary
    "pack",          # the delivery kit, from the built book
    "cli",           # the command line, and the package's own __init__
)

# Top-level modules (and two parts of packages) by layer; a package's modules are its own layer.
GROUPS = {
    "base": ["paths", "errors", "cells", "languages", "pdf"],
    "course": ["course", "toc", "runsheet", "schedule", "clocktimes", "facts", "selection_rules"],
    "checker": ["check", "glossary", "accessibility"],
    "build": ["build", "execute", "deps", "editions", "pages", "daypages", "siteconfig", "static_site",
              "ratification_table", "facts_recheck", "sphinx_a11y", "sphinx_clock_search", "sphinx_facts",
              "sphinx_lang", "sphinx_run", "sphinx_scripts", "sphinx_search", "search_terms", "offline"],
    # The extraction of strings to translate reads the forms and the built pages, while the
    # forms read the catalogues: one package, two layers.
    "translations-extract": ["translations.extract", "translations.sources", "translations.pages"],
    "cli": ["cli", ""],
}


@dataclass(frozen=True)
class Import:
    source: str  # the importing module, e.g. trainingkit.forms.widgets
    target: str  # the imported module, e.g. trainingkit.forms.model
    path: str    # relative to the folder holding the package
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.source} imports {self.target}"


def module_name(path: Path, root: Path = REPO) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def read_imports(package: Path = PACKAGE) -> list[Import]:
    """Every import of a ``trainingkit`` module by a ``trainingkit`` module, lazy ones included."""
    root = package.parent
    files = sorted(package.rglob("*.py"))
    modules = {module_name(p, root) for p in files}
    found = []
    for path in files:
        name = module_name(path, root)
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = here.split(".")[: len(here.split(".")) - node.level + 1]
                    origin = ".".join(base + ([node.module] if node.module else []))
                else:
                    origin = node.module or ""
                # `from .forms import qr` imports the module forms.qr, not only the package
                targets = [f"{origin}.{a.name}" if f"{origin}.{a.name}" in modules else origin for a in node.names]
            else:
                continue
            found += [Import(name, t, path.relative_to(root).as_posix(), node.lineno) for t in dict.fromkeys(targets)
                      if t == "trainingkit" or t.startswith("trainingkit.")]
    return found


def layer_of(module: str) -> str:
    """The layer of a module: its group's, else its package's (trainingkit.<package>...)."""
    rest = module.removeprefix("trainingkit").removeprefix(".")
    for layer, members in GROUPS.items():
        for member in members:
            if rest == member or (member and rest.startswith(member + ".")):
                return layer
    package = rest.split(".")[0]
    if package in LAYERS:
        return package
    raise AssertionError(f"{module}: in no layer; add it to GROUPS or LAYERS in tests/test_architecture.py")


def layer_edges(imports: list[Import]) -> dict[tuple[str, str], list[Import]]:
    edges: dict[tuple[str, str], list[Import]] = {}
    for imp in imports:
        a, b = layer_of(imp.source), layer_of(imp.target)
        if a != b:
            edges.setdefault((a, b), []).append(imp)
    return edges


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected parts with more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while True:
                w = stack.pop()
                part.append(w)
                if w == v:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def shortest_path(graph: dict[str, set[str]], start: str, goal: str) -> list[str] | None:
    paths, seen = [[start]], {start}
    while paths:
        path = paths.pop(0)
        for nxt in sorted(graph.get(path[-1], ())):
            if nxt == goal:
                return path + [nxt]
            if nxt not in seen:
                seen.add(nxt)
                paths.append(path + [nxt])
    return None


def cycle_report(edges: dict[tuple[str, str], list[Import]]) -> list[str]:
    """Each circle, shortest first (``a → b → a``), with every import that makes each of its arrows."""
    graph: dict[str, set[str]] = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)
    circles: dict[frozenset, list[str]] = {}
    for a, b in sorted(edges):
        back = shortest_path(graph, b, a)
        if back:
            circle = [a] + back
            circles.setdefault(frozenset(zip(circle, circle[1:])), circle)
    lines = []
    for circle in sorted(circles.values(), key=lambda c: (len(c), c)):
        lines.append("circle: " + " → ".join(circle))
        lines += [f"  {imp}" for a, b in zip(circle, circle[1:]) for imp in edges[a, b]]
    return lines


IMPORTS = read_imports()


def test_the_imports_are_read_with_lazy_and_relative_ones_resolved(tmp_path):
    pkg = tmp_path / "trainingkit"
    (pkg / "forms").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "paths.py").write_text("")
    (pkg / "forms" / "__init__.py").write_text("from . import model\n")
    (pkg / "forms" / "model.py").write_text("from ..paths import course_root\n")
    (pkg / "forms" / "widgets.py").write_text("def f():\n    from ..feedback.store import X\n    import trainingkit.paths\n")
    found = {(i.source, i.target, i.path, i.line) for i in read_imports(pkg)}
    assert found == {
        ("trainingkit.forms", "trainingkit.forms.model", "trainingkit/forms/__init__.py", 1),
        ("trainingkit.forms.model", "trainingkit.paths", "trainingkit/forms/model.py", 1),
        ("trainingkit.forms.widgets", "trainingkit.feedback.store", "trainingkit/forms/widgets.py", 2),
        ("trainingkit.forms.widgets", "trainingkit.paths", "trainingkit/forms/widgets.py", 3),
    }


def test_a_cycle_is_named_with_the_imports_that_make_it():
    def imp(source, target, line):
        return Import(f"trainingkit.{source}", f"trainingkit.{target}", "trainingkit/x.py", line)

    edges = layer_edges([imp("forms.widgets", "feedback.submission", 15), imp("feedback.store", "forms.model", 18),
                         imp("feedback.store", "paths", 3)])
    assert cycle_report(edges) == [
        "circle: feedback → forms → feedback",
        "  trainingkit/x.py:18: trainingkit.feedback.store imports trainingkit.forms.model",
        "  trainingkit/x.py:15: trainingkit.forms.widgets imports trainingkit.feedback.submission",
    ]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_every_module_is_in_a_layer():
    modules = {module_name(p) for p in PACKAGE.rglob("*.py")}
    for module in sorted(modules):
        assert layer_of(module) in LAYERS


def test_every_import_names_a_module_that_exists():
    modules = {module_name(p) for p in PACKAGE.rglob("*.py")}
    assert [str(imp) for imp in IMPORTS if imp.target not in modules] == []


def test_the_layers_have_no_cycle():
    report = cycle_report(layer_edges(IMPORTS))
    assert report == [], "imports go round in a circle:\n" + "\n".join(report)


def test_the_modules_have_no_cycle():
    graph: dict[str, set[str]] = {}
    for imp in IMPORTS:
        if imp.source != imp.target:
            graph.setdefault(imp.source, set()).add(imp.target)
    where = {(i.source, i.target): i for i in IMPORTS}
    report = []
    for part in cycles(graph):
        report.append("circle between " + ", ".join(part) + ":")
        report += [f"  {where[a, b]}" for a in part for b in sorted(graph.get(a, ())) if b in part]
    assert report == [], "\n".join(report)


def test_no_module_imports_from_a_layer_above_its_own():
    rank = {layer: n for n, layer in enumerate(LAYERS)}
    upward = [f"{imp} ({a} may not import {b}: {b} is above it)"
              for (a, b), imps in sorted(layer_edges(IMPORTS).items()) if rank[b] > rank[a] for imp in imps]
    assert upward == [], "imports that go up a layer:\n" + "\n".join(upward)


def test_the_readme_draws_the_layers_in_this_order():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Architecture", 1)
    assert len(section) == 2, "README.md has no '## Architecture' section"
    diagram = re.search(r"```text\n(.*?)```", section[1], re.S)
    assert diagram, "README.md's Architecture section has no ```text diagram"
    drawn = re.findall(r"^\s*([a-z][a-z-]*)\b", diagram.group(1), re.M)
    assert [name for name in drawn if name in LAYERS] == list(reversed(LAYERS))
