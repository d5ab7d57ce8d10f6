"""The browser grader's data, compiled from the Python grader (never edited by hand).

``core()`` holds what every reply needs: the normaliser's tables, the structure's and the
question finder's patterns, every technique's compiled lexicon, the tone model, the
techniques' learned models, the gaming rules and the feedback messages. ``scenario(id)``
holds one rubric, compiled the way ``carecourse.score`` compiles it, and its learned models.
Each pattern is the very one Python compiles, translated by ``jsregex``.
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from importlib import resources

from carecourse.detect import DEEDS, REBUKES, RUDE_SOUNDING, TECHNIQUES, structure, tone
from carecourse.detect import learned as detect_learned
from carecourse.detect import questions
from carecourse.detect.lexicon import lexicon
from carecourse.detect.matcher import plain_sources
from carecourse.feedback import messages
from carecourse.normalize import _FOLD, _typos
from carecourse.normalize import script
from carecourse.packaged import read_text
from carecourse.regex_subset import compile_subset
from carecourse.render.palette import colours
from carecourse.rubrics import builtin, scenario_ids
from carecourse.score import gaming, learned
from carecourse.score.rebukes import TONE_MARK_MAX, UNCALMED
from carecourse.score.quotes import QUOTE_GAP
from carecourse.web import jsregex
from carecourse.web.jsregex import PRIVATE_USE, Untranslatable, python_spaces

__all__ = ["core", "scenario"]

VERSION = 1


@cache
def stand_ins() -> dict[str, int]:
    """Private-use stand-ins for the characters above U+FFFF (and private-use ones) that the
    grader's data names (emoji in lexicons and models, rare CJK in rubrics): each keeps one
    code for good, so patterns and n-grams can name it. Other such characters of a reply get
    the codes after these, reply by reply."""
    known: set[str] = set()
    for folder in resources.files("carecourse").iterdir():
        if folder.name in ("detect", "normalize", "rubrics", "score", "wordclasses.yaml"):
            known.update(_special_chars(folder))
    if len(known) > PRIVATE_USE[1] - PRIVATE_USE[0]:
        raise Untranslatable("too many characters above U+FFFF in the grader's data")
    return {c: PRIVATE_USE[0] + k for k, c in enumerate(sorted(known))}


def _special(c: str) -> bool:
    return ord(c) > 0xFFFF or PRIVATE_USE[0] <= ord(c) <= PRIVATE_USE[1]


def _special_chars(item) -> set[str]:
    if item.is_dir():
        return set().union(*(_special_chars(child) for child in item.iterdir()))
    if not item.name.endswith((".yaml", ".json")):
        return set()
    text = item.read_text(encoding="utf-8")
    if item.name.endswith(".json"):
        text = json.dumps(json.loads(text), ensure_ascii=False)
    return {c for c in text if _special(c)}


def js_regex(pattern) -> str:
    return jsregex.js_regex(pattern, stand_ins())


def _in_browser_text(text: str) -> str:
    """``text`` as the browser's working text holds it (stand-ins for special characters)."""
    table = stand_ins()
    return "".join(chr(table[c]) if _special(c) else c for c in text)


def core() -> dict:
    """Everything but the rubrics."""
    return {
        "version": VERSION,
        "unicode": _unicode(),
        "normalize": _normalize(),
        "structure": _structure(),
        "questions": _questions(),
        "scenarios": list(scenario_ids()),
        "techniques": list(TECHNIQUES),
        "lexicons": {t: _lexicon(t, entry) for t, entry in lexicon().items()},
        "tone": _tone(),
        "learned": _learned_techniques(),
        "gaming": _gaming(),
        "score": {
            "rebukes": list(REBUKES), "rude_sounding": list(RUDE_SOUNDING), "deeds": list(DEEDS), "tone_mark_max": TONE_MARK_MAX, "uncalmed": list(UNCALMED),
            "greeting_clause": js_regex(questions.GREETING_CLAUSE), "quote_gap": QUOTE_GAP,
        },  # fmt: skip
        "messages": messages(),
        "colours": colours(),
        "stand_ins": {"table": stand_ins(), "first_free": PRIVATE_USE[0] + len(stand_ins())},
    }


def scenario(scenario_id: str) -> dict:
    """One shipped rubric, its patterns compiled, and its learned models."""
    rubric = builtin(scenario_id)
    data = rubric.model_dump(mode="json", exclude={"samples", "sets"})
    data["max_score"] = rubric.max_score
    data["sets"] = {
        name: _matcher(f"set:{name}", s.patterns, s.exclude, negatable=s.negatable) for name, s in rubric.sets.items()
    }
    data["set_said"] = {name: s.said for name, s in rubric.sets.items() if s.said}
    for item, out in zip([*rubric.criteria, *rubric.penalties], [*data["criteria"], *data["penalties"]], strict=True):
        out["matcher"] = _matcher(
            f"pattern:{item.id}", item.patterns, item.exclude,
            negatable=item.negatable, skip_quoted=not getattr(item, "in_quotes", False),
        )  # fmt: skip
        for key in ("patterns", "exclude"):
            out.pop(key)
    for criterion, out in zip(rubric.criteria, data["criteria"], strict=True):
        for key in ("count_as_one", "weak"):
            out[key] = js_regex(compile_subset(getattr(criterion, key))) if getattr(criterion, key) else None
    return {"version": VERSION, "rubric": data, "learned": _learned(scenario_id)}


def _matcher(id: str, patterns=(), exclude=(), kinds=None, *, negatable: bool, skip_quoted: bool = True) -> dict:
    """A ``PhraseMatcher`` as the browser builds it (``PhraseMatcher.build`` in Python)."""
    pattern, exclusion = plain_sources(patterns, exclude, kinds)
    return {
        "id": id,
        "pattern": js_regex(pattern) if pattern else None,
        "exclude": js_regex(exclusion) if exclusion else None,
        "negatable": negatable,
        "skip_quoted": skip_quoted,
    }


def _lexicon(technique: str, entry) -> dict:
    matcher = _matcher(technique, entry.patterns, entry.exclude, entry.kinds or None, negatable=entry.negatable)
    return {"label": entry.label, "colour": entry.colour, **matcher}


def _ranges(codes) -> list[list[int]]:
    out: list[list[int]] = []
    for c in codes:
        if out and out[-1][1] == c - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return out


def _unicode() -> dict:
    """Python's own view of Unicode, so the browser follows it where its engine's differs."""
    from carecourse.normalize import _NEEDS_CLEANING

    everything = "".join(map(chr, range(0x110000)))
    categories = [unicodedata.category(c) for c in everything]
    return {
        "version": unicodedata.unidata_version,
        "spaces": _ranges(python_spaces()),
        "dropped": _ranges(c for c, cat in enumerate(categories) if cat in ("Cc", "Cf", "Cs")),
        "unassigned": _ranges(c for c, cat in enumerate(categories) if cat == "Cn"),
        "needs_cleaning": _ranges(m.start() for m in _NEEDS_CLEANING.finditer(everything)),
        "private_use": list(PRIVATE_USE),
    }


def _normalize() -> dict:
    from carecourse.normalize import _LINE_BREAK

    by_char, phrases, _chars = script._table()
    chars = {chr(k): v for k, v in by_char.items()}
    if any(len(v) != 1 for v in chars.values()):
        raise ValueError("t2s.txt: a character must turn into one character")
    typo_pattern, typo_table = _typos()
    return {
        "fold": {chr(k): v for k, v in _FOLD.items()},
        "line_breaks": _LINE_BREAK.findall("".join(map(chr, range(0x110000)))),
        "t2s_chars": "".join(chars) + "\t" + "".join(chars.values()),
        "t2s_phrases": phrases,
        "typos": {
            "pattern": js_regex(typo_pattern) if typo_pattern else None,
            "table": {_in_browser_text(k): _in_browser_text(v) for k, v in typo_table.items()},
        },
    }


def _structure() -> dict:
    negator, set_phrases, reach, refused, refused_later = structure._negation()
    return {
        "sentence_end": js_regex(structure._SENTENCE_END),
        "clause_break": js_regex(structure._CLAUSE_BREAK),
        "quote": js_regex(structure._QUOTE),
        "reported": js_regex(structure._REPORTED),
        "own_speech": js_regex(structure._OWN_SPEECH),
        "spoken_alone": structure.SPOKEN_ALONE,
        "frame_bounds": structure.FRAME_BOUNDS,
        "negator": js_regex(negator),
        "set_phrases": js_regex(set_phrases),
        "reach": reach,
        "refused_after": list(refused),
        "refused_later": js_regex(refused_later),
        "taken_back": js_regex(structure._taken_back()),
    }


def _questions() -> dict:
    return {
        "trailing": questions._TRAILING,
        "asks": js_regex(questions._ASKS),
        "greeted": js_regex(questions._GREETED),
        "lead_in": js_regex(questions._LEAD_IN),
        "clause": js_regex(questions._CLAUSE),
        "not_asking": js_regex(questions._NOT_ASKING),
        "may_i_ask": js_regex(questions._MAY_I_ASK),
        "asking_word": js_regex(questions._ASKING_WORD),
        "asked_last": js_regex(questions._ASKED_LAST),
        "doubt": js_regex(questions._DOUBT),
        "addressed": js_regex(questions._ADDRESSED),
    }


def _grouped(grams: list[str]) -> tuple[list[list[str]], list[int]]:
    """N-grams written compactly: ``[prefix, last characters]`` groups in sorted order (a
    third of the bytes once gzipped), and where each gram of that order was in ``grams``."""
    order = sorted(range(len(grams)), key=lambda k: grams[k])
    groups: list[list[str]] = []
    for k in order:
        prefix, last = grams[k][:-1], grams[k][-1]
        if groups and groups[-1][0] == prefix:
            groups[-1][1] += last
        else:
            groups.append([prefix, last])
    return groups, order


def _tone() -> dict:
    data = json.loads(read_text("carecourse.detect", tone.MODEL_FILE))
    model = tone.model()
    grams = [g for g, w in model.weights.items() if w]
    groups, order = _grouped([_in_browser_text(g) for g in grams])
    return {
        "bias": model.bias,
        "threshold": data["threshold"],
        "calm": data["calm"],
        "sentence_gate": data.get("sentence_gate"),
        "sentence_threshold": data.get("sentence_threshold"),
        "longest": model.longest,
        "grams": groups,
        "weights": [model.weights[grams[k]] for k in order],
    }


def _learned_techniques() -> dict:
    data, models = detect_learned.settings(), detect_learned.models()
    vocabulary = sorted({g for m in models.values() for g in m.weights})
    weights = {t: (m.bias, [m.weights.get(g, 0) for g in vocabulary]) for t, m in models.items()}
    vocabulary_groups, ordered = _models_table(vocabulary, weights)
    return {"sure": data["sure"], "longest": max(data["n"]), "vocabulary": vocabulary_groups, "techniques": ordered}


def _learned(scenario_id: str) -> dict | None:
    if learned.opinion(scenario_id) is None:
        return None
    data = json.loads(read_text("carecourse.score.learned", f"{scenario_id}.json"))
    models = learned.keyed_models(data)  # as learned.Opinion keys them
    vocabulary_groups, ordered = _models_table(data["vocabulary"], {k: (m["bias"], m["weights"]) for k, m in models.items()})
    verdicts = {key: m["verdicts"] for key, m in models.items() if "verdicts" in m}
    return {"sure": data["sure"], "evidence_share": data["evidence_share"], "lift": data["lift"], "doubt": data.get("doubt"),
            "miss_sure": data.get("miss_sure", data["sure"]), "add_sure": data.get("add_sure"),
            "longest": max(data["n"]), "vocabulary": vocabulary_groups, "criteria": ordered, "verdicts": verdicts}  # fmt: skip


def _models_table(vocabulary: list[str], weights: dict[str, tuple[int, list[int]]]) -> tuple[list[list[str]], dict]:
    """Models sharing one vocabulary (each model's bias and weights, listed in the
    vocabulary's order), written compactly: the vocabulary grouped (``_grouped``) and each
    model's weights in the grouped order (``engine/linear.mjs`` learnedModels reads them)."""
    groups, order = _grouped([_in_browser_text(g) for g in vocabulary])
    return groups, {k: {"bias": bias, "weights": [w[i] for i in order]} for k, (bias, w) in weights.items()}


def _gaming() -> dict:
    config, lists, repeats = gaming.config, gaming.lists, gaming.repeats
    return {
        "settings": config.settings(),
        "separators": js_regex(config.SEPARATORS),
        "segment": js_regex(config.SEGMENT),
        "sentence_end": js_regex(config.SENTENCE_END),
        "spoken_end": js_regex(lists.SPOKEN_END),
        "run": js_regex(repeats.RUN),
        "han": js_regex(config.HAN),
        "latin_word": js_regex(gaming.LATIN_WORD),
        "glue_char": js_regex(config.glue_char()),
        "blanks": js_regex(gaming.blanks()),
        "slot_lead": js_regex(gaming.SLOT_LEAD),
        "item": js_regex(lists.ITEM),
        "technique_name": js_regex(lists.technique_name()),
        "outline_label": js_regex(lists.outline_label()),
        "narrated_plan": js_regex(lists.narrated_plan()),
        "narrated_addressed": js_regex(lists.narrated_addressed()),
        "stage_direction": js_regex(lists.STAGE_DIRECTION),
        "number_mark": js_regex(lists.NUMBER_MARK),
        "chinese_numerals": lists.CHINESE_NUMERALS,
        "chinese_mark": js_regex(lists.CHINESE_MARK),
        "plan_word": js_regex(lists.plan_word()),
        "opening_brackets": lists.OPENING_BRACKETS,
        "closing_bracket": js_regex(lists.CLOSING_BRACKET),
        "asked": js_regex(lists.ASKED),
        "punctuated": js_regex(lists.PUNCTUATED),
        "tag_question": js_regex(lists.TAG_QUESTION),
        "attributive": js_regex(lists.ATTRIBUTIVE),
        "empty": list(gaming.EMPTY),
        "said": list(gaming.SAID),
        "said_but_not_restated": list(gaming.SAID_BUT_NOT_RESTATED),
    }
