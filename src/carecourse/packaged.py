"""Read the data files shipped inside the package (lexicons, rubrics, rules, messages)."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

__all__ = ["LOADER", "read_text", "read_yaml"]

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_text(package: str, *path: str) -> str:
    """The UTF-8 text of ``path`` inside ``package`` (works from a wheel or a checkout)."""
    return resources.files(package).joinpath(*path).read_text(encoding="utf-8")


def read_yaml(package: str, *path: str) -> Any:
    return yaml.load(read_text(package, *path), Loader=LOADER)
