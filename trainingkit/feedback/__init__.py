"""The feedback store and its ways in: notebook and phone forms, Kobo, ODK, paper and tidy CSV."""
from .store import FeedbackStore, StoreResult, default_url
from .submission import Submission, SubmissionError

__all__ = ["FeedbackStore", "StoreResult", "Submission", "SubmissionError", "default_url"]
