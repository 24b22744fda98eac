"""The small parts behind the delivery pages: each edition's configuration, trainer headings
in the page contents, each script once, the widget step, and the participant pack's
requirements and notebooks."""
import json
from types import SimpleNamespace

import nbformat
import pytest

from trainingkit import paths
from trainingkit.editions import EditionError, TRAINER_NOTES_TITLE, render_trainer_notes, trainer_sections
from trainingkit.errors import TrainingkitError
from trainingkit.pack.notebooks import NEEDS, _copy_course_data, how_to, participant_notebook, participant_pyproject, requirement_lines
from trainingkit.siteconfig import edition_config
from trainingkit.sphinx_scripts import each_script_once
from trainingkit.static_site import PREVIEW_TAG, mark_widget_previews

from conftest import REPO
from coursefactory import code, markdown

BASE = {"title": "Book", "html": {"use_issues_button": False}}
SOURCE = {"url": "https://example.org/org/participant-notebooks", "branch": "main", "jupyterhub_url": "https://hub.example.org"}


# --- each edition's configuration --------------------------------------------------------------

def test_without_a_configured_source_no_page_links_to_a_repository_or_a_hub():
    for edition in ("participant", "trainer"):
        config = edition_config({**BASE, "trainingkit": {"participant_source": None}}, edition)
        assert "trainingkit" not in config and "repository" not in config
        assert config["html"]["use_repository_button"] is False
        assert config["launch_buttons"]["jupyterhub_url"] == config["launch_buttons"]["binderhub_url"] == ""


def test_launch_buttons_open_the_participant_only_source_when_it_is_configured():
    config = edition_config({**BASE, "trainingkit": {"participant_source": SOURCE}}, "participant")
    assert config["repository"] == {"url": SOURCE["url"], "branch": "main", "path_to_book": ""}
    assert config["launch_buttons"]["jupyterhub_url"] == "https://hub.example.org"
    assert config["html"]["use_repository_button"] is True


def test_the_trainer_editions_course_repository_button_never_gets_launch_buttons():
    course = {"url": "https://example.org/org/course"}
    config = edition_config({**BASE, "trainingkit": {"participant_source": SOURCE, "course_repository": course}}, "trainer")
    assert config["repository"]["url"] == course["url"]
    assert config["launch_buttons"]["jupyterhub_url"] == ""  # it would open the trainer notebooks


def test_a_source_without_an_address_is_refused_naming_the_key():
    with pytest.raises(TrainingkitError, match="trainingkit.participant_source needs a url"):
        edition_config({**BASE, "trainingkit": {"participant_source": {"branch": "main"}}}, "participant")


def test_every_page_footer_names_both_licences():
    footer = edition_config(BASE, "participant")["html"]["extra_footer"]
    assert "CC BY 4.0" in footer and "MIT" in footer
    assert 'license = { text = "CC-BY-4.0 (content), MIT (code)" }' in (REPO / "pyproject.toml").read_text()


def test_the_real_config_has_no_placeholder_address():
    text = (REPO / "_config.yml").read_text()
    assert "mekong-migration-network.org" not in text and "github.com/mekong-migration-network" not in text


# --- trainer headings ----------------------------------------------------------------------------

def test_a_trainer_notes_headings_stay_outside_its_boxes_raised_to_the_pages_second_level():
    nb = nbformat.v4.new_notebook(cells=[markdown("### Preparation\n\n- Print the map\n\n### Safety\n\nNo photos.", tags=["trainer"])])
    text = render_trainer_notes(nb).cells[0].source
    assert text.startswith("## Preparation\n")
    assert "\n## Safety\n" in text
    assert text.count(f":::{{admonition}} {TRAINER_NOTES_TITLE}") == 2
    assert text.index("- Print the map") < text.index("## Safety") < text.index("No photos.")


def test_headings_inside_code_fences_are_not_sections():
    text = "Intro\n\n```md\n# not a heading\n```\n\n## Real one\n\nBody"
    assert [h for h, _ in trainer_sections(text)] == [None, "## Real one"]


# --- each script once ----------------------------------------------------------------------------

def script(filename, body=""):
    return SimpleNamespace(filename=filename, attributes={"body": body} if body else {})


def test_each_script_is_loaded_once_and_thebe_not_at_all_when_it_is_off():
    app = SimpleNamespace(config=SimpleNamespace(html_theme_options={"launch_buttons": {"thebe": False}}))
    toggle = "var togglebuttonSelector = '.toggle';"
    thebe = 'const THEBE_JS_URL = "https://unpkg.com/thebe";'
    context = {"script_files": [script("a.js"), script("", toggle), script("", thebe), script("_static/sphinx-thebe.js"),
                                script("", toggle), script("", thebe), script("a.js")]}
    each_script_once(app, "page", "page.html", context, None)
    assert [(s.filename, s.attributes.get("body", "")) for s in context["script_files"]] == [("a.js", ""), ("", toggle)]


# --- the static site's widget step -----------------------------------------------------

def test_cells_that_show_a_widget_are_tagged_as_previews():
    view = {"application/vnd.jupyter.widget-view+json": {"model_id": "abc", "version_major": 2, "version_minor": 0}}
    nb = nbformat.v4.new_notebook(cells=[code("w.Text()", outputs=[nbformat.v4.new_output("display_data", data=view)]), code("1 + 1")])
    out = mark_widget_previews(nb)
    assert out.cells[0].metadata["tags"] == [PREVIEW_TAG]
    assert "tags" not in out.cells[1].metadata


# --- the participant notebooks pack --------------------------------------------------------------

def test_the_participant_requirements_are_the_courses_own_pins():
    lines = requirement_lines((REPO / "requirements.txt").read_text())
    assert len(lines) == len(NEEDS) and all("==" in line for line in lines)
    assert any(line.startswith("jupyterlab==") for line in lines) and any(line.startswith("pandas==") for line in lines)
    with pytest.raises(TrainingkitError, match="no pinned version of jupyterquiz"):
        requirement_lines("pandas==2.2.0\n", needs=("pandas", "jupyterquiz"))


def test_the_participant_wheel_depends_only_on_what_the_notebooks_need_and_carries_the_course_data():
    text = participant_pyproject((REPO / "pyproject.toml").read_text())
    deps = text.split("dependencies = [\n", 1)[1].split("]\n", 1)[0]
    assert "jupyter-book" not in deps and "playwright" not in deps and '"pandas",' in deps
    assert f'"trainingkit" = ["{paths.BUNDLED_COURSE}/**/*"]' in text


def test_the_wheels_course_data_holds_every_exercises_quiz_and_key(tmp_path):
    """So a notebook downloaded from the book, with no course folder, finds its quiz and key too."""
    _copy_course_data(REPO, tmp_path)
    for folder in ("exercises/quizzes", "exercises/keys"):
        assert sorted(p.name for p in (tmp_path / folder).iterdir()) == sorted(p.name for p in (REPO / folder).iterdir())
    assert (tmp_path / "datasets/datapackage.yaml").is_file() and (tmp_path / paths.COURSE_FILE).is_file()
    assert not list((tmp_path / "exercises").glob("*.ipynb"))  # data only: the notebooks come from the edition


def test_the_how_to_says_plainly_which_system_the_pack_installs_on_and_what_to_do_on_another(monkeypatch):
    import platform

    monkeypatch.setattr(platform, "system", lambda: "Linux")
    monkeypatch.setattr(platform, "machine", lambda: "x86_64")
    text = how_to(SimpleNamespace(config=SimpleNamespace(title="The course")))
    assert "a laptop with Linux (x86_64) and Python " in text and "works ONLY there" in text
    assert "Another system (for example Windows or macOS) or another Python? Then this pack will not\ninstall." in text
    assert "leave out \"--no-index\"" in text and ".venv/bin/pip install --find-links wheelhouse -r requirements.txt" in text
    assert text.index("works ONLY there") < text.index("1. Unzip this file.")  # said before the steps, not after


def test_a_participant_notebook_has_no_outputs_no_widget_state_and_no_preview_tag(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[code("x = 1", tags=[PREVIEW_TAG, "hide-input"], outputs=[nbformat.v4.new_output("stream", text="1")])])
    nb.metadata["widgets"] = {"state": {}}
    path = tmp_path / "ex.ipynb"
    nbformat.write(nb, path)
    out = participant_notebook(path)
    assert out.cells[0].outputs == [] and out.cells[0].metadata["tags"] == ["hide-input"] and "widgets" not in out.metadata
    nb.cells.append(markdown("The answer", tags=["solution"]))
    nbformat.write(nb, path)
    with pytest.raises(EditionError):
        participant_notebook(path)


def test_outside_any_course_folder_the_course_data_inside_the_package_is_found(tmp_path, monkeypatch):
    package = tmp_path / "site-packages/trainingkit"
    (package / paths.BUNDLED_COURSE).mkdir(parents=True)
    (package / paths.BUNDLED_COURSE / paths.COURSE_FILE).write_text("title: t\n")
    elsewhere = tmp_path / "Downloads"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.delenv("TRAININGKIT_ROOT", raising=False)
    monkeypatch.setattr(paths, "__file__", str(package / "paths.py"))
    assert paths.course_root() == package / paths.BUNDLED_COURSE
    monkeypatch.setattr(paths, "__file__", str(tmp_path / "no-data/trainingkit/paths.py"))
    with pytest.raises(TrainingkitError, match="no course.yml"):
        paths.course_root()


# --- Day 5 is rated --------------------------------------------------------------------------------

def test_the_action_days_sessions_are_rated_in_the_closing_session(forms):
    daily = forms["daily"]
    days = next(f for f in daily.fields if f.name == "day")
    assert "5" in [c.name for c in days.choices]
    rated = {f.session for f in daily.fields if f.question == "useful" and f.day == 5}
    assert rated == {"d5-s1", "d5-s2", "d5-s3"}  # the action, its debrief, the plans; not the closing itself
    closing = nbformat.read(REPO / "modules/day5/d5-s4-evaluation-and-closing.ipynb", as_version=4)
    text = "\n".join(c.source for c in closing.cells)
    assert "## The Day 5 review" in text and "3. Open the daily form, choose Day 5, and rate the three sessions of today." in text


# --- the trainer guide's timeline ----------------------------------------------------------------

def test_the_trainer_guides_timeline_reaches_the_day_before_and_each_morning():
    rows = {line.split("|")[1].strip(): line for line in (REPO / "book/trainer-guide.md").read_text(encoding="utf-8").splitlines()
            if line.startswith("| ")}
    assert "**Preparing for Day N**" in rows["The day before each course day"]
    assert "**Trainer notes, Day N**" in rows["The day before each course day"]
    assert "preparation page" in rows["Each morning"] and "clock times" in rows["Each morning"]
    order = list(rows)
    assert order.index("The day before each course day") < order.index("Each morning")
