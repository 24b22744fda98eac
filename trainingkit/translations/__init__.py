"""Every language through one gettext workflow: PO files under ``locales/``.

:mod:`.catalog` (files and the review convention), :mod:`.markup` (what a translation must
keep), :mod:`.lookup` (what a trainee may see), :mod:`.sources`, :mod:`.theme` and :mod:`.pages` (what there
is to translate), :mod:`.extract`, :mod:`.status` (the commands).
"""
