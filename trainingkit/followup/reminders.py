"""Who to remind, with no server: a CSV for a mail merge or messaging app and a printable sheet.

Only trainees whose round is ``due`` or ``overdue`` on the day are listed: never one who has
answered that round, has withdrawn or is lost to follow-up. Contact details come from the
organiser's own contacts file, read at run time and never written to the store. Personal form
links need the secret tokens, whose plain values exist only in the organiser's roster output of
``trainingkit feedback roster`` (``var/tokens-<cohort>.csv``: ``participant, token``): without
that file the links are left out. A link opens the follow-up form with code and key filled in,
as the slips' QR codes do.
"""
from __future__ import annotations

import base64
import csv
import html
from dataclasses import dataclass
from pathlib import Path

from ..feedback.imports.table import ImportFileError, read_table
from ..errors import Finding, ImportRejected
from ..forms.model import check_participant
from .status import FollowupStatus

REMIND = ("due", "overdue")
CHANNELS = ("email", "sms", "whatsapp", "signal", "telegram", "line", "messenger", "phone", "in_person")
CSV_COLUMNS = ["cohort", "participant", "name", "round", "status", "window_closes", "channel", "address", "link", "message"]
TOKEN_PLACEHOLDER = "{token}"


@dataclass(frozen=True)
class Contact:
    channel: str
    address: str
    name: str = ""


@dataclass(frozen=True)
class Reminder:
    cohort: str
    participant: str
    round: str
    status: str
    window_closes: str
    contact: Contact | None
    link: str

    @property
    def message(self) -> str:
        greeting = f"Hello {self.contact.name}," if self.contact and self.contact.name else "Hello,"
        months = self.round.removeprefix("m")
        ask = (f"the {months}-month follow-up form of the ASEAN advocacy course is open until {self.window_closes}."
               if self.status == "due" else f"we have not yet had your {months}-month follow-up form of the ASEAN advocacy course.")
        where = f" Your form: {self.link}" if self.link else f" Use your code {self.participant} in the form."
        return f"{greeting} {ask} It takes about 10 minutes and tells the network what your advocacy achieved.{where}"


def _codes_file(path: Path, columns: tuple[str, ...]):
    table = read_table(path)
    missing = [c for c in columns if c not in table.header]
    if missing:
        raise ImportFileError(path, line=1, message=f"missing column(s) {', '.join(missing)} (needed: {', '.join(columns)})")
    return table


def read_contacts(path: Path) -> dict[str, Contact]:
    """``participant, channel, address`` (and ``name``, optional), one trainee a line."""
    table, out, problems = _codes_file(path, ("participant", "channel", "address")), {}, []
    for row in table.rows:
        v = row.values
        try:
            code = check_participant(v["participant"])
        except ValueError as exc:
            problems.append(Finding.about("participant", str(exc), row.line, "participant"))
            continue
        channel = v["channel"].strip().lower()
        if channel not in CHANNELS:
            problems.append(Finding.about("channel", f"'{v['channel']}' is not a channel ({', '.join(CHANNELS)})", row.line, "channel"))
        if code in out:
            problems.append(Finding.about("participant", f"{code} is listed twice", row.line, "participant"))
        out[code] = Contact(channel, v["address"].strip(), (v.get("name") or "").strip())
    if problems:
        raise ImportRejected(Path(path), problems)
    return out


def read_tokens(path: Path) -> dict[str, str]:
    """``participant, token`` from the organiser's roster output (plain tokens: keep it private)."""
    table = _codes_file(path, ("participant", "token"))
    out = {}
    for row in table.rows:
        code, token = row.values["participant"], row.values["token"].strip()
        try:
            out[check_participant(code)] = token
        except ValueError as exc:
            raise ImportFileError(path, line=row.line, column="participant", message=str(exc)) from None
    return out


def default_link(forms_address: str) -> str:
    """The follow-up form on the forms server, code and key after ``#`` as on the slips: a
    fragment never reaches the server or its log, and the page fills both in."""
    return forms_address.rstrip("/") + "/forms/followup#code={code}&token={token}"


def personal_link(template: str, code: str, token: str | None) -> str:
    """``template`` with the trainee's ``{code}`` and ``{token}``; "" without a token."""
    from urllib.parse import quote

    if not (token and template):
        return ""
    return template.replace("{code}", quote(code, safe="")).replace(TOKEN_PLACEHOLDER, quote(token, safe=""))


def reminders(status: FollowupStatus, contacts: dict[str, Contact] | None = None, tokens: dict[str, str] | None = None,
              link_template: str = "", include_lost: bool = False) -> list[Reminder]:
    """The reminders to send on the status's day, for the latest open or missed round of each trainee.

    A trainee lost to follow-up gets none unless ``include_lost`` (then only for a round whose
    window is open): repeated messages to someone who stopped answering can put them at risk."""
    contacts, tokens = contacts or {}, tokens or {}
    answered = {(r.participant, r.round) for r in status.rows if r.status == "answered"}
    lost = status.lost
    chosen: dict[str, object] = {}
    for row in status.by_status(*REMIND):
        if (row.participant, row.round) in answered:
            continue
        if row.participant in lost and not (include_lost and row.status == "due"):
            continue
        chosen[row.participant] = row  # rows come in round order: the latest round wins
    return [Reminder(status.cohort, code, row.round, row.status, row.closes.isoformat(), contacts.get(code),
                     personal_link(link_template, code, tokens.get(code)))
            for code, row in sorted(chosen.items())]


def _cells(r: Reminder) -> dict[str, str]:
    from ..evaluation.export import neutralise

    c = r.contact
    values = {"cohort": r.cohort, "participant": r.participant, "name": c.name if c else "", "round": r.round,
              "status": r.status, "window_closes": r.window_closes, "channel": c.channel if c else "",
              "address": c.address if c else "", "link": r.link, "message": r.message}
    return {k: neutralise(v) for k, v in values.items()}


def write_csv(items: list[Reminder], path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8-sig") as out:  # the BOM makes Excel read UTF-8
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(_cells(r) for r in items)
    return path


def sheet_html(items: list[Reminder], cohort: str, on: str) -> str:
    """A printable A4 sheet, one block per trainee with a QR code of their link; works offline."""
    from ..forms.qr import qr_png

    blocks = []
    for r in items:
        qr = (f'<img src="data:image/png;base64,{base64.b64encode(qr_png(r.link)).decode()}" width="120" height="120" '
              f'alt="QR code of the personal form link of {html.escape(r.participant)}">') if r.link else ""
        c = r.contact
        how = f"{html.escape(c.channel)}: {html.escape(c.address)}" if c else "no contact in the contacts file"
        blocks.append(f'<section class="r"><div>{qr}</div><div><h2>{html.escape(r.participant)} '
                      f'{html.escape(c.name) if c else ""}</h2><p>Round {html.escape(r.round)}, {html.escape(r.status)}; '
                      f'window closes {html.escape(r.window_closes)}</p><p>{how}</p><p>{html.escape(r.message)}</p></div></section>')
    body = "\n".join(blocks) or "<p>Nobody to remind on this day.</p>"
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Follow-up reminders, {html.escape(cohort)}, {html.escape(on)}</title>
<style>body{{font-family:"Noto Sans",sans-serif;margin:1.5rem;max-width:48rem}}
.r{{display:flex;gap:1rem;border-top:1px solid #555;padding:.6rem 0;break-inside:avoid}}
h2{{font-size:1.1rem;margin:0}} p{{margin:.2rem 0;overflow-wrap:anywhere}}
@page{{size:A4;margin:15mm}}</style></head><body>
<h1>Follow-up reminders: {html.escape(cohort)}, {html.escape(on)}</h1>
<p>Private: contact details and personal links. Destroy after use. {len(items)} trainee(s).</p>
{body}
</body></html>
"""


def write_sheet(items: list[Reminder], path: Path, cohort: str, on: str) -> Path:
    """The sheet as ``path`` says: a PDF (``.pdf``, printed by Chromium as the slips are) or the
    print-ready HTML page."""
    path = Path(path)
    page = sheet_html(items, cohort, on)
    if path.suffix.lower() == ".pdf":
        from ..pdf import PrintJob, print_pdfs

        print_pdfs({path: PrintJob(page, f"Follow-up reminders, {cohort}, {on}: private, destroy after use", ())})
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path
