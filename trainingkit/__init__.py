"""ASEAN advocacy training kit: the course engine behind the book, forms and evaluation."""
import sys

# nbformat imports jsonschema, which imports rfc3987-syntax (brought by Jupyter's
# jsonschema[format-nongpl]) for its "iri" format check; that module compiles about 35 Lark
# grammars at import, 0.8 s in every process: each kernel, Sphinx run and CLI call
# (jsonschema issue #1428). Nothing here checks that format, so the import is refused and
# jsonschema goes without it.
sys.modules.setdefault("rfc3987_syntax", None)

from .course import Course, load_course
from .errors import CourseError, Finding, FindingsError, Location, TrainingkitError

__all__ = ["Course", "CourseError", "Finding", "FindingsError", "Location", "TrainingkitError", "load_course"]
__version__ = "0.1.0"
