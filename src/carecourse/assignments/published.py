"""Replies a learner can read: the shipped rubrics' marked samples (inside the package every
learner installs) and the worked examples under the site's practice boxes.

A graded exercise reusing one of those scenarios must not credit a reply copied from them,
and no model answer may be one of them: whoever has read it would hold the answer.
"""

from __future__ import annotations

from functools import cache

from carecourse.score.gaming import settings
from carecourse.score.gaming.config import content_of
from carecourse.score.gaming.repeats import said_again

__all__ = ["MIN_COPIED", "MIN_RUN", "copied_from", "published_replies"]

# Copied means runs of at least MIN_RUN characters (stock words anyone says are shorter:
# 请问有什么可以帮您, 您好让您久等了), MIN_COPIED characters in all, covering the share of the
# reply that a copy of the customer's line must (``gaming.yaml``, ``copy.share``).
MIN_RUN = 12
MIN_COPIED = 24


@cache
def published_replies(scenario: str) -> tuple[str, ...]:
    """Every reply to the shipped ``scenario`` a learner can read (none for a course's own)."""
    from carecourse.rubrics import builtin, scenario_ids
    from carecourse.widgets.practice import worked_examples

    if scenario not in scenario_ids():
        return ()
    samples = [s.text.strip() for s in builtin(scenario).samples if not s.gamed]  # (a gamed one is flagged anyway)
    return tuple(dict.fromkeys([*worked_examples(scenario), *samples]))


def copied_from(scenario: str, text: str) -> str | None:
    """The published reply ``text`` copies, or None (see ``MIN_RUN``), whatever script or
    punctuation it is typed in."""
    share = settings()["copy"]["share"]
    content = content_of(text)
    if len(content) < MIN_COPIED:
        return None
    for reply in published_replies(scenario):
        if said_again(content, MIN_RUN, _content(reply)) >= max(share * len(content), MIN_COPIED):
            return reply
    return None


@cache
def _content(reply: str) -> str:
    return content_of(reply)
