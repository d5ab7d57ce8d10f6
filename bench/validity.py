"""The grader against people, on replies nobody wrote its patterns for.

Prints, for the corpus's dev, pending and test parts (tests/data/corpus/), the held-out set
(tests/data/heldout/) and the rubrics' own samples: criterion accuracy (overall and per
criterion), penalty accuracy with precision and recall, the level confusion table and QWK.
Then, for each part of the corpus, the same figures between its two labellers (the first in the
trainers' place, the second in the grader's): how far people agree on these replies.
Then technique detection on service replies from other settings (tests/data/techniques/):
precision, recall and F1 per technique, and their macro F1, on its dev and test parts.

    python bench/validity.py            # all sets
    python bench/validity.py --misses   # also list the dev and pending parts' disagreements (never the test parts')

Targets (issue 12), on the test part: criterion accuracy >= 0.95, penalty accuracy >= 0.95,
level QWK >= 0.85, no criterion below 0.90.
"""

from __future__ import annotations

import sys
from pathlib import Path

from carecourse.rubrics import builtin, scenario_ids
from carecourse.rubrics.samples import load_samples
from carecourse.evaluation.detection import Detection, load_labelled, measure_detection
from carecourse.evaluation.validity import Marked, Validity, between_labellers, load_corpus, load_labellers, measure

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def heldout() -> list[Marked]:
    out = []
    for sid in scenario_ids():
        for s in load_samples(DATA / "heldout" / f"{sid}.yaml")[sid]:
            out.append(Marked(sid, s.text, frozenset(s.met), frozenset(s.penalties)))
    return out


def own_samples() -> list[Marked]:
    return [Marked(sid, s.text, frozenset(s.met), frozenset(s.penalties)) for sid in scenario_ids() for s in builtin(sid).samples]


def report(name: str, v: Validity, *, detail: bool) -> None:
    worst, worst_acc = v.worst_criterion()
    print(f"\n## {name}: {v.replies} replies")
    kappa = f"{v.qwk:.3f} (a perfect marker {v.ceiling_qwk:.3f})" if any(map(sum, v.levels)) else "- (no levels)"
    print(f"criterion accuracy {v.criterion_accuracy:.3f}   penalty accuracy {v.penalty_accuracy:.3f}   "
          f"level QWK {kappa}   worst criterion {worst[0]}/{worst[1]} {worst_acc:.3f}")  # fmt: skip
    if not detail:
        return
    print(f"{'scenario/criterion':36} {'acc':>6} {'tp':>4} {'fp':>4} {'fn':>4} {'tn':>4}")
    for (sid, item), c in sorted(v.criteria.items()):
        print(f"{sid + '/' + item:36} {c.agreement:6.3f} {c.tp:4} {c.fp:4} {c.fn:4} {c.tn:4}")
    print(f"{'scenario/penalty':36} {'acc':>6} {'prec':>6} {'rec':>6}")
    for (sid, item), c in sorted(v.penalties.items()):
        print(f"{sid + '/' + item:36} {c.agreement:6.3f} {c.precision:6.3f} {c.recall:6.3f}")
    if any(map(sum, v.levels)):
        print("level (rows: trainer 0-3, columns: grader's band 0-3)")
        for k, row in enumerate(v.levels):
            print(f"  {k}: " + " ".join(f"{n:4}" for n in row))


def report_labellers(part: str, v: Validity) -> None:
    worst = sorted((c.agreement, key) for key, c in v.criteria.items())[:5]
    print(f"\n## the two labellers, corpus {part}: {v.replies} replies")
    print(f"criterion decisions agreed {v.criterion_accuracy:.3f}   penalty decisions agreed {v.penalty_accuracy:.3f}   "
          f"level QWK {v.qwk:.3f}")  # fmt: skip
    print("least agreed criteria: " + ", ".join(f"{sid}/{item} {a:.3f}" for a, (sid, item) in worst))


def report_detection(name: str, d: Detection) -> None:
    print(f"\n## {name}: {d.replies} replies")
    print(f"macro F1 {d.macro_f1:.3f}   decisions agreed {d.accuracy:.3f}")
    print(f"{'technique':16} {'prec':>6} {'rec':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for t in d.measured:
        c = d.tables[t]
        print(f"{t:16} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:4} {c.fp:4} {c.fn:4}")


def main() -> None:
    misses = "--misses" in sys.argv
    dev = load_corpus(DATA / "corpus" / "dev.jsonl")
    pending = load_corpus(DATA / "corpus" / "pending.jsonl")
    test = load_corpus(DATA / "corpus" / "test.jsonl")
    sets = {
        "corpus dev": measure(dev),
        # fresh batches, each measured once before it was read: read since, not yet trained on
        **{f"corpus pending, batch {letter}…": measure([r for r in pending if r.id[0] == letter]) for letter in sorted({r.id[0] for r in pending})},
        "corpus test": measure(test),
        # each batch of the test part alone (a batch is told by its ids' first letter)
        **{f"corpus test, batch {letter}…": measure([r for r in test if r.id[0] == letter]) for letter in sorted({r.id[0] for r in test})},
        "held-out": measure(heldout()),
        "rubric samples": measure(own_samples()),
    }
    for name, v in sets.items():
        report(name, v, detail=name in ("corpus dev", "corpus test"))
    for part, replies in (("dev", dev), ("pending", pending), ("test", test)):
        report_labellers(part, between_labellers(*load_labellers(DATA / "corpus" / "labellers.jsonl", replies)))
    staff = load_labelled(DATA / "techniques" / "dev.jsonl")
    detections = {"dev": measure_detection(staff), "test": measure_detection(load_labelled(DATA / "techniques" / "test.jsonl"))}
    for part, d in detections.items():
        report_detection(f"techniques {part}", d)
    if misses:
        texts = {r.id: r for r in [*dev, *pending]}
        for name in [n for n in sets if n.startswith(("corpus dev", "corpus pending"))]:
            print(f"\n## {name} disagreements (human, grader)")
            for rid, item, human, got in sets[name].misses:
                print(f"{rid} {texts[rid].scenario}/{item} human={int(human)} grader={int(got)}  {texts[rid].text!r}")
        replies = {r.id: r for r in staff}
        print("\n## techniques dev disagreements (human, detector)")
        for rid, technique, human, got in detections["dev"].misses:
            print(f"{rid} {technique} human={int(human)} detector={int(got)}  {replies[rid].text!r}")


if __name__ == "__main__":
    main()
