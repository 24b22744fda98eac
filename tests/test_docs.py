"""Documentation is tested (as sqlite-utils does): every command and subcommand explains itself
with an example, and every command and make target the README names exists."""
import re

import click
import pytest

from trainingkit.cli import main

from conftest import REPO


def walk(group, prefix=("trainingkit",)):
    for name, command in group.commands.items():
        path = (*prefix, name)
        yield " ".join(path), command
        if isinstance(command, click.Group):
            yield from walk(command, path)


COMMANDS = dict(walk(main))


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_and_subcommand_has_help_with_an_example(name):
    help_text = COMMANDS[name].help or ""
    assert help_text.strip(), f"{name} has no help text"
    if not isinstance(COMMANDS[name], click.Group):
        assert "Example:" in help_text, f"{name}: its help has no 'Example:' line"


def readme_commands():
    """Each `trainingkit …` the README shows, as the words before the first option or argument."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    found = set()
    for line in re.findall(r"(?m)(?:^|`)(trainingkit(?: [a-z][a-z-]*)+)", text):
        words = line.split()
        for end in range(len(words), 0, -1):  # the longest prefix that names a command
            if " ".join(words[:end]) in COMMANDS:
                found.add(" ".join(words[:end]))
                break
        else:
            found.add(line)  # names nothing: the test below fails with it
    return sorted(found)


@pytest.mark.parametrize("line", readme_commands())
def test_every_trainingkit_command_in_the_readme_exists(line):
    assert line in COMMANDS, f"README.md names '{line}', which is not a command"


def test_the_readme_names_commands_at_all():
    assert len(readme_commands()) >= 8


def make_targets():
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"(?m)^([a-z][a-z-]*):", text))


@pytest.mark.parametrize("target", sorted(set(re.findall(r"`make ([a-z][a-z-]*)", (REPO / "README.md").read_text(encoding="utf-8")))))
def test_every_make_target_in_the_readme_exists(target):
    assert target in make_targets()


def test_the_readme_architecture_names_every_package():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Architecture", 1)[1].split("\n## ", 1)[0]
    packages = sorted(p.parent.name for p in (REPO / "trainingkit").glob("*/__init__.py"))
    assert len(packages) >= 10
    assert [p for p in packages if not re.search(rf"\b{p}\b", section)] == []
