"""What the trainee sees in the message box exercise: the COMPASS message box, the statement with
its rubric and export, and the peer review of a colleague's statement. Everything the trainee writes
(their own box and statement, and the reviews they make) is saved in their own work file."""
from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import ipywidgets as w

from ...errors import TrainingkitError
from ..kit.checks import Check, Criterion, failed, rubric_html, total
from ..kit.view import ExerciseView, message_html
from ..kit.wording import word_count
from ..kit.work import SavedWork, work_dir
from .checks import check_all, score_statement
from .model import BOX_PARTS, EXERCISE_ID, MAX_WORDS, SharedStatement, bodies, export_statement, load_statement

WIDE = {"width": "95%"}


def bodies_table():
    """The ASEAN bodies a statement may address, and what each does (from the fact sheet)."""
    from IPython.display import HTML

    rows = "".join(f"<tr><td>{html.escape(b.name)}</td><td>{html.escape(b.mandate)}</td></tr>" for b in bodies().values())
    return HTML(f"<table><thead><tr><th>Body</th><th>What it does</th></tr></thead><tbody>{rows}</tbody></table>")


def show_rubric(text: str, body_id: str) -> None:
    from IPython.display import display

    display(score_statement(text, body_id))


def _body_options() -> list[tuple[str, str | None]]:
    return [("— choose the body you write to —", None)] + [(b.name, key) for key, b in bodies().items()]


def _message(kind: str, text: str) -> str:
    return message_html(kind == "ok", text)


class MessageBox(ExerciseView):
    """The message box, the statement and the peer review: ``box``, ``statement`` and
    ``review``, each shown in its own cell."""

    id = EXERCISE_ID
    parts = ("box", "statement", "review")

    def __init__(self, work: SavedWork | None = None, shared_folder: Path | None = None):
        super().__init__(work)
        self.shared_folder = shared_folder or work_dir() / "shared"
        self._build_box()
        self._build_statement()
        self._build_review()

    # --- the message box ----------------------------------------------------------------------

    def _build_box(self) -> None:
        saved = self.work.get("message_box", {})
        self._box: dict[str, w.Textarea] = {}
        rows = []
        for key, (label, question) in BOX_PARTS.items():
            area = w.Textarea(value=saved.get(key, ""), placeholder=question, layout={**WIDE, "height": "70px"}, continuous_update=False)
            area.observe(lambda _change: self.work.set("message_box", self.message_box()), names="value")
            self._box[key] = area
            rows.append(w.VBox([w.HTML(f"<b>{label}</b> <small>{html.escape(question)}</small>"), area]))
        self.box = w.VBox([*self.notice(), *rows])

    def message_box(self) -> dict[str, str]:
        return {key: area.value for key, area in self._box.items()}

    # --- the statement ------------------------------------------------------------------------

    def _build_statement(self) -> None:
        saved = self.work.get("statement", {})
        self._body = w.Dropdown(options=_body_options(), value=saved.get("body") if saved.get("body") in bodies() else None,
                                description="To", layout=WIDE)
        self._mandate = w.HTML()
        self._text = w.Textarea(value=saved.get("text", ""), placeholder=f"Your statement, {MAX_WORDS} words at most",
                                layout={**WIDE, "height": "220px"}, continuous_update=False)
        self._words = w.HTML()
        score = w.Button(description="Score my statement", icon="check")
        score.on_click(lambda _b: self.score_own())
        self._own_score = w.HTML()
        self._author = w.Text(value=saved.get("author", ""), description="Your code", placeholder="e.g. P07, not your name")
        self._folder = w.Text(value=str(self.shared_folder), description="Folder", layout=WIDE)
        export = w.Button(description="Export for peer review", icon="share")
        export.on_click(lambda _b: self.export())
        self._export_result = w.HTML()
        for widget in (self._body, self._text, self._author):
            widget.observe(lambda _change: self._statement_changed(), names="value")
        self._show_body_and_count()
        self.statement = w.VBox([
            self._body, self._mandate, self._text, self._words, score, self._own_score,
            w.HTML("<b>Share it with a colleague</b>"), self._author, self._folder, export, self._export_result,
        ])

    def _statement_changed(self) -> None:
        self.work.set("statement", {"body": self._body.value, "text": self._text.value, "author": self._author.value})
        self._show_body_and_count()

    def _show_body_and_count(self) -> None:
        body = bodies().get(self._body.value)
        self._mandate.value = f"<small><b>What it does:</b> {html.escape(body.mandate)}</small>" if body else ""
        words = word_count(self._text.value)
        colour = "#8b1a1a" if words > MAX_WORDS else "inherit"
        self._words.value = f'<small style="color:{colour}">{words} of {MAX_WORDS} words</small>'

    def bodies_table(self):
        return bodies_table()

    def check_all(self) -> list[Check]:
        if self._body.value is None:
            return [failed("Body: not chosen.", "Choose the body you write to first: the rubric checks that your statement fits it.")]
        return check_all(self._text.value, self._body.value)

    def score_own(self) -> None:
        if self._body.value is None:
            self._own_score.value = _message("error", "Choose the body you write to first: the rubric checks that your statement fits it.")
            return
        self._own_score.value = rubric_html(score_statement(self._text.value, self._body.value))

    def export(self) -> Path | None:
        """Write the statement to the shared folder for a colleague; say where, or what is wrong."""
        self._statement_changed()  # the code may have changed without leaving the box
        try:
            shared = SharedStatement(author=self._author.value.strip(), body=self._body.value,
                                     statement=self._text.value, message_box=self.message_box())
        except ValueError:
            self._export_result.value = _message(
                "error", "To export, choose the body, write the statement, and give a code of letters, "
                "numbers, - or _ (at most 20; not your name).")
            return None
        path = export_statement(Path(self._folder.value).expanduser(), shared)
        self._export_result.value = _message("ok", f"Saved for your colleague: {path}")
        return path

    # --- the peer review ----------------------------------------------------------------------

    def _build_review(self) -> None:
        self._review_path = w.Text(description="File", placeholder=str(self.shared_folder / "statement-P07.json"), layout=WIDE)
        load = w.Button(description="Load the file", icon="folder-open")
        load.on_click(lambda _b: self.load_review())
        self._review_author = w.Text(description="Their code", placeholder="e.g. P07")
        self._review_body = w.Dropdown(options=_body_options(), description="To", layout=WIDE)
        self._review_text = w.Textarea(placeholder="Load your colleague's file above, or paste their statement here",
                                       layout={**WIDE, "height": "200px"})
        score = w.Button(description="Score this statement", icon="check")
        score.on_click(lambda _b: self.score_review())
        self._review_score = w.HTML()
        self._comments = {
            name: w.Textarea(placeholder=f"Your comment on: {name.lower()}", layout={**WIDE, "height": "50px"})
            for name in ("Audience", "Ask", "Evidence", "Solution", "Length", "Overall")
        }
        save = w.Button(description="Save my review", icon="save")
        save.on_click(lambda _b: self.save_review())
        self._review_result = w.HTML()
        self._saved_reviews = w.Dropdown(description="Saved", layout=WIDE)
        self._saved_reviews.observe(lambda change: change["new"] and self.open_review(change["new"]), names="value")
        self._list_reviews()
        comment_rows = [w.VBox([w.HTML(f"<b>{name}</b>"), box]) for name, box in self._comments.items()]
        self.review = w.VBox([
            self._review_path, load, self._review_author, self._review_body, self._review_text, score,
            self._review_score, *comment_rows, save, self._review_result, self._saved_reviews,
        ])

    def load_review(self) -> None:
        try:
            shared = load_statement(Path(self._review_path.value.strip()).expanduser())
        except TrainingkitError as exc:
            self._review_result.value = _message("error", str(exc))
            return
        self._review_author.value, self._review_body.value, self._review_text.value = shared.author, shared.body, shared.statement
        self._review_result.value = _message("ok", f"Loaded the statement of {shared.author} to the {bodies()[shared.body].name}.")
        self.score_review()

    def score_review(self) -> list[Criterion] | None:
        if self._review_body.value is None:
            self._review_score.value = _message("error", "Choose the body the statement is written to.")
            return None
        criteria = score_statement(self._review_text.value, self._review_body.value)
        self._review_score.value = rubric_html(criteria)
        return criteria

    def save_review(self) -> None:
        author = self._review_author.value.strip()
        criteria = self.score_review()
        if criteria is None or not author or not self._review_text.value.strip():
            self._review_result.value = _message("error", "To save a review, give your colleague's code, the body and their statement.")
            return
        reviews = self.work.get("reviews", {})
        reviews[author] = {
            "body": self._review_body.value,
            "statement": self._review_text.value,
            "scores": {c.name: c.points for c in criteria},
            "total": list(total(criteria)),
            "comments": {name: box.value for name, box in self._comments.items()},
            "reviewed": dt.datetime.now().isoformat(timespec="seconds"),
        }
        self.work.set("reviews", reviews)
        self._review_result.value = _message("ok", f"Your review of {author} is saved in your own work file.")
        self._list_reviews()

    def _list_reviews(self) -> None:
        """Offer every saved review in the "Saved" list; choosing one opens it."""
        reviews = self.work.get("reviews", {})
        label = "— open a review you saved —" if reviews else "— no review saved yet —"
        self._saved_reviews.options = [(label, None)] + [
            (f"{author} (to {r['body']}): {r['total'][0]}/{r['total'][1]}, {r['reviewed']}", author)
            for author, r in sorted(reviews.items())
        ]
        self._saved_reviews.value = None

    def open_review(self, author: str) -> None:
        """Put a saved review back into the review widgets, to read or continue it."""
        saved = self.work.get("reviews", {})[author]
        self._review_author.value, self._review_body.value, self._review_text.value = author, saved["body"], saved["statement"]
        for name, box in self._comments.items():
            box.value = saved["comments"].get(name, "")
        self.score_review()
