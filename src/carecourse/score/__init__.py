"""Step 3 of the pipeline: apply a rubric to an analysed reply (step 2's ``Analysis``).

It returns a ``Scored``: each criterion met or not with its points and evidence, the
penalties that apply, the gaming flag and the total; step 4 (``carecourse.feedback``)
turns that into the learner's ``GradeResult``.

Each criterion collects evidence from the shared techniques, its own patterns and the
rubric's named sets; a shipped rubric's learned models then give their second opinion
(``learned/``: a criterion missed added, a criterion met doubted); an order criterion
compares where its two sides first appear.
Penalties subtract points, unless the second opinion is sure one found does not apply.
What it returns, and how a criterion's evidence becomes its points, is ``scored.py``.
Gaming checks (``gaming/``) come first and can void it all; ``spans.py`` tests where
evidence lies (inside a rebuke, a blank, a set's match); ``quotes.py`` shapes the evidence
the learner is shown as their words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from operator import attrgetter

from carecourse.detect import REBUKES, TECHNIQUES, Analysis, matchers_of
from carecourse.detect.scan import Scan
from carecourse.detect.matcher import PhraseMatcher, make_finding
from carecourse.detect.structure import Structure
from carecourse.regex_subset import compile_subset
from carecourse.results import Finding
from carecourse.rubrics import Criterion, Penalty, Rubric, builtin, scenario_ids
from carecourse.score import gaming, learned
from carecourse.score.rebukes import UNCALMED, calm_at, rebuke_span, rebuke_spans, rude_sounding
from carecourse.score.scored import CriterionScore, PenaltyScore, Scored, criterion_score, with_refused
from carecourse.score.spans import covered_by, overlap_test

__all__ = ["CriterionScore", "PenaltyScore", "Scored", "apply_rubric"]


def apply_rubric(rubric: Rubric, analysis: Analysis) -> Scored:
    compiled = _compiled(rubric)
    evidence = compiled.criterion_evidence(analysis)
    pattern_findings = [f for found in evidence.values() for f in found if f.id.startswith("pattern:")]
    flag = gaming.check(rubric, analysis, pattern_findings)
    counts = _ANY  # which penalty evidence counts
    if flag == "keyword_list":  # only what stands in a real clause was said ("您好" yes, "道歉" no)
        said = gaming.said_in_clause(analysis.structure.text)
        evidence = {cid: [f for f in found if said(f)] for cid, found in evidence.items()}
        counts = _said_or_rude(analysis, said)
    unheard = [analysis.memo[(compiled, kind)] for kind in ("rebuked", "echoed", "reversed")]
    structure = analysis.structure
    criteria = [
        criterion_score(c, evidence[c.id], flag, [u.get(c.id, []) for u in unheard], compiled.as_one.get(c.id), structure)
        for c in rubric.criteria
    ]
    if compiled.opinion:
        criteria = [compiled.doubted(c, analysis) for c in criteria]
    criteria = [with_refused(c, analysis, () if c.met else compiled.undone_own(c.criterion, analysis)) for c in criteria]
    if not flag:
        criteria = [compiled.weakly(compiled.with_spoilt(c, analysis), structure) for c in criteria]
    met = {c.criterion.id for c in criteria if c.met}
    penalties = [
        PenaltyScore(p, -float(p.points), found)
        for p in rubric.penalties
        if flag not in gaming.EMPTY
        and not met.intersection(p.unless)
        and (found := [f for f in compiled.penalty_evidence(p, analysis) or compiled.added(p, analysis) if counts(f)])
        and not compiled.lifted(p, found, analysis)
    ]
    total = sum(c.points for c in criteria) + sum(p.points for p in penalties)  # a flagged reply's criteria earn 0
    return Scored(rubric, criteria, penalties, flag, rubric.bounded(total))




class _CompiledRubric:
    """A rubric's patterns compiled once; finds each criterion's and penalty's evidence."""

    def __init__(self, rubric: Rubric):
        self.rubric = rubric
        # the learned models know the shipped rubric's criteria, not a trainer's changes to them
        shipped = rubric.id in scenario_ids() and rubric == builtin(rubric.id)
        self.opinion = learned.opinion(rubric.id) if shipped else None
        # a penalty drawing on the rude-words lexicon is about rudeness: its rude-sounding
        # matches in a sentence that reads clearly calm do not count
        self.rude = {p.id for p in rubric.penalties if "forbidden" in p.techniques}
        # what those penalties do not count (their spoilt_by sets) is no rebuke here either
        self.not_rude = sorted({n for p in rubric.penalties if p.id in self.rude for n in p.spoilt_by})
        self.sets = {
            name: PhraseMatcher.build(f"set:{name}", s.patterns, s.exclude, negatable=s.negatable)
            for name, s in rubric.sets.items()
        }
        self.own = {
            item.id: PhraseMatcher.build(
                f"pattern:{item.id}", item.patterns, item.exclude,
                negatable=item.negatable, skip_quoted=not getattr(item, "in_quotes", False),
            )  # fmt: skip
            for item in [*rubric.criteria, *rubric.penalties]
        }
        self.scan = Scan(_searches(self.sets.values(), self.own.values(), _lexicons_used(rubric)))
        self.as_one = {c.id: compile_subset(c.count_as_one) for c in rubric.criteria if c.count_as_one}
        self.weak = {c.id: compile_subset(c.weak) for c in rubric.criteria if c.weak}

    def _matched(self, item: Criterion | Penalty, analysis: Analysis) -> list[Finding]:
        """What the item's techniques, own patterns and sets find (worked out once per reply;
        the list is shared, so callers only read it)."""
        key = (self, id(item))
        found = analysis.memo.get(key)
        if found is None:
            found = analysis.of_any(item.techniques)
            found += self.own[item.id].find(analysis.structure)
            for name in item.sets:
                found += self._set_found(name, analysis)
            if len(found) > 1:  # a technique and a pattern may find one span
                found = sorted({(f.start, f.end): f for f in found}.values(), key=_SPAN)
            if item.id in self.rude:  # (a question that looks down on him or shows him up is rude however kindly put)
                found = [f for f in found if (f.id == "bad_question" and f.kind in UNCALMED) or not rude_sounding(f, item.id) or not calm_at(analysis, f.nstart)]
            analysis.memo[key] = found
        return found

    def _set_found(self, name: str, analysis: Analysis) -> list[Finding]:
        """What the rubric's named set ``name`` finds in the reply (once per reply)."""
        key = (self, name)
        found = analysis.memo.get(key)
        if found is None:
            found = analysis.memo[key] = self.sets[name].find(analysis.structure)
        return found

    def criterion_evidence(self, analysis: Analysis) -> dict[str, list[Finding]]:
        structure = analysis.structure
        self.scan.run(structure)
        rebukes = rebuke_spans(analysis, overlap_test(self._set_spans(self.not_rude, analysis)))
        in_rebuke = covered_by(rebukes)
        blanks = gaming.blank_spans(structure.text)
        listed = gaming.listed_spans(structure.text)
        in_list = covered_by(listed)

        def usable(f: Finding) -> bool:  # not said inside a rebuke, not filling a template blank, not a name listed
            return not in_rebuke(f.nstart) and not (blanks and _touches(f, blanks, structure.text)) and not in_list(f.nstart)

        voids = {c.id: overlap_test(self._void(c, analysis)) for c in self.rubric.criteria if not c.order}
        evidence = {
            c.id: [f for f in self._matched(c, analysis) if usable(f) and not voids[c.id](f.nstart, f.nend)]
            for c in self.rubric.criteria
            if not c.order
        }
        rebuked = {  # said inside a rebuke: not counted, but named in the feedback
            c.id: [f for f in self._matched(c, analysis) if in_rebuke(f.nstart)]
            for c in (self.rubric.criteria if rebukes else ())
            if not c.order
        }
        analysis.memo[(self, "found")] = [cid for cid, found in evidence.items() if found]  # the patterns' own
        if self.opinion:
            evidence = self._second_opinion(analysis, evidence, rebukes + blanks + listed, voids)
        for c in self.rubric.criteria if rebukes else ():
            if c.void_in_rebuke:
                rebuked[c.id], evidence[c.id] = rebuked[c.id] + evidence[c.id], []
        analysis.memo[(self, "rebuked")] = rebuked
        echoed = {  # a restatement that parrots the customer's line (after the second opinion: it may not add one back)
            c.id: evidence[c.id] for c in self.rubric.criteria
            if c.own_words and evidence[c.id] and gaming.echoes(structure.text, self.rubric.customer_says, c.own_words)
        }  # fmt: skip
        evidence |= dict.fromkeys(echoed, [])
        analysis.memo[(self, "echoed")] = echoed
        reversed_ = analysis.memo[(self, "reversed")] = {}
        for c in self.rubric.criteria:
            if c.order:
                evidence[c.id], said = self._order_evidence(c, analysis, evidence)
                if said:
                    reversed_[c.id] = said
        return evidence

    def lifted(self, p: Penalty, found: list[Finding], analysis: Analysis) -> bool:
        """Whether the second opinion is sure that penalty ``p``, which the patterns found
        (``found``), does not apply. A rebuke (blame, scolding, mockery, a brush-off: the
        shared rude lexicons and the tone model) is never lifted, however kind the words
        around it (您好，你肯定是弄错了，请到这边取号), nor a penalty found by the technique it is
        named after (a bad question put to him: 您想看什么样的手机？…这么贵的您买得起吗？), nor one
        the second opinion itself added (``added``)."""
        if not (self.opinion and self.opinion.has_penalty_model(p.id)) or any(f.id in REBUKES or f.id == p.id or f.kind == "learned" for f in found):
            return False
        return self.opinion.lifts(analysis.structure.text, p.id, self.pattern_verdicts(analysis))

    def added(self, p: Penalty, analysis: Analysis) -> list[Finding]:
        """Where the patterns found nothing for penalty ``p``, the second opinion's evidence
        that it applies (a model of the replies the grader misses it in; ``learned.Opinion.adds``)."""
        found = self.opinion.adds(analysis.structure, p.id, self.pattern_verdicts(analysis)) if self.opinion else None
        return [found] if found else []

    def doubted(self, scored: CriterionScore, analysis: Analysis) -> CriterionScore:
        """``scored``, or, where the second opinion doubts a criterion met, that criterion
        unmet, its evidence kept as ``doubted`` for the feedback to name."""
        if not scored.met or not self.opinion.doubts(analysis.structure.text, scored.criterion.id, self.pattern_verdicts(analysis)):
            return scored
        if self._near_copy(scored.criterion, analysis):  # said mostly in his words: named as the echo it is
            return replace(scored, met=False, points=0.0, evidence=[], echoed=scored.evidence)
        return replace(scored, met=False, points=0.0, evidence=[], doubted=scored.evidence)

    def _near_copy(self, c: Criterion, analysis: Analysis) -> bool:
        """Whether criterion ``c`` restates the customer and the reply is mostly his line said
        back (``gaming.yaml``: ``echo.near_copy``, the share of its own at most)."""
        own = gaming.settings()["echo"]["near_copy"]
        return c.in_quotes and bool(self.rubric.customer_says) and gaming.echoes(analysis.structure.text, self.rubric.customer_says, own)

    def pattern_verdicts(self, analysis: Analysis) -> frozenset[str]:
        """What the patterns found, as the penalty and doubt models read it (``learned.verdict_tokens``):
        the criteria their evidence met before the second opinion, the penalties they found."""
        key = (self, "said")
        said = analysis.memo.get(key)
        if said is None:
            if (self, "found") not in analysis.memo:  # (bench/train_criteria.py asks before grading)
                self.criterion_evidence(analysis)
            penalties = [q.id for q in self.rubric.penalties if self.penalty_evidence(q, analysis)]
            said = analysis.memo[key] = learned.verdict_tokens(analysis.memo[(self, "found")], penalties)
        return said

    def with_spoilt(self, scored: CriterionScore, analysis: Analysis) -> CriterionScore:
        """``scored``, or, for a missed criterion, the words of the first set it is ``spoilt_by``
        that has something to say (``PhraseSet.said``) where they spoilt words that would have
        met it ("打电话不断线" for 断线); the feedback names another reason first, if there is one."""
        c = scored.criterion
        if scored.met:
            return scored
        for name in c.spoilt_by:
            said = name in self.sets and self.rubric.sets[name].said
            if not said:
                continue
            on_its_words = overlap_test([(w.nstart, w.nend) for w in self._matched(c, analysis)])
            found = [f for f in self._set_found(name, analysis) if on_its_words(f.nstart, f.nend)]
            if found:
                return replace(scored, spoilt=found, spoilt_said=said)
        return scored

    def weakly(self, scored: CriterionScore, structure: Structure) -> CriterionScore:
        """``scored``, marked ``weak`` where it is met and each piece of its evidence is wholly
        in a form its ``weak`` patterns name: the points stand, the feedback asks for more."""
        weak = self.weak.get(scored.criterion.id)
        if weak is None or not scored.met or not scored.evidence:
            return scored
        if all(weak.fullmatch(structure.text, f.nstart, f.nend) for f in scored.evidence):
            return replace(scored, weak=True)
        return scored

    def undone_own(self, c: Criterion, analysis: Analysis) -> list[tuple[int, int]]:
        """Where criterion ``c``'s own patterns name a deed negated or refused, and, for a deed (a
        negatable criterion), where its words were said, then taken back at once: the feedback
        names them (``scored.with_refused``)."""
        structure = analysis.structure
        negated = self.own[c.id].negated(structure)
        if not (c.negatable and structure.taken_back):
            return negated
        taken = overlap_test(structure.taken_back)
        return negated + [(f.nstart, f.nend) for f in self._matched(c, analysis) if taken(f.nstart, f.nend)]

    def _void(self, c: Criterion, analysis: Analysis) -> list[tuple[int, int]]:
        """Where criterion ``c``'s evidence earns nothing: what the penalties and sets it is
        ``spoilt_by`` found (a bad question is not also a good closed one); for a deed (a negatable
        criterion), a clause taken back at once too (``Structure.taken_back``)."""
        found = [f for p in self.rubric.penalties if p.id in c.spoilt_by for f in self._matched(p, analysis)]
        taken_back = analysis.structure.taken_back if c.negatable else []
        return [(f.nstart, f.nend) for f in found] + self._set_spans(c.spoilt_by, analysis) + taken_back

    def _set_spans(self, names, analysis: Analysis) -> list[tuple[int, int]]:
        """Where the rubric's sets among ``names`` find something."""
        return [(f.nstart, f.nend) for name in names if name in self.sets for f in self._set_found(name, analysis)]

    def _second_opinion(self, analysis: Analysis, evidence: dict, spoilt: list[tuple[int, int]], voids: dict) -> dict[str, list[Finding]]:
        """The learned models' verdicts on the criteria the patterns missed. Their evidence is
        a clause nothing else explains: not in a rebuke or a blank, holding no words the
        patterns found for another criterion or a penalty (a promise is no explanation), and
        not void for that criterion (``voids``). A miss model, which reads what the patterns
        found, may point at a clause that holds such words (it knows a promise was found)."""
        claims: list[list[tuple[int, int]]] = []  # worked out only when a model is sure

        def free(s: int, e: int) -> bool:
            if not claims:
                found = [f for fs in evidence.values() for f in fs]
                found += [f for p in self.rubric.penalties for f in self._matched(p, analysis)]
                claims.append(overlap_test([*spoilt, *((f.nstart, f.nend) for f in found)]))
            return not claims[0](s, e)

        undone: dict[str, Callable[[int, int], bool]] = {}  # worked out only when a model is sure

        def not_done(cid: str, s: int, e: int) -> bool:  # the deed it credits negated or refused there
            if cid not in undone:
                undone[cid] = analysis.undone(self.rubric.criterion(cid).techniques)
            return undone[cid](s, e)

        def usable_for(cid: str):
            return lambda s, e: free(s, e) and not voids[cid](s, e) and not not_done(cid, s, e)

        spoilt_at = overlap_test(spoilt)

        def seen_for(cid: str):  # the miss models read what the patterns found: their clause may hold it
            return lambda s, e: not spoilt_at(s, e) and not voids[cid](s, e) and not not_done(cid, s, e)

        said = self.pattern_verdicts(analysis)
        return {cid: self.opinion.overrule(analysis.structure, cid, found, usable_for(cid), said, seen_for(cid)) for cid, found in evidence.items()}

    def _order_evidence(self, c: Criterion, analysis: Analysis, evidence: dict) -> tuple[list[Finding], list[Finding]]:
        """The two sides in order ([first, then]); or, with none in order, the two said the
        wrong way round ([then, first]: the offer before the no), which the feedback names."""

        def earliest(found) -> Finding | None:
            return min(found, key=lambda f: f.nstart, default=None)

        if c.order.ranked:
            first = next(filter(None, (earliest(self._named(name, analysis, evidence)) for name in c.order.first)), None)
        else:
            first = earliest(f for n in c.order.first for f in self._named(n, analysis, evidence))
        if first is None:
            return [], []
        thens = [f for n in c.order.then for f in self._named(n, analysis, evidence)]
        then = earliest(f for f in thens if f.nstart > first.nstart) if c.order.any_then else earliest(thens)
        if then and first.nstart < then.nstart:
            return [first, then], []
        before = earliest(f for f in thens if f.nstart < first.nstart)
        return [], [before, first] if before else []

    def _named(self, name: str, analysis: Analysis, evidence: dict) -> list[Finding]:
        if name in evidence:
            return evidence[name]
        if name in self.sets:
            return self._set_found(name, analysis)
        return analysis.of(name)

    def penalty_evidence(self, p: Penalty, analysis: Analysis) -> list[Finding]:
        """What the penalty points at; a rebuke is shown as the whole clause (or sentence) it
        spoils, the same span that earns nothing (worked out once per reply: the second
        opinion reads it too; callers only read the list)."""
        key = (self, "penalty", p.id)
        found = analysis.memo.get(key)
        if found is None:
            found = analysis.memo[key] = self._penalty_evidence(p, analysis)
        return found

    def _penalty_evidence(self, p: Penalty, analysis: Analysis) -> list[Finding]:
        structure = analysis.structure
        spoilt = overlap_test(self._set_spans(p.spoilt_by, analysis))
        found = []
        for f in self._matched(p, analysis):
            if spoilt(f.nstart, f.nend):
                continue
            if f.id in REBUKES:
                f = make_finding(structure, f.id, *rebuke_span(structure, f))
            found.append(f)
        unique = {(f.start, f.end): f for f in found}
        return sorted(unique.values(), key=_SPAN)


def _lexicons_used(rubric: Rubric) -> list[PhraseMatcher]:
    """The lexicons' matchers a grade with ``rubric`` always runs: its items' techniques and
    the rebukes."""
    techniques = {t for item in [*rubric.criteria, *rubric.penalties] for t in item.techniques}
    return [m for t in TECHNIQUES if t in techniques or t in REBUKES for m in matchers_of(t)]


def _searches(*groups) -> list:
    return [search for matchers in groups for m in matchers for search in (m.pattern, m.exclude) if search is not None]


_SPAN = attrgetter("start", "end")
_ANY: Callable[[Finding], bool] = lambda f: True  # (a reply that is no keyword list: all its evidence counts)


def _said_or_rude(analysis: Analysis, said: Callable[[Finding], bool]) -> Callable[[Finding], bool]:
    """Which of a keyword list's penalty evidence counts: what was said in a clause, and rude
    words the lexicons name wherever they stand ("问候 引导 分流 别挡道"), but not the tone model's
    reading of listed words, nor a refusal only listed ("政策 无法办理 建议 委托")."""
    named = overlap_test([(f.nstart, f.nend) for f in analysis.of_any(REBUKES) if f.kind != "tone"])
    return lambda f: said(f) or named(f.nstart, f.nend)


def _touches(finding: Finding, blanks: list[tuple[int, int]], text: str) -> bool:
    """A template blank fills the evidence's slot: inside it ("营业厅的某某"), right before
    it ("XX营业厅"), right after a slot word that ends it ("我是（姓名）"), or after it with
    only a colon or an item's number between (``gaming.SLOT_LEAD``: "建议您：1.____")."""
    slot_words = gaming.settings()["blank_slot_words"]
    for s, e in blanks:
        if (s < finding.nend and finding.nstart < e) or e == finding.nstart:
            return True
        if s == finding.nend and text[finding.nend - 1 : finding.nend] in slot_words:
            return True
        if s > finding.nend and gaming.SLOT_LEAD.fullmatch(text, finding.nend, s):
            return True
    return False


_CACHE: dict[int, tuple[Rubric, _CompiledRubric]] = {}


def _compiled(rubric: Rubric) -> _CompiledRubric:
    hit = _CACHE.get(id(rubric))
    if hit is None or hit[0] is not rubric:
        if len(_CACHE) > 256:
            _CACHE.clear()
        hit = _CACHE[id(rubric)] = (rubric, _CompiledRubric(rubric))
    return hit[1]
