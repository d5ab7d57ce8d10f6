"""Normalisation keeps a faithful map back to the learner's original text."""

import pytest

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


def test_the_shipped_table_of_traditional_characters_is_what_opencc_changes_today():
    from carecourse.normalize import _traditional_chars, changed_by_t2s

    assert _traditional_chars() == frozenset(changed_by_t2s())


def test_a_text_with_no_character_opencc_changes_is_left_as_it_is_by_opencc_too():
    """Skipping OpenCC for such a text is exact, but for phrase rules of t2s that rewrite
    Simplified text as well (一坏了 -> 一坯了): there, skipping keeps the learner's words
    (checked on every corpus and sample line)."""
    import json
    from pathlib import Path

    from carecourse.normalize import _opencc, _traditional_chars

    data = Path(__file__).parent / "data"
    lines = [json.loads(line)["text"] for p in data.glob("corpus/*.jsonl") for line in p.read_text(encoding="utf-8").splitlines()
             if "text" in line]  # fmt: skip
    lines += [line for p in data.glob("heldout/*.yaml") for line in p.read_text(encoding="utf-8").splitlines()]
    untouched = [line for line in lines if _traditional_chars().isdisjoint(line)]
    assert len(untouched) > 1000
    converted = [(line, _opencc().convert(line)) for line in untouched]
    assert all(len(line) == len(out) for line, out in converted)
    assert {(a, b) for line, out in converted for a, b in zip(line, out) if a != b} <= {("坏", "坯")}
    assert any(not _traditional_chars().isdisjoint(line) for line in lines)  # the Traditional replies take the slow path
