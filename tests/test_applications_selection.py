"""The selection is exact and keeps every bound; ties go by a seeded draw; a withdrawal promotes
the best-placed applicant whose entry keeps every bound; reviewers never score their own
organisation."""
from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from apphelpers import rubric
from trainingkit.applications.assignment import AssignmentError, assign, loads
from trainingkit.applications.decisions import SELECTED, WAITLIST, WITHDRAWN, decide
from trainingkit.applications.selection import Candidate, SelectionError, draw, effective_minimums, keeps_bounds, select
from trainingkit.applications.waitlist import withdraw

COUNTRIES = ["Laos", "Thailand", "Vietnam"]


def people(specs) -> list[Candidate]:
    """(country, organisation, score) → candidates with a draw in list order."""
    return [Candidate(f"A{i:02d}", c, o, s, i + 1) for i, (c, o, s) in enumerate(specs)]


def brute_force(candidates, selection) -> int:
    """The best total (in thousandths) over every subset that keeps every bound."""
    mins = effective_minimums(candidates, selection)
    best = None
    for size in range(len(candidates) + 1):
        for subset in itertools.combinations(candidates, size):
            if not keeps_bounds(list(subset), selection, mins):
                total = sum(c.points for c in subset)
                best = total if best is None else max(best, total)
    return best


def total(codes, candidates) -> int:
    return sum(c.points for c in candidates if c.applicant in codes)


calls = st.lists(st.tuples(st.sampled_from(COUNTRIES), st.sampled_from(["Org A", "org a ", "Org B", "Org C", "Org D"]),
                           st.integers(5, 30).map(lambda n: n / 2)), min_size=0, max_size=11)
limits = st.fixed_dictionaries({
    "places": st.integers(1, 5),
    "org_cap": st.one_of(st.none(), st.integers(1, 3)),
    "laos": st.tuples(st.integers(0, 2), st.integers(0, 3)).map(sorted),
    "thailand": st.tuples(st.integers(0, 2), st.integers(0, 3)).map(sorted),
})


def selection_for(limit):
    return rubric(places=max(limit["places"], limit["laos"][0] + limit["thailand"][0]), org_cap=limit["org_cap"],
                  countries={"Laos": {"min": limit["laos"][0], "max": limit["laos"][1]},
                             "Thailand": {"min": limit["thailand"][0], "max": limit["thailand"][1]}})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(calls, limits)
def test_the_selection_is_the_best_that_keeps_every_bound(specs, limit):
    candidates, selection = people(specs), selection_for(limit)
    mins = effective_minimums(candidates, selection)
    try:
        chosen = select(candidates, selection)
    except SelectionError:
        assert brute_force(candidates, selection) is None, "the solver gave up on a call that has a selection"
        return
    assert keeps_bounds([c for c in candidates if c.applicant in chosen], selection, mins) == []
    assert total(chosen, candidates) == brute_force(candidates, selection)


@settings(max_examples=80, deadline=None)
@given(calls, limits, st.data())
def test_withdrawals_keep_every_bound(specs, limit, data):
    candidates, selection = people(specs), selection_for(limit)
    try:
        chosen = select(candidates, selection)
    except SelectionError:
        return
    by_code = {c.applicant: c for c in candidates}
    rows = decide(candidates, chosen, {}, selection)
    mins = effective_minimums(candidates, selection)
    for _ in range(data.draw(st.integers(0, 3))):
        active = [r["applicant"] for r in rows if r["status"] != WITHDRAWN]
        if not active:
            break
        rows, _message = withdraw(rows, data.draw(st.sampled_from(active)), by_code, selection)
        selected = [by_code[r["applicant"]] for r in rows if r["status"] == SELECTED]
        broken = keeps_bounds(selected, selection, mins)
        # Only a minimum may go unmet, and only when no one waiting could restore it.
        assert all("minimum" in b for b in broken)
        waiting = [r for r in rows if r["status"] == WAITLIST]
        assert [r["position"] for r in sorted(waiting, key=lambda r: r["position"])] == list(range(1, len(waiting) + 1))


def test_solver_agrees_with_brute_force_on_a_call_where_the_greedy_choice_is_wrong():
    # Laos needs one place: the best set is not the three best scores.
    candidates = people([("Thailand", "Org A", 10), ("Thailand", "Org B", 9), ("Vietnam", "Org C", 8), ("Laos", "Org D", 2)])
    selection = rubric(places=3, countries={"Laos": {"min": 1, "max": 2}, "Thailand": {"min": 0, "max": 2}})
    chosen = select(candidates, selection)
    assert chosen == ["A00", "A01", "A03"]
    assert total(chosen, candidates) == brute_force(candidates, selection) == 21_000


def test_the_organisation_cap_compares_names_as_people_write_them():
    candidates = people([("Vietnam", "Org A", 10), ("Vietnam", " org  A", 9), ("Vietnam", "Org B", 1)])
    assert select(candidates, rubric(places=2, countries={}, org_cap=1)) == ["A00", "A02"]


def test_ties_are_broken_by_the_seeded_draw_reproducibly():
    codes = [f"A{i:02d}" for i in range(6)]
    first, again = draw(codes, 7), draw(codes, 7)
    assert first == again and sorted(first.values()) == list(range(1, 7))
    assert draw(codes, 8) != first
    candidates = [Candidate(c, "Vietnam", "Org " + c, 5.0, first[c]) for c in codes]
    chosen = select(candidates, rubric(places=2, countries={}, org_cap=None))
    assert chosen == sorted(c for c in codes if first[c] in (1, 2))


def test_a_call_whose_minimums_cannot_be_met_says_so():
    candidates = people([("Laos", "Org A", 5), ("Laos", "Org A", 4)])
    with pytest.raises(SelectionError, match="no selection meets every bound"):
        select(candidates, rubric(places=2, org_cap=1, countries={"Laos": {"min": 2}}))


def test_each_line_says_why():
    candidates = people([("Thailand", "Org A", 10), ("Thailand", "Org B", 9), ("Thailand", "Org C", 8), ("Laos", "Org D", 2)])
    selection = rubric(places=3, waitlist=1)
    rows = {r["applicant"]: r for r in decide(candidates, select(candidates, selection), {"A99": ["not endorsed by the organisation"]}, selection)}
    assert rows["A03"]["reason"] == "selected: score 2.00, rank 4 of 4 eligible; taken so that Laos has its minimum of 1"
    assert rows["A02"]["reason"] == ("waitlist 1: score 8.00, rank 3 of 4 eligible; not selected because Thailand already "
                                     "has its maximum of 2 selected")
    assert rows["A99"]["reason"] == "not eligible: not endorsed by the organisation"


def test_a_withdrawal_promotes_the_best_placed_whose_entry_keeps_the_bounds():
    # Laos is at its minimum of 1: when the Laotian withdraws, only a Laotian can take the place.
    candidates = people([("Thailand", "Org A", 10), ("Laos", "Org B", 9), ("Thailand", "Org C", 8), ("Laos", "Org D", 3)])
    selection = rubric(places=2, waitlist=3, countries={"Laos": {"min": 1, "max": 2}, "Thailand": {"max": 2}})
    rows = decide(candidates, select(candidates, selection), {}, selection)
    assert [r["applicant"] for r in rows if r["status"] == WAITLIST] == ["A02", "A03"]
    rows, message = withdraw(rows, "A01", {c.applicant: c for c in candidates}, selection)
    assert message == "A01 withdrawn; A03 takes the place (was waitlist 2)"
    assert sorted(r["applicant"] for r in rows if r["status"] == SELECTED) == ["A00", "A03"]
    assert [(r["applicant"], r["position"]) for r in rows if r["status"] == WAITLIST] == [("A02", 1)]


def test_with_no_one_to_keep_the_bounds_the_place_stays_open():
    candidates = people([("Thailand", "Org A", 10), ("Laos", "Org B", 9), ("Thailand", "Org C", 8)])
    selection = rubric(places=2, countries={"Laos": {"min": 1}})
    rows = decide(candidates, select(candidates, selection), {}, selection)
    rows, message = withdraw(rows, "A01", {c.applicant: c for c in candidates}, selection)
    assert message == "A01 withdrawn; no one on the waitlist keeps every bound, so the place stays open (Laos: 0 selected, minimum 1)"


# -- assignment --------------------------------------------------------------------------------

def test_no_reviewer_scores_their_own_organisation_and_loads_are_balanced():
    applicants = [(f"A{i:02d}", ["Org A", "org a", "Org B", "Org C"][i % 4]) for i in range(30)]
    reviewers = [("R1", "Org A"), ("R2", "ORG B"), ("R3", "Secretariat"), ("R4", "Secretariat")]
    pairs = assign(applicants, reviewers, 2, seed=1)
    orgs = {a: o.casefold() for a, o in applicants} | {r: o.casefold() for r, o in reviewers}
    assert all(orgs[a].strip() != orgs[r] for a, r in pairs)
    per_applicant = {a: [r for x, r in pairs if x == a] for a, _ in applicants}
    assert all(len(set(rs)) == 2 for rs in per_applicant.values())
    # R1 may take only the 14 applicants of Org B and Org C: it takes them all, the others share the rest.
    load = loads(pairs)
    assert load["R1"] == 14 and sorted(load[r] for r in ("R2", "R3", "R4")) == [15, 15, 16]


def test_without_conflicts_loads_differ_by_at_most_one():
    pairs = assign([(f"A{i:02d}", f"Org {i}") for i in range(31)], [(f"R{i}", "Secretariat") for i in range(4)], 2, seed=3)
    assert sorted(loads(pairs).values()) == [15, 15, 16, 16]


def test_an_applicant_with_too_few_independent_reviewers_is_named():
    with pytest.raises(AssignmentError, match="1 applicant\\(s\\) have fewer than 2 reviewers outside their organisation: A01"):
        assign([("A01", "Org A"), ("A02", "Org C")], [("R1", "Org A"), ("R2", "Org B")], 2)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Org A", "Org B", "Org C", "Org D"]), min_size=1, max_size=40),
       st.lists(st.sampled_from(["Org A", "Org B", "Secretariat"]), min_size=2, max_size=5), st.integers(2, 3))
def test_assignments_never_conflict_and_give_each_applicant_k_reviewers(app_orgs, reviewer_orgs, k):
    applicants = [(f"A{i:02d}", o) for i, o in enumerate(app_orgs)]
    reviewers = [(f"R{i}", o) for i, o in enumerate(reviewer_orgs)]
    try:
        pairs = assign(applicants, reviewers, k, seed=5)
    except AssignmentError:
        assert any(sum(ro != ao for _, ro in reviewers) < k for _, ao in applicants)
        return
    org = dict(applicants) | dict(reviewers)
    assert all(org[a] != org[r] for a, r in pairs)
    assert all(sorted(r for x, r in pairs if x == a) == sorted(set(r for x, r in pairs if x == a)) and
               len([r for x, r in pairs if x == a]) == k for a, _ in applicants)
    if all(o == "Secretariat" for o in reviewer_orgs):
        load = {r: 0 for r, _ in reviewers} | loads(pairs)
        assert max(load.values()) - min(load.values()) <= 1
