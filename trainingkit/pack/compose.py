"""Print documents composed from the built site: one HTML document per day pack or handout.

Each document takes the article of built pages (so it prints exactly what the site shows),
with the site's own stylesheets and ``pack.css``. It carries no scripts: folded model answers
stay open, and nothing is fetched. Pure functions from HTML text to HTML text.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from ..errors import TrainingkitError

PACK_CSS = Path(__file__).with_name("pack.css")
# Sections of an exercise page that go on a handout; the working steps stay in the notebook.
HANDOUT_SECTIONS = ("The case", "Your task", "Debrief")


@dataclass(frozen=True)
class Page:
    """A built page: its file and, once read, its HTML."""

    path: Path

    @property
    def url(self) -> str:
        return self.path.resolve().as_uri()

    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.path.read_text(encoding="utf-8"), "html.parser")


def article(page: Page, keep_row=None) -> Tag:
    """The page's article, cleaned for print, with links and images that work from anywhere.

    ``keep_row(hrefs)``, if given, decides for each table body row, from the links it holds,
    whether it stays (the facts of one day's sessions on that day's pack).
    """
    soup = page.soup()
    found = soup.select_one("article.bd-article")
    if found is None:
        raise TrainingkitError(f"{page.path}: no <article class=\"bd-article\">: is this a page of the built book?")
    if keep_row is not None:  # before the links below become plain text
        for row in found.select("tbody tr"):
            if not keep_row([a["href"] for a in row.select("a[href]")]):
                row.decompose()
    for tag in found.select("script, a.headerlink, .toggle-button, button"):
        tag.decompose()
    for details in found.find_all("details"):
        details["open"] = ""  # folded model answers and hidden cells print unfolded
    for img in found.find_all("img", src=True):
        img["src"] = _absolute(img["src"], page.url)
    for link in found.find_all("a", href=True):
        if urlsplit(link["href"]).scheme in ("http", "https", "mailto"):
            continue
        link.name = "span"  # a link to another page of the site means nothing on paper
        del link["href"]
    return found


def links_to(docnames) -> "callable":
    """A ``keep_row`` for :func:`article`: does the row link to one of these pages?"""
    names = {f"{d.rsplit('/', 1)[-1]}.html" for d in docnames}
    return lambda hrefs: any(urlsplit(h).path.rsplit("/", 1)[-1] in names for h in hrefs)


def _absolute(src: str, base: str) -> str:
    return src if urlsplit(src).scheme in ("data", "http", "https", "file") else urljoin(base, src)


def stylesheets(page: Page) -> list[str]:
    """The page's stylesheets, as file URLs (without the cache-busting query)."""
    links = page.soup().select('head link[rel="stylesheet"]')
    return [urljoin(page.url, link["href"]).split("?", 1)[0] for link in links]


def programme_section(page: Page, day: int) -> Tag:
    """The section of the built programme page for ``day``: its heading and timetable."""
    art = article(page)
    heading = next((h for h in art.find_all("h2") if h.get_text().strip().startswith(f"Day {day}:")), None)
    if heading is None:
        raise TrainingkitError(f"{page.path}: no 'Day {day}:' section in the programme")
    return heading.parent


def handout_sections(page: Page) -> list[Tag]:
    """The title, the exercise line under it, and the case, task and debrief of an exercise page.

    The task keeps its own text but not its steps (sub-sections) or code: those are worked in
    the notebook. Raises when a section is missing, naming the page and the heading.
    """
    art = article(page)
    title = art.find("h1")
    if title is None:
        raise TrainingkitError(f"{page.path}: no page title (h1)")
    head = title.parent
    parts: list[Tag] = [title]
    if (intro := title.find_next_sibling("p")) is not None:
        parts.append(intro)
    for name in HANDOUT_SECTIONS:
        section = next((s for s in head.find_all("section", recursive=False) if _section_title(s).startswith(name)), None)
        if section is None:
            raise TrainingkitError(f"{page.path}: no '## {name}' section: exercise pages need the case, the task and the debrief")
        for cell in section.select("div.cell"):
            cell.decompose()  # code and its output belong to the notebook, not the handout
        if name == "Your task":
            for step in section.find_all("section", recursive=False):
                step.decompose()
        parts.append(section)
    return parts


def _section_title(section: Tag) -> str:
    heading = section.find(re.compile(r"^h[1-6]$"))
    return heading.get_text().strip() if heading else ""


def document(title: str, css: list[str], parts: list[tuple[str, list[Tag]]]) -> str:
    """One printable HTML document: each part (class name, elements) starts on a new page."""
    links = "\n".join(f'<link rel="stylesheet" href="{html.escape(href)}">' for href in css)
    body = "\n".join(
        f'<section class="pack-part {cls}">\n' + "\n".join(str(el) for el in elements) + "\n</section>"
        for cls, elements in parts
    )
    return (
        '<!DOCTYPE html>\n<html lang="en" data-theme="light" data-mode="light">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n{links}\n<style>\n{PACK_CSS.read_text(encoding='utf-8')}</style>\n</head>\n"
        f'<body class="pack">\n<main class="bd-article pack-document">\n{body}\n</main>\n</body>\n</html>\n'
    )


def cover(heading: str, lines: list[str]) -> list[Tag]:
    """A heading and a few plain lines, as elements for the first part of a document."""
    soup = BeautifulSoup("", "html.parser")
    h1 = soup.new_tag("h1")
    h1.string = heading
    out = [h1]
    for line in lines:
        p = soup.new_tag("p", attrs={"class": "pack-lead"})
        p.string = line
        out.append(p)
    return out
