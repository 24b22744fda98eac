"""Feedback forms declared once in ``feedback/forms/*.yml``, shown as widgets or exported."""
from .model import Choice, Field, Form
from .resolve import load_form, load_forms
from .spec import FormError, FormSpec

__all__ = ["Choice", "Field", "Form", "FormError", "FormSpec", "load_form", "load_forms"]
