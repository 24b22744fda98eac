"""Which names a code cell reads and which it sets: enough to follow a result from cell to cell.

The participant edition drops the output of any cell that used something a removed (trainer or
model-answer) cell computed, so no page shows a result it does not contain the code for.
"""
from __future__ import annotations

import ast
from functools import lru_cache

from IPython.core.inputtransformer2 import TransformerManager

_IPYTHON = TransformerManager()


@lru_cache(maxsize=4096)
def _tree(source: str) -> ast.Module:
    """Parse a cell as IPython would (magics become function calls); SyntaxError if it can't."""
    return ast.parse(_IPYTHON.transform_cell(source))


def names_read(source: str) -> set[str]:
    return {n.id for n in ast.walk(_tree(source)) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def modules_imported(source: str) -> set[str]:
    names = set()
    for node in ast.walk(_tree(source)):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


def names_set(source: str) -> set[str]:
    """Names a cell binds or may change: assignments, definitions, imports, item and attribute
    assignments (``df["x"] = …``), and receivers of method calls (``df.dropna(inplace=True)``)."""
    found = set(modules_imported(source))
    for node in ast.walk(_tree(source)):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            found.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found.add(node.name)
        elif isinstance(node, (ast.Subscript, ast.Attribute)) and isinstance(node.ctx, ast.Store):
            base = _base_name(node)
            if base:
                found.add(base)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            base = _base_name(node.func.value)
            if base:
                found.add(base)
    return found


def _base_name(node) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None
