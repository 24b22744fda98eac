"""Each edition's Jupyter Book configuration, from ``_config.yml``.

``_config.yml`` may name, under ``trainingkit:``, where the course is published:

- ``participant_source``: a repository holding *only* the participant edition's notebooks
  (``url``, ``branch``, and optionally ``jupyterhub_url`` / ``binderhub_url``). Only then do the
  pages get launch buttons, and they open that repository: the course repository itself holds
  every trainer note and model answer, so a launch button must never open it.
- ``course_repository``: the course's own repository, for the trainer edition's repository button.

With neither, no page links to a repository or a hub (no placeholder addresses). Jupyter Book
never sees the ``trainingkit:`` key. Every page's footer carries the licences from
``pyproject.toml``'s ``license`` (content CC BY 4.0, code MIT).
"""
from __future__ import annotations

import copy

from .errors import TrainingkitError

KEY = "trainingkit"
LICENCE_FOOTER = (
    'Content: <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>. '
    'Code (the <code>trainingkit</code> package): <a href="https://opensource.org/license/mit">MIT licence</a>.'
)


def _source(settings: dict, key: str) -> dict | None:
    value = settings.get(key) or None
    if value is None:
        return None
    if not isinstance(value, dict) or not str(value.get("url") or "").startswith(("https://", "http://")):
        raise TrainingkitError(f"_config.yml: {KEY}.{key} needs a url: the address of a repository (https://…)")
    return value


def edition_config(config: dict, edition: str) -> dict:
    """A copy of raw ``_config.yml`` data for ``edition``."""
    out = copy.deepcopy(config)
    settings = out.pop(KEY, None) or {}
    participant = _source(settings, "participant_source")
    repository = participant if edition == "participant" else (_source(settings, "course_repository") or participant)
    html = out.setdefault("html", {})
    out.pop("repository", None)
    out.pop("launch_buttons", None)
    html["use_repository_button"] = repository is not None
    if repository is not None:
        out["repository"] = {"url": repository["url"], "branch": repository.get("branch", "main"), "path_to_book": repository.get("path_to_book", "")}
    # Launch buttons open the participant-only repository, in either edition, or nothing.
    launch = {"notebook_interface": "jupyterlab", "binderhub_url": "", "jupyterhub_url": "", "thebe": False, "colab_url": ""}
    if participant is not None:
        launch["binderhub_url"] = participant.get("binderhub_url", "")
        launch["jupyterhub_url"] = participant.get("jupyterhub_url", "")
        if repository is not participant:
            # The trainer edition's repository button shows the course; launching needs the
            # participant repository, which Jupyter Book can only take as *the* repository.
            launch["binderhub_url"] = launch["jupyterhub_url"] = ""
    out["launch_buttons"] = launch
    footer = html.get("extra_footer", "")
    html["extra_footer"] = f"{footer} <p class=\"licence\">{LICENCE_FOOTER}</p>".strip()
    return out
