"""The feedback store and its ways in: notebook and phone forms, Kobo, ODK, paper and tidy CSV."""
from .store import FeedbackStore, StoreResult, default_url
from .submission import SubmissionError

__all__ = ["FeedbackStore", "StoreResult", "SubmissionError", "default_url"]
