"""The scripts the book's pages load, bundled so that the sites work with no internet: a part of
the build (``build.py`` stages them into each edition), kept apart from the delivery kit."""
