"""Timing tables get real clock times from the session's place in the programme, with the
minutes from its start alongside; nothing else in the text changes."""
import datetime as dt

from trainingkit.clocktimes import CLOCK_HEADING, clock_span, with_clock_times

RUN = """### Run of the session

Clock times are minutes from the start of the session; *Objectives* are the numbers of the objectives each activity practises.

| Clock | Minutes | Activity | Objectives |
|---|---|---|---|
| 0–10 | 10 | Welcome | – |
| 10–95 | 85 | Group work | 1, 2 |
| Total | 95 | | |

| Country | Year |
|---|---|
| 0–10 | not a time |
"""


def test_minutes_from_the_start_become_the_time_of_day_with_the_minutes_alongside():
    assert clock_span("0–10", dt.time(10, 45)) == "10:45–10:55 (0–10 min)"
    assert clock_span("170-200", dt.time(9, 0)) == "11:50–12:20 (170–200 min)"
    assert clock_span("0:20–0:50", dt.time(9, 0)) == "09:20–09:50 (20–50 min)"
    assert clock_span("Total", dt.time(9, 0)) is None


def test_a_run_table_shows_clock_times_and_says_what_they_are():
    out = with_clock_times(RUN, dt.time(10, 45))
    assert f"| {CLOCK_HEADING} | Minutes | Activity | Objectives |" in out
    assert "| 10:45–10:55 (0–10 min) | 10 | Welcome | – |" in out
    assert "| 10:55–12:20 (10–95 min) | 85 | Group work | 1, 2 |" in out
    assert "| Total | 95 | | |" in out  # not a span: left as it is
    assert "Clock times are the time of day (the session starts at 10:45), with minutes from its start in brackets;" in out
    assert "Clock times are minutes from the start" not in out


def test_other_tables_and_text_are_untouched():
    out = with_clock_times(RUN, dt.time(10, 45))
    assert "| Country | Year |\n|---|---|\n| 0–10 | not a time |" in out
    assert with_clock_times("No table here.\n", dt.time(9, 0)) == "No table here.\n"


def test_the_time_from_the_start_table_of_the_action_day_uses_the_same_format():
    text = "| Time from the start | What happens |\n|---|---|\n| 0:00–0:20 | Briefing |\n| 2:50–3:20 | Return |\n"
    out = with_clock_times(text, dt.time(9, 0))
    assert out.splitlines()[0] == f"| {CLOCK_HEADING} | What happens |"
    assert "| 09:00–09:20 (0–20 min) | Briefing |" in out
    assert "| 11:50–12:20 (170–200 min) | Return |" in out
