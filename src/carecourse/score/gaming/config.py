"""``gaming.yaml`` and the character classes every check reads: separators, segments,
sentence ends, Chinese characters, glue."""

from __future__ import annotations

import re
from functools import cache

from carecourse.detect.factoring import one_of
from carecourse.normalize import normalize
from carecourse.packaged import read_yaml

__all__ = ["HAN", "SEGMENT", "SENTENCE_END", "SEPARATORS", "content_of", "glue", "glue_char", "settings"]

SEPARATOR_CHARS = r" \n,、。!?;:.~/|()\[\]【】《》\"…\-—_*#"
SEPARATORS = re.compile(f"[{SEPARATOR_CHARS}]+")
SEGMENT = re.compile(f"[^{SEPARATOR_CHARS}]+")
SENTENCE_END = re.compile(r"[。!?]")
HAN = re.compile("[\u3400-\u9fff]")


@cache
def settings() -> dict:
    return read_yaml(__package__, "gaming.yaml")


@cache
def glue() -> frozenset[str]:
    return frozenset(settings()["glue"])


@cache
def glue_char() -> re.Pattern[str]:
    return one_of("".join(glue()))


@cache
def content_of(text: str) -> str:
    """The normalised content characters of a fixed text (placeholders, customer lines)."""
    return SEPARATORS.sub("", normalize(text).text)
