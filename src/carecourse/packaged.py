"""Read the project's data files: YAML (lexicons, rubrics, samples, assignments, content,
messages, quizzes …) through one loader, and the UTF-8 text of shipped and trainer's files.

Every YAML file goes through ``load_yaml``, so a bad one always fails the same way: one
``DataFileError`` (or a subclass, e.g. ``RubricError``) whose message starts ``file:line:``.
"""

from __future__ import annotations

import os
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import yaml

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["LOADER", "DataFileError", "PlacedError", "load_yaml", "read_file", "read_text", "read_yaml", "resource", "yaml_lines"]

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Model = TypeVar("Model", bound="BaseModel")


class DataFileError(ValueError):
    """A data file that cannot be used; the message names the file, the line and every problem.

    A subclass names its kind of file for the messages: ``what`` it is, and the ``shape``
    it should have when it is not a mapping at all.
    """

    what = "YAML file"
    shape = "the file must be a YAML mapping"


def resource(package: str, *path: str) -> Traversable:
    """A file shipped inside ``package`` (works from a wheel or a checkout)."""
    return resources.files(package).joinpath(*path)


def read_text(package: str, *path: str) -> str:
    """The UTF-8 text of ``path`` inside ``package``."""
    return resource(package, *path).read_text(encoding="utf-8")


def read_yaml(package: str, *path: str) -> Any:
    """The data of a YAML file shipped inside ``package``, as plain Python values."""
    return load_yaml(resource(package, *path))


def read_file(path, error: type[Exception], what: str) -> str:
    """The UTF-8 text of a trainer's file; ``error`` says why it cannot be read."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        reason = "not UTF-8 text" if isinstance(err, UnicodeDecodeError) else (err.strerror or str(err))
        raise error(f"{path}: cannot read {what} ({reason})") from None


def load_yaml(file: str | os.PathLike | Traversable, model: type[Model] | None = None, *, text: str | None = None,
              error: type[DataFileError] = DataFileError, first_line: int = 1,
              context: dict | None = None) -> Model | Any:
    """The data of a YAML file: validated as ``model`` when one is given, else plain values.

    ``file`` is a path or a package resource (``resource(package, name)``). With ``text``
    the YAML is that text and ``file`` only names it (a quiz in a page, a rubric being
    edited; ``first_line`` is the file's line the text starts on). Any problem raises
    ``error`` as ``file:line: problem``. ``context`` goes to the model's validators.
    """
    if text is None:
        text = read_file(file, error, error.what) if isinstance(file, (str, os.PathLike)) else file.read_text("utf-8")
    try:
        root, data = _parsed(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = first_line + mark.line if mark else first_line
        raise error(f"{file}:{line}: not valid YAML: {getattr(err, 'problem', err)}") from None
    if twice := _key_twice(root):
        key, line, before = twice
        raise error(f"{file}:{first_line + line}: {key} is given twice (first on line {first_line + before}); "
                    "YAML keeps only the last, so say it once")
    if model is None:
        return data
    if not isinstance(data, dict):
        raise error(f"{file}:{first_line}: {error.shape}")
    from pydantic import ValidationError  # only where a model is asked for: reading plain data starts faster

    try:
        return model.model_validate(data, context=context)
    except ValidationError as err:
        problems = []
        for e in err.errors():
            loc = e["loc"] + getattr(e.get("ctx", {}).get("error"), "loc", ())
            problems.append(_describe(e, loc, f"{file}:{first_line + _line_of(root, loc)}"))
        raise error("; ".join(problems)) from None


class PlacedError(ValueError):
    """A validator's error about one place below the model it checks: ``loc`` is the path of
    keys and list positions to it, so the message names that line (a duplicate id where it is
    written, not at the top of the file)."""

    def __init__(self, loc: tuple, message: str):
        super().__init__(message)
        self.loc = loc


def _parsed(text: str) -> tuple[yaml.Node | None, Any]:
    """The YAML text's node tree and its data, parsed once."""
    loader = LOADER(text)
    try:
        root = loader.get_single_node()
        return root, (loader.construct_document(root) if root is not None else None)
    finally:
        loader.dispose()


def _key_twice(root: yaml.Node | None) -> tuple[str, int, int] | None:
    """The earliest key given twice in one mapping (the key, its 0-based line, the line it was
    first given on), or None."""
    twice = []
    stack, seen_nodes = ([root] if root is not None else []), set()
    while stack:
        node = stack.pop()
        if id(node) in seen_nodes:  # (an alias repeats a node)
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value != "<<":
                    if key.value in first:
                        twice.append((key.start_mark.line, key.value, first[key.value]))
                    first.setdefault(key.value, key.start_mark.line)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    if not twice:
        return None
    line, key, before = min(twice)
    return key, line, before


def yaml_lines(path: str | os.PathLike):
    """``line(loc)``: the 1-based line of ``loc`` (keys and list positions) in the YAML file at
    ``path``, which is read and composed once."""
    root = yaml.compose(Path(path).read_text(encoding="utf-8"), Loader=LOADER)
    return lambda loc: 1 + _line_of(root, loc) if root is not None else 1


def _line_of(node: yaml.Node, loc: tuple) -> int:
    """The 0-based line of the deepest node on ``loc`` (a pydantic error's path) that exists."""
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == str(key)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            child = node.value[key]
        else:
            child = None
        if child is not None:  # else a name pydantic adds (a union's tag): skip it
            node = child
    return node.start_mark.line


def _describe(error: dict, loc: tuple, where: str) -> str:
    path = ".".join(str(p) for p in loc)
    message = error["msg"].removeprefix("Value error, ")
    return f"{where}: {path}: {message}" if path else f"{where}: {message}"
