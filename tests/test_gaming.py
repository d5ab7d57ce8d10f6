"""Scoring that can't be gamed: keyword lists, repetition, copying, empty replies."""

import pytest

import carecourse

GOOD = "王先生，非常抱歉！这个月多扣了您50元，换作是我也会很生气。我马上为您核查账单，多扣的费用会退还给您。谢谢您告诉我们。"


def test_a_real_reply_is_not_flagged():
    result = carecourse.grade("complaint-billing", GOOD)
    assert result.flags == [] and result.score == result.max_score


@pytest.mark.parametrize(
    "text, flag, said",
    [
        ("抱歉 理解 感谢 核查 处理", "keyword_list", set()),
        ("抱歉，理解，感谢，核查，处理，多扣", "keyword_list", set()),
        ("抱歉理解感谢核查处理退还", "keyword_list", set()),
        ("道歉、同理心、感谢、行动", "keyword_list", set()),
        ("非常抱歉！非常抱歉！非常抱歉！非常抱歉！", "repetition", {"apology"}),
        ("非常抱歉，我马上帮您查。非常抱歉，我马上帮您查。非常抱歉，我马上帮您查。", "repetition",
         {"apology", "action", "order"}),
        ("抱歉抱歉抱歉抱歉抱歉抱歉", "repetition", {"apology"}),
        ("你们这个月又多扣了我50块钱！每次都这样，你们到底怎么回事？", "copied_customer", set()),
        # padding: what was said, said again (a third of the reply or more)
        ("王先生真的非常抱歉，真的非常抱歉，给您添麻烦了，我马上帮您查，我马上帮您查。", "repetition",
         {"apology", "action", "order"}),
        ("您别生气，我非常理解您，真的非常理解您的心情，我帮您看一下，您别生气，我理解您。", "repetition",
         {"empathy", "action", "order"}),
    ],
)  # fmt: skip
def test_gaming_scores_nothing_and_says_why_once_and_truly(text, flag, said):
    result = carecourse.grade("complaint-billing", text)
    assert [f.id for f in result.flags] == [flag]
    assert result.score == 0 and all(c.points == 0 for c in result.criteria)
    # what a repeated reply said is still said (trainers mark it met); a list or a copy says nothing
    assert {c.id for c in result.criteria if c.met} == said
    assert all("没有计分" in c.feedback for c in result.criteria if c.met)  # met, and told it scored nothing
    assert result.summary != result.flags[0].message  # the reason is said once, in the flag
    assert f"得 {result.score:g} 分" in result.summary  # and the summary states the real score


@pytest.mark.parametrize("text", [
    GOOD,
    "王先生，非常抱歉，多扣的50元我马上帮您查。查清楚了，多扣的钱给您退回去，您看行吗？",  # a word said twice is no padding
])  # fmt: skip
def test_a_reply_saying_a_few_words_twice_is_not_padding(text):
    assert carecourse.grade("complaint-billing", text).flags == []


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "。。。", "（请在此处写下你的回应）", "请在此处写下你的回应"])
def test_empty_or_placeholder_scores_zero_with_a_message(text):
    result = carecourse.grade("complaint-billing", text)
    assert result.score == 0
    assert result.flags and result.flags[0].id in ("empty", "placeholder")
    assert not any(c.met for c in result.criteria)
    assert result.summary


def test_traditional_reply_scores_like_its_simplified_twin():
    traditional = "王先生，非常抱歉！這個月多扣了您50元，換作是我也會很生氣。我馬上為您核查賬單，多扣的費用會退還給您。謝謝您告訴我們。"
    a, b = carecourse.grade("complaint-billing", GOOD), carecourse.grade("complaint-billing", traditional)
    assert a.score == b.score
    assert [(c.id, c.met) for c in a.criteria] == [(c.id, c.met) for c in b.criteria]


def test_full_width_reply_scores_like_half_width():
    half = GOOD.replace("，", ",").replace("！", "!").replace("。", ".")
    assert carecourse.grade("complaint-billing", half).score == carecourse.grade("complaint-billing", GOOD).score


def test_short_natural_greeting_is_not_a_keyword_list():
    result = carecourse.grade("greet-entry", "您好，欢迎光临，这边请")
    assert result.flags == []


@pytest.mark.parametrize(
    "scenario, text, earned",
    [
        ("listening-restate", "明白，新机、不满一周、老掉线、信号一两格，重启没用，家人正常。就这些对吧？",
         {"fact_when", "fact_symptom", "fact_tried", "fact_contrast", "confirm"}),
        ("listening-restate", "嗯，新机，不到七天，老断线，信号弱，家里人都正常。是这样吧？",
         {"fact_when", "fact_symptom", "fact_contrast", "confirm"}),
        ("greet-entry", "你好，欢迎光临，请到那边取号，稍等叫号，谢谢。", {"greeting", "guidance"}),
        ("greet-entry", "歡迎光臨！辦什麼？抽號碼牌喔。", {"greeting", "needs_question"}),  # 喔 ties words as 哦 does
        ("greet-entry", "欢、欢迎光临…请问…想办理什么业务…", {"greeting", "needs_question"}),  # trailing off is speech
        ("phone-answer", "喂 hello～ 久等啦 😅 营业厅这边，您说～", {"apology", "greeting"}),
        # fragments with no sentence ended, but closing on a question to him
        ("listening-restate", "嗯嗯 上礼拜六买 老掉线 信号只一两格 重启无效 家里人的卡正常 没错吧",
         {"fact_when", "fact_symptom", "fact_tried", "fact_contrast", "confirm"}),
        ("greet-entry", "大爷早 外边风大 快进来 今天要办点啥", {"greeting", "needs_question"}),
        # statements ended, then checked with him
        ("listening-restate", "明白，断线、信号弱、重启无效，家里人正常。是这样吧？",
         {"fact_symptom", "fact_tried", "fact_contrast", "confirm"}),
        ("listening-restate", "OK，新機、斷線、訊號弱、重啟沒用。對嗎？", {"fact_symptom", "fact_tried", "confirm"}),
    ],
)  # fmt: skip
def test_a_terse_reply_said_to_the_customer_is_no_keyword_list(scenario, text, earned):
    result = carecourse.grade(scenario, text)
    assert result.flags == [] and earned <= {c.id for c in result.criteria if c.met}


@pytest.mark.parametrize("scenario, text", [
    ("greet-entry", "欢迎光临 您好 取号 引导 微笑服务 请问办什么"),  # names what it should do
    ("needs-questions", "您好 什么 哪些 怎么样 吗 对吗"),  # question words listed, not a question
    ("listening-restate", "上周六，断线，一两格，重启，家人。对吗？"),  # bare words, then the question
])  # fmt: skip
def test_fragments_ending_in_a_question_are_still_a_list_when_they_list(scenario, text):
    assert [f.id for f in carecourse.grade(scenario, text).flags] == ["keyword_list"]


@pytest.mark.parametrize(
    "scenario, text",
    [
        ("listening-restate", "复述 确认 上周六 断线 信号一两格 家人正常 我理解得对吗"),
        ("complaint-billing", "抱歉，理解，感谢，核查，我马上帮您处理退款。"),
    ],
)
def test_a_list_naming_techniques_stays_a_keyword_list_beside_one_clause(scenario, text):
    assert [f.id for f in carecourse.grade(scenario, text).flags] == ["keyword_list"]


def test_restating_in_own_words_is_not_copying():
    text = "您是说上周六买的手机，用了不到一周就经常断线、信号只有一两格，家里人用我们的卡都正常，您也重启过好几次了，对吗？"
    result = carecourse.grade("listening-restate", text)
    assert result.flags == []


def test_long_clauses_without_pronouns_are_not_keywords():
    result = carecourse.grade("decline-policy", "不好意思，按照实名制规定，补卡必须机主本人来办，我不能给您代办。")
    assert result.flags == []


def test_a_dense_formal_sentence_is_not_keywords_run_together():
    result = carecourse.grade("decline-policy", "对不起，按规定必须本人或者持本人身份证和授权书办理。")
    assert result.flags == [] and result.score > 0
    assert [f.id for f in carecourse.grade("complaint-billing", "抱歉理解感谢核查处理退还").flags] == ["keyword_list"]


def test_a_short_sentence_the_rubrics_own_phrases_fill_is_not_keywords_run_together():
    text = "明天上午安排师傅哈 👌"
    result = carecourse.grade("follow-up-promise", text)
    assert result.flags == [] and "commitment" in {c.id for c in result.criteria if c.met}
    assert "greeting" not in {f.id for f in carecourse.analyze(text).findings}  # (上午安排 holds no 午安)


def test_english_words_and_emoji_mixed_into_chinese_are_not_listed_keywords():
    mixed = "王先生 sorry sorry 🙏 先别生气，我马上帮您 check 一下账单，看看这 50 块是什么 charge，有问题一定给您 refund 💰"
    result = carecourse.grade("complaint-billing", mixed)
    assert not result.flags and result.met("action") and result.met("apology")
    listed = carecourse.grade("complaint-billing", "服务补救 service recovery 五步法 致歉 解释 补偿 承诺 兑现")
    assert [f.id for f in listed.flags] == ["keyword_list"]


@pytest.mark.parametrize(
    "scenario, text",
    [
        ("complaint-billing", "聆听＋共情＋致歉＋核实账单＋说明原因＋回访"),
        ("complaint-billing", "①致歉 ②安抚情绪 ③查询明细 ④解释原因 ⑤跟进"),
        ("complaint-billing", "我会按“倾听→共情→道歉→核查→处理”来做"),
        ("decline-policy", "同理心/解释原因/给出方案/确认满意"),
        ("follow-up-promise", "致歉；说明原因；承诺时限；后续跟进"),
    ],
)
def test_techniques_named_in_a_list_earn_nothing(scenario, text):
    result = carecourse.grade(scenario, text)
    assert not any(c.met for c in result.criteria), [(c.id, [e.text for e in c.evidence]) for c in result.criteria if c.met]


@pytest.mark.parametrize(
    "text, still_met",
    [
        # a named list before a real reply voids only the list
        ("（思路：致歉+共情+核查）王先生，真对不起，让您白跑一趟，我这就帮您查这个月的扣费明细。", {"apology", "action"}),
        # terse but said to the customer: glue, or only one technique named, is no list
        ("王先生，抱歉，我理解，我们马上处理，多扣的退给您。", {"apology", "action"}),
        ("王先生，抱歉，马上帮您查，多扣的钱退给您。", {"apology", "action"}),
    ],
)
def test_a_reply_with_separators_is_not_a_named_list(text, still_met):
    result = carecourse.grade("complaint-billing", text)
    assert still_met <= {c.id for c in result.criteria if c.met}


@pytest.mark.parametrize(
    "scenario, text, still_met",
    [
        # an outline's label opens a plan, not words said to the customer: nothing in it counts
        ("listening-restate", "复述要点：购买时间（上周六）+问题（断线、信号弱）+已尝试（重启）+对比（家人正常）。确认句式：“我理解得对吗？”", set()),
        ("greet-entry", "关键词：欢迎光临、请问办理什么业务、这边请、请您取号、请稍坐。", set()),
        ("decline-policy", "【拒绝技巧】先共情→说明规定（持卡人本人，或有效身份证原件+授权书）→解释原因（保护机主信息安全）→提供替代方案", set()),
        # ... while the reply's own sentences after it still do
        ("decline-policy", "拒绝话术：先肯定后拒绝再给方案。先生您真是热心肠，但是不行，可以带身份证原件和授权书来。", {"empathy", "your_option", "order"}),
        ("phone-answer", "标准话术：致歉+报名称+报工号+询问需求。让您久等了，请问有什么可以帮您？", {"apology", "offer_help"}),
        # a label that names no outline is no outline
        ("decline-policy", "温馨提示：补卡需要机主本人来，或者您带上他的身份证原件和授权书来代办。", {"your_option", "order"}),
    ],
)
def test_a_sentence_an_outline_label_opens_earns_nothing(scenario, text, still_met):
    result = carecourse.grade(scenario, text)
    assert {c.id for c in result.criteria if c.met} == still_met


@pytest.mark.parametrize(
    "scenario, text, still_met",
    [
        # a numbered list that names the steps is a plan: none of its items earns anything
        ("complaint-billing", "1.道歉：真对不起 2.共情：我懂您生气 3.核实：调出本月明细 4.跟进：两天内回电", set()),
        ("follow-up-promise", "① 表示理解 ② 说明今天修不了的原因 ③ 预约明早师傅上门 ④ 提供临时热点 ⑤ 主动回访", set()),
        # numbered steps said to the customer are a reply
        ("decline-policy", "有两个办法：1.等您朋友回来自己办；2.您带上他的身份证原件和授权书来代办；3.他在出差地就近找营业厅补。", {"your_option"}),
        # a number inside an item (24小时) is no item of the list
        ("complaint-billing", "王先生，真抱歉。我这就查明细，多扣了就退，24小时内给您回电。", {"apology", "action", "order"}),
        # numbered 一、二、三、 (batch 51): a plan named is a keyword list, a restatement numbered so is said
        ("complaint-billing", "一、安抚情绪；二、表示歉意；三、查询账单；四、说明原因；五、给出处理方案；六、后续回访。", set()),
        ("listening-restate", "女士，总结如下：一、手机购买于上周六；二、通话时常断线；三、信号仅一到两格；四、同一地点家人信号正常；五、重启无效。请问有无遗漏？",
         {"fact_when", "fact_symptom", "fact_tried", "fact_contrast", "confirm"}),
    ],
)
def test_a_numbered_plan_earns_nothing(scenario, text, still_met):
    result = carecourse.grade(scenario, text)
    assert still_met <= {c.id for c in result.criteria if c.met}
    if not still_met:
        assert not any(c.met for c in result.criteria), [(c.id, [e.text for e in c.evidence]) for c in result.criteria if c.met]


def test_listed_spans_cover_the_list_only():
    from carecourse.normalize import normalize
    from carecourse.score.gaming import listed_spans

    text = normalize("王先生您好。倾听、共情、致歉、核实。我马上为您查询。").text
    assert [text[s:e] for s, e in listed_spans(text)] == ["倾听、共情、致歉、核实"]
    assert listed_spans(normalize("您好,欢迎光临,这边请,请问办理什么业务?").text) == []


# A keyword list's penalties, like its criteria, rest on what it says: the tone model's reading of listed
# words and a refusal only listed cost nothing, rude words the lexicons name still do (batch 51).
KEYWORD_LIST_PENALTIES = [
    ("decline-policy", "1. 表示理解 2. 说明规定 3. 解释原因（保护机主） 4. 提供替代办法 5. 感谢配合", set()),
    ("decline-policy", "不好意思 政策 无法办理 建议 委托 谢谢理解", set()),
    ("greet-entry", "问候 引导 分流 别挡道", {"forbidden"}),
    ("complaint-billing", "道歉、理解、核查、感谢，烦死了", {"forbidden"}),
    ("complaint-billing", "道歉 理解 核查 感谢 你自己没看清楚账单吧", {"forbidden"}),
    ("complaint-billing", "一、安抚情绪；二、表示歉意；三、查询账单；四、说明原因；五、给出处理方案；六、后续回访。", set()),
]


@pytest.mark.parametrize("scenario, text, penalties", KEYWORD_LIST_PENALTIES)
def test_a_keyword_list_is_penalised_only_for_what_it_says(scenario, text, penalties):
    result = carecourse.grade(scenario, text)
    assert [f.id for f in result.flags] == ["keyword_list"]
    assert {p.id for p in result.penalties} == penalties, [(p.id, [e.text for e in p.evidence]) for p in result.penalties]
