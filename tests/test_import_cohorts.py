"""One tidy file naming several cohorts imports whole, on SQLite as on PostgreSQL."""
from __future__ import annotations

import pytest

from test_store import pg_server, pg_url, url  # noqa: F401  the PostgreSQL fixtures
from trainingkit.feedback import FeedbackStore
from trainingkit.errors import ImportRejected
from trainingkit.feedback.imports import import_file, load

A, B = "pilot-2016", "mekong-2027"
HEADER = "response_id,form_id,participant,submitted_at,session,question,value,cohort\n"


def _end(rid, code, overall, cohort) -> str:
    """One end-of-course response: its two required answers."""
    return "".join(f"{rid},end,{code},2027-06-08T16:00,,{q},{v},{cohort}\n" for q, v in (("overall", overall), ("recommend", 9)))


def _store(url, forms):
    store = FeedbackStore(url, forms=forms, cohort=A)
    store.set_roster([{"participant": c, "country": "Thailand", "org_type": "NGO", "member": True} for c in ("P01", "P02")])
    store.set_roster([{"participant": c, "country": "Cambodia", "org_type": "NGO", "member": True} for c in ("Q01", "Q02")],
                     cohort=B)
    return store


def test_a_file_naming_two_cohorts_reads_the_second_roster_inside_its_own_transaction(url, forms, tmp_path, monkeypatch):  # noqa: F811
    """Batches of one: the pilot's first response is written (the transaction holds SQLite's
    write lock) before the 2027 cohort's roster is looked up."""
    monkeypatch.setattr(load, "BATCH", 1)
    store = _store(url, forms)
    path = tmp_path / "two-cohorts.csv"
    path.write_text(HEADER + "".join(_end(*r) for r in (
        ("e1", "P01", 4, A), ("e2", "P02", 5, A), ("e3", "Q01", 3, B), ("e4", "Q02", 4, B))), encoding="utf-8")
    report = import_file(store, path, cohorts=(A, B))
    assert report.stored == 4
    stored = store.responses(form_id="end", cohort=None)
    assert sorted(zip(stored["cohort"], stored["participant"])) == [(B, "Q01"), (B, "Q02"), (A, "P01"), (A, "P02")]
    store.close()


def test_a_code_missing_from_the_second_cohorts_roster_still_refuses_the_whole_file(url, forms, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setattr(load, "BATCH", 1)
    store = _store(url, forms)
    path = tmp_path / "two-cohorts.csv"
    path.write_text(HEADER + _end("e1", "P01", 4, A) + _end("e2", "P02", 4, A) + _end("e3", "P01", 4, B), encoding="utf-8")
    with pytest.raises(ImportRejected, match="P01.*mekong-2027"):
        import_file(store, path, cohorts=(A, B))
    assert store.responses(cohort=None).empty  # nothing half-written
    store.close()
