"""Fonts for Thai, Lao, Khmer and Burmese, bundled into every site (and so into its PDFs).

A trainee's laptop or a venue's printer PC often has no font for these scripts, and the pages
are opened from disk with no internet: without a bundled font the text prints as boxes. The
Noto Sans fonts (SIL Open Font License) are copied at build time from Debian's fonts-noto-core
(``/usr/share/fonts/truetype/noto``), never committed, and declared under one family name with
each font's ``unicode-range``: Latin text keeps the theme's fonts, and a browser loads a script's
font only on a page that has that script.

Line breaking: these scripts have no spaces between words. Chromium breaks their lines at word
boundaries found with ICU's dictionaries (Thai, Lao, Khmer and Burmese all have one), as long as
nothing asks it to break anywhere: the stylesheet sets ``word-break: normal`` and
``overflow-wrap: normal`` for text in these scripts (``:lang()`` of each site, and the scripts'
runs in English pages break the same way by default).
"""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import TrainingkitError

FONT_DIRS = (Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/opentype/noto"))
FAMILY = "TK Scripts"  # one family for the four scripts, each face limited to its own code points
STATIC = "_static"     # Jupyter Book links every stylesheet of the sources' _static/ on every page
CSS_NAME = "tk-fonts.css"
FONT_FOLDER = "fonts"
LICENCE = Path("/usr/share/doc/fonts-noto-core/copyright")  # Debian's copy of the fonts' OFL terms

# script: (font file stem, unicode-range); Regular and Bold of each are bundled
SCRIPTS = {
    "Thai": ("NotoSansThai", "U+0E00-0E7F"),
    "Lao": ("NotoSansLao", "U+0E80-0EFF"),
    "Khmer": ("NotoSansKhmer", "U+1780-17FF, U+19E0-19FF"),
    "Myanmar": ("NotoSansMyanmar", "U+1000-109F, U+A9E0-A9FF, U+AA60-AA7F"),
}
WEIGHTS = {"Regular": 400, "Bold": 700}
LANGUAGES = ("th", "lo", "km", "my")


def font_dirs() -> tuple[Path, ...]:
    extra = os.environ.get("TRAININGKIT_FONT_DIR")
    return (Path(extra), *FONT_DIRS) if extra else FONT_DIRS


def find_font(name: str) -> Path:
    for folder in font_dirs():
        if (folder / name).is_file():
            return folder / name
    raise TrainingkitError(f"the font {name} is missing (looked in {', '.join(map(str, font_dirs()))}): "
                           "the sites bundle it so that Thai, Lao, Khmer and Burmese never show as boxes; "
                           "install it (Debian/Ubuntu: apt-get install fonts-noto-core) or set TRAININGKIT_FONT_DIR")


def stylesheet() -> str:
    faces = []
    for stem, ranges in SCRIPTS.values():
        for style, weight in WEIGHTS.items():
            faces.append(f'@font-face {{ font-family: "{FAMILY}"; font-style: normal; font-weight: {weight}; '
                         f'font-display: swap; src: url("{FONT_FOLDER}/{stem}-{style}.ttf") format("truetype"); '
                         f"unicode-range: {ranges}; }}")
    langs = ", ".join(f":lang({code})" for code in LANGUAGES)
    return "\n".join([
        "/* Bundled Noto fonts for Thai, Lao, Khmer and Burmese (trainingkit/offline/fonts.py); SIL OFL 1.1. */",
        *faces,
        f':root {{ --pst-font-family-base: "{FAMILY}", var(--pst-font-family-base-system); '
        f'--pst-font-family-heading: "{FAMILY}", var(--pst-font-family-base-system); }}',
        f'input, button, textarea, select {{ font-family: "{FAMILY}", var(--pst-font-family-base-system, sans-serif); }}',
        f"{langs} {{ word-break: normal; overflow-wrap: normal; line-break: auto; }}",
        "",
    ])


def font_assets() -> dict[str, bytes]:
    """{path in the staged sources: bytes}: the fonts and their stylesheet."""
    files = {}
    for stem, _ in SCRIPTS.values():
        for style in WEIGHTS:
            name = f"{stem}-{style}.ttf"
            files[f"{STATIC}/{FONT_FOLDER}/{name}"] = find_font(name).read_bytes()
    files[f"{STATIC}/{CSS_NAME}"] = stylesheet().encode()
    # The OFL asks that its terms travel with the fonts.
    files[f"{STATIC}/{FONT_FOLDER}/LICENSE.txt"] = (LICENCE.read_bytes() if LICENCE.is_file() else
                                                   b"Noto Sans Thai, Lao, Khmer and Myanmar: Copyright The Noto Project "
                                                   b"Authors, licensed under the SIL Open Font License 1.1 "
                                                   b"(https://openfontlicense.org).\n")
    return files
