"""Run every benchmark module (or those named on the command line) and print a report."""
from __future__ import annotations

import importlib
import pkgutil
import sys

import benchmarks


def main(names: list[str]) -> int:
    modules = sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.startswith("bench_"))
    chosen = [m for m in modules if not names or m.removeprefix("bench_") in names or m in names]
    for name in chosen:
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"\n== {name.removeprefix('bench_')}: {module.__doc__.strip().splitlines()[0]}")
        for label, value, target in module.run():
            print(f"  {label:<55} {value:>14}   {target or ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
