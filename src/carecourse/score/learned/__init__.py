"""A learned second opinion on a rubric's criteria and penalties, where its patterns err.

For each shipped rubric, one linear model per criterion over the reply's character 1- and
2-grams (``carecourse.detect.linear``), and one per penalty over the same n-grams and what
the patterns found (a token ``c:<id>`` for each criterion, ``p:<id>`` for each penalty whose
patterns matched, ``verdict_tokens``); weights in ``<rubric id>.json`` beside this file,
trained by ``bench/train_criteria.py`` on the dev corpus, never on the test part.

- It adds criteria, only where it is sure and can say why: a criterion the patterns missed
  is met when the reply scores above ``sure`` and one clause carries at least
  ``evidence_share`` of the reply's weight; that clause is the evidence (kind ``learned``).
  This model never takes a criterion away (for one trainers rarely mark met, a low score
  says more about the prior than about the reply); the doubt model below does, knowing the
  grader met it. Where the grader still misses the criterion, one more model, fitted only on
  the replies it misses it in, over the n-grams and what the patterns found
  (``verdict_tokens``), may add it the same way above ``miss_sure``; knowing what the
  patterns found, its clause may hold words they found for another criterion.
- It doubts a criterion the grader met, when trainers seldom count such a reply as meeting
  it: one more model per criterion, over the same n-grams and what the patterns found
  (``verdict_tokens``), trained only on the replies where the grader, before doubting, met
  the criterion (规定就是这样 offered as the reason; 我给您约明天上午 taken back by 明天也不一定
  能到). Below ``doubt`` the criterion is not met, and the feedback names the words that did
  not count.
- It adds a penalty the patterns missed, for the few penalties whose model of the replies the
  grader misses it in holds out of fold (a flat no in words the patterns do not know: 可惜热心不能
  当身份证用): above ``add_sure``, with the clause that carries the reply's weight as evidence,
  as for a criterion.
- It lifts a penalty the patterns found when the reply scores below ``lift``: trainers
  seldom hold such words against such a reply (规定就是规定 in an otherwise kind refusal,
  a flat no that does point the way in words the patterns missed). A penalty trainers
  seldom give has no model.

A rubric without a model file, such as a trainer's own, is graded by its patterns alone.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import cache

from carecourse.detect.linear import LinearModel, ngrams
from carecourse.detect.matcher import make_finding
from carecourse.results import Finding
from carecourse.detect.structure import Structure
from carecourse.packaged import read_text

__all__ = ["Opinion", "add_key", "doubt_key", "keyed_models", "miss_key", "opinion", "penalty_key", "verdict_tokens"]


def penalty_key(pid: str) -> str:
    """A penalty's model among the criteria's, and its token when the patterns found it."""
    return f"p:{pid}"


def miss_key(cid: str) -> str:
    """The model of the replies the grader misses criterion ``cid`` in, among the others."""
    return f"m:{cid}"


def add_key(pid: str) -> str:
    """The model of the replies the grader misses penalty ``pid`` in, which may add it."""
    return f"a:{pid}"


def doubt_key(cid: str) -> str:
    """The model that doubts criterion ``cid`` where the grader met it, among the others."""
    return f"d:{cid}"


def keyed_models(data: dict) -> dict[str, dict]:
    """Every model of a rubric's model file under its key: the criteria's by criterion id, the
    others (which also read what the patterns found: ``verdicts``) by ``penalty_key``,
    ``miss_key`` and ``doubt_key``."""
    return {
        **data["criteria"],
        **{penalty_key(pid): m for pid, m in data["penalties"].items()},
        **{miss_key(cid): m for cid, m in data.get("misses", {}).items()},
        **{doubt_key(cid): m for cid, m in data.get("doubts", {}).items()},
        **{add_key(pid): m for pid, m in data.get("adds", {}).items()},
    }


def verdict_tokens(criteria: Iterable[str], penalties: Iterable[str]) -> frozenset[str]:
    """The tokens for what the patterns found, as the penalty and doubt models read them:
    ``c:<id>`` and ``p:<id>``."""
    return frozenset([*(f"c:{c}" for c in criteria), *map(penalty_key, penalties)])


class Opinion:
    """One rubric's criterion and penalty models and the scores at which they overrule the
    patterns. Penalty models are kept under ``penalty_key``, beside the criteria's ids."""

    def __init__(self, data: dict):
        longest = max(data["n"])
        vocabulary = data["vocabulary"]
        self.sure, self.share, self.lift = data["sure"], data["evidence_share"], data["lift"]
        self.doubt = data.get("doubt")
        self.miss_sure = data.get("miss_sure", self.sure)
        self.add_sure = data.get("add_sure")
        models = keyed_models(data)
        self.models = {
            key: LinearModel({g: w for g, w in zip(vocabulary, m["weights"]) if w}, m["bias"], longest)
            for key, m in models.items()
        }
        self.verdicts = {key: m["verdicts"] for key, m in models.items() if "verdicts" in m}  # token -> weight
        self._longest = longest
        self._ids = list(self.models)
        # every model's weight of an n-gram, packed into one integer (see _reply_weights)
        offset = 1 + max((abs(w) for m in self.models.values() for w in m.weights.values()), default=0)
        self._offset, self._top = offset, _FIELD * len(self._ids)
        empty = (1 << self._top) + sum(offset << (_FIELD * k) for k in range(len(self._ids)))  # weight 0 everywhere
        rows: dict[str, int] = {}
        for k, model in enumerate(self.models.values()):
            for gram, w in model.weights.items():
                rows[gram] = rows.get(gram, empty) + (w << (_FIELD * k))
        self._rows = rows
        self._last: tuple[str | None, dict[str, int]] = (None, {})

    def overrule(self, structure: Structure, cid: str, found: list[Finding], usable: Callable[[int, int], bool],
                 said: frozenset[str] = frozenset(), usable_by_miss: Callable[[int, int], bool] | None = None) -> list[Finding]:
        """``found`` (the patterns' evidence for criterion ``cid``), or, where that is empty
        and a model is sure, its evidence clause: the criterion's model first, then the one
        fitted on the replies the grader misses it in, which also reads what the patterns
        found (``said``); ``usable(start, end)`` vets a clause."""
        if found:
            return found
        for key, vet, sure in ((cid, usable, self.sure), (miss_key(cid), usable_by_miss or usable, self.miss_sure)):
            if key in self.models and self._score(key, structure.text, said) > sure:
                finding = self._evidence(structure, key, cid, vet)
                if finding:
                    return [finding]
        return found

    def adds(self, structure: Structure, pid: str, said: frozenset[str]) -> Finding | None:
        """Where the model of the replies the grader misses penalty ``pid`` in is sure it
        applies (and one clause carries ``evidence_share`` of the reply's weight), that clause as
        its evidence; else None. ``said``: what the patterns found (``verdict_tokens``)."""
        key = add_key(pid)
        if key not in self.models or self._score(key, structure.text, said) <= self.add_sure:
            return None
        return self._evidence(structure, key, pid)

    def _evidence(self, structure: Structure, key: str, name: str,
                  usable: Callable[[int, int], bool] = lambda s, e: True) -> Finding | None:
        """The clause model ``key`` weighs heaviest (of those ``usable`` accepts) as the evidence
        ``learned:<name>``, if it carries ``evidence_share`` of the reply's weight, so the
        evidence is what did it; else None."""
        model = self.models[key]
        clauses = [c for s, e in structure.sentences for c in structure.clauses_in(s, e)]
        span = model.heaviest(structure, clauses, skip=lambda s, e: not usable(s, e))
        if span and model.weight(structure.text[span[0] : span[1]]) >= self.share * self._reply_weights(structure.text)[key]:
            return make_finding(structure, f"learned:{name}", *span, kind="learned")
        return None

    def has_penalty_model(self, pid: str) -> bool:
        return penalty_key(pid) in self.models

    def lifts(self, text: str, pid: str, said: frozenset[str]) -> bool:
        """Whether the model of penalty ``pid`` is sure it does not apply to the reply ``text``,
        whose patterns found ``said`` (``verdict_tokens``)."""
        return self._score(penalty_key(pid), text, said) < self.lift

    def doubts(self, text: str, cid: str, said: frozenset[str]) -> bool:
        """Whether the model is sure trainers would not count criterion ``cid``, which the
        grader met, as met in the reply ``text``, whose patterns found ``said``."""
        key = doubt_key(cid)
        return key in self.models and self._score(key, text, said) < self.doubt

    def _score(self, key: str, text: str, said: frozenset[str]) -> int:
        """The log-odds of a model that reads the reply and what its patterns found."""
        return self.models[key].bias + self._reply_weights(text)[key] + self._said_weight(key, said)

    def _said_weight(self, key: str, said: frozenset[str]) -> int:
        """What model ``key`` makes of what the patterns found (nothing, for one that does not read it)."""
        verdicts = self.verdicts.get(key, {})
        return sum(verdicts.get(t, 0) for t in said)

    def _reply_weights(self, text: str) -> dict[str, int]:
        """Each model's weight of the whole reply, read in one pass over its n-grams (the last
        reply's are kept: a reply asks for several criteria and penalties)."""
        last_text, weights = self._last  # read once: another thread may replace it
        if last_text != text:
            # one sum of big integers adds up every model at once: each model's weights sit,
            # raised by the offset so none is negative, in a field of their own, and the top
            # field counts the n-grams, so the offsets can be taken off again
            total = sum(filter(None, map(self._rows.get, ngrams(text, self._longest))))
            count, mask, offset = total >> self._top, (1 << _FIELD) - 1, self._offset
            weights = {key: ((total >> (_FIELD * k)) & mask) - count * offset for k, key in enumerate(self._ids)}
            self._last = (text, weights)
        return weights


_FIELD = 48  # bits a model's sum has in a packed row: room for millions of n-grams


@cache
def opinion(rubric_id: str) -> Opinion | None:
    """The shipped models for a rubric, or None if it has none."""
    try:
        return Opinion(json.loads(read_text(__package__, f"{rubric_id}.json")))
    except FileNotFoundError:
        return None

