"""Small calls made for the applications tests: a rubric, candidates and application answers."""
from __future__ import annotations

import datetime as dt

from trainingkit.selection_rules import Selection

COUNTRIES = ["Cambodia", "Laos", "Myanmar", "Thailand", "Vietnam"]

GOOD_ANSWERS = {
    "country": "Laos", "organisation": "Org A", "org_type": "ngo", "member": "yes", "endorsed": "yes",
    "moa_signed_applicant": "yes", "moa_signed_head": "yes", "moa_pending_until": None,
    "commitment_6_months": "yes", "can_travel": "yes",
}


def rubric(**changes) -> Selection:
    data = {
        "places": 4, "member_bonus": 1, "deadline": "2016-03-27", "extensions": ["2016-04-12"], "notify_by": "2016-04-15",
        "criteria": [{"id": "advocacy", "label": "Advocacy", "scale": [1, 5], "weight": 2,
                      "descriptors": {1: "none", 2: "some", 3: "fair", 4: "good", 5: "excellent"}},
                     {"id": "english", "label": "English", "scale": [1, 3], "weight": 1,
                      "descriptors": {1: "little", 2: "enough", 3: "fluent"}}],
        "countries": {"Laos": {"min": 1, "max": 2}, "Thailand": {"min": 0, "max": 2}},
        "org_cap": 1, "waitlist": 3,
    }
    data.update(changes)
    return Selection.model_validate(data)


def submitted(day: str) -> dt.date:
    return dt.date.fromisoformat(day)
