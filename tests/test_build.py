"""End to end: both editions build from the real course; trainer-only material is in the
trainer edition and in no file of the participant edition."""
import re

import nbformat
import pytest

from trainingkit.build import build
from trainingkit.course import load_course
from trainingkit.execute import has_code
from trainingkit.toc import page_file

from coursefactory import REPO, code, edit_notebook, markdown

pytestmark = pytest.mark.slow(seconds=60)

NOTE = "PLANTED-TRAINER-NOTE-7f3a"
ANSWER = "PLANTED-MODEL-ANSWER-91c2"
CODE_ANSWER = "PLANTED-CODE-ANSWER-55d0"
TRAINER_PAGE = "PLANTED-TRAINER-PAGE-c4e1"

def plant_trainer_material(root):
    """A session with a trainer note, a model answer in text and in code, and a trainer page."""
    def plant(nb):
        nb.cells += [
            markdown(f"Ask the quiet trainees first. {NOTE}", tags=["trainer"]),
            markdown(f"The strongest answer names the MOU. {ANSWER}", tags=["solution"]),
            code(f'secret = "{CODE_ANSWER[:-4]}" + "{CODE_ANSWER[-4:]}"', tags=["solution"]),
            code("print(secret)"),
            code('print("visible " + "to all")'),
        ]
    edit_notebook(next(root.glob("modules/day1/d1-s2-*.ipynb")), plant)
    (root / "book/for-trainers.md").write_text(f"---\nedition: trainer\n---\n# For trainers\n\n{TRAINER_PAGE}\n")
    toc = (root / "_toc.yml").read_text().replace("      - file: book/programme\n", "      - file: book/programme\n      - file: book/for-trainers\n")
    (root / "_toc.yml").write_text(toc)


@pytest.fixture(scope="module")
def built(book_variant, shared_build):
    """The session's build of the real course with trainer material planted, rebuilt from it."""
    with book_variant(plant_trainer_material) as (root, first):
        yield root, first, shared_build.cache


def all_text(folder):
    for path in folder.rglob("*"):
        if path.is_file():
            yield path, path.read_bytes().decode("utf-8", errors="replace")


def test_both_editions_have_an_index_page(built):
    root, report, _ = built
    assert report.sites == {
        "participant": root / "_build/participant/html/index.html",
        "trainer": root / "_build/trainer/html/index.html",
    }
    assert all(p.is_file() for p in report.sites.values())


def test_no_file_of_the_participant_edition_holds_trainer_material(built):
    root, _, _ = built
    leaks = [
        (path.relative_to(root).as_posix(), token)
        for path, text in all_text(root / "_build/participant")
        for token in (NOTE, ANSWER, CODE_ANSWER, TRAINER_PAGE)
        if token in text
    ]
    assert leaks == []
    html = root / "_build/participant/html"
    # the places the issue names exist and were searched
    assert (html / "modules/day1/d1-s2-migration-in-the-mekong.html").is_file()
    assert (html / "_sources/modules/day1/d1-s2-migration-in-the-mekong.ipynb").is_file()
    assert "mekong" in (html / "searchindex.js").read_text().lower()
    assert not (html / "book/for-trainers.html").exists()


def test_the_participant_page_keeps_results_that_do_not_need_the_answer(built):
    root, _, _ = built
    page = (root / "_build/participant/html/modules/day1/d1-s2-migration-in-the-mekong.html").read_text()
    assert "visible to all" in page
    nb = nbformat.read(root / "_build/participant/html/_sources/modules/day1/d1-s2-migration-in-the-mekong.ipynb", as_version=4)
    assert not any("trainer" in c.metadata.get("tags", []) or "solution" in c.metadata.get("tags", []) for c in nb.cells)


def test_the_trainer_edition_marks_notes_and_folds_model_answers(built):
    root, _, _ = built
    page = (root / "_build/trainer/html/modules/day1/d1-s2-migration-in-the-mekong.html").read_text()
    notes = re.findall(r'<div class="trainer-notes admonition">\s*<p class="admonition-title">([^<]*)</p>(.*?)</div>', page, re.S)
    assert notes[0][0] == "Materials to prepare · trainer notes"
    assert len(notes) > 3 and {title for title, _ in notes[1:]} == {"Trainer notes · not in the participant edition"}
    # each trainer section is a heading of the page (so it is in the page contents), its text in a box
    assert '<h2>Run of the session<a class="headerlink"' in page
    assert any("Minutes" in body and "Activity" in body for _, body in notes[1:])
    assert NOTE in notes[-1][1]
    assert re.search(r'<div class="dropdown model-answer admonition">\s*<p class="admonition-title">Model answer</p>\s*<p>[^<]*' + ANSWER, page)
    assert CODE_ANSWER in page  # the model answer's own result
    assert "Show model answer" in page
    assert TRAINER_PAGE in (root / "_build/trainer/html/book/for-trainers.html").read_text()


def test_both_editions_show_the_programme_and_session_clock_times(built):
    root, _, _ = built
    for edition in ("participant", "trainer"):
        html = root / f"_build/{edition}/html"
        programme = (html / "book/programme.html").read_text()
        assert "10:45–12:30" in programme and "Lunch" in programme
        assert 'href="../modules/day1/d1-s2-migration-in-the-mekong.html"' in programme
        session = (html / "modules/day1/d1-s2-migration-in-the-mekong.html").read_text()
        assert "Day 1 · 10:45–12:30 · 105 minutes" in session


def test_notebooks_run_once_for_both_editions_and_not_again_when_only_text_changes(built, shared_build):
    root, first, cache = built
    pages = [page_file(REPO, d) for d in load_course(REPO).toc.docnames]
    with_code = [p for p in pages if p.suffix == ".ipynb" and has_code(nbformat.read(p, as_version=4))]
    assert shared_build.executed_cold == len(with_code)  # the cold run: once each, although two editions (and workers) were built
    assert first.executed == 1  # then only the notebook that was given code ran again
    session = next(root.glob("modules/day1/d1-s2-*.ipynb"))
    edit_notebook(session, lambda nb: nb.cells.append(markdown("A new paragraph for trainees.")))
    again = build(root, cache_dir=cache)
    assert again.executed == 0
    assert "A new paragraph for trainees." in (root / "_build/participant/html/modules/day1/d1-s2-migration-in-the-mekong.html").read_text()


def test_the_trainer_report_and_session_boxes_agree_with_the_summary_json(built):
    from trainingkit.evaluation.revise import sessions_to_revise
    from trainingkit.evaluation.sample import sample_summary

    root, _, _ = built
    course = load_course(root)
    summary = sample_summary(course)  # a copied course has no store: the book shows the sample
    html = root / "_build/trainer/html"
    for session in course.sessions:
        useful = summary.sessions.get(session.id, {}).get("useful")
        page = (html / f"{session.docname}.html").read_text()
        if useful is None:
            assert "Pilot feedback" not in page
            continue
        box = re.search(r'<div class="pilot-feedback trainer-notes admonition">(.*?)</div>\s*</div>', page, re.S).group(1)
        if useful.suppressed:
            assert f"not enough answers yet: {useful.n} of the {summary.min_cell} needed" in box
            continue
        assert f"mean <strong>{useful.mean}</strong> of 5 from <strong>n = {useful.n}</strong>" in box
        assert f"{useful.top2_pct} % rated it 4 or 5" in box
    report = (html / "book/evaluation.html").read_text()
    assert "SYNTHETIC DATA" in report and "Key findings" in report and "Method note" in report
    assert f"Net Promoter Score <strong>{summary.nps.score}</strong> (n = {summary.nps.n})" in report
    for row in sessions_to_revise(summary, course):
        assert f'{row["title"]}</a>' in report
    rate = summary.response_rates["pre"]
    assert f"<td>Pre-course form</td><td></td><td>{rate.responded}</td><td>{rate.expected}</td><td>{rate.rate} %</td>" in report
    for junk in ("None", "NaN", "Traceback", "UserWarning"):
        assert junk not in re.sub(r'src="data:[^"]+"', "", report), junk


def test_the_participant_edition_has_no_feedback(built):
    root, _, _ = built
    html = root / "_build/participant/html"
    assert not (html / "book/evaluation.html").exists()
    pages = [p.read_text() for p in html.rglob("*.html")]
    assert not any("Pilot feedback" in p or "pilot-feedback" in p for p in pages)


def test_outcomes_come_from_course_yml_wherever_a_page_lists_them(built):
    root, _, _ = built
    page = (root / "_build/participant/html/book/index.html").read_text()
    for outcome in load_course(root).config.outcomes:
        assert outcome.text.split(",")[0] in page


def _ran(root, cache, change):
    """Apply ``change`` to the copied course, rebuild, and say which notebooks ran again."""
    change(root)
    return build(root, cache_dir=cache).executed


def test_new_feedback_re_executes_the_report_page_only(built):
    root, _, cache = built
    sample = root / "datasets/feedback-sample-synthetic.csv"

    def one_answer_changes(root):
        lines = sample.read_text(encoding="utf-8").splitlines(keepends=True)
        i = next(i for i, line in enumerate(lines) if ",overall," in line)
        head, value = lines[i].rstrip("\n").rsplit(",", 1)
        lines[i] = f"{head},{1 if value != '1' else 2}\n"
        sample.write_text("".join(lines), encoding="utf-8")

    assert _ran(root, cache, one_answer_changes) == 1  # book/evaluation.ipynb, no exercise


def test_editing_one_dataset_re_executes_only_the_exercise_that_declares_it(built):
    root, _, cache = built
    users = [e for e in load_course(root).exercises if "datasets/stakeholders.csv" in e.meta.datasets]
    assert len(users) == 1

    def touch_stakeholders(root):
        path = root / "datasets/stakeholders.csv"
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # a blank line: same data

    assert _ran(root, cache, touch_stakeholders) == 1


def test_a_rebuild_with_nothing_staged_changed_runs_no_sphinx_and_a_failed_run_is_redone(built, monkeypatch):
    import trainingkit.build as building

    root, _, cache = built
    build(root, cache_dir=cache)  # whatever earlier tests changed is now built
    rounds, real = [], building._run_round
    monkeypatch.setattr(building, "_run_round", lambda layout, names: rounds.append(list(names)) or real(layout, names))
    report = build(root, cache_dir=cache)
    assert rounds == [] and report.sites["trainer"].is_file() and report.sites["participant"].is_file()
    (root / "_build/trainer" / building.SPHINX_STAMP).unlink()  # what a failed Sphinx run leaves
    build(root, cache_dir=cache)
    assert rounds == [["trainer"]]
    (root / "_build/participant/src/book/extra-page.md").write_text("# Not in the toc\n", encoding="utf-8")
    build(root, cache_dir=cache)  # the stray staged file is removed: the site changes
    assert rounds == [["trainer"], ["participant"]]
