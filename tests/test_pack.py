"""End to end: `trainingkit pack` from a built copy of the course writes site zips that work from
disk with the network cut, PDFs a trainer can print (A4, numbered, one part per session, the
day's preparation first), and the participant notebooks, which install and run with no internet."""
import functools
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pypdfium2
import pytest
import yaml
from pypdf import PdfReader

from trainingkit.course import load_course
from trainingkit.pack import FACTS_TITLE, HANDOUTS, day_documents, handout_document, make_pack
from trainingkit.pack.notebooks import FOLDER, ZIP_NAME, make_participant_notebooks
from trainingkit.pdf import MARGIN

from browser import keep_screenshot, require_chromium
from coursefactory import KERNEL, code, edit_notebook, front_matter, markdown

pytestmark = pytest.mark.slow(seconds=250)

ANSWER = "PLANTED-MODEL-ANSWER-2b7e"
LONG_CODE = "recruitment_fee_per_worker_in_baht_" * 8  # one unbreakable 280-character line
WIDE_TABLE = "| " + " | ".join(f"Column-heading-{n}-without-any-spaces" for n in range(9)) + " |\n|" + "---|" * 9 + "\n| " + " | ".join(f"value-{n}" for n in range(9)) + " |\n"
FIXTURE = {
    "id": "ex-pack-fixture", "title": "Handout fixture: the recruitment fee case", "minutes": 30,
}
CASE, TASK, STEP, CODE, DEBRIEF, SOLUTION = (f"PLANTED-{w}-TEXT" for w in ("CASE", "TASK", "STEP", "CODE", "DEBRIEF", "SOLUTION"))
WIDGET = "import ipywidgets as w\nw.IntSlider(value=3, description='Days')"


def plant_exercise(root: Path) -> None:
    """A small exercise made for this test, in the toc part the handouts read."""
    nb = nbformat.v4.new_notebook(metadata=dict(KERNEL), cells=[
        markdown(front_matter(FIXTURE, f"## The case\n\nA broker asks for a fee. {CASE}\n")),
        markdown(f"## Your task\n\nDecide what to ask for. {TASK}\n"),
        markdown(f"### Step 1: the table\n\nFill in the table. {STEP}\n"),
        code(f'print("{CODE}")'),
        markdown(f"## Debrief\n\nWhat would you ask ASEAN for? {DEBRIEF}\n"),
        markdown(f"The strongest ask names the fee. {SOLUTION}", tags=["solution"]),
    ])
    (root / "exercises").mkdir(exist_ok=True)
    nbformat.write(nb, root / "exercises/ex-pack-fixture.ipynb")
    toc = yaml.safe_load((root / "_toc.yml").read_text())
    part = next((p for p in toc["parts"] if p["caption"] == "Case exercises"), None)
    if part is None:
        part = {"caption": "Case exercises", "chapters": []}
        toc["parts"].insert(next(i for i, p in enumerate(toc["parts"]) if p["caption"].startswith("Day 5")) + 1, part)
    part["chapters"].append({"file": "exercises/ex-pack-fixture"})
    (root / "_toc.yml").write_text(yaml.safe_dump(toc, sort_keys=False))


def plant_wide_things(root: Path) -> None:
    edit_notebook(next(root.glob("modules/day1/d1-s2-*.ipynb")), lambda nb: nb.cells.extend([
        markdown(f"## Wide things\n\n{WIDE_TABLE}\nThe share is $x^2 + 1$ of all."),
        code(f"{LONG_CODE} = 1\n{WIDGET}"),
        markdown(f"The strongest answer names the MOU. {ANSWER}", tags=["solution"]),
    ]))
    plant_exercise(root)


@pytest.fixture(scope="module")
def packed(book_variant, tmp_path_factory):
    require_chromium()  # the PDFs are printed by it: skipped without it, except in CI where that fails
    with book_variant(plant_wide_things) as (root, _):
        yield root, make_pack(root, wheel_cache=tmp_path_factory.getbasetemp() / "wheelhouse")


@functools.cache  # the module's pack is written once
def pdf_text(path: Path) -> list[str]:
    """Each page's text as a PDF reader shows it, with PDFium (Chromium's own PDF engine: 3 ms a
    page where pypdf takes 50). PDFium marks a word broken over two lines with \\x02."""
    document = pypdfium2.PdfDocument(path)
    try:
        return [re.sub(r"\s+", " ", page.get_textpage().get_text_bounded().replace("\x02", "-")).strip() for page in document]
    finally:
        document.close()


def test_pack_writes_both_sites_five_day_packs_and_the_handouts(packed):
    root, report = packed
    out = root / "_build/pack"
    assert report.problems == []
    assert sorted(p.name for p in report.files) == sorted(
        ["participant-site.zip", "trainer-site.zip", HANDOUTS, ZIP_NAME, *(f"trainer-day-{d}.pdf" for d in range(1, 6))]
    )
    assert all((out / p.name).stat().st_size > 10_000 for p in report.files)


def test_each_site_zip_unpacks_into_its_own_folder_with_the_offline_scripts(packed):
    root, _ = packed
    for edition in ("participant", "trainer"):
        names = set(zipfile.ZipFile(root / f"_build/pack/{edition}-site.zip").namelist())
        top = f"{edition}-site"
        assert {f"{top}/index.html", f"{top}/book/programme.html", f"{top}/_static/offline/requirejs/require.js",
                f"{top}/_static/offline/html-manager/embed-amd.js", f"{top}/_static/offline/mathjax/tex-mml-chtml.js"} <= names
        assert all(n.startswith(f"{top}/") for n in names) and f"{top}/.buildinfo" not in names


RESOURCE = re.compile(r'<(?:script|img|iframe|source)\b[^>]*\bsrc="(https?:[^"]*)"|<link\b[^>]*\bhref="(https?:[^"]*)"[^>]*\brel="(?:stylesheet|preload|modulepreload)"'
                      r'|<link\b[^>]*\brel="(?:stylesheet|preload|modulepreload)"[^>]*\bhref="(https?:[^"]*)"')


def test_no_page_in_the_zips_loads_a_script_style_or_image_from_the_internet(packed):
    root, _ = packed
    for edition in ("participant", "trainer"):
        archive = zipfile.ZipFile(root / f"_build/pack/{edition}-site.zip")
        pages = [n for n in archive.namelist() if n.endswith(".html")]
        assert len(pages) > 20
        remote = {n: m for n in pages for m in RESOURCE.findall(archive.read(n).decode())}
        assert remote == {}


def test_the_participant_zip_holds_no_trainer_material(packed):
    root, _ = packed
    archive = zipfile.ZipFile(root / "_build/pack/participant-site.zip")
    assert "participant-site/_static/forms-qr.png" not in archive.namelist()
    leaks = [n for n in archive.namelist() if any(t in archive.read(n).decode("utf-8", "replace") for t in (ANSWER, SOLUTION, "Trainer notes · not in"))]
    assert leaks == []


def test_the_unzipped_site_renders_from_disk_with_the_network_cut(packed, page, tmp_path):
    root, _ = packed
    zipfile.ZipFile(root / "_build/pack/participant-site.zip").extractall(tmp_path)
    outside = []
    page.route(re.compile(r"^(?!file:|data:)"), lambda route: (outside.append(route.request.url), route.abort()))
    page.goto((tmp_path / "participant-site/modules/day1/d1-s2-migration-in-the-mekong.html").as_uri())
    page.locator(".widget-slider").wait_for(timeout=20_000)  # the widget, drawn by the bundled manager
    page.locator("mjx-container").first.wait_for(timeout=20_000)  # the maths, by the bundled MathJax
    assert page.evaluate("getComputedStyle(document.querySelector('.bd-sidebar-primary')).display") != "none"
    keep_screenshot(page, "offline-participant-session")
    assert outside == []
    assert page.console_errors == []


def test_day_packs_are_a4_numbered_and_open_each_part_with_its_title(packed):
    root, _ = packed
    course = load_course(root)
    for day in course.days:
        path = root / f"_build/pack/trainer-day-{day.number}.pdf"
        reader = PdfReader(path)
        heading = f"Day {day.number}: {day.title}"
        assert reader.metadata.title == f"Trainer pack · {heading}"
        texts = pdf_text(path)
        marks = [(o.title, reader.get_destination_page_number(o)) for o in reader.outline]
        # what to prepare, then the day's facts to re-check (issue 12), then the sessions
        assert [t for t, _ in marks] == [heading, f"Preparing for Day {day.number}", FACTS_TITLE, *(s.title for s in day.sessions)]
        assert marks[0][1] == 0 and [i for _, i in marks] == sorted(set(i for _, i in marks))
        for title, index in marks:
            assert texts[index].startswith(re.sub(r"\s+", " ", title)), (path.name, title)
        assert "Programme Time Session Minutes" in texts[0]
        for number, (page_, text) in enumerate(zip(reader.pages, texts), start=1):
            assert page_.mediabox.width == pytest.approx(595.3, abs=1) and page_.mediabox.height == pytest.approx(841.9, abs=1)  # A4
            footer = f"{course.config.title} · trainer pack · Day {day.number} Page {number} of {len(texts)}"
            assert text.endswith(footer), (path.name, number)
            assert text.removesuffix(footer).strip(), f"{path.name}: page {number} is blank"


def test_day_pack_marks_trainer_notes_and_prints_model_answers_unfolded(packed):
    root, _ = packed
    pages = pdf_text(root / "_build/pack/trainer-day-1.pdf")
    text = " ".join(pages)
    assert "Trainer notes · not in the participant edition" in text
    assert "Run of the session" in text
    answer = next(p for p in pages if ANSWER in p)  # printed, not folded away
    assert f"The strongest answer names the MOU. {ANSWER}" in answer and "Model answer" in answer
    assert "Labour migration in the Mekong Day 1 · 10:45–12:30 · 105 minutes" in text


def test_handouts_hold_the_case_task_and_debrief_of_every_exercise_from_the_participant_edition(packed):
    root, _ = packed
    course = load_course(root)
    path = root / f"_build/pack/{HANDOUTS}"
    reader = PdfReader(path)
    assert [o.title for o in reader.outline] == ["Case exercises", *(e.title for e in course.exercises)]
    text = " ".join(pdf_text(path))
    for token in (CASE, TASK, DEBRIEF):
        assert token in text
    for token in (STEP, CODE, SOLUTION, "Trainer notes"):  # steps and code stay in the notebook
        assert token not in text


def test_printed_documents_fit_the_page_width(packed, page):
    """Long code lines wrap and wide tables shrink to the printed width: nothing is cut off."""
    root, _ = packed
    course = load_course(root)
    jobs = [*day_documents(course, root / "_build/trainer/html", root / "_build/pack").values(),
            handout_document(course, root / "_build/participant/html")]
    width = round((210 - sum(float(MARGIN[k].removesuffix("mm")) for k in ("left", "right"))) / 25.4 * 96)
    page.set_viewport_size({"width": width, "height": 1000})
    page.emulate_media(media="print")
    overflowing = """(width) => [...document.querySelectorAll('table, pre, img, figure, .admonition, div.cell, p')]
        .filter(el => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > width + 1)
        .map(el => el.tagName + ' ' + el.textContent.slice(0, 40))"""
    source = root / "_build/pack/print-check.html"
    for job in jobs:
        source.write_text(job.html)
        page.goto(source.as_uri())
        assert page.evaluate(overflowing, width) == [], job.label
    day1 = jobs[0].html
    assert LONG_CODE in day1 and "Column-heading-8-without-any-spaces" in day1  # the wide things were there



def test_the_day_pack_opens_with_what_to_prepare_for_every_session_of_the_day(packed):
    root, _ = packed
    course = load_course(root)
    day = course.days[4]
    reader = PdfReader(root / f"_build/pack/trainer-day-{day.number}.pdf")
    start = next(reader.get_destination_page_number(o) for o in reader.outline if o.title.startswith("Preparing"))
    first_session = next(reader.get_destination_page_number(o) for o in reader.outline if o.title == day.sessions[0].title)
    plain = lambda t: re.sub(r"\s+", " ", t).translate(str.maketrans({"’": "'", "“": '"', "”": '"'}))  # noqa: E731  Sphinx curls quotes
    text = plain(" ".join(pdf_text(root / f"_build/pack/trainer-day-{day.number}.pdf")[start:first_session]))
    for session in day.sessions:
        for material in session.materials:
            assert plain(material) in text, material


RUN_NOTEBOOKS = """
import json, sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path


def run(path):
    import nbformat
    from nbclient import NotebookClient
    nb = nbformat.read(path, as_version=4)
    try:
        NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
        return path.name, []  # execute() raises at the first failing cell
    except Exception as exc:
        return path.name, [f"{type(exc).__name__}: {str(exc)[-500:]}"]


if __name__ == "__main__":
    with ProcessPoolExecutor(2) as pool:  # each notebook in a kernel of its own, two at a time
        print(json.dumps(dict(pool.map(run, sorted(Path(sys.argv[1]).glob("*.ipynb"))))))
"""


def test_the_participant_notebooks_install_offline_in_a_fresh_venv_and_every_one_runs(packed, tmp_path):
    root, _ = packed
    archive = zipfile.ZipFile(root / f"_build/pack/{ZIP_NAME}")
    names = archive.namelist()
    assert f"{FOLDER}/HOW-TO-OPEN.txt" in names and f"{FOLDER}/datasets/datapackage.yaml" in names
    notebooks = [n for n in names if n.endswith(".ipynb")]
    assert sorted(Path(n).stem for n in notebooks) == sorted(e.id for e in load_course(root).exercises)
    for name in notebooks:
        nb = nbformat.reads(archive.read(name).decode(), as_version=4)
        assert not [c for c in nb.cells if {"trainer", "solution"} & set(c.metadata.get("tags", []))], name
        assert not [c for c in nb.cells if c.get("outputs")], name
    assert not [n for n in names if ANSWER.encode() in archive.read(n) or b"Trainer notes" in archive.read(n)]
    how_to = archive.read(f"{FOLDER}/HOW-TO-OPEN.txt").decode()
    assert "pip install --no-index --find-links wheelhouse -r requirements.txt" in how_to and len(how_to.splitlines()) < 60

    archive.extractall(tmp_path)
    folder = tmp_path / FOLDER
    venv = folder / ".venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home"), "PIP_CONFIG_FILE": "/dev/null"}  # no index, no find-links of this machine
    install = subprocess.run([str(venv / "bin/pip"), "install", "--quiet", "--no-index", "--find-links", "wheelhouse", "-r", "requirements.txt"],
                             cwd=folder, env=env, capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-2000:]
    runner = tmp_path / "run_notebooks.py"
    runner.write_text(RUN_NOTEBOOKS)
    ran = subprocess.run([str(venv / "bin/python"), str(runner), "exercises"], cwd=folder, env=env, capture_output=True, text=True, timeout=1800)
    assert ran.returncode == 0, ran.stderr[-2000:]
    results = json.loads(ran.stdout.strip().splitlines()[-1])
    assert sorted(results) == sorted(Path(n).name for n in notebooks)
    assert {name: errors for name, errors in results.items() if errors} == {}

    # notebooks downloaded from the book's pages, opened away from any course folder, find their
    # data, their quiz and the key their feedback reads
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    fetched = ("ex-minimum-wage.ipynb", "ex-ratification-map.ipynb", "ex-mayday-demands.ipynb")
    for name in fetched:
        (downloads / name).write_bytes((root / f"_build/participant/html/_sources/exercises/{name}").read_bytes())
    ran = subprocess.run([str(venv / "bin/python"), str(runner), str(downloads)], cwd=downloads, env=env, capture_output=True, text=True, timeout=600)
    assert json.loads(ran.stdout.strip().splitlines()[-1]) == {name: [] for name in fetched}


def test_a_second_pack_with_no_internet_takes_every_wheel_from_the_kept_wheelhouse(packed, tmp_path, tmp_path_factory, monkeypatch):
    """A trainer packs again at a venue with no internet: the wheelhouse the first pack kept,
    with the tools the kit's own wheel is built with, is enough."""
    root, _ = packed
    monkeypatch.setenv("PIP_INDEX_URL", "http://127.0.0.1:9/simple")  # nothing listens there: any index request fails
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
    again = make_participant_notebooks(load_course(root), tmp_path, tmp_path_factory.getbasetemp() / "wheelhouse")
    wheels = lambda archive: sorted(n for n in zipfile.ZipFile(archive).namelist() if n.endswith(".whl"))  # noqa: E731
    assert wheels(again) == wheels(root / f"_build/pack/{ZIP_NAME}")
