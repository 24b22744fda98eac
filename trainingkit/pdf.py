"""Print HTML documents to PDF with headless Chromium (Debian's, driven by Playwright)."""
from __future__ import annotations

import html
import re
import tempfile
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from .errors import TrainingkitError

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
MARGIN = {"top": "14mm", "bottom": "16mm", "left": "14mm", "right": "14mm"}
# Chromium fills the spans with class pageNumber and totalPages.
FOOTER = (
    '<div style="font-size:8pt;color:#333;width:100%;margin:0 14mm;display:flex;justify-content:space-between">'
    '<span>{label}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>'
)


@dataclass(frozen=True)
class PrintJob:
    html: str  # a whole document (compose.document)
    label: str  # in the footer of every page, beside the page number
    bookmarks: tuple[str, ...]  # the headings that open its parts, in order: the PDF's outline


def footer(label: str) -> str:
    return FOOTER.format(label=html.escape(label))


def print_pdfs(jobs: dict[Path, PrintJob]) -> list[Path]:
    """Print each {output PDF: job} on A4, with page numbers and an outline of its parts.

    Runs in a thread of its own: Playwright's sync API refuses a thread with an asyncio loop
    running, as in a notebook or beside another Playwright session.
    """
    if not CHROMIUM.exists():
        raise TrainingkitError(f"{CHROMIUM} is missing: the PDFs are printed by Chromium (Debian: apt-get install chromium)")
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(_print, jobs).result()


def _print(jobs: dict[Path, PrintJob]) -> list[Path]:
    """The HTML is written to a file first so that its file:// stylesheets and images load."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="trainingkit-print-") as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            for target, job in jobs.items():
                source = Path(tmp) / f"{target.stem}.html"
                source.write_text(job.html, encoding="utf-8")
                page = browser.new_page()
                page.goto(source.as_uri(), wait_until="load")
                target.parent.mkdir(parents=True, exist_ok=True)
                page.pdf(
                    path=str(target), format="A4", margin=MARGIN, print_background=True,
                    display_header_footer=True, header_template="<span></span>", footer_template=footer(job.label),
                    tagged=True,  # structure for screen readers
                    outline=bool(job.bookmarks),  # where each heading landed: add_outline reads it
                )
                page.close()
                if job.bookmarks:
                    add_outline(target, job.bookmarks)
        finally:
            browser.close()
    return list(jobs)


def _squeezed(text: str) -> str:
    """Text with ligatures (ﬂ) undone and no spaces at all (Chromium's outline titles drop the
    space where a heading breaks over two lines)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def add_outline(path: Path, titles: tuple[str, ...]) -> None:
    """Replace Chromium's outline with one bookmark per title, on the page where the top-level
    heading with that title landed; fail if a title is not among those headings, in order.

    Chromium knows where each heading landed, so no page's text is read (that took about 60 ms
    a page). Its own titles are not kept: they repeat words of a heading that breaks over two
    lines ("Key pointsKey points"), so a title is looked for inside them."""
    reader = PdfReader(path)
    headings = [(_squeezed(item.title), reader.get_destination_page_number(item))
                for item in reader.outline if not isinstance(item, list)]
    writer = PdfWriter(path, incremental=True)  # appends the new outline: nothing else is rewritten
    writer.get_outline_root().empty_tree()
    start = 0
    for title in titles:
        index = next((i for i in range(start, len(headings)) if _squeezed(title) in headings[i][0]), None)
        if index is None:
            raise TrainingkitError(f"{path}: no top-level heading '{title}' (from heading {start + 1} of {len(headings)} on)")
        writer.add_outline_item(title=title, page_number=headings[index][1])
        start = index + 1
    writer.page_mode = "/UseOutlines"
    with open(path, "wb") as out:
        writer.write(out)
