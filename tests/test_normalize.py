"""Normalisation keeps a faithful map back to the learner's original text."""

import pytest

from carecourse import grade
from carecourse.normalize import normalize


def roundtrip(text: str, piece: str) -> str:
    """Find ``piece`` in the normalised text and return the original text it came from."""
    norm = normalize(text)
    at = norm.text.index(piece)
    start, end = norm.original_span(at, at + len(piece))
    return text[start:end]


def test_full_width_becomes_half_width_and_maps_back():
    text = "ＡＢＣ１２３，您好！"
    norm = normalize(text)
    assert norm.text == "abc123,您好!"
    assert roundtrip(text, "123") == "１２３"


def test_traditional_becomes_simplified_and_maps_back():
    text = "您好，請問您辦理什麼業務？"
    assert normalize(text).text == "您好,请问您办理什么业务?"
    assert roundtrip(text, "办理什么业务") == "辦理什麼業務"


def test_quotes_fold_to_one_mark():
    assert normalize("您说“乱扣钱”「真的」『好』'x'").text == '您说"乱扣钱""真的""好""x"'


def test_the_apostrophe_of_an_english_word_is_no_quotation_mark():
    assert normalize("I’m sorry, we can't，他说'好'").text == "i'm sorry, we can't,他说\"好\""
    # ... so what follows it is still the staff's own words
    assert "flat_no" in {p.id for p in grade("decline-policy", "先生，I'm really sorry，这个真的不行，怕被人冒用嘛。").penalties}


def test_whitespace_runs_collapse_and_line_breaks_win():
    assert normalize("您好   请问\t\t有什么 \n\n 可以帮您").text == "您好 请问 有什么\n可以帮您"


def test_control_and_zero_width_characters_are_dropped():
    text = "抱\u200b歉\x00，\ufeff谢谢"
    norm = normalize(text)
    assert norm.text == "抱歉,谢谢"
    assert roundtrip(text, "抱歉") == "抱\u200b歉"


def test_lone_surrogates_do_not_break_normalisation():
    norm = normalize("抱歉\ud800谢谢")
    assert norm.text == "抱歉谢谢"


def test_ellipsis_expands_but_maps_to_one_character():
    text = "嗯…好的"
    norm = normalize(text)
    assert norm.text == "嗯...好的"
    assert roundtrip(text, "...") == "…"


def test_typos_are_fixed_without_changing_length():
    text = "非常报歉，给您添麻烦了"
    norm = normalize(text)
    assert "抱歉" in norm.text
    assert roundtrip(text, "抱歉") == "报歉"
    assert len(norm.text) == len(norm.offsets)


@pytest.mark.parametrize("typed, meant", [
    ("我马上帮您差一下这个月的账单", "帮您查一下"),
    ("真的不好意识，我帮你预越明天早上第一单", "不好意思"),
    ("让他写个授全书，带上身份证元件", "授权书"),
    ("理届你是帮朋友", "理解"),
    ("大姐恁好，俺们这就给恁查查", "您好,我们这就给您查查"),
    ("请问办理撒子业务", "办理什么业务"),
])  # fmt: skip
def test_slips_of_pinyin_and_voice_input_and_dialect_pronouns_are_read_as_meant(typed, meant):
    assert meant in normalize(typed).text


def test_ascii_is_lower_cased():
    assert normalize("Sorry, OK").text == "sorry, ok"


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\x00\x01"])
def test_degenerate_inputs(text):
    norm = normalize(text)
    assert len(norm.text) == len(norm.offsets)
    assert norm.original_span(0, 0) == (len(text), len(text)) or norm.text


def test_every_offset_points_into_the_original():
    text = "Ｈｉ！您好👋，請問…\r\n有什麼可以幫您？"
    norm = normalize(text)
    assert len(norm.offsets) == len(norm.text)
    assert all(0 <= i < len(text) for i in norm.offsets)
    assert list(norm.offsets) == sorted(norm.offsets)


def _corpus_lines() -> list[str]:
    import json
    from pathlib import Path

    data = Path(__file__).parent / "data"
    lines = [json.loads(line)["text"] for p in data.glob("corpus/*.jsonl") for line in p.read_text(encoding="utf-8").splitlines()
             if "text" in line]  # fmt: skip
    return lines + [line for p in data.glob("heldout/*.yaml") for line in p.read_text(encoding="utf-8").splitlines()]


def test_the_shipped_script_table_is_what_opencc_does_today():
    """Every character the installed OpenCC's t2s changes on its own is in ``t2s.txt``, and
    every line there is what OpenCC makes of it (run ``t2s_table`` again when OpenCC changes)."""
    from carecourse.normalize.script import T2S_TABLE, _table, t2s_table, taiwan_phrases
    from carecourse.packaged import read_text

    taiwan = taiwan_phrases()
    phrases = [p for p in _table()[1] if p not in taiwan]  # the TSPhrases keys
    assert len(phrases) > 400 and "瞭解" in phrases and "答覆" in phrases
    assert len(taiwan) > 400 and "寬頻" in taiwan and "簡訊" in taiwan
    assert read_text("carecourse.normalize", T2S_TABLE) == t2s_table(phrases, taiwan)


def test_the_table_converts_as_opencc_does():
    """The same output as OpenCC's t2s on every corpus reply turned into Traditional three ways
    (OpenCC standard, Taiwan with its phrases, Hong Kong) and on text made of the table's own
    phrases and characters run together, where phrases overlap: but inside a Taiwan phrase,
    which reads as tw2sp reads it."""
    import random

    import opencc

    from carecourse.normalize.script import _phrase_at, _table, taiwan_phrases, to_simplified

    t2s, tw2sp = opencc.OpenCC("t2s"), opencc.OpenCC("tw2sp")

    def by_opencc(text: str) -> str:  # what the normaliser did while it called OpenCC
        if text.isascii() or _table()[2].isdisjoint(text):
            return text
        converted = t2s.convert(text)
        return converted if len(converted) == len(text) else "".join(c2 if len(c2 := t2s.convert(c)) == 1 else c for c in text)

    taiwan = taiwan_phrases()
    phrase_at = _phrase_at()

    def taiwan_spans(text: str) -> set[int]:
        return {i for m in phrase_at.finditer(text) if m.group() in taiwan for i in range(*m.span())}

    lines = _corpus_lines()[::3]
    converters = [opencc.OpenCC(config) for config in ("s2t", "s2twp", "s2hk")]
    texts = [to_traditional.convert(line) for to_traditional in converters for line in lines]
    rng = random.Random(7)
    pieces = sorted(_table()[1]) + sorted(_table()[2])
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(3000)]
    assert len(texts) > 10_000
    outside = [(t, i) for t in texts for i, (a, b) in enumerate(zip(to_simplified(t), by_opencc(t), strict=True))
               if a != b and i not in taiwan_spans(t)]  # fmt: skip
    assert outside == []
    assert sum(bool(taiwan_spans(t)) for t in texts) > 500  # the Taiwan phrases are met, and read
    for t in texts:
        for m in phrase_at.finditer(t):
            if m.group() in taiwan and not _table()[2].isdisjoint(t):
                assert to_simplified(t)[m.start() : m.end()] == tw2sp.convert(m.group())
    assert to_simplified("我瞭解，會盡快答覆您") == "我了解，会尽快答复您"  # phrases, not characters alone


def test_taiwan_words_fold_to_the_mainland_words_and_map_back():
    """The words of the course's Taiwan edition (OpenCC s2twp) read as the mainland words the
    lexicons know, each character still pointing at the learner's own."""
    text = "您家的寬頻網路訊號不穩，我們會用簡訊通知您，軟體設定可以遠端處理。"
    norm = normalize(text)
    assert norm.text == "您家的宽带网络信号不稳,我们会用短信通知您,软件设置可以远程处理。"
    assert roundtrip(text, "宽带网络信号") == "寬頻網路訊號"
    assert roundtrip(text, "短信") == "簡訊"
    assert len(norm.offsets) == len(norm.text) == len(text)


def test_taiwan_phrases_are_only_read_in_a_text_written_in_traditional():
    """影片 is Taiwan's 视频 but mainland's film: a reply in Simplified keeps its own words."""
    from carecourse.normalize.script import to_simplified

    assert to_simplified("这部影片很好看") == "这部影片很好看"
    assert to_simplified("這部影片很好看") == "这部视频很好看"


def test_taiwan_phrases_whose_letters_read_as_everyday_words_are_left_out():
    """A phrase whose fold would change the learner's ordinary words (回撥 is 回拨, not tw2sp's
    回调; 查詢 is 查询) stays out, and every phrase kept is one tw2sp folds to as many characters."""
    import opencc

    from carecourse.normalize.script import _table, taiwan_phrases, to_simplified

    assert to_simplified("稍後回撥給您，幫您查詢資料") == "稍后回拨给您，帮您查询资料"
    tw2sp = opencc.OpenCC("tw2sp")
    kept = taiwan_phrases()
    assert "回撥" not in kept and "查詢" not in kept
    assert all(len(p) > 1 and _table()[1][p] == tw2sp.convert(p) != p for p in kept)


def test_a_text_with_no_character_the_table_changes_is_left_as_it_is_by_opencc_too():
    """Skipping the conversion for such a text is exact, but for phrase rules of t2s that
    rewrite Simplified text as well (一坏了 -> 一坯了): there, skipping keeps the learner's
    words (checked on every corpus and sample line)."""
    import opencc

    from carecourse.normalize.script import traditional_chars

    lines = _corpus_lines()
    untouched = [line for line in lines if traditional_chars().isdisjoint(line)]
    assert len(untouched) > 1000
    t2s = opencc.OpenCC("t2s")
    converted = [(line, t2s.convert(line)) for line in untouched]
    assert all(len(line) == len(out) for line, out in converted)
    assert {(a, b) for line, out in converted for a, b in zip(line, out) if a != b} <= {("坏", "坯")}
    assert any(not traditional_chars().isdisjoint(line) for line in lines)  # the Traditional replies are converted


def test_the_full_width_shortcut_gives_exactly_nfkc():
    import random
    import unicodedata

    from carecourse.normalize import _FULL_WIDTH, _nfkc

    rng = random.Random(5)
    full_width = [chr(c) for c in _FULL_WIDTH]
    pools = [
        full_width,
        [chr(c) for c in range(0x300, 0x370)] + ["\u3099", "\u309a", "\uff9e", "\uff9f"],  # combining marks
        [chr(c) for c in range(0x20, 0x30000) if not 0xD800 <= c < 0xE000],
        list("您好，我马上为您核查。ｶﾞＡ"),
    ]
    for _ in range(50_000):
        text = "".join(rng.choice(rng.choice(pools)) for _ in range(rng.randint(1, 8)))
        assert _nfkc(text) == unicodedata.normalize("NFKC", text), ascii(text)
