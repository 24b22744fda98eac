"""Slips to cut and hand out: one per trainee, whose QR code a phone reads as the forms'
address with that trainee's code and key after the '#', and never a stale key."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
import zxingcpp
from click.testing import CliRunner
from pypdf import PdfReader

from conftest import REPO
from importcases import write_csv
from trainingkit.cli import main
from trainingkit.feedback import FeedbackStore
from trainingkit.feedback.roster import read_tokens, write_tokens

pytestmark = pytest.mark.slow  # prints with Chromium
URL = "http://192.168.1.20:8866/"
CODES = [f"KH-{n:02d}" for n in range(1, 11)]  # ten trainees: two pages of slips


def run(*args):
    return CliRunner().invoke(main, ["feedback", *args], env={"TRAININGKIT_ROOT": str(REPO)})


def test_each_trainee_gets_one_slip_whose_qr_code_opens_the_forms_with_code_and_key(tmp_path):
    db, tokens = f"sqlite:///{tmp_path / 'fb.sqlite'}", tmp_path / "tokens.csv"
    roster = write_csv(tmp_path / "roster.csv", ["participant", "country", "org_type", "member"],
                       [[code, "Cambodia", "NGO", "no"] for code in CODES])
    assert run("roster", str(roster), "--db", db, "--tokens", str(tokens)).exit_code == 0
    result = run("slips", "-o", str(tmp_path / "slips.pdf"), "--tokens", str(tokens), "--url", URL, "--db", db)
    assert result.exit_code == 0, result.output

    reader = PdfReader(tmp_path / "slips.pdf")
    assert len(reader.pages) == 2
    read = [code.text for page in reader.pages for image in page.images for code in zxingcpp.read_barcodes(image.image)]
    assert len(read) == len(CODES)
    keys = read_tokens(tokens)
    store = FeedbackStore(db, root=REPO)
    seen = {}
    for text in read:
        address = urlparse(text)
        assert f"{address.scheme}://{address.netloc}{address.path}" == URL and address.query == ""  # the key stays after '#'
        fragment = {k: v[0] for k, v in parse_qs(address.fragment).items()}
        seen[fragment["code"]] = fragment["token"]
        assert store.token_matches(fragment["code"], fragment["token"])
    assert sorted(seen) == CODES and {c: k.replace("-", "") for c, k in keys.items()} == seen
    text = "".join(page.extract_text() for page in reader.pages)
    assert all(code in text for code in CODES) and keys["KH-01"] in text  # typed by hand when a camera fails


def test_slips_from_a_stale_key_file_are_refused_naming_each_trainee(tmp_path):
    db, tokens = f"sqlite:///{tmp_path / 'fb.sqlite'}", tmp_path / "tokens.csv"
    roster = write_csv(tmp_path / "roster.csv", ["participant", "country", "org_type", "member"],
                       [["KH-01", "Cambodia", "NGO", "no"], ["KH-02", "Cambodia", "NGO", "no"]])
    run("roster", str(roster), "--db", db, "--tokens", str(tokens))
    write_tokens(tokens, {"KH-01": "WRONGKEY"})
    result = run("slips", "-o", str(tmp_path / "slips.pdf"), "--tokens", str(tokens), "--url", URL, "--db", db)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{tokens}: the key of KH-01 is not the one in the store (the roster was loaded again with a new key?)",
        f"{tokens}: no key for KH-02 (on the roster)"]
    assert not (tmp_path / "slips.pdf").exists()
