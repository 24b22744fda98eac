"""Cohorts compared on SQLite and PostgreSQL: the same question ids across form versions, a
renamed session lined up by its id, a moved one by course.yml's moved_sessions, every
difference with its n, and no cell below min_cell."""
from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from test_store import pg_server, pg_url, url  # noqa: F401  the PostgreSQL fixtures
from trainingkit.feedback import FeedbackStore
from trainingkit.followup.compare import as_records, compare, cohorts_in_store
from trainingkit.followup.compare_view import comparison_page, comparison_text

A, B = "pilot-2016", "mekong-2027"


def put(store, cohort, form_id, code, values, n, version=1, session_values=(), at=None):
    """Store one response as an earlier form version stored it (no check against today's form)."""
    rid = f"{cohort}-{form_id}-{code}-{n}"
    response = {"response_id": rid, "cohort": cohort, "form_id": form_id, "form_version": version, "participant": code,
                "source": "tidy", "language": "en", "submitted_at": at or dt.datetime(2016, 6, 8, 16, n % 60)}
    rows = [(rid, "", q, str(v)) for q, v in values.items()] + [(rid, s, q, str(v)) for s, q, v in session_values]
    store.write([(response, rows)])


@pytest.fixture
def two_cohorts(url, forms):  # noqa: F811
    store = FeedbackStore(url, forms=forms, cohort=A)
    # pilot: end overall 4 5 3 4 4 (P01 first said 1, then 4: the later answer counts)
    put(store, A, "end", "P01", {"overall": 1}, 0, at=dt.datetime(2016, 6, 8, 15))
    for i, (overall, useful, old) in enumerate(zip([4, 5, 3, 4, 4], [3, 4, 4, 5, 4], [2, 3, 3, 4, 3])):
        code = f"P0{i + 1}"
        put(store, A, "end", code, {"overall": overall, "recommend": 9}, i + 1)
        # d2-s9 was the old id of the session that is now d3-s1 (it moved to day 3)
        put(store, A, "daily", code, {"day": 1}, i + 10, session_values=[("d1-s2", "useful", useful)])
        put(store, A, "daily", code, {"day": 2}, i + 20, session_values=[("d2-s9", "useful", old)])
    # 2027: a new form version; end overall 5 5 4 4 5 3; only three answer recommend
    for i, overall in enumerate([5, 5, 4, 4, 5, 3]):
        code = f"Q0{i + 1}"
        put(store, B, "end", code, {"overall": overall, **({"recommend": 10} if i < 3 else {})}, i + 1, version=2)
    for i, (useful, moved) in enumerate(zip([4, 4, 5, 5, 5], [4, 4, 4, 4, 4])):
        code = f"Q0{i + 1}"
        put(store, B, "daily", code, {"day": 1}, i + 10, version=2, session_values=[("d1-s2", "useful", useful)])
        put(store, B, "daily", code, {"day": 3}, i + 20, version=2, session_values=[("d3-s1", "useful", moved)])
    yield store
    store.close()


def result(store):
    return compare(store.engine, store.forms, [A, B], 5, {"d2-s9": "d3-s1"}, {"d1-s2": "Labour migration, renamed"})


def test_the_same_question_across_form_versions_compares_with_its_n(two_cohorts):
    row = result(two_cohorts).row("end", "overall")
    assert (row.cells[A].n, row.cells[A].mean) == (5, 4.0)
    assert (row.cells[B].n, row.cells[B].mean) == (6, 4.33)
    d = row.differences[0]
    assert (d.cohort, d.versus, d.diff, d.n, d.n_versus) == (B, A, 0.33, 6, 5)
    assert row.versions == {A: "1", B: "2"}
    assert row.cells[A].sd == 0.71  # sd of 4 5 3 4 4


def test_a_renamed_session_lines_up_by_id_and_a_moved_one_by_moved_sessions(two_cohorts):
    c = result(two_cohorts)
    renamed = c.row("daily", "useful", "d1-s2")
    assert (renamed.cells[A].mean, renamed.cells[B].mean, renamed.differences[0].diff) == (4.0, 4.6, 0.6)
    assert renamed.label == "d1-s2 Labour migration, renamed: useful"
    moved = c.row("daily", "useful", "d3-s1")
    assert (moved.cells[A].n, moved.cells[A].mean, moved.cells[B].mean, moved.differences[0].diff) == (5, 3.0, 4.0, 1.0)
    with pytest.raises(KeyError):
        c.row("daily", "useful", "d2-s9")


def test_a_cell_below_min_cell_is_suppressed_and_so_is_its_difference(two_cohorts):
    row = result(two_cohorts).row("end", "recommend")
    assert row.cells[B].suppressed and row.cells[B].mean is None and row.cells[B].n == 3
    assert row.differences[0].diff is None
    assert "suppressed" in comparison_text(result(two_cohorts))


def test_records_table_and_page_carry_the_same_numbers(two_cohorts):
    c = result(two_cohorts)
    records = [r for r in as_records(c) if (r["form"], r["question"]) == ("end", "overall")]
    assert [(r["cohort"], r["n"], r["mean"], r["diff_vs_first"]) for r in records] == [(A, 5, 4.0, None), (B, 6, 4.33, 0.33)]
    page = comparison_page(c)
    assert "<table" in page and "+0.33 (n=6 vs 5)" in page and 'alt="Cohort comparison.' in page
    assert cohorts_in_store(two_cohorts.engine) == [B, A]


def test_unknown_or_single_cohorts_are_refused(two_cohorts):
    from trainingkit.errors import TrainingkitError

    with pytest.raises(TrainingkitError, match="two or more cohorts"):
        compare(two_cohorts.engine, two_cohorts.forms, [A], 5)
    with pytest.raises(TrainingkitError, match="no answers in the store for cohort\\(s\\) nowhere-2030"):
        compare(two_cohorts.engine, two_cohorts.forms, [A, "nowhere-2030"], 5)


def test_feedback_compare_on_the_command_line(two_cohorts, tmp_path):
    from trainingkit.cli import main

    out = CliRunner().invoke(main, ["feedback", "compare", A, B, "--db", two_cohorts.url, "--format", "json",
                                    "--html", str(tmp_path / "cmp.html")])
    assert out.exit_code == 0, out.output
    assert '"diff_vs_first": 0.33' in out.output and (tmp_path / "cmp.html").is_file()


def test_the_trainer_edition_shows_the_comparison_only_with_two_real_cohorts(two_cohorts):
    from conftest import REPO
    from trainingkit.course import load_course
    from trainingkit.followup.book import cohort_comparison, show_cohorts

    course = load_course(REPO)
    data = cohort_comparison(course, two_cohorts.url)
    assert data["cohorts"] == [A, B]  # the course's own cohort first
    overall = [r for r in data["records"] if (r["form"], r["question"], r["cohort"]) == ("end", "overall", B)]
    assert overall[0]["mean"] == 4.33 and overall[0]["diff_vs_first"] == 0.33
    page = show_cohorts({"cohorts_compared": data}).data
    assert "<table" in page and "+0.33 (n=6 vs 5)" in page and "<img" in page
    assert "No comparison yet" in show_cohorts({"cohorts_compared": None}).data


def test_a_store_with_one_real_cohort_and_its_synthetic_twin_compares_nothing(url, forms):  # noqa: F811
    from conftest import REPO
    from trainingkit.course import load_course
    from trainingkit.followup.book import cohort_comparison

    store = FeedbackStore(url, forms=forms, cohort=A)
    put(store, A, "end", "P01", {"overall": 4}, 1)
    put(store, A + "-synthetic", "end", "P01", {"overall": 4}, 1)
    assert cohort_comparison(load_course(REPO), url) is None
    store.close()


@pytest.fixture
def followup_cohorts(url, forms):  # noqa: F811
    """Month-1 follow-up answers of two cohorts, hand-counted in the tests below."""
    store = FeedbackStore(url, forms=forms, cohort=A)
    at = dt.datetime(2016, 7, 8, 10)
    # pilot: engaged yes yes no yes yes (P05 first said no, then yes: the later one counts unless marked)
    put(store, A, "followup", "P05", {"round": "m1", "engaged": "no"}, 30, at=at - dt.timedelta(days=2))
    actions = ["afml media", "afml", "submission", "training", "afml"]
    for i, (engaged, ticked) in enumerate(zip(["yes", "yes", "no", "yes", "yes"], actions)):
        put(store, A, "followup", f"P0{i + 1}", {"round": "m1", "engaged": engaged, "actions": ticked}, 40 + i, at=at)
    # 2027: engaged yes yes yes no no no; actions afml for all six
    for i, engaged in enumerate(["yes", "yes", "yes", "no", "no", "no"]):
        put(store, B, "followup", f"Q0{i + 1}", {"round": "m1", "engaged": engaged, "actions": "afml"}, 50 + i, version=2,
            at=at + dt.timedelta(days=365 * 11))
    yield store
    store.close()


def test_a_choice_question_compares_the_share_choosing_each_choice_with_its_n(followup_cohorts):
    c = compare(followup_cohorts.engine, followup_cohorts.forms, [A, B], 5)
    yes = c.row("followup", "engaged", choice="yes", occasion="m1")
    assert (yes.measure, yes.cells[A].n, yes.cells[A].mean, yes.cells[B].n, yes.cells[B].mean) == ("share", 5, 80.0, 6, 50.0)
    d = yes.differences[0]
    assert (d.diff, d.n, d.n_versus) == (-30.0, 6, 5)  # percentage points
    assert c.row("followup", "engaged", choice="no", occasion="m1").cells[A].mean == 20.0
    # tick-all-that-apply: % of the 5 who answered; a trainee may tick two, so the shares add up to more than 100
    shares = {ch: c.row("followup", "actions", choice=ch, occasion="m1").cells[A] for ch in ("afml", "media", "training")}
    assert {ch: (cell.n, cell.mean) for ch, cell in shares.items()} == {"afml": (5, 60.0), "media": (5, 20.0), "training": (5, 20.0)}
    assert c.row("followup", "actions", choice="submission", occasion="m1").cells[A].mean == 20.0
    assert c.row("followup", "actions", choice="afml", occasion="m1").cells[B].mean == 100.0
    text = comparison_text(c)
    assert "80.0% (n=5)" in text and "-30.0 pts" in text
    records = [r for r in as_records(c) if (r["question"], r["choice"], r["cohort"]) == ("engaged", "yes", B)]
    assert records == [{**records[0], "measure": "share", "occasion": "m1", "mean": 50.0, "n": 6, "diff_vs_first": -30.0}]
    with pytest.raises(KeyError):
        c.row("followup", "round", choice="m1", occasion="m1")  # the occasion is not compared as a question


def test_a_marked_older_version_is_the_one_the_comparison_counts(followup_cohorts):
    followup_cohorts.mark_version(f"{A}-followup-P05-30")  # P05's first answer, "no"
    c = compare(followup_cohorts.engine, followup_cohorts.forms, [A, B], 5)
    yes = c.row("followup", "engaged", choice="yes", occasion="m1")
    assert (yes.cells[A].n, yes.cells[A].mean, yes.differences[0].diff) == (5, 60.0, -10.0)
    # the marked version has no actions answer: 4 answered it, fewer than min_cell
    afml = c.row("followup", "actions", choice="afml", occasion="m1").cells[A]
    assert (afml.n, afml.suppressed, afml.mean) == (4, True, None)


def test_a_choice_cohort_below_min_cell_is_suppressed_and_so_is_one_that_would_give_it_away(followup_cohorts):
    C = "delta-2028"
    for i, engaged in enumerate(["yes", "no"]):
        put(followup_cohorts, C, "followup", f"R0{i + 1}", {"round": "m1", "engaged": engaged}, 60 + i)
    c = compare(followup_cohorts.engine, followup_cohorts.forms, [A, B, C], 5)
    yes = c.row("followup", "engaged", choice="yes", occasion="m1")
    assert yes.cells[C].suppressed and yes.cells[C].mean is None and yes.cells[C].n == 2
    # the three cohorts' pooled total less A and B would give C's two people: A (the smaller) goes too
    assert yes.cells[A].suppressed and not yes.cells[B].suppressed and yes.cells[B].mean == 50.0
    assert all(d.diff is None for d in yes.differences)


@pytest.fixture
def three_rounds(url, forms):  # noqa: F811
    """Submissions reported in each round: pilot P01-P05 in m1, m3 and m6; 2027 Q01-Q05 in m1 only."""
    store = FeedbackStore(url, forms=forms, cohort=A)
    for r, (round_, values) in enumerate({"m1": [1, 0, 2, 0, 1], "m3": [3, 1, 0, 0, 1], "m6": [0, 0, 0, 5, 0]}.items()):
        for i, v in enumerate(values):
            put(store, A, "followup", f"P0{i + 1}", {"round": round_, "result_submissions": v}, 70 + 10 * r + i,
                at=dt.datetime(2016, 7 + 2 * r, 8, 10, i))
    for i, v in enumerate([2, 2, 1, 0, 0]):
        put(store, B, "followup", f"Q0{i + 1}", {"round": "m1", "result_submissions": v}, 80 + i, version=2,
            at=dt.datetime(2027, 7, 8, 10, i))
    yield store
    store.close()


def test_a_numeric_follow_up_question_compares_round_by_round_with_people_as_n(three_rounds):
    """Five trainees answered three rounds: n is 5 in each round's row, never 15 pooled."""
    c = compare(three_rounds.engine, three_rounds.forms, [A, B], 5)
    m1 = c.row("followup", "result_submissions", occasion="m1")
    assert (m1.cells[A].n, m1.cells[A].mean, m1.cells[B].n, m1.cells[B].mean) == (5, 0.8, 5, 1.0)  # 4/5 and 5/5
    assert m1.differences[0].diff == 0.2 and m1.label.endswith("(m1)")
    m3 = c.row("followup", "result_submissions", occasion="m3")
    assert (m3.cells[A].n, m3.cells[A].mean) == (5, 1.0)
    assert (m3.cells[B].n, m3.cells[B].suppressed, m3.differences[0].diff) == (0, True, None)
    assert c.row("followup", "result_submissions", occasion="m6").cells[A].mean == 1.0
    with pytest.raises(KeyError):
        c.row("followup", "result_submissions")  # no pooled row
    records = [r for r in as_records(c) if r["question"] == "result_submissions" and r["cohort"] == A]
    assert [(r["occasion"], r["n"]) for r in records] == [("m1", 5), ("m3", 5), ("m6", 5)]


def test_a_numeric_cohort_is_suppressed_when_the_others_and_their_total_give_it_away(three_rounds):
    C = "delta-2028"
    for i, v in enumerate([4, 4]):
        put(three_rounds, C, "followup", f"R0{i + 1}", {"round": "m1", "result_submissions": v}, 90 + i,
            at=dt.datetime(2028, 7, 8, 10, i))
    m1 = compare(three_rounds.engine, three_rounds.forms, [A, B, C], 5).row("followup", "result_submissions", occasion="m1")
    assert m1.cells[C].suppressed and m1.cells[C].n == 2  # the threshold alone
    # A (5) and B (5) tie; with both shown, the pooled total less A and B would give C's two: one of them goes
    assert [m1.cells[x].suppressed for x in (A, B)].count(True) == 1
    assert all(d.diff is None for d in m1.differences if d.cohort == C)
