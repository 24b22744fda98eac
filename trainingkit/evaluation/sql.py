"""Tallies computed inside the feedback store, so a summary never loads every answer.

In one connection:
1. the responses that count — the latest per (participant, form, occasion), with their
   occasion — go into a temporary table (one pass over the responses);
2. ONE pass over their answers groups them by form, occasion, session, question and value,
   gathering open text as JSON when it is wanted, so the 2 million answers of a large store
   are read once;
3. the pre- and post-course competence answers are paired by a join through the index and
   counted per (pre, post) value, at most 25 rows per item;
4. with a roster, the group breakdowns' answers (usefulness, overall, recommend) summed per
   person, since the privacy rule counts the people behind each figure.
The result is the same ``Tallies`` that ``tallies.py`` computes with pandas; a test checks that
they agree on SQLite and PostgreSQL.
"""
from __future__ import annotations

import json

import pandas as pd
from sqlalchemy import Engine, inspect, text

from .tallies import Tallies, tidy_roster
from .vocabulary import CHOICE_QUESTIONS, GROUP_MEANS, SCALE_QUESTIONS, TEXT_QUESTIONS

_IN = lambda names: ", ".join(f"'{n}'" for n in sorted(names))  # noqa: E731  fixed ids, not user input
KEPT_TABLE = "tk_kept"

_OCCASIONS = """
WITH occ AS (
  SELECT r.response_id, r.form_id, COALESCE(r.participant, '') AS participant, r.submitted_at,
    CASE r.form_id
      WHEN 'daily' THEN COALESCE(
        (SELECT a.value FROM answers a WHERE a.response_id = r.response_id AND a.session = '' AND a.question = 'day'),
        (SELECT substr(min(a.session), 2, 1) FROM answers a WHERE a.response_id = r.response_id AND a.session <> ''),
        '')
      WHEN 'followup' THEN COALESCE(
        (SELECT a.value FROM answers a WHERE a.response_id = r.response_id AND a.session = '' AND a.question = 'round'), '')
      ELSE '' END AS occasion
  FROM responses r WHERE r.cohort = :cohort
)"""
# The latest response per (participant, form, occasion), ties broken by the larger response id.
# PostgreSQL: a window. SQLite: a GROUP BY on max(submitted_at || '|' || response_id), a third
# faster; submitted_at is stored at a fixed width there, so the text order is the time order.
_LATEST = {
    "postgresql": """, ranked AS (
  SELECT occ.*, ROW_NUMBER() OVER (
    PARTITION BY participant, form_id, occasion ORDER BY submitted_at DESC, response_id DESC) AS rn
  FROM occ
)
SELECT response_id, form_id, participant, occasion, submitted_at FROM ranked WHERE participant = '' OR rn = 1""",
    "sqlite": """
SELECT substr(max(submitted_at || '|' || response_id), length(max(submitted_at)) + 2) AS response_id,
       form_id, participant, occasion, max(submitted_at) AS submitted_at
FROM occ WHERE participant <> '' GROUP BY participant, form_id, occasion
UNION ALL
SELECT response_id, form_id, participant, occasion, submitted_at FROM occ WHERE participant = ''""",
}


# A version the organiser marked to count (``feedback`` versions) replaces the latest one.
_MARKED = f"""
CREATE TEMPORARY TABLE {KEPT_TABLE} AS
SELECT COALESCE(cv.response_id, l.response_id) AS response_id, l.form_id, l.participant, l.occasion,
       COALESCE(r.submitted_at, l.submitted_at) AS submitted_at
FROM tk_latest l
LEFT JOIN counted_versions cv ON cv.cohort = :cohort AND cv.participant = l.participant
     AND cv.form_id = l.form_id AND cv.occasion = l.occasion
LEFT JOIN responses r ON r.response_id = cv.response_id
"""


def kept_sql(dialect: str, marks: bool = False) -> list[str]:
    """The statements that fill the kept table; ``marks``: the store has a counted_versions table."""
    if not marks:
        return [f"CREATE TEMPORARY TABLE {KEPT_TABLE} AS" + _OCCASIONS + _LATEST[dialect]]
    return ["DROP TABLE IF EXISTS tk_latest", "CREATE TEMPORARY TABLE tk_latest AS" + _OCCASIONS + _LATEST[dialect],
            _MARKED, "DROP TABLE tk_latest"]


REPLACED = f"SELECT (SELECT count(*) FROM responses WHERE cohort = :cohort) - (SELECT count(*) FROM {KEPT_TABLE}) AS replaced"


_TEXT = f"a.question IN ({_IN(TEXT_QUESTIONS)})"
_MEMBER = "CASE WHEN p.member IS NULL THEN '' WHEN p.member THEN 'yes' ELSE 'no' END"
# Open text gathered per group as JSON [[submitted_at, response_id, text], …]; the dialects
# name the functions differently.
_GATHER = {
    "sqlite": "json_group_array(json_array(k.submitted_at, k.response_id, a.value)) FILTER (WHERE {text})",
    "postgresql": "json_agg(json_build_array(k.submitted_at, k.response_id, a.value)) FILTER (WHERE {text})",
}
ONE_PASS = """
SELECT k.form_id, k.occasion, a.session, a.question,
       CASE WHEN {text} THEN '' ELSE a.value END AS value,
       count(*) AS n,
       {gather} AS texts
FROM {kept} k
JOIN answers a ON a.response_id = k.response_id
WHERE (a.question IN ({wanted}) OR a.question LIKE 'c\\_%' ESCAPE '\\') AND trim(a.value) <> ''
GROUP BY k.form_id, k.occasion, a.session, a.question, 5
"""

# Pre/post pairs counted in the store: each trainee's two answers to a c_* item, joined.
PAIRS = f"""
SELECT b.question, b.value AS pre, c.value AS post, count(*) AS count
FROM {KEPT_TABLE} kb
JOIN {KEPT_TABLE} kc ON kc.participant = kb.participant AND kc.form_id = 'post'
JOIN answers b ON b.response_id = kb.response_id
JOIN answers c ON c.response_id = kc.response_id AND c.session = b.session AND c.question = b.question
WHERE kb.form_id = 'pre' AND kb.participant <> '' AND b.question LIKE 'c\\_%' ESCAPE '\\'
  AND trim(b.value) <> '' AND trim(c.value) <> ''
GROUP BY b.question, b.value, c.value
"""

_PERSON = "CASE WHEN k.participant <> '' THEN k.participant ELSE 'anon:' || k.response_id END"
# Per person, for the group breakdowns: the privacy audit needs people, not answers.
PERSON_SCORES = f"""
SELECT {_PERSON} AS person, a.question, count(*) AS n, sum(CAST(a.value AS INTEGER)) AS total
FROM {KEPT_TABLE} k JOIN answers a ON a.response_id = k.response_id
WHERE a.question IN ({_IN(GROUP_MEANS)}) AND trim(a.value) <> ''
GROUP BY 1, a.question
"""
PERSONS = f"SELECT DISTINCT {_PERSON} AS person FROM {KEPT_TABLE} k"

RESPONDENTS = f"""
SELECT form_id, occasion,
       count(DISTINCT CASE WHEN participant <> '' THEN participant ELSE 'anon:' || response_id END) AS responded
FROM {KEPT_TABLE} GROUP BY form_id, occasion
"""

ROSTER = f"""
SELECT p.participant, COALESCE(p.country, '') AS country, COALESCE(p.org_type, '') AS org_type, {_MEMBER} AS member
FROM participants p WHERE p.cohort = :cohort ORDER BY p.participant
"""


def _frame(conn, sql: str, cohort: str) -> pd.DataFrame:
    result = conn.execute(text(sql), {"cohort": cohort})
    # plain tuples: pandas inspects every SQLAlchemy Row object otherwise, which costs more than the query
    return pd.DataFrame([tuple(r) for r in result], columns=list(result.keys()))


def _one_pass_sql(dialect: str, texts: bool = True) -> str:
    wanted = _IN(SCALE_QUESTIONS | CHOICE_QUESTIONS | TEXT_QUESTIONS)
    return ONE_PASS.format(text=_TEXT, gather=_GATHER[dialect].format(text=_TEXT) if texts else "NULL",
                           kept=KEPT_TABLE, wanted=wanted)


def tallies_from_store(engine: Engine, cohort: str, texts: bool = True) -> Tallies:
    """``texts=False``: open text is counted but not read (a published summary shows none)."""
    with engine.connect() as conn:
        conn.execute(text(f"DROP TABLE IF EXISTS {KEPT_TABLE}"))
        marks = inspect(conn).has_table("counted_versions")
        for statement in kept_sql(engine.dialect.name, marks):
            conn.execute(text(statement), {"cohort": cohort})
        conn.execute(text(f"CREATE INDEX {KEPT_TABLE}_id ON {KEPT_TABLE} (response_id)"))
        conn.execute(text(f"CREATE INDEX {KEPT_TABLE}_who ON {KEPT_TABLE} (participant, form_id)"))
        rows = _frame(conn, _one_pass_sql(engine.dialect.name, texts), cohort)
        respondents = _frame(conn, RESPONDENTS, cohort)
        pairs = _frame(conn, PAIRS, cohort)
        roster = _frame(conn, ROSTER, cohort)
        # per person only for the group breakdowns, which need a roster
        person_scores = _frame(conn, PERSON_SCORES, cohort) if len(roster) else pd.DataFrame(columns=["person", "question", "n", "total"])
        persons = _frame(conn, PERSONS, cohort)
        n_replaced = int(conn.execute(text(REPLACED), {"cohort": cohort}).scalar() or 0)
        conn.execute(text(f"DROP TABLE {KEPT_TABLE}"))
        conn.rollback()
    out = _tallies(rows, respondents, pairs, person_scores, persons, roster, texts)
    out.replaced = n_replaced
    return out


def _tallies(rows, respondents, pairs, person_scores, persons, roster, read_texts: bool = True) -> Tallies:
    questions = set(rows["question"].unique())  # a few dozen ids: test them, not 100,000 cells
    competence = {q for q in questions if q.startswith("c_")}
    scale = rows[rows["question"].isin(SCALE_QUESTIONS | competence)].assign(value=lambda d: pd.to_numeric(d["value"], errors="coerce")).dropna(subset=["value"])
    scale = scale.assign(value=scale["value"].astype(int))
    scale_counts = scale.groupby(["form_id", "occasion", "session", "question", "value"])["n"].sum().rename("count").reset_index()

    pairs = pairs.assign(pre=pd.to_numeric(pairs["pre"], errors="coerce"), post=pd.to_numeric(pairs["post"], errors="coerce"))
    pairs = pairs.dropna(subset=["pre", "post"]).astype({"pre": int, "post": int, "count": int})

    chosen = rows[rows["question"].isin(CHOICE_QUESTIONS)]
    exploded = chosen.assign(value=chosen["value"].str.split()).explode("value")
    choices = exploded.groupby(["form_id", "occasion", "question", "value"])["n"].sum().rename("count").reset_index()
    choice_respondents = chosen.groupby(["form_id", "occasion", "question"])["n"].sum().rename("respondents").reset_index()

    text_rows = rows[rows["question"].isin(TEXT_QUESTIONS)]
    texts = _texts(text_rows) if read_texts else _texts(text_rows.iloc[0:0])
    text_counts = text_rows.groupby(["form_id", "occasion", "question"])["n"].sum().rename("count").reset_index()

    person_scores = person_scores.astype({"n": int, "total": int})
    return Tallies(scale_counts, respondents, pairs, choices, choice_respondents, texts,
                   person_scores.sort_values(["person", "question"]).reset_index(drop=True), persons, tidy_roster(roster),
                   text_counts, read_texts)


def _texts(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per open-text answer, oldest first (then by response id), from the gathered JSON."""
    out = []
    for row in rows.itertuples(index=False):
        gathered = row.texts if isinstance(row.texts, list) else json.loads(row.texts or "[]")
        out += [(str(at), rid, row.form_id, row.occasion, row.session, row.question, value) for at, rid, value in gathered]
    frame = pd.DataFrame(out, columns=["at", "rid", "form_id", "occasion", "session", "question", "value"])
    return frame.sort_values(["at", "rid"], kind="stable").drop(columns=["at", "rid"]).reset_index(drop=True)
