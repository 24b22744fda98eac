"""The programme: clock times from session minutes, breaks from course.yml, each day fresh."""
import datetime as dt
import json

from trainingkit.course import BreakSpec, Day, load_course
from trainingkit.schedule import as_csv, as_json, day_problems, plan_day, programme

from coursefactory import COURSE_YML, standard_day, write_course

BREAKS = tuple(BreakSpec.model_validate(b) for b in COURSE_YML["breaks"])


class _S:  # the scheduler only reads id, title and minutes
    def __init__(self, sid, minutes):
        self.id, self.title, self.minutes = sid, f"Session {sid}", minutes


def day(sessions, number=1, start=dt.time(9), end=dt.time(17), breaks=BREAKS):
    return Day(number, "Test day", start, end, breaks, tuple(_S(s, m) for s, m in sessions))


def times(slots):
    return [(s.id or s.title, f"{s.start:%H:%M}", f"{s.end:%H:%M}") for s in slots]


def test_a_standard_day_places_breaks_and_lunch_between_sessions():
    slots = plan_day(day(standard_day()))
    assert times(slots) == [
        ("d1-s1", "09:00", "10:30"),
        ("Morning break", "10:30", "10:45"),
        ("d1-s2", "10:45", "12:30"),
        ("Lunch", "12:30", "13:30"),
        ("d1-s3", "13:30", "15:00"),
        ("Afternoon break", "15:00", "15:15"),
        ("d1-s4", "15:15", "16:30"),
        ("d1-s5", "16:30", "17:00"),
    ]
    assert day_problems(day(standard_day()), slots, 15) == []


def test_a_break_waits_for_the_session_running_at_its_time():
    # the morning break is due at 10:30 but a session runs 10:00–10:40: the break follows it
    slots = plan_day(day([("d1-s1", 60), ("d1-s2", 40), ("d1-s3", 30)]))
    assert times(slots)[:4] == [
        ("d1-s1", "09:00", "10:00"),
        ("d1-s2", "10:00", "10:40"),
        ("Morning break", "10:40", "10:55"),
        ("d1-s3", "10:55", "11:25"),
    ]


def test_each_day_starts_fresh_at_its_start_time(course_dir):
    course = load_course(course_dir)
    firsts = [next(s for s in programme(course) if s.day == d) for d in (1, 2)]
    assert [(s.id, f"{s.start:%H:%M}") for s in firsts] == [("d1-s1", "09:00"), ("d2-s1", "09:00")]


def test_a_day_override_changes_start_and_breaks(tmp_path):
    config = dict(COURSE_YML, days={2: {"start": "08:30", "breaks": [{"title": "Lunch", "at": "12:00", "minutes": 45}]}})
    course = load_course(write_course(tmp_path, {1: [("d1-s1", 60)], 2: [("d2-s1", 210), ("d2-s2", 60)]}, config))
    day2 = [s for s in programme(course) if s.day == 2]
    assert times(day2) == [("d2-s1", "08:30", "12:00"), ("Lunch", "12:00", "12:45"), ("d2-s2", "12:45", "13:45")]


def test_overflow_names_the_day_and_the_minutes_over():
    sessions = [*standard_day(), ("d1-s6", 40)]
    problems = day_problems(day(sessions), plan_day(day(sessions)), 15)
    assert problems == [
        "day 1 runs to 17:40, 40 minutes past its end at 17:00: shorten sessions or breaks by 40 minutes"
    ]


def test_a_break_that_slips_too_far_is_reported():
    sessions = [("d1-s1", 120), ("d1-s2", 60)]  # morning break due 10:30, taken at 11:00
    problems = day_problems(day(sessions), plan_day(day(sessions)), 15)
    assert problems == [
        "day 1: Morning break starts at 11:00, 30 minutes after its planned 10:30 (at most 15): adjust the sessions before it"
    ]


def test_a_break_swallowed_by_the_last_session_is_reported():
    sessions = [("d1-s1", 90), ("d1-s2", 180)]  # 10:45–13:45 runs through lunch at 12:30
    problems = day_problems(day(sessions), plan_day(day(sessions)), 15)
    assert problems == [
        "day 1: Lunch (12:30) is never taken: the last session, d1-s2, runs from 10:45 to 13:45"
    ]


def test_a_day_that_ends_before_a_break_is_due_is_fine():
    sessions = [("d1-s1", 60)]
    slots = plan_day(day(sessions))
    assert times(slots) == [("d1-s1", "09:00", "10:00")]
    assert day_problems(day(sessions), slots, 15) == []


def test_json_and_csv_list_every_session_with_its_clock_times(course_dir):
    slots = programme(load_course(course_dir))
    rows = json.loads(as_json(slots))
    sessions = [r for r in rows if r["kind"] == "session"]
    assert len(sessions) == 10
    assert sessions[1] == {
        "day": 1, "kind": "session", "id": "d1-s2", "title": "Session d1-s2",
        "start": "10:45", "end": "12:30", "minutes": 105,
    }
    assert as_csv(slots).splitlines()[0] == "day,kind,id,title,start,end,minutes"
    assert "1,break,,Lunch,12:30,13:30,60" in as_csv(slots).splitlines()
