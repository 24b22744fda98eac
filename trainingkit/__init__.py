"""ASEAN advocacy training kit: the course engine behind the book, forms and evaluation."""
from .course import Course, load_course
from .errors import CourseError, Finding, FindingsError, Location, TrainingkitError

__all__ = ["Course", "CourseError", "Finding", "FindingsError", "Location", "TrainingkitError", "load_course"]
__version__ = "0.1.0"
