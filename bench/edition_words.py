"""The words OpenCC's Taiwan profile changes in the zh-Hant edition, for reviewing terms.yaml.

Lists, most frequent first, every word (jieba) of the built site's visible text that the
phrase-level profile (s2twp) converts differently from character conversion (s2tw), and
what the edition prints for it after the course's own terms. Run after `make book`:

    .venv/bin/python bench/edition_words.py
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import jieba
import opencc

from carecourse.edition import to_traditional
from carecourse.edition.check import visible_text

SITE = Path(__file__).resolve().parent.parent / "_build" / "html"


def main() -> None:
    jieba.setLogLevel(60)
    phrases, characters = opencc.OpenCC("s2twp"), opencc.OpenCC("s2tw")
    pages = [p for p in SITE.rglob("*.html") if "zh-Hant" not in p.parts]
    text = "\n".join(visible_text(p.read_text(encoding="utf-8")) for p in pages)
    words = Counter(w for w in jieba.lcut(text) if len(w) > 1)
    changed = [(n, w) for w, n in words.items() if phrases.convert(w) != characters.convert(w)]
    print(f"{len(changed)} words of {len(words)} take the profile's wording")
    for n, word in sorted(changed, reverse=True):
        print(f"{n:5}  {word}  →  {phrases.convert(word)}  (edition: {to_traditional(word)})")


if __name__ == "__main__":
    main()
