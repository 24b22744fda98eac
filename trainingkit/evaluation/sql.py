"""Tallies computed inside the feedback store, so a summary never loads every answer.

The heavy work is one GROUP BY over the answers of the latest response per (participant, form,
occasion), joined with the roster: counts per value and group. Everything else reads only a
slice of the answers (pre/post pairs, choices, comments). The result is the same ``Tallies``
that ``tallies.py`` computes with pandas; a test checks they agree.
"""
from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, text

from .tallies import CHOICE_QUESTIONS, ROSTER_ATTRIBUTES, SCALE_QUESTIONS, TEXT_QUESTIONS, Tallies

_IN = lambda names: ", ".join(f"'{n}'" for n in sorted(names))  # fixed question ids, not user input

# Responses of one cohort with their occasion (the day of a daily form, the round of a follow-up),
# keeping only the latest per participant, form and occasion; anonymous responses all count.
KEPT = f"""
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
), ranked AS (
  SELECT occ.*, ROW_NUMBER() OVER (
    PARTITION BY participant, form_id, occasion ORDER BY submitted_at DESC, response_id DESC) AS rn
  FROM occ
), kept AS (
  SELECT response_id, form_id, participant, occasion, submitted_at FROM ranked WHERE participant = '' OR rn = 1
)
"""

COUNTED = f"""
SELECT k.form_id, k.occasion, a.session, a.question, a.value,
       COALESCE(p.country, '') AS country, COALESCE(p.org_type, '') AS org_type,
       CASE WHEN p.member IS NULL THEN '' WHEN p.member THEN 'yes' ELSE 'no' END AS member,
       CASE WHEN p.participant IS NULL THEN 0 ELSE 1 END AS on_roster,
       count(*) AS n
FROM kept k
JOIN answers a ON a.response_id = k.response_id
LEFT JOIN participants p ON p.cohort = :cohort AND p.participant = k.participant
WHERE (a.question IN ({_IN(SCALE_QUESTIONS | CHOICE_QUESTIONS)}) OR a.question LIKE 'c\\_%' ESCAPE '\\')
  AND a.value <> ''
GROUP BY k.form_id, k.occasion, a.session, a.question, a.value, country, org_type, member, on_roster
"""

PAIRED = """
SELECT k.participant, k.form_id, a.question, a.value
FROM kept k JOIN answers a ON a.response_id = k.response_id
WHERE k.form_id IN ('pre', 'post') AND k.participant <> '' AND a.question LIKE 'c\\_%' ESCAPE '\\' AND a.value <> ''
"""

TEXTS = f"""
SELECT k.form_id, k.occasion, a.session, a.question, a.value
FROM kept k JOIN answers a ON a.response_id = k.response_id
WHERE a.question IN ({_IN(TEXT_QUESTIONS)}) AND trim(a.value) <> ''
ORDER BY k.submitted_at, k.response_id
"""

RESPONDENTS = """
SELECT form_id, occasion,
       count(DISTINCT CASE WHEN participant <> '' THEN participant ELSE 'anon:' || response_id END) AS responded
FROM kept GROUP BY form_id, occasion
"""

GROUP_RESPONDENTS = """
SELECT DISTINCT k.participant, COALESCE(p.country, '') AS country, COALESCE(p.org_type, '') AS org_type,
       CASE WHEN p.member IS NULL THEN '' WHEN p.member THEN 'yes' ELSE 'no' END AS member
FROM kept k JOIN participants p ON p.cohort = :cohort AND p.participant = k.participant
"""


def _query(engine: Engine, sql: str, cohort: str) -> pd.DataFrame:
    with engine.connect() as conn:
        result = conn.execute(text(KEPT + sql), {"cohort": cohort})
        return pd.DataFrame(result.all(), columns=list(result.keys()))


def tallies_from_store(engine: Engine, cohort: str) -> Tallies:
    counted = _query(engine, COUNTED, cohort)
    is_scale = counted["question"].isin(SCALE_QUESTIONS) | counted["question"].str.startswith("c_")
    scale = counted[is_scale].assign(value=lambda d: pd.to_numeric(d["value"], errors="coerce")).dropna(subset=["value"])
    scale = scale.assign(value=scale["value"].astype(int))
    scale_counts = scale.groupby(["form_id", "occasion", "session", "question", "value"])["n"].sum().rename("count").reset_index()

    chosen = counted[counted["question"].isin(CHOICE_QUESTIONS)]
    exploded = chosen.assign(value=chosen["value"].str.split()).explode("value")
    choices = exploded.groupby(["form_id", "occasion", "question", "value"])["n"].sum().rename("count").reset_index()
    choice_respondents = chosen.groupby(["form_id", "occasion", "question"])["n"].sum().rename("respondents").reset_index()

    paired = _query(engine, PAIRED, cohort)
    paired = paired.assign(value=pd.to_numeric(paired["value"], errors="coerce")).dropna(subset=["value"])
    paired = paired.assign(value=paired["value"].astype(int))

    on_roster = scale[(scale["on_roster"] == 1) & scale["question"].isin(SCALE_QUESTIONS)]
    scores = []
    for attribute in ROSTER_ATTRIBUTES:
        g = on_roster.assign(group=on_roster[attribute].replace("", "not given"), total=on_roster["value"] * on_roster["n"])
        g = g.groupby(["group", "question"]).agg(n=("n", "sum"), total=("total", "sum")).reset_index()
        scores.append(g.assign(attribute=attribute))
    group_scores = pd.concat(scores, ignore_index=True)[["attribute", "group", "question", "n", "total"]]

    people = _query(engine, GROUP_RESPONDENTS, cohort)
    long = people.melt(id_vars="participant", value_vars=list(ROSTER_ATTRIBUTES), var_name="attribute", value_name="group")
    long["group"] = long["group"].replace("", "not given")
    group_respondents = long.groupby(["attribute", "group"])["participant"].nunique().rename("n").reset_index()

    return Tallies(
        scale_counts=scale_counts,
        respondents=_query(engine, RESPONDENTS, cohort),
        paired=paired[["participant", "form_id", "question", "value"]],
        choices=choices,
        choice_respondents=choice_respondents,
        texts=_query(engine, TEXTS, cohort),
        group_scores=group_scores,
        group_respondents=group_respondents,
    )
