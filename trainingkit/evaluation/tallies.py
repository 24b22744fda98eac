"""Tallies: the feedback reduced to the few small tables the metrics need.

Built here with pandas from tidy answers (one row per answer, the contract's columns), and by
``sql.py`` with GROUP BY inside the store for big stores; both give the same tables, so
``summary.py`` never needs every answer in memory.

Each response belongs to an *occasion*: the day for the daily form (from a ``day`` answer, or
from the sessions it rates), the round for the follow-up form (``round``: m1, m3, m6), and ""
for the others. When one participant sent the same form for the same occasion more than once,
only the latest response counts (a form sent again from a phone after paper, say).
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .vocabulary import CHOICE_QUESTIONS, GROUP_MEANS, ROSTER_ATTRIBUTES, TEXT_QUESTIONS, is_scale

TIDY = ["response_id", "form_id", "participant", "submitted_at", "session", "question", "value"]
ROSTER_COLUMNS = ["participant", *ROSTER_ATTRIBUTES]


@dataclass
class Tallies:
    scale_counts: pd.DataFrame  # form_id, occasion, session, question, value(int), count
    respondents: pd.DataFrame  # form_id, occasion, responded (distinct participants or anonymous responses)
    pairs: pd.DataFrame  # question, pre, post (ints), count: trainees with both forms, by their two answers
    choices: pd.DataFrame  # form_id, occasion, question, value, count
    choice_respondents: pd.DataFrame  # form_id, occasion, question, respondents
    texts: pd.DataFrame  # form_id, occasion, session, question, value
    person_scores: pd.DataFrame  # person, question (GROUP_MEANS), n answers, total (sum of values)
    persons: pd.DataFrame  # person: everyone who sent a form that counts ("anon:<id>" without a code)
    roster: pd.DataFrame  # participant, country, org_type, member ("yes"/"no"/"")
    text_counts: pd.DataFrame  # form_id, occasion, question, count (open-text answers, read or not)
    texts_read: bool = True  # False: the texts were not read (a published summary shows none)
    replaced: int = 0  # stored responses that do not count: a later (or a marked) version does


def occasions(answers: pd.DataFrame) -> pd.Series:
    """response_id → occasion (see module docstring)."""
    by_response = answers.groupby("response_id", sort=False)
    form = by_response["form_id"].first()
    explicit_day = answers[answers["question"] == "day"].groupby("response_id")["value"].first()
    session_day = (
        answers[answers["session"].fillna("") != ""].assign(day=lambda d: d["session"].str.slice(1, 2))
        .groupby("response_id")["day"].first()
    )
    rounds = answers[answers["question"] == "round"].groupby("response_id")["value"].first()
    occ = pd.Series("", index=form.index, dtype="object")
    daily = form == "daily"
    occ[daily] = explicit_day.reindex(form.index)[daily].fillna(session_day.reindex(form.index)[daily]).fillna("")
    follow = form == "followup"
    occ[follow] = rounds.reindex(form.index)[follow].fillna("")
    return occ.astype(str)


def latest_only(answers: pd.DataFrame) -> pd.DataFrame:
    """Answers of the latest response per (participant, form, occasion); anonymous ones all kept."""
    occ = occasions(answers)
    answers = answers.assign(occasion=answers["response_id"].map(occ))
    resp = answers.drop_duplicates("response_id")[["response_id", "participant", "form_id", "occasion", "submitted_at"]]
    named = resp[resp["participant"].fillna("") != ""]
    keep = named.sort_values(["submitted_at", "response_id"]).drop_duplicates(["participant", "form_id", "occasion"], keep="last")
    keep_ids = set(keep["response_id"]) | set(resp.loc[resp["participant"].fillna("") == "", "response_id"])
    return answers[answers["response_id"].isin(keep_ids)]


def _numeric(values: pd.Series) -> pd.Series:
    return pd.to_numeric(values, errors="coerce")


def tallies_from_answers(answers: pd.DataFrame, roster: pd.DataFrame | None = None) -> Tallies:
    """Every tally, computed with pandas from tidy answers (and the roster, for breakdowns)."""
    a = latest_only(answers[TIDY].assign(session=answers["session"].fillna(""), participant=answers["participant"].fillna("")))
    replaced = answers["response_id"].nunique() - a["response_id"].nunique()
    a = a[a["value"].fillna("").astype(str).str.strip() != ""]

    scale = a[a["question"].map(is_scale).astype(bool)].assign(value=lambda d: _numeric(d["value"])).dropna(subset=["value"])
    scale = scale.assign(value=scale["value"].astype(int))
    scale_counts = scale.groupby(["form_id", "occasion", "session", "question", "value"]).size().rename("count").reset_index()

    resp = a.drop_duplicates("response_id")
    who = resp["participant"].where(resp["participant"] != "", "anon:" + resp["response_id"].astype(str))
    respondents = resp.assign(who=who).groupby(["form_id", "occasion"])["who"].nunique().rename("responded").reset_index()

    competence = scale[scale["form_id"].isin(["pre", "post"]) & scale["question"].str.startswith("c_") & (scale["participant"] != "")]
    pairs = pair_counts(competence[competence["form_id"] == "pre"], competence[competence["form_id"] == "post"])

    chosen = a[a["question"].isin(CHOICE_QUESTIONS)]
    exploded = chosen.assign(value=chosen["value"].astype(str).str.split()).explode("value")
    choices = exploded.groupby(["form_id", "occasion", "question", "value"]).size().rename("count").reset_index()
    choice_respondents = chosen.groupby(["form_id", "occasion", "question"])["response_id"].nunique().rename("respondents").reset_index()

    texts = a[a["question"].isin(TEXT_QUESTIONS)][["form_id", "occasion", "session", "question", "value"]].reset_index(drop=True)

    means = scale[scale["question"].isin(GROUP_MEANS)]
    means = means.assign(person=means["participant"].where(means["participant"] != "", "anon:" + means["response_id"].astype(str)))
    person_scores = means.groupby(["person", "question"])["value"].agg(n="size", total="sum").reset_index()
    persons = pd.DataFrame({"person": sorted(set(who))})
    text_counts = texts.groupby(["form_id", "occasion", "question"]).size().rename("count").reset_index()
    return Tallies(scale_counts, respondents, pairs, choices, choice_respondents, texts, person_scores, persons,
                   tidy_roster(roster), text_counts, replaced=int(replaced))


def pair_counts(pre: pd.DataFrame, post: pd.DataFrame) -> pd.DataFrame:
    """(question, pre, post, count) from each form's (participant, question, value) answers."""
    both = pre[["participant", "question", "value"]].merge(post[["participant", "question", "value"]],
                                                         on=["participant", "question"], suffixes=("_pre", "_post"))
    counts = both.groupby(["question", "value_pre", "value_post"]).size().rename("count").reset_index()
    return counts.rename(columns={"value_pre": "pre", "value_post": "post"})[["question", "pre", "post", "count"]]


def tidy_roster(roster: pd.DataFrame | None) -> pd.DataFrame:
    """The roster's codes and attributes as text ("" where not given); member as yes/no."""
    if roster is None or roster.empty:
        return pd.DataFrame(columns=ROSTER_COLUMNS)
    out = roster.reindex(columns=ROSTER_COLUMNS).copy()
    out["member"] = out["member"].map(lambda m: {True: "yes", False: "no"}.get(m, m))
    return out.fillna("").astype(str)
