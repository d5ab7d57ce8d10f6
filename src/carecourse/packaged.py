"""Read the data files shipped inside the package (lexicons, rubrics, rules, messages)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

__all__ = ["LOADER", "parse_model", "read_file", "read_text", "read_yaml"]

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_text(package: str, *path: str) -> str:
    """The UTF-8 text of ``path`` inside ``package`` (works from a wheel or a checkout)."""
    return resources.files(package).joinpath(*path).read_text(encoding="utf-8")


def read_yaml(package: str, *path: str) -> Any:
    return yaml.load(read_text(package, *path), Loader=LOADER)


def read_file(path, error: type[Exception], what: str) -> str:
    """The UTF-8 text of a trainer's file; ``error`` says why it cannot be read."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        reason = "not UTF-8 text" if isinstance(err, UnicodeDecodeError) else (err.strerror or str(err))
        raise error(f"{path}: cannot read {what} ({reason})") from None


def parse_model(raw: str, source: str, model, error: type[Exception], shape: str):
    """Validate YAML text as ``model``; any problem raises ``error`` naming ``source``.

    ``shape`` says what the file should look like when it is not a mapping at all.
    """
    from pydantic import ValidationError

    try:
        data = yaml.load(raw, Loader=LOADER)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise error(f"{source}: not valid YAML{where}: {getattr(err, 'problem', err)}") from None
    if not isinstance(data, dict):
        raise error(f"{source}: {shape}")
    try:
        return model.model_validate(data)
    except ValidationError as err:
        raise error(f"{source}: " + "; ".join(_describe(e) for e in err.errors())) from None


def _describe(error: dict) -> str:
    where = ".".join(str(p) for p in error["loc"])
    message = error["msg"].removeprefix("Value error, ")
    return f"{where}: {message}" if where else message
