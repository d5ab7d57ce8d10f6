"""The grader on replies nobody wrote its patterns for: the corpus's test part and the
held-out set (tests/data/corpus/README.md says how they were made).

Issue 12's targets on the test part are criterion accuracy >= 0.95, penalty accuracy
>= 0.95, level QWK >= 0.85 and no criterion below 0.90; of these criterion accuracy, penalty
accuracy (since session 46, by a hair: 233 wrong decisions of 4,669) and level QWK are reached on
the test part as it now stands (the batch-1 half plus the whole of batches 12, 14 and 15); the
worst criterion (decline-policy your_option, 0.883) is not, near where the two labellers agreed
with each other (0.904). Until all are, this is a ratchet: the figures measured when it was written (below) may not fall, so a change that
fits the development part at the cost of generalising fails CI. Raise the floors as the
grader improves; `bench/validity.py` prints every figure, for the whole test part and for
each of its batches.
"""

import hashlib
import json
from pathlib import Path

import pytest

from carecourse.rubrics import builtin, scenario_ids
from carecourse.rubrics.samples import load_samples
from carecourse.detect import TECHNIQUES
from carecourse.evaluation.detection import Labelled, load_labelled, measure_detection
from carecourse.evaluation.validity import Marked, Validity, band, between_labellers, load_corpus, load_labellers, measure, qwk

DATA = Path(__file__).resolve().parent / "data"
TARGETS = {"criteria": 0.95, "penalties": 0.95, "qwk": 0.85, "worst_criterion": 0.90}
# measured 2026-12-06 (session 35) once the second opinion could doubt a criterion the grader met (a model
# per criterion fitted on the dev replies the grader meets it in, over their n-grams and what the patterns
# found; chosen leaving dev batches out): 0.9498, 0.9467, 0.8503, 0.8827 with doubts below 0.25 and every
# n-gram; then, below 0.2 (a margin on the held-out set, doubts right more often) and 1,500 n-grams a
# model: 0.9489, 0.9465, 0.8508, 0.8808 (floors: criteria 0.944 -> 0.947, qwk 0.844 -> 0.848, worst
# 0.870 -> 0.878).
# Then, once a model of the replies the grader misses a criterion in could add it (above 0.95, its clause
# allowed to hold words found for another criterion): 0.9496, 0.9465, 0.8513, 0.8808 (floors unchanged).
# Then (session 36), those miss models adding above 0.8, decline-policy your_option without one:
# 0.9502, 0.9465, 0.8520, 0.8808 (floors: criteria 0.947 -> 0.948).
# Then (session 37), negation reaching four characters but no space, a restatement's headings listed
# with a tag question flagged, a supposed charge in error no restatement, reported speech ending at a
# space, and a few judging and bad-question phrases (out of fold on dev: 0.9602/0.9678/0.8375 ->
# 0.9606/0.9680/0.8379): 0.9503, 0.9467, 0.8520, 0.8827 (floors: worst 0.878 -> 0.880). A space
# between Chinese words ending a clause as well (learned models retrained) measured 0.9499, 0.9465,
# 0.8517, 0.8827 and took the technique corpus's reason recall below its floor (0.645 -> 0.627: real
# chat replies part one thought with spaces): reverted.
# Then (session 38), the rubrics' second opinions retrained on the rules as they stand, 不急的话 and a
# bracket (a stage direction) bounding a negation, a Cantonese scolding: 0.9504, 0.9467, 0.8521,
# 0.8827 (floors unchanged); then overpromise (vouching for the visit; declining to promise is none)
# and rude words said kindly (不是我故意刁难您, 快进来吹吹空调, 十点前没人联系您就打给我), all without a
# dev loss: 0.9504, 0.9471, 0.8523, 0.8827 (floors unchanged).
# Then (session 39), an English word's apostrophe (I'm) no longer opening a quotation, more penalty
# phrases (明天肯定给您弄, 反正都是我们的问题, 恕难从命), terse statements checked with a question no
# keyword list and keywords run together counted among technique words only: 0.9507, 0.9480,
# 0.8529, 0.8827 (floors unchanged).
# Then (session 40), a parroting reply's check question counted (……，对吗？ meets confirm, scored
# nothing), 您说 followed by 什么都/破/来说去/一下/一声 or a question word no reported speech, a few
# impatience phrases, 本来可以 as a negator: 0.9509, 0.9480, 0.8530, 0.8827 (floors unchanged).
# Then (session 41), learner-found defects from four red-team helper sessions (a reply in quotation
# marks is the staff's own words; kind words no longer read as penalties; a bad question beside a good
# answer is no longer lifted; rhetorical deeds negated), none changing a dev decision: 0.9509, 0.9480,
# 0.8530, 0.8827 (floors unchanged).
# Then (session 42), defects found by six more red-team helper sessions (trainers' eyes, about 1,200
# replies): facts said the wrong way round, a time for the customer to call, words that sound like
# a point but turn it round (sets a criterion is spoilt_by, which now say why), bad questions and
# brush-offs in new words (a condescending or exposing question is no longer excused by a calm
# sentence), regional wording, the summary at half the points: dev +20 -2, held-out unchanged;
# 0.9509, 0.9482, 0.8533, 0.8827 (floors unchanged).
# Then (session 43), defects found by nine more red-team helper sessions (about 2,000 replies): rude,
# judging and presuming words in new phrasings, vows in regional words, sets for a way round the papers,
# a plea, a shrug, a time with no day, the blame taken off him (the tone model bound too): dev +22 -9;
# 0.9510, 0.9482, 0.8540, 0.8827 (floors unchanged).
# Then (session 44), defects found by eighteen more red-team helper sessions (about 4,400 replies): rude,
# judging and presuming words in new phrasings and dialect, sets for a check waved aside, facts asked again
# or turned round, an exception sought, a cause that is not why, a plan told instead of said (flagged),
# stage directions beside speech no keyword list, kind lines no penalty: dev +33 -6; 0.9511, 0.9482,
# 0.8540, 0.8827 (floors unchanged).
# Then (session 45), defects found by sixteen more red-team helper sessions (about 3,750 replies): a no left
# implicit with nothing offered is a flat no (decline-policy implicit_no), rude, judging, prying and vowing
# words in new phrasings, deeds refused or put off later in the clause, hollow offers and the rule bent,
# short sentences said to him no keyword list, kind lines no penalty: dev +33 -8; 0.9514, 0.9486, 0.8548,
# 0.8827 (floors unchanged).
# Then (session 46), eleven more red-team helper sessions (about 4,000 replies): rude, vowing, prying and
# refusing words in new phrasings, kind lines no penalty (dev +11 -4): 0.9514, 0.9488, 0.8552, 0.8827; the tone
# model reading the rudest sentence on its own in a reply that leans rude (chosen out of fold on dev): 0.9515,
# 0.9497, 0.8562, 0.8827; a model of the replies the grader misses decline-policy's flat no in adding it (chosen
# out of fold on dev): 0.9515, 0.9501, 0.8562, 0.8827 (floors: penalties 0.944 -> 0.946, qwk 0.848 -> 0.850).
# Then (session 47), the red team's reported disagreements re-run: 您说话… read as the speaker's words no more, rude,
# prying and judging words, hollow ways and the rule bent in new phrasings (dev unchanged): 0.9515, 0.9501, 0.8562,
# 0.8827 (floors unchanged).
# Then (session 48), the red team's findings, third pass: rude lines, bad questions and judgements, offers and oaths in new
# words, kind lines no penalty (dev +11 -2): 0.9515, 0.9499, 0.8559, 0.8827 (floors unchanged).
# Then (session 49), batch 51 was measured unread (0.9460, 0.9405, 0.8590, 0.8475 there) and read as dev is, and
# what it showed was built: a keyword list penalised only for what it says, 一、二、三、 numbering a plan, a deed taken
# back at once (……算了, ……哦不对) no deed (dev +25 -5): 0.9515, 0.9501, 0.8559, 0.8846 (floors unchanged).
# Then (session 50), batch 52 was measured unread (0.9463, 0.9390, 0.7939 there, its own marks' ceiling 0.7942) and read, and
# a deed refused by 没法 / 无法 after it (退款更没法弄) no deed (dev unchanged), nor one taken back by ……哦不行 (dev +3 -1),
# a blank after a colon or an item's number (建议您：1.____) filling its words' slot (dev +4 -1): 0.9515, 0.9501, 0.8559,
# 0.8846 (floors unchanged).
# Before that, measured 2026-12-06 (session 34) once decline-policy's order let a refusal proper (办不了) outrank the rule
# said as a no (必须本人来，或者带原件和授权书): 0.9461, 0.9465, 0.8482, 0.8788 (order 0.8692 -> 0.8981;
# the worst is now your_option; floors: criteria 0.943 -> 0.944, worst 0.861 -> 0.870).
# Before that, measured 2026-12-06 (session 33) once a deed refused or doubted later in its clause stopped counting
# (这个退款我这边是办不了的, 退费的话我这边没有权限, 您朋友回来也不一定能办): 0.9451, 0.9465, 0.8479,
# 0.8692 (0.8477 before the doubts; floors unchanged).
# Before that, measured 2026-12-06 (session 33) once complaint-billing's restate asked for the learner's own words
# (a reply half of which or more echoes the customer's line earns none): 0.9447, 0.9460, 0.8468,
# 0.8673 (floors unchanged).
# Before that, measured 2026-12-06 (session 32) once a lead-in (看您转了好一会儿了，) stopped being part of the
# question it opens: 0.9446, 0.9460, 0.8468, 0.8673 (floors unchanged).
# Before that, measured 2026-12-05 (session 31) once decline-policy's order took a refusal said, where there is
# one, as the no the offers follow: 0.9446, 0.9460, 0.8467, 0.8673 (order 0.8615 -> 0.8673).
# Before that, measured 2026-12-05 (session 29) once batches 48, 49 and 50 (1,067, 1,061 and 1,047 replies, each
# measured once unread first) had joined dev and the learned parts were retrained: 0.9444, 0.9460,
# 0.8467, 0.8615 (after batch 48: 0.9447, 0.9454, 0.8469, 0.8615; after 49: 0.9446, 0.9467, 0.8481,
# 0.8635). Before that, once batches 43 to 47 had joined (session 28): 0.9447, 0.9454, 0.8451, 0.8635.
# Before that, measured 2026-12-05 (session 26) once batch 42 (1,063 replies, measured once unread first) had joined
# dev and the learned parts were retrained: 0.9436, 0.9450, 0.8451, 0.8596.
# Before that, once batch 41 (1,070 replies, measured once unread first) had joined
# dev and the learned parts were retrained: 0.9441, 0.9450, 0.8450, 0.8635.
# Before that, once batch 40 (1,067 replies, measured once unread first) had joined
# dev and the learned parts were retrained: 0.9446, 0.9462, 0.8464, 0.8615.
# Before that, once batch 39 (1,070 replies, measured once unread first) had joined
# dev and the learned parts were retrained: 0.9444, 0.9475, 0.8470, 0.8635. Before it joined, three
# changes of the score, none of a criterion or penalty decision, had moved the level QWK from 0.8176:
# one open question of the two asked for earns half (0.8225), a reply of three template blanks or
# more scores nothing (0.8400), so does a reply padded by saying a third of it again (0.8476); the
# QWK floor rose with them, to one retraining's movement below.
# Before that, measured 2026-12-05 (evening, later) once batch 38 (1,073 replies, measured once unread first) had joined
# dev and the learned parts were retrained: 0.9446, 0.9467, 0.8176, 0.8615 (0.9444, 0.9473, 0.8176,
# 0.8596 just before).
# Before that, measured 2026-12-05 (evening) once batch 37 (1,070 replies, measured once unread first) had joined dev and
# the learned parts were retrained: 0.9444, 0.9473, 0.8176, 0.8596 (0.9436, 0.9462, 0.8173, 0.8577
# just before, with a bare 等急了吧？ no apology).
# Before that, measured 2026-12-05 (later still) once batch 36 (1,057 replies, measured once unread first) had joined dev
# and the learned parts were retrained: 0.9437, 0.9462, 0.8175, 0.8577 (0.9440, 0.9473, 0.8168,
# 0.8577 just before, with a greeting opening a brush-off still a greeting).
# Before that, measured 2026-12-05 (later) once batch 35 (1,071 replies, measured once unread first) had joined dev and
# the learned parts were retrained: 0.9439, 0.9473, 0.8168, 0.8577. Just before it joined (a repeated
# reply's criteria met, the technician getting in touch as the channel, a slot of choices as a
# blank, fragments closing on a question said to him) 0.9442, 0.9469, 0.8195, 0.8577: this
# retraining moved the level QWK by -0.003, so its floor sits that much lower.
# Before that, measured 2026-12-05 once batch 34 (1,073 replies, measured once unread first) had joined dev and
# the learned parts were retrained (a question said not to be asked, 我就不多问您办什么业务了, asks
# nothing: the retraining's one held-out slip): 0.9446, 0.9469, 0.8197, 0.8577.
# Before that, measured 2026-12-05 once batch 33 (1,074 replies, measured once unread first) had joined dev and
# the learned parts were retrained: 0.9446, 0.9462, 0.8200, 0.8558.
# Before that, measured 2026-12-05 once batch 32 (1,078 replies, measured once unread first) had joined dev and
# the learned parts were retrained, with asking what he needs in other words counted as one open
# question: 0.9444, 0.9458, 0.8195, 0.8538 (the floors raised to one retraining's movement below).
# Before that, measured 2026-12-05 once batches 30 and 31 (1,075 and 1,071 replies, each measured once
# unread first) had joined dev and the learned parts were retrained, after what they showed was
# built (a no in other words is a refusal; the situation said back explains nothing): 0.9441,
# 0.9447, 0.8176, 0.8558.
# Before that, measured 2026-12-05 once batch 29 (1,076 replies, measured once unread first) had joined dev,
# the learned parts were retrained and two held-out slips of the retraining were undone (我要是您
# 我也急 is empathy; 我就通融一次 is no rebuke): 0.9433, 0.9475, 0.8179, 0.8519.
# Before that, measured 2026-12-04 (night) once batches 22 to 28 (7,559 replies, each measured once unread
# first) had joined dev and the learned parts were retrained: 0.9426, 0.9458, 0.8157, 0.8500.
# After each of those batches joined: 0.9423, 0.9447, 0.8142, 0.8635 (22); 0.9416, 0.9460, 0.8132,
# 0.8596 (23); 0.9421, 0.9445, 0.8141, 0.8538 (24); 0.9427, 0.9445, 0.8161, 0.8558 (25); 0.9421,
# 0.9439, 0.8156, 0.8538 (26); 0.9425, 0.9450, 0.8148, 0.8519 (27): each retraining moves them by
# up to 0.001, the worst criterion by up to 0.006. Before that, measured 2026-12-04 (evening) on
# the same 3,621 replies once batches 18 to 21 (4,326 replies, each measured once unread first)
# had joined dev, the learned parts were retrained with them and what they showed
# was built (outlines and numbered plans earn nothing, mockery in new words, …):
# 0.9425, 0.9437, 0.8137, 0.860 (0.9428, 0.9439, 0.8147, 0.858 with batches 18 to 20; retraining
# with batch 21 moved the level QWK by -0.001, as retraining does either way). Before that, the same day,
# after rules found by auditing dev (keyword lists
# said to the customer, void_in_rebuke thanks, penalties spoilt by sets and no rebuke there, an
# apology owned only as a fault, feedback naming what a rebuke spoils): 0.941, 0.944, 0.815, 0.858.
# Before that, once batch 17 (1,066 replies, measured unread at
# 0.927 / 0.941 / 0.794) joined dev and the learned parts were retrained: 0.937, 0.943, 0.816, 0.860.
# Before that, the same day, after decline-policy's order took the reason as
# the refusal side, batch 16 joined dev (the learned parts retrained with it) and the second
# opinion lifts penalties: 0.936, 0.942, 0.811, 0.856 (order 0.815 -> 0.856).
# Before that, measured 2026-12-03 on the test part of 3,621 replies, once batch 15 (1,068 replies, made after
# the points below were calibrated, never read) joined it: 0.934, 0.940, 0.810, 0.815 (batch 15
# alone 0.936, 0.937, 0.822, 0.814, measured once before it joined; its QWK was 0.810 through the
# points before the calibration, and a perfect marker's 0.846 -> 0.862).
# Before that, on the test part of 2,553 replies after the points were calibrated again on
# the dev part (bench/calibrate_points.py; criteria and penalties unchanged): 0.933, 0.942, 0.806,
# 0.816 (a perfect marker's QWK 0.864; it was 0.791 and 0.849 with the points before).
# Before that, on the test part of 2,553 replies, once batch 14 (1,066 replies, never read)
# joined it: 0.934, 0.941, 0.792, 0.819 (batch 14 alone 0.931, 0.939, 0.771, measured once before
# it joined; a perfect marker's QWK through the rubrics' points is 0.849 on this test part and
# 0.831 on batch 14). Before that, on the test part of 1,487 replies, once batch 12 (1,078
# replies, never read) joined it: 0.937, 0.940, 0.809, 0.820 (batch 12 alone 0.934, 0.945, 0.790; the batch-1 half 0.943,
# 0.926, 0.845, 0.837). On the batch-1 half alone, earlier:
# 0.942, 0.930, 0.849, 0.837
# (after the models kept only n-grams seen in 3 replies); before that 0.944, 0.930, 0.850, 0.837
# (after the calm-sentence rule and the models retrained with batches 9 and 10); before that 0.943, 0.922, 0.850, 0.837
# (after the named-list rule and the models retrained in units of 1/1,000); 2026-12-02: 0.942, 0.922, 0.853, 0.825
# (after dev batches 4 and 5, the tone set, the learned second opinion, calibrated points and
# two more rubric rounds; it was 0.929, 0.906, 0.807, 0.825 after batches 2 and 3, and 0.898,
# 0.873, 0.740, 0.741 with batch 1)
# The floors sit one retraining's movement below the last figures, so that a new batch joining
# dev does not fail CI by itself while a real loss of generalisation does.
FLOORS = {"criteria": 0.948, "penalties": 0.946, "qwk": 0.850, "worst_criterion": 0.880}


@pytest.fixture(scope="module")
def test_part():
    return measure(load_corpus(DATA / "corpus" / "test.jsonl"))


def test_the_corpus_test_part_does_not_fall_below_its_floor(test_part):
    figures = {
        "criteria": test_part.criterion_accuracy,
        "penalties": test_part.penalty_accuracy,
        "qwk": test_part.qwk,
        "worst_criterion": test_part.worst_criterion()[1],
    }
    low = {k: round(v, 3) for k, v in figures.items() if v < FLOORS[k]}
    assert not low, f"generalisation fell below its floor: {low} (floors {FLOORS}, targets {TARGETS})"
    assert all(FLOORS[k] <= TARGETS[k] for k in FLOORS)


def test_the_corpus_is_split_once_and_whole():
    dev = load_corpus(DATA / "corpus" / "dev.jsonl")
    test = load_corpus(DATA / "corpus" / "test.jsonl")
    # batch 1 (r…) was split once by a hash of its text (odd -> test); batches 2 to 11, 13 and 16 to 50
    # (s… to z…, a…, b…, d…, g… to j…, l… to q…, A, B, D, G, H, J, L, M, N, O, P, Q, S, T, U, V, W, X, Y, Z, 1… to 5…) are all dev, batches 12, 14 and 15 (c…, e…, f…) all test;
    # batches 51 and 52 (6…, 7…) were read as dev is and wait in pending.jsonl to join it when the learned parts are next retrained
    batch1 = [r for r in dev if r.id.startswith("r")]
    batch1_test = [r for r in test if r.id.startswith("r")]
    assert len(batch1) + len(batch1_test) == 783 and len(dev) == 48819 and len(test) == 3621
    assert {r.id[0] for r in dev} == set("rstuvwxyzabdghijlmnopqABDGHJLMNOPQSTUVWXYZ12345") and {r.id[0] for r in test} == {"r", "c", "e", "f"}
    for part, parity in ((batch1, 0), (batch1_test, 1)):
        assert all(int(hashlib.sha256(("split-2026-12-01:" + r.text).encode()).hexdigest(), 16) % 2 == parity for r in part)
    pending = load_corpus(DATA / "corpus" / "pending.jsonl")
    assert len(pending) == 809 and {r.id[0] for r in pending} == {"6", "7"}
    assert not {r.text for r in dev} & {r.text for r in test} and not {r.text for r in pending} & {r.text for r in [*dev, *test]}
    # the two labellers' own marks are kept for every reply, once
    marked_by_two = [json.loads(line)["id"] for line in (DATA / "corpus" / "labellers.jsonl").open(encoding="utf-8")]
    assert sorted(marked_by_two) == sorted(r.id for r in [*dev, *test, *pending])
    for part in (dev, test, pending):
        assert {r.scenario for r in part} == set(scenario_ids())
        for r in part:
            rubric = builtin(r.scenario)
            assert r.met <= {c.id for c in rubric.criteria} and r.penalties <= {p.id for p in rubric.penalties}
            assert r.level in (0, 1, 2, 3)


def test_two_labellers_are_counted_as_the_grader_is():
    first = Marked("decline-policy", "……", frozenset({"reason", "your_option"}), frozenset(), 2, "a")
    second = Marked("decline-policy", "……", frozenset({"reason"}), frozenset({"flat_no"}), 1, "a")
    v = between_labellers([first], {"a": second})
    rubric = builtin("decline-policy")
    criteria, penalties = len(rubric.criteria), len(rubric.penalties)
    assert v.criterion_accuracy == (criteria - 1) / criteria and v.penalty_accuracy == (penalties - 1) / penalties
    assert v.levels[2][1] == 1 and sorted(item for _, item, _, _ in v.misses) == ["flat_no", "your_option"]
    # every reply of every part has both labellers' marks
    for part in ("dev", "pending", "test"):
        replies = load_corpus(DATA / "corpus" / f"{part}.jsonl")
        marked, others = load_labellers(DATA / "corpus" / "labellers.jsonl", replies)
        assert len(marked) == len(others) == len(replies)


def test_the_held_out_set_does_not_regress():
    replies = [Marked(s, x.text, frozenset(x.met), frozenset(x.penalties))
               for s in scenario_ids() for x in load_samples(DATA / "heldout" / f"{s}.yaml")[s]]  # fmt: skip
    v = measure(replies)
    # 0.983 and 0.979 when written: with batch 11 in the tone model's training, one brush-off
    # (手机有问题去售后，我们这里只管卖，出门右转) is penalised as judgement, which its mark (set
    # before issue 12 counted brush-offs as rude) does not expect
    assert v.criterion_accuracy >= 0.975 and v.penalty_accuracy >= 0.975


def test_the_points_are_calibrated_to_the_trainers_levels():
    # the trainers' own marks through the shipped points, against their levels, beat the same
    # marks through equal points (one a criterion, minus one a penalty) by a clear margin: 0.854
    # against 0.810 on the dev part of 2026-12-04 (0.866 when bench/calibrate_points.py ran, 0.848
    # before it). A points edit that undoes the calibration fails. The absolute figure falls as
    # stricter batches join dev (0.863, 0.858, 0.854), so the margin is what is held.
    dev = load_corpus(DATA / "corpus" / "dev.jsonl")
    shipped, equal = Validity(), Validity()
    for r in dev:
        rubric = builtin(r.scenario)
        shipped.ceiling[r.level][band(rubric.score_of(r.met, r.penalties), rubric.max_score)] += 1
        points = sum(c.id in r.met for c in rubric.criteria) - sum(p.id in r.penalties for p in rubric.penalties)
        equal.ceiling[r.level][band(max(points, 0), len(rubric.criteria))] += 1
    assert shipped.ceiling_qwk >= equal.ceiling_qwk + 0.03


def test_a_score_is_the_points_of_its_marks():
    rubric = builtin("decline-policy")
    points = {x.id: x.points for x in [*rubric.criteria, *rubric.penalties]}
    assert rubric.score_of({"empathy", "reason"}, set()) == points["empathy"] + points["reason"]
    assert rubric.score_of({"reason", "my_offer"}, {"flat_no"}) == points["reason"] + points["my_offer"]  # excused
    assert rubric.score_of({"empathy"}, {"flat_no", "forbidden"}) == 0.0  # never below 0
    assert rubric.score_of({c.id for c in rubric.criteria}, set()) == rubric.max_score == 10


def test_bands_and_kappa():
    assert [band(s, 10) for s in (0, 3.4, 3.5, 5.9, 6, 8.4, 8.5, 10)] == [0, 0, 1, 1, 2, 2, 3, 3]
    assert qwk([[5, 0], [0, 5]]) == 1.0
    assert qwk([[0, 5], [5, 0]]) < 0
    # scikit-learn's cohen_kappa_score(weights="quadratic") gives 0.8260869… for this table
    assert qwk([[3, 2, 0, 0], [1, 3, 1, 0], [0, 1, 3, 1], [0, 0, 2, 3]]) == pytest.approx(0.826087, abs=1e-6)


# Technique detection on staff replies from other settings (tests/data/techniques/README.md).
# Measured on its test part (398 replies, never read) before the lexicons learned from its dev
# part: macro F1 0.662, decisions agreed 0.888, reason recall 0.062; after batch 1's dev half:
# 0.707, 0.906, 0.299; after batch 2 (799 replies, all dev) too: 0.718, 0.910, 0.322, and after a
# second round of frames from it: 0.728, 0.912, 0.327. Batch 3's test half (399) then joined the
# test part (797 replies): 0.681, 0.910, 0.320 with those lexicons; after frames from batch 3's
# dev half: 0.704, 0.917, 0.395. Batch 4's test half (431) joined next (1,228 replies): 0.711,
# 0.917, 0.42; after frames from batch 4's dev half: 0.714, 0.918, 0.443. Batch 5 (ten other
# settings) put 412 more in (1,640 replies): 0.702, 0.915, 0.44; frames from its dev half left
# that where it was: 0.702, 0.915, 0.441. Learned clause models for reason and commitment
# (trained on the dev part, detect/learned.py) then took it to 0.719, 0.922, 0.671 (a first
# version that read whole replies: 0.721, 0.923, 0.725, its evidence a clause less often right);
# with one for action too, the tone model pruned, and one reading a clause: 0.724, 0.927, 0.650.
# Later lexicon work left it at 0.727, 0.927, 0.645; session 34's hedged questions (好像是二十？ no
# closed question) and empathy for his life's news (恭喜, 多保重): 0.731, 0.927, 0.645.
TECHNIQUE_FLOORS = {"macro_f1": 0.725, "accuracy": 0.922, "reason_recall": 0.64}


def test_technique_detection_on_the_test_part_does_not_fall_below_its_floor():
    d = measure_detection(load_labelled(DATA / "techniques" / "test.jsonl"))
    figures = {"macro_f1": d.macro_f1, "accuracy": d.accuracy, "reason_recall": d.recall("reason")}
    low = {k: round(v, 3) for k, v in figures.items() if v < TECHNIQUE_FLOORS[k]}
    assert not low, f"technique detection fell below its floor: {low} (floors {TECHNIQUE_FLOORS})"


def test_the_technique_corpus_is_split_once_and_whole():
    dev = load_labelled(DATA / "techniques" / "dev.jsonl")
    test = load_labelled(DATA / "techniques" / "test.jsonl")
    # batches 1 (k…), 3 (p…), 4 (q…) and 5 (u…) were split once by a hash of their ids (odd ->
    # test); batch 2 (n…) is all dev
    split = [r for r in dev if r.id[0] in "kpqu"]
    assert (len(split), len(dev), len(test)) == (1558, 2357, 1640) and {r.id[0] for r in dev} == {"k", "n", "p", "q", "u"}
    assert {r.id[0] for r in test} == {"k", "p", "q", "u"}
    for part, parity in ((split, 0), (test, 1)):
        assert all(int(hashlib.sha256(("split:" + r.id).encode()).hexdigest(), 16) % 2 == parity for r in part)
    assert not {r.text for r in dev} & {r.text for r in test}
    # ten settings in batches 1-4 (domains.md), ten others in batch 5 (domains-batch5.md)
    assert {r.domain for r in dev} == {r.domain for r in test} and len({r.domain for r in dev}) == 20
    # every technique the corpus measures is there in both parts
    assert {t for r in test for t in r.techniques} >= set(TECHNIQUES) - {"negative_label"}


def test_detection_counts_a_reply_per_technique():
    replies = [
        Labelled("今天人特别多，前面还有八个。不想等的话可以用手机银行办。", frozenset({"reason", "alternative"}), "a"),
        Labelled("您好，欢迎光临！", frozenset({"greeting", "thanks"}), "b"),
    ]
    d = measure_detection(replies)
    assert (d.tables["reason"].tp, d.tables["alternative"].tp, d.tables["greeting"].tp) == (1, 1, 1)
    assert d.tables["thanks"].fn == 1 and d.recall("thanks") == 0.0 and d.precision("thanks") == 1.0
    assert ("b", "thanks", True, False) in d.misses
    assert "negative_label" not in d.measured  # nobody found one: no F1 for it
