"""The browser grader (``carecourse web``): the same results as Python, reply for reply.

Node runs the written folder's ``cli.mjs``; every comparison is of parsed JSON. Texts go to
Node as JSON, so Python grades the text exactly as Node reads it (``json.loads(json.dumps(t))``).
``make test`` installs Node where it is missing (``make node-deps``).
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import opencc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carecourse import analyze, grade
from carecourse.detect.lexicon import lexicon
from carecourse.evaluation.validity import development_replies
from carecourse.rubrics import scenario_ids
from carecourse.web import web_files, write_web
from carecourse.web.jsregex import Untranslatable, js_regex

ROOT = Path(__file__).resolve().parent.parent
NODE = shutil.which("node")
CARECOURSE = Path(sys.executable).parent / "carecourse"


@pytest.fixture(scope="session")
def web_dir(tmp_path_factory) -> Path:
    if NODE is None:
        pytest.fail("node is not installed: `make node-deps` installs Debian's nodejs (make test runs it)")
    return write_web(tmp_path_factory.mktemp("web"))


def run_lines(web_dir: Path, command: str, items: list[dict]) -> list[dict]:
    """One result per item from ``node cli.mjs <command>`` (grade-jsonl or analyze-jsonl)."""
    data = "".join(json.dumps(item) + "\n" for item in items).encode()
    proc = subprocess.run([NODE, web_dir / "cli.mjs", command], input=data, capture_output=True, check=True)
    return [json.loads(line) for line in proc.stdout.split(b"\n") if line]


def as_node_reads(text: str) -> str:
    return json.loads(json.dumps(text))


def python_grades(items: list[tuple[str, str]]) -> list[dict]:
    return [grade(sid, text).to_dict() for sid, text in items]


def assert_same(web_dir: Path, items: list[tuple[str, str]]) -> int:
    items = [(sid, as_node_reads(text)) for sid, text in items]
    node = run_lines(web_dir, "grade-jsonl", [{"scenario": sid, "text": text} for sid, text in items])
    assert len(node) == len(items)
    differ = [(item, py, js) for item, py, js in zip(items, python_grades(items), node, strict=True) if py != js]
    assert not differ, f"{len(differ)} of {len(items)} differ; first: {_short(differ[0])}"
    return len(items)


def _short(value) -> str:
    text = repr(value)
    return text if len(text) < 3000 else text[:3000] + "…"


def corpus() -> list[tuple[str, str]]:
    """Every rubric sample, the held-out samples and the development corpus."""
    return development_replies(ROOT / "tests" / "data")


_FULL_WIDTH = {c: chr(ord(c) + 0xFEE0) for c in map(chr, range(0x21, 0x7F))} | {" ": "\u3000"}
_NOISE = ["😀", "👍🏽", "\u200b", "\x00", "\ud800", "\udc00", "\ue000", "\ue001", "𠮶", "\u0301", "ﬁ", "Ⅻ", "\u3000",
          "\r\n", "\t", "\u2028", "＂", "「", "𝐀", "\U000e0001", "\ufeff", "e\u0301", "\x85", "🙄"]  # fmt: skip


def twins(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Traditional (two OpenCC profiles) and full-width twins, and copies with noise dropped in."""
    s2t, s2hk = opencc.OpenCC("s2t"), opencc.OpenCC("s2hk")
    rnd = random.Random(14)
    out = []
    for k, (sid, text) in enumerate(items):
        out.append((sid, (s2t if k % 2 else s2hk).convert(text)))
        out.append((sid, text.translate(str.maketrans(_FULL_WIDTH))))
        chars = list(text)
        for _ in range(rnd.randint(1, 6)):
            chars.insert(rnd.randint(0, len(chars)), rnd.choice(_NOISE))
        out.append((sid, "".join(chars)))
    return out


@pytest.mark.slow
def test_the_corpus_and_its_twins_grade_the_same_in_node(web_dir):
    items = corpus()
    compared = assert_same(web_dir, items[::2] + twins(items[1::8]))  # (all of them and all twins: bench/web_engine.py)
    assert compared > 20_000


@pytest.mark.slow
def test_analysis_is_the_same_in_node(web_dir):
    texts = [as_node_reads(text) for _, text in corpus()[::4] + twins(corpus()[::40])]
    node = run_lines(web_dir, "analyze-jsonl", [{"text": t} for t in texts])
    differ = [(t, js) for t, js in zip(texts, node, strict=True) if analyze(t).to_dict() != js]
    assert not differ, f"{len(differ)} of {len(texts)} differ; first: {_short(differ[0])}"


def lexicon_phrases() -> list[str]:
    """An example of every lexicon pattern (hypothesis writes a string each one matches)."""
    phrases = []
    rnd = random.Random(3)
    for entry in lexicon().values():
        patterns = entry.patterns or [p for ps in entry.kinds.values() for p in ps]
        for p in patterns:
            from carecourse.wordclasses import expand

            strategy = st.from_regex(re.compile(expand(p)), fullmatch=True)
            phrases.append(_example(strategy, rnd))
    return phrases


def _example(strategy, rnd) -> str:
    found = []

    @settings(max_examples=1, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def take(value):
        found.append(value)

    take()
    return found[0]


@pytest.mark.slow
def test_every_lexicon_phrase_plain_negated_quoted_and_reported(web_dir):
    wrappers = ["{}", "我不{}", "没{}，", "别{}", "“{}”", "\"{}\"", "您说{}", "客户说：「{}」", "{}不了", "😀{}😀", "我们马上{}，好吗？"]
    phrases = lexicon_phrases()
    sids = scenario_ids()
    items = [(sids[k % len(sids)], w.format(p)) for k, p in enumerate(phrases) for w in wrappers]
    assert assert_same(web_dir, items) > 5_000


@pytest.mark.slow
def test_long_replies_and_emoji_before_the_evidence(web_dir):
    text = "😀" * 3 + "您好，欢迎光临！请问您今天想办理什么业务？这边请。"
    (result,) = run_lines(web_dir, "grade-jsonl", [{"scenario": "greet-entry", "text": text}])
    greeting = next(c for c in result["criteria"] if c["id"] == "greeting")
    assert greeting["evidence"][0] == {"text": "您好", "start": 3, "end": 5}  # Python indices, not UTF-16 units
    long = [(sid, ("👍🏽" + text) * (100_000 // (len(text) + 2))) for sid, text in corpus()[:: 6000]]
    assert all(len(t) >= 90_000 for _, t in long)
    assert_same(web_dir, long)


_ANY_TEXT = st.text(st.characters(blacklist_categories=()), max_size=60)
_REPLY_CHARS = st.sampled_from(list("您好抱歉理解我帮您查一下不没别，。！？?!\"“”「」 \n\t请问是吗呢对吧xX1２") + _NOISE)


@pytest.mark.slow
def test_generated_text_grades_the_same(web_dir):
    """Any code point (controls, surrogates, unassigned, astral) and reply-like mixtures."""
    rnd = random.Random(7)
    texts: list[str] = []

    @settings(max_examples=400, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(st.one_of(_ANY_TEXT, st.lists(_REPLY_CHARS, max_size=80).map("".join)), st.sampled_from(corpus()[:400]))
    def collect(noise, item):
        texts.append(item[1][: rnd.randint(0, len(item[1]))] + noise + item[1][rnd.randint(0, len(item[1])):])

    collect()
    sids = scenario_ids()
    assert assert_same(web_dir, [(sids[k % len(sids)], t) for k, t in enumerate(texts)]) >= 400


def test_node_cli_has_the_contract_of_the_python_cli(web_dir, tmp_path):
    reply = tmp_path / "reply.txt"
    reply.write_bytes("\ufeff王先生，非常抱歉，让您久等了！我马上为您核查账单。".encode())
    for args in (["grade", "--scenario", "complaint-billing", str(reply)], ["analyze", str(reply)]):
        node = subprocess.run([NODE, web_dir / "cli.mjs", *args], capture_output=True, check=True)
        python = subprocess.run([CARECOURSE, *args, "--json"], capture_output=True, check=True)
        assert json.loads(node.stdout) == json.loads(python.stdout)
    piped = subprocess.run([NODE, web_dir / "cli.mjs", "grade", "-s", "greet-entry", "-"], input="您好".encode(), capture_output=True)
    assert piped.returncode == 0 and json.loads(piped.stdout)["scenario"] == "greet-entry"
    for args, message in ((["grade", "--scenario", "nope", str(reply)], "unknown scenario 'nope'"),
                          (["grade", "--scenario", "greet-entry", str(tmp_path / "missing.txt")], "no such file"),
                          (["grade", str(reply)], "name a scenario")):  # fmt: skip
        proc = subprocess.run([NODE, web_dir / "cli.mjs", *args], capture_output=True, text=True)
        assert proc.returncode == 2 and message in proc.stderr and "at " not in proc.stderr
    bad = tmp_path / "gbk.txt"
    bad.write_bytes("您好".encode("gbk"))
    proc = subprocess.run([NODE, web_dir / "cli.mjs", "analyze", str(bad)], capture_output=True, text=True)
    assert proc.returncode == 2 and "not UTF-8" in proc.stderr
    lines = run_lines(web_dir, "grade-jsonl", [{"scenario": "nope", "text": "x"}, {"text": 1}, {"scenario": "greet-entry", "text": "您好"}])
    assert "unknown scenario" in lines[0]["error"] and "scenario" in lines[1]["error"] and lines[2]["scenario"] == "greet-entry"


def test_the_written_folder_is_everything_and_only_what_web_files_says(web_dir):
    files = web_files()
    written = {str(p.relative_to(web_dir)) for p in web_dir.rglob("*") if p.is_file()}
    assert written == set(files)
    assert {"engine.mjs", "cli.mjs", "data/core.json"} <= written
    assert {f"data/{sid}.json" for sid in scenario_ids()} <= written
    for name, text in files.items():
        assert (web_dir / name).read_text(encoding="utf-8") == text


def test_the_engine_has_no_dependency_but_its_own_files(web_dir):
    scripts = list(web_dir.rglob("*.mjs"))
    assert web_dir / "engine" / "score.mjs" in scripts  # (the engine's steps, in a folder of their own)
    for path in scripts:
        imports = re.findall(r"""(?:from|import)\s*\(?\s*["']([^"']+)["']""", path.read_text(encoding="utf-8"))
        own = [i for i in imports if not i.startswith("node:")]
        assert all(i.startswith(("./", "../")) for i in own), (path.name, imports)
        assert all((path.parent / i).resolve().is_file() for i in own), (path.name, imports)
        assert all((path.parent / i).resolve().is_relative_to(web_dir.resolve()) for i in own), (path.name, imports)


# -- the regex translation ------------------------------------------------------------------


def node_spans(web_dir: Path, source: str, texts: list[str]) -> list[list[list[int]]]:
    script = (
        "const [source, texts] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const re = new RegExp(source, 'gu');"
        "console.log(JSON.stringify(texts.map((t) => [...t.matchAll(re)].map((m) => [m.index, m.index + m[0].length]))));"
    )
    proc = subprocess.run([NODE, "-e", script], input=json.dumps([source, texts]), capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


@pytest.mark.parametrize(
    "pattern, texts",
    [
        ("好$", ["您好", "您好\n", "您好\n\n", "好的"]),  # Python's $ also matches before a final newline
        ("a.b", ["a\nb", "a\rb", "a\u2028b", "axb"]),  # Python's . takes \r and U+2028
        (r"[\s]+", ["a \u3000\x1c\x85b", "a\u200bb", "a\ufeffb"]),  # Python's \s, not JavaScript's
        (r"\.+|[/\]\-^]", ["a...b", "x/y]z-w^"]),
        (r"(?P<k>您)(?:好)?|你", ["您好你"]),
        (r"(.{2,10}?)\1{2,}", ["哈哈哈哈哈哈哈", "好的好的好的"]),
    ],
)
def test_translated_patterns_match_where_python_does(web_dir, pattern, texts):
    python = [[list(m.span()) for m in re.finditer(pattern, t)] for t in texts]
    assert node_spans(web_dir, js_regex(pattern), texts) == python


@pytest.mark.parametrize("pattern", ["a?", "[\U00010000-\U0001ffff]", "[\ue000-\ue0ff]", "😀", "(?i)a"])
def test_patterns_the_browser_cannot_run_alike_are_refused(pattern):
    with pytest.raises(Untranslatable):
        js_regex(pattern)


@pytest.mark.slow
def test_quoted_speech_outlines_and_summaries_grade_the_same(web_dir):
    """The staff's own words in quotation marks, outlines, the summary by points missed, a
    score floored at 0 and long lists of quotes: the feedback paths issue 12's review found."""
    replies = [
        ("greet-entry", "“您好，欢迎光临！请问您办理什么业务？这边请。”"),
        ("greet-entry", "先问好：“您好，欢迎光临！”再问：“请问您办理什么业务？”然后说：“这边请。”"),
        ("greet-entry", "“您好，欢迎光临！请问"),
        ("complaint-billing", "我会对王先生说：“非常抱歉，我理解您的心情。这个月多扣了您50元，我马上帮您核查。”"),
        ("decline-policy", "每天都有人跟我说“就帮他办一下”，您这是第几个了？"),
        ("greet-entry", "1. 问候：您好，欢迎光临！\n2. 询问：请问您办理什么业务？\n3. 指引：这边请。"),
        ("complaint-billing", "王先生，您不是第一个这么说的了，每个月都有人来闹。抱歉。"),
        ("decline-policy", "我理解您想帮朋友的心意，但按实名制规定不能代办。我可以帮您把所需材料写下来。"),
        ("needs-questions", "？？？"),
        ("decline-policy", "我就帮他办一下，你通融通融嘛。"),
        ("greet-entry", "您好，欢迎光临！请问您办理什么业务？" + "".join(f"第{k}号窗口办理宽带，这边请。" for k in range(40))),
    ]
    assert assert_same(web_dir, replies) == len(replies)


@pytest.mark.slow
def test_session_42_red_team_paths_grade_the_same(web_dir):
    """A restatement doubted as a near copy of his line, the summary of a penalised reply, a
    fact said the wrong way round and a time for the customer to call, in both engines."""
    replies = [
        ("listening-restate", "您是上周六买的手机，用了不到一周，打电话老是断线，信号只有一两格，家里人用我们的卡都好好的，您也重启过好几次了，是这样吗？"),
        ("needs-questions", "阿姨您好，您是不是不会用智能手机啊？要不我给您推荐个老人机？"),
        ("listening-restate", "您是上周六买的手机，打电话不断线，信号也挺好，您也没重启过，家里人的卡也不行，是这样吗？"),
        ("follow-up-promise", "实在抱歉，今天师傅排满了。您明天上午十点打10000问一下进度就行。"),
        ("greet-entry", "Hi，你自己去嗰邊 take 個 ticket 先，唔好 block 住個門口呀。"),
        ("complaint-billing", "王先生，非常抱歉。您是说这个月话费少扣了50元对吧？我马上帮您核查。"),
        ("decline-policy", "我这儿是办不了，您可以去别的营业厅试试，看他们给不给您通融。"),
        ("needs-questions", "您好，这款是最新款，八千多，您买得起吗？"),
        ("phone-answer", "您好，请问有什么可以帮您？"),
        ("greet-entry", "您好，欢迎光临！请问您办理什么业务？这边请不要拍照哦。"),
        ("phone-answer", "您好，让您久等了，这里是人民路营业厅，我是新来的，请问您有什么需要？"),
        ("complaint-billing", "王先生，真抱歉，生气是应该的。多扣的50块，我给您返到话费里。"),
        ("follow-up-promise", "需要师傅上门检修线路。我们平时都是上午9点上班，有事您可以电话找我们。"),
    ]
    assert assert_same(web_dir, replies) == len(replies)


@pytest.mark.slow
def test_session_43_red_team_paths_grade_the_same(web_dir):
    """Giving in and ways round the papers (sets spoiling their sentence), word classes in a
    rubric's sets ({you}) and patterns ({technician}), a threat, a judging doubt, a vow, one
    question read both ways (no order named), a shrug for an offer, a time with no day and a
    question he already answered, the blame taken off him where the tone model reads rudeness, and
    the wait denied, in both engines."""
    replies = [
        ("decline-policy", "照规定是要本人来的，不过这次我帮您通融一下，您可以把资料给我，我直接帮您补。"),
        ("follow-up-promise", "理解您着急。得师傅上门，今天排不上。侬明朝十点钟以后自家打10000问问看。"),
        ("follow-up-promise", "理解您着急。我马上给您加急，今天晚上师傅就能上门修好。"),
        ("follow-up-promise", "晓得侬急。今朝排满了，我伐好打包票明朝一定修好，不过今朝五点钟前我肯定打电话给侬。"),
        ("decline-policy", "我理解您想帮朋友，按实名制不能代办，您朋友可以本人来。您再这样我就叫保安了。"),
        ("listening-restate", "您说重启过好几次，我看未必吧。上周六买的，断线、信号差，家里人都正常，对吗？"),
        ("needs-questions", "您好，欢迎光临！能跟我说说您想要什么样的手机吗？平时主要用来做什么？想要拍照好的，对吗？"),
        ("needs-questions", "您好！您对手机有什么具体需求吗？平时主要用来做什么？那您更看重续航，对吧？"),
        ("decline-policy", "我理解您想帮朋友，按规定补卡要本人。您可以拿他的身份证复印件过来，复印件也行。"),
        ("decline-policy", "我理解您想帮朋友，按规定我这边没法给您办。我能为您做的就是这些了。"),
        ("follow-up-promise", "我理解您的着急。今天修不了，过两天师傅会过去的，到时候会有人联系您。"),
        ("listening-restate", "您上周六买的手机信号不好，打电话老断，您重启了吗？"),
        ("listening-restate", "您上周六买的手机，打电话老断，信号一两格，重启好几次，家里人都正常。是吗？不会是您操作的问题，您放心。"),
        ("phone-answer", "您好，这里是阳光路营业厅，我是小林，我们这边没有让您久等，请问有什么可以帮您？"),
    ]
    assert assert_same(web_dir, replies) == len(replies)


@pytest.mark.slow
def test_session_44_red_team_paths_grade_the_same(web_dir):
    """A check waved aside and a fact asked again (sets spoiling confirm and fact_contrast), facts said
    the wrong way round, an exception sought, a cause that is not why, ways and offers that are none
    (sets opening at the pronoun), the new rude lines and bad questions, and kind lines beside them,
    in both engines."""
    restated = "您上周六买的手机，打电话老断线，信号一两格，重启了好几次，家里人的卡都好好的"
    replies = [
        ("listening-restate", restated + "。先不管我理解得对不对，我们先检测吧。"),
        ("listening-restate", restated + "。我理解得对，您不用再说了。"),
        ("listening-restate", "我跟您确认一下情况：" + restated + "。"),
        ("listening-restate", "您的手机打电话老是断线，家里人用我们的卡信号怎么样？"),
        ("listening-restate", "您上周六买的手机，打电话不会断线，信号也还行，重启没试过，家里人还没用过我们的卡，对吗？"),
        ("listening-restate", restated + "，对吗？这手机不会有问题的，这个价位的手机信号也就这样了。"),
        ("complaint-billing", "王先生，这事不用说对不起，这个月多退了您50元，跟我们营业厅没关系。"),
        ("complaint-billing", "王先生，真对不起让您生气了，您不用再打10000了，多扣的50元我马上帮您查明细。多亏您提醒。"),
        ("decline-policy", "按实名制规定今天办不了，因为今天人太多了。我可以帮您问问领导能不能通融。您可以去别家试试。"),
        ("decline-policy", "按实名制规定今天没法办。我不可以帮您写材料清单，您朋友也不可以写授权书代办。做人还是要守规矩的。"),
        ("decline-policy", "今天这卡我是真补不了，不是看您不像好人啊，您别误会。您朋友回来本人办就行。"),
        ("follow-up-promise", "在家办公晚一天也没事吧？又不是只有您一家断网。师傅明天上午会给您打电话约时间上门。"),
        ("needs-questions", "您好！有什么好犹豫的？想睇下边款？这款挺贵的，您确定吗？"),
        ("needs-questions", "您好！您是学生的话，我们有学生优惠，需要了解一下吗？平常拿它干哈呀？"),
        # the second round: a time denied, a check refused, a tag elsewhere, his side taken, a vow of a callback
        ("follow-up-promise", "理解您着急。需要师傅上门检测线路，今天排满了。明天上午10点前师傅肯定来不了，您爱等不等。"),
        ("follow-up-promise", "我跟您保证，今天下午5点前给您回电话。理解理解，没网办公太难受了。"),
        ("complaint-billing", "知道了知道了，多扣的50元我帮您核查了也没用，退还是不可能的。对布起。"),
        ("listening-restate", restated + "。您带发票了，对吗？这种情况不是您操作的问题。"),
        ("needs-questions", "您好，欢迎光临！您一个人来的话不着急，我陪您慢慢看。您想看什么样的手机？"),
        ("greet-entry", "您好，欢迎光临！请问您办理什么业务？取号机坏了，您随便找个地方等吧，别磨磨蹭蹭的。"),
        # the third round: concessions and reassurances, rhetorical questions, a manager, regional words
        ("complaint-billing", "王先生，这事我不管谁对谁错，您不用着什么急，我也没办法看着您白跑一趟，马上帮您核查。"),
        ("phone-answer", "您好！这里是电信北门营业厅，我是李娜。要是电话里说不清，您也可以打10000。"),
        ("needs-questions", "您好！现在谁还用老手机呢？哪有人不喜欢大屏的？您预算够不够啊？"),
        ("decline-policy", "先生，这个我做不了主，您可以问问我们经理。怎么就您事多呢？"),
        ("listening-restate", "上周六买的手机，打电话老断线，信号一两格；您老伴用我们的卡信号巴适得很。所以不是您不会用。是这样吗？"),
        # the fourth round: a plan told instead of said, dialect, the same meaning in other words
        ("complaint-billing", "我会先向王先生道歉，表示理解他的心情，然后复述多扣50元的问题，再帮他查询账单，最后感谢他。"),
        ("follow-up-promise", "告诉客户很理解他的着急。明天上午9点前师傅会电话联系。您好，我是小李。"),
        ("greet-entry", "您好，欢迎光临！（边说边引导客户走到咨询台）请问您办理什么业务？"),
        ("needs-questions", "你好！你係咪嚟偷嘢㗎？點解想換機？您买得起这款吗？"),
        ("complaint-billing", "王先生，真是失禮了，亦明白您的不滿，看得出您很生气。侬脑子拎拎清好伐。"),
        ("follow-up-promise", "明白你好急。包喺我身上，聽日朝早實搞掂，铁定能修好。"),
        # the fifth round: stage directions beside speech, plans in other words, the blame taken off him
        ("greet-entry", "（微笑）欢迎光临！（伸手示意）这边请，请问您办理什么业务？"),
        ("greet-entry", "（微笑）（鞠躬）欢迎光临 （引导）这边请"),
        ("needs-questions", "先问他想看什么样的手机，再问他平时用来做什么。首先，我会问候他。"),
        ("complaint-billing", "王先生，不是您没看清账单，这都是我们的错。之前同事让您自己打10086去问，我向您道歉。"),
        ("follow-up-promise", "不是您家路由器设置错了。今晚八点前我给您打电话，这一点我保证做到。"),
        ("phone-answer", "喂，这里是阳光路营业厅，我是小王。电话太多了，哪接得过来，您下次别在高峰期打。"),
        ("needs-questions", "您好！您知道什么是5G吗？您好像不太会用智能手机吧？"),
    ]
    assert assert_same(web_dir, replies) == len(replies)


@pytest.mark.slow
def test_session_45_red_team_paths_grade_the_same(web_dir):
    """A no left implicit (decline-policy implicit_no), refusals and put-offs later in the clause
    (negation.yaml), hollow offers and the rule bent (sets), vague weeks and an open day, guidance
    not known or taken back, a short introduction, and the new rude lines and bad questions beside
    kind lines, in both engines."""
    restated = "您是说上周六买的手机，打电话老断线，信号一两格，重启过好几次，家里人的卡都好好的，对吗？"
    replies = [
        ("decline-policy", "先生您好，您的心情我们十分理解。但为保障机主的通信安全，补卡业务必须严格遵循实名制要求。敬请谅解。"),
        ("decline-policy", "唔得啊兄弟，规定就系规定。抱谦哈 我也冒得权限"),
        ("decline-policy", "我可以为您做的不多，我能为您做的已经做了。您可以在这里坐一会儿，我可以当作没看见。"),
        ("decline-policy", "这个真不能办，您可以让您朋友把身份证拍个照发过来，我就当原件给您办了。"),
        ("decline-policy", "出门前都不打听一下？您朋友也是心大。您耳朵是不是不太好？你系咪傻㗎？您面子可真大。"),
        ("complaint-billing", "王先生，退还的事情我们一般不办的。核查的话要等您下次带身份证来再说吧。这种事很正常。"),
        ("complaint-billing", "王先生，您这个月多扣的50元是因为您自己开了增值业务，您回家自己在APP上查一下。"),
        ("follow-up-promise", "我们会在下周之前联系您。我们一般两个工作日内联系客户，具体哪天不好说。"),
        ("follow-up-promise", "着急能把网急好吗？修不修得好看运气吧。那您就不能去网吧吗？别人工作就不重要啦？"),
        ("follow-up-promise", "别担心，您不用一直催，我会跟进。我们现在短信套餐有优惠。明天上午10点前我会联系您。"),
        ("greet-entry", "唉，又来一个。您好，请问您办理什么业务？取号机在哪我也不太清楚。我带您去……哦不对。"),
        ("phone-answer", "您好，让您久等了，移动营业厅，小王，请问有什么可以帮您？如果没什么要紧事我就先挂了啊。"),
        ("phone-answer", "您好！这里是阳光路营业厅，我叫什么不重要。一般人响三声就挂了，要不让您孩子来打？"),
        ("needs-questions", "您好，您是不是连微信都不太会用啊？您不会是来偷手机的吧？杂牌吧？比个价就走？"),
        ("listening-restate", restated + "一般不会这样的。您家那边本来就是信号盲区，换哪个手机都一样。"),
        ("listening-restate", restated[:-4] + "。一般新手机不会这样，所以我们得好好查一下。"),
        # the second round: giving in, filler for a way, brush-offs, 甚麼, dialect empathy, his side taken
        ("decline-policy", "规定是要本人，不过这次我先给您补上。我可以先帮您把卡补了，身份证您回头再拿来。您可以先坐下喝口水。"),
        ("decline-policy", "我可以帮您问问我们经理，看能不能特殊处理一下。今天系统维护。咱们这边可以先给您把材料列个清单。"),
        ("complaint-billing", "王先生，我们核查过了，就是正常扣费。这个月先这样吧，下个月要是还多扣您再来。换我也冷静不了，畀您嬲咗。"),
        ("complaint-billing", "王先生，您一点也不是斤斤计较。您不用自己去查，也不用打客服电话，我们不会推给您自己去处理。"),
        ("follow-up-promise", "理解您。这两天师傅会上门的，到时候给您打电话。"),
        ("greet-entry", "您好，那边柜台没人，您别过去。那边是员工区。"),
        ("needs-questions", "您好，請問您想找甚麼樣的手機？不会太低吧？您是随便看看还是真要买？那就拿这款吧？"),
        ("needs-questions", "您好！我们这里的手机都是正品行货，不是水货，随便看看打发时间也没关系。您这水货手机是在哪买的？"),
        ("listening-restate", restated + "所以不像是您那边的位置问题，不是您想太多，这不是您运气不好。"),
        # the third round: short sentences to him (no keyword list), a hall named …里, vows, put-offs, judging
        ("greet-entry", "欢迎光临！想办点啥？这边请。"),
        ("greet-entry", "欢迎光临 办什么业务 这边请 取号"),
        ("complaint-billing", "抱歉！理解！核查！感谢！"),
        ("phone-answer", "您好，让您久等了，这里是幸福里营业厅，我是陈晨。您没事别老打这个电话。"),
        ("phone-answer", "您好，让您久等了，这里营业厅，我是陈晨，有什么能帮您的？"),
        ("follow-up-promise", "我们承诺明天不会断网，到了立马就能修好。我向您保证，今天下午5点前您一定会接到我的电话。"),
        ("complaint-billing", "王先生，等我有空了再帮您查吧，我下周再给您查。您可能记错了，上次就跟您说过了。心里肯定膈应。"),
        ("listening-restate", restated + "您确定真的重启了？您会不会用啊？真的假的？家里人的卡也经常没信号。"),
        ("greet-entry", "欢迎光临，这边请。你怎么连号都不会取？您都这么大岁数了还来办什么业务。瓜兮兮的。"),
        ("needs-questions", "您好！您预算是不是不太够？您今天买不买？"),
        # the fourth round: among the phones, on the phone, kind lines, a title and a full name
        ("needs-questions", "您好，您懂手机吗？屏幕都碎成这样了？收入怎么样？您看上去不太像会买这么贵手机的人。喂？说话啊！"),
        ("phone-answer", "您好，让您久等了，人民路营业厅营业员林晓。又是问套餐的吧？没事我就挂了啊。"),
        ("complaint-billing", "王先生，我听得出您已经很失望了，您心里肯定又气又累。您不用担心是不是自己不小心点了什么。我是新来的，不太清楚。"),
        ("greet-entry", "您好！虽然我们快下班了，您的业务我们一定给您办完。您自己找可能要转半天，我带您去吧。不知道就先去取号机那里看看。"),
        ("follow-up-promise", "师傅今天下午不会联系您。今晚8点前我给您打电话，师傅出发前也会短信通知您，这个我能保证。"),
        ("decline-policy", "您这么帮朋友，我很佩服。您这是违规操作，知道吗？我可以帮您办，您把您朋友的号码给我就行。"),
        # the fifth round: the new words used kindly, a title after 我是, a comma before the family's signal
        ("complaint-billing", "上次跟您说过会帮您盯着账单，真是我们的问题。更不是您用超了，也不会让您自己去网上查。您生气完全在理。"),
        ("listening-restate", "您是说上周六买的手机，打电话老断线，重启过好几次也没用，您家里人用我们的卡，信号都挺好，对吗？"),
        ("phone-answer", "您好，联通沙河口营业部，我是值班员刘晓，抱歉让您久等了。我是值班的。"),
        ("follow-up-promise", "我向您保证，今晚6点前短信告诉您师傅的上门时间。我们不会说“保证马上修好”这种空话。"),
        # the final sweep: sets opening at the pronoun, a sorry refused, blunt lines and vows
        ("decline-policy", "今天办不了。您可以回去吧，您可以排队办点别的业务。我可以给您推荐我们的新款手机套餐。我跟领导申请一下，给您特殊处理。"),
        ("decline-policy", "您在这签个字保证一下，我就先给您补了。我能为您做的也没什么。"),
        ("complaint-billing", "王先生，我不觉得抱歉。您自己在手机APP上查一下账单明细就清楚了。我已经帮您查过了，没有问题。您每次来都这么生气。"),
        ("follow-up-promise", "这个点了您才来。有意见你去投诉啊。明天包您能用，您明天办公肯定不会受影响的。"),
        ("listening-restate", restated + "按理说不会啊。我们不可能让您白跑一趟，那不会是您操作的问题。"),
    ]
    assert assert_same(web_dir, replies) == len(replies)


@pytest.mark.slow
def test_session_46_a_rude_sentence_read_on_its_own_and_the_new_words_grade_the_same(web_dir):
    """The tone model's rudest sentence read on its own in a reply that leans rude (sentence_gate,
    sentence_threshold), the new rude lines, vows, bad questions and bare noes, and the warm
    welcomes kept clear of them, in both engines."""
    full = "理解您着急，很抱歉。需要师傅上门，明天上午9-11点到，出发前打电话。"
    replies = [
        ("follow-up-promise", "理解您着急，很抱歉。网断一天又不会死人，明天师傅上午会过去，到时候电话联系。"),
        ("follow-up-promise", "师傅明天上午9点到11点上门，出发前会打电话。你自己家路由器没弄好吧？"),
        ("follow-up-promise", full + "我以人格担保明天能修好。修好后永久不会再出故障，对您明天办公不会有任何影响。"),
        ("follow-up-promise", "您的心情我绝对理解，很抱歉。我没办法承诺明天一定能用上网，能否一定修好，要等师傅看了才知道。"),
        ("follow-up-promise", full + "您嫌麻烦可以销户，没人拦着。早跟您说换光纤您不听，现在知道了吧。"),
        ("decline-policy", "理解您想帮朋友，不过实名制规定必须本人或原件加授权书。我可以帮您打印材料清单。你以为你是谁啊。"),
        ("decline-policy", "理解您想帮朋友的心情，可实名制下这个我们真的无能为力。我真係唔可以做。那就不行了。"),
        ("decline-policy", "规定不能代办。您可以再考虑考虑，我可以帮您的也就这么多了。您朋友可以自求多福了。"),
        ("listening-restate", "您上周六买的手机，打电话老断线，信号一两格，重启过好几次，家里人的卡都好好的。我们不背这个锅哦。"),
        ("needs-questions", "您好，您要找什么样的手机？您一个月挣多少钱啊？您是聋了还是没听见？这款功能多，您用得明白吗？"),
        ("greet-entry", "王阿姨，您又来了！稀客稀客，我们这儿很忙，但您的事最要紧，请问办理什么业务？这边请。"),
        ("greet-entry", "您好，有什么事自己去自助机弄吧，办不了的话慢走不送啊。😒那边取号。"),
        ("phone-answer", "您好，城东营业厅小王，让您久等了。别问我，我什么都不知道。谁啊？"),
        ("phone-answer", "您好，城东营业厅小王。对不起，但响五声真不算久。要说对不起的应该是您吧。"),
        # the second round: complaints, kind lines, refusals in formal and regional words, plain feelings
        ("complaint-billing", "王先生，抱歉，换成我，我也会拍桌子。多扣50元我帮您核查。这不叫多扣，有什么证据吗？谢谢您。"),
        ("complaint-billing", "王先生，您可别自责。我不会让您找别人，也不会跟您说\"系统问题\"这种话。连我们自己人都看不明白。"),
        ("follow-up-promise", "百分之百修好这种话我说不出口。我不敢拍胸脯说绝对没问题。我向您保证今晚之前给您回话。板上钉钉。"),
        ("listening-restate", "您上周六买的手机，打电话老断线。这绝不是您操作不当造成的，我们不会把责任推到您身上。"),
        ("decline-policy", "为了保护您朋友的号码安全，此项业务恕不受理，這個礙難辦理。不过今天人比较多。您可以找个黄牛。"),
        # a flat no the model of the replies the grader misses it in adds (learned add_sure, adds)
        ("decline-policy", "嗯嗯，通融，我也想通融啊，谁不想呢。系统它不通融啊。"),
        ("decline-policy", "您这份热心真难得，可惜热心不能当身份证用。"),
        ("decline-policy", "行，您说得对，规定是死的，人是活的。可惜我这个活人也得按死规定来。"),
        ("decline-policy", "可惜热心不能当身份证用。您可以让朋友写好授权书，带上他的身份证原件来办。"),
    ]
    assert assert_same(web_dir, replies) == len(replies)


@pytest.mark.slow
def test_session_47_how_he_speaks_is_not_his_words_reported_and_the_new_words_grade_the_same(web_dir):
    """"您说话…"/"您说普通话…" (how he speaks) is no reported speech, but 您说话费… is; the new rude lines, bad
    questions, judgements, brush-offs promised not to happen, hollow ways and exceptions, in both engines."""
    from test_generalisation import SESSION_47

    replies = [(scenario, text) for scenario, text, _, _ in SESSION_47]
    replies += [("phone-answer", "您好，让您久等了。拜托您说普通话好吗？您说话大点声。"), ("listening-restate", "您说话费多扣了？你讲话又断线。")]
    assert assert_same(web_dir, replies) == len(replies) > 30


@pytest.mark.slow
def test_session_48_rude_lines_grade_the_same(web_dir):
    """The session-48 cases (rude lines, bad questions and judgements, staff offers and oaths in new words, and the
    kind lines left unpenalised), in both engines."""
    from test_generalisation import SESSION_48

    replies = [(scenario, text) for scenario, text, _, _ in SESSION_48]
    assert assert_same(web_dir, replies) == len(replies) > 50


@pytest.mark.slow
def test_a_keyword_list_is_penalised_alike(web_dir):
    from test_gaming import KEYWORD_LIST_PENALTIES

    replies = [(scenario, text) for scenario, text, _ in KEYWORD_LIST_PENALTIES]
    assert assert_same(web_dir, replies) == len(replies)


def test_a_deed_taken_back_is_read_alike(web_dir):
    from test_generalisation import TAKEN_BACK

    replies = [(scenario, text) for scenario, text, _, _ in TAKEN_BACK]
    assert assert_same(web_dir, replies) == len(replies)


def test_a_deed_refused_later_in_its_clause_is_read_alike(web_dir):
    from test_generalisation import REFUSED_LATER

    replies = [("complaint-billing", text) for text, _ in REFUSED_LATER]
    assert assert_same(web_dir, replies) == len(replies)


def test_a_blank_after_a_colon_or_an_items_number_is_read_alike(web_dir):
    from test_generalisation import SLOT_LEADS

    replies = [("decline-policy", text) for text, _ in SLOT_LEADS]
    assert assert_same(web_dir, replies) == len(replies)


def test_a_point_met_in_a_weaker_form_is_told_alike(web_dir):
    from test_generalisation import WEAKLY_MET

    replies = [(scenario, text) for scenario, text, _, _ in WEAKLY_MET]
    assert assert_same(web_dir, replies) == len(replies)


def test_a_question_put_politely_is_read_alike(web_dir):
    """"May I ask …吗?" asks what it wraps (detect/questions.py _asked_end), in both engines."""
    replies = [("needs-questions", t) for t in (
        "您好！能问一下您平时用手机主要做什么吗？想要轻薄一点的，对吗？", "方便问下您的预算大概多少吗？",
        "能问一下吗？", "想问问您需要什么？", "我想请教一下您是给谁买么？", "可以问下您喜欢哪个牌子吗😀？",
    )]  # fmt: skip
    assert assert_same(web_dir, replies) == len(replies)
