"""The shared exercise kit: saved work, data, checks, wording signs, figures, the base view and
quizzes. Every case package (``exercises/<case>/``) builds on these and nothing else."""
