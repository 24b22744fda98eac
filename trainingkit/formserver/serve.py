"""``trainingkit forms serve``: the phone forms on the venue network, in one process.

It listens on one address (by default the LAN address the QR code shows), says exactly where,
and warns in plain words when told to listen on every network. It starts no other process:
Ctrl+C, ``SIGTERM`` and ``SIGHUP`` stop it, and with it everything it runs.

Why no Voilà kernel per phone (measured on this 2-core machine, shared, load 11–16): with
Voilà's preheated pool of 4 kernels, one phone waited 2.4 s, six at once 23–25 s (two had no
form after 120 s), and 7 openings left 11 kernels and 1.9 GB; culling idle kernels after 30 s
also ended the preheated ones, whose pages then failed. Rendering the form as a page instead:
one phone 0.3–0.6 s, the server's part of 17 at once 0.06–0.25 s, 150 MB in all, no kernel
(``benchmarks/bench_forms.py``).
"""
from __future__ import annotations

import asyncio
import logging
import signal
import sys
from pathlib import Path

from ..errors import TrainingkitError
from ..forms.qr import DEFAULT_PORT, forms_url, lan_address, publish

FORM_ORDER = ["pre", "daily", "post", "end", "followup"]  # the order a trainee meets them
EVERY_INTERFACE = {"0.0.0.0", "::", ""}
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
DEFAULT_IDLE_TIMEOUT = 60  # seconds an idle phone connection is kept open
DEFAULT_POOL = 4           # submissions worked on at once; 8 times as many may wait


def form_order(form_ids) -> list[str]:
    """Form ids in the order a trainee meets them, then any others by name."""
    return sorted(form_ids, key=lambda fid: (FORM_ORDER.index(fid) if fid in FORM_ORDER else len(FORM_ORDER), fid))


def where_it_listens(ip: str, port: int, url: str) -> list[str]:
    """What the organiser is told about the address, in plain words."""
    if ip in EVERY_INTERFACE:
        return [
            f"Listening on EVERY network this computer is connected to, port {port}; phones open {url}",
            "WARNING: anyone on any of those networks can open the forms, hotel or public Wi-Fi included. "
            "To listen on the venue network only, start again with --ip and this computer's address there, "
            f"for example --ip {lan_address()}.",
        ]
    if ip.startswith("127.") or ip == "::1":
        return [f"Listening on http://{ip}:{port}/ only: this computer alone can open the forms; phones cannot."]
    return [f"Listening on http://{ip}:{port}/ only. Phones on this network open {url}"]


def announce(root: Path, ip: str, port: int) -> list[str]:
    """The lines printed at start; writes the QR code for the address phones open."""
    url = forms_url(port, None if ip in EVERY_INTERFACE else ip)
    lines = where_it_listens(ip, port, url)
    lines += [f"QR code for that address: {image}" for image in publish(root, url)]
    return lines


def trainee_plans(store):
    """plans(code): a trainee's current planned actions, read when their phone asks (follow-up form)."""
    from ..followup.plans import plan_of

    return lambda code: plan_of(store.engine, store.cohort, code)


def serve(root: Path, ip: str | None = None, port: int = DEFAULT_PORT, idle_timeout: int = DEFAULT_IDLE_TIMEOUT,
          pool: int = DEFAULT_POOL) -> None:
    """Serve the forms until Ctrl+C, SIGTERM or SIGHUP."""
    from ..course import load_course
    from ..feedback import FeedbackStore
    from ..forms.limits import FailureLimit
    from ..forms.resolve import load_forms
    from .web import FormsApp, FormService, body_limit

    course = load_course(root)
    forms = load_forms(course)
    store = FeedbackStore(None, root=root, forms=forms, cohort=course.config.cohort)
    ip = lan_address() if ip is None else ip
    app = FormsApp(FormService(store, forms, course.config.forms, FailureLimit(), plans=trainee_plans(store)),
                   form_order(forms), pool=pool)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    for line in announce(root, ip, port):
        print(line, flush=True)
    if not store.token_codes():
        print("No personal keys in the store yet: every phone will be refused. Load the roster first "
              "(trainingkit feedback roster roster.csv), then print the slips (trainingkit feedback slips).", flush=True)
    try:
        asyncio.run(_run(app, ip, port, idle_timeout, body_limit(forms)))
    finally:
        app.close()
    print("Stopped.", flush=True)


async def _run(app, ip: str, port: int, idle_timeout: int, max_body: int) -> None:
    from tornado.httpserver import HTTPServer

    server = HTTPServer(app.application, max_body_size=max_body, idle_connection_timeout=idle_timeout, body_timeout=30)
    try:
        server.listen(port, address=ip)
    except OSError as exc:
        raise TrainingkitError(f"cannot listen on {ip}:{port}: {exc.strerror}. Is the address this computer's, "
                               "and is another server already using the port (--port)?") from exc
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in STOP_SIGNALS:
        loop.add_signal_handler(sig, stop.set)
    print(f"Ready. Ctrl+C stops (pool {app.pool_size}, idle connections closed after {idle_timeout} s).", flush=True)
    await stop.wait()
    server.stop()
    await server.close_all_connections()
