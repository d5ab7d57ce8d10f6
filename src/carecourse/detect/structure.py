"""Sentences, quoted speech and negation in a normalised text.

Every position here is an index into the normalised text; findings are mapped back to
the original text only when they are reported.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache, cached_property

from carecourse.normalize import NormalizedText
from carecourse.packaged import read_yaml
from carecourse.regex_subset import compile_subset

__all__ = ["Structure", "text_outside"]

# The words a question can end with when nothing marks it (预算大概多少, 平时主要用来干嘛): in a
# reply whose words are parted by spaces, one before a space ends its sentence (questions.py
# reads such a sentence as asking with it).
ASKED_LAST = ("多少", "什么", "干嘛", "干啥", "啥", "哪个", "哪款", "哪种", "哪些", "哪里", "哪儿")
# A sentence ends at 。 ! ? ; or a line break, or at "." unless it sits between digits; in
# a reply whose words are parted by spaces, a question particle or a question word before a
# space ends one too ("你好 看手机吗 平时主要用来干嘛 预算多少" asks three things).
_ENDS_ONE = "吗么" + "".join(w for w in ASKED_LAST if len(w) == 1)  # (a look-behind's branches are one width)
_ENDS_TWO = "|".join(w for w in ASKED_LAST if len(w) == 2)
_SENTENCE_END = re.compile(
    rf"[。!?;\n]+|(?<![0-9])\.+|\.+(?![0-9])|(?:(?<=[{_ENDS_ONE}])|(?<={_ENDS_TWO})) +(?=[\u4e00-\u9fff])"
)
_QUOTE = re.compile('"')
# The staff's own words put in quotation marks: the whole reply ("您好，欢迎光临！"), or what
# follows a frame in which the staff tells what they would say (我会对王先生说:"…" / 然后问:"…";
# not 每天都有人跟我说"…", 我就不说"…"那一套了, 别跟我说"随便").
SPOKEN_ALONE = " \n,。!?;:、~—…"  # what may stand outside quotation marks that hold the whole reply
FRAME_BOUNDS = ',。!?;\n"'  # where the words before a quotation mark start
_OWN_SPEECH = re.compile(
    r" *(?!(?:然后|接着|再|之后|最后)?(?:他|她|客户|顾客|您|你|对方))(?:我|然后|接着|再|先|最后|之后|就|会)(?:(?!(?:跟|对|和|向|给|问)我)[^不没别])*?"
    r"(?:说|讲|问|答|回答|回复|告诉他|告诉客户|问好|打招呼)(?:道)?:? *"
)
# A clause also ends at "~", a dash or dots ("您好......您先自己看看吧"), but not at a decimal point.
_CLAUSE_BREAK = re.compile(r"[,。!?;:\n、~—]|(?<![0-9])\.|\.(?![0-9])")
# Reported speech: "您刚才说..." up to the end of the clause is the customer's words (a space
# between Chinese words, typed for a comma, ends it too; "您说 我听着呢" asks him to speak).
# "您说是不是/对不对/是吧" asks the customer to agree (a tag question), it reports nothing.
# A tag question closing the clause ("您说老断线对吧?") is the staff's own check, not reported;
# so is "您是说…?" (the staff putting what they heard into their own words).
# "跟您说好" and "向您讲清楚" are the staff speaking to the customer; "您说说" asks them to speak.
# "您说破天" and "您说来说去" tell of whatever he says, not what he said; "您说一下", "您说一声",
# "您说慢点", "您说完" and "您说给我听" ask him to speak; "您说话…" and "您说普通话…" are about how he speaks
# (您说话能不能利索点; but 您说话费多扣了 reports, and Cantonese 你讲话 is 你说). ("您说个范围" asks too, but read as the
# staff's own words it counted as an open question, which trainers do not count it as.)
# A clause with a question word asks rather than reports (您说要办啥，我领您过去 / 你讲下想要咩牌子),
# or says whatever he says (您说什么都没用).
# (您/你 first, then the look back at the character before it: the search skips to them.)
_REPORTED = re.compile(
    r"[您你](?<![跟和给向对同].)(?:(?:刚才|刚刚|之前|方才)(?:说|讲)|(?:说|讲)(?!说|讲|是不是|对不对|是吧|对吧|破|来说|来讲|一下(?!子)|一声|慢|完|给我|(?<=说)话(?!费)|普通话)(?![^,。!?;\n]*?(?:啥|什么|哪|怎么|多少|咩|乜)))(?![得的了过])[:]?(?! )[^,。!?;\n]+?"
    r"(?=(?:对吧|是吧|对吗|是吗|对不对|是不是|没错吧)?(?:[,。!?;\n]|$|(?<=[\u4e00-\u9fff]) (?= *[\u4e00-\u9fff])))"
)


@dataclass
class Structure:
    """A normalised text with its sentence and quotation structure."""

    norm: NormalizedText
    text: str = field(init=False, repr=False)  # the normalised text (read very often: no property)
    _quote_starts: list[int] = field(init=False, repr=False)
    _quote_ends: list[int] = field(init=False, repr=False)
    # search -> its matches' spans in this text (``FirstCharSearch.starts``, ``Scan.run``)
    starts: dict = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.text = self.norm.text
        spans = _quoted_spans(self.text)
        self._quote_starts = [s for s, _ in spans]
        self._quote_ends = [e for _, e in spans]

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans, each including its closing punctuation, blanks trimmed."""
        spans, start = [], 0
        for m in _SENTENCE_END.finditer(self.text):
            _add_trimmed(self.text, start, m.end(), spans)
            start = m.end()
        _add_trimmed(self.text, start, len(self.text), spans)
        return spans

    def clause_at(self, pos: int) -> tuple[int, int]:
        """The clause holding ``pos``: between clause breaks (, 。 ! ? ; : \n 、 ~ — and dots), blanks trimmed."""
        text = self.text
        start = self._clause_start(pos)
        stop = self._break_from(pos)
        end = stop if stop is not None else len(text)
        while start < end and text[start] == " ":
            start += 1
        while end > start and text[end - 1] == " ":
            end -= 1
        return start, end

    def clauses_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The clauses of ``text[start:end]`` (a sentence, say), in order, blanks trimmed."""
        spans, pos = [], start
        while pos < end:
            s, e = self.clause_at(pos)
            if e > s:
                spans.append((max(s, start), min(e, end)))
            stop = self._break_from(max(e, pos))
            pos = stop + 1 if stop is not None else end
        return spans

    def sentence_at(self, pos: int) -> tuple[int, int] | None:
        """The sentence holding ``pos``, or None (between sentences)."""
        k = bisect.bisect_right(self._sentence_starts, pos) - 1
        return self.sentences[k] if k >= 0 and pos < self.sentences[k][1] else None

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    @cached_property
    def _breaks(self) -> list[int]:
        """Where the clause breaks stand (each is one character)."""
        return [m.start() for m in _CLAUSE_BREAK.finditer(self.text)]

    def _break_from(self, pos: int) -> int | None:
        """The first clause break at ``pos`` or after it."""
        k = bisect.bisect_left(self._breaks, pos)
        return self._breaks[k] if k < len(self._breaks) else None

    def _clause_start(self, pos: int) -> int:
        """Just after the last clause break in ``text[:pos]`` (0 if none), the text read as
        ending at ``pos``: a dot right before ``pos`` breaks there even between digits."""
        if pos > 0 and (self.text[pos - 1] == "." or _CLAUSE_BREAK.match(self.text, pos - 1)):
            return pos
        k = bisect.bisect_left(self._breaks, pos - 1)
        return self._breaks[k - 1] + 1 if k > 0 else 0

    @cached_property
    def taken_back(self) -> list[tuple[int, int]]:
        """The clauses said, then taken back at once (``negation.yaml`` ``taken_back``: 我帮您约明天上午……哦不对，…),
        each from its start to where it trails off."""
        spans = []
        for m in _taken_back().finditer(self.text):
            start = self.clause_at(m.start())[0]
            if start < m.start():
                spans.append((start, m.start()))
        return spans

    def is_quoted(self, pos: int) -> bool:
        """True if ``pos`` lies inside quotation marks or reported speech."""
        k = bisect.bisect_right(self._quote_starts, pos) - 1
        return k >= 0 and pos < self._quote_ends[k]

    def is_negated(self, pos: int) -> bool:
        """True if a negator ends at most ``max_gap`` characters before ``pos`` in its clause,
        with no space between."""
        if _CLAUSE_BREAK.match(self.text, pos):
            return False  # the match opens its clause: what stands before it is another clause
        negator, set_phrases, reach, *_ = _negation()
        window = self.text[max(0, pos - reach) : pos]
        breaks = list(_CLAUSE_BREAK.finditer(window))
        if breaks:
            window = window[breaks[-1].end() :]
        window = set_phrases.sub(lambda m: "_" * len(m.group()), window)
        return bool(negator.search(window))

    def is_refused_after(self, end: int) -> bool:
        """True if the words right after ``end`` say it cannot be done (查不了, 退不了), or the rest
        of its clause does, up to a space (这个退款我这边是办不了的)."""
        *_, refused, refused_later = _negation()
        if self.text.startswith(refused, end):
            return True
        stop = self.clause_at(max(end - 1, 0))[1]
        space = self.text.find(" ", end, stop)
        return refused_later.search(self.text, end, stop if space < 0 else space) is not None


@cache
def _negation() -> tuple[re.Pattern[str], re.Pattern[str], int, tuple[str, ...], re.Pattern[str]]:
    """(negator-then-gap pattern, set phrases to ignore, how far back to look, refusals after a
    verb, refusals later in its clause)."""
    rules = _negation_rules()
    negators = "|".join(map(re.escape, rules["negators"]))
    gap = int(rules["max_gap"])
    longest = max(map(len, rules["negators"] + rules["set_phrases"]))
    return (
        re.compile(f"(?:{negators})[^,。!?;:\\n ()]{{0,{gap}}}$"),
        re.compile("|".join(map(re.escape, sorted(rules["set_phrases"], key=len, reverse=True)))),
        longest + gap + 2,
        tuple(rules["refused_after"]),
        compile_subset([rules["refused_later"]]),
    )


@cache
def _taken_back() -> re.Pattern[str]:
    """Where a clause trails off and is taken back (``negation.yaml`` ``taken_back``)."""
    return compile_subset([_negation_rules()["taken_back"]])


@cache
def _negation_rules() -> dict:
    """``negation.yaml``, read once."""
    return read_yaml(__package__, "negation.yaml")


def _add_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start] in " \n":
        start += 1
    while end > start and text[end - 1] in " \n":
        end -= 1
    if end > start:
        spans.append((start, end))


def _own_speech_frame(text: str, opening: int) -> tuple[int, int] | None:
    """The span of the words that introduce the staff's own speech at the quotation mark
    ``opening`` (我会对王先生说: / 然后问:), or None if the quotation is someone else's."""
    start = max(text.rfind(c, 0, opening) for c in FRAME_BOUNDS) + 1
    return (start, opening) if _OWN_SPEECH.fullmatch(text[start:opening]) else None


def text_outside(text: str, spans: list[tuple[int, int]]) -> str:
    """The text outside ``spans`` (sorted by start; they may overlap)."""
    kept, end = [], 0
    for s, e in spans:
        kept.append(text[end:s])
        end = max(end, e)
    kept.append(text[end:])
    return "".join(kept)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Quoted spans (between paired '"', an unpaired one runs to its sentence end) and
    reported speech, merged and sorted. The staff's own speech in quotation marks is no
    quotation: the whole reply quoted, one opening mark never closed at its start, or a
    quotation after a frame (我会对王先生说:), which itself counts for nothing."""
    marks = [m.start() for m in _QUOTE.finditer(text)]
    quotes = [(marks[k], marks[k + 1] + 1) for k in range(0, len(marks) - 1, 2)]
    if len(marks) % 2:
        end = _SENTENCE_END.search(text, marks[-1] + 1)
        if text[: marks[-1]].strip():
            quotes.append((marks[-1], end.start() if end else len(text)))
    spans: list[tuple[int, int]] = []
    if not (quotes and all(c in SPOKEN_ALONE for c in text_outside(text, quotes))):
        for s, e in quotes:
            spans.append(_own_speech_frame(text, s) or (s, e))
    spans.extend(m.span() for m in _REPORTED.finditer(text))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged
