"""What case-exercise notebooks import: saved work, self-checks, data. Notebooks hold teaching
and call these in one short cell; behaviour lives here, where it is tested."""
from .checks import Check, show
from .data import dataset, dataset_info
from .work import SavedWork, work_dir

__all__ = ["Check", "SavedWork", "dataset", "dataset_info", "show", "work_dir"]
