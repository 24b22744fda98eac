"""Where the build puts things: one layout, the same paths on disk as every user's notes say."""
from pathlib import Path

from trainingkit.paths import BuildLayout

ROOT = Path("/courses/mekong")


def test_each_edition_has_its_sources_and_its_site_under_build():
    layout = BuildLayout(ROOT)
    assert layout.root == ROOT / "_build"
    assert layout.src("participant") == ROOT / "_build/participant/src"
    assert layout.html("trainer") == ROOT / "_build/trainer/html"
    assert layout.html("participant-th") == ROOT / "_build/participant-th/html"
    assert layout.doctrees("trainer") == ROOT / "_build/trainer/.doctrees"
    assert layout.static("trainer") == ROOT / "_build/trainer/html/_static"


def test_the_shared_outputs_of_a_build_and_a_pack():
    layout = BuildLayout(ROOT)
    assert layout.execution == ROOT / "_build/.execution"
    assert layout.summary == ROOT / "_build/evaluation-summary.json"
    assert layout.gettext == ROOT / "_build/gettext"
    assert layout.pack == ROOT / "_build/pack"
    assert layout.wheelhouse == ROOT / "_build/wheelhouse"


def test_a_relative_course_root_gives_the_same_absolute_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert BuildLayout(Path("course")).src("trainer") == tmp_path / "course/_build/trainer/src"
