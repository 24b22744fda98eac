"""A form as plain text, for organisers checking what trainees will see."""
from __future__ import annotations

from .model import Form


def describe(form: Form, day: int | None = None) -> str:
    fields = form.fields_for(day) if day is not None else form.fields
    lines = [f"{form.id} v{form.version}: {form.title['en']}  (languages: {', '.join(form.languages)})"]
    for f in fields:
        mark = "*" if f.required else " "
        about = f" [session {f.session}]" if f.session else ""
        lines.append(f"{mark} {f.name:<22} {f.type:<15} {f.label['en']}{about}")
        if f.choices:
            lines.append(" " * 40 + "  ".join(f"{c.name}={c.label['en']}" for c in f.choices))
    lines.append("* required")
    return "\n".join(lines) + "\n"
