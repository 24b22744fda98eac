"""Slips to cut and hand out: one per trainee, with the code, the personal key and a QR code
that opens the phone forms with both filled in.

The QR code holds ``<forms address>#code=…&token=…``: the part after ``#`` stays on the phone
(the page's script keeps it), so the key never reaches the server's log. The slips are made
from the organiser's CSV of plain keys, and each key is checked against the store first, so a
stale file cannot print slips that would be refused.
"""
from __future__ import annotations

import base64
import html
from pathlib import Path
from urllib.parse import quote

from ..errors import TrainingkitError
from ..forms.qr import qr_png
from .roster import read_tokens
from .store import FeedbackStore
from .tokens import normalise, shown

PER_PAGE = 8  # 2 columns × 4 rows on A4
CSS = """
@page { size: A4; margin: 10mm; }
body { font-family: "Noto Sans", sans-serif; margin: 0; }
.sheet { display: grid; grid-template-columns: 1fr 1fr; grid-auto-rows: 66mm; gap: 0; page-break-after: always; }
.slip { border: 1px dashed #666; padding: 4mm 5mm; display: flex; gap: 4mm; align-items: center; overflow: hidden; }
.slip img { width: 38mm; height: 38mm; flex: none; }
.code { font-size: 20pt; font-weight: 700; margin: 0; }
.key { font-size: 14pt; font-family: "Noto Sans Mono", monospace; margin: 1mm 0 2mm; }
.slip p { margin: 0 0 1.5mm; font-size: 8.5pt; line-height: 1.3; }
"""


def slip_url(url: str, code: str, token: str) -> str:
    return f"{url}#code={quote(code)}&token={quote(normalise(token))}"


def checked_tokens(store: FeedbackStore, tokens_file: Path) -> dict[str, str]:
    """The organiser's keys, each matching the store's hash; every problem named at once."""
    plain = read_tokens(tokens_file)
    if not plain:
        raise TrainingkitError(f"{tokens_file}: no personal keys. Load the roster first: trainingkit feedback roster roster.csv")
    problems = [f"{tokens_file}: the key of {code} is not the one in the store (the roster was loaded again with a new key?)"
                for code, token in sorted(plain.items()) if not store.token_matches(code, token)]
    missing = sorted(store.roster_codes() - set(plain))
    if missing:
        problems.append(f"{tokens_file}: no key for {', '.join(missing)} (on the roster)")
    if problems:
        raise TrainingkitError("\n".join(problems))
    return plain


def slip(url: str, code: str, token: str) -> str:
    data = base64.b64encode(qr_png(slip_url(url, code, token))).decode()
    return (
        f'<div class="slip"><img src="data:image/png;base64,{data}" alt="QR code for {html.escape(code)}">'
        f'<div><p class="code">{html.escape(code)}</p><p class="key">Key: {html.escape(shown(token))}</p>'
        "<p>Feedback forms: scan the code with your phone camera on the course Wi-Fi. Or open "
        f"<b>{html.escape(url)}</b> and type your code and key.</p>"
        "<p>This slip is yours alone: do not share it.</p></div></div>"
    )


def slips_html(url: str, tokens: dict[str, str]) -> str:
    codes = sorted(tokens)
    sheets = []
    for start in range(0, len(codes), PER_PAGE):
        sheets.append('<div class="sheet">' + "".join(slip(url, c, tokens[c]) for c in codes[start:start + PER_PAGE]) + "</div>")
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Feedback slips</title>'
            f"<style>{CSS}</style></head><body>{''.join(sheets)}</body></html>")


def write_slips(store: FeedbackStore, tokens_file: Path, url: str, output: Path) -> Path:
    from ..pdf import PrintJob, print_pdfs

    html_text = slips_html(url, checked_tokens(store, Path(tokens_file)))
    print_pdfs({Path(output): PrintJob(html_text, "Feedback slips: personal, one per trainee", ())})
    return Path(output)
