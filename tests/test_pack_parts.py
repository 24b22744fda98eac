"""Parts of the delivery kit that need no browser: the lab folder a trainee works in, the site
zips, the offline assets list, and the messages when something is missing."""
import subprocess
import time
import zipfile
from urllib.request import urlopen

import pytest
from click.testing import CliRunner

from trainingkit.cli import main
from trainingkit.pack import zip_language_sites, zip_site
from trainingkit.offline.assets import EXTRA_DIR, OFFLINE_DIR, npm_modules, offline_assets
from trainingkit.pack.lab import LAB_DIR, lab_command, prepare_lab
from trainingkit.errors import TrainingkitError

from formserver import free_port as _free_port


def fake_participant_src(root):
    src = root / "_build/participant/src"  # where the build stages the participant edition
    for rel, text in {"exercises/ex-a.ipynb": "{}", "exercises/quizzes/ex-a.json": "[]", "modules/day1/d1-s1.ipynb": "{}",
                      "book/index.md": "# Book", "_config.yml": "title: x", "_offline/_static/offline/x.js": ""}.items():
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text(text)
    return src


def test_lab_gets_the_participant_pages_and_the_files_beside_them(tmp_path):
    fake_participant_src(tmp_path)
    folder, copied = prepare_lab(tmp_path)
    assert folder == tmp_path / LAB_DIR
    assert sorted(p.relative_to(folder).as_posix() for p in copied) == [
        "book/index.md", "exercises/ex-a.ipynb", "exercises/quizzes/ex-a.json", "modules/day1/d1-s1.ipynb",
    ]


def test_lab_never_overwrites_a_notebook_the_trainee_worked_in(tmp_path):
    src = fake_participant_src(tmp_path)
    folder, _ = prepare_lab(tmp_path)
    (folder / "exercises/ex-a.ipynb").write_text('{"my": "answers"}')
    (src / "exercises/ex-a.ipynb").write_text('{"rebuilt": true}')
    (src / "exercises/ex-b.ipynb").write_text("{}")
    _, copied = prepare_lab(tmp_path)
    assert copied == [folder / "exercises/ex-b.ipynb"]
    assert (folder / "exercises/ex-a.ipynb").read_text() == '{"my": "answers"}'


def test_lab_without_a_built_participant_edition_says_what_to_run(tmp_path):
    with pytest.raises(TrainingkitError, match=r"build the participant edition first \(trainingkit build --edition participant\)"):
        prepare_lab(tmp_path)


@pytest.mark.slow
def test_jupyterlab_serves_the_lab_folder(tmp_path):
    fake_participant_src(tmp_path)
    folder, _ = prepare_lab(tmp_path)
    port = _free_port()
    proc = subprocess.Popen(lab_command(folder, f"--port={port}", "--no-browser", "--IdentityProvider.token=t0ken", "--allow-root"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(120):
            try:
                body = urlopen(f"http://127.0.0.1:{port}/api/contents/exercises?token=t0ken", timeout=2).read().decode()
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not start")
        assert '"name": "ex-a.ipynb"' in body or '"name":"ex-a.ipynb"' in body
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_zip_site_puts_every_file_under_one_folder_and_leaves_out_the_build_stamp(tmp_path):
    site = tmp_path / "html"
    for rel in ("index.html", "_static/offline/require.js", ".buildinfo"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(rel)
    target = zip_site(site, tmp_path / "out/trainer-site.zip", "trainer-site")
    assert sorted(zipfile.ZipFile(target).namelist()) == ["trainer-site/_static/offline/require.js", "trainer-site/index.html"]


def test_pack_before_a_build_says_to_build_first(course_dir, monkeypatch):
    monkeypatch.setenv("TRAININGKIT_ROOT", str(course_dir))
    result = CliRunner().invoke(main, ["pack"])
    assert result.exit_code == 1
    assert f"{course_dir}/_build/participant/html/index.html is missing: build the book first (trainingkit build)" in result.output


@pytest.mark.slow
def test_offline_assets_hold_the_scripts_the_pages_name():
    files = offline_assets(npm_modules())
    prefix = f"{EXTRA_DIR}/{OFFLINE_DIR}/"
    assert {f"{prefix}requirejs/require.js", f"{prefix}html-manager/embed-amd.js", f"{prefix}mathjax/tex-mml-chtml.js",
            f"{prefix}widgets-setup.js"} <= set(files)
    assert any(name.startswith(f"{prefix}html-manager/") and name.endswith(".woff2") for name in files)  # its icon font
    assert any(name.startswith(f"{prefix}mathjax/output/chtml/fonts/") for name in files)


def test_the_pack_zips_each_shown_language_site_and_names_one_not_built(tmp_path):
    for site in ("participant-km", "participant-th", "participant-lo"):
        (tmp_path / "_build" / site / "html").mkdir(parents=True)
        (tmp_path / "_build" / site / "html/index.html").write_text(site)
    out = tmp_path / "_build/pack"
    out.mkdir()
    (out / "participant-site-lo.zip").write_text("an old pack of a language no longer shown")
    languages = {"en": "source", "km": "pilot", "th": "released", "lo": "planned", "my": "pilot"}
    files, notes = zip_language_sites(tmp_path, languages, out)
    assert [f.name for f in files] == ["participant-site-km.zip", "participant-site-th.zip"]
    assert zipfile.ZipFile(out / "participant-site-km.zip").namelist() == ["participant-site-km/index.html"]
    assert not (out / "participant-site-lo.zip").exists()
    assert notes == ["participant-site-my.zip not written: course.yml shows 'my' (pilot) but its site is not built; "
                     "build it with: trainingkit build --edition participant --lang my"]


def test_the_fonts_for_the_four_scripts_are_bundled_with_their_licence_and_a_missing_one_is_named(monkeypatch, tmp_path):
    from trainingkit.errors import TrainingkitError
    from trainingkit.offline import fonts

    files = fonts.font_assets()
    for stem in ("NotoSansThai", "NotoSansLao", "NotoSansKhmer", "NotoSansMyanmar"):
        for style in ("Regular", "Bold"):
            assert files[f"_static/fonts/{stem}-{style}.ttf"][:4] == b"\x00\x01\x00\x00"  # a TrueType font
    css = files["_static/tk-fonts.css"].decode()
    assert css.count("@font-face") == 8 and 'url("fonts/NotoSansKhmer-Bold.ttf")' in css
    assert b"Open Font License" in files["_static/fonts/LICENSE.txt"] or b"OFL" in files["_static/fonts/LICENSE.txt"]
    monkeypatch.setattr(fonts, "FONT_DIRS", (tmp_path,))
    monkeypatch.delenv("TRAININGKIT_FONT_DIR", raising=False)
    with pytest.raises(TrainingkitError, match="the font NotoSansThai-Regular.ttf is missing .*apt-get install fonts-noto-core"):
        fonts.font_assets()
