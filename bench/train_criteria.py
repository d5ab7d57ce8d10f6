"""Train the rubrics' learned second opinion (src/carecourse/score/learned/<rubric>.json).

For each shipped rubric and each of its criteria (except order criteria and those that need
several findings, such as two open questions), a logistic regression (linear_model.py) over
the distinct character 1- and 2-grams of the normalised reply, the target being "the
trainers marked this criterion met"; for each of its penalties that trainers give often
enough, one over the same n-grams and the tokens of what the patterns found
(``learned.verdict_tokens``), the target being "the trainers gave this penalty"; for each
criterion one clause can show, one over the same n-grams and tokens fitted only on the replies
the grader (patterns and the criterion models above) misses it in, which may add it; and for
each criterion, one that doubts it, fitted only on the replies where the grader (with those)
met it, the target of both being "the trainers marked it met". Learned from
the dev part of the corpus, never from the test part. One vocabulary per rubric (n-grams
seen in at least three of its replies), each model's weights listed in its order, all whole
numbers in units of 1/1,000 (``SCALE``).

    .venv/bin/python bench/train_criteria.py          # needs numpy and scipy
    .venv/bin/python bench/train_criteria.py --adds   # only the models that add a penalty, the rest kept as shipped

And for the penalties in ADD_MODELS, one over the same n-grams and tokens fitted on the replies the
whole grader misses the penalty in (and where nothing keeps it off: no flag, no criterion it is
``unless``), which may add it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from linear_model import LONGEST, features, fit
from train_tone import DEV, read_lines

from carecourse.detect import detect
from carecourse.detect.linear import SCALE, log_odds
from carecourse.normalize import normalize
from carecourse.rubrics import builtin, scenario_ids
from carecourse.score import _compiled, apply_rubric, learned

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "carecourse" / "score" / "learned"
C = 3.0  # inverse strength of the L2 penalty
# Chosen on dev batch 6 before it was trained on (0.75-0.85 and 0.15-0.25 all within 0.001):
SURE = 0.8  # a missed criterion is met above this probability
EVIDENCE_SHARE = 0.2  # ... if one clause carries this share of the reply's weight (the evidence)
MIN_CASES = 5  # a criterion met (or missed) by fewer dev replies gets no model
# Chosen leaving one dev batch out at a time: 0.05 to 0.2 all gained (bench/learned_cv.py: penalty
# accuracy 0.949 -> 0.952 at 0.1); 0.15 and 0.2 also lifted a leading question of the held-out set
LIFT = 0.1  # a penalty the patterns found is lifted below this probability
# A penalty trainers seldom give (overpromise: 3% of replies) gets no model: every reply
# scores low, so a lift would say more about the prior than about the reply.
MIN_PENALTY_SHARE = 0.05
# Chosen leaving dev batches out (bench/learned_cv.py --doubt C THRESHOLD [KEEP]: five groups of
# batches, through the whole grader). At each C's best threshold, C 3 with 0.2, C 1 with 0.35 and
# C 0.3 with 0.4 gained 0.0033 / 0.0034 / 0.0036 criterion accuracy, 0.0005 / 0.0005 / 0.0006
# penalty accuracy and 0.0049 / 0.0056 / 0.0055 level QWK; the strongest L2 penalty leans least on
# any one n-gram, and its doubts of the held-out set and the rubric samples are the least sure.
# Its threshold is lowered to 0.2, where none of them loses a criterion its marks give it, with a
# margin (at 0.25 one held-out reply sat on the edge, at 0.3 two fell, at 0.4 three and a sample),
# and the doubts are right more often: out of fold 625 of 749 (0.83; 0.79 at 0.25), for +0.0023
# criterion accuracy, +0.0003 penalty accuracy and +0.0031 QWK.
DOUBT_C = 0.3
DOUBT = 0.2  # a criterion the grader met is not met below this probability
# Each doubt model is fitted again on its 1,500 n-grams of largest weight (and the tokens): out of
# fold (at 0.25) the same figures to four decimals as with all of them (500: 0.0001 less criterion
# accuracy), and the browser's rubric data a quarter lighter.
DOUBT_KEEP = 1_500
# Where the grader still misses a criterion one clause can show, a model fitted on the replies it
# misses it in (n-grams and tokens) may add it, above MISS_SURE, with an evidence clause that may
# hold words the patterns found for another criterion (the model reads them). Out of fold (five
# groups, with the doubts): +0.0013 criterion accuracy and +0.0026 QWK at 0.8 (+0.0001 when its
# clause had to be free of other criteria's words), but at 0.8 it gave decline-policy your_option
# to a held-out reply and a rubric sample that state the rule (本人或者本人证件加授权): there the
# corpus's trainers count the rule as a way forward, and the course team's samples do not. So that
# criterion has no miss model (NO_MISS_MODEL) and the rest add at 0.8, the first adding models'
# SURE: 0.9602 / 0.9678 / 0.8375 against 0.9596 / 0.9678 / 0.8365 for all of them at 0.95 (and the
# doubts alone's 0.9589 / 0.9678 / 0.8352).
MISS_C = 1.0
MISS_KEEP = 1_500
MISS_SURE = 0.8
NO_MISS_MODEL = {("decline-policy", "your_option")}
# A penalty the grader misses may be added by a model fitted on the replies it misses it in (n-grams and
# tokens), above ADD_SURE, its evidence the clause that carries the reply's weight. Out of fold (five
# groups of dev batches; the patterns as they were at the start of session 46), at 0.6 / 0.7 / 0.8 / 0.9:
# decline-policy flat_no +29 -4 / +25 -3 / +21 -2 / +7 -1 decisions; every other penalty lost or broke
# even (all of them together: -23 / -4 / +1 / -4), so only flat_no has one (a no in words the patterns do
# not know: 可惜热心不能当身份证用, 系统它不通融啊).
ADD_MODELS = {("decline-policy", "flat_no")}
ADD_SURE = 0.8


def add_fitted(rubric, rows: list[dict], docs: list[list[str]], said: list[list[str]], data: dict) -> dict:
    """For each penalty of ``rubric`` in ADD_MODELS, a model of whether trainers gave it,
    fitted on the ``rows`` the grader (its second opinion read from ``data``) misses it in and
    where nothing keeps it off (a flag, a criterion it is ``unless``)."""
    from carecourse.score import gaming

    _compiled(rubric).opinion = learned.Opinion(data)
    scored = [apply_rubric(rubric, detect(normalize(r["text"]))) for r in rows]
    models = {}
    for p in rubric.penalties:
        if (rubric.id, p.id) not in ADD_MODELS:
            continue
        mine = [i for i, s in enumerate(scored)
                if s.flag not in gaming.EMPTY and p.id not in {q.penalty.id for q in s.penalties}
                and not {c.criterion.id for c in s.criteria if c.met} & set(p.unless)]  # fmt: skip
        y = [1.0 if p.id in rows[i]["penalties"] else 0.0 for i in mine]
        models[p.id] = _fit_kept(y, [docs[i] + said[i] for i in mine], MISS_C, MISS_KEEP)
    return models


def with_adds(data: dict, adds: dict) -> dict:
    """Model file ``data`` with the models that add a penalty (``adds``) among its own, over a
    vocabulary grown by their n-grams (every other model's weights listed again in its order)."""
    grams = {g for w, _ in adds.values() for g, v in w.items() if not is_token(g) and round(v * SCALE)}
    vocabulary = sorted(set(data["vocabulary"]) | grams)
    at = {g: k for k, g in enumerate(data["vocabulary"])}
    for section in ("criteria", "penalties", "misses", "doubts"):
        for m in data.get(section, {}).values():
            m["weights"] = [m["weights"][at[g]] if g in at else 0 for g in vocabulary]
    return data | {"vocabulary": vocabulary, "add_sure": log_odds(ADD_SURE),
                   "adds": {pid: in_units(*m, vocabulary, reads_found=True) for pid, m in adds.items()}}  # fmt: skip


def pattern_verdicts(rubric_id: str, texts: list[str]) -> list[list[str]]:
    """The verdict tokens of each reply: what the grader's patterns found (the models the
    package holds now play no part in them)."""
    learned.opinion = lambda _rubric_id: None
    compiled = _compiled(builtin(rubric_id))
    return [sorted(compiled.pattern_verdicts(detect(normalize(t)))) for t in texts]


def train(rubric_id: str, rows: list[dict]) -> dict:
    rubric = builtin(rubric_id)
    texts = [r["text"] for r in rows]
    docs = features(texts)
    criteria = {}
    for c in rubric.criteria:
        y = [1.0 if c.id in r["met"] else 0.0 for r in rows]
        # an order, or a criterion that needs several findings, is more than one clause can show
        if c.order or c.min_count > 1 or min(sum(y), len(y) - sum(y)) < MIN_CASES:
            continue
        criteria[c.id] = fit(texts, y, C, docs)
    said = pattern_verdicts(rubric_id, texts)
    penalties = {}
    for p in rubric.penalties:
        y = [1.0 if p.id in r["penalties"] else 0.0 for r in rows]
        if sum(y) < MIN_PENALTY_SHARE * len(y):
            continue
        penalties[p.id] = fit(None, y, C, [grams + found for grams, found in zip(docs, said)])
    misses = miss_fitted(rubric, rows, docs, said, graded(rubric, rows, opinion_data(criteria, penalties)), MISS_C, MISS_KEEP)
    before_doubting = graded(rubric, rows, opinion_data(criteria, penalties, misses))
    doubts = doubt_fitted(rubric, rows, docs, said, before_doubting, DOUBT_C, DOUBT_KEEP)
    data = opinion_data(criteria, penalties, misses, doubts)
    adds = add_fitted(rubric, rows, docs, said, data)
    return {
        "about": f"carecourse learned second opinion on the {rubric_id} rubric: one logistic regression per "
        f"criterion over distinct character 1- and 2-grams of the normalised reply, and one per penalty over "
        f"those and the tokens of what the patterns found, and per criterion two over the same, fitted on the replies "
        f"the grader misses it in (misses) and meets it in (doubts); weights in units of 1/{SCALE} listed in the order of the "
        "vocabulary; trained by bench/train_criteria.py on tests/data/corpus/dev.jsonl",
        "n": list(range(1, LONGEST + 1)),
        "scale": SCALE,
        "replies": len(rows),
        **(with_adds(data, adds) if adds else data),
    }


def opinion_data(criteria: dict, penalties: dict, misses: dict | None = None, doubts: dict | None = None) -> dict:
    """Fitted models as the package reads them (in units), over a vocabulary of the n-grams
    some model weighs at least one unit."""
    misses, doubts = misses or {}, doubts or {}
    models = [*criteria.values(), *penalties.values(), *misses.values(), *doubts.values()]
    vocabulary = sorted({g for w, _ in models for g, v in w.items() if not is_token(g) and round(v * SCALE)})
    return {
        "n": list(range(1, LONGEST + 1)), "sure": log_odds(SURE), "evidence_share": EVIDENCE_SHARE, "lift": log_odds(LIFT),
        "doubt": log_odds(DOUBT), "miss_sure": log_odds(MISS_SURE), "vocabulary": vocabulary,
        "criteria": {cid: in_units(*m, vocabulary) for cid, m in criteria.items()},
        "penalties": {pid: in_units(*m, vocabulary, reads_found=True) for pid, m in penalties.items()},
        "misses": {cid: in_units(*m, vocabulary, reads_found=True) for cid, m in misses.items()},
        "doubts": {cid: in_units(*m, vocabulary, reads_found=True) for cid, m in doubts.items()},
    }  # fmt: skip


def graded(rubric, rows: list[dict], data: dict) -> list[set[str]]:
    """The criteria the grader meets in each row, its second opinion read from ``data``
    (nothing doubted: ``data`` holds no doubt models)."""
    _compiled(rubric).opinion = learned.Opinion(data)
    return [{c.criterion.id for c in apply_rubric(rubric, detect(normalize(r["text"]))).criteria if c.met} for r in rows]


def miss_fitted(rubric, rows: list[dict], docs: list[list[str]], said: list[list[str]], met: list[set[str]],
                c: float, keep: int | None = None) -> dict[str, tuple[dict[str, float], float]]:
    """For each criterion one clause can show, a model of whether trainers marked it met,
    fitted on the ``rows`` whose grade (``met``) misses it."""
    shown_by_a_clause = [x for x in rubric.criteria if not x.order and x.min_count == 1 and (rubric.id, x.id) not in NO_MISS_MODEL]
    return _conditional(shown_by_a_clause, rows, docs, said, met, False, c, keep)


def doubt_fitted(rubric, rows: list[dict], docs: list[list[str]], said: list[list[str]], met: list[set[str]],
                 c: float, keep: int | None = None) -> dict[str, tuple[dict[str, float], float]]:
    """The doubt models of ``rubric``'s criteria, each fitted on the ``rows`` whose grade
    before doubting (``met``) meets it."""
    return _conditional(rubric.criteria, rows, docs, said, met, True, c, keep)


def _conditional(criteria, rows, docs, said, met, meets: bool, c: float, keep: int | None) -> dict:
    """For each criterion, a model of "the trainers marked it met" over the n-grams (``docs``)
    and verdict tokens of the rows whose grade meets it (``meets``) or misses it; with ``keep``,
    fitted again on the ``keep`` n-grams of largest weight and the tokens."""
    models = {}
    for criterion in criteria:
        mine = [i for i, m in enumerate(met) if (criterion.id in m) == meets]
        y = [1.0 if criterion.id in rows[i]["met"] else 0.0 for i in mine]
        if min(sum(y), len(y) - sum(y)) < MIN_CASES:
            continue
        models[criterion.id] = _fit_kept(y, [docs[i] + said[i] for i in mine], c, keep)
    return models


def _fit_kept(y: list[float], features: list[list[str]], c: float, keep: int | None) -> tuple[dict[str, float], float]:
    """A model fitted on ``features``; with ``keep``, fitted again on its ``keep`` n-grams of
    largest weight and every verdict token."""
    weights, bias = fit(None, y, c, features)
    if keep is not None:
        grams = sorted((g for g in weights if not is_token(g)), key=lambda g: (-abs(weights[g]), g))[:keep]
        kept = {*grams, *filter(is_token, weights)}
        weights, bias = fit(None, y, c, [[g for g in f if g in kept] for f in features])
    return weights, bias


def in_units(weights: dict[str, float], bias: float, vocabulary: list[str], reads_found: bool = False) -> dict:
    """A fitted model as the package reads it: bias and weights in units of 1/SCALE, the
    weights listed in the vocabulary's order; with ``reads_found``, its verdict tokens' too."""
    model = {"bias": round(bias * SCALE), "weights": [round(weights.get(g, 0.0) * SCALE) for g in vocabulary]}
    if reads_found:
        model["verdicts"] = {t: u for t in sorted(weights) if is_token(t) and (u := round(weights[t] * SCALE))}
    return model


def is_token(feature: str) -> bool:
    """A verdict token (``c:<id>``, ``p:<id>``) among a penalty or doubt model's n-grams."""
    return feature.startswith(("c:", "p:")) and len(feature) > 2


def adds_only(rubric_id: str, rows: list[dict]) -> dict:
    """The shipped model file of ``rubric_id`` with its models that add a penalty fitted again."""
    data = json.loads((OUT / f"{rubric_id}.json").read_text(encoding="utf-8"))
    data.pop("adds", None), data.pop("add_sure", None)
    texts = [r["text"] for r in rows]
    adds = add_fitted(builtin(rubric_id), rows, features(texts), pattern_verdicts(rubric_id, texts), data)
    return with_adds(data, adds) if adds else data


def main() -> None:
    dev = read_lines(DEV)
    for rubric_id in scenario_ids():
        rows = [r for r in dev if r["scenario"] == rubric_id]
        if "--adds" in sys.argv[1:] and not any(sid == rubric_id for sid, _ in ADD_MODELS):
            continue
        model = adds_only(rubric_id, rows) if "--adds" in sys.argv[1:] else train(rubric_id, rows)
        path = OUT / f"{rubric_id}.json"
        path.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"{rubric_id}: {len(rows)} replies, {len(model['criteria'])} criteria and {len(model['penalties'])} penalties modelled, "
              f"{len(model['vocabulary'])} n-grams -> {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
