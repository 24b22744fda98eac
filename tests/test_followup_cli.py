"""The follow-up commands as an organiser types them, on one SQLite store."""
from __future__ import annotations

import csv
import datetime as dt

from click.testing import CliRunner

from followup_helpers import answer, roster
from trainingkit.cli import main


def run(*args):
    out = CliRunner().invoke(main, list(args))
    return out.exit_code, out.output


def test_status_reminders_plans_and_withdraw_from_the_command_line(store, tmp_path):
    db = store.url
    roster(store, ["P01", "P02", "P03", "P04", "P05"])
    answer(store, "P02", "m1", dt.date(2016, 7, 1))
    code, text = run("followup", "status", "--on", "2016-07-10", "--cohort", "pilot-2016", "--db", db)
    assert code == 0, text
    assert "P02           answered   upcoming   upcoming" in text
    assert "m1 (window open): 1 of 5 answered (20.0%), 0 lost" in text

    contacts = tmp_path / "contacts.csv"
    contacts.write_text("participant,channel,address\nP01,email,p1@example.org\n", encoding="utf-8")
    code, text = run("followup", "reminders", "--on", "2016-07-10", "-o", str(tmp_path / "r.csv"), "--sheet",
                     str(tmp_path / "r.html"), "--contacts", str(contacts), "--db", db)
    assert code == 0, text
    assert "4 reminder(s)" in text
    rows = list(csv.DictReader((tmp_path / "r.csv").open(encoding="utf-8-sig")))
    assert [r["participant"] for r in rows] == ["P01", "P03", "P04", "P05"] and rows[0]["address"] == "p1@example.org"

    code, text = run("followup", "reminders", "-o", str(tmp_path / "x.csv"), "--tokens", str(contacts), "--link",
                     "http://10.0.0.5:8866/", "--db", db)
    assert code == 1 and "--link needs {token} where the key goes" in text
    keys = tmp_path / "tokens.csv"
    keys.write_text("participant,token\nP01,KGTHRND4\n", encoding="utf-8")
    code, text = run("followup", "reminders", "--on", "2016-07-10", "-o", str(tmp_path / "k.csv"), "--tokens", str(keys),
                     "--db", db)
    assert code == 0, text
    link = list(csv.DictReader((tmp_path / "k.csv").open(encoding="utf-8-sig")))[0]["link"]
    assert link.endswith(":8866/forms/followup#code=P01&token=KGTHRND4")

    plans = tmp_path / "plans.csv"
    plans.write_text("participant,action_id,action,due,indicator\nP01,1,Send a submission,2016-09-30,1 sent\n", encoding="utf-8")
    code, text = run("followup", "plans", str(plans), "--db", db)
    assert code == 0 and "1 plan(s) stored as a new version" in text, text
    code, text = run("followup", "choices", "-o", str(tmp_path / "plan_actions.csv"), "--db", db)
    assert code == 0 and "1 action(s) of 1 trainee(s)" in text

    code, text = run("followup", "withdraw", "p03", "--on", "2016-07-11", "--db", db)
    assert code == 0 and "P03 (pilot-2016) withdrawn on 2016-07-11: no more reminders; nothing deleted" in text
    code, text = run("followup", "status", "--on", "2016-07-12", "--format", "csv", "--db", db)
    assert "pilot-2016,P03,m1,withdrawn,2016-07-08,2016-07-22," in text

    code, text = run("followup", "figures", "--on", "2016-07-12", "--db", db)
    assert code == 0 and '"response_rates"' in text


def test_the_export_masks_contact_details_in_the_evidence_and_obstacles_of_an_action(store, tmp_path):
    roster(store, ["P01", "P02", "P03", "P04", "P05"])
    answer(store, "P01", "m1", dt.date(2016, 7, 1), a1_id="1", a1_progress="done",
           a1_evidence="Report sent, ask officer@labour.example.org", a1_obstacles="Call +66 81 234 5678 first")
    code, text = run("feedback", "export", "-o", str(tmp_path / "out.csv"), "--db", store.url, "--cohort", "pilot-2016")
    assert code == 0, text
    exported = "".join(p.read_text(encoding="utf-8-sig") for p in tmp_path.glob("out*.csv"))
    assert "officer@labour" not in exported and "234 5678" not in exported
    assert "Report sent, ask [e-mail removed]" in exported and "Call [phone removed] first" in exported
