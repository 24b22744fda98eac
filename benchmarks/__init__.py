"""Performance figures for the kit (`make bench`). Each ``bench_*.py`` module has ``run()``
returning a list of (label, value, target) rows; never timed tests."""
