"""Serve the feedback forms with Voilà on the local network, for trainees' phones.

The pages show no code (Voilà strips sources) and load nothing from the internet: the
``trainingkit`` Voilà template (``forms/voila/``) drops the lab template's CDN links, and its
landing page lists the forms by title. Responses go to the course's store (``TRAININGKIT_DB``
or ``var/feedback.sqlite``) with source ``web``.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

from ..course import load_course
from .qr import forms_url, publish
from .resolve import load_forms

TEMPLATE = "trainingkit"
TEMPLATE_SOURCE = Path(__file__).with_name("voila")
FORM_ORDER = ["pre", "daily", "post", "end", "followup"]  # the order a trainee meets them
SERVE_DIR = "var/voila"  # generated under the course root (git-ignored)


def landing_forms(root: Path) -> list[list[str]]:
    """[form id, title] of every form that has its notebook in ``feedback/``, in course order."""
    forms = load_forms(load_course(root))
    ids = sorted(forms, key=lambda fid: (FORM_ORDER.index(fid) if fid in FORM_ORDER else len(FORM_ORDER), fid))
    return [[fid, forms[fid].title["en"]] for fid in ids if (root / "feedback" / f"{fid}.ipynb").is_file()]


def write_template(root: Path, data_dir: Path | None = None) -> Path:
    """Copy the Voilà template under ``data_dir`` (default ``var/voila``) with the landing page's
    list of forms; return the folder to put on ``JUPYTER_PATH``."""
    data_dir = data_dir or root / SERVE_DIR
    target = data_dir / "voila" / "templates" / TEMPLATE
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(TEMPLATE_SOURCE, target)
    tree = target / "tree.html"
    forms = json.dumps(landing_forms(root), ensure_ascii=False)
    tree.write_text("{%- set FORMS = " + forms + " -%}\n" + tree.read_text(encoding="utf-8"), encoding="utf-8")
    return data_dir


def voila_command(root: Path, port: int, ip: str = "0.0.0.0") -> list[str]:
    return [
        sys.executable, "-m", "voila", str(root / "feedback"),
        f"--port={port}", f"--Voila.ip={ip}", "--no-browser",
        f"--template={TEMPLATE}", "--classic-tree", "--theme=light",
        "--VoilaConfiguration.show_tracebacks=False",
    ]


def voila_env(root: Path, data_dir: Path | None = None) -> dict[str, str]:
    data_dir = write_template(root, data_dir)
    paths = [str(data_dir), *filter(None, os.environ.get("JUPYTER_PATH", "").split(os.pathsep))]
    return {**os.environ, "JUPYTER_PATH": os.pathsep.join(paths), "TRAININGKIT_ROOT": str(root)}


def lan_address() -> str:
    """This machine's address on the local network (no packet is sent: UDP connect only picks a route)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))
            return s.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def serve(root: Path, port: int) -> None:
    """Run Voilà until interrupted (Ctrl+C)."""
    env = voila_env(root)
    url = forms_url(port)
    print(f"Feedback forms: phones on this network open {url}  (Ctrl+C stops)")
    for image in publish(root, url):
        print(f"QR code for that address: {image}", flush=True)
    try:
        subprocess.run(voila_command(root, port), env=env, check=False)
    except KeyboardInterrupt:
        pass
