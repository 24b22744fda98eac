"""Pilot evaluation: tallies of the feedback, metrics, privacy rules and the summary."""
