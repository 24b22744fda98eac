"""Small stores for the follow-up tests: a roster, follow-up answers on given days, plans."""
from __future__ import annotations

import dataclasses
import datetime as dt

from conftest import REPO
from trainingkit.course import CohortDates, load_course

PILOT_END = dt.date(2016, 6, 8)  # m1 due 8 July (open 24 June-22 July), m3 8 Sept, m6 8 Dec


def course_with(**cohorts: tuple[dt.date, dt.date]):
    """The real course, with the given cohorts' dates (first day, last day) added."""
    course = load_course(REPO)
    dates = {**course.config.cohorts, **{k: CohortDates(first_day=a, last_day=b) for k, (a, b) in cohorts.items()}}
    return dataclasses.replace(course, config=course.config.model_copy(update={"cohorts": dates}))


def roster(store, codes, cohort=None, country="Thailand"):
    store.set_roster([{"participant": c, "country": country, "org_type": "NGO", "member": True} for c in codes], cohort=cohort)


def answer(store, code, round_, day: dt.date, cohort=None, **answers):
    from trainingkit.forms.response import Submission

    values = {"round": round_, "engaged": "yes", **answers}
    sub = Submission("followup", values, participant=code, submitted_at=dt.datetime.combine(day, dt.time(10)), cohort=cohort)
    return store.save(sub)


# Six actions of five trainees, as `trainingkit followup plans` imports them.
PLANS = ("participant,action_id,action,due,indicator,type\n"
         "P01,1,Submission to the AFML workshop,2016-09-30,1 sent,afml\n"
         "P01,2,Train partner staff,2016-08-31,15 trained,training\n"
         "P02,1,Article on the Cebu Declaration,2016-11-15,1 article,media\n"
         "P03,1,Collect wage data,2016-10-31,30 interviews,evidence\n"
         "P04,1,Input to the AFML,2016-10-15,1 input,afml\n"
         "P05,1,Input to the AFML,2016-10-15,1 input,afml\n")
