"""The privacy rule against the attacks of issue 11, and masking that holds."""
import json

import pandas as pd
import pytest

from evaluationcases import daily, tidy
from trainingkit.course import load_course
from trainingkit.evaluation.privacy import mask_text, protect, read_names
from trainingkit.evaluation.summary import summarise
from trainingkit.evaluation.tallies import tallies_from_answers


def end_form(rid, who, overall, recommend):
    return [(rid, "end", who, "2016-06-08T16:10", "", "overall", str(overall)),
            (rid, "end", who, "2016-06-08T16:10", "", "recommend", str(recommend))]


def test_differencing_across_attributes_cannot_give_back_the_lao_unionists(course_dir):
    # every Lao trainee is a unionist: "trade union" (7) minus "Myanmar unionists" would be the 2 Lao
    roster = ([("L0", "Laos", "trade union"), ("L1", "Laos", "trade union")]
              + [(f"M{i}", "Myanmar", "trade union") for i in range(5)]
              + [(f"C{i}", "Cambodia", "NGO") for i in range(6)])
    frame = pd.DataFrame(roster, columns=["participant", "country", "org_type"]).assign(member="yes")
    rows = []
    for i, (who, country, _) in enumerate(roster):
        rows += end_form(f"e{i}", who, 1 if country == "Laos" else 4, 0 if country == "Laos" else 9)
    summary = summarise(tallies_from_answers(tidy(rows), frame), load_course(course_dir), expected=13, min_cell=5)
    published = summary.published().model_dump()
    members = {"total": set(frame["participant"])}  # each published "overall" figure as the set of people behind it
    for attribute, groups in published["breakdowns"].items():
        for group, g in groups.items():
            m = g["means"].get("overall")
            if m and not m["suppressed"]:
                members[f"{attribute}={group}"] = set(frame.loc[frame[attribute] == group, "participant"])
                assert len(members[f"{attribute}={group}"]) == m["n"]
    # no difference of two published figures (one inside the other) isolates 1 to 4 people
    for a, people_a in members.items():
        for b, people_b in members.items():
            if people_b < people_a:
                assert len(people_a - people_b) >= 5, (a, b)
    assert "Laos" not in json.dumps({g: s for g, s in published["breakdowns"]["country"].items() if not s["suppressed"]})


def test_the_audit_finds_a_difference_of_two_attributes_exactly():
    people = {f"L{i}": ("Laos", "union") for i in range(2)} | {f"M{i}": ("Myanmar", "union") for i in range(5)} \
        | {f"C{i}": ("Cambodia", "NGO") for i in range(6)}
    shown = protect(people, ("country", "org_type"), 5)
    # union − Myanmar = Laos (2): union and Myanmar are never both shown
    assert not ("union" in shown["org_type"] and "Myanmar" in shown["country"])
    assert "Laos" not in shown["country"]


def test_a_group_counts_the_people_who_answered_that_question(course_dir):
    # the Cambodia n = 5 bug: five Cambodians sent daily forms, one sent the end-of-course form
    people = [f"K{i}" for i in range(5)] + [f"T{i}" for i in range(6)]
    roster = pd.DataFrame({"participant": people, "country": ["Cambodia"] * 5 + ["Thailand"] * 6, "org_type": "NGO", "member": "yes"})
    rows = []
    for i, who in enumerate(people):
        rows += daily(f"d{i}", who, 1, {"d1-s1": 4})
    for i, who in enumerate(["K0", *people[5:]]):
        rows += end_form(f"e{i}", who, 2 if who == "K0" else 5, 3 if who == "K0" else 10)
    summary = summarise(tallies_from_answers(tidy(rows), roster), load_course(course_dir), expected=11, min_cell=5)
    cambodia = summary.breakdowns["country"]["Cambodia"]
    assert cambodia.n == 5 and cambodia.means["useful"].mean == 4.0
    assert cambodia.means["overall"].suppressed and cambodia.means["overall"].mean is None
    assert cambodia.means["recommend"].suppressed
    # and Thailand's end-form mean is hidden too: the total (7) minus Thailand (6) is K0 alone
    assert summary.breakdowns["country"]["Thailand"].means["overall"].suppressed


def test_one_trainee_alone_on_a_day_is_nowhere_in_the_published_summary(course_dir):
    rows = []
    for i in range(6):
        rows += daily(f"d{i}", f"P{i}", 1, {"d1-s1": 4}, comment="Fine")
    rows += daily("alone", "P0", 2, {"d2-s1": 1}, comment="I am the only one here, P0 from Laos")
    summary = summarise(tallies_from_answers(tidy(rows)), load_course(course_dir), expected=6, min_cell=5)
    assert summary.sessions["d2-s1"]["useful"].suppressed and summary.sessions["d2-s1"]["useful"].n == 1
    assert "d2-s1" not in summary.comments.sessions and "2" not in summary.comments.days
    text = summary.published().to_json()
    assert "only one here" not in text and json.loads(text)["sessions"]["d2-s1"]["useful"]["dist"] is None


@pytest.mark.parametrize("phone", [
    "081 234 5678", "081-234-5678", "081–234–5678", "081—234—5678", "081\u2011234\u20115678", "081\u2212234\u22125678",
    "081/234/5678", "081·234·5678", "+66 (0)81 234 5678", "０８１２３４５６７８",
])
def test_phone_numbers_with_any_separator_are_masked(phone):
    assert mask_text(f"Call {phone} today") == "Call [phone removed] today"


@pytest.mark.parametrize("email", ["a.b@example.org", "a.b＠example.org", "ａｂ＠ｅｘａｍｐｌｅ．ｏｒｇ", "a.b @ example.org"])
def test_e_mails_are_masked_after_normalising_full_width_characters(email):
    assert mask_text(f"Write to {email} now") == "Write to [e-mail removed] now"


def test_years_wages_and_short_numbers_are_not_masked():
    assert mask_text("In 2016 the demand was 421 baht, 12/06 at 9.30") == "In 2016 the demand was 421 baht, 12/06 at 9.30"


def test_names_come_from_a_file_given_at_report_time(tmp_path):
    names = tmp_path / "names.txt"
    names.write_text("# one a line\nSomchai Jaidee\nDara\n", encoding="utf-8")
    read = read_names(names)
    assert {"Somchai Jaidee", "Somchai", "Jaidee", "Dara"} <= set(read)
    assert mask_text("Ask SOMCHAI or Ｄａｒａ; Darafield stays", read) == "Ask [name removed] or [name removed]; Darafield stays"


def test_a_names_file_that_cannot_be_read_is_named(tmp_path):
    bad = tmp_path / "names.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    from trainingkit.errors import TrainingkitError
    with pytest.raises(TrainingkitError, match="names.txt: cannot read the names file"):
        read_names(bad)
