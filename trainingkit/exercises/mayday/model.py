"""The May Day 2016 demands: classify each demand by target, standard and ASEAN entry point.

The model classification is data (``KEY``). Targets and standards have one best answer and,
where the demand can fairly be read two ways, an accepted alternative; entry points are
judgement calls, so each demand lists the defensible alternatives and why they are defensible.
Every feedback message explains, and :func:`check_choice` is pure so tests call it directly.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .checks import Check, as_html, failed, passed
from .savedfields import WidgetForm, notice
from .work import SavedWork

EXERCISE_ID = "ex-mayday-demands"
DIMENSIONS = ("target", "standard", "entry")
DIMENSION_LABELS = {"target": "Target", "standard": "Standard", "entry": "ASEAN entry point"}

TARGETS = {
    "governor": "Provincial governor (Chiang Mai)",
    "ministry": "One ministry (such as Labour or Interior)",
    "government": "The government as a whole (cabinet, a law, a treaty)",
}
STANDARDS = {
    "osh": "Safety and health at work",
    "recruitment": "Regulation of recruitment agencies",
    "legal_status": "Simple, affordable registration and work permits",
    "ilo_conventions": "ILO conventions C87, C98 and C189",
    "minimum_wage": "Minimum wage",
    "equal_protection": "Equal protection by labour law for every kind of work",
    "free_choice_of_work": "Free choice of work (no jobs closed to migrants)",
    "social_security": "Social security and workers' compensation",
    "freedom_of_movement": "Freedom of movement",
}
ENTRY_POINTS = {
    "afml": "AFML or its national preparatory workshop",
    "acmw": "ACMW",
    "aichr": "AICHR",
    "acwc": "ACWC",
    "acsc_apf": "ACSC/APF",
    "tfamw": "TFAMW",
    "none": "None: pursue it locally or nationally",
}
OPTIONS = {"target": TARGETS, "standard": STANDARDS, "entry": ENTRY_POINTS}

# What each entry point is and cannot do (from the course fact sheet); added to a hint when a
# trainee picks an entry point that does not fit, so the hint teaches something about the body.
ENTRY_NOTES = {
    "afml": "The AFML meets every year. After national preparatory workshops, governments, employers, unions and CSOs adopt recommendations on the Cebu Declaration.",
    "acmw": "The ACMW is a committee of one senior labour-ministry official per country that carries out the Cebu Declaration.",
    "aichr": "AICHR is ASEAN's human-rights commission; it decides by consensus and gives civil society no formal role.",
    "acwc": "The ACWC works on the rights of women and children.",
    "acsc_apf": "The ACSC/APF is the yearly civil-society forum beside the ASEAN Summit; its output is a joint statement.",
    "tfamw": "The TFAMW is a network of CSOs and unions that brings civil-society proposals on migrant workers to ASEAN.",
    "none": "Choosing no entry point means the demand gains nothing from ASEAN.",
}

# Defensible alternatives shared by the demands on labour-migration policy (demands 2, 3, 5, 7, 8).
LABOUR_ALTERNATIVES = {
    "acmw": "The ACMW's members are senior labour-ministry officials, the people who make this policy, and the AFML is part of the ACMW's work plan.",
    "tfamw": "The TFAMW brings civil-society proposals on migrant workers to ASEAN and takes part in the consultations around the AFML.",
}


@dataclass(frozen=True)
class Answer:
    model: str
    why: str  # why the model answer fits: shown when a trainee agrees, and in the debrief
    hint: str  # what to look at when the choice is neither the model nor a defensible one
    accepted: dict[str, str] = field(default_factory=dict)  # alternative -> why it is defensible


KEY: dict[int, dict[str, Answer]] = {
    1: {
        "target": Answer("governor", "A committee for one province is in the governor's power, and the statement addresses this demand to the Governor of Chiang Mai.",
                         "Who can set up a committee for one province? Look at who the statement addresses this demand to."),
        "standard": Answer("osh", "The committee's first task is safety and health at work.",
                           "Which problem is the committee meant to solve first? Read the summary again.",
                           {"equal_protection": "The committee should also make sure every worker gets all their labour rights, so equal protection is a fair reading."}),
        "entry": Answer("none", "A provincial committee is decided in Chiang Mai; no ASEAN body deals with a province.",
                        "This demand is about one province. Could an ASEAN body ask a governor to set up a committee?",
                        {"afml": "Thailand's national preparatory workshop for the AFML could take up the problem behind it, such as safety training in migrants' own languages, though not the committee itself."}),
    },
    2: {
        "target": Answer("ministry", "An oversight body for recruitment agencies can be set up by the ministry in charge of employment; the statement addressed it to the government as a whole.",
                         "Who can set up an oversight body for recruitment agencies? Does it need a new law, or can one ministry do it?",
                         {"government": "The statement addresses it to the Royal Thai Government, and a new body may need the cabinet's approval."}),
        "standard": Answer("recruitment", "It asks for control over the agencies that put migrants in jobs other than the one agreed.",
                           "Whose behaviour does this demand want to control? Look at who places migrants in jobs."),
        "entry": Answer("afml", "At the AFML governments, employers, unions and CSOs adopt recommendations on migrant labour, and the national preparatory workshop lets a Thai problem be raised at home first.",
                        "Which ASEAN meeting lets unions and CSOs sit with labour officials to discuss how migrants are recruited?",
                        LABOUR_ALTERNATIVES),
    },
    3: {
        "target": Answer("ministry", "It asks the agencies that run registration and work permits to cut steps and costs: a ministry can change its own procedures.",
                         "The statement asks the agencies that run registration and work permits. Who runs them?",
                         {"government": "Registration involves more than one ministry, so a cabinet decision may be needed."}),
        "standard": Answer("legal_status", "Migrants need registration and a work permit to stay legal; the demand is to make them easy and cheap to get.",
                           "What do migrants need to work legally in Thailand, that this demand wants to be simpler and cheaper?",
                           {"recruitment": "Recruitment through the MOU channel is judged lengthy and costly (a 2022 learning paper), so the two are linked; but this demand is about the state's own procedures."}),
        "entry": Answer("afml", "The cost and length of becoming legal is labour-migration policy, which the AFML's recommendations address; raise it first at Thailand's national preparatory workshop.",
                        "Which ASEAN forum discusses migrant-labour policy with unions and CSOs, after a workshop in each country?",
                        LABOUR_ALTERNATIVES),
    },
    4: {
        "target": Answer("government", "Ratifying a convention commits the whole state, not one ministry.",
                         "Can one ministry commit Thailand to an international convention?"),
        "standard": Answer("ilo_conventions", "It names ILO Conventions 87, 98 and 189.",
                           "Demand 4 asks the government to ratify conventions: which standard is that?"),
        "entry": Answer("afml", "Unions and CSOs sit with governments and employers at the AFML and can push for a recommendation that every ASEAN state ratify; as of a 2017 ILO statement, no Mekong country had ratified C189.",
                        "Ratification is a national act. Which ASEAN forum brings unions, employers and governments together, so that a regional push could start there?",
                        {"acsc_apf": "A call on every ASEAN state to ratify can go into the ACSC/APF joint statement, though it reaches leaders only if the host allows a meeting.",
                         "tfamw": LABOUR_ALTERNATIVES["tfamw"],
                         "acwc": "C189 protects domestic workers, and the ACWC works on the rights of women: framed as women workers' rights, the call fits there."}),
    },
    5: {
        "target": Answer("government", "Raising the minimum wage, and having it paid in every province, is a national decision.",
                         "Is the minimum wage decided for one province, by one ministry, or for the whole country?",
                         {"ministry": "Having the wage paid in practice depends on the ministry in charge of labour checking workplaces."}),
        "standard": Answer("minimum_wage", "It asks for a higher minimum wage, paid everywhere.",
                           "Which standard sets how much a day's work must pay at the very least?"),
        "entry": Answer("afml", "The Cebu Declaration asks receiving states to ensure fair wages for migrant workers, and the AFML adopts recommendations on it; the amount itself stays Thailand's decision.",
                        "The amount is national, but the Cebu Declaration asks receiving states for fair wages. Which ASEAN forum discusses that declaration with unions and CSOs?",
                        {"none": "No ASEAN body will set the amount of 421 baht, so keeping the demand national is defensible.", **LABOUR_ALTERNATIVES}),
    },
    6: {
        "target": Answer("government", "Recognising sex work as work means changing what the law counts as work: a decision for the government as a whole.",
                         "Can one ministry change what the law counts as work?"),
        "standard": Answer("equal_protection", "The demand is that sex workers get the same protection from labour law as other workers.",
                           "What would sex workers gain if their work were recognised? Look at the end of the summary."),
        "entry": Answer("acsc_apf", "Civil society decides what goes into the ACSC/APF joint statement, so a demand that governments are unlikely to take up can still get a regional voice there.",
                        "In the intergovernmental bodies, governments decide what is said. Where does civil society decide the text itself?",
                        {"none": "Recognition is a change in Thai law, so keeping it a national campaign is defensible.",
                         "acwc": "The ACWC works on the rights of women, and the demand can be framed as women workers' rights."}),
    },
    7: {
        "target": Answer("government", "Changing an act needs a new law, a decision for the government as a whole. (A Royal Ordinance of 2017 revised the rules of the 2008 Act: see the Day 2 session on countries of origin and destination.)",
                         "Can a ministry change an act on its own?"),
        "standard": Answer("free_choice_of_work", "It asks that migrants may do any job they are able to do, up to the age of 60.",
                           "What does the Act restrict that this demand wants opened up?",
                           {"equal_protection": "Closing jobs to migrants treats them differently from Thai workers, so equal treatment is a fair reading."}),
        "entry": Answer("afml", "Which jobs migrants may do is labour-migration policy, the AFML's subject; Thailand's national preparatory workshop is the place to raise the Act.",
                        "The Act decides which jobs migrants may do. Which ASEAN forum discusses migrant-labour policy with unions and CSOs?",
                        LABOUR_ALTERNATIVES),
    },
    8: {
        "target": Answer("ministry", "A ministerial order can be changed by the ministry that issued it.",
                         "The demand names a ministerial order. Who can change an order of a ministry?",
                         {"government": "Equal access and a free choice of pension may also need changes to the law, which is the government's business."}),
        "standard": Answer("social_security", "It asks that every worker can join social security and the Workers' Compensation Fund.",
                           "Which benefits does the demand want every worker to be able to join?",
                           {"equal_protection": "It asks for access on equal terms, without discrimination, so equal protection is a fair reading."}),
        "entry": Answer("afml", "Social protection for migrant workers is labour-migration policy, which the AFML's recommendations on the Cebu Declaration can cover.",
                        "Which ASEAN forum discusses migrant-labour policy, such as social security, with unions and CSOs?",
                        LABOUR_ALTERNATIVES),
    },
    9: {
        "target": Answer("ministry", "The statement addresses the Ministry of Interior, which made the rules on travel.",
                         "Look at who the statement addresses this demand to, and who made the rules on travel."),
        "standard": Answer("freedom_of_movement", "Rules that stop migrants travelling inside Thailand and going home limit their freedom of movement.",
                           "Which right do rules on travelling inside the country and going home limit?"),
        "entry": Answer("afml", "Thailand's national preparatory workshop for the AFML brings officials, employers, unions and CSOs to one table, where travel rules that leave migrants open to exploitation can be raised.",
                        "The rules come from an interior ministry, not a labour ministry. Which ASEAN meeting brings several parts of a government together with unions and CSOs?",
                        {"aichr": "Freedom of movement is a human right, so AICHR is a possible address, though it decides by consensus and gives civil society no formal role.",
                         "acsc_apf": "A call to let migrants travel freely can go into the ACSC/APF joint statement.",
                         "tfamw": LABOUR_ALTERNATIVES["tfamw"]}),
    },
}

MODEL, DEFENSIBLE, DIFFERENT, NOT_CHOSEN = "matches the model", "defensible", "different", "not chosen"


def verdict(demand: int, dimension: str, choice: str | None) -> str:
    """How a choice compares with the model: model, defensible, different or not chosen."""
    if not choice:
        return NOT_CHOSEN
    answer = KEY[demand][dimension]
    if choice == answer.model:
        return MODEL
    return DEFENSIBLE if choice in answer.accepted else DIFFERENT


def check_choice(demand: int, dimension: str, choice: str | None) -> Check:
    """Immediate feedback on one choice: why it fits, why it is defensible, or what to look at."""
    if demand not in KEY or dimension not in DIMENSIONS:
        raise ValueError(f"no demand {demand} with a '{dimension}' to classify")
    answer = KEY[demand][dimension]
    label = OPTIONS[dimension].get(choice, choice)
    what = f"Demand {demand}, {DIMENSION_LABELS[dimension]}"
    result = verdict(demand, dimension, choice)
    if result == NOT_CHOSEN:
        return failed(f"{what}: not chosen yet.", answer.hint)
    if result == MODEL:
        return passed(f"{what}: {label}. {answer.why}")
    if result == DEFENSIBLE:
        return passed(f"{what}: {label} is defensible. {answer.accepted[choice]} "
                      f"The model answer is {OPTIONS[dimension][answer.model]}: {answer.why}")
    note = ENTRY_NOTES[choice] + " " if dimension == "entry" else ""
    return failed(f"{what}: {label} is not the best fit.", note + answer.hint)


def your_classification(choices: dict) -> pd.DataFrame:
    """The trainee's choices, one row per demand, each marked ✔ (model), ≈ (defensible) or ✘."""
    marks = {MODEL: "✔", DEFENSIBLE: "≈", DIFFERENT: "✘"}
    rows = []
    for demand in KEY:
        row = {"Demand": demand}
        for dim in DIMENSIONS:
            choice = choices.get(str(demand), {}).get(dim)
            mark = marks.get(verdict(demand, dim, choice))
            row[DIMENSION_LABELS[dim]] = f"{mark} {OPTIONS[dim][choice]}" if mark else "–"
        rows.append(row)
    return pd.DataFrame(rows).set_index("Demand")


def debrief_table(choices: dict) -> pd.DataFrame:
    """The trainee's choice beside the model classification and its reason, per demand and
    dimension: the table for the debrief."""
    rows = []
    for demand, answers in KEY.items():
        for dim, answer in answers.items():
            choice = choices.get(str(demand), {}).get(dim)
            alternatives = "; ".join(OPTIONS[dim][a] for a in answer.accepted) or "–"
            rows.append({
                "Demand": demand,
                "Question": DIMENSION_LABELS[dim],
                "Your choice": OPTIONS[dim].get(choice, "–"),
                "Model": OPTIONS[dim][answer.model],
                "Also defensible": alternatives,
                "Verdict": verdict(demand, dim, choice),
                "Why": answer.why,
            })
    return pd.DataFrame(rows).set_index(["Demand", "Question"])


class ClassificationForm(WidgetForm):
    """One row of three drop-downs per demand; each choice is saved at once and answered with
    feedback. ``dropdowns[(demand, dimension)]`` and ``feedback[demand]`` are the widgets."""

    def __init__(self, demands: pd.DataFrame, work: SavedWork):
        import ipywidgets as w

        self.work = work
        self.dropdowns: dict[tuple[int, str], w.Dropdown] = {}
        self.feedback: dict[int, w.HTML] = {}
        rows = [warning] if (warning := notice(work)) else []
        saved = work.get("choices", {})
        for demand in demands.itertuples():
            n = int(demand.demand)
            controls = []
            for dim in DIMENSIONS:
                options = [("(choose)", None)] + [(label, key) for key, label in OPTIONS[dim].items()]
                dropdown = w.Dropdown(options=options, value=saved.get(str(n), {}).get(dim),
                                      description=DIMENSION_LABELS[dim], style={"description_width": "9em"},
                                      layout=w.Layout(width="34em"))
                dropdown.observe(lambda _change, n=n: self._chosen(n), names="value")
                self.dropdowns[(n, dim)] = dropdown
                controls.append(dropdown)
            self.feedback[n] = w.HTML()
            self._show_feedback(n)
            heading = w.HTML(f"<p><b>Demand {n}</b> (to the {demand.addressed_to}): {demand.summary}</p>")
            rows.append(w.VBox([heading, *controls, self.feedback[n]], layout=w.Layout(margin="0 0 1em 0")))
        self.box = w.VBox(rows)

    def choices(self) -> dict:
        out: dict[str, dict] = {}
        for (n, dim), dropdown in self.dropdowns.items():
            if dropdown.value:
                out.setdefault(str(n), {})[dim] = dropdown.value
        return out

    def _chosen(self, demand: int) -> None:
        self.work.set("choices", self.choices())
        self._show_feedback(demand)

    def _show_feedback(self, demand: int) -> None:
        made = [check_choice(demand, dim, self.dropdowns[(demand, dim)].value)
                for dim in DIMENSIONS if self.dropdowns[(demand, dim)].value]
        self.feedback[demand].value = as_html(made) if made else ""


QUIZ = [
    {
        "question": "Demand 5 asks for a minimum wage of 421 baht. Which ASEAN text asks receiving states to ensure fair wages for migrant workers?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "The Cebu Declaration (2007)", "correct": True,
             "feedback": "Yes. It lists the duties of receiving states, fair wages among them. It is not binding, so it gives you an argument, not a court case."},
            {"answer": "The ASEAN Consensus (2017)", "correct": False,
             "feedback": "The Consensus was signed in November 2017, a year and a half after this May Day. In 2016 the text to quote was older."},
            {"answer": "The ASEAN Charter (2007)", "correct": False,
             "feedback": "The Charter sets up ASEAN and its bodies and names human rights among its purposes; it has no rules on wages."},
            {"answer": "ACTIP (2015)", "correct": False,
             "feedback": "ACTIP is ASEAN's convention against trafficking in persons, not a text on wages."},
        ],
    },
    {
        "question": "Which of these can civil-society organisations take part in themselves? Choose all that apply.",
        "type": "many_choice",
        "answers": [
            {"answer": "AFML", "correct": True,
             "feedback": "Yes: it is tripartite-plus, with governments, employers, unions and CSOs. One weak source (⚠️) says governments choose the non-government delegates."},
            {"answer": "ACSC/APF", "correct": True,
             "feedback": "Yes: it is civil society's own forum beside the ASEAN Summit."},
            {"answer": "AICHR", "correct": False,
             "feedback": "No: AICHR gives civil society no formal role. You can still send it information."},
            {"answer": "ACMW", "correct": False,
             "feedback": "No: its members are senior labour-ministry officials. The AFML, part of its work plan, is where CSOs meet them."},
        ],
    },
    {
        "question": "Demand 1 asks the Governor of Chiang Mai for a provincial committee on workers' problems. Where should the network pursue it?",
        "type": "multiple_choice",
        "answers": [
            {"answer": "With the provincial authorities in Chiang Mai", "correct": True,
             "feedback": "Yes: a provincial committee is the governor's decision. Not every demand needs ASEAN."},
            {"answer": "At AICHR", "correct": False,
             "feedback": "AICHR works on human rights across ASEAN and decides by consensus; it cannot ask a governor to set up a committee."},
            {"answer": "At the ACMW", "correct": False,
             "feedback": "The ACMW's members are national labour officials; a committee for one province is decided in the province."},
        ],
    },
]
