"""The exercise data package: every file in datasets/ is described, every resource validates
against its schema, and each says where it comes from (sources "as of") or that it is synthetic,
and under which licence."""
import pytest
import yaml
from frictionless import validate

from conftest import REPO

DATASETS = REPO / "datasets"
PACKAGE = DATASETS / "datapackage.yaml"


def resources():
    return yaml.safe_load(PACKAGE.read_text(encoding="utf-8"))["resources"]


def test_every_file_in_datasets_is_described_and_every_description_has_its_file():
    files = {p.relative_to(DATASETS).as_posix() for p in DATASETS.rglob("*") if p.is_file() and p != PACKAGE}
    described = {r["path"] for r in resources()}
    assert files == described


def test_every_resource_validates_against_its_schema():
    report = validate(str(PACKAGE))
    problems = [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors]
    assert problems + [e.message for e in report.errors] == []
    assert report.valid


@pytest.mark.parametrize("resource", resources(), ids=lambda r: r["name"])
def test_each_resource_says_where_it_comes_from_or_that_it_is_synthetic_and_has_a_licence(resource):
    assert resource.get("title") and resource.get("description") and resource.get("schema", {}).get("fields")
    assert resource.get("licenses"), "every resource needs a licence"
    if resource.get("synthetic") is True:
        assert "synthetic" in resource["description"].lower() and "synthetic" in resource["title"].lower()
        assert not resource.get("sources")
    else:
        sources = resource.get("sources")
        assert sources, "a resource that is not synthetic needs its sources"
        assert all(s.get("title") and s.get("path") and s.get("as_of") for s in sources), "each source needs a title, an address and an as_of date"


@pytest.mark.parametrize("resource", resources(), ids=lambda r: r["name"])
def test_each_field_has_a_type(resource):
    assert all(field.get("type") for field in resource["schema"]["fields"])
