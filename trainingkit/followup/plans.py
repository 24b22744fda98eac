"""Trainees' action plans into the store, action by action: whole file or nothing, versions kept.

Two ways in:
- a tidy CSV or XLSX with ``participant, action_id, action, due, indicator`` (and ``type``, a
  choice of the followup form's ``actions`` list, when known), any number of trainees;
- the action-plan exercise's export ``six-month-action-plan.md`` of one trainee, with
  ``participant`` given (the exercise never writes a code into the file). Its actions are
  numbered 1, 2, 3 … : those numbers are the action ids.

Importing the same plan again stores nothing; a changed plan is stored as the trainee's next
version and the earlier one is kept.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..feedback.imports.table import ImportFileError, Row, read_table
from ..errors import Finding, ImportRejected, TrainingkitError
from ..feedback.submission import utc_now
from ..forms.model import check_participant
from .records import roster_codes
from .schema import ensure_tables, plan_actions

COLUMNS = ("participant", "action_id", "action", "due", "indicator")
OPTIONAL = ("type",)
ACTION_ID = re.compile(r"^[A-Za-z0-9_-]{1,16}$")
EXPORT_HEADER = ["#", "Type of action", "What", "Target", "By when", "Indicator"]


@dataclass(frozen=True)
class PlannedAction:
    participant: str
    action_id: str
    action: str
    due: dt.date | None
    indicator: str
    kind: str | None = None

    def key(self):
        return (self.action_id, self.kind, self.action, self.due, self.indicator)


@dataclass(frozen=True)
class PlanImport:
    path: Path
    new_versions: dict[str, int]  # participant: version stored
    unchanged: tuple[str, ...]
    actions: int

    def __str__(self) -> str:
        return (f"{self.path}: {self.actions} action(s) of {len(self.new_versions) + len(self.unchanged)} trainee(s); "
                f"{len(self.new_versions)} plan(s) stored as a new version, {len(self.unchanged)} unchanged")


def _date(text: str) -> dt.date:
    text = text.strip()
    for parse in (dt.date.fromisoformat, lambda t: dt.datetime.strptime(t, "%d %B %Y").date()):
        try:
            return parse(text[:10] if re.match(r"^\d{4}-\d\d-\d\d", text) else text)
        except ValueError:
            continue
    raise ValueError(f"'{text}' is not a date (write 2026-09-30)")


def _tidy_rows(path: Path, rows: list[Row], header: list[str]) -> list[tuple[int, dict[str, str]]]:
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise ImportFileError(path, line=1, message=f"missing column(s) {', '.join(missing)} (columns: {', '.join(COLUMNS)}, optional type)")
    return [(row.line, row.values) for row in rows]


def _export_rows(path: Path, participant: str | None, types: dict[str, str]) -> list[tuple[int, dict[str, str]]]:
    """The Markdown table of the exercise's export, as tidy values (the type label back to its id)."""
    if not participant:
        raise ImportFileError(path, "an action-plan export names no trainee: give --participant CODE")
    by_label = {label: kind for kind, label in types.items()}
    out, header = [], None
    for line, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not text.startswith("|") or set(text) <= set("|-: "):
            continue
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", text.strip())[1:-1]]
        if header is None:
            header = cells
            if header != EXPORT_HEADER:
                raise ImportFileError(path, line=line, message=f"not the action-plan export's table ({' | '.join(EXPORT_HEADER)})")
            continue
        values = {k: "" if v == "–" else v for k, v in zip(header, cells)}  # the export writes – for "not given"
        what, target, label = values.get("What", ""), values.get("Target", ""), values.get("Type of action", "")
        out.append((line, {"participant": participant, "action_id": values.get("#", ""),
                           "action": f"{what} (target: {target})" if target else what,
                           "due": values.get("By when", ""), "indicator": values.get("Indicator", ""),
                           "type": by_label.get(label, label)}))
    if header is None:
        raise ImportFileError(path, "no action-plan table found")
    return out


def read_plans(path: Path, types: dict[str, str], roster: set[str], max_actions: int,
               participant: str | None = None) -> tuple[list[PlannedAction], list[Finding]]:
    """Every action of the file and every problem (line, column, reason); nothing is written."""
    path = Path(path)
    if path.suffix.lower() == ".md":
        records = _export_rows(path, check_participant(participant), types)
    else:
        table = read_table(path)
        records = _tidy_rows(path, table.rows, table.header)
    actions, problems, seen = [], [], {}
    for line, v in records:
        bad = lambda column, reason, line=line: problems.append(Finding.about(column, reason, line, column))  # noqa: E731
        try:
            code = check_participant(v.get("participant"))
        except ValueError as exc:
            code = None
            bad("participant", str(exc))
        if code is None and not any(p.line == line for p in problems):
            bad("participant", "missing")
        elif code and roster and code not in roster:
            bad("participant", f"'{code}' is not in the cohort's roster")
        action_id = (v.get("action_id") or "").strip()
        if not ACTION_ID.match(action_id):
            bad("action_id", f"'{action_id}' is not an action id (1 to 16 letters, digits, - or _)")
        elif (code, action_id) in seen:
            bad("action_id", f"action '{action_id}' of {code} is already on line {seen[(code, action_id)]}")
        else:
            seen[(code, action_id)] = line
        text = (v.get("action") or "").strip()
        if not text:
            bad("action", "missing: say what the trainee will do")
        due = None
        if (v.get("due") or "").strip():
            try:
                due = _date(v["due"])
            except ValueError as exc:
                bad("due", str(exc))
        kind = (v.get("type") or "").strip() or None
        if kind and kind not in types:
            bad("type", f"'{kind}' is not an action type (types: {', '.join(types)})")
        if code and text and ACTION_ID.match(action_id):
            actions.append(PlannedAction(code, action_id, text, due, (v.get("indicator") or "").strip(), kind))
    counts: dict[str, int] = {}
    for a in actions:
        counts[a.participant] = counts.get(a.participant, 0) + 1
    for code, n in sorted(counts.items()):
        if n > max_actions:
            problems.append(Finding.about("action_id", f"{code} has {n} actions; the follow-up form asks about at most {max_actions}"))
    return actions, problems


def _sort_key(action_id: str):
    return (0, int(action_id), "") if action_id.isdigit() else (1, 0, action_id)


def current_plans(engine, cohort: str, code: str | None = None) -> dict[str, list[PlannedAction]]:
    """Each trainee's latest plan version (or only ``code``'s), actions in id order (1, 2 … 10, then names)."""
    ensure_tables(engine)
    p = plan_actions.c
    mine = (p.cohort == cohort) if code is None else ((p.cohort == cohort) & (p.participant == code))
    latest = select(p.participant, func.max(p.version).label("version")).where(mine).group_by(p.participant).subquery()
    query = (select(p.participant, p.action_id, p.action, p.due, p.indicator, p.kind)
             .join(latest, (latest.c.participant == p.participant) & (latest.c.version == p.version))
             .where(mine))
    out: dict[str, list[PlannedAction]] = {}
    with engine.connect() as conn:
        for row in conn.execute(query):
            out.setdefault(row.participant, []).append(PlannedAction(*row))
    return {code: sorted(items, key=lambda a: _sort_key(a.action_id)) for code, items in sorted(out.items())}


def plan_of(engine, cohort: str, code: str) -> list[PlannedAction]:
    """One trainee's current plan (what their phone shows)."""
    return current_plans(engine, cohort, code).get(code, [])


def import_plans(store, path: Path, types: dict[str, str], max_actions: int, cohort: str | None = None,
                 participant: str | None = None) -> PlanImport:
    """Store the plans of ``path`` whole or not at all; a trainee's unchanged plan is not stored again."""
    cohort = cohort or store.cohort
    path = Path(path)
    roster = roster_codes(store.engine, cohort)
    if not roster:
        raise TrainingkitError(f"cohort '{cohort}' has no roster in the store: load it first (trainingkit feedback roster FILE)")
    actions, problems = read_plans(path, types, roster, max_actions, participant)
    if problems:
        raise ImportRejected(path, problems)
    if not actions:
        raise ImportFileError(path, "no actions in the file")
    by_trainee: dict[str, list[PlannedAction]] = {}
    for a in actions:
        by_trainee.setdefault(a.participant, []).append(a)
    ensure_tables(store.engine)
    try:
        return _store_plans(store.engine, cohort, path, by_trainee, len(actions))
    except IntegrityError:  # another import stored a version at the same moment: compare again
        return _store_plans(store.engine, cohort, path, by_trainee, len(actions))


def _store_plans(engine, cohort: str, path: Path, by_trainee: dict[str, list[PlannedAction]], n_actions: int) -> PlanImport:
    """One transaction: each trainee's plan stored as the next version unless it is unchanged."""
    new_versions, unchanged, now = {}, [], utc_now()
    p = plan_actions.c
    with engine.begin() as conn:
        for code, items in sorted(by_trainee.items()):
            version = conn.execute(select(func.max(p.version)).where(p.cohort == cohort, p.participant == code)).scalar()
            if version is not None:
                stored = conn.execute(select(p.action_id, p.kind, p.action, p.due, p.indicator)
                                      .where(p.cohort == cohort, p.participant == code, p.version == version)).all()
                if sorted(map(tuple, stored), key=str) == sorted((a.key() for a in items), key=str):
                    unchanged.append(code)
                    continue
            version = (version or 0) + 1
            conn.execute(plan_actions.insert(), [
                {"cohort": cohort, "participant": code, "version": version, "action_id": a.action_id, "kind": a.kind,
                 "action": a.action, "due": a.due, "indicator": a.indicator, "source": path.name[:255], "stored_at": now}
                for a in items])
            new_versions[code] = version
    return PlanImport(path, new_versions, tuple(unchanged), n_actions)


CHOICES_COLUMNS = ["name", "label", "participant", "slot"]


def plan_choice_rows(plans: dict[str, list[PlannedAction]]) -> list[dict]:
    """The choices file of the XLSForm's ``select_one_from_file plan_actions.csv`` questions: one
    row per action, its slot the position in the trainee's plan (as the notebook form shows it)."""
    rows = []
    for code, items in plans.items():
        for slot, a in enumerate(items, start=1):
            due = f" (by {a.due.isoformat()})" if a.due else ""
            rows.append({"name": a.action_id, "label": f"{a.action}{due}", "participant": code, "slot": str(slot)})
    return rows


def write_plan_choices(plans: dict[str, list[PlannedAction]], path: Path) -> Path:
    """``plan_actions.csv`` to attach to the follow-up form in KoboToolbox or ODK Central."""
    import csv

    from ..evaluation.export import neutralise

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=CHOICES_COLUMNS)
        writer.writeheader()
        writer.writerows({k: neutralise(v) for k, v in row.items()} for row in plan_choice_rows(plans))
    return path
