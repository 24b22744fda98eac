"""Saved work round-trips outside the notebook; a damaged file is reported and set aside."""
import json

from trainingkit.exercises import Check, SavedWork
from trainingkit.exercises.kit.checks import as_html


def test_answers_are_saved_and_reloaded_on_reopening(tmp_path):
    work = SavedWork("ex-test", tmp_path)
    work.set("demand_1", {"target": "Governor of Chiang Mai", "note": "ค่าแรง 421 บาท"})
    again = SavedWork("ex-test", tmp_path)
    assert again.get("demand_1") == {"target": "Governor of Chiang Mai", "note": "ค่าแรง 421 บาท"}
    assert again.notice is None
    assert json.loads((tmp_path / "ex-test.json").read_text(encoding="utf-8"))["demand_1"]["note"] == "ค่าแรง 421 บาท"


def test_a_damaged_save_file_is_kept_aside_and_the_trainee_is_told(tmp_path):
    (tmp_path / "ex-test.json").write_text('{"demand_1": {"target": ')
    work = SavedWork("ex-test", tmp_path)
    assert work.data == {}
    kept = list(tmp_path.glob("ex-test.unreadable-*.json"))
    assert len(kept) == 1 and kept[0].read_text() == '{"demand_1": {"target": '
    assert work.notice.startswith(f"Your saved work in {tmp_path / 'ex-test.json'} could not be read")
    assert kept[0].name in work.notice
    work.set("demand_1", "fresh")
    assert SavedWork("ex-test", tmp_path).get("demand_1") == "fresh"


def test_the_work_folder_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("TRAININGKIT_WORK_DIR", str(tmp_path / "mine"))
    SavedWork("ex-env").set("a", 1)
    assert (tmp_path / "mine" / "ex-env.json").is_file()


def test_check_results_render_escaped_with_hints_only_for_wrong_answers():
    page = as_html([Check(True, "Target <ok>"), Check(False, "Standard", "Look at C87 & C98")])
    assert "Target &lt;ok&gt;" in page
    assert page.count("Hint:") == 1 and "Look at C87 &amp; C98" in page
