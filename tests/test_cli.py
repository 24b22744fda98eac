"""The command line is a thin skin: each command prints what the library computes."""
import json

from click.testing import CliRunner

from trainingkit.cli import main

from conftest import REPO


def run(args, root, **env):
    return CliRunner().invoke(main, args, env={"TRAININGKIT_ROOT": str(root), **env})


def test_schedule_json_lists_every_session_of_the_real_course_with_clock_times():
    result = run(["schedule", "--format", "json"], REPO)
    assert result.exit_code == 0
    sessions = [r for r in json.loads(result.output) if r["kind"] == "session"]
    assert len(sessions) == 24
    assert set(sessions[0]) == {"id", "title", "day", "start", "end", "minutes", "kind"}
    assert (sessions[0]["id"], sessions[0]["start"], sessions[0]["end"]) == ("d1-s1", "09:00", "10:30")
    last = sessions[-1]
    assert (last["id"], last["day"], last["end"]) == ("d5-s4", 5, "17:00")


def test_schedule_table_and_csv(course_dir):
    table = run(["schedule"], course_dir).output
    assert "  12:30-13:30  break   Lunch (60 min)" in table
    csv = run(["schedule", "--format", "csv"], course_dir).output
    assert csv.splitlines()[1] == "1,session,d1-s1,Session d1-s1,09:00,10:30,90"


def test_check_exits_1_with_file_cell_message_lines(course_dir):
    (course_dir / "book/index.md").write_text("# Test\n\nlorem ipsum\n")
    result = run(["check"], course_dir)
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == "book/index.md: placeholder text 'lorem ipsum': write the real content"


def test_check_passes_on_the_real_course():
    result = run(["check"], REPO)
    assert (result.exit_code, result.output) == (0, "course OK\n")


def test_a_new_process_reads_the_course_without_compiling_the_iri_grammars():
    """Every kernel, Sphinx run and command starts a Python; jsonschema's optional IRI checker
    would compile about 35 Lark grammars in each (0.8 s), for a format the kit never checks."""
    import subprocess
    import sys

    probe = "import sys, trainingkit.course, nbformat, jsonschema; print(sorted(m for m in ('lark', 'rfc3987_syntax') if sys.modules.get(m)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
