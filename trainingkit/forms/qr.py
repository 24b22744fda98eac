"""The QR code that takes trainees' phones to the feedback forms on the venue network.

A daily review page holds a ```` ```{forms-qr} ```` block in a trainer cell. The build writes
the code for the address the forms will have (``TRAININGKIT_FORMS_URL``, else this machine's
LAN address and the default port) into the trainer edition's ``_static/``, and turns the block
into a figure whose alt text and caption name that address. ``trainingkit forms serve`` writes
the code for the address it really serves on, into ``var/`` and into a built trainer site, and
updates the address the built pages name.
"""
from __future__ import annotations

import html
import io
import os
import socket
from pathlib import Path

import qrcode

from ..paths import TRAINER, BuildLayout

ENV_URL = "TRAININGKIT_FORMS_URL"
DEFAULT_PORT = 8866
QR_FILE = "forms-qr.png"
URL_FILE = "forms-qr.url"  # beside the image: the address the built pages name
VAR_DIR = "var"


def lan_address() -> str:
    """This machine's address on the local network (no packet is sent: UDP connect only picks a route)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))
            return s.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def forms_url(port: int = DEFAULT_PORT, host: str | None = None) -> str:
    """The address phones open: ``TRAININGKIT_FORMS_URL``, else http://<host or LAN address>:<port>/."""
    return os.environ.get(ENV_URL) or f"http://{host or lan_address()}:{port}/"


def qr_png(url: str) -> bytes:
    """A PNG QR code for ``url``, with error correction that survives a projector's glare."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=10, border=4)
    code.add_data(url)
    buf = io.BytesIO()
    code.make_image().save(buf, format="PNG")
    return buf.getvalue()


def alt_text(url: str) -> str:
    return f"QR code: scan it with a phone camera to open the feedback forms at {url}"


def figure(url: str, src: str) -> str:
    """The HTML figure that replaces a ``{forms-qr}`` block; ``src`` is the image's relative path."""
    return (
        f'<figure class="forms-qr">\n<img src="{html.escape(src)}" alt="{html.escape(alt_text(url))}" width="240" height="240">\n'
        f"<figcaption>Feedback forms on the venue network: <strong>{html.escape(url)}</strong></figcaption>\n</figure>"
    )


def static_files(url: str) -> dict[str, bytes]:
    """The files a build puts in the trainer edition's ``_static/``."""
    return {QR_FILE: qr_png(url), URL_FILE: url.encode()}


def publish(root: Path, url: str) -> list[Path]:
    """Write the code for ``url`` into ``var/`` and, if the trainer edition is built, into its
    ``_static/``, pointing its pages at ``url``; return the images written."""
    written = []
    for folder in (root / VAR_DIR, BuildLayout(root).static(TRAINER)):
        if folder.name == "_static" and not folder.is_dir():
            continue
        folder.mkdir(parents=True, exist_ok=True)
        if folder.name == "_static":
            _retarget_pages(folder.parent, folder / URL_FILE, url)
        for name, data in static_files(url).items():
            (folder / name).write_bytes(data)
        written.append(folder / QR_FILE)
    return written


def _retarget_pages(site: Path, url_file: Path, url: str) -> None:
    """Name the new address in the built pages that show the code (alt text and caption)."""
    old = url_file.read_text(encoding="utf-8").strip() if url_file.is_file() else ""
    if not old or old == url:
        return
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if 'class="forms-qr"' in text:
            page.write_text(text.replace(html.escape(old), html.escape(url)), encoding="utf-8")
