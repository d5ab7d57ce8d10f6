"""Techniques named instead of done: keyword lists ("抱歉 理解 感谢 核查"), telegraphic
fragments, lists of technique names ("倾听+共情+致歉"), outlines, numbered plans and plans
told instead of said ("我会先道歉，然后……"); and which words were said in a clause rather than
listed."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import cache, lru_cache

from carecourse.detect.structure import text_outside
from carecourse.regex_subset import compile_subset
from carecourse.results import Finding
from carecourse.score.gaming.config import HAN, SEGMENT, SENTENCE_END, glue, glue_char, settings

__all__ = ["is_keyword_list", "is_listed_only", "listed_spans", "said_in_clause", "technique_name"]

SPOKEN_END = re.compile(r"[。!?~]|\.{2,}")  # nor does a list trail off or sing: "欢、欢迎光临…请问…", "您说～"
CHINESE_NUMERALS = "一二三四五六七八九"
# a list's 1. 2、 3) (① is 1 once normalised), or 一、 二、 三、 opening a clause
NUMBER_MARK = re.compile(rf"(?:^|[^0-9])([1-9])[.、)]? ?(?![0-9])|(?:^|[,。!?;\n ])([{CHINESE_NUMERALS}])、")
CHINESE_MARK = re.compile(f"[{CHINESE_NUMERALS}]、")  # a list's marks are no words said beside it
OPENING_BRACKETS = "(【["
STAGE_DIRECTION = re.compile(f"[ \\n]*[{re.escape(OPENING_BRACKETS)}]")  # a sentence that opens in brackets acts, it does not speak
CLOSING_BRACKET = re.compile(r"[)】\]]")
ASKED = re.compile(r"[吗吧呢么不]$|什么|啥")
PUNCTUATED = re.compile("[,、。]")  # speech punctuated, not words typed apart with spaces
TAG_QUESTION = re.compile(r"^(?:对|是|没错|对不对|是不是|可以)[吗吧嘛么]?$")  # "对吗" after a list checks nothing said
ATTRIBUTIVE = re.compile("过?的")  # ties a listed noun phrase ("已尝试的办法"), not a clause

ITEM = re.compile(r"[^+、,/;|→>=\s。!?:()\[\]\-~…·.0-9]+")  # what list separators, blanks and numbering part


@cache
def technique_name() -> re.Pattern[str]:
    return compile_subset(settings()["named_list"]["names"])


def listed_spans(text: str) -> list[tuple[int, int]]:
    """Where a normalised text lists techniques by name instead of doing them: a run of at
    least ``min_items`` bare items (short, no glue) between list separators, with no
    sentence ended inside, ``min_names`` of them and ``names_share`` of all naming a
    technique ("倾听+共情+致歉+核实+跟进", "1.表示歉意 2.理解客户 3.查询明细"); a
    sentence a label opens as an outline ("复述要点:…", "确认句式:…"); and the items of a
    numbered plan ("1.致歉:非常抱歉 2.共情:理解您的心情 3.核实:查询账单明细"); and each
    sentence that tells the plan instead of saying it ("我会先表示理解，然后解释实名制规定")."""
    return list(_listed(text))


@lru_cache(maxsize=64)  # asked twice per grade: by the gaming check and by the criteria's evidence
def _listed(text: str) -> tuple[tuple[int, int], ...]:
    return (*_named_lists(text), *_outlines(text), *_numbered_plans(text), *_narrated(text))


def is_listed_only(text: str) -> bool:
    """Named lists, outlines and plans with nothing beside them but a tag question ("时间、症状、
    已尝试、对比、确认（对吗？）"): a check of nothing said; or holding nearly all the reply's
    Chinese ("1. 问候：您好，欢迎光临！2. 询问：请问您办理什么业务？"), an outline of a reply."""
    spans = listed_spans(text)
    if not spans:
        return False
    unlisted = "".join(HAN.findall(CHINESE_MARK.sub("", text_outside(text, sorted(spans)))))
    return bool(TAG_QUESTION.search(unlisted)) or len(unlisted) <= (1 - settings()["keyword_list"]["listed_share"]) * len(HAN.findall(text))


def _numbered_plans(text: str) -> list[tuple[int, int]]:
    """The items of a numbered list that names steps instead of saying them ("1.致歉:非常抱歉
    2.共情:理解您的心情 3.核实:查询账单明细"): numbers 1, 2, 3 … in order, at least
    ``min_items`` of them, ``share`` of the items opening with a plan word. Every item of
    such a list is a step named, even one in words of its own ("3.调取本月详单核实50元扣费")."""
    if "1" not in text and "一、" not in text:
        return []  # (most replies: no list to look for)
    rule = settings()["numbered_plan"]
    lists: list[list[re.Match[str]]] = []
    for m in NUMBER_MARK.finditer(text):
        number = int(m.group(1)) if m.group(1) else CHINESE_NUMERALS.index(m.group(2)) + 1
        if number == 1:
            lists.append([m])
        elif lists and number == len(lists[-1]) + 1:
            lists[-1].append(m)
    spans = []
    for marks in lists:
        if len(marks) < rule["min_items"]:
            continue
        last = SENTENCE_END.search(text, marks[-1].end())
        ends = [m.start() for m in marks[1:]] + [last.end() if last else len(text)]
        items = [(m.end(), end) for m, end in zip(marks, ends)]
        planned = sum(1 for s, _ in items if plan_word().match(text, s))
        if planned >= rule["share"] * len(items):
            spans += items
    return spans


@cache
def plan_word() -> re.Pattern[str]:
    rule = settings()["numbered_plan"]
    return compile_subset(sorted({*rule["starts"], *settings()["named_list"]["names"]}, key=lambda w: (-len(w), w)))


def _narrated(text: str) -> list[tuple[int, int]]:
    """Each sentence that tells the plan instead of saying it to the customer ("我会先表示理解，然后解释
    实名制规定", "告诉客户很理解他的着急"): not addressed to him, not a stage direction, and narrating
    the steps or naming him as 客户/顾客 to a speech verb (``narrated_plan``)."""
    spans, start = [], 0
    for end in [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]:
        sentence = text[start:end]
        if sentence and not narrated_addressed().search(sentence) and not STAGE_DIRECTION.match(sentence) and narrated_plan().search(sentence):
            spans.append((start, end))
        start = end
    return spans


@cache
def narrated_plan() -> re.Pattern[str]:
    return compile_subset(settings()["narrated_plan"]["patterns"])


@cache
def narrated_addressed() -> re.Pattern[str]:
    return compile_subset([settings()["narrated_plan"]["addressed"]])


def _outlines(text: str) -> list[tuple[int, int]]:
    """Each sentence opened by an outline's label, from the label to the sentence's end, or
    to the bracket that closes it when the label opens an aside ("(思路:致歉+共情)王先生……")."""
    if ":" not in text and "】" not in text and "]" not in text:
        return []  # (most replies: no label to look for)
    spans = []
    for m in outline_label().finditer(text):
        stop = SENTENCE_END.search(text, m.end())
        end = stop.end() if stop else len(text)
        label = m.group(1).lstrip(" ")
        if label[0] in OPENING_BRACKETS and not CLOSING_BRACKET.search(label):
            close = CLOSING_BRACKET.search(text, m.end(), end)
            end = close.end() if close else end
        spans.append((m.start(1), end))
    return spans


@cache
def outline_label() -> re.Pattern[str]:
    rule = settings()["outline_label"]
    words = "|".join(map(re.escape, rule["words"]))
    return compile_subset([f"(?:^|[。!?\\n])( ?[^,。!?:\\n]{{0,{rule['max_before']}}}(?:{words})[^,。!?:\\n]{{0,2}}(?::|[】\\]] ?:?))"])


def _named_lists(text: str) -> list[tuple[int, int]]:
    rule = settings()["named_list"]
    name, has_glue = technique_name(), glue_char().search
    if len(name.findall(text)) < rule["min_names"]:
        return []  # (most replies: no list to look for)
    spans: list[tuple[int, int]] = []
    run: list[tuple[int, int, bool]] = []  # (start, end, names a technique)

    def close() -> None:
        named = sum(n for _, _, n in run)
        if len(run) >= rule["min_items"] and named >= max(rule["min_names"], rule["names_share"] * len(run)):
            spans.append((run[0][0], run[-1][1]))
        run.clear()

    end = 0
    for m in ITEM.finditer(text):
        s, e = m.span()
        if run and SENTENCE_END.search(text, end, s):
            close()
        end = e
        if not HAN.search(text, s, e):
            continue  # numbering, Latin words and emoji between items part nothing
        item = text[s:e]
        if e - s > rule["item_max_length"] or has_glue(ATTRIBUTIVE.sub("", name.sub("", item))):  # (跟进 is a name, not glue)
            close()
            continue
        run.append((s, e, bool(name.search(item))))
    close()
    return spans


def said_in_clause(text: str) -> Callable[[Finding], bool]:
    """A test of whether a finding stands in a segment of ``text`` that ties words together
    (has glue), so it was said, not listed: "您好" or "我马上帮您核查", not a bare "核查"."""
    segments = [m.span() for m in SEGMENT.finditer(text)]
    starts = [s for s, _ in segments]
    glued = [bool(glue().intersection(text[s:e])) for s, e in segments]

    def test(finding: Finding) -> bool:
        k = bisect.bisect_right(starts, finding.nstart) - 1
        return k >= 0 and finding.nstart < segments[k][1] and glued[k]

    return test


def is_keyword_list(text: str, content: str, findings: Callable[[], list[Finding]]) -> bool:
    """Any of the three signs of a keyword list in gaming.yaml (cheapest tests first); a
    reply said to the customer (``_spoken``) shows only the telegraphic one."""
    rule = settings()["keyword_list"]
    # English words, emoji and numbers between Chinese words are how mixed writing looks, not
    # listed keywords: only segments holding Chinese count ("我马上帮您 check 一下账单")
    segments = [m.span() for m in SEGMENT.finditer(text) if HAN.search(text, m.start(), m.end())]
    if len(segments) < min(rule["min_segments"], rule["fragments_min"]):
        return _run_together(rule, content, findings)
    has_glue = glue_char().search
    glueless = [not has_glue(text, s, e) for s, e in segments]
    if _telegraphic(rule, text, segments, glueless):
        return True
    if _checked_with_him(rule, text, segments, glueless) or _sentences_to_him(text, segments, glueless):
        return False
    return not _spoken(rule, text, segments, glueless) and _bare_words(rule, segments, glueless, findings)


def _sentences_to_him(text, segments, glueless) -> bool:
    """Short sentences said to him, each ended as speech and one of them a question, naming no
    technique ("欢迎光临！想办点啥？这边请。"); a list parts its words with commas, spaces or
    nothing ("抱歉，理解，核查", "欢迎光临 办什么业务 这边请")."""
    *before, (_, last) = segments
    return (
        all(SENTENCE_END.match(text, e) for _, e in before)
        and (last == len(text) or SENTENCE_END.match(text, last) is not None)
        and any(text[e : e + 1] == "?" and ASKED.search(text, s, e) for s, e in segments)
        and not _names_a_technique(text, segments, glueless)
    )


def _checked_with_him(rule, text, segments, glueless) -> bool:
    """Terse statements, then a question to him, naming no technique: said to him
    ("明白，断线、信号弱、重启无效，家里人正常。是这样吧？"); words typed apart with spaces before the
    question are still a list ("购买时间 断线 信号弱 重启 家人正常 对吗？"), as are bare words
    ("上周六，断线，一两格，重启，家人。对吗？"): the reply is punctuated as speech, and one segment
    before the question is a statement of at least `asked_statement_min` characters."""
    return (
        max(e - s for s, e in segments[:-1]) >= rule["asked_statement_min"]
        and PUNCTUATED.search(text, 0, segments[-1][0]) is not None
        and _asks_at_the_end(text, segments)
        and not _names_a_technique(text, segments, glueless)
    )


def _spoken(rule, text, segments, glueless) -> bool:
    """Terse but said to the customer: a clause of `clause_min_length` characters or more
    with glue, and no bare segment naming a technique ("新手机、不到一周、通话老断，家里人
    正常。就这几点对吧？", "欢迎光临，请您到取号机取号，按号等候，谢谢。"), where a list names
    what it should do ("复述 确认 上周六 断线 我理解得对吗")."""
    if not any(not g and e - s >= rule["clause_min_length"] for g, (s, e) in zip(glueless, segments)):
        return False
    return not _names_a_technique(text, segments, glueless)


def _names_a_technique(text, segments, glueless) -> bool:
    """A bare segment naming what the reply should do ("复述", "微笑服务"); not a stage direction
    in brackets beside the words said ("(微笑)欢迎光临!(伸手示意)这边请")."""
    name = technique_name().search
    return any(g and name(text, s, e) and not _bracketed(text, s, e) for g, (s, e) in zip(glueless, segments))


def _bracketed(text: str, start: int, end: int) -> bool:
    return start > 0 and end < len(text) and text[start - 1] in OPENING_BRACKETS and CLOSING_BRACKET.match(text, end) is not None


def _bare_words(rule, segments, glueless, findings) -> bool:
    """Short glue-free segments naming techniques: "抱歉 理解 感谢 核查 处理"."""
    if len(segments) < rule["min_segments"]:
        return False
    bare = sum(1 for g, (s, e) in zip(glueless, segments) if g and e - s <= rule["bare_max_length"])
    if bare < rule["bare_share"] * len(segments) or len({f.id for f in findings()}) < rule["min_techniques"]:
        return False
    starts = sorted(f.nstart for f in findings())
    found = sum(1 for s, e in segments if bisect.bisect_left(starts, s) < bisect.bisect_left(starts, e))
    return found >= rule["found_share"] * len(segments)


def _telegraphic(rule, text, segments, glueless) -> bool:
    """Fragments with no sentence ever ended: "您好 欢迎光临 办理什么业务 这边请 取号"; fragments
    ending in a question to him and naming no technique are said to him ("明白 信号一两格 老断线
    重启没用 家人的正常 对吧")."""
    if len(segments) < rule["fragments_min"] or SPOKEN_END.search(text):
        return False
    if _asks_at_the_end(text, segments) and not _names_a_technique(text, segments, glueless):
        return False
    lengths = sorted(e - s for s, e in segments)
    return (
        lengths[len(lengths) // 2] <= rule["fragment_median"]
        and lengths[-1] <= rule["fragment_longest"]
        and sum(glueless) >= rule["fragment_bare_share"] * len(segments)
    )


def _asks_at_the_end(text, segments) -> bool:
    """Only the last fragment asks something ("…家人的正常 对吧"): said to him; question words
    listed ("您好 什么 哪些 怎么样 吗 对吗") are not."""
    *before, last = segments
    return bool(ASKED.search(text, *last)) and not any(ASKED.search(text, s, e) for s, e in before)


def _techniques_named(findings: list[Finding]) -> set[str]:
    """The techniques whose words were found; a rubric's own pattern (明天上午 + 师傅上门) finds a
    deed said in a phrase, not a keyword."""
    return {f.id for f in findings if not f.id.startswith("pattern:")}


def _run_together(rule, content, findings) -> bool:
    """Keywords with no separators: "抱歉理解感谢核查处理退还" (not "明天上午安排师傅哈")."""
    glue_chars = len(glue_char().findall(content))
    if glue_chars > rule["run_glue_share"] * len(content) or len(_techniques_named(findings())) < rule["min_techniques"]:
        return False
    # keywords are short: a long phrase found in a dense formal sentence is no listed keyword
    short = [f for f in findings() if f.nend - f.nstart <= rule["bare_max_length"]]
    covered = {i for f in short for i in range(f.nstart, f.nend)}
    return len(covered) >= rule["run_coverage"] * len(content)

