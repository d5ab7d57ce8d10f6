"""One test per kind of error issue 12 found, each with examples written for this file
(none from the corpus): what a trainer would say, the grader must say too."""

import pytest

import carecourse
from carecourse.rubrics import builtin
from carecourse.widgets.rewrite import check_rewrite


def met(scenario: str, text: str) -> set[str]:
    result = carecourse.grade(scenario, text)
    return {c.id for c in result.criteria if c.met} | {p.id for p in result.penalties}


@pytest.mark.parametrize("text", [
    "遇上这种糟心事，换我也得上火。我马上帮您核查账单。",
    "这事搁谁身上都憋屈，我先给您查明细。",
    "又让您闹心了，我这就查这五十块是怎么扣的。",
    "連著兩個月都這樣，真夠煩的，我馬上幫您查。",
    "我如果是你，肯定也上火。我这就把这个月的扣费一条条查清楚。",
])  # fmt: skip
def test_1_empathy_in_plain_spoken_words(text):
    assert "empathy" in met("complaint-billing", text)


@pytest.mark.parametrize("scenario, text, criterion", [
    ("complaint-billing", "我晓得您烦，号码报给我，这就查。", "empathy"),
    ("complaint-billing", "一直被多扣真的很不爽喔，我马上帮您查。", "empathy"),
    ("follow-up-promise", "这事换成我也急，我给您约明早第一单。", "empathy"),
    ("follow-up-promise", "已经登记了，明天上午会有人上门的。", "follow_up"),
    # found by trainers red-teaming (session 42): his wish and the friendship named
    ("decline-policy", "朋友托您办事，您肯定想办好。可这个卡我真不能补。", "empathy"),
    ("decline-policy", "看得出来您跟您朋友关系很好。不过补卡这个我办不了。", "empathy"),
    ("complaint-billing", "王先生，真抱歉，生气是应该的。我马上帮您查多扣的50元。", "empathy"),
    ("complaint-billing", "王先生，真抱歉。多扣的50块，我给您返到话费里。", "action"),
    ("complaint-billing", "王先生，真抱歉。多扣的50块，我这就给您还回去。", "action"),
    ("follow-up-promise", "我给您派单了，进度会在我们公众号推送给您，明天上午10点前有结果。", "follow_up"),
    ("phone-answer", "您好您好，让您久等了，这里人民路营业厅哈，我小林。您别急，慢慢说，我这边帮您看看。", "offer_help"),
])  # fmt: skip
def test_1_and_7_plain_words_for_feelings_and_visits(scenario, text, criterion):
    assert criterion in met(scenario, text)


@pytest.mark.parametrize("text, credited", [
    ("是是是，对不起对不起，您别嚷了。", "apology"),
    ("对对对，全是我们不对，满意了吧？", "apology"),
    ("王先生，我不理解您为什么这么生气，多扣50元我帮您核查一下，谢谢。", "empathy"),  # understanding denied
])  # fmt: skip
def test_2_sarcastic_or_grudging_words_are_not_credited(text, credited):
    found = met("complaint-billing", text)
    assert credited not in found and "forbidden" in found


def test_2_a_point_said_inside_a_rebuke_is_named_with_why_it_earned_nothing():
    result = carecourse.grade("complaint-billing", "是是是，对不起对不起，您别嚷了。行，感谢您来一趟。我给您查。")
    apology, thanks = (next(c for c in result.criteria if c.id == cid) for cid in ("apology", "thanks"))
    assert not apology.met and "“对不起”" in apology.feedback and "不计分" in apology.feedback
    assert apology.feedback.count("对不起") == 1  # said twice, quoted once
    assert not thanks.met and "“感谢”" in thanks.feedback  # void in a rebuking reply
    polite = carecourse.grade("complaint-billing", "王先生，我给您查。")
    assert "不计分" not in next(c for c in polite.criteria if c.id == "apology").feedback


def test_2_a_rebuke_is_shown_as_the_sentence_it_spoils():
    text = "是是是，对不起对不起，您别嚷了。我给您查。"
    penalty = carecourse.grade("complaint-billing", text).penalties[0]
    assert [e.text for e in penalty.evidence] == ["是是是，对不起对不起，您别嚷了。"]
    assert all(text[e.start:e.end] == e.text for e in penalty.evidence)


@pytest.mark.parametrize("scenario, text, rebuke", [
    ("complaint-billing", "我马上给您查明细。行了吧。", "行了吧。"),
    ("decline-policy", "这个真办不了。下一个。", "下一个。"),
])  # fmt: skip
def test_2_a_rebuke_that_follows_a_break_is_its_own_words_not_the_sentence_before(scenario, text, rebuke):
    result = carecourse.grade(scenario, text)
    forbidden = next(p for p in result.penalties if p.id == "forbidden")
    assert [e.text for e in forbidden.evidence] == [rebuke]


@pytest.mark.parametrize("text", [
    "您嗓门也太大了，整个厅都听见了。好了，谢谢您反映，我给您查。",
    "多扣？你自己手机乱点了吧。行，感谢您来一趟。",
])  # fmt: skip
def test_2_thanks_in_a_reply_that_rebukes_the_customer_is_no_thanks(text):
    found = met("complaint-billing", text)
    assert "thanks" not in found and "forbidden" in found
    polite = text.split("。", 1)[1]  # the same thanks without the rebuke is credited
    assert "thanks" in met("complaint-billing", polite)


@pytest.mark.parametrize("scenario, text, penalty", [
    ("listening-restate", "是是是，新机、老掉线、信号一两格、重启不管用，我都记着呢。", "judgement"),
    ("decline-policy", "先生，真不好意思，我也没辙，得您朋友本人来办。", "forbidden"),
    ("needs-questions", "您好，您先自己看吧，看中了哪款叫我，我给您拿出来试试。", "bad_question"),
])  # fmt: skip
def test_3_a_penalty_spoilt_by_a_set_ignores_what_trainers_do_not_count_there(scenario, text, penalty):
    assert penalty not in met(scenario, text)


def test_owning_the_fault_alone_is_no_apology_but_beside_one_it_stands():
    assert "apology" not in met("complaint-billing", "王先生，这确实是我们的问题，我马上把这个月的明细调出来查。")
    assert "apology" in met("complaint-billing", "王先生，真对不住，这确实是我们的问题，我马上把明细调出来查。")


def test_3_what_a_scenario_does_not_count_as_rude_is_no_rebuke_there_and_judging_is_still_judgement():
    found = met("listening-restate", "是是是，新机、老掉线、信号一两格、重启不管用，我都记着呢。")
    assert {"fact_symptom", "fact_tried"} <= found  # a restatement after a grudging yes is still one
    assert "reason" in met("decline-policy", "怕号码被人冒领，所以得本人来，我们也没办法。")
    assert "judgement" in met("listening-restate", "是是是，信号差，那肯定是您自己不会用。")
    assert "apology" not in met("complaint-billing", "是是是，对不起对不起，您别嚷了。")  # a rebuke elsewhere


@pytest.mark.parametrize("scenario, text", [
    ("complaint-billing", "您来之前就不会先看看短信通知吗？"),
    ("complaint-billing", "八成是您家孩子乱点的，回去问问吧。"),
    ("complaint-billing", "这个我可管不了，您问别人去。"),
    ("greet-entry", "有事说事，别杵着。"),
    ("greet-entry", "唔好企喺門口阻住人，入嚟先。"),
    ("decline-policy", "你朋友的卡让他自己来办，关你什么事啊。"),
    ("greet-entry", "哟，大驾光临啊，进门没看到要先取号吗？"),
    ("greet-entry", "喂，那个谁，先取号去。"),
    ("complaint-billing", "50块而已，至于吗？"),
    ("follow-up-promise", "催什么催，师傅又不是只给你一家修。"),
    ("decline-policy", "你当这儿是你家亲戚开的啊？"),
    ("follow-up-promise", "上网比命还要紧呗，行，给你登记。"),
    ("greet-entry", "随便看，看够了再喊我。"),
    ("greet-entry", "您转吧，小心别把样机摔坏了就行。"),
    ("decline-policy", "此项业务不在代办范围之内，抱歉。"),
    ("decline-policy", "别人的卡也想补，你还要不要脸了？"),
    ("complaint-billing", "五十块也跑来闹，脸皮可真够厚的。"),
    ("greet-entry", "取号机就在门口，您不认字吗？"),
    ("greet-entry", "这么显眼的牌子都看不见吗？往右走。"),
    ("greet-entry", "你好好想想，到底要办什么业务。"),
    ("greet-entry", "取号机在那边，按一下就出来了，这都找不到？"),
    ("listening-restate", "嗯，我懂了，卡是好的，手机也是好的，反正都是我们的问题，对吧？"),
    # whatever he says, not what he said (no reported speech): 您说什么都没用, 您说破天
    ("decline-policy", "没有原件就是办不了，您说什么都没用。"),
    ("decline-policy", "这两样都没带，您说破天我也不能补。"),
    ("listening-restate", "您说来说去就一句话：手机信号差，对吧？"),
    ("phone-answer", "您好，营业厅。您说吧，挑重点说啊。"),
    # found by learners red-teaming the practice boxes: after a good answer, or alone
    ("complaint-billing", "王先生您好，请问有什么可以帮您？您平时都不看账单的吗？"),
    ("complaint-billing", "您别太敏感了，这个费用是正常的。"),
    ("complaint-billing", "这个您自己百度一下就知道了。"),
    ("complaint-billing", "您开心就好。"),
    ("greet-entry", "您好，欢迎光临！请问您想办理什么业务？这边请。您这身打扮不像来办业务的啊"),
    ("decline-policy", "您的心情我理解，但是您这样让我很难做。补卡需要机主本人，您可以让他回来再办。"),
    ("decline-policy", "您的好意我明白，可您这么缠着我也没用，补卡要本人。您可以让他本人回来办。"),
    ("follow-up-promise", "唉，您着急有什么用，我也着急。这个要师傅上门，明天上午9点前我电话联系您。"),
    ("complaint-billing", "王先生，非常抱歉，我理解您的心情。多扣的50元我帮您核查一下。谢谢您又来给我们添麻烦。"),
    ("complaint-billing", "您说的多扣50元，我们查过了是您看错账单了。"),
    ("greet-entry", "您好，欢迎光临！请问您办理什么业务？这边请……算了您自己过去吧，我要吃饭了。"),
    ("greet-entry", "您好，欢迎光临！请问您办理什么业务？您看不懂指示牌吗？这边请。"),
    ("phone-answer", "您好，让您久等了，这里是阳光路营业厅，我是小陈，请问有什么可以帮您？您怎么才打过来啊？"),
    ("decline-policy", "通融？你以为这里是菜市场啊？没证件就是不能办，叫你朋友自己回来。"),
    ("complaint-billing", "王先生，多扣50块肯定不对，我理解您的心情，但您嗓门能不能小一点，我马上帮您查。"),
    ("complaint-billing", "您要是不满意，可以去投诉我，我工号在这儿。"),
    ("complaint-billing", "抱歉，我们这边核实过了，扣费没问题，您请回吧。"),
    ("complaint-billing", "我理解，您每个月都这么生气，我们也习惯了。"),
    ("complaint-billing", "王先生，我不理解您为什么这么生气，多扣50元我帮您核查一下，谢谢。"),
    ("follow-up-promise", "我理解您着急。这是您家里线路老化的问题，是您自己没及时换线。师傅明天上午10点上门。"),
    ("decline-policy", "哈哈，您这想法挺天真的，没证件谁给您办啊？实名制懂不懂？"),
    ("greet-entry", "您好，欢迎光临！请问有什么可以帮您？您先别进来，我们马上下班了。"),
    ("phone-answer", "您好，电话响了这么多声才接，是您打得太早了，我们刚上班。有什么事？"),
    ("listening-restate", "您上周六买的手机，打电话断线，家里人的卡都正常。您确定真的重启了吗？"),
    ("complaint-billing", "核查要等一个月，您下个月再来吧。"),
    ("complaint-billing", "您自己去营业厅自助机上查账单吧，查完有问题再来找我。"),
    ("phone-answer", "您好，抱歉让您久等了，这里是人民路营业厅，我是小林，您是不是又要投诉？"),
    ("follow-up-promise", "好的，我已经记录下来了，请您回家等候通知。"),
    ("listening-restate", "您上周六买的手机，打电话断线，家里人用我们的卡倒是好好的。这种情况一般都是您家那边位置偏，不是手机问题。我理解得对吗？"),
    ("listening-restate", "您上周六买的手机，打电话断线，您说重启过，但我觉得您可能没重启对。是这样吗？"),
])  # fmt: skip
def test_3_blame_and_brush_offs_in_new_words_are_penalised(scenario, text):
    assert {"forbidden", "flat_no", "judgement"} & met(scenario, text)


@pytest.mark.parametrize("text", [
    "歹勢啦，這個真的不行，規定就是這樣，不是我故意刁難您。",
    "抱歉，这个规定全公司都一样，不是我们存心刁难您，您朋友可以就近去当地营业厅补。",
])  # fmt: skip
def test_3_disowning_a_slight_is_no_rebuke(text):
    assert "forbidden" not in met("decline-policy", text)


@pytest.mark.parametrize(("scenario", "text"), [
    ("greet-entry", "您好您好，外面好热吧？快进来吹吹空调。您是来办什么的呀？"),
    ("follow-up-promise", "单子加急了，明天十点前没人联系您，您就直接打我这个座机。"),
    ("phone-answer", "您好，让您久等了，这里是城东营业厅。电话里我查不了您的账户，只能先帮您把问题记下来，您说。"),
])  # fmt: skip
def test_3_hospitality_a_deadline_and_a_limit_with_what_can_be_done_are_no_rebuke(scenario, text):
    assert "forbidden" not in met(scenario, text)
    # ... while the mocking and the brushing off are still rebukes
    assert "forbidden" in met("greet-entry", "您是进来吹空调的吧？取号在那边。")


@pytest.mark.parametrize("text", [
    "您说家里人信号好，这个其实说明不了什么。您是说新手机老断线是吧？",
    "家里人用着没事，也不能说明就是手机的问题。",
    "断线、信号差、重启没用，对吧？别那么急，我又不是聋子。",
])  # fmt: skip
def test_3_waving_his_evidence_away_or_snapping_at_him_is_judgement(text):
    assert "judgement" in met("listening-restate", text)


@pytest.mark.parametrize("text", [
    "这个真不中，大哥。",
    "按公司规定，此项业务不予代办。",
    "您说的这个我们暂时无法满足，抱歉。",
    "我哋真係唔可以幫你做呢樣嘢。",
    "这个补卡我真的 can't help，不好意思哦。",
    "不行哈，我说了也不算。",
    "尊敬的客户，此项规定无法变通，恳请您予以理解与配合。",
    "先生，通融一事恕难从命，还望您体谅。",
    "真系唔得啊 对唔住",
])  # fmt: skip
def test_3_a_no_in_other_words_with_no_way_forward_is_a_flat_no(text):
    assert "flat_no" in met("decline-policy", text)


@pytest.mark.parametrize("scenario, text, deed", [
    ("complaint-billing", "我不会帮您核查，也不会退还。", "action"),
    ("complaint-billing", "王先生，这个查不了。", "action"),
    ("follow-up-promise", "明天也不一定有人回您电话。", "follow_up"),
    ("decline-policy", "办不了，我也不能给您列材料。", "my_offer"),
    ("greet-entry", "您好，我就不多问您办什么业务了，先取个号吧。", "needs_question"),
    ("follow-up-promise", "我没法让师傅明天一早就去。", "commitment"),  # 没法, as 无法
    ("follow-up-promise", "什么时候上门我也说不准，也没法提前给您打电话通知。", "follow_up"),  # four between
    ("complaint-billing", "本来可以帮您申请退费的，可惜这个月的单已经结了。", "action"),  # what could have been
    ("decline-policy", "您朋友不在，您又没带证件，我能怎么办？", "my_offer"),  # a shrug, no offer
])  # fmt: skip
def test_4_negated_or_refused_deeds_are_not_credited(scenario, text, deed):
    assert deed not in met(scenario, text)


# A deed said, then taken back at once (……算了 / ……哦不对; batch 51): the clause that trails off does
# nothing; a fact named there, and the clauses before it, still count.
TAKEN_BACK = [
    ("complaint-billing", "王先生，我马上帮您查一下这50块……算了，现在系统比较慢，您还是回家在App上自己看账单吧。", "action", {"restate"}),
    ("greet-entry", "您好，请问办什么业务？那边取号……哦不对，您先跟我说办啥。", "guidance", {"greeting", "needs_question"}),
    ("decline-policy", "我给您写张纸条把要带的材料列上……算了，您直接让他自己打10000问吧，我写了他也不一定看。", "my_offer", set()),
    ("follow-up-promise", "我帮您约明天上午……哦不对，明天上午已经约满了，那就不保证了，有空位了会通知您。", "follow_up", set()),
    ("follow-up-promise", "我给您约明早第一单——哎，不对，明天的单子已经排满了。", "commitment", set()),
    ("complaint-billing", "行，这50块今天就给您退回去……啊不对，这个要后台批，我今天退不了。", "action", {"restate"}),
    ("decline-policy", "您让他写个授权书，拍个证件……哦不对，要原件。总之凑齐了，我立刻给您办。", None, {"your_option", "my_offer"}),
    ("decline-policy", "我帮您把授权书模板打一份……哦不行，打印机坏了，您让朋友自己写一份吧。", "my_offer", {"your_option"}),
]  # fmt: skip


@pytest.mark.parametrize("scenario, text, deed, still", TAKEN_BACK)
def test_4_a_deed_taken_back_at_once_is_not_credited(scenario, text, deed, still):
    found = met(scenario, text)
    assert deed not in found and still <= found, found


def test_4_the_feedback_names_the_deed_taken_back():
    result = carecourse.grade("complaint-billing", TAKEN_BACK[0][1])
    action = next(c for c in result.criteria if c.id == "action")
    assert action.feedback.startswith("你写到了“我马上帮您查一下这50块”，说的是不做、做不了、还说不准或随即收回了"), action.feedback


@pytest.mark.parametrize("text, restated", [
    # every fact said the wrong way round: the learned models used to credit three of them
    ("您是上周六买的手机，打电话不断线，信号也挺好，您也没重启过，家里人的卡也不行，是这样吗？", {"fact_when"}),
    ("您上周六买的手机，通话没有断过，您还没试过重启吧？家里人的也一样差，对吗？", {"fact_when"}),
    # a restart suggested or asked about, as if he had not tried one; a purchase long ago
    ("您上周六买的手机，打电话断线，信号一两格，家里人都正常。您要不要先重启一下试试？",
     {"fact_when", "fact_symptom", "fact_contrast"}),
    ("您上周六买的手机，打电话断线，信号一两格，家里人都正常。您重启过吗？", {"fact_when", "fact_symptom", "fact_contrast"}),
    ("您这个手机买了一年多了吧，现在打电话老断线，信号弱，重启也没用，家里人都正常，是这样吗？",
     {"fact_symptom", "fact_tried", "fact_contrast"}),
    ("您上周六买的手机，打电话老断线，家里人都正常。重启这个办法您试都没试就来了，对吗？",
     {"fact_when", "fact_symptom", "fact_contrast"}),
    # said the right way round, however worded
    ("您上周六买的手机，打电话不断地掉线，信号一两格，重启了也没用，家里人的都差不多满格，对吗？",
     {"fact_when", "fact_symptom", "fact_tried", "fact_contrast"}),
    ("您上周六买的手机，老断线，信号只有一两格，重启好几次没用，家里人的信号都挺好，对吗？",
     {"fact_when", "fact_symptom", "fact_tried", "fact_contrast"}),
])  # fmt: skip
def test_4_a_fact_said_the_wrong_way_round_restates_nothing(text, restated):
    facts = {"fact_when", "fact_symptom", "fact_tried", "fact_contrast"}
    assert met("listening-restate", text) & facts == restated


@pytest.mark.parametrize("scenario, text, criterion, said", [
    ("greet-entry", "您好，欢迎光临！请问您办理什么业务？这边请不要拍照哦。", "guidance", "没有给他指路"),
    ("decline-policy", "理解您的心情 实名制 我可以 您可以 您朋友可以", "my_offer", "只是一个词"),
    ("decline-policy", "理解您的心情 实名制 我可以 您可以 您朋友可以", "your_option", "只是一个词"),
    ("greet-entry", "您好，这里没什么可以帮您的，我们只卖手机不办业务。", "needs_question", "询问需求"),
    ("greet-entry", "你好好排队，别插队，办什么业务都得取号。", "greeting", ""),
    ("phone-answer", "您好，让您久等了，这里是人民路营业厅，我是新来的，请问您有什么需要？", "identify", ""),
    ("complaint-billing", "王先生，非常抱歉。您是说这个月话费少扣了50元对吧？我马上帮您核查。", "restate", "正好反了"),
    ("decline-policy", "不好意思，今天补不了。您可以自己想想办法。", "your_option", "不计分"),  # (a brush-off: said in a rebuke)
    ("decline-policy", "我这儿是办不了，您可以去别的营业厅试试，看他们给不给您通融。", "your_option", "打发走"),
])  # fmt: skip
def test_4_words_that_sound_like_the_point_but_turn_it_round_earn_nothing_and_say_why(scenario, text, criterion, said):
    line = {c.id: c for c in carecourse.grade(scenario, text).criteria}[criterion]
    assert not line.met and said in line.feedback


def test_4_the_feedback_names_the_words_said_the_wrong_way_round():
    lines = {c.id: c for c in carecourse.grade("listening-restate", "您上周六买的手机，打电话不断线，您也没重启过，对吗？").criteria}
    assert "正好相反" in lines["fact_symptom"].feedback and "不断线" in lines["fact_symptom"].feedback
    assert "没重启" in lines["fact_tried"].feedback
    call = {c.id: c for c in carecourse.grade("follow-up-promise", "今天修不了，您明天上午9点自己打电话问吧。").criteria}
    assert "让客户自己打电话" in call["commitment"].feedback


def test_6_a_restatement_doubted_as_his_line_said_back_is_named_so():
    near_copy = "您是上周六买的手机，用了不到一周，打电话老是断线，信号只有一两格，家里人用我们的卡都好好的，您也重启过好几次了，是这样吗？"
    lines = {c.id: c for c in carecourse.grade("listening-restate", near_copy).criteria}
    assert not lines["fact_symptom"].met and "原话照搬" in lines["fact_symptom"].feedback
    # said in one's own words, a doubt names no copy (a restatement in mockery, doubted)
    mocked = carecourse.grade("complaint-billing", "哎哟，真是太抱歉了，让您这么尊贵的客户多花了五十块，我们罪该万死。明细打给您，自己看。")
    restate = {c.id: c for c in mocked.criteria}["restate"]
    assert not restate.met and "培训老师通常不算" in restate.feedback and "原话照搬" not in restate.feedback


@pytest.mark.parametrize("scenario, text, deed", [
    ("decline-policy", "这个没有办法通融的 系统要读身份证 没有证件根本进不去 您让您朋友回来在办吧", "your_option"),
    ("follow-up-promise", "宽带要师傅上门才能修 今天来不及了 明天上午给您安排", "commitment"),
])  # fmt: skip
def test_4_a_negator_does_not_reach_across_a_space_typed_for_a_comma(scenario, text, deed):
    assert deed in met(scenario, text)


@pytest.mark.parametrize("text", [
    "王先生，实在对不起。多扣50块这事，今天我这边不会给您查，也不会给您退，系统月底会自己对账。",
    "非常抱歉让您生气了，我理解您的心情。不过这个扣费我这边没法帮您核查，多扣的钱也退不回去。谢谢您。",
])  # fmt: skip
def test_4_no_learned_model_reads_a_deed_where_its_words_are_negated(text):
    # the patterns see the deed refused; the learned second opinion used to credit its clause
    assert "action" not in met("complaint-billing", text)
    assert "action" not in {f.id for f in carecourse.analyze(text).findings}


@pytest.mark.parametrize(("text", "overpromised"), [
    ("我不能答应您明天一定修好，但单子我现在就给您标成加急，师傅一接单就会打给您。", False),
    ("明天几点到我可不敢跟您说一定，单子我给您加急了，下午五点前给您回电话。", False),
    ("您放心，明天上午师傅一定到，保证修好。", True),
    ("今天修不了，明天上午我保证有人上门。", True),
    ("明天一早师傅先去您家，修不好不收工。", True),
    ("明天上午我不保证几点到，但单子加急了，下午五点前给您回电话。", False),
    ("我保证跟进到底，有消息马上打给您。", False),
    ("您放心，明天肯定给您弄，今天实在排不上了。", True),
    ("今天修不了，不过单子加急了，明天上午搞定！", True),
    ("明天一定帮你搞掂，放心啦。", True),
    ("我们会尽量明天搞定的，下午五点前给您回电话。", False),
    ("明天一定修好吗？这个我真不敢打包票，不过我约了明早九点，十点前我打电话给您。", False),  # his question, said back
])  # fmt: skip
def test_4_vouching_for_the_visit_is_an_overpromise_and_declining_to_is_not(text, overpromised):
    assert ("overpromise" in met("follow-up-promise", text)) is overpromised


def test_4_the_feedback_names_a_deed_of_the_rubrics_own_patterns_said_as_not_done():
    text = "王先生，这事我们得查一下，明天下午五点前给您结果，不过我这边也没法提前给您打电话。"
    follow_up = next(c for c in carecourse.grade("follow-up-promise", text).criteria if c.id == "follow_up")
    assert not follow_up.met
    assert follow_up.feedback.startswith("你写到了“不过我这边也没法提前给您打电话”，说的是不做")
    # an outline of the steps says nothing to the customer, so refuses nothing either
    outline = "应答要点：致歉→说明原因（需上门，今日无法修复）→预约明天最早时段→留联系方式→主动回访。"
    assert not any("说的是不做" in c.feedback for c in carecourse.grade("follow-up-promise", outline).criteria)


def test_4_the_feedback_names_the_deed_said_as_not_done():
    result = carecourse.grade("complaint-billing", "王先生，实在对不起。今天我这边不会给您查，也不会给您退。")
    action = next(c for c in result.criteria if c.id == "action")
    assert not action.met
    assert action.feedback.startswith("你写到了“今天我这边不会给您查”、“也不会给您退”，说的是不做、做不了、还说不准或随即收回了")
    assert action.feedback.endswith(builtin("complaint-billing").criterion("action").feedback.missing)
    # a deed done names nothing refused; nor does a missed one never said
    done = carecourse.grade("complaint-billing", "王先生，实在对不起，我马上帮您查。")
    assert next(c for c in done.criteria if c.id == "action").met
    silent = carecourse.grade("complaint-billing", "王先生，实在对不起。")
    assert "说的是不做" not in next(c for c in silent.criteria if c.id == "action").feedback


def test_4_a_clause_typed_with_spaces_is_left_to_the_models():
    refused = carecourse.analyze("今天我这边不会给您查")
    assert refused.undone(("action",))(0, len(refused.structure.text))
    assert not refused.undone(("commitment",))(0, len(refused.structure.text))  # only the deed refused
    spaced = carecourse.analyze("今天这边不给您查 明天一早就给您查")
    assert spaced.negated("action")  # the first 查 is refused ...
    assert not spaced.undone(("action",))(0, len(spaced.structure.text))  # ... the models may still read the second
    assert not carecourse.analyze("今天实在排不上了 明天一早就过去").negated("commitment")  # no negator reaches past a space


REFUSED_LATER = [
    ("退款这块我们营业厅是办不了的，您打客服问吧。", True),  # the refusal later in the deed's clause
    ("退费的话我这边没有权限，您自己打10000。", True),
    ("退费登记我们这边是不给做的。", True),
    ("退款我帮您申请了也不一定能批下来。", True),  # a deed doubted at once
    ("今天后台维护，查不了，退款更没法弄。", True),  # (batch 52) 没法 after the deed, as 办不了
    ("我现在就帮您申请退款，办不了的话我再想办法。", False),  # a later clause refuses nothing before it
    ("我帮您核查 办不了的我找班长", False),  # (a space parts it, as a comma does)
]  # fmt: skip


@pytest.mark.parametrize("text, refused", REFUSED_LATER)
def test_4_a_deed_refused_later_in_its_clause_is_not_credited(text, refused):
    assert ("action" not in met("complaint-billing", text)) is refused


@pytest.mark.parametrize("text, committed", [
    ("今天修不了，您明天上午9点自己打电话问吧。", False),
    ("实在抱歉，今天师傅排满了。您明天上午十点打10000问一下进度就行。", False),
    ("您明天早上给我打个电话，打这个座机，找我小张就行。", False),
    # a time gone already, or the opening hours
    ("这个需要师傅上门检修线路。师傅昨天下午三点已经给您打过电话了。", False),
    ("需要师傅上门检修线路。我们平时都是上午9点上班，有事您可以电话找我们。", False),
    # the time taken back in the same breath
    ("我理解您着急，需要师傅上门。明天上午10点师傅上门，不过也可能来不了，这个我说不准。", False),
    ("明天上午师傅会去，具体几点我也说不准，您就在家等着吧。", True),
    ("今天师傅排满了，明天上午十点前我给您打电话告诉您师傅几点到。", True),
    ("师傅明天上午九点到十一点上门，没人联系您的话，您明天上午直接打我这个座机。", True),
])  # fmt: skip
def test_4_a_time_for_the_customer_to_call_is_no_promise_of_ours(text, committed):
    assert ("commitment" in met("follow-up-promise", text)) is committed


@pytest.mark.parametrize("text, explained", [
    ("不好意思，今天师傅都出去了。", False),
    ("今天维修的人排不过来了，实在抱歉。", False),
    ("抱歉，今天工程师没法上门了。", False),
    ("明天上午工程师出门前会先联系您。", True),
    ("理解您着急，我尽快帮您安排。", False),
    ("我们会尽快安排师傅上门。", True),
])  # fmt: skip
def test_4_why_not_today_or_as_soon_as_possible_is_no_next_step_but_the_visit_is(text, explained):
    assert ("explain" in met("follow-up-promise", text)) is explained


@pytest.mark.parametrize("text, channel", [
    ("单子我给您报上去了，维修师傅明天上午会跟您联系。", True),
    ("已经登记好了，到时候会有装维师傅联络你。", True),
    ("我已经记下了，后面会联系您的。", False),  # who and how: nobody named
    ("报是报了，师傅会不会联系您我也说不准。", False),
])  # fmt: skip
def test_4_the_technician_getting_in_touch_is_the_visit_as_channel(text, channel):
    assert ("follow_up" in met("follow-up-promise", text)) is channel


@pytest.mark.parametrize("scenario, text, criterion", [
    ("greet-entry", "您好，欢迎光临！您说一下要办什么，我给您指个路。", "guidance"),
    ("phone-answer", "您好，城东营业厅，您说一声要办什么，我记下来一会儿打回给您。", "offer_help"),
    ("greet-entry", "您好，欢迎光临。您说要办啥，我领您过去。", "needs_question"),  # a question word: asked
])  # fmt: skip
def test_5_asking_the_customer_to_speak_reports_nothing_he_said(scenario, text, criterion):
    assert criterion in met(scenario, text)


@pytest.mark.parametrize("text, greeted", [
    ("你好，号自己去机器上拿，我这里不负责引导。", True),  # brushed off, but greeted first
    ("下午好，有事吗？没事我要下班了。", True),
    ("是是是，您好您好，行了吧。", False),  # a greeting inside the mockery is none
])  # fmt: skip
def test_5_a_greeting_opening_a_brush_off_still_greets(text, greeted):
    found = met("greet-entry", text)
    assert "forbidden" in found and ("greeting" in found) is greeted


@pytest.mark.parametrize("text, apologised", [
    ("喂，您好，城西营业厅，等急了吧？您说。", False),  # names his impatience, owns nothing
    ("您好，城西营业厅，让您在线上等着急了，您说。", True),
])  # fmt: skip
def test_7_naming_the_wait_apologises_only_when_the_staff_own_it(text, apologised):
    assert ("apology" in met("phone-answer", text)) is apologised


@pytest.mark.parametrize("text", ["你自己没看清楚账单吧。", "您自己没看清账单上多扣了50块吧？"])
def test_5_a_keyword_inside_a_rebuke_does_not_count(text):
    found = met("complaint-billing", text)
    assert "restate" not in found and "forbidden" in found


@pytest.mark.parametrize("text, restated", [
    ("王先生，我帮您看看账单，如果是我们扣错了就退给您。", False),  # a charge in error supposed
    ("我先调一下详单，要是真多扣了，一分不少退给您。", False),
    ("这个月多扣了您50块，如果确实是我们的错，今天就给您退。", True),  # named, then supposed
])  # fmt: skip
def test_5_a_charge_in_error_supposed_is_no_restatement(text, restated):
    assert ("restate" in met("complaint-billing", text)) is restated


@pytest.mark.parametrize("text, scolded", [
    ("你好好想想，到底要办什么业务。", True),  # no 你好: the learned model once read one there
    ("您好！您好好休息一下，想办什么业务？", False),
])  # fmt: skip
def test_5_telling_the_customer_to_think_it_over_is_a_scolding_not_a_greeting(text, scolded):
    found = met("greet-entry", text)
    assert ("greeting" not in found and "forbidden" in found) if scolded else ("greeting" in found and "forbidden" not in found)


def test_6_parroting_the_customer_is_flagged_and_a_list_of_names_confirms_nothing():
    parrot = ("您上周六在我们这买的手机，用了不到一个星期，打电话老是断线，信号只有一两格。"
              "您家里人用我们的卡信号都好好的。您已经重启过好几次了，也没用。")  # fmt: skip
    assert [f.id for f in carecourse.grade("listening-restate", parrot).flags] == ["copied_customer"]
    names = carecourse.grade("listening-restate", "购买时间 断线 信号弱 重启 家人正常 对吗？")
    assert [f.id for f in names.flags] == ["keyword_list"] and not any(c.met for c in names.criteria)


def test_6_a_parroted_restatement_restates_nothing_but_its_check_is_asked():
    graded = carecourse.grade("listening-restate", "就是说您上周六在我们这买的手机，打电话老是断线，信号只有一两格，重启过好几次了也没用，对吗？")
    assert [f.id for f in graded.flags] == ["copied_customer"] and graded.score == 0
    assert {c.id for c in graded.criteria if c.met} == {"confirm"}  # the trainers' marks too


@pytest.mark.parametrize("text, listed", [
    ("故障现象、开始时间、尝试过的办法、对比，对吗？", True),  # what to restate, named, then a tag question
    ("购买时间、故障现象、已尝试的办法、家人对比，对吗？", True),
    ("时间、症状、已尝试、对比、确认（对吗？）", True),
    ("上周六买的、断线、信号一两格、重启过、家里人的正常，对吗？", False),  # terse, but the facts themselves
    ("复述要点：购买时间、故障现象。您是上周六买的手机，老断线，对吗？", False),  # an outline, then said to him
])  # fmt: skip
def test_6_the_rubrics_headings_listed_with_a_tag_question_confirm_nothing(text, listed):
    result = carecourse.grade("listening-restate", text)
    confirmed = any(c.id == "confirm" and c.met for c in result.criteria)
    assert ([f.id for f in result.flags] == ["keyword_list"] and not confirmed) if listed else (not result.flags and confirmed)


@pytest.mark.parametrize("text, restated", [
    ("这个月又多扣了您50块钱，您先坐一下，我明白了。", False),  # his words, pronouns swapped
    ("您说我们这个月又多扣了您50块钱，到底怎么回事是吧？好的。", False),
    ("您这个月的账单多扣了50块，真是抱歉，我马上帮您查。", True),  # shares 这个月, 多扣了 and 50块: her own words
    ("王先生，这个月账单比平时多出50元，我理解您很生气，我马上帮您查明细。", True),
])  # fmt: skip
def test_6_the_customers_complaint_said_back_to_him_is_no_restatement(text, restated):
    result = carecourse.grade("complaint-billing", text)
    (restate,) = [c for c in result.criteria if c.id == "restate"]
    assert restate.met is restated and not result.flags
    if not restated:  # the learner is told why the words did not count, and the words are quoted
        assert "照搬" in restate.feedback and "多扣了" in restate.feedback and restate.evidence == []


@pytest.mark.parametrize("scenario, text, understood", [
    ("follow-up-promise", "明天在家要用网办公是吧？好的，明天要用网办公，我知道了。", False),  # his words back
    ("follow-up-promise", "明天要在家办公，网断了确实急人，我马上给您加急派单。", True),
    ("decline-policy", "嗯，您就帮他办一下嘛，我明白，您想让我们通融通融。", False),
    ("decline-policy", "我明白您是想帮朋友省一趟路，不过补卡必须本人来。", True),
])  # fmt: skip
def test_6_his_own_words_said_back_are_no_understanding_of_them(scenario, text, understood):
    (empathy,) = [c for c in carecourse.grade(scenario, text).criteria if c.id == "empathy"]
    assert empathy.met is understood
    assert understood or "照搬" in empathy.feedback


def test_own_words_needs_a_customer_line_and_evidence_of_its_own():
    from pydantic import ValidationError

    from carecourse.rubrics import builtin

    data = builtin("complaint-billing").model_dump(mode="json", exclude_none=True)
    without_line = {**data, "customer_says": ""}
    with pytest.raises(ValidationError, match="own_words needs"):
        type(builtin("complaint-billing")).model_validate(without_line)
    order = next(c for c in data["criteria"] if c.get("order"))
    order["own_words"] = 0.5
    with pytest.raises(ValidationError, match="an order criterion has no evidence of its own"):
        type(builtin("complaint-billing")).model_validate(data)


@pytest.mark.parametrize("text, explained", [
    ("您家宽带坏了，需要师傅上门，今天修不好，您明天在家要用网办公。", False),
    ("宽带坏了要师傅上门，今天修不了，您明天要办公是吧？", False),
    ("您这个是光猫故障，需要师傅上门更换，今天的班已经排满了。", True),
])  # fmt: skip
def test_6_the_situation_said_back_explains_nothing_but_the_staffs_own_reason_does(text, explained):
    result = carecourse.grade("follow-up-promise", text)
    by_patterns = {c.id for c in result.criteria if any(e.id.startswith("pattern:") for e in c.evidence)}
    assert ("explain" in by_patterns) is explained
    assert ("follow_up" in by_patterns) is explained  # the visit the staff names is the channel


@pytest.mark.parametrize("text, two_open", [
    ("您好，请问有什么可以帮您？您需要什么帮助？有什么需要吗？", False),
    ("您好！您想要点什么？想找点啥？", False),
    ("您好，请问有什么可以帮您？平时手机主要用来干什么呢？", True),
    ("您好，您需要什么？想看什么样的手机？", True),
    ("您好，请问您想买什么样的手机？大屏的还是小一点的？价位呢？", True),  # 价位呢 asks what it is
])  # fmt: skip
def test_6_asking_what_he_needs_in_other_words_is_one_open_question(text, two_open):
    assert ("open_questions" in met("needs-questions", text)) is two_open


def test_6_the_feedback_says_so_only_where_one_question_was_asked_in_other_words():
    line = {c.id: c for c in carecourse.grade("needs-questions", "您好，请问有什么可以帮您？您需要什么帮助？").criteria}
    assert "仍是同一个问题" in line["open_questions"].feedback
    once = {c.id: c for c in carecourse.grade("needs-questions", "您好，请问您想看哪款手机？").criteria}
    assert not once["open_questions"].met and "同一个问题" not in once["open_questions"].feedback


@pytest.mark.parametrize("text, points, said", [
    ("您好，您想看什么手机？是给自己用吗？", 1.75, "得了一半的分"),  # one of the two open questions: half
    ("您好，您想看什么手机？平时主要用来干什么？是给自己用吗？", 3.5, "至少两个"),
    ("您好，是给自己买吗？", 0.0, "至少问两个"),
    ("您好，请问有什么可以帮您？您需要什么帮助？", 1.75, "仍是同一个问题"),  # one question asked twice
    ("您好，想看什么手机？平时用来干什么？是给自己用吗？" * 5, 0.0, "没有计分"),  # repeated: said, not counted
    ("您好，想看什么手机？是给自己用吗？" * 5, 0.0, "至少问两个"),  # ... and one question is not "done"
])  # fmt: skip
def test_one_open_question_of_the_two_asked_for_earns_half_and_says_so(text, points, said):
    result = carecourse.grade("needs-questions", text)
    line = {c.id: c for c in result.criteria}["open_questions"]
    assert line.points == points and said in line.feedback
    assert result.score == round(sum(c.points for c in result.criteria) + sum(p.points for p in result.penalties), 2)


@pytest.mark.parametrize("scenario, text, technique", [
    ("decline-policy", "真办不了，规定要本人到场，怕号码被人冒领。", "reason"),
    ("follow-up-promise", "今天实在排不上，明儿一大早师傅就过去。", "commitment"),
    ("follow-up-promise", "明早九点前要是没人到，您直接打我这个座机。", "follow_up"),
    ("follow-up-promise", "单子派了，明天没人联系您的话，您打过来找我。", "follow_up"),
    ("decline-policy", "今天办不了，等您朋友出差回来亲自来一趟也行。", "your_option"),
    ("decline-policy", "这次办不了，我先把要准备的材料给您列一下。", "my_offer"),
    ("decline-policy", "本人来才能补。我也可以先帮您把材料清单打出来。", "my_offer"),
    ("decline-policy", "这个办不了。不过我还能帮您问问他出差那边的营业厅。", "my_offer"),
    ("listening-restate", "新手机老断线，重启也没用，我这么理解没错吧？", "confirm"),
    ("listening-restate", "新机老掉线，家里人都好好的，是这么个意思呗？", "confirm"),
    ("listening-restate", "新机老掉线，重启也不管用，还有我漏掉的不？", "confirm"),
    ("listening-restate", "新机老掉线，重启也不管用，我有哪儿说岔了没有？", "confirm"),
    ("listening-restate", "新机老掉线，重启无效。请问以上内容是否与您的实际情况相符？", "confirm"),
    # a clock time typed with spaces or the English way
    ("follow-up-promise", "今晚 8 点前我再打电话跟您确认。", "commitment"),
    ("follow-up-promise", "我帮你 book 了明天 9-11am，师傅出发前会 call 你。", "commitment"),
])  # fmt: skip
def test_7_implicit_techniques_are_found(scenario, text, technique):
    assert technique in met(scenario, text)


@pytest.mark.parametrize("scenario, text, criterion", [
    ("complaint-billing", "王先生，唔好意思，我即刻幫你查下個賬單。", "apology"),
    ("phone-answer", "不好意思讓您久等了，這裡是板橋門市，敝姓王，請問有什麼可以為您服務的？", "identify"),
    ("phone-answer", "唔好意思要你等咗咁耐，呢度係旺角分店，我係職員編號0382嘅阿明，有咩可以幫到你？", "identify"),
    ("follow-up-promise", "師傅聽朝會上門，出發前我哋會SMS通知你。", "follow_up"),
    ("needs-questions", "恁好，看手机呢？给谁用啊？", "greeting"),
    ("decline-policy", "办不了，俺先帮恁把要带的材料写下来。", "my_offer"),
    # found by trainers red-teaming in regional wording (session 42)
    ("phone-answer", "早晨，唔好意思等咗咁耐！呢度係中國移動旺角營業廳，我係陳小姐，有咩可以幫到你？", "greeting"),
    ("listening-restate", "你上星期六買嘅手機，唔夠一個禮拜，成日斷線，你都熄咗機再開過好多次，係咪咁？", "fact_tried"),
    ("listening-restate", "您上个 Saturday 买的手机，用了不到一个 week，打电话老断线，对吗？", "fact_when"),
    # ... and the penalties in it
    ("listening-restate", "您上周六买的手机，老断线，重启也没用，家里人都正常，对吗？不过新机不太可能坏。", "judgement"),
    ("listening-restate", "你上星期六買嘅手機，成日斷線，重開咗好多次都冇用，係咪？不過冇可能㗎，新機嚟㗎喎。", "judgement"),
    ("follow-up-promise", "聽日朝早9點至12點師傅上門，出發前會打電話俾你。你聽日用唔用網係你自己嘅事。", "forbidden"),
    ("greet-entry", "Hi，你自己去嗰邊 take 個 ticket 先，唔好 block 住個門口呀。", "forbidden"),
    ("needs-questions", "你好，歡迎光臨！想睇咩手機？平時用嚟做咩？你係咪唔知買邊部好呀？", "bad_question"),
])  # fmt: skip
def test_8_traditional_script_and_dialect_with_regional_words(scenario, text, criterion):
    assert criterion in met(scenario, text)


@pytest.mark.parametrize("text", [
    "您好，让您久等了，我是XX营业厅的某某，请问有什么可以帮您？",
    "您好，让您久等了，这里是____营业厅，我是（姓名），请问有什么可以帮您？",
    "您好，让您久等了，这里是[营业厅名称]，我是[工号]，请问有什么可以帮您？",
])  # fmt: skip
def test_9_template_blanks_earn_nothing(text):
    found = met("phone-answer", text)
    assert "identify" not in found and {"apology", "greeting", "offer_help"} <= found


SLOT_LEADS = [  # a blank after a colon or an item's number fills the slot of the words before it
    ("不好意思，这个真办不了。建议您：1.____", False),
    ("不好意思，这个真办不了。建议您：一、____", False),
    ("不好意思，这个真办不了。建议您：让朋友回来自己办。", True),
]


@pytest.mark.parametrize("text, option", SLOT_LEADS)
def test_9_a_blank_after_a_colon_or_an_items_number_earns_nothing(text, option):
    assert ("your_option" in met("decline-policy", text)) is option


@pytest.mark.parametrize("text, flagged", [
    ("您好，让您久等了，这里是____营业厅，我是（姓名），工号[工号]，请问有什么可以帮您？", True),
    ("王先生，非常抱歉，我马上为您查询XX月账单，多扣的____元将于____个工作日内退回。", True),
    ("您好，让您久等了，这里是XX营业厅，我是（姓名），请问有什么可以帮您？", False),  # two blanks: only they earn nothing
    ("您好，让您久等了，这里是阳光路营业厅，我是工号1032的小李，请问有什么可以帮您？", False),
])  # fmt: skip
def test_9_a_reply_of_three_blanks_or_more_is_a_template_and_scores_nothing(text, flagged):
    scenario = "complaint-billing" if text.startswith("王") else "phone-answer"
    result = carecourse.grade(scenario, text)
    assert ([f.id for f in result.flags] == ["template"]) is flagged
    assert (result.score == 0) is flagged
    if flagged:  # what it says is still said, and the learner is told why it scored nothing
        assert any(c.met for c in result.criteria)
        assert all("没有计分" in c.feedback for c in result.criteria if c.met)
        assert "模板" in result.flags[0].message and "没有计分" in result.summary


@pytest.mark.parametrize("text, closed", [
    ("您好！请问您是给（自己/家人）买手机吗？", False),  # a slot of choices left for the reader
    ("您好！请问您是给（本人 / 爸妈）选机吗？", False),
    ("您好！请问您是给自己买还是给家人买？", True),
])  # fmt: skip
def test_9_a_slot_of_choices_is_a_blank(text, closed):
    assert ("closed_question" in met("needs-questions", text)) is closed


def test_10_bad_questions_in_new_words():
    assert "bad_question" in met("needs-questions", "您好，您是不是没带够钱呀？")
    assert not check_rewrite("你还想怎样？", "你到底想要什么？").ok
    assert not check_rewrite("您是要办宽带吗？", "怎么样？").ok
    assert check_rewrite("您是要办宽带吗？", "您今天想办理什么业务？").ok
    assert "bad_question" in met("needs-questions", "您好，预算我就不问了，问了您也不一定说，您先自己看。")


@pytest.mark.parametrize("text", [
    "您自己不说，我们怎么知道？",
    "谁跟您讲周末也能办的？",
    "给您换了新的，这回满意了吧？",
    "盒子都扔了还换什么？",
    "少找您五块钱，对我们有什么好处呢？",
])  # fmt: skip
def test_10_rhetorical_questions_at_the_customer_are_bad_questions(text):
    assert "bad_question" in {t["id"] for t in carecourse.analyze(text).to_dict()["techniques"]}


def test_10_a_bad_question_is_not_also_a_good_closed_one():
    # the penalty's own pattern finds it, so the question lexicon still reads it as closed
    reproach = met("needs-questions", "您都逛了好几圈了，看好了没？")
    assert "bad_question" in reproach and "closed_question" not in reproach
    assert "closed_question" in met("needs-questions", "您好，您是自己用吗？")


def test_11_feedback_tells_the_truth():
    greeting = carecourse.grade("greet-entry", "您好，欢迎光临 办理业务 取号 引导 这边")
    flag = greeting.flags[0]
    assert flag.id == "keyword_list" and "主动问候" in flag.message and "道歉" not in flag.message
    assert greeting.summary != flag.message and f"得 {greeting.score:g} 分" in greeting.summary
    said = next(c for c in greeting.criteria if c.id == "greeting")
    assert not said.met and "“您好”" in said.feedback  # said, acknowledged, not counted

    english = carecourse.grade("follow-up-promise", "I understand, I will call you at 5pm tomorrow.")
    assert [f.id for f in english.flags] == ["not_chinese"] and "中文" in english.flags[0].message
    assert english.score == 0

    twice = carecourse.grade("complaint-billing", "谢谢您。王先生，非常抱歉，我马上核查账单，多扣的退给您。谢谢您！")
    thanks = next(c for c in twice.criteria if c.id == "thanks")
    assert len(thanks.evidence) == 2 and thanks.quotes == ["谢谢您"]
    # nor are words quoted again that another quote of the line already holds
    nested = carecourse.grade("follow-up-promise", "已经帮您约了明天上午师傅上门，师傅出发前会给您打电话。")
    when = next(c for c in nested.criteria if c.id == "commitment")
    assert [e.text for e in when.evidence] == ["约了明天上午"] and when.quotes == ["约了明天上午"]
    # and quotes that overlap are one stretch of the learner's words, not two
    overlapping = carecourse.grade("follow-up-promise", "我理解您明天要在家办公，真着急。师傅明天上午十点上门。")
    empathy = next(c for c in overlapping.criteria if c.id == "empathy")
    assert empathy.quotes == ["我理解您明天要在家办公，真着急"]
    # nor are two pieces of one clause with a few words between them: one quote, words between included
    offer = carecourse.grade("decline-policy", "规定不能代办。我能做的是把模板和材料清单给您带回去。")
    mine = next(c for c in offer.criteria if c.id == "my_offer")
    assert mine.met and mine.quotes == ["我能做的是把模板和材料清单给您带回去"]
    assert [(e.start, e.end) for e in mine.evidence] == [(7, 25)]
    # pieces in two clauses stay two quotes; an order criterion shows its two sides apart, each
    # as its whole clause
    order = next(c for c in offer.criteria if c.id == "order")
    assert order.quotes == ["规定不能代办", "我能做的是把模板和材料清单给您带回去"]
    # a criterion quoting whole clauses: the hall's name, not the bare hall word its pattern starts at
    phone = carecourse.grade("phone-answer", "您好，这里是城东营业厅，我是小王，请问有什么可以帮您？")
    identify = next(c for c in phone.criteria if c.id == "identify")
    assert identify.met and identify.quotes == ["这里是城东营业厅"]
    # ... but not past a space: words parted by spaces are not quoted as one clause
    spaced = carecourse.grade("phone-answer", "您好 城东营业厅 我是小王 有什么可以帮您")
    assert next(c for c in spaced.criteria if c.id == "identify").quotes == ["城东营业厅"]
    # ... and the question a closing 吗 asks, not the 吗
    closed = next(c for c in carecourse.grade("needs-questions", "心里大概有个价位吗，我好帮您挑。").criteria if c.id == "closed_question")
    assert closed.quotes == ["心里大概有个价位吗"]
    # questions that follow each other are quoted one by one, not as one stretch, and a greeting
    # opening a question's sentence is the greeting's, not the question's
    asked = carecourse.grade("needs-questions", "您好，您平时用手机主要做什么？喜欢什么价位的？")
    assert next(c for c in asked.criteria if c.id == "open_questions").quotes == ["您平时用手机主要做什么？", "喜欢什么价位的？"]
    assert next(c for c in asked.criteria if c.id == "greeting").quotes == ["您好"]
    # in a reply parted by spaces a question needs no mark: it ends in its particle or in the word
    # it asks with (预算多少), and a greeting parted by a space is no part of it either
    chat = carecourse.grade("needs-questions", "你好 看手机吗 平时主要用来干嘛 预算多少")
    assert next(c for c in chat.criteria if c.id == "open_questions").quotes == ["平时主要用来干嘛", "预算多少"]
    assert next(c for c in chat.criteria if c.id == "closed_question").quotes == ["看手机吗"]
    assert not [f for f in carecourse.analyze("没事 不用谢 没什么").findings if f.id.endswith("question")]
    # ... and so is what the staff member saw him do before asking: the question is what is asked
    seen = carecourse.grade("needs-questions", "您好，看您转了好一会儿了，是给自己挑还是给家里人买呀？平时主要拿来干什么？")
    assert next(c for c in seen.criteria if c.id == "closed_question").quotes == ["是给自己挑还是给家里人买呀？"]



@pytest.mark.parametrize("scenario, text, quotes", [
    # a feeling, a reason, a deed or a promise is quoted as the learner said it, never cut off
    # mid-word where its pattern stops (我理解你想帮 / 实名制 / 明天下午 / 电话 / 这就查)
    ("decline-policy", "先生，我理解你想帮朋友，不过实名制规定摆在这里。您让您朋友写个授权书，您再来一趟就行了。我把要带的材料写给您吧。",
     {"empathy": ["我理解你想帮朋友"], "reason": ["不过实名制规定摆在这里"], "my_offer": ["我把要带的材料写给您吧"],
      "your_option": ["您让您朋友写个授权书", "您再来一趟就行了"]}),
    # ... while a time or a channel stays the words that name it: they are what the criterion asks
    ("follow-up-promise", "不好意思让您着急了，我帮您报修了，明天下午我亲自给您回个话，您留意电话。",
     {"empathy": ["不好意思让您着急了"], "explain": ["我帮您报修了"], "commitment": ["明天下午"],
      "follow_up": ["电话"]}),
    ("complaint-billing", "王先生，这事儿确实闹心，我这就查这个月的账单。谢谢您专门跑一趟来提醒我们。",
     {"empathy": ["这事儿确实闹心"], "action": ["我这就查这个月的账单"], "thanks": ["谢谢您专门跑一趟来提醒我们"]}),
    ("phone-answer", "您好，城东营业厅，我是小王，请问有什么可以帮您？", {"offer_help": ["请问有什么可以帮您"]}),
    ("greet-entry", "您好，欢迎光临！办业务的话您可以到那边沙发上坐着等。", {"guidance": ["办业务的话您可以到那边沙发上坐着等"]}),
])
def test_11_deeds_and_feelings_are_quoted_whole_as_said(scenario, text, quotes):
    result = carecourse.grade(scenario, text)
    assert {c.id: c.quotes for c in result.criteria if c.id in quotes} == quotes


def test_11_a_criterion_quoting_clauses_never_cuts_a_word_in_the_rubric_samples():
    """Every quote of such a criterion starts and ends where a clause (or a space) does."""
    from carecourse.detect import structure_of
    from carecourse.rubrics import builtin, scenario_ids

    checked = 0
    for sid in scenario_ids():
        rubric = builtin(sid)
        whole = {c.id for c in rubric.criteria if c.quote_clause and not c.order}
        for sample in rubric.samples:
            structure = structure_of(sample.text)
            for c in carecourse.grade(sid, sample.text).criteria:
                for f in c.evidence if c.id in whole and c.met else ():
                    text = structure.text
                    assert f.nstart == structure.clause_at(f.nstart)[0] or text[f.nstart - 1] == " ", (sid, c.id, f.text)
                    assert structure.clause_at(f.nend - 1)[1] <= f.nend or text[f.nend] == " ", (sid, c.id, f.text)
                    checked += 1
    assert checked > 100

def test_speaking_to_the_customer_or_asking_them_to_speak_is_not_their_reported_words():
    said = carecourse.grade("follow-up-promise", "真抱歉今天修不了，跟您说好：今天晚上7点前我打电话告诉您师傅几点上门。")
    assert {c.id for c in said.criteria if c.met} >= {"commitment"}
    analysis = carecourse.analyze("您说说要办的事，我帮您看看有什么可以帮您。")
    assert analysis.structure.is_quoted(0) is False
    reported = carecourse.analyze("您刚才说你们乱扣钱，我记下了。")
    assert not [f for f in reported.findings if f.id == "forbidden"]


def test_you_mean_is_the_staff_restating_in_their_own_words_and_checking():
    text = "您是说上周六买的手机，老断线，信号只有一两格？"
    assert not carecourse.analyze(text).structure.is_quoted(4)
    result = carecourse.grade("listening-restate", text)
    assert {c.id for c in result.criteria if c.met} >= {"fact_when", "fact_symptom", "confirm"}


@pytest.mark.parametrize("text, first", [
    ("补卡涉及号码安全，怕被人冒领。您可以让朋友签好授权书，带着他的身份证原件来办。", "补卡涉及号码安全"),
    ("今天办不了。您可以让朋友签好授权书，带着他的身份证原件来办。", "办不了"),
])  # fmt: skip
def test_the_no_of_the_sandwich_is_the_refusal_or_its_reason_said_before_the_offers(text, first):
    result = carecourse.grade("decline-policy", text)
    order = next(c for c in result.criteria if c.id == "order")
    assert order.met and first in order.evidence[0].text  # (its clause)
    offers_first = carecourse.grade("decline-policy", "您可以让朋友签好授权书，带着他的身份证原件来办。")
    assert "order" not in {c.id for c in offers_first.criteria if c.met}


@pytest.mark.parametrize("text, met", [
    # the way named as part of the rule, the no after it: no sandwich
    ("按照规定，需要机主的身份证原件和授权书才能代办，您没带的话今天办不了，不好意思。", False),
    # the no first, then the way: a sandwich, whatever the rule said before the no
    ("补卡涉及号码安全，今天办不了。您可以让朋友签好授权书，带着他的身份证原件来办。", True),
    # the rule said as a no, its other way in joined to it, then the refusal proper: the way came first
    ("补卡必须机主本人来，或者带他身份证原件和授权书。您都没带，今天办不了，不好意思。", False),
    ("先生，补卡要么本人来，要么您带他身份证原件和他签的授权书来。今天这样确实办不了。", False),
    # ... and with a way after that refusal, a sandwich after all
    ("补卡必须机主本人来，或者带他身份证原件和授权书。今天办不了，您可以让朋友签好授权书再来。", True),
])  # fmt: skip
def test_where_a_refusal_is_said_the_offers_must_follow_the_refusal(text, met):
    result = carecourse.grade("decline-policy", text)
    assert result.met("order") is met
    if met:
        order = next(c for c in result.criteria if c.id == "order")
        assert order.evidence[0].text.endswith("办不了")


@pytest.mark.parametrize("scenario, text, then, first", [
    ("decline-policy", "先生，补卡必须机主本人来，或者带他身份证原件和授权书。您今天都没带，确实办不了。",
     "或者带他身份证原件和授权书", "确实办不了"),
    ("complaint-billing", "我马上帮您查一下这笔扣费。真是对不起，让您又跑一趟。", "我马上帮您查一下这笔扣费", "真是对不起"),
    ("needs-questions", "您好，是要买手机吗？平时主要用手机做什么？", "是要买手机吗？", "平时主要用手机做什么？"),
])  # fmt: skip
def test_11_both_sides_said_the_wrong_way_round_are_named_not_called_missing(scenario, text, then, first):
    order = next(c for c in carecourse.grade(scenario, text).criteria if c.id == "order")
    assert not order.met and order.evidence == []
    assert f"“{then}”" in order.feedback and f"“{first}”" in order.feedback
    assert order.feedback.index(then) < order.feedback.index(first) and "顺序反了" in order.feedback
    # one side alone is still missing, and said so
    alone = next(c for c in carecourse.grade(scenario, text[: text.index(then) + len(then)]).criteria if c.id == "order")
    assert "顺序反了" not in alone.feedback


@pytest.mark.parametrize("text", [
    "补卡一定要本人，或是带他的身份证原件加委托书才可以，让您白跑一趟了。",
    "补卡必须本人来，或者拿他身份证原件加授权书，不是我不帮您。",
    "补卡只能机主本人，或者带他身份证原件和授权书才行，少一样系统都过不去。",
])  # fmt: skip
def test_with_no_refusal_proper_the_rule_said_as_a_no_comes_first_and_the_way_in_follows_it(text):
    result = carecourse.grade("decline-policy", text)
    order = next(c for c in result.criteria if c.id == "order")
    assert order.met and order.evidence[0].text.startswith("补卡")


def test_a_question_particle_before_a_space_ends_a_question_in_a_reply_parted_by_spaces():
    result = carecourse.grade("needs-questions", "您好 看手机吗 平时主要用手机做什么？喜欢什么价位的？")
    opened = next(c for c in result.criteria if c.id == "open_questions")
    assert opened.met and opened.quotes == ["平时主要用手机做什么？", "喜欢什么价位的？"]
    assert carecourse.analyze("你好 看手机吗 平时主要用来做什么").structure.sentences == [(0, 7), (8, 17)]


def test_a_blank_for_the_customer_to_fill_is_an_open_question():
    asked = carecourse.analyze("请问您心仪的机型是？您的购机预算是？")
    assert [f.id for f in asked.findings if f.id.endswith("_question")] == ["open_question", "open_question"]
    assert "open_questions" in met("needs-questions", "您好！请问您心仪的机型是？您的购机预算是？")
    either = carecourse.analyze("您用的手机是不是？")
    assert [f.id for f in either.findings if f.id.endswith("_question")] == ["closed_question"]


@pytest.mark.parametrize("scenario, text", [
    ("greet-entry", "“您好，欢迎光临！请问您办理什么业务？这边请。”"),
    ("greet-entry", "「您好，欢迎光临！请问您办理什么业务？这边请。」"),
    ("greet-entry", "我会说：“您好，欢迎光临！请问您办理什么业务？这边请。”"),
    ("greet-entry", "“您好，欢迎光临！请问您办理什么业务？这边请。"),  # never closed
    ("greet-entry", "先问好：“您好，欢迎光临！”再问：“请问您办理什么业务？”然后说：“这边请。”"),
    ("phone-answer", "我拿起电话说：“您好，让您久等了！这里是阳光路营业厅，我是小林，请问有什么可以帮您？”"),
])  # fmt: skip
def test_11_the_staffs_own_words_in_quotation_marks_count(scenario, text):
    result = carecourse.grade(scenario, text)
    assert result.score == result.max_score, [(c.id, c.feedback) for c in result.criteria if not c.met]
    framing = {"我会说", "我拿起电话说", "先问好", "再问", "然后说"}
    assert not framing & {e.text for c in result.criteria for e in c.evidence}


@pytest.mark.parametrize("text", [
    "每天都有人跟我说“就帮他办一下”，您这是第几个了？",  # someone else's words
    "别跟我说“就帮一下”，规定就是规定。",
    "说“就帮一下”的，出了事都回来找我们。",
])  # fmt: skip
def test_11_others_words_in_quotation_marks_still_count_for_nothing(text):
    assert not {"my_offer", "your_option"} & met("decline-policy", text)


def test_11_an_outline_of_a_reply_is_flagged_not_silently_zero():
    result = carecourse.grade("greet-entry", "1. 问候：您好，欢迎光临！\n2. 询问：请问您办理什么业务？\n3. 指引：这边请。")
    assert [f.id for f in result.flags] == ["keyword_list"] and result.score == 0
    assert "提纲" in result.flags[0].message
    spoken = carecourse.grade("greet-entry", "1. 您好，欢迎光临！\n2. 请问您办理什么业务？\n3. 这边请。")
    assert not spoken.flags and spoken.score == spoken.max_score
    # stage directions listed beside a greeting said: the greeting counts
    assert "greeting" in met("greet-entry", "您好（微笑）（鞠躬）（眼神交流）（引导）欢迎光临。")


@pytest.mark.parametrize("scenario, text, says, never", [
    # every point met, one penalty: not "points are missing"
    ("listening-restate", "您上周六买的手机，打电话老断线，信号只有一两格，重启也没用，家里人的卡都正常。我理解得对吗？不会是您自己摔过吧？",
     "做到了本题的所有要点", "缺"),
    # one criterion of five missing: "one point", not "several"
    ("decline-policy", "我理解您想帮朋友的心意，但按实名制规定不能代办。我可以帮您把所需材料写下来。", "只差", "几个"),
    # the penalty took more than was earned
    ("complaint-billing", "王先生，您不是第一个这么说的了，每个月都有人来闹。抱歉。", "按 0 分计", "所有要点"),
    # two points missed and a bad question that took most of the score: no praise first
    ("needs-questions", "阿姨您好，您是不是不会用智能手机啊？要不我给您推荐个老人机？", "还差下面没做到的一半要点", "不错"),
    # two of four points missed: half of them, not "most points done"
    ("phone-answer", "您好，请问有什么可以帮您？", "一半", "大部分"),
    # two of five missed, with a penalty: no praise first
    ("listening-restate", "您上周六买的手机，老断线，对吗？你是不是不会用啊？", "还差下面没做到的两点", "不错"),
])  # fmt: skip
def test_11_the_summary_counts_the_points_missed_not_the_score(scenario, text, says, never):
    summary = carecourse.grade(scenario, text).summary
    assert says in summary and never not in summary, summary


def test_11_flagged_points_are_acknowledged_only_where_really_said():
    empty = carecourse.grade("needs-questions", "？？？")
    assert [f.id for f in empty.flags] == ["empty"] and not any("？？？" in c.feedback for c in empty.criteria)
    copied = carecourse.grade("decline-policy", "我就帮他办一下，你通融通融嘛。")
    assert [f.id for f in copied.flags] == ["copied_customer"]
    assert "复述" not in copied.flags[0].message and "这一点做到了" not in " ".join(c.feedback for c in copied.criteria)
    twice = carecourse.grade("greet-entry", "您好，欢迎光临！请问您办理什么业务？这边请。" * 2)
    assert [f.id for f in twice.flags] == ["repetition"]
    assert all("删掉重复" in c.feedback for c in twice.criteria if c.met)


def test_11_a_long_reply_quotes_a_few_of_its_words_and_counts_the_rest():
    filler = "".join(f"第{k}号窗口今天办理宽带业务，这边请。" for k in range(1, 40))
    guidance = next(c for c in carecourse.grade("greet-entry", "您好，欢迎光临！请问您办理什么业务？" + filler).criteria if c.id == "guidance")
    assert guidance.feedback.count("“") <= 4 or "处" in guidance.feedback


WEAKLY_MET = [  # (scenario, text, criterion, met weakly): the points stand, the feedback asks for the fuller form
    ("decline-policy", "理解您的心情，但这个实在没办法通融，补卡必须机主本人或者带他的身份证原件和授权书才能办。", "your_option", True),
    ("decline-policy", "理解您想帮朋友，但这个我真办不了。您可以让朋友签好授权书，带着他的身份证原件来代办。", "your_option", False),
    ("phone-answer", "您好，这里是阳光路营业厅，我是小李，让您久等了，请讲。", "offer_help", True),
    ("phone-answer", "您好，这里是阳光路营业厅，我是小李，让您久等了，请问有什么可以帮您？", "offer_help", False),
]


@pytest.mark.parametrize("scenario, text, criterion, weakly", WEAKLY_MET)
def test_11_a_point_met_in_a_weaker_form_keeps_its_points_and_is_asked_for_more(scenario, text, criterion, weakly):
    result = carecourse.grade(scenario, text)
    line = next(c for c in result.criteria if c.id == criterion)
    assert line.met and line.points == line.max_points
    rubric_line = next(c for c in builtin(scenario).criteria if c.id == criterion).feedback
    if weakly:
        assert line.feedback == rubric_line.met_weakly and line.evidence, line.feedback
    else:
        assert line.feedback == rubric_line.met


def test_11_met_feedback_lists_no_examples_the_learner_did_not_write():
    result = carecourse.grade("complaint-billing", "王先生您好，非常抱歉给您添麻烦了，我马上帮您查一下这笔费用。")
    said = " ".join(c.feedback for c in result.criteria if c.met)
    assert "50元" not in said and "退还" not in said and "认同他的感受" not in said


@pytest.mark.parametrize("scenario, text, penalty", [
    ("complaint-billing", "王先生，对不起！又多扣50块，您肯定烦死了。我马上查账单，多扣的退给您。谢谢您。", "forbidden"),
    ("complaint-billing", "真是对不起，多扣了50块。这个不用您自己查，交给我，多扣的退给您。", "forbidden"),
    ("listening-restate", "您上周六买的手机，打电话老断，信号一两格，重启好几次没用，家里人的卡没事。您没操作错，对吗？", "judgement"),
    ("follow-up-promise", "理解您着急。今天排满了，我不会随便跟您保证马上修好，今晚6点前我打电话告诉您师傅几点上门。", "overpromise"),
    ("follow-up-promise", "理解您的着急。今天人手排满了，今天绝对来不及了，实在抱歉。今晚6点前我打电话告诉您明天几点上门。", "overpromise"),
    # the blame or the chasing taken off him (session 42)
    ("complaint-billing", "王先生，真对不起，这绝对不是您自己操作的问题，是我们系统出错了。多扣的50块我马上核查，今天就给您退。", "forbidden"),
    ("follow-up-promise", "我理解您着急。您不用自己再打电话催，我已经给您加急了，今天下午4点前我打电话告诉您师傅上门的时间。", "forbidden"),
    # ruling out his fault or his area, a feeling he must not have, a promise not to leave him so,
    # and declining to vouch for the repair in Cantonese or Wu (session 43)
    ("listening-restate", "上周六买的，老断线，信号一两格，家里人都正常，对吗？您重启了那么多次，不太可能是您操作的问题。", "judgement"),
    ("listening-restate", "上周六买的，老断线，信号一两格，重启过，家里人都正常，对吗？那应该不是您家那边信号的问题，我先查查手机。", "judgement"),
    ("listening-restate", "上周六买的，老断线，信号一两格，重启过，家里人都正常，对吗？这种事肯定是您最不想碰上的，我马上看。", "judgement"),
    ("listening-restate", "您是说上周六买的手机，老断线，信号一两格，重启没用，家里人都正常，是吗？不可能让您一直这么凑合用的。", "judgement"),
    ("follow-up-promise", "明白您好急。今日排唔到師傅，我唔敢同您講聽日一定搞掂，不過今晚八點前我一定打電話話您知師傅幾點到。", "overpromise"),
    ("follow-up-promise", "晓得侬急。今朝排满了，我伐好打包票明朝一定修好，不过今朝五点钟前我肯定打电话给侬。", "overpromise"),
    ("follow-up-promise", "晓得你急。今天排不上，我下午五点前肯定给你打电话说师傅几点到，这个绝对不得拖。", "overpromise"),
    ("follow-up-promise", "我晓得你明天百分之百要用网。师傅约了明天上午九点到十一点，来之前打电话给你。", "overpromise"),
    ("follow-up-promise", "理解您着急。明天上午师傅上门，出门前绝对会先给您打电话。", "overpromise"),
    # ... third round: the blame taken off him, a limit owned with what follows, his right to complain,
    # a sincere thanks, declining to vouch, a callback vowed, one's best promised
    ("complaint-billing", "王先生，实在抱歉，我理解您。这不是您自己乱开业务导致的，我马上核查多扣的50元。谢谢您。", "forbidden"),
    ("complaint-billing", "王先生，对不起，这不是您自己看错账单了，确实多扣了50元，我马上核查。谢谢您。", "forbidden"),
    ("follow-up-promise", "理解您着急。这是线路故障，不是您自己设置错了，需要师傅上门，今晚8点前给您打电话。", "forbidden"),
    ("listening-restate", "您上周六买的手机，打电话老断，信号一两格，重启好几次，家里人都正常。是吗？不会是您操作的问题，您放心。", "judgement"),
    ("listening-restate", "您上周六买的手机老断线，信号一两格，家人都好，您也重启过。对吗？那说明您已经排除了很多可能。", "judgement"),
    ("complaint-billing", "王先生，真对不起。多扣的50元我马上核查，如果我这里处理不了，我会找我们班长。谢谢您。", "forbidden"),
    ("complaint-billing", "王先生，抱歉，我理解您。多扣的50元马上核查，如果您不满意，可以投诉我，这是您的权利。谢谢您。", "forbidden"),
    ("complaint-billing", "王先生，真对不起，理解您的失望。我马上核查，多扣的50元退给您。谢谢您还愿意来找我们。", "forbidden"),
    ("follow-up-promise", "真抱歉耽误您办公。要上门处理，今天排不上。我不敢跟您打包票说马上修好，但明天上午10点前师傅一定电话联系您。", "overpromise"),
    ("follow-up-promise", "理解您着急。需要师傅上门，明早9点前肯定会有师傅打电话联系您，这个我可以保证。", "overpromise"),
    ("follow-up-promise", "理解您着急，我们一定会竭尽全力为您解决。明天上午师傅上门前会打电话。", "overpromise"),
])  # fmt: skip
def test_10_kind_words_that_sound_like_a_penalty_are_not_one(scenario, text, penalty):
    # named from what the staff denies or refuses (不用您自己查, 您没操作错, 不会随便保证), or his own feelings
    assert penalty not in met(scenario, text)


@pytest.mark.parametrize("scenario, text, penalty", [
    ("needs-questions", "您好！您想看什么样的手机？您平时用手机做什么？这么贵的您买得起吗？", "bad_question"),
    ("needs-questions", "您好，看您转了好久，是不是买不起啊？", "bad_question"),
    ("needs-questions", "您好，想看什么手机？平时用来做什么？您离婚了吗？", "bad_question"),
    ("complaint-billing", "多扣50元是吧，对不起，我理解，我帮您核查。谢谢您又来给我们添乱。", "forbidden"),
    # the Cantonese and Taiwan wording of phrases caught in Mandarin
    ("needs-questions", "您好，想看什么手机？平时用来做什么？係咪嫌貴呀？", "bad_question"),
    ("greet-entry", "您好，请问办什么业务？这边请。睇唔明就問保安，唔好問我。", "forbidden"),
    ("follow-up-promise", "理解您着急。明天上午10点前我电话联系您。拜託不要一直打來問喔。", "forbidden"),
    ("listening-restate", "您上周六买的手机，老断线，重启好几次没用，家里人都正常，对吗？你係咪唔識用呀？", "judgement"),
    ("needs-questions", "您好，想看什么手机？平时用来做什么？您看得懂这些参数吗？", "bad_question"),
    ("follow-up-promise", "理解您着急。明天上午10点前我电话联系您。包您明天能上网。", "overpromise"),
    ("follow-up-promise", "理解您着急。明天上午10点前我电话联系您，明天准能修好。", "overpromise"),
    ("follow-up-promise", "明天上午10点前我打电话跟您约时间。要是明天上午修不好，我们赔您一个月网费。", "overpromise"),
    ("follow-up-promise", "您放心，明天师傅上门十拿九稳能修好，上午10点前我打电话给您。", "overpromise"),
    ("decline-policy", "我理解您的好意，但按实名制规定不能给您办，您可以走了。", "flat_no"),
    ("decline-policy", "规定不让，您可以投诉我。", "flat_no"),
    # found by trainers red-teaming the practice boxes (session 42)
    ("needs-questions", "您好，欢迎光临！您平时用手机主要做什么？您对手机有什么要求？您连微信都不会用吧？", "bad_question"),
    ("needs-questions", "您好，这些新功能您可能不太懂，要不我给您讲讲？", "bad_question"),
    ("needs-questions", "您好，您平时用手机主要做什么？是想要大屏的吗？您一个学生哪来那么多钱买手机？", "bad_question"),
    ("needs-questions", "您好，是不是钱没带够？您想看哪款？想要什么样的？", "bad_question"),
    ("needs-questions", "您好，您平时用手机主要做什么？您是预算不够，所以在看便宜的吧？", "bad_question"),
    ("needs-questions", "您好，您平时用手机主要做什么？对手机有什么要求？这么便宜的您也看得上？", "bad_question"),
    ("needs-questions", "您好，您是不是在别家被坑过，所以这么犹豫？", "bad_question"),
    ("needs-questions", "您好，这款可不便宜，您确定要看这个吗？", "bad_question"),
    ("needs-questions", "您好！您想看什么样的手机？您一直在这儿转，是不是想偷东西？", "bad_question"),
    ("needs-questions", "您年纪大了，智能机用不太明白吧？", "bad_question"),
    ("needs-questions", "您好，这个您肯定不懂，我给您推荐吧。您想要什么价位？", "bad_question"),
    ("needs-questions", "您好，这个功能比较复杂，您这个年纪可能用不明白。您想看什么样的？", "bad_question"),
    ("needs-questions", "您好！您想看什么样的手机？您应该没用过这么高端的手机吧？", "bad_question"),
    ("needs-questions", "您好，您看了这么久也没挑好，是不是不太懂手机？我给您讲讲。", "bad_question"),
    ("needs-questions", "您好！您想看什么价位的手机？您是不是觉得我们的手机都太贵了，买不起？", "bad_question"),
    ("needs-questions", "您好，我看您挺有钱的样子，要不直接买最贵的这款？", "bad_question"),
    ("needs-questions", "您好，欢迎光临！您是第一次用智能手机吧？您想买什么样的？", "bad_question"),
    # looking down on him however kindly put, in any words (a calm sentence does not excuse it)
    ("needs-questions", "您好，这款是最新款，八千多，您买得起吗？", "bad_question"),
    ("needs-questions", "您好，欢迎光临！想看什么手机？平时用手机主要做什么？这款挺贵的，侬买得起伐？", "bad_question"),
    ("needs-questions", "Hi 你好，歡迎光臨！想睇咩手機呀？平時用手機做咩多？呢部好 expensive 㗎，你 afford 唔 afford 到？", "bad_question"),
])  # fmt: skip
def test_10_a_bad_question_or_a_brush_off_counts_beside_a_good_answer(scenario, text, penalty):
    found = met(scenario, text)
    assert penalty in found and "your_option" not in found


@pytest.mark.parametrize("scenario, text, penalty", [
    # found by trainers red-teaming the rude in new words (session 43): threats, futility, a demand
    # turned back on him, others held up to him, talking down, a rival, hindsight, dialect
    ("decline-policy", "我理解您想帮朋友，按实名制不能代办，您朋友可以本人来。您再这样我就叫保安了。", "forbidden"),
    ("complaint-billing", "王先生，抱歉，我这就核查多扣的50元。您要是再嚷嚷，我只能叫警察了。", "forbidden"),
    ("decline-policy", "我理解您，但按规定不能代办，您朋友可以本人来。您跟我磨也没用。", "forbidden"),
    ("decline-policy", "我理解您想帮朋友，按实名制不能代办。大家都能理解，怎么就您不能理解呢？您朋友可以本人来。", "forbidden"),
    ("decline-policy", "我理解您，按规定不能代办，您朋友可以本人来。您也得理解理解我们吧？", "forbidden"),
    ("decline-policy", "按实名制不能代办，您朋友可以本人来，我可以给您写清单。懂了吗？", "forbidden"),
    ("follow-up-promise", "理解您着急，明天上午10点前师傅打电话约时间。您等不及的话，换别家宽带呗。", "forbidden"),
    ("follow-up-promise", "理解您着急，明天上午10点前师傅打电话约时间。要我说，您早点报修就好了。", "forbidden"),
    ("follow-up-promise", "理解您着急，明天上午10点前师傅打电话约时间。我又不会修宽带，您冲我急有啥用。", "forbidden"),
    ("follow-up-promise", "咁急你去第二間啦。聽日上晝十點前師傅打電話俾你。", "forbidden"),
    ("complaint-billing", "王先生，抱歉让您生气了，我给您查一下。您先去那边坐着，我忙完手头这个再说。", "forbidden"),
    ("complaint-billing", "王先生，抱歉。您每次都不看短信提醒的吗？多扣的50元我帮您核查一下。", "forbidden"),
    ("phone-answer", "您好，人民路营业厅，工号1024，小李，抱歉久等。您说吧，快点啊。", "forbidden"),
    ("greet-entry", "您好！请问办什么业务？交费去机器上弄，不会弄就问别人。", "forbidden"),
    ("decline-policy", "莫来扯拐哦，这个真的办不了，喊你朋友自己回来办。", "forbidden"),
    # ... judging his account in new words
    ("listening-restate", "上周六买的，老断线，信号一两格，重启过，家里人的卡都正常。说实话您这话我有点不信。是这样吗？", "judgement"),
    ("listening-restate", "您说重启过好几次，我看未必吧。上周六买的，断线、信号差，家里人都正常，对吗？", "judgement"),
    ("listening-restate", "上周六买的，老断线，信号一两格，家里人都正常。您说重启过，可能您重启的方法不太对。对吗？", "judgement"),
    ("listening-restate", "上周六买的，老断线，信号一两格，重启过，家里人都正常。您年纪大了，可能不太会设置吧。", "judgement"),
    ("listening-restate", "上周六买的，老断线，信号一两格，重启过，家里人都正常，对吗？十有八九是用户操作问题。", "judgement"),
    ("listening-restate", "上周六买的，老断线，信号一两格，重启过，家里人都正常。您这是心理作用吧。", "judgement"),
    ("listening-restate", "上周六买的，老断线，信号一两格，重启过，家里人都好。这款卖了几千台，从来没人反映过。对吗？", "judgement"),
    ("listening-restate", "上周六买的，老断线，信号一两格，重启过，家里人都正常，对吧？您怎么不早点来？", "judgement"),
    ("listening-restate", "我确认一下，您上周六买的手机老断线，信号一两格，重启好几次，家里人都好。新手机一般不会有问题的，对吗？", "judgement"),
    # ... and questions that presume, expose, provoke or look down on him
    ("needs-questions", "您好！您想看什么样的？平时用来干啥？您是学生吧，那就看看一千多的，对吗？", "bad_question"),
    ("needs-questions", "您好！您想看什么手机？您平时用手机干嘛？您一个月工资多少？", "bad_question"),
    ("needs-questions", "您好！想看什么价位的？能分期吗？征信没问题吧？", "bad_question"),
    ("needs-questions", "您好！您想看点什么？您在意手机哪些方面？别家可没我们便宜，不信您去比比？", "bad_question"),
    ("needs-questions", "您好！您想看什么样的？活动明天就结束了，您今天就定下来吧？", "bad_question"),
    ("needs-questions", "您好！您不会是来比价的吧？您想看什么样的手机？", "bad_question"),
    ("needs-questions", "您好，这款是最新款，一般人买不起哦。您想要什么样的？平时用来干什么？", "bad_question"),
    ("needs-questions", "您好！您会用智能手机吗？您想要什么样的？平时用来干嘛？", "bad_question"),
    ("needs-questions", "您好！您想看什么手机？这款功能太多了，您可能用不上，来个简单的吧？", "bad_question"),
    # ... and vows the staff cannot keep, in everyday or regional words
    ("follow-up-promise", "理解您着急。师傅明天一早上门，包您明天一早就好。", "overpromise"),
    ("follow-up-promise", "理解您着急。师傅明天上午上门，我敢拍胸脯说中午前一准儿修好。", "overpromise"),
    ("follow-up-promise", "明白您好急。師傅聽朝上門，我同您擔保，十點前實搞得掂。", "overpromise"),
    ("follow-up-promise", "晓得你急嘛。师傅明天上午上门，我给你打包票，中午之前肯定整得好。", "overpromise"),
    ("follow-up-promise", "理解您着急。我马上给您加急，今天晚上师傅就能上门修好。", "overpromise"),
    ("follow-up-promise", "理解您着急，您放心，明天师傅上门，保准不耽误您办公。", "overpromise"),
    # ... second round: his anger waved off, his account called overblown, the fault put on his
    # reading, the money waved off, a fraud suspected, a setting or a make blamed, a presumed purse
    ("complaint-billing", "王先生，这有什么好生气的？多扣的50元我帮您查一下。", "forbidden"),
    ("complaint-billing", "王先生，抱歉，不过您这个说法有点夸张了，我马上帮您查账单。", "forbidden"),
    ("complaint-billing", "王先生，抱歉。您办套餐的时候没看清楚吧，我帮您查一下。", "forbidden"),
    ("complaint-billing", "王先生，我理解。扣了就扣了，下个月注意点就行。", "forbidden"),
    ("decline-policy", "我理解您想帮朋友。您没证件来补别人的卡，该不会是想冒用吧？您朋友可以本人来。", "forbidden"),
    ("listening-restate", "上周六买的，老断线，信号一两格，重启过，家里人都正常。是不是您没设置好啊？", "judgement"),
    ("listening-restate", "这种情况很正常，新机都要磨合。上周六买的，老断线，信号一两格，重启过，家里人都正常，对吧？", "judgement"),
    ("needs-questions", "您好！看您看了好一会儿，是不是没钱买贵的？要不看看便宜的？", "bad_question"),
    ("needs-questions", "您好！您想看哪款？平时有什么要求？我猜您是想买个便宜的对吧？", "bad_question"),
    # ... third round: at the door and on the phone, and not my job, a rival, others held up to him
    ("greet-entry", "您好，欢迎光临！请问办什么业务？这边请。手机别乱摸啊，摸坏了要赔的。", "forbidden"),
    ("greet-entry", "您好，欢迎光临！请问办什么业务？这边请。您这么大年纪了，用得来智能机吗？", "forbidden"),
    ("greet-entry", "您好，欢迎光临！您知道自己要办什么吗？这边请。", "forbidden"),
    ("phone-answer", "您好，让您久等了，阳光路营业厅，我是小林。这个点打电话的人多，您下次早点打。", "forbidden"),
    ("phone-answer", "您好，让您久等了，阳光路营业厅，我是小林，请问有什么事？没什么事我先挂了啊。", "forbidden"),
    ("phone-answer", "您好，让您久等了，阳光路营业厅，我是小林，请问有什么事？您普通话不太标准啊。", "forbidden"),
    ("phone-answer", "您好，让您久等了，阳光路营业厅，我是小林，请问有什么可以帮您？您等着，我先把手上这个客户弄完。", "forbidden"),
    ("complaint-billing", "王先生，抱歉，我理解您。多扣的50元我帮您查一下。这事跟我没关系啊，我只是前台。", "forbidden"),
    ("complaint-billing", "王先生，抱歉，我理解您。别的客户都没说多扣，就您说。我帮您查一下。", "forbidden"),
    ("follow-up-promise", "理解您着急。要不您换个运营商？需要师傅上门，明早9点前师傅电话联系您。", "forbidden"),
    ("follow-up-promise", "理解您着急。需要师傅上门，明早9点前给您打电话。别的客户都能等，您也等等吧。", "forbidden"),
    ("follow-up-promise", "您放心，我保证明天一早就给您修好。", "overpromise"),
    ("follow-up-promise", "理解您着急，要上门处理，我保证明天中午之前您就能上网了，师傅会提前打电话给您。", "overpromise"),
])  # fmt: skip
def test_10_rudeness_judging_and_vows_in_new_words_cost_points_beside_a_good_answer(scenario, text, penalty):
    assert penalty in met(scenario, text)


@pytest.mark.parametrize("scenario, text, criterion", [
    ("complaint-billing", "抱歉让您生气了。多扣50元，我为什么要帮您核查？谢谢。", "action"),
    ("complaint-billing", "抱歉让您生气了。多扣50元，凭什么要我给您退还？谢谢。", "action"),
])  # fmt: skip
def test_4_a_deed_asked_about_rhetorically_is_not_done(scenario, text, criterion):
    assert criterion not in met(scenario, text)


@pytest.mark.parametrize("scenario, text, criterion", [
    ("decline-policy", "不过补卡要本人证件原件加授权书，这是实名制规定。我马上帮您朋友挂失，等他回来带身份证来就行。", "my_offer"),
    ("decline-policy", "补卡要本人证件原件加授权书，这是实名制规定。我现在就帮他把号停了，等他回来再补。", "my_offer"),
    ("listening-restate", "您上周六买的手机，电话打着打着就挂了，重启好几次没用，家里人的卡没事。对吗？", "fact_symptom"),
    ("listening-restate", "你上禮拜六買嘅電話，成日斷線，重啟咗幾次都唔得，屋企人冇事。係唔係咁？", "confirm"),
    ("greet-entry", "您好！办啥业务？您到我这儿来吧。", "guidance"),
    ("greet-entry", "您好！办啥业务？来我这个窗口就行。", "guidance"),
    ("needs-questions", "您好！能问一下您平时用手机主要做什么吗？您对手机有什么要求？想要轻薄一点的，对吗？", "order"),
])  # fmt: skip
def test_7_everyday_words_for_an_offer_a_symptom_and_a_check(scenario, text, criterion):
    assert criterion in met(scenario, text)


@pytest.mark.parametrize("scenario, text, criterion", [
    # found by trainers red-teaming in regional and everyday words (session 43)
    ("follow-up-promise", "晓得你急。这个要师傅上门，今天排不过来。我给你约了明天早晨师傅上门，来之前打电话给你。", "commitment"),
    ("follow-up-promise", "明白您心急。要師傅上門，今日排唔切。我兩個鐘內會發SMS俾您，講埋師傅幾點到。", "commitment"),
    ("follow-up-promise", "了解您很急喔。今天修不好，我下午四點前會LINE您，跟您說處理進度。", "follow_up"),
    ("follow-up-promise", "明白您急。今天搞不定，我晚上七点前给您打个手机，说说明天咋安排。", "follow_up"),
    ("follow-up-promise", "晓得侬急。今朝排满了，今朝五点钟前我打电话给侬，告诉侬师傅几点钟到。", "empathy"),
    ("decline-policy", "唔好意思，補卡要本人或者授權。我亦可以幫您印份授權書範本，您朋友簽好就得。", "my_offer"),
    ("decline-policy", "不好意思，補卡要本人或委託。我們這邊可以幫您印委託書，您朋友簽好再帶來。", "my_offer"),
    ("decline-policy", "我晓得侬是帮朋友，不过按实名制规定今朝办伐了。叫伊自家来一趟好伐？", "your_option"),
    ("listening-restate", "您是说手机七八天前在我们这儿买的，老掉线，信号弱，重启没用，家里人都好，对吧？", "fact_when"),
    ("listening-restate", "您上星期六买的手机老掉线，信号弱，您重新开过好几次机都没用，家里人都好，对不对？", "fact_tried"),
    ("needs-questions", "您好，欢迎光临！能跟我说说您想要什么样的手机吗？平时主要用来做什么？想要拍照好的，对吗？", "order"),
    ("complaint-billing", "王先生，歹势啦，我了解您的心情。多扣的50元我马上帮您查明细，多扣了就退给您。", "empathy"),
    ("follow-up-promise", "非常理解！这个要师傅上门，今天排不上。明天上午9点到11点师傅上门，出发前先给您打电话。", "empathy"),
    ("phone-answer", "歹勢歹勢，您好，這裡是陽光路營業廳，我是小林，請問有什麼可以幫您？", "apology"),
])  # fmt: skip
def test_8_regional_and_everyday_words_for_a_time_a_channel_an_offer_and_a_fact(scenario, text, criterion):
    assert criterion in met(scenario, text)


@pytest.mark.parametrize("scenario, text, criterion", [
    # told to call himself, however "himself" is said (session 43)
    ("follow-up-promise", "理解您着急。师傅得上门，今天排不上。您明儿上午十点以后自个儿打10000问问吧。", "commitment"),
    ("follow-up-promise", "明白您好急。今日排唔到師傅，您聽日朝早十點後自己打10000問下進度啦。", "commitment"),
    # giving in is no refusal followed by a way that keeps the rule
    ("decline-policy", "我知道您是好意啦。照規定是要本人或委託書，不過沒關係，這次我幫您通融一下，您可以把朋友的資料給我，我直接幫您補。", "your_option"),
    ("decline-policy", "理解理解，按实名制规定是要本人或者授权书的，这回我就给您开个口子，我可以先帮您补上。", "my_offer"),
    # ... or a way round the papers, a plea or a shrug, nothing done for him, a time with no day, the
    # time of his own call, or a question he has already answered (second round)
    ("decline-policy", "我理解您想帮朋友，按规定补卡要本人。您让朋友把身份证拍个照片发给您，我看照片就能给您办。", "your_option"),
    ("decline-policy", "我理解您想帮朋友，按规定补卡要本人。您可以拿他的身份证复印件过来，复印件也行。", "your_option"),
    ("decline-policy", "我理解您想帮朋友，按规定今天没法给您办。我可以先帮您把卡补了，证件以后再补给我。", "my_offer"),
    ("decline-policy", "我理解您想帮朋友，按实名制规定补卡需要本人办理。您可以再想想别的办法。", "your_option"),
    ("decline-policy", "我理解您想帮朋友，但没有原件和授权书确实补不了。您可以体谅一下。", "your_option"),
    ("decline-policy", "我理解您想帮朋友，按规定我这边没法给您办。我能为您做的就是这些了。", "my_offer"),
    ("follow-up-promise", "我理解您的着急。今天修不了，过两天师傅会过去的，到时候会有人联系您。", "commitment"),
    ("follow-up-promise", "我理解您的着急。师傅上门要排队，明天下午3点前您给我们打电话确认一下。", "commitment"),
    ("follow-up-promise", "我理解您着急。今天确实修不好，您明天上午10点来营业厅问问。", "commitment"),
    ("listening-restate", "您上周六买的手机信号不好，打电话老断，您重启了吗？", "confirm"),
    ("listening-restate", "您上周六买的手机打电话老断线，您先重启一下试试？", "fact_tried"),
    ("listening-restate", "您上周六买的手机老断线，信号一两格，重启没用，但家人用别家的卡都正常，对吗？", "fact_contrast"),
    # ... or the wait denied (third round)
    ("phone-answer", "您好，这里是阳光路营业厅，我是小林，我们这边没有让您久等，请问有什么可以帮您？", "apology"),
    ("phone-answer", "您好，我没让您久等吧，这里是阳光路营业厅，我是小林，请问有什么可以帮您？", "apology"),
])  # fmt: skip
def test_4_a_promise_he_keeps_himself_or_a_way_that_breaks_the_rule_earns_nothing(scenario, text, criterion):
    assert criterion not in met(scenario, text)


def test_4_giving_in_is_named_for_what_it_is():
    """The feedback says why the offer after 这次我帮您通融一下 does not count (decline-policy gives_in)."""
    result = carecourse.grade("decline-policy", "照规定是要本人来的，不过这次我帮您通融一下，您可以把资料给我，我直接帮您补。")
    line = next(c.feedback for c in result.criteria if c.id == "your_option")
    assert "破例" in line and "通融一下" in line


def test_11_one_question_read_both_ways_is_not_named_as_two_in_the_wrong_order():
    """"您对手机有什么具体需求吗？" is read as open and as closed at once: the order line does not
    say the closed question came before the open one when both are that question (session 43)."""
    result = carecourse.grade("needs-questions", "您好！您对手机有什么具体需求吗？平时主要用来做什么？那您更看重续航，对吧？")
    line = next(c.feedback for c in result.criteria if c.id == "order")
    assert "顺序反了" not in line and "具体需求" not in line


# Found by five more red-team helper sessions acting as trainers (session 44). R is a complete,
# correct restatement of the listening-restate customer; D a complete decline-policy answer.
R = "您上周六买的手机，打电话老断线，信号一两格，重启了好几次，家里人的卡都好好的，对吗？"
D = "我理解您想帮朋友。按实名制规定补卡要本人或身份证原件加授权书。我能为您做的是把材料清单写给您。您可以让朋友签好授权书再来。"


@pytest.mark.parametrize("scenario, text, penalty", [
    # the fault denied, his account doubted, his phone's price or his habits blamed, after a good restatement
    ("listening-restate", R + "这手机不会有问题的。", "judgement"),
    ("listening-restate", R + "您是不是记错了，家里人的手机信号也没那么好吧。", "judgement"),
    ("listening-restate", R + "您这个说法不太对，手机一两格也能正常通话的。", "judgement"),
    ("listening-restate", R + "一般都是用户自己设置错了。", "judgement"),
    ("listening-restate", R + "说实话，这个价位的手机信号也就这样了。", "judgement"),
    ("listening-restate", R + "手机信号这东西本来就时好时坏，很正常。", "judgement"),
    ("listening-restate", R + "您是不是放在口袋里压着了？", "judgement"),
    ("listening-restate", R + "那您当时买的时候怎么不检查好呢？", "judgement"),
    ("listening-restate", R + "您家里人的卡跟您不一样，当然不能比。", "judgement"),
    ("listening-restate", R + "呢部機唔會有問題㗎。", "judgement"),
    # a sorry thrown at him, his manner scolded, the fault disowned, guilt, sent off
    ("complaint-billing", "王先生，对不起行了吧，我帮您查一下扣费明细。", "forbidden"),
    ("complaint-billing", "王先生，抱歉，我们不欢迎这种态度，不过多扣的50块我帮您查一下。", "forbidden"),
    ("complaint-billing", "王先生，对不起，我理解您的心情。我帮您查一下多扣的50元。不过您声音小点，这里还有别的客户呢。谢谢。", "forbidden"),
    ("complaint-billing", "王先生，对不起，我理解您的心情。多扣的50元我马上帮您核查。这是系统自动扣的，跟我们营业厅没关系。谢谢您。", "forbidden"),
    ("complaint-billing", "王先生，对不起让您生气了。多扣的50元我马上帮您核查，确认后退还。我们也很辛苦的，一天要处理几百个投诉，您多担待。谢谢您。", "forbidden"),
    ("complaint-billing", "王先生，非常抱歉让您生气了，这个月多扣了50元，我马上帮您核查。感谢您的宝贵意见，您可以走了。", "forbidden"),
    ("complaint-billing", "王生，唔好意思，明白你嬲。多扣咗50蚊我即刻幫你查吓張單。你咪咁大聲啦，人哋都望住你。多謝你。", "forbidden"),
    # his overcharge denied or blamed on him before anyone looked, the job handed to him, turned away
    ("complaint-billing", "王先生，您这个月账单多了50块是因为您超出套餐了，我给您打个明细。", "forbidden"),
    ("complaint-billing", "王先生，您说扣费不对，我看了一下没问题啊。", "forbidden"),
    ("complaint-billing", "王先生，非常抱歉，您可以在APP上自己申请退费。", "forbidden"),
    ("complaint-billing", "王先生，抱歉，这个我帮不了您。", "forbidden"),
    # the same lines after a complete decline or a complete promise
    ("decline-policy", D + "您爱找谁找谁去，找谁都一样。", "forbidden"),
    ("decline-policy", D + "您先别激动，激动也解决不了问题。", "forbidden"),
    ("decline-policy", D + "做人还是要守规矩的。", "forbidden"),
    ("decline-policy", "我很理解您的好意，不过按实名制规定确实不能代办。我能为您做的是打印一份授权书模板。您可以让您朋友签好字，带着他的身份证原件来。您也别怪我，要怪就怪您朋友自己没安排好。", "forbidden"),
    ("decline-policy", "我很理解您想帮朋友。不过这个办不了，万一您是坏人呢。我可以把需要的材料写给您。您朋友可以写授权书，您带着他身份证原件来办。", "forbidden"),
    ("decline-policy", "先生，我特别理解您想帮朋友的心意。您这也太不懂事了，补卡哪有随便帮人办的。按实名制要本人来。我可以把材料写给您，您朋友可以回来办。", "forbidden"),
    ("decline-policy", "我明白你想幫朋友。但係實名制規定要本人或者有身份證正本同授權書先可以補卡。我可以幫你寫低要帶乜嘢文件，你朋友可以返嚟自己辦。你咪再煩我啦，講幾多次都係咁。", "forbidden"),
    ("decline-policy", "晓得你想帮朋友嘛。按实名制规定补卡要本人或者身份证原件加授权书。我可以帮你把材料写下来，你朋友可以回来自己办。莫在这儿扯皮了嘛，扯也没得用。", "forbidden"),
    ("follow-up-promise", "我理解您着急。故障需要师傅上门检修，今天排满了。明天上午10点前师傅会打电话跟您约时间。您早点来报修就好了，现在这个点谁都排不上。", "forbidden"),
    ("follow-up-promise", "在家办公晚一天也没事吧？师傅明天上午会给您打电话约时间上门。", "forbidden"),
    ("follow-up-promise", "我理解您着急。师傅明天上午10点前会电话联系您。又不是只有您一家断网，大家都在排队。", "forbidden"),
    ("follow-up-promise", "我理解您着急。但我们装维师傅也很辛苦的，一天要跑十几家，您也体谅体谅。明天上午10点前师傅会打电话约上门时间。", "forbidden"),
    ("follow-up-promise", "理解理解。师傅明天上午10点前打电话给您。好了就这样吧，我还有事，挂了啊。", "forbidden"),
    ("follow-up-promise", "我理解您着急。故障需要师傅上门，今天修不了，明天上午10点前师傅会电话联系您。我的工号就不方便告诉您了，您有事打10000号就行。", "forbidden"),
    ("phone-answer", "您好，抱歉让您久等了，这里是中国电信人民路营业厅，我是小李，请问有什么可以帮您？……您这个问题我刚才不是说过了吗？", "forbidden"),
    # questions that push, expose, presume or look down on him
    ("needs-questions", "您好！有什么好犹豫的？怎么还不决定？是要大屏的吗？", "bad_question"),
    ("needs-questions", "您好！您怎么连这个都不懂？您凭什么觉得这款不好？是要便宜的吗？", "bad_question"),
    ("needs-questions", "您好！您想看什么样的手机？平时主要用来做什么？您这是第几次来了，还没想好？", "bad_question"),
    ("needs-questions", "您好！您想看什么样的手机？主要用来做什么？这款可是旗舰机，您平时用得上这么好的吗？", "bad_question"),
    ("needs-questions", "您好！您想看什么样的手机？这种机型您会用吗？平时主要用来做什么？", "bad_question"),
    ("needs-questions", "您好！您想看什么样的手机？主要用来做什么？这款挺贵的，您确定吗？", "bad_question"),
    ("needs-questions", "您好！您是不是手头紧？想看什么样的手机？主要用来做什么？是要便宜点的吗？", "bad_question"),
    ("needs-questions", "您好！您一个人来的？家里人知道吗？想看什么样的手机？主要用来做什么？", "bad_question"),
    ("needs-questions", "您好！您想看什么样的手机？主要用来做什么？您老公同意您买吗？", "bad_question"),
    ("needs-questions", "您好！学生吧？想看什么样的手机？平时主要用来做什么？是打游戏用的吗？", "bad_question"),
    ("needs-questions", "您好！您想看什么样的手机？平时主要用来做什么？这么大年纪了还玩手机啊？", "bad_question"),
])  # fmt: skip
def test_10_session_44_rudeness_in_new_words_costs_points_beside_a_good_answer(scenario, text, penalty):
    assert penalty in met(scenario, text)


@pytest.mark.parametrize("scenario, text, penalty", [
    ("decline-policy", "先生，我得跟您讲清楚，今天这卡我是真补不了，不是看您不像好人啊，您别误会。您朋友回来本人办就行。", "forbidden"),
    ("complaint-billing", "王先生，真对不起让您生气了，您不用再打10000了，多扣的50元我马上帮您查明细，核实后退回您账户。谢谢您告诉我们。", "forbidden"),
    ("needs-questions", "您好！您是学生的话，我们有学生优惠，需要了解一下吗？想看什么样的手机？平时主要用来做什么？", "bad_question"),
    ("needs-questions", "您好！想看什么样的手机？预算大概多少？老人家用的话要不要大字版？", "bad_question"),
    ("listening-restate", R + "我先帮您检测一下手机，看看问题出在哪里。", "judgement"),
])  # fmt: skip
def test_10_session_44_kind_lines_beside_those_words_are_not_penalised(scenario, text, penalty):
    assert penalty not in met(scenario, text)


@pytest.mark.parametrize("scenario, text, criterion", [
    # a check announced, waved aside or said needless asks him nothing
    ("listening-restate", "我跟您确认一下情况：您上周六买的手机，打电话老断线，信号一两格，重启了好几次，家里人的卡都好好的。", "confirm"),
    ("listening-restate", "您上周六买的手机，打电话老断线，信号一两格，重启了好几次，家里人的卡都好好的。先不管我理解得对不对，我们先检测吧。", "confirm"),
    ("listening-restate", "您上周六买的手机，打电话老断线，信号一两格，重启了好几次，家里人的卡都好好的。我理解得对，您不用再说了。", "confirm"),
    # his facts asked again, said the wrong way round, or not his
    ("listening-restate", "您的手机打电话老是断线，家里人用我们的卡信号怎么样？", "fact_contrast"),
    ("listening-restate", "您的手机打电话老是断线，家里人用我们的卡信号怎么样？", "confirm"),
    ("listening-restate", "您的手机信号其实挺好的，重启好几次也没用，家里人的卡都正常，我理解得对吗？", "fact_symptom"),
    ("listening-restate", "您上周六买的手机，打电话不会断线，信号也还行，重启了好几次，家里人的卡都好好的，对吗？", "fact_symptom"),
    ("listening-restate", "您上周六买的手机，打电话老断线，信号一两格，重启了好几次，家里人的卡也都不好，对吗？", "fact_contrast"),
    ("listening-restate", "您上周六买的手机，打电话老断线，信号一两格，重启了好几次，家里人还没用过我们的卡，对吗？", "fact_contrast"),
    ("listening-restate", "您上周六买的手机，打电话老断线，信号一两格，重启了好几次，家里人的卡好不好您也不清楚，对吗？", "fact_contrast"),
    ("listening-restate", "您上周六买的新手机，信号满格，就是偶尔有点卡，重启过几次，家里人的卡也一样，对吧？", "fact_contrast"),
    ("listening-restate", "您上周六买的手机，打电话老断线，信号一两格，重启没试过，家里人的卡都好好的，对吗？", "fact_tried"),
    ("listening-restate", "您上周六买的手机，打电话老断线，信号一两格，重启了一下就好了，家里人的卡都好好的，对吗？", "fact_tried"),
    ("listening-restate", "您的手机上周六还好好的，打电话老断线，信号一两格，重启了好几次，家里人的卡都好好的，对吗？", "fact_when"),
    # his overcharge turned into money given him or used by him; no sorry owed is none said
    ("complaint-billing", "王先生，实在对不起，这个月多退了您50元，我马上帮您核查。", "restate"),
    ("complaint-billing", "王先生，这个月您多用了50元的流量费，账单上都写着呢。", "restate"),
    ("complaint-billing", "王先生，这事不用说对不起，系统出错很正常，多扣的50元我帮您查明细。", "apology"),
    # an exception made or sought, a kindness beside the point, a way that is none, a cause that is not why
    ("decline-policy", "我理解您想帮朋友。按实名制规定本来需要本人或授权代办，这是为了保护号码安全。不过看您挺着急，我就给您破个例吧，我可以现在就给您补。", "my_offer"),
    ("decline-policy", "按实名制规定今天办不了。我可以先用我的身份证帮您办一张新卡临时用着。", "my_offer"),
    ("decline-policy", "按实名制规定今天没法直接给您办。您可以把您朋友的服务密码告诉我，我用密码验证一下就给您办。", "your_option"),
    ("decline-policy", "按实名制规定今天办不了。我可以帮您问问领导能不能通融。", "my_offer"),
    ("decline-policy", "这个办不了，这是为了保护您朋友的号码安全。我能帮您的都会帮的。", "my_offer"),
    ("decline-policy", "这个办不了，这是为了保护您朋友的号码安全。我可以帮您叫保安。", "my_offer"),
    ("decline-policy", "这个办不了，按实名制规定要本人。我可以把需要的材料写在纸上给您。您可以去别家试试。", "your_option"),
    ("decline-policy", "这个办不了，按实名制规定要本人。我可以把需要的材料写在纸上给您。您可以找个熟人走走关系。", "your_option"),
    ("decline-policy", "我很理解您想帮朋友。今天没法直接给您办，这是为了保护您朋友的号码安全。我不可以帮您写材料清单，您朋友也不可以写授权书代办。", "my_offer"),
    ("decline-policy", "我很理解您想帮朋友。今天没法直接给您办，这是为了保护您朋友的号码安全。我不可以帮您写材料清单，您朋友也不可以写授权书代办。", "your_option"),
    ("decline-policy", "我很理解您想帮朋友。今天办不了，因为今天人太多了。我可以把需要的材料写给您。您朋友可以写授权书，您带他身份证原件来办。", "reason"),
    ("decline-policy", "我很理解您想帮朋友。今天办不了，因为快下班了。我可以把需要的材料写给您。您朋友可以写授权书，您带他身份证原件来办。", "reason"),
])  # fmt: skip
def test_4_session_44_hollow_refused_or_reversed_words_earn_nothing(scenario, text, criterion):
    assert criterion not in met(scenario, text)


@pytest.mark.parametrize("scenario, text, criterion", [
    ("listening-restate", "姐，您这手机买了才一个礼拜不到，打电话总断，信号也不行，重启好几回没用，您家里人的卡信号倍儿棒，我没说错吧？", "fact_contrast"),
    ("listening-restate", "您上周六买的手机，打电话老断线，信号一两格，重启了好几次，家里人的卡都好好的。我这么讲您认可吗？", "confirm"),
    ("complaint-billing", "王先生，遇上这种事我也替您着急，这个月多扣的50元我这就帮您调明细核查。", "empathy"),
    ("complaint-billing", "王先生，三番五次地这样，您有意见是应该的，这个月多扣的50元我这就帮您调明细核查。", "empathy"),
    ("complaint-billing", "王先生，真抱歉让您生气了，这个月多扣的50元我这就帮您调明细核查。多亏您提醒，不然我们还发现不了。", "thanks"),
    ("needs-questions", "您好！想睇下边款？平时手机主要做咩用？预算大概几多？系咪要大屏嘅？", "order"),
    ("needs-questions", "您好！你想揾部点样嘅手机？平时用嚟做咩？系咪想要大芒嘅？", "order"),
    ("needs-questions", "您好！您想瞅瞅啥样的手机？平常拿它干哈呀？是想要大屏的不？", "open_questions"),
])  # fmt: skip
def test_8_session_44_regional_and_plain_words_for_a_fact_a_check_a_feeling_and_a_question(scenario, text, criterion):
    assert criterion in met(scenario, text)


@pytest.mark.parametrize("scenario, text, criterion, says", [
    ("listening-restate", R[:-4] + "。先不管我理解得对不对，我们先检测吧。", "confirm", "把确认省掉"),
    ("decline-policy", "我理解您想帮朋友。今天办不了，因为今天人太多了。您朋友可以写授权书，您带他身份证原件来办。", "reason", "真正原因"),
    ("decline-policy", "按实名制规定今天办不了。我可以帮您问问领导能不能通融。您朋友可以回来自己办。", "my_offer", "争取破例"),
])  # fmt: skip
def test_11_session_44_words_that_spoil_a_point_are_named_with_why(scenario, text, criterion, says):
    line = next(c.feedback for c in carecourse.grade(scenario, text).criteria if c.id == criterion)
    assert says in line


# The second round of session 44 (four more trainer sessions: a follow-up-promise sweep, the door and
# the phone, the truth of the feedback, and polite replies wrongly penalised).
F = "需要师傅上门检测线路，今天排满了，我今晚8点前打电话给您。"


@pytest.mark.parametrize("scenario, text, penalty", [
    ("follow-up-promise", "先生，您報修得太晚了，今天師傅都排滿了。明天上午十點前我打電話給您。", "forbidden"),
    ("follow-up-promise", "您是不是自己把线碰掉了？" + F, "forbidden"),
    ("follow-up-promise", "您这个情况我见多了，一般都是用户自己弄的。" + F, "forbidden"),
    ("follow-up-promise", "您当初装的时候就该选光纤套餐。" + F, "forbidden"),
    ("follow-up-promise", "您爱等不等吧。" + F, "forbidden"),
    ("follow-up-promise", "我们又不是24小时服务。" + F, "forbidden"),
    ("follow-up-promise", "理解您着急。系统就是这么规定的，我也改不了。今晚8点前我打电话给您。", "forbidden"),
    ("follow-up-promise", "您要实在急，可以去隔壁移动办一个嘛。" + F, "forbidden"),
    ("follow-up-promise", "我知道您很急，但急也得排队。" + F, "forbidden"),
    ("follow-up-promise", "哟，明天要办公啊，那可真是太急了呢。" + F, "forbidden"),
    ("follow-up-promise", "理解理解，谁家还没个断网的时候呢。" + F, "forbidden"),
    ("follow-up-promise", "先生，是是是，您最忙了。" + F, "forbidden"),
    ("follow-up-promise", "理解您着急。需要师傅上门检测线路，今天排满了。明天您一定能正常办公的，放心吧。", "overpromise"),
    ("complaint-billing", "知道了知道了，您先坐那边，前面还有两位，轮到您了我再查。", "forbidden"),
    ("complaint-billing", "王先生，非常抱歉，您去隔壁窗口重新排个队吧。", "forbidden"),
    ("phone-answer", "您好，让您久等了，这里是阳光路营业厅，我是小林，我是你爸爸，请问有什么可以帮您？", "forbidden"),
    ("greet-entry", "您好，欢迎光临！请问您办理什么业务？这边请，我带您去取号，土包子。", "forbidden"),
    ("greet-entry", "您好，欢迎光临！请问您办理什么业务？这边请，别磨磨蹭蹭的。", "forbidden"),
    ("greet-entry", "您好，欢迎光临！请问您办理什么业务？您看得懂字吗？取号机在那儿。", "forbidden"),
    ("phone-answer", "您好，让您久等了，这里是阳光路营业厅，我是小林，请问有什么可以帮您？咨询问题请打10086，我们这里只办业务。", "forbidden"),
    ("phone-answer", "您好，对不起我们不接受电话投诉，这里是阳光路营业厅，我是小林。", "forbidden"),
    ("greet-entry", "您好，欢迎光临！请问您办理什么业务？这边请……算了，那边也满了，您出去等吧。", "forbidden"),
    ("phone-answer", "您好，这里是阳光路营业厅，我是小林，请问有什么可以帮您？打之前先想好要问什么。", "forbidden"),
    ("greet-entry", "您好，欢迎光临。又来办啥？这边请。", "forbidden"),
    ("phone-answer", "让您久等了？我们这忙得要死，哪有空接电话。这里是阳光路营业厅，我是小林。", "forbidden"),
    ("greet-entry", "您好，欢迎光临！请问您办理什么业务？取号机坏了，您随便找个地方等吧。", "forbidden"),
])  # fmt: skip
def test_10_session_44_second_round_rudeness_costs_points(scenario, text, penalty):
    assert penalty in met(scenario, text)


C = "我确认一下：您上周六买的手机，用了不到一周，打电话老断线、信号只有一两格，重启了好几次也没用，家里人用我们的卡信号都好。我理解得对吗？"


@pytest.mark.parametrize("scenario, text, penalty", [
    ("listening-restate", C + "这种情况不是您操作的问题，我们来帮您查。", "judgement"),
    ("listening-restate", C + "您别自责，这跟您会不会用手机没关系。", "judgement"),
    ("listening-restate", C + "可能是手机本身的问题，也可能是卡的问题，不是您用得不对，我们检测一下就知道。", "judgement"),
    ("listening-restate", C + "您放心，这不可能是您用法的问题，我马上帮您检测。", "judgement"),
    ("listening-restate", C + "您不用怀疑自己是不是不会用，新手机出这种问题我们来查。", "judgement"),
    ("listening-restate", C + "您重启的做法没错，一般遇到这种情况大家都是这样处理的。", "judgement"),
    ("follow-up-promise", "非常抱歉，我理解您的着急。故障需要师傅上门，今天安排不了。我跟您保证，今天下午5点前给您回电话，告诉您师傅上门的时间。", "overpromise"),
    ("needs-questions", "您好，欢迎光临！您一个人来的话不着急，我陪您慢慢看。请问您想看什么样的手机？您平时用手机主要做什么？您是想要拍照好一点的，对吗？", "bad_question"),
    ("phone-answer", "您好，抱歉让您久等了。这里是电信营业厅，我是小张，工号1032。电话里有点杂音，麻烦您大点声，请问有什么可以帮您？", "forbidden"),
    ("decline-policy", "我们这里有监控的，每一单都要拍照存档，您没有机主证件我连单都开不了。您朋友回来本人办最快。", "forbidden"),
])  # fmt: skip
def test_10_session_44_kind_replies_that_take_his_side_are_not_penalised(scenario, text, penalty):
    assert penalty not in met(scenario, text)


@pytest.mark.parametrize("scenario, text, criterion", [
    ("follow-up-promise", "理解您着急。需要师傅上门检测线路，今天排满了。明天上午10点前师傅肯定来不了，什么时候来我也说不准。", "commitment"),
    ("follow-up-promise", "我理解您明天要办公。这个要师傅上门修，今天修不了。我下午5点前不会给您打电话的，您自己关注短信。", "commitment"),
    ("complaint-billing", "非常抱歉，我理解您的心情，多扣的50元我帮您核查了也没用，退还是不可能的。谢谢。", "action"),
    ("listening-restate", "您上周六买的手机，打电话老断线，信号一两格，重启了好几次，家里人的卡都好好的。您带发票了，对吗？", "confirm"),
    ("listening-restate", "您上周六买的手机，打电话老断线，信号一两格，重启了好几次，家里人的卡都好好的。这种事搁谁身上不闹心啊，对吧？", "confirm"),
    ("listening-restate", "您上周六买的手机，一周不到就总断线，重启好几次也不行，家人用我们的卡却没问题。您看是这样吧，不用回答了，我直接给您检测。", "confirm"),
])  # fmt: skip
def test_4_session_44_a_time_denied_a_refused_check_or_a_tag_elsewhere_earns_nothing(scenario, text, criterion):
    assert criterion not in met(scenario, text)


@pytest.mark.parametrize("scenario, text, criterion", [
    ("decline-policy", "理解您帮朋友的好意。按实名制规定补卡必须本人或持身份证原件和授权书代办，今天办不了，是为了防止号码被冒用。建议您朋友在出差地就近找一家营业厅补卡；我这边先帮您查好附近营业厅的地址发给您。", "my_offer"),
    ("decline-policy", "您这份心意我理解。补卡按规定要机主本人或带证件和授权书，今天确实办不了。让您朋友出差回来带身份证来就行；或者我把授权书给您带回去。", "my_offer"),
    ("follow-up-promise", "理解理解，没网办公太难受了。故障需要师傅上门，今天排不到。明天上午10点前我给您打电话确认师傅上门时间。", "empathy"),
    ("complaint-billing", "王先生，对不起，您的不满是有道理的。多扣的50元我马上帮您核查，多扣的给您退还。谢谢您来反映。", "empathy"),
    ("complaint-billing", "王先生，对布起，这个月多扣了您50块钱，我理解您的心情。我马上帮您核查一下，多扣的给您退还。谢谢您。", "apology"),
])  # fmt: skip
def test_8_session_44_everyday_offers_feelings_and_a_typed_sorry(scenario, text, criterion):
    assert criterion in met(scenario, text)


# The third round of session 44 (kind words, decline-policy's order and ways, realistic first attempts).
@pytest.mark.parametrize("scenario, text, penalty", [
    ("complaint-billing", "王先生，实在抱歉，我理解您的心情。这50元多扣的事，我不管查到多晚都给您弄清楚，核实后马上退还。谢谢您的信任。", "forbidden"),
    ("follow-up-promise", "我理解您着急，明天办公要紧。我不管别的，先把您的单子加急：师傅要上门查线路，今天排不上，明早九点前师傅会打电话联系您。", "forbidden"),
    ("complaint-billing", "王先生，抱歉，多扣了您50元，换谁都着急。您不用着什么急，慢慢说，我现在就帮您查询扣费，查清楚后退给您。谢谢您。", "forbidden"),
    ("listening-restate", "我确认一下：您上周六在这买的手机，不到一周，打电话老断、信号一两格；重启好几次没用；家里人用我们的卡信号都好。您不用着什么急，我理解得对吗？", "judgement"),
    ("complaint-billing", "王先生，对不起，多扣了您50元，我理解您的心情。我也没办法看着您白跑一趟，所以今天一定帮您核查清楚，多扣的当场退还。谢谢您。", "forbidden"),
    ("phone-answer", "您好！抱歉响了这么多声才接，这里是电信北门营业厅，我是李娜。要是电话里说不清，您也可以打10000，或者过来我当面帮您。请问有什么事？", "forbidden"),
    ("follow-up-promise", "我理解您明天要办公的着急。这个故障得师傅上门检修，今天来不及。我马上给您下加急单，明早九点前师傅电话联系您。这个我可以保证，九点前一定有人打给您。", "overpromise"),
    ("listening-restate", "我跟您对一下：上周六买的手机，用了不到一个星期，电话老是断，信号一两格；重启好几次都没用；可您家里人用我们的卡都好好的。所以不是您不会用，是手机或卡可能有问题。我这么理解对吗？", "judgement"),
])  # fmt: skip
def test_10_session_44_a_concession_or_a_reassurance_is_no_taboo(scenario, text, penalty):
    assert penalty not in met(scenario, text)


@pytest.mark.parametrize("scenario, text, penalty", [
    ("needs-questions", "您好，欢迎光临！您看了这么久还没想好吗？您想要什么样的？平时用手机做什么？是要大屏的吗？", "bad_question"),
    ("needs-questions", "您好！请问您想看哪方面的手机？您预算够不够啊？您平时主要用来干什么？想要拍照好的对吗？", "bad_question"),
    ("needs-questions", "您好，欢迎光临！您是给孙子买的吧？您想看什么价位的？平时主要用来做什么？", "bad_question"),
    ("decline-policy", "我理解您想帮朋友，按实名制规定补卡要本人。您不会连个授权书都不会写吧？您朋友签好授权书再来。", "forbidden"),
    ("decline-policy", "我理解您想帮朋友，可怎么就您事多呢？按实名制规定补卡要本人。您朋友可以回来自己办。", "forbidden"),
    ("follow-up-promise", "先生，放心吧，这种小问题师傅一去就好了，明天上午师傅会打电话给您。", "overpromise"),
])  # fmt: skip
def test_10_session_44_third_round_pushy_questions_mockery_and_a_fix_on_arrival_cost_points(scenario, text, penalty):
    assert penalty in met(scenario, text)


@pytest.mark.parametrize("scenario, text, criterion", [
    ("needs-questions", "您好！现在谁还用老手机呢？哪有人不喜欢大屏的？是要大屏的吗？", "open_questions"),
    ("decline-policy", "先生，这个我理解，但我做不了主，您可以问问我们经理。", "your_option"),
    ("decline-policy", "我理解您想帮朋友，按实名制规定今天办不了。算了，我先偷偷给您办了吧，您朋友回来补个授权书。", "my_offer"),
])  # fmt: skip
def test_4_session_44_rhetorical_questions_a_manager_and_a_secret_exception_earn_nothing(scenario, text, criterion):
    assert criterion not in met(scenario, text)


@pytest.mark.parametrize("scenario, text, criterion", [
    ("listening-restate", "我确认一下：上周六买的手机，用了不到一周，打电话老断线，信号一两格；您重开过好几次；同一个家里，您老伴用我们的卡信号就好好的。是这样吗？", "fact_contrast"),
    ("listening-restate", "我确认一下：上周六买的手机，用了不到一周，打电话老断线，信号一两格；您已经重启过好几次了；您屋头人用我们的卡信号都巴适得很。是这样吗？", "fact_contrast"),
    ("follow-up-promise", "我好明白您好紧张，听日要喺屋企返工。呢个故障要师傅上门睇线路，今日搞唔掂。听朝十点前师傅会打电话俾您，约好时间上门。", "empathy"),
    ("follow-up-promise", "真係明白你嘅難處，聽日要喺屋企做嘢。呢個故障要師傅上門睇線路，今日搞唔掂。聽朝十點前師傅會打電話俾你，約好時間上門。", "empathy"),
])  # fmt: skip
def test_8_session_44_a_spouse_sichuan_words_and_cantonese_empathy(scenario, text, criterion):
    assert criterion in met(scenario, text)


# The fourth round of session 44 (replies in dialect and regional script).
@pytest.mark.parametrize("scenario, text, item", [
    ("needs-questions", "你好！你係咪嚟偷嘢㗎？想睇咩款？平時用嚟做咩？", "bad_question"),
    ("needs-questions", "您好！你是不是莫得钱哦？想看啥子手机？平时拿来做啥子？", "bad_question"),
    ("needs-questions", "侬好！侬到底买伐？想看啥个手机？平常用来做啥？", "bad_question"),
    ("listening-restate", "您上個禮拜六買嘅手機，打電話成日斷線，訊號得一兩格，重啟咗幾次都唔得，屋企人用我哋嘅卡就冇事，係咪咁？係咪您自己放錯卡？", "judgement"),
    ("complaint-billing", "王先生，对勿起，多扣了侬50块，我马上帮侬查一查，侬脑子拎拎清好伐。", "forbidden"),
    ("complaint-billing", "王先生，不好意思，你莫吼，吼也莫得用，多扣那50块我帮你查一哈。", "forbidden"),
    ("follow-up-promise", "明白你好急。師傅要上門，今日搞唔掂，包喺我身上，聽日朝早實搞掂。", "overpromise"),
    ("complaint-billing", "王生，唔好意思，我好明白您嘅心情。多扣咗50蚊我即刻幫您查吓張單，多收咗就退返俾您。", "empathy"),
    ("complaint-billing", "王先生，真是失禮了，我能體諒您的心情。這個月多扣的50元我馬上幫您查詢，多收的退還給您。", "empathy"),
    ("complaint-billing", "王先生，真是失禮了，這個月多扣的50元我馬上幫您查詢，多收的退還給您。", "apology"),
    ("complaint-billing", "王先生，对勿起，这个月多扣侬50块，我马上帮侬查，多扣的退给侬。", "apology"),
    ("needs-questions", "您好！想睇咩手機？點解想換機？係咪要大屏？", "open_questions"),
])  # fmt: skip
def test_8_session_44_dialect_words_for_rudeness_feelings_sorry_and_a_question(scenario, text, item):
    assert item in met(scenario, text)


@pytest.mark.parametrize("scenario, text", [
    ("follow-up-promise", "告诉客户很理解他的着急，因为要上门所以今天修不了，明天上午9点前师傅会电话联系。"),
    ("decline-policy", "我会先表示理解，然后解释实名制规定，再告诉他可以带授权书和身份证原件来办，或者让朋友在当地补卡。"),
    ("complaint-billing", "我会先向王先生道歉，表示理解他的心情，然后复述多扣50元的问题，再帮他查询账单，最后感谢他。"),
    ("complaint-billing", "应该先道歉，再说理解他的心情，然后说帮他核查多扣的50元并退还，最后谢谢他。"),
    ("listening-restate", "我会把顾客说的购买时间、断线的情况、重启过和家人卡正常这几点复述一遍，然后问他对不对。"),
    ("listening-restate", "先复述客户的问题，比如购买时间和断线情况，再问客户我理解得对不对。"),
])  # fmt: skip
def test_11_a_plan_told_instead_of_said_is_flagged_like_an_outline(scenario, text):
    """"我会先道歉，然后……" describes the reply instead of saying it (session 44): flagged, scored 0,
    and the flag says so."""
    result = carecourse.grade(scenario, text)
    assert [f.id for f in result.flags] == ["keyword_list"] and result.score == 0
    assert "做法说明" in result.flags[0].message


@pytest.mark.parametrize("scenario, text", [
    ("listening-restate", "先确认下我没理解错：买了不到一周，通话老断，信号就一两格，家人的卡都正常，重启无效。对吗？"),
    ("greet-entry", "您好，欢迎光临！（边说边引导客户走到咨询台）请问您办理什么业务？这边请。"),
    ("complaint-billing", "王先生，我先帮您查一下，然后给您回电话，再把多扣的退给您。对不起让您生气了。"),
])  # fmt: skip
def test_11_words_said_to_him_or_a_stage_direction_are_no_plan_told(scenario, text):
    assert not carecourse.grade(scenario, text).flags


@pytest.mark.parametrize("scenario, text, item", [
    ("complaint-billing", "王先生，我懂您的心情，多扣的50元我马上帮您核查。", "empathy"),
    ("complaint-billing", "王先生，看得出您很生气，多扣的50元我马上帮您核查。", "empathy"),
    ("complaint-billing", "王先生，對於本月帳單多扣50元一事，我們深感抱歉，亦明白您的不滿。我會即時為您核查扣費紀錄。", "empathy"),
    ("listening-restate", "您上周六买的手机，不到一周就老断线，信号一两格，重启好几次也没用，家人的卡都正常，对吗？不过新手机刚开始信号差一点也是正常的。", "judgement"),
    ("listening-restate", "您上周六买的手机，不到一周就老断线，信号一两格，重启好几次也没用，家人的卡都正常，对吗？新手机不会有这种问题的。", "judgement"),
    ("listening-restate", "您上周六买的手机，不到一周就老断线，信号一两格，重启好几次也没用，家人的卡都正常，对吗？这种问题很常见，没什么大不了的。", "judgement"),
    ("needs-questions", "您好！您想看什么样的手机？平时用来做什么？您买得起这款吗？", "bad_question"),
    ("needs-questions", "您好！您想看什么样的手机？平时用来做什么？您这种老人家用老人机就够了吧？", "bad_question"),
    ("follow-up-promise", "理解您着急。师傅明天上午上门，铁定能修好，上门前打电话给您。", "overpromise"),
])  # fmt: skip
def test_8_session_44_the_same_meaning_in_other_words_is_graded_alike(scenario, text, item):
    assert item in met(scenario, text)


@pytest.mark.parametrize("scenario, text", [
    ("follow-up-promise", "我会告诉他今天修不了，需要师傅上门，明天上午10点前给他打电话。"),
    ("needs-questions", "先问他想看什么样的手机，再问他平时用来做什么，最后问他是不是要大屏的。"),
    ("complaint-billing", "首先，我会向王先生道歉；其次，帮他查询账单；最后，感谢他。"),
])  # fmt: skip
def test_11_a_plan_told_in_other_words_is_flagged_too(scenario, text):
    assert [f.id for f in carecourse.grade(scenario, text).flags] == ["keyword_list"]


def test_11_stage_directions_beside_the_words_said_are_no_keyword_list():
    """"（微笑）欢迎光临！（伸手示意）这边请…" names 微笑 and 示意 only as what the staff member does
    while speaking (session 44; labellers credit such replies on dev: +13 −2); bare names still list."""
    spoken = carecourse.grade("greet-entry", "（微笑）欢迎光临！（伸手示意）这边请，请问您办理什么业务？")
    assert not spoken.flags and spoken.score == spoken.max_score
    assert [f.id for f in carecourse.grade("greet-entry", "（微笑）（鞠躬）欢迎光临 （引导）这边请").flags] == ["keyword_list"]


@pytest.mark.parametrize("scenario, text, penalty", [
    ("complaint-billing", "王先生，实在抱歉，又让您碰上多扣费，我理解您的火气。不是您没看清账单，是我们的账单写得太复杂了。我马上帮您核查这50元，多扣的立刻退还。谢谢您来反映。", "forbidden"),
    ("complaint-billing", "王先生，非常抱歉，我理解您很生气。您别误会，不是说您弄错了，我是想先帮您把这50元的扣费明细查清楚，多扣的马上退还。谢谢您来找我们。", "forbidden"),
    ("follow-up-promise", "您明天要办公，这事确实急，我理解。不是您家路由器设置错了，是小区外线的光缆断了，要师傅上门接，今天来不及了。我今晚八点前打电话告诉您明天几点上门。", "forbidden"),
    ("listening-restate", "您上周六买的手机，不到一周老断线、信号一两格，家里人用我们的卡都好，您重启好几次也不行，对吗？放心，这个不是您的问题，我来帮您处理。", "judgement"),
    ("listening-restate", "我确认一下：上周六买的手机，不到一周老掉线、信号一两格，家人的卡都正常，您已经重启好几次了，对吗？您不是不会用，是手机可能有问题，我帮您查。", "judgement"),
    ("listening-restate", "我确认一下：上周六您在这买的手机，不到一周，通话老断、信号一两格；家人用我们的卡都好；您重启好几次了，对吗？不是您想多了，这确实不正常，我马上帮您检测。", "judgement"),
    ("complaint-billing", "王先生，对不起，多扣了您50块，这都是我们的错，我理解您的心情。我马上核查账单，多扣的立刻退还。谢谢您告诉我们。", "forbidden"),
    ("follow-up-promise", "我特别理解您着急。宽带要师傅上门换设备，今天派不出人了。今晚八点前我给您打电话告知明天上门时间，这一点我保证做到。", "overpromise"),
    ("complaint-billing", "王先生，真对不起。之前同事让您自己打10086去问，这是我们推脱了，我向您道歉。我理解您的心情，这次我来帮您查这50元扣费，查实多扣马上退还。谢谢您再来一趟。", "forbidden"),
])  # fmt: skip
def test_10_session_44_the_blame_taken_off_him_or_owned_and_a_callback_vowed_are_no_penalty(scenario, text, penalty):
    assert penalty not in met(scenario, text)


@pytest.mark.parametrize("scenario, text", [
    ("complaint-billing", "是是是，都是我们的错，行了吧，我帮您查。"),
    ("greet-entry", "您好，欢迎光临！请问办什么业务？……哎您先把门关上，空调钱可不是您出。"),
])  # fmt: skip
def test_10_sarcasm_that_looks_like_owning_or_clearing_still_costs_points(scenario, text):
    assert "forbidden" in met(scenario, text)


@pytest.mark.parametrize("scenario, text, penalty", [
    ("phone-answer", "喂，您好，这里是阳光路营业厅，我是小王。电话太多了，哪接得过来，有什么事？", "forbidden"),
    ("phone-answer", "您好，这里是阳光路营业厅，我是小王，请问有什么可以帮您？您下次别在高峰期打。", "forbidden"),
    ("greet-entry", "您好，欢迎光临，这么晚才来啊，请问办什么业务？这边请。", "forbidden"),
    ("greet-entry", "您好，欢迎光临！请问办什么业务？别把地弄脏了，这边请。", "forbidden"),
    ("needs-questions", "您好！您想看什么样的手机？平时用来做什么？您知道什么是5G吗？", "bad_question"),
    ("needs-questions", "您好！您想看什么样的手机？平时用来做什么？您好像不太会用智能手机吧？", "bad_question"),
    ("needs-questions", "您好！您想看什么样的手机？平时用来做什么？这款功能很复杂您会用吗？", "bad_question"),
    ("needs-questions", "您好！您想看什么样的手机？平时用来做什么？是不是在别家看过了嫌贵才来？", "bad_question"),
])  # fmt: skip
def test_10_session_44_realistic_cold_lines_at_the_door_and_on_the_phone_cost_points(scenario, text, penalty):
    assert penalty in met(scenario, text)


# --- learners' red team, session 45: three trainer sessions, about 520 replies -----------------

R45 = "您是说上周六买的手机，打电话老断线，信号一两格，重启过好几次，家里人的卡都好好的，对吗？"


@pytest.mark.parametrize("scenario, text, penalty", [
    # blame put as a question, the absent friend belittled
    ("decline-policy", "出门前都不打听一下？补卡要本人或者身份证原件加授权书，您朋友可以回来自己办。", "forbidden"),
    ("decline-policy", "让他签个名写个授权书很难吗？规定就是实名制，没证件办不了。", "forbidden"),
    ("decline-policy", "谁家补卡不带证件的？实名制规定要本人或授权代办，您朋友可以回来自己办。", "forbidden"),
    ("decline-policy", "要我说您朋友也是心大，卡丢了还出差。按实名制规定要本人或授权代办，您朋友可以回来后自己办。", "forbidden"),
    ("decline-policy", "您朋友那么大个人了，补个卡还要别人跑？实名制规定要本人或授权代办，您可以让他写个授权书。", "forbidden"),
    # his worry waved off, the service left to luck, his work from home mocked
    ("follow-up-promise", "我特别理解您的心情，可是着急能把网急好吗？师傅明天上午10点前会打电话联系您上门。", "forbidden"),
    ("follow-up-promise", "哎，您急我也急，可急有什么用呢，是吧？师傅明天上午会给您打电话。", "forbidden"),
    ("follow-up-promise", "你急个啥嘛，明儿个师傅就来了，上午十点前给你打电话。", "forbidden"),
    ("follow-up-promise", "修不修得好看运气吧，我们已经派单了，明天上午会有人打电话给您。", "forbidden"),
    ("follow-up-promise", "在家办公？那您就不能去网吧吗？今天修不了，明天师傅会打电话给您约时间。", "forbidden"),
    ("follow-up-promise", "您工作重要，别人工作就不重要啦？师傅明天上午9点前会打电话给您。", "forbidden"),
    ("follow-up-promise", "您再在这儿闹，我可就给您工单往后排了。师傅明天上午10点前会打电话。", "forbidden"),
    ("complaint-billing", "理解理解，那我给您提个工单，后台核实了会联系您，快不快就看他们心情了。", "forbidden"),
    # suspicion, his ears or wits, mockery, guilt and sending off, in Mandarin and dialect
    ("decline-policy", "您这样的我见多了，谁知道是不是真朋友。实名制规定要本人或授权书，您朋友可以自己回来办。", "forbidden"),
    ("decline-policy", "您耳朵是不是不太好？实名制规定，必须本人或者身份证原件加授权书。您可以让您朋友回来办。", "forbidden"),
    ("decline-policy", "你系咪傻㗎？冇授权书补乜嘢卡啊，实名制规定，叫你朋友自己返嚟办啦。", "forbidden"),
    ("decline-policy", "你是听不懂喔？没有授权书就是不行啦，实名制规定，你朋友可以自己回来办啦。", "forbidden"),
    ("decline-policy", "您面子可真大，一句通融就想把别人的卡补了？实名制规定要本人，您朋友可以自己回来办。", "forbidden"),
    ("decline-policy", "我们也是打工的，您为难我有意思吗？按规定必须本人或者授权代办，您可以让朋友写个授权书再来。", "forbidden"),
    ("decline-policy", "您这要求我满足不了，您要是不服可以去投诉。按实名制规定要本人，您朋友可以回来自己办。", "forbidden"),
    ("decline-policy", "我说第二遍了，没有身份证原件和授权书办不了，这是实名制规定。您下次带齐了再来。", "forbidden"),
    # at the door and on the phone
    ("greet-entry", "唉，又来一个。您好，请问您办理什么业务？这边请，我帮您取号。", "forbidden"),
    ("greet-entry", "您好，请问您办理什么业务？您身上什么味儿啊？这边请，离别人远点。", "forbidden"),
    ("greet-entry", "您好，进门先看清楚好吗？取号机就在你眼前。请问办什么业务？", "forbidden"),
    ("phone-answer", "您好，久等了，这里是阳光路营业厅，我是工号1024小王，请问有什么可以帮您？如果没什么要紧事我就先挂了啊。", "forbidden"),
    ("phone-answer", "您好，让您久等了，这里是阳光路营业厅，我是小林，请问有什么可以帮您？您这么有耐心，一般人响三声就挂了。", "forbidden"),
    ("phone-answer", "您好，让您久等了，这里是阳光路营业厅，我是小林，请问有什么可以帮您？听您声音是老人家吧，要不让您孩子来打？", "forbidden"),
    # the charge called normal or put down to him
    ("complaint-billing", "王先生，抱歉。我帮您查询过了，您这个月多扣的50元是因为您自己开了增值业务。", "forbidden"),
    ("complaint-billing", "王先生，非常抱歉，我理解您的心情。您回家自己在APP上查一下账单明细就清楚了。", "forbidden"),
    # his skill, purse, purpose or phone judged among the phones
    ("needs-questions", "您好，您平时用手机主要做什么？您想看看什么价位的？您是不是连微信都不太会用啊？", "bad_question"),
    ("needs-questions", "您好，您这个样子应该买不起旗舰机吧？您平时手机主要用来做什么？是要便宜实用的，对吗？", "bad_question"),
    ("needs-questions", "您好，您平时用手机主要做什么？您比较看重哪些方面？您不会是来偷手机的吧？", "bad_question"),
    ("needs-questions", "您好，您平时用手机主要做什么？您是不是在网上看好了，来我们这儿比个价就走？", "bad_question"),
    ("needs-questions", "您好，您这手机是什么牌子的？杂牌吧？您想换个什么样的？是不是要国产的？", "bad_question"),
    ("needs-questions", "您好，看您年紀也不小了，您平時用手機主要做什麼？您該不會連智慧型手機都沒用過吧？", "bad_question"),
    # his account doubted or his phone, place or choice blamed after a good restatement
    ("listening-restate", R45 + "一般不会这样的。", "judgement"),
    ("listening-restate", R45 + "我觉得您有点太敏感了，一两格也能打电话啊。", "judgement"),
    ("listening-restate", R45 + "您家那边本来就是信号盲区，换哪个手机都一样。", "judgement"),
    ("listening-restate", R45 + "其实信号一两格也算正常范围，您要求有点高了。", "judgement"),
    ("listening-restate", R45 + "是您自己选的这款，当时我们也提醒过您。", "judgement"),
])  # fmt: skip
def test_10_session_45_rudeness_in_fresh_words_costs_points(scenario, text, penalty):
    assert penalty in met(scenario, text)


@pytest.mark.parametrize("scenario, text, penalty", [
    ("decline-policy", "先生，您这么热心帮朋友，这朋友交得值。但补卡要本人或身份证原件加授权书，这是实名制规定。我可以把材料写给您，您朋友可以回来自己办。", "forbidden"),
    ("listening-restate", R45[:-4] + "。一般新手机不会这样，所以我们得好好查一下。", "judgement"),
    ("listening-restate", "我再说一遍您看对不对：上周六买的手机，打电话老断线，信号一两格，重启好几次没用，家里人的卡都好好的。", "judgement"),
    ("phone-answer", "您好，让您久等了，这里是阳光路营业厅，我是小林。刚才柜台有位老人家耳朵不太好，我多说了几句。请问有什么可以帮您？", "forbidden"),
    ("follow-up-promise", "非常理解您明天要办公的着急。今天排满了，我给您约明天上午9点前上门，师傅出发前会打电话给您。别担心，您不用一直催，我会跟进。", "forbidden"),
    ("follow-up-promise", "哎呀明天要办公，那确实急。今天师傅都排满了，明天一早我给您排第一单，八点半左右，出发前给您打电话。", "forbidden"),
    ("decline-policy", "我理解您想帮朋友。按实名制规定要本人或授权代办，这是为了保护您朋友的号码安全。我可以把材料清单写给您，您朋友可以写授权书，您带他身份证原件来办。给您带来不便，敬请谅解。", "flat_no"),
])  # fmt: skip
def test_10_session_45_kind_lines_beside_those_words_are_not_penalised(scenario, text, penalty):
    assert penalty not in met(scenario, text)


@pytest.mark.parametrize("text", [
    "先生您好，您的心情我们十分理解。但为保障机主的通信安全与合法权益，补卡业务必须严格遵循实名制要求。敬请谅解。",
    "我理解您想帮朋友，但这个我们是有规定的，请您理解一下。",
    "先生，您的心情我完全能够理解，但按照公司规定，在缺少机主证件原件及书面授权的情况下，我们确实不具备为您办理的条件，请您谅解。",
    "唔得啊兄弟，规定就系规定。",
    "抱谦哈 规定死的 我也冒得权限",
])  # fmt: skip
def test_10_session_45_a_no_left_implicit_with_no_way_forward_is_a_flat_no(text):
    assert "flat_no" in met("decline-policy", text)


@pytest.mark.parametrize("scenario, text, criterion", [
    ("decline-policy", "先生，我理解您的好意，不过这个办不了，按照实名制规定需要本人或授权代办。我可以为您做的不多，您可以打10086问问。", "my_offer"),
    ("decline-policy", "先生，我理解您想帮朋友的心意，不过按照实名制规定，补卡要本人或授权代办，这是为了保护您朋友的号码不被冒用。我能为您做的已经做了。您朋友可以等回来再说。", "my_offer"),
    ("decline-policy", "先生，我理解您。按规定是不行的，我可以当作没看见。", "my_offer"),
    ("decline-policy", "先生，理解您想帮朋友。不过系统不让办，我也没办法。我可以给您倒杯水，您可以在这里坐一会儿。", "your_option"),
    ("decline-policy", "先生，理解您。这个真不能办，您可以让您朋友把身份证拍个照发过来，我就当原件给您办了。", "your_option"),
    ("complaint-billing", "王先生，非常抱歉，我理解您的心情。退还的事情我们一般不办的，您看看别的地方。谢谢。", "action"),
    ("complaint-billing", "王先生，非常抱歉，我理解您的心情。核查的话要等您下次带身份证来再说吧。谢谢。", "action"),
    ("follow-up-promise", "理解您，真的很着急。这个故障需要上门处理，我们会在下周之前联系您。", "commitment"),
    ("follow-up-promise", "理解您着急。需要师傅上门，今天排满了。我们一般两个工作日内联系客户，具体哪天不好说。", "commitment"),
    ("greet-entry", "您好，欢迎光临！请问您办理什么业务？取号机在哪我也不太清楚。", "guidance"),
    ("greet-entry", "您好，欢迎光临！请问您办理什么业务？我带您去……哦不对，我现在走不开。", "guidance"),
    ("greet-entry", "您好，欢迎光临！请问您办理什么业务？取号机坏了，您先站着等吧。", "guidance"),
    ("phone-answer", "您好，让您久等了！这里是阳光路营业厅，我叫什么不重要。请问有什么可以帮您？", "identify"),
])  # fmt: skip
def test_4_session_45_hollow_refused_put_off_or_vague_words_earn_nothing(scenario, text, criterion):
    assert criterion not in met(scenario, text)


@pytest.mark.parametrize("scenario, text, criterion", [
    ("phone-answer", "您好，让您久等了，移动营业厅，小王，请问有什么可以帮您？", "identify"),
    ("follow-up-promise", "理解您着急。这个故障需要师傅上门，今天排满了。明天上午10点前我会打电话联系您，具体几点师傅到我也说不准。", "commitment"),
    ("greet-entry", "您好，欢迎光临！请问您办理什么业务？这边请，我带您去取号。", "guidance"),
])  # fmt: skip
def test_8_session_45_a_short_introduction_and_a_time_given_with_an_honest_caveat_still_count(scenario, text, criterion):
    assert criterion in met(scenario, text)


@pytest.mark.parametrize("scenario, text, penalty", [
    # the second round: his side taken, a reassurance, genuine phones, a low-pressure welcome
    ("listening-restate", "我跟您确认一下：您上周六买的手机，用了不到一周，通话老断，信号只有一两格，您已经重启过好几次；您家里人用我们的卡信号都正常，所以不像是您那边的位置问题。是这样吗？", "judgement"),
    ("listening-restate", "先生，不是您想太多，您说的情况确实不正常：上周六买的手机，用了不到一个星期，打电话老断线、信号只有一两格，重启好几次也没用，而家里人的卡都好好的。我理解得对吗？", "judgement"),
    ("listening-restate", R45[:-4] + "。这不是您运气不好，我们一定帮您查清楚。是这样吗？", "judgement"),
    ("needs-questions", "您好！我们这里的手机都是正品行货，不是水货，您放心挑。请问您今天想看看哪一类手机？您平时最看重手机哪方面？", "bad_question"),
    ("needs-questions", "您好！慢慢看，不着急，随便看看打发时间也没关系。请问您对哪款手机比较感兴趣？您平时主要用手机做什么？", "bad_question"),
    ("needs-questions", "您好，看您转了好一会儿了，是不是有几款拿不定主意？您平时主要用手机做什么？预算大概多少？", "bad_question"),
    ("complaint-billing", "王先生，真对不起，让您生气了。您一点也不是斤斤计较，50块也是钱。我马上帮您核查账单，多扣的立刻退还。谢谢您告诉我们。", "forbidden"),
    ("complaint-billing", "王先生，真的很抱歉，我理解您。您不用自己去查，也不用打客服电话，多扣的50元我现在就帮您核查，谢谢您。", "forbidden"),
    ("complaint-billing", "王先生，真的很抱歉，我理解您。多扣50元这事，我们不会推给您自己去处理，我现在就帮您核查，谢谢您。", "forbidden"),
])  # fmt: skip
def test_10_session_45_second_round_kind_replies_are_not_penalised(scenario, text, penalty):
    assert penalty not in met(scenario, text)


@pytest.mark.parametrize("scenario, text, penalty", [
    ("listening-restate", R45 + "您是不是想太多了。", "judgement"),
    ("listening-restate", R45 + "那是您运气不好。", "judgement"),
    ("needs-questions", "您好，您平时用手机主要做什么？您比较看重哪些方面？您是不是只是来打发时间的？", "bad_question"),
    ("needs-questions", "您好，您平时用手机主要做什么？比较看重哪些方面？您这水货手机是在哪买的？", "bad_question"),
    ("needs-questions", "您好，这么多款您看得过来吗？您预算有多少？不会太低吧？", "bad_question"),
    ("needs-questions", "您好，您是随便看看还是真要买？想要什么样的？预算多少？", "bad_question"),
    ("needs-questions", "您好！这款卖得最好，您觉得它怎么样？那就拿这款吧？", "bad_question"),
    ("complaint-billing", "王先生，我真不理解您为什么每次都这么生气，我帮您查一下吧。", "forbidden"),
    ("complaint-billing", "王先生，对不起，我理解您的心情。但是账单的问题我们营业厅查不到，需要您回家打客服电话，客服会帮您核查。", "forbidden"),
    ("decline-policy", "理解您想帮朋友。不过补卡只能本人办，这是为了防止您冒用别人的号码。您朋友可以自己回来办。", "forbidden"),
    ("decline-policy", "我理解，谁都想省事走个后门嘛，但是不行，您朋友可以自己来办。", "forbidden"),
])  # fmt: skip
def test_10_session_45_second_round_judging_and_pushing_cost_points(scenario, text, penalty):
    assert penalty in met(scenario, text)


@pytest.mark.parametrize("scenario, text, criterion", [
    ("decline-policy", "理解您哈。规定是要本人，不过看您人挺实在的，这次我先给您补上，您朋友回来再补个手续。", "my_offer"),
    ("decline-policy", "理解您哈。按实名制规定今天没法直接办。您可以先把您朋友的名字和身份证号报给我，我先给您补，原件下次带来。", "your_option"),
    ("decline-policy", "按规定不能代办哦。我可以先帮您把卡补了，身份证您回头再拿来给我看一眼就行。", "my_offer"),
    ("decline-policy", "不好意思哈先生，实名制规定补卡必须本人或者授权代办。您可以把您自己的身份证给我，用您的名字补。", "your_option"),
    ("decline-policy", "理解您哈，不过实名制规定没有授权书不能补卡。我可以帮您问问我们经理，看能不能特殊处理一下。", "my_offer"),
    ("decline-policy", "理解您想帮朋友，但是按实名制规定今天没法直接办，请您谅解。您可以先坐下喝口水。", "your_option"),
    ("decline-policy", "理解您想帮朋友。按实名制规定今天没法直接办，这是为了保护号码安全，您可以放心，您朋友的号码不会有事的。", "your_option"),
    ("complaint-billing", "王先生，不好意思。多扣50块的事我们核查过了，就是正常扣费，没有多扣。谢谢。", "action"),
    ("complaint-billing", "王先生，不好意思，我理解您的心情。这个月先这样吧，下个月要是还多扣您再来，我们再核查。谢谢。", "action"),
    ("follow-up-promise", "理解您。这两天师傅会上门的，到时候给您打电话。", "commitment"),
    ("follow-up-promise", "我理解您着急。师傅这两天上门，您留意电话。", "commitment"),
    ("greet-entry", "您好，那边柜台没人，您别过去，先在门口等着吧。", "guidance"),
    ("greet-entry", "您好，有什么能帮到您？您先别乱走哈，那边是员工区。", "guidance"),
])  # fmt: skip
def test_4_session_45_second_round_giving_in_filler_and_brush_offs_earn_nothing(scenario, text, criterion):
    assert criterion not in met(scenario, text)


@pytest.mark.parametrize("scenario, text, criterion", [
    ("needs-questions", "您好，請問您想找甚麼樣的手機？平常用手機多做些甚麼？是想要大螢幕的嗎？", "open_questions"),
    ("needs-questions", "您好，為甚麼想換手機呢？之前那台哪裡用得不順手？那是要電池耐用的，對吧？", "order"),
    ("complaint-billing", "王先生，真对不起！多扣了您50块，换我也冷静不了。我马上帮您核查账单，多扣的立刻退还。", "empathy"),
    ("complaint-billing", "王先生，真是对不起，碰上这种事谁心情都不会好，我马上帮您查询这个月的账单，多扣的一定给您退还。", "empathy"),
    ("complaint-billing", "王先生，實在抱歉，碰上這種事誰心情都不會好。多扣的50塊我馬上幫您核查帳單，確認後立刻退還。", "empathy"),
    ("complaint-billing", "王先生，真系唔好意思，畀您嬲咗。您话呢个月又多扣咗50蚊，我即刻帮您核查账单。", "empathy"),
    ("complaint-billing", "哎呀王先生，实在对唔住，您这心情我晓得的。乱扣您钱这个事，我这就去给您查清楚。", "empathy"),
    ("decline-policy", "理解您。规定上不允许代办没授权的，我们这边帮您查下您朋友附近有没有营业厅，您朋友可以就近补。", "my_offer"),
    ("decline-policy", "理解您想帮朋友。按实名制规定，今天没法代办。咱们这边可以先给您把所需材料列个清单，您朋友可以签好授权书再让您来。", "my_offer"),
])  # fmt: skip
def test_8_session_45_traditional_dialect_and_plain_words_read(scenario, text, criterion):
    assert criterion in met(scenario, text)


# the third round: the door and the phone, overpromises, complaints and listening, consistency
R45b = "您是说上周六买的手机，打电话老断线，信号只有一两格，重启过好几次也没用，家里人用我们的卡都正常，对吗？"


@pytest.mark.parametrize("scenario, text, penalty", [
    ("listening-restate", R45b + "您确定真的重启了？很多人以为重启了其实只是锁屏。", "judgement"),
    ("listening-restate", R45b + "您这话说得不对，家里人的卡正常不代表手机有问题。", "judgement"),
    ("listening-restate", R45b + "我们的网络没问题，肯定是手机的事，别赖我们。", "judgement"),
    ("listening-restate", R45b + "您这情况我见多了，都是用户自己乱装软件造成的。", "judgement"),
    ("listening-restate", R45b + "这种小事您也专门跑一趟？", "judgement"),
    ("listening-restate", "您说您上周六买的，老断线，重启了好几次，家里人的卡都好好的——真的假的？", "judgement"),
    ("listening-restate", R45b + "您是不是不会设置？", "judgement"),
    ("listening-restate", R45b + "您会不会用啊？", "judgement"),
    ("complaint-billing", "王先生，非常抱歉，我理解您的心情。您说多扣了50元，但我们系统显示一切正常，您可能记错了。我再帮您核查一遍。", "forbidden"),
    ("complaint-billing", "王先生，非常抱歉，我理解您的心情。多扣50元的事，上次就跟您说过了，您没听进去。我马上帮您查一下。", "forbidden"),
    ("complaint-billing", "王先生，非常抱歉，我理解您的心情。别人都没问题，怎么就您老有问题？多扣的50元我马上帮您核查。", "forbidden"),
    ("complaint-billing", "王先生，非常抱歉，我理解您的心情。您有意见可以去投诉，多扣的50元我马上帮您核查。", "forbidden"),
    ("complaint-billing", "王先生，非常抱歉，我理解您的心情。您能不能先听我说完？多扣的50元我马上帮您核查。", "forbidden"),
    ("complaint-billing", "王先生，对不起。我理解您生气，但生气解决不了问题。这个月多扣的50元我马上帮您核查。", "forbidden"),
    ("greet-entry", "欢迎光临，请问您办理什么业务？这边请。你怎么连号都不会取？", "forbidden"),
    ("greet-entry", "您好，欢迎光临！请问您办理什么业务？这边请。您都这么大岁数了还来办什么业务。", "forbidden"),
    ("greet-entry", "您好，欢迎光临！请问您办理什么业务？这边请。莫挡到起，瓜兮兮的。", "forbidden"),
    ("phone-answer", "您好，让您久等了，这里是阳光路营业厅，我是小林，请问有什么可以帮您？您没事别老打这个电话。", "forbidden"),
    ("follow-up-promise", "我理解您的着急。我们承诺明天不会断网。工单已提交，今天下午5点前我电话联系您。", "overpromise"),
    ("follow-up-promise", "理解您着急。工单已经提交了，您就放心吧，明天照常办公，网不会有问题的。我今晚8点前给您打电话。", "overpromise"),
    ("follow-up-promise", "理解您的着急。师傅明天一早过去，到了立马就能修好。今天5点前我短信通知您。", "overpromise"),
    ("follow-up-promise", "理解您着急。我让师傅今晚加个班过来，今晚就给您弄好，明天不耽误。我下班前给您打电话。", "overpromise"),
    ("needs-questions", "您好！请问您想看什么样的手机？平时主要用来做什么呢？您预算是不是不太够？", "bad_question"),
    ("needs-questions", "您好！请问您想看什么样的手机？平时主要用来做什么呢？您今天买不买？", "bad_question"),
])  # fmt: skip
def test_10_session_45_third_round_judging_blaming_and_vowing_cost_points(scenario, text, penalty):
    assert penalty in met(scenario, text)


@pytest.mark.parametrize("scenario, text, penalty", [
    ("follow-up-promise", "理解您着急。这需要师傅上门，今天排满了。工单已加急，我向您保证，今天下午5点前您一定会接到我的电话，告诉您师傅上门时间。", "overpromise"),
    ("follow-up-promise", "理解您着急。需要师傅上门，今天排满了。工单已加急，我们绝对重视您的问题，今天下午5点前我电话通知您上门时间。", "overpromise"),
    ("follow-up-promise", "懂了，明儿是正经要用。师傅明早第一个去您那儿；今儿晚上我先让后台远程再测一下线路，能远程弄好的今晚就给您弄好。", "overpromise"),
    ("complaint-billing", "王先生，您这个心情我太理解了。我刚来的时候我也看不懂账单。您这个呢，我现在就给您打出来，一项项讲。", "forbidden"),
    ("complaint-billing", "先生您好，我先帮您查一下账单。查清楚以后，如果是我们错了就退给您，如果是您自己订的业务，我帮您退订。", "forbidden"),
    ("listening-restate", "我重复一遍，您听听哪儿说得不对：周六买的新机，不满一星期；通话断线、信号只剩一两格；家人用同一家的卡都正常；重启好几次没改善。", "judgement"),
])  # fmt: skip
def test_10_session_45_third_round_kind_or_honest_lines_are_not_penalised(scenario, text, penalty):
    assert penalty not in met(scenario, text)


@pytest.mark.parametrize("scenario, text, criterion", [
    ("complaint-billing", "王先生，真对不起，我理解您着急的心情。这个月多扣了您50元，等我有空了再帮您查吧。", "action"),
    ("complaint-billing", "王先生，抱歉，我理解您的心情。这个月多扣了50元是吧，我下周再给您查。", "action"),
    ("listening-restate", "您是说上周六买的手机，打电话老断线，重启过好几次，家里人的卡也经常没信号，对吗？", "fact_contrast"),
])  # fmt: skip
def test_4_session_45_third_round_a_deed_put_off_or_a_fact_reversed_earns_nothing(scenario, text, criterion):
    assert criterion not in met(scenario, text)


@pytest.mark.parametrize("scenario, text, criterion", [
    ("greet-entry", "欢迎光临！想办点啥？这边请。", "guidance"),
    ("greet-entry", "欢迎欢迎！想办点啥？里边请。", "needs_question"),
    ("phone-answer", "您好，让您久等了，这里是幸福里营业厅，我是陈晨，有什么能帮您的？", "identify"),
    ("phone-answer", "您好，让您久等了，这里是和平里营业厅，工号1032为您服务，请问有什么可以帮您？", "identify"),
    ("complaint-billing", "王先生，真是对不住。莫名其妙少了钱，心里肯定膈应。这个月多扣的50元我马上帮您核查。", "empathy"),
    ("complaint-billing", "王先生，非常抱歉，我理解您的心情。您说这个月的钱被多拿走了，我马上帮您核查。", "restate"),
])  # fmt: skip
def test_8_session_45_third_round_short_sentences_a_hall_named_li_and_plain_words_count(scenario, text, criterion):
    assert criterion in met(scenario, text)


@pytest.mark.parametrize("scenario, text", [
    ("greet-entry", "欢迎光临 办什么业务 这边请 取号"),
    ("complaint-billing", "抱歉！理解！核查！感谢！"),
    ("phone-answer", "您好，让您久等了，这里营业厅，我是陈晨，有什么能帮您的？"),
])  # fmt: skip
def test_11_session_45_a_list_is_still_a_list_and_no_hall_is_still_none(scenario, text):
    result = carecourse.grade(scenario, text)
    if scenario == "phone-answer":
        assert "identify" not in {c.id for c in result.criteria if c.met}
    else:
        assert [f.id for f in result.flags] == ["keyword_list"]


# the fourth round: among the phones and on the phone, kind lines, what the feedback says
@pytest.mark.parametrize("scenario, text, penalty", [
    ("needs-questions", "您好，您懂手机吗？想看什么样的？预算多少？要不要我推荐？", "bad_question"),
    ("needs-questions", "您好，您这手机屏幕都碎成这样了，咋还不换呢？您想要什么样的？预算多少？", "bad_question"),
    ("needs-questions", "您好，请问您是做什么工作的？收入怎么样？想要什么价位？", "bad_question"),
    ("needs-questions", "您好，您看上去不太像会买这么贵手机的人，想看什么价位？平时用来干嘛？", "bad_question"),
    ("phone-answer", "您好，让您久等了，移动人民路营业厅小林。又是问套餐的吧？有什么事？", "forbidden"),
    ("phone-answer", "您好，这里是移动人民路营业厅，我是小林，有什么事吗？没事我就挂了啊。", "forbidden"),
    ("phone-answer", "您好，这里是移动人民路营业厅，我是小林，您等了这么久应该不着急吧？有什么事？", "forbidden"),
    ("complaint-billing", "王先生，非常抱歉，我理解您的心情。这50元我马上帮您核查。我是新来的，不太清楚，您等一下我问问同事。", "forbidden"),
    ("decline-policy", "您这是违规操作，知道吗？实名制规定必须本人来。您朋友可以回来再办。", "forbidden"),
])  # fmt: skip
def test_10_session_45_fourth_round_rudeness_costs_points(scenario, text, penalty):
    assert penalty in met(scenario, text)


@pytest.mark.parametrize("scenario, text, penalty", [
    ("complaint-billing", "王先生，非常抱歉！我特别理解您的心情。您不用担心是不是自己不小心点了什么，很可能是我们系统的问题。我现在就帮您查询这个月的账单。", "forbidden"),
    ("greet-entry", "您好，欢迎光临！虽然我们快下班了，您的业务我们一定给您办完。请问您办什么业务？这边请，我带您去取号。", "forbidden"),
    ("greet-entry", "您好，欢迎光临！您自己找可能要转半天，我带您去吧。请问您办什么业务？这边请，先取号。", "forbidden"),
    ("follow-up-promise", "我理解您的着急。需要师傅上门，今天来不及了。今晚8点前我给您打电话，告诉您师傅明天几点上门，师傅出发前也会短信通知您，这个我能保证。", "overpromise"),
    ("follow-up-promise", "不好意思，我刚来不太清楚师傅排班，我先帮您报上去，约最早的时间，明天上午10点前我打给您。", "forbidden"),
    ("needs-questions", "您好！慢慢看，不着急。您平时用手机主要做什么？想看什么价位的？喂？您刚才说话啦？是要大屏的吗？", "bad_question"),
])  # fmt: skip
def test_10_session_45_fourth_round_kind_lines_are_not_penalised(scenario, text, penalty):
    assert penalty not in met(scenario, text)


@pytest.mark.parametrize("scenario, text, criterion, expected", [
    ("phone-answer", "您好，让您久等了，人民路营业厅营业员林晓，请问有什么可以帮您？", "identify", True),
    ("complaint-billing", "王先生，您说“每次都这样”，我听得出您已经很失望了，非常抱歉。我现在就调出您这个月的账单核对多扣的50元。", "empathy", True),
    ("complaint-billing", "王先生，真的很抱歉！一次次被多扣钱，您心里肯定又气又累。我现在就帮您核查这个月的扣费明细。", "empathy", True),
    ("decline-policy", "您这么帮朋友，我很佩服。但这个我不能通融，实名制规定要本人或授权代办。您可以让您朋友签好授权书。", "empathy", True),
    ("listening-restate", "我确认下先：您上个礼拜六喺我哋度买嘅手机，打电话成日断线，信号得一两格，重启咗好多次都冇用，屋企人用我哋嘅卡信号就好好。系咪咁？", "fact_contrast", True),
    ("decline-policy", "我可以帮您办，您把您朋友的号码给我就行。", "my_offer", False),
    ("follow-up-promise", "我理解您的着急。师傅今天下午不会联系您，明天才会上门。", "commitment", False),
    ("greet-entry", "您好，请问您办理什么业务？不知道就先去取号机那里看看。", "guidance", False),
])  # fmt: skip
def test_4_and_8_session_45_fourth_round_points_earned_and_not(scenario, text, criterion, expected):
    assert (criterion in met(scenario, text)) is expected


# the fifth round: this session's new words used kindly, and model answers short of full marks
@pytest.mark.parametrize("scenario, text, penalty", [
    ("complaint-billing", "王先生，非常抱歉！上次跟您说过会帮您盯着账单，结果这个月还是多扣了50块，真是我们的问题。我现在就帮您核查扣费记录。", "forbidden"),
    ("complaint-billing", "王先生，对不起，多扣了您50元让您生气了。这不是您的问题，您别自责，更不是您用超了，我这就帮您核查账单。", "forbidden"),
    ("complaint-billing", "王先生，非常抱歉！我不会让您再跑一趟，也不会让您自己去网上查，我现在就帮您核查账单，多扣的马上退还。", "forbidden"),
    ("listening-restate", "我确认一下：手机上周六买的，不到一周；打电话总断线、信号一两格；您已经重启好几次了；家人用我们的卡都好。我理解得对吗？这肯定不是您操作不对，更不是您不会用。", "judgement"),
    ("follow-up-promise", "理解您的着急。需要师傅带设备上门，今天的工单已经排满。我刚帮您预约了明天上午8点到10点，师傅出发前会打电话给您。我们不会说“保证马上修好”这种空话。", "forbidden"),
    ("follow-up-promise", "我理解您明天办公着急用网。这个故障要师傅上门查线路，今天排不上。我向您保证，今晚6点前短信告诉您师傅的上门时间。", "overpromise"),
    ("follow-up-promise", "我理解您明天办公着急用网。这个故障要师傅上门查线路，今天排不上。今天下午5点前给您回电话告诉您师傅上门时间，这个我保证。", "overpromise"),
])  # fmt: skip
def test_10_session_45_fifth_round_kind_uses_of_the_new_words_are_not_penalised(scenario, text, penalty):
    assert penalty not in met(scenario, text)


@pytest.mark.parametrize("scenario, text, criterion", [
    ("listening-restate", "您是说上周六买的手机，打电话老断线，信号只有一两格，重启过好几次也没用，您家里人用我们的卡，信号都挺好，对吗？", "fact_contrast"),
    ("phone-answer", "您好，联通沙河口营业部，我是值班员刘晓，抱歉让您久等了，请问您需要什么帮助？", "identify"),
    ("complaint-billing", "王先生，真对不起，您生气完全在理。这个月多扣的50元我马上帮您核查。", "empathy"),
    ("complaint-billing", "王先生，是我们对不住您。这个月话费多出来五十块，您着急上火太正常了。我马上帮您查清楚。", "empathy"),
    ("decline-policy", "先生，您朋友有您这样的朋友真好。只是补卡必须本人或者身份证原件加授权，这是实名制规定。我可以把授权书模板给您。", "empathy"),
])  # fmt: skip
def test_8_session_45_fifth_round_good_words_count(scenario, text, criterion):
    assert criterion in met(scenario, text)


@pytest.mark.parametrize("scenario, text, item", [
    ("complaint-billing", "王先生，非常抱歉，我理解您的心情。多扣50元的事，上次就跟您说过了，您没听进去。我马上帮您查一下。", "forbidden"),
    ("complaint-billing", "多扣了？您确定吗，是不是您自己用超了。", "forbidden"),
    ("phone-answer", "您好，这里是营业厅，我是值班的，抱歉让您久等了，请问您需要什么帮助？", "apology"),
])  # fmt: skip
def test_10_session_45_fifth_round_the_fixes_keep_their_edges(scenario, text, item):
    assert item in met(scenario, text)
    if scenario == "phone-answer":
        assert "identify" not in met(scenario, text)


# the final sweep: brush-offs as ways, giving in, hollow offers, a sorry refused, blunt lines
@pytest.mark.parametrize("scenario, text, criterion", [
    ("decline-policy", "我能理解，您也是好心。不过我们这边有规定，我不能帮您办。您可以回去吧。", "your_option"),
    ("decline-policy", "我理解您的好意。按规定没有授权书不能代办，这是实名制。您可以先回去。", "your_option"),
    ("decline-policy", "明白您是好心，但规定要本人或授权，今天办不了。我可以给您拿个号，您可以排队办点别的业务。", "your_option"),
    ("decline-policy", "理解您的心情。实名制规定不能代办，为了保护号码安全，所以今天办不了。我能为您做的也没什么，您可以等朋友回来再说。", "my_offer"),
    ("decline-policy", "您的心意我理解，但补卡需要本人到场。不过我可以给您推荐我们的新款手机套餐。", "my_offer"),
    ("decline-policy", "我明白您着急，按实名制本来不能代办的。不过您在这签个字保证一下，我就先给您补了，出了问题您负责。", "my_offer"),
    ("decline-policy", "理解您帮朋友。实名制本来要本人或授权才能补。这样，您写个承诺书放我这儿，我先给您补了。", "my_offer"),
    ("decline-policy", "行，我跟领导申请一下，给您特殊处理，先把卡补了。", "my_offer"),
    ("complaint-billing", "王先生，非常抱歉，多扣50元的事我理解您很生气。您自己在手机APP上查一下账单明细就清楚了。谢谢您。", "action"),
    ("complaint-billing", "王先生，真不好意思，我理解您的心情，多扣的50元我已经帮您查过了，没有问题。谢谢您。", "action"),
    ("complaint-billing", "王先生，我不觉得抱歉，因为这不是我们的错。您的账单我可以帮您看看。", "apology"),
    ("complaint-billing", "王先生，我没什么好抱歉的，系统扣的不是我扣的。多扣的50元我帮您查一下。", "apology"),
])  # fmt: skip
def test_4_session_45_final_sweep_brush_offs_giving_in_and_refusals_earn_nothing(scenario, text, criterion):
    assert criterion not in met(scenario, text)


@pytest.mark.parametrize("scenario, text, item, expected", [
    ("complaint-billing", "王先生，我理解，您每次来都这么生气，我们都理解。多扣的50元我查一下。", "forbidden", True),
    ("follow-up-promise", "理解您着急。需要师傅上门，今天排满了。明天上午10点前师傅会打电话约时间。有意见你去投诉啊。", "forbidden", True),
    ("follow-up-promise", "理解您着急。需要师傅上门，今天排满了，这个点了您才来。明天上午10点前师傅会打电话约时间。", "forbidden", True),
    ("follow-up-promise", "理解您着急。需要师傅上门，今天排满了。明天上午10点前师傅会打电话约时间，明天包您能用。", "overpromise", True),
    ("follow-up-promise", "理解您着急。需要师傅上门，今天排满了。明天上午10点前师傅会打电话约时间，您明天办公肯定不会受影响的。", "overpromise", True),
    ("listening-restate", R45 + "按理说不会啊。", "judgement", True),
    ("listening-restate", R45 + "我们不可能让您白跑一趟，那不会是您操作的问题。", "judgement", False),
    ("complaint-billing", "您先别着急，我帮您核实一下，是不是开通了什么增值业务您自己不知道，查清楚了再给您处理。", "action", True),
    ("decline-policy", "这个真通融不了。让他把身份证原件给您，再写个授权签个字，您再来，我马上给您办。", "your_option", True),
])  # fmt: skip
def test_10_session_45_final_sweep_blunt_lines_vows_and_their_edges(scenario, text, item, expected):
    assert (item in met(scenario, text)) is expected


# learners' red team, session 46: six trainer sessions on the penalties the test part finds weakest
BASE46 = "理解您想帮朋友，不过实名制规定必须本人或原件加授权书，保护号码安全。我可以帮您打印材料清单，您朋友回来可以自己来办。"
S46 = "理解您着急，很抱歉。需要师傅上门，明天上午9-11点到，出发前打电话。"
R46 = "您上周六买的手机，打电话老断线，信号一两格，重启过好几次，家里人的卡都好好的。"


@pytest.mark.parametrize("scenario, text, penalty", [
    # put-downs and suspicion after a complete refusal
    ("decline-policy", BASE46 + "你以为你是谁啊，说通融就通融。", "forbidden"),
    ("decline-policy", BASE46 + "啧，又来一个走后门的。", "forbidden"),
    ("decline-policy", BASE46 + "我们又不是慈善机构。", "forbidden"),
    ("decline-policy", BASE46 + "您这智商，我也是服了。", "forbidden"),
    ("decline-policy", BASE46 + "这种小聪明在我这儿不好使。", "forbidden"),
    ("decline-policy", BASE46 + "咁都唔明，真係冇眼睇。", "forbidden"),
    ("decline-policy", BASE46 + "拜託喔，你有沒有常識啊。", "forbidden"),
    ("decline-policy", "理解您想帮朋友的心情。你是不是没长耳朵，我说了要授权书。", "forbidden"),
    ("decline-policy", "理解您哈，不过规定需要原件加授权书，保护号码安全。我可以帮您挂失，您朋友可以自己回来补。您这种情况我们一般都当可疑处理的，别介意。", "forbidden"),
    ("decline-policy", "明白您着急，但实名制规定需要本人或原件加授权书，保护号码安全。我可以帮您查询附近营业厅，您朋友可以在出差地办理。您要是早点问清楚也不至于白跑一趟。", "forbidden"),
    # the fault made light of or laid on him, and sending him off
    ("follow-up-promise", S46 + "您这光猫一看就是被您家小孩拔过线。", "forbidden"),
    ("follow-up-promise", S46 + "您嫌麻烦可以销户，没人拦着。", "forbidden"),
    ("follow-up-promise", S46 + "早跟您说换光纤您不听，现在知道了吧。", "forbidden"),
    ("follow-up-promise", S46 + "我们的网从来没问题，多半是您电脑中毒了。", "forbidden"),
    ("follow-up-promise", "理解您着急哈。不过说实话，现在谁家网不断几次呢，您也别太当回事。师傅明天上午去，会打电话。", "forbidden"),
    ("follow-up-promise", "您这个年纪可能不太懂，宽带维修本来就需要时间。师傅明天上午上门，会打电话。", "forbidden"),
    # the fix sworn to in other words
    ("follow-up-promise", S46 + "我以人格担保明天能修好。", "overpromise"),
    ("follow-up-promise", S46 + "修好后永久不会再出故障，您放心用。", "overpromise"),
    ("follow-up-promise", S46 + "对您明天办公不会有任何影响。", "overpromise"),
    ("follow-up-promise", "理解您着急，很抱歉。师傅明天上午上门，到时候网络必然恢复，出发前会打电话。", "overpromise"),
    ("follow-up-promise", "理解您着急，很抱歉。明天上午师傅上门，不管什么毛病都能当场解决，出发前会打电话。", "overpromise"),
    ("follow-up-promise", "理解您着急，很抱歉。明天上午师傅上门，修不好的话这个月网费全免，我说了算，出发前打电话。", "overpromise"),
    # doubt, blame and "that's normal" after a good restatement
    ("listening-restate", "您上周六买的手机，用了不到一周，打电话老断线，信号一两格，重启了好几次没用，家里人用我们的卡都好好的。您确定是手机的问题吗？我理解得对吗？", "judgement"),
    ("listening-restate", R46 + "我们不背这个锅哦。我理解得对吗？", "judgement"),
    ("listening-restate", "上周六买的手机，用了没几天，打电话断线，信号一两格，重启没用，家里人都正常。一般来说是用户自己操作不当造成的，是这样吗？", "judgement"),
    ("listening-restate", "您上周六买的手机，不到一个星期，通话总断，信号一两格，重启多次无效，家里人的卡都正常。说实话，我们的机器是没问题的，对吗？", "judgement"),
    # his pay, skill, past words or hearing questioned among the phones
    ("needs-questions", "您好，您要找什么样的手机？您一个月挣多少钱啊？三千以上的能接受吗？", "bad_question"),
    ("needs-questions", "您好，请问想看什么？您上次来不是说不买了吗？这次是想好了？", "bad_question"),
    ("needs-questions", "您好，请问您想看什么样的手机？平时主要用来做什么？这款功能多，您用得明白吗？", "bad_question"),
    ("needs-questions", "您好，请问您想看什么样的手机？平时主要用来做什么？您是聋了还是没听见？", "bad_question"),
    ("needs-questions", "您好，请问您想看什么样的手机？平时主要用来做什么？这款卖得最好，您总不能说它不好吧？", "bad_question"),
    # a no in words the flat no did not know, with nothing offered
    ("decline-policy", "理解您想帮朋友的心情，可实名制下这个我们真的无能为力，这是为了保护您朋友的号码安全。", "flat_no"),
    ("decline-policy", "理解您想帮朋友的心情，可实名制下我们这边不支持代办，这是为了保护您朋友的号码安全。", "flat_no"),
    ("decline-policy", "理解您想帮朋友的心情，可实名制下这个口子我们不能开，这是为了保护您朋友的号码安全。", "flat_no"),
    ("decline-policy", "明白你想幫朋友，不過呢個規定係保障佢嘅，我真係唔可以做。", "flat_no"),
    ("decline-policy", "那个，委托书……您有吗？没有啊……那就不行了，真的抱歉。", "flat_no"),
])  # fmt: skip
def test_10_session_46_rudeness_vows_and_bare_noes_in_fresh_words_cost_points(scenario, text, penalty):
    assert penalty in met(scenario, text)


@pytest.mark.parametrize("scenario, text, penalty", [
    ("follow-up-promise", "您的心情我绝对理解，很抱歉。这个故障需要师傅上门，明天上午9点到11点到，出发前会打电话给您。", "overpromise"),
    ("follow-up-promise", "理解您明天要办公的急切心情，很抱歉。我没办法承诺明天一定能用上网，师傅明天上午上门检查，今晚8点前我先短信告诉您师傅的联系方式。", "overpromise"),
    ("follow-up-promise", "理解您着急，很抱歉。能否一定修好，要等师傅看了才知道，师傅明天上午上门，上门前电话联系您。", "overpromise"),
    ("follow-up-promise", S46 + "师傅上门检修大概一个小时，这期间肯定会影响上网，建议您提前安排一下。", "overpromise"),
    ("follow-up-promise", S46 + "我尽量保证师傅第一个到您家。", "overpromise"),
    ("follow-up-promise", "非常抱歉给您带来不便。今天师傅已经排满了，我帮您预约明天上午9点到11点上门维修，师傅出发前会电话联系您。为了不影响您明天办公，我先给您开通一个免费的10G流量包，您可以用手机开热点应急。", "overpromise"),
    ("listening-restate", "是不是您那边信号不太好？您家里人的手机都正常的话，应该是手机本身的问题，我理解得对吗？", "judgement"),
    ("phone-answer", "您好，城东营业厅小王。哎呀妈呀，您这嗓门，我耳朵都要震聋了。有什么可以帮您？", "forbidden"),
])  # fmt: skip
def test_10_session_46_kind_lines_and_their_edges(scenario, text, penalty):
    expected = scenario == "phone-answer"  # (a remark on his voice is still rude: the hearing no bad question hides it)
    assert (penalty in met(scenario, text)) is expected


@pytest.mark.parametrize("scenario, text, criterion", [
    ("decline-policy", "理解您想帮朋友的心情，但实名制规定不能代办，这是为了保护您朋友的号码安全。您可以再考虑考虑，我可以帮您的也就这么多了。", "my_offer"),
    ("decline-policy", "理解您想帮朋友的心情，但实名制规定不能代办，这是为了保护您朋友的号码安全。您可以再考虑考虑，我可以帮您的也就这么多了。", "your_option"),
    ("decline-policy", "抱歉，规定不能代办。我可以帮您看看，但是肯定是不行的。", "my_offer"),
    ("decline-policy", "抱歉，规定要本人。您朋友可以找个律师咨询一下。", "your_option"),
    ("decline-policy", "不好意思，规定要本人来。您可以坐那边休息一下。", "your_option"),
    ("decline-policy", "我真心理解您🙏 但是规定摆在那里，您朋友可以自求多福了。", "your_option"),
    ("decline-policy", "理解您的心情，但是规定不能代办，这是为了保护号码安全。您朋友的事情还是让他自己操心吧。", "your_option"),
])  # fmt: skip
def test_4_session_46_a_shrug_or_a_hollow_offer_is_no_way_forward(scenario, text, criterion):
    assert criterion not in met(scenario, text)
    assert "flat_no" in met(scenario, text)


# one rude line in a long, otherwise complete reply is no longer outweighed by the rest (the tone model
# reads its rudest sentence on its own when the reply leans rude: detect/tone.py rude_clause)
@pytest.mark.parametrize("scenario, text, penalty", [
    ("follow-up-promise", "理解您着急，很抱歉。网断一天又不会死人，明天师傅上午会过去，到时候电话联系。", "forbidden"),
    ("follow-up-promise", "需要师傅上门，明天上午9-11点到，出发前打电话。不过您这个套餐本来就便宜，服务肯定没那么快。", "forbidden"),
    ("follow-up-promise", "师傅明天上午9点到11点上门，出发前会打电话。你自己家路由器没弄好吧？", "forbidden"),
    ("follow-up-promise", "我们也很忙的，不是只服务您一个人。师傅明天上午上门，会打电话。", "forbidden"),
    ("decline-policy", "我明白您是好意，但规定要求本人或原件加授权。我可以把要求发到您手机上，您可以让朋友写授权书。您也别在这儿跟我耗着了。", "forbidden"),
    ("phone-answer", "您好，城东营业厅小王，让您久等了。别问我，我什么都不知道。", "forbidden"),
    ("phone-answer", "您好，城东营业厅小王，让您久等了。您先想清楚要问什么再打过来。", "forbidden"),
    ("needs-questions", "您好呀，欢迎光临！我是这边的销售小王。请问您今天想看看什么样的手机呢？平时主要拿手机做什么？不过说实话，像您这样的年纪，功能多的手机您也用不上吧？要不就看看这款简单的？", "bad_question"),
    # ... and the door and the phone in fresh words
    ("greet-entry", "您好，有什么事自己去自助机弄吧，这边请。", "forbidden"),
    ("greet-entry", "您好，请问办理什么业务？办不了的话慢走不送啊，这边请。", "forbidden"),
    ("greet-entry", "您好，请问办理什么业务？您是农村来的吧，这边请，我慢慢跟您说。", "forbidden"),
    ("greet-entry", "您好，请问办理什么业务？😒那边取号。", "forbidden"),
    ("greet-entry", "您好，欢迎光临！请问有什么可以帮您？您站那儿半天了，到底办不办？这边请。", "forbidden"),
    ("phone-answer", "您好，城东营业厅小王，让您久等了。有什么问题自己上网查。", "forbidden"),
    ("phone-answer", "您好，城东营业厅小王。对不起，但响五声真不算久。有什么可以帮您？", "forbidden"),
    ("phone-answer", "您好，城东营业厅小王。要说对不起的应该是您吧，一直占线。有什么可以帮您？", "forbidden"),
    ("phone-answer", "您好，城东营业厅小王，让您久等了。嫌慢您可以打别家啊。", "forbidden"),
    ("phone-answer", "您好，城东营业厅小王，让您久等了。谁啊？", "forbidden"),
    ("phone-answer", "您好，你找谁啊？", "forbidden"),
])  # fmt: skip
def test_10_session_46_a_rude_line_in_a_complete_reply_and_at_the_door_costs_points(scenario, text, penalty):
    assert penalty in met(scenario, text)


@pytest.mark.parametrize("scenario, text", [
    ("greet-entry", "王阿姨，您又来了！上次的卡用得还顺手吧？今天办点什么？这边请，我给您取号。"),
    ("greet-entry", "哟，稀客稀客！您好，快请进，今天办点啥？这边请～"),
    ("greet-entry", "您好，欢迎光临！我们这儿很忙，但您的事最要紧，请问办理什么业务？这边请。"),
    ("phone-answer", "您好，城东营业厅小王，让您久等了！我们快下班了，不过没关系，您的事我今天一定帮您办完。请问有什么可以帮您？"),
    ("phone-answer", "您好，请问您找谁？"),
    ("phone-answer", "您好，这里是城东营业厅，我是小王，让您久等了。有什么事您说吧。"),
])  # fmt: skip
def test_10_session_46_warm_welcomes_are_not_service_taboos(scenario, text):
    assert "forbidden" not in met(scenario, text)


# the second round (five trainer sessions): kind replies, one bad line in a good reply, complaints, reasons
C46 = "王先生，抱歉，我理解您的心情。多扣50元我帮您核查。"


@pytest.mark.parametrize("scenario, text, item, expected", [
    # blame, doubt, denial and sarcasm in a complaint
    ("complaint-billing", C46 + "您就没想过是自己的问题？谢谢您。", "forbidden", True),
    ("complaint-billing", C46 + "您是第一天用手机吗？谢谢。", "forbidden", True),
    ("complaint-billing", C46 + "您说多扣了，有什么证据吗？谢谢您。", "forbidden", True),
    ("complaint-billing", C46 + "先纠正一下，这不叫多扣，这叫正常计费。谢谢您。", "forbidden", True),
    ("complaint-billing", C46 + "您记性真好，每次都记得来。谢谢。", "forbidden", True),
    ("complaint-billing", "王先生，对不起，我理解您，毕竟不是每个人都看得懂账单。多扣50元我查一下。谢谢。", "forbidden", True),
    # ... and kind lines that sound like it
    ("complaint-billing", "王先生，真对不起，您可别自责，多扣50元肯定不是您的问题。我理解您生气，马上给您核查退费。谢谢您。", "forbidden", False),
    ("complaint-billing", "王先生，真的抱歉，多扣您50元，您生气很正常。我不会让您找别人，我现在就核查账单，多扣的钱给您退还。谢谢您跑一趟。", "forbidden", False),
    ("complaint-billing", "王先生，真的抱歉，多扣您50元，您生气很正常。我不会跟您说\"这是系统问题我也没办法\"这种话，我现在就核查账单，多扣的钱给您退还。谢谢您。", "forbidden", False),
    ("complaint-billing", "王先生，对不起！您别怪自己没早发现，这种扣费藏得深，连我们自己人都不一定看得出来，您生气完全在理。我现在马上核查，多扣的退给您。谢谢您。", "forbidden", False),
    ("follow-up-promise", "理解您着急，很抱歉。这个我确实做不了主，我马上向主管申请加急，半小时内给您回电话。", "forbidden", False),
    # an overpromise named to refuse it, a callback vowed
    ("follow-up-promise", "先生，明天要办公我理解您着急。这个要师傅上门，今天排满了。百分之百修好这种话我说不出口，但师傅明天上午上门，今晚7点前我打电话告诉您。", "overpromise", False),
    ("follow-up-promise", "先生，明天要办公网断了，真闹心，我理解。我不敢拍胸脯说绝对没问题，但师傅明天上午上门，今晚7点前我打电话告诉您具体时间。", "overpromise", False),
    ("follow-up-promise", "先生，明天要办公网却断了，换我也着急。这个要师傅上门换设备，今天排满了，明天上午师傅上门。我向您保证今晚之前给您回话。", "overpromise", False),
    ("follow-up-promise", "理解您着急，很抱歉。需要师傅上门，明天上午9-11点到，出发前打电话。这事板上钉钉，万无一失。", "overpromise", True),
    # the blame taken off him after a restatement; doubt put on him
    ("listening-restate", "我确认一下：您上周六买的手机，用了不到一周，打电话老断线，信号一两格，重启了好几次都没用，家里人用我们的卡都正常。这绝不是您操作不当造成的，我理解得对吗？", "judgement", False),
    ("listening-restate", "我确认一下：您上周六买的手机，用了不到一周，打电话老断线，信号一两格，重启了好几次都没用，家里人用我们的卡都正常。我们不会把责任推到您身上，对吗？", "judgement", False),
    # the door, the phone and the refusal
    ("greet-entry", "您好，请问办什么业务？只是看看的话就别占座位了。这边请。", "forbidden", True),
    ("phone-answer", "您好，城东营业厅小王，让您久等了。别挑中午这个点打，有什么可以帮您？", "forbidden", True),
    ("decline-policy", "先生，通融？我凭什么给您通融啊？规定要本人或原件加授权书。我可以给您清单，您朋友可以回来办。", "forbidden", True),
    ("decline-policy", "先生，您也是成年人了，这点规矩应该懂吧？规定要本人或原件加授权书。我可以给您清单，您朋友可以回来办。", "forbidden", True),
    ("decline-policy", "先生，我理解您想帮朋友的忙。为了保护您朋友的号码安全，此项业务恕不受理。", "flat_no", True),
    ("decline-policy", "先生，我理解您想帮朋友的忙。为了保护您朋友的号码安全，這個礙難辦理。", "flat_no", True),
    ("decline-policy", "先生，我理解您想帮朋友的忙。为了保护您朋友的号码安全，這個我幫你唔到。", "flat_no", True),
    ("decline-policy", "先生，我理解您想帮朋友的忙。为了保护您朋友的号码安全，这个没门儿。", "flat_no", True),
    # a crowd or a habit is no reason; a blind eye, my own staff number or a tout no way
    ("decline-policy", "先生，我明白您是想帮朋友省点事。不过今天人比较多。我可以先帮您把需要的材料列一张清单，您朋友也可以回来后本人来办。", "reason", False),
    ("decline-policy", "先生，我懂您的意思。不过我们这里从来没有这么办过。我可以帮您准备授权书模板，您朋友也可以回来自己办。", "reason", False),
    ("decline-policy", "先生，我理解您想帮朋友。为了保护您朋友的号码安全，补卡要核实机主身份，我可以帮您用我自己的工号先走一下。", "my_offer", False),
    ("decline-policy", "先生，我理解您想帮朋友。为了保护您朋友的号码安全，补卡要核实机主身份，办不了，您可以找个黄牛。", "your_option", False),
    # plain spoken empathy
    ("complaint-billing", "王先生，抱歉，您有情绪是应该的。多扣50元我帮您核查。谢谢您。", "empathy", True),
    ("complaint-billing", "王先生，抱歉，换成我，我也会拍桌子。多扣50元我帮您核查。谢谢您。", "empathy", True),
    ("complaint-billing", "王先生，抱歉，我听得出来您已经忍了很久了。多扣50元我帮您核查。谢谢您。", "empathy", True),
])  # fmt: skip
def test_10_session_46_second_round_rude_lines_kind_lines_reasons_and_feelings(scenario, text, item, expected):
    assert (item in met(scenario, text)) is expected


# session 47: the red team's reported disagreements re-run on the grader (262 of 833 already mended); what still stood,
# in the commonest shapes. "您说话…" / "您说普通话…" are about how he speaks, not his words reported.
G47 = "您好，请问办理什么业务？"
L47 = "您上周六买的手机，打电话老断线，信号一两格，重启过好几次，家里人的卡都好好的。"
N47 = "您好，请问您想看什么样的手机？平时主要用来做什么？"
D47 = "抱歉，实名制规定不能代办。"


SESSION_47 = [  # (the browser grades them alike: test_web.py)
    # his age, looks or state remarked on; weariness, hurrying, sarcasm
    ("greet-entry", G47 + "您这把年纪就别折腾新手机了，这边请。", "forbidden", True),
    ("greet-entry", G47 + "穿个拖鞋就来了啊，这边请。", "forbidden", True),
    ("greet-entry", "您好，请问办什么业务？您这一身酒气的，离柜台远点啊，这边请。", "forbidden", True),
    ("greet-entry", "您好，请问您办理什么业务？得，又一个问宽带的，这边请吧。", "forbidden", True),
    ("greet-entry", G47 + "别磨叽了，这边请。", "forbidden", True),
    ("greet-entry", "您好，请问您办理什么业务？快快快，后面排着呢，这边。", "forbidden", True),
    ("greet-entry", G47 + "我带您去？我又不是导游。", "forbidden", True),
    ("phone-answer", "您好，让您久等了，这里是联通营业厅，我是谁您不用管，请问有什么可以帮您？", "forbidden", True),
    ("phone-answer", "您好，城东营业厅小王，让您久等了。您这么大岁数了还学人家用智能机啊。有什么可以帮您？", "forbidden", True),
    ("phone-answer", "您好，城东营业厅小王，抱歉久等。您说话能不能利索点？请问有什么可以帮您？", "forbidden", True),
    ("follow-up-promise", "想明天用就别指望了。理解您着急，很抱歉。这个故障需要师傅上门，师傅明天上午9点到11点上门，出发前会打电话。", "forbidden", True),
    ("complaint-billing", "王先生，您说话费多扣了50元，非常抱歉，我马上为您核查。", "restate", True),  # (话费: his words, reported)
    # a brush-off promised not to happen
    ("complaint-billing", "王先生，真的抱歉，多扣您50元，您生气很正常。这事不能让您白跑，也不能让您找别人，我现在就核查账单，多扣的钱给您退还。谢谢您跑一趟。", "forbidden", False),
    ("complaint-billing", "王先生，真的抱歉，多扣您50元，您生气很正常。我不会跟您说我不知道，我现在就核查账单，多扣的钱给您退还。谢谢您跑一趟。", "forbidden", False),
    # bad questions: his pay, age, eyes, purse, purpose or silence
    ("needs-questions", "您好，請問您想看什麼樣的手機？平常主要用來做什麼？您一個月賺多少？", "bad_question", True),
    ("needs-questions", N47 + "您多大了？过了六十的我一般推荐按键机，可以吗？", "bad_question", True),
    ("needs-questions", N47 + "您眼睛还看得清吗？需要大字版吗？", "bad_question", True),
    ("needs-questions", N47 + "您是要买还是随便摸摸？", "bad_question", True),
    ("needs-questions", "您好，请问有什么可以帮您？您想找什么样的？刚才我同事问您您都不理，现在是想好了吗？", "bad_question", True),
    ("needs-questions", "您好，请问您需要什么？有什么顾虑？你是不是信不过我们？", "bad_question", True),
    ("needs-questions", "您好，请问您想换手机，还是随便看看？平时主要用来做什么？", "bad_question", False),
    # judging what he said, and clearing him of blame
    ("listening-restate", L47 + "您是不是拿手机姿势有问题，我理解得对吗？", "judgement", True),
    ("listening-restate", L47 + "您肯定不会用错的，我理解得对吗？", "judgement", False),
    ("listening-restate", L47 + "这不可能是您的责任，我理解得对吗？", "judgement", False),
    ("listening-restate", "我确认一下：您上周六在我们这买的手机，用了不到一周，打电话老断线，信号一两格，重启了好几次都没用，家里人用我们的卡信号都好，对吗？问题肯定不在您，不会是操作不当。", "judgement", False),
    # passed to anyone, the wall, the web or luck; an exception made
    ("decline-policy", D47 + "您可以问问旁边窗口的同事。", "your_option", False),
    ("decline-policy", D47 + "您可以自己上网查查。", "your_option", False),
    ("decline-policy", D47 + "您可以看一下墙上贴的规定。", "your_option", False),
    ("decline-policy", "规定要本人。您可以下周再来问问，说不定政策变了。", "your_option", False),
    ("decline-policy", "不好意思喔，規定就是要本人。您可以再想想看有沒有其他辦法。", "your_option", False),
    ("decline-policy", "先生，我理解您想帮朋友。按规定补卡要核实机主身份，不过我可以通融一下，您先拿复印件办，原件您朋友回来再拿来给我看。", "my_offer", False),
    ("decline-policy", "先生，理解理解。按实名制本来不行，但看您也是老客户，我可以给您开个后门，您朋友回来记得补材料就好。", "my_offer", False),
    ("decline-policy", "先生，我理解您想帮朋友。为了保护号码，补卡要本人，但您朋友可以把身份证号和服务密码告诉您，我可以凭密码直接给您补。", "my_offer", False),
    ("decline-policy", "通融啊……那我给您通融一下，把授权书模板给您打一份吧，这是我能做的最大通融了。", "my_offer", True),
    # a name before 为您服务 or after the hall, a casual thank-you, plain spoken feelings
    ("phone-answer", "您好，让您久等了，实在抱歉！中国移动人民路营业厅，张伟为您服务，请问有什么可以帮您？", "identify", True),
    ("phone-answer", "您好，不好意思让您久等了！这里是中国电信城南营业厅，陈静很高兴为您服务，请问您需要办理什么？", "identify", True),
    ("phone-answer", "您好，让您久等了，不好意思！中国移动人民路营业厅，接电话的是王芳，请问有什么可以帮您？", "identify", True),
    ("phone-answer", "您好，城东营业厅Kevin，让您久等了，有什么可以帮您？", "identify", True),
    ("phone-answer", "您好，联通营业厅为您服务。让您久等了，请问有什么可以为您效劳的？", "identify", False),
    ("phone-answer", "您好，这里是中山路营业厅，很荣幸为您服务，how can I help you？", "identify", False),
    ("complaint-billing", "王先生，对不起，让您生气了。您这个月多扣了50元，我马上帮您核查。谢啦。", "thanks", True),
    ("complaint-billing", "拍謝啦王先生，這個月帳單我來幫您看，查到就幫您退掉。", "thanks", False),
    ("complaint-billing", "王先生，对不起。您心里肯定憋着一肚子火。您这个月多扣了50元，我马上帮您核查。谢谢您。", "empathy", True),
    ("complaint-billing", "王先生，对不起。这事放我身上我也得急。您这个月多扣了50元，我马上帮您核查。谢谢您。", "empathy", True),
    ("complaint-billing", "王先生，实在抱歉，又多扣了您50元，您有意见太正常了。今天就在这儿给您核查清楚，该退的马上退还。谢谢您。", "empathy", True),
    # at the door and on the phone: his accent, phone or grandson, the caller made a burden, scolding at the door
    ("phone-answer", "您好，抱歉让您久等了！这里是中国移动城东营业厅，我是客服代表小李，工号1023，请问有什么可以帮您？ 唉，今天第一百个电话了。", "forbidden", True),
    ("phone-answer", "您好，城东营业厅，我是小王，请问有什么可以帮您？您这电话打得也太是时候了，我们正吃饭呢。", "forbidden", True),
    ("phone-answer", "您好，抱歉久等，中国移动人民路营业厅，我是王芳。电话多的是，您等一会儿很正常嘛。请问什么事？", "forbidden", True),
    ("phone-answer", "您好，抱歉让您久等了！这里是中国移动城东营业厅，我是客服代表小李，工号1023，请问有什么可以帮您？ 您说话慢一点，您这口音我听不太懂。", "forbidden", True),
    ("greet-entry", "您好，欢迎光临！请问您要办理什么业务？这边请，我带您去取号。您是外地来的吧？听您口音就知道。", "forbidden", True),
    ("greet-entry", "哎哎哎，门别开那么大！您好，请问办理什么业务？这边请。", "forbidden", True),
    ("greet-entry", "您好，请问您办理什么业务？身份证带了没？没带就别排了，这边请。", "forbidden", True),
    ("greet-entry", "欢迎欢迎！您是外地来的吧，来洛阳看牡丹？请问今天办点什么？这边请。", "forbidden", False),
]  # fmt: skip


@pytest.mark.parametrize("scenario, text, item, expected", SESSION_47)
def test_10_session_47_the_red_teams_findings_still_standing(scenario, text, item, expected):
    assert (item in met(scenario, text)) is expected


# session 48: the red team's findings still standing (477 of its 833 disagreements at the start): rude lines no lexicon
# had words for, bad questions and judgements, staff offers and oaths on the repair in new words, and kind lines that
# were penalised; with the phrasings dev's trainers let pass, which stay as they were
D48 = "为了保护号码安全，补卡要实名核验。我可以把授权书模板给您，您朋友也可以回来本人办理。"
C48 = "王先生，抱歉，我理解您的心情。多扣50元我帮您核查。"
N48 = "您好，请问您想看什么样的手机？平时主要用来做什么？"
F48 = "理解您着急，很抱歉。师傅明天上午上门，"
R48 = "理解您想帮朋友，可是没有授权真的不能代办，这是保护他号码安全。"
P48 = "您好，抱歉让您久等了！这里是中国移动城东营业厅，我是客服代表小李，工号1023，请问有什么可以帮您？"
SESSION_48 = [  # (the browser grades them alike: test_web.py)
    ("decline-policy", "先生，您这朋友是不是真的朋友啊？" + D48, "forbidden", True),
    ("decline-policy", "先生，我點知你係唔係佢朋友？" + D48, "forbidden", True),
    ("decline-policy", "先生，你係咪想呃人呀？" + D48, "forbidden", True),
    ("decline-policy", "先生，您朋友怎么不自己来，是不是有什么问题？" + D48, "forbidden", True),
    ("decline-policy", "先生，您觉得我会信吗？" + D48, "forbidden", True),
    ("decline-policy", "先生，您这是违法的您知道吗？" + D48, "forbidden", True),
    ("decline-policy", "先生，seriously？这都要问？" + D48, "forbidden", True),
    ("decline-policy", "亲，想啥呢😂" + D48, "forbidden", True),
    ("decline-policy", "先生，通融？不存在的。" + D48, "forbidden", True),
    ("decline-policy", "先生，拜託你用用腦，" + D48, "forbidden", True),
    ("decline-policy", "先生，您是听不懂还是怎么的？" + D48, "forbidden", True),
    ("decline-policy", "先生，你聽唔明咩？" + D48, "forbidden", True),
    ("decline-policy", "先生，我理解您想帮朋友。你不要跟我讲这些有的没的。我可以把授权书模板给您，您朋友也可以回来本人办理。", "forbidden", True),
    ("decline-policy", "我可以帮您打印材料清单，您朋友回来可以自己来办。我說了不行就不行，聽不懂喔？。", "forbidden", True),
    ("decline-policy", "唔得就係唔得，你同我講多幾次都係唔得。", "forbidden", True),
    ("decline-policy", "先生，你们这些人就是不守规矩，" + D48, "forbidden", True),
    ("decline-policy", "先生，您这套路我见多了，" + D48, "forbidden", True),
    ("decline-policy", "…老實說，你們這種「幫朋友」的我一天遇到好幾個。", "forbidden", True),
    ("decline-policy", "我可以先帮您把需要准备的材料写在纸上。 你們大陸人就是愛走後門。", "forbidden", True),
    ("decline-policy", "我可以先帮您把需要准备的材料写在纸上。 我劝您别想歪门邪道了。", "forbidden", True),
    ("decline-policy", "先生，麻烦您别给我们添乱。" + D48, "forbidden", True),
    ("decline-policy", "先生，别跟我磨了，" + D48, "forbidden", True),
    ("decline-policy", "先生，您先去旁边想清楚再来，" + D48, "forbidden", True),
    ("decline-policy", "先生，您再这样我就不理您了。" + D48, "forbidden", True),
    ("decline-policy", "先生，您朋友自己的事让他自己操心，" + D48, "forbidden", True),
    ("decline-policy", "理解您想帮朋友的心情，但按实名制规定，没本人在就免谈了，为了保护号码安全。", "forbidden", True),
    ("complaint-billing", C48 + "您要是不想用了，门在那边。谢谢。", "forbidden", True),
    ("complaint-billing", "王先生，對不起。多扣50元我幫您查。您要是不爽可以去NCC檢舉啊，我們無所謂。謝謝。", "forbidden", True),
    ("complaint-billing", C48 + "您要觉得不满意，可以去别家嘛，我们也不强留。谢谢您。", "forbidden", True),
    ("complaint-billing", C48 + "您要觉得我们骗您，那您去告我们好了。谢谢。", "forbidden", True),
    ("complaint-billing", "行，算我倒霉，对不起您了，50块我帮您退还。", "forbidden", True),
    ("complaint-billing", "王先生，抱歉，理解您。多扣50元我查一下，就当是给您个面子。谢谢。", "forbidden", True),
    ("complaint-billing", "王先生，您要我道歉我就道歉呗，对不起。多扣50元的事我查一下。谢谢。", "forbidden", True),
    ("complaint-billing", C48 + "感谢您每个月准时来给我们上课。", "forbidden", True),
    ("complaint-billing", C48 + "谢谢您来告诉我们。您嗓门这么大，整个营业厅都知道您被多扣钱了。", "forbidden", True),
    ("complaint-billing", "王先生，對不起，我馬上幫您查詢帳單，多扣的會退還給您。謝謝您。您是不是老眼昏花看錯了啊？", "forbidden", True),
    ("complaint-billing", C48 + "早跟您说过要开通账单提醒，您自己不听。", "forbidden", True),
    ("complaint-billing", "…谢谢你 你下次来别这么冲好吗", "forbidden", True),
    ("follow-up-promise", "理解您着急，很抱歉。需要师傅上门，明天上午9-11点到，出发前打电话。说实话，网断一天又不会死人。", "forbidden", True),
    ("follow-up-promise", "师傅明天上午9点到11点上门，出发前会先打电话给您。我们也很忙的，不是只服务您一个人。", "forbidden", True),
    ("follow-up-promise", "网络嘛，总有不稳定的时候，您就将就一下吧。师傅明天上午上门，会打电话。", "forbidden", True),
    ("follow-up-promise", "修好后我也会再给您回个电话确认。 明天用不了网也不是世界末日嘛。", "forbidden", True),
    ("greet-entry", "您好，又咋了？这边请。", "forbidden", True),
    ("greet-entry", "你好，做咩呀你？攞飛先啦。", "forbidden", True),
    ("greet-entry", "您好，请问办理什么业务？麻溜的，那边取号。", "forbidden", True),
    ("greet-entry", "您好，请问办理什么业务？行行行，知道了，这边请。", "forbidden", True),
    ("greet-entry", "您好，請問有什麼可以幫您？先生您擋住門口了，快啲入嚟啦，呢邊請。", "forbidden", True),
    ("greet-entry", "您好，欢迎光临！这边请，我带您去取个号。 啧，又来一个不知道办啥的。", "forbidden", True),
    ("phone-answer", P48 + " 啊这……您又打来了？", "forbidden", True),
    ("phone-answer", P48 + "您是不是又要问上次那个问题？那个我已经跟您解释过了。", "forbidden", True),
    ("phone-answer", "…老人家講話慢慢來，我聽得很辛苦。", "forbidden", True),
    # a staff offer in other words: for the hall, for the friend, a line, the papers made ready, in English
    ("decline-policy", R48 + "我们可以先帮您朋友办理挂失。", "my_offer", True),
    ("decline-policy", R48 + "我們營業廳可以幫他預約。", "my_offer", True),
    ("decline-policy", R48 + "我们这边可以先帮他预约。", "my_offer", True),
    ("decline-policy", R48 + "咱这边先给他把号码保住，回头他来了再补卡。", "my_offer", True),
    ("decline-policy", R48 + "等他回来，我亲自给他办，保证不让他多跑。", "my_offer", True),
    ("decline-policy", R48 + "回头让您朋友拿着身份证原件过来，我给他加急办，十分钟就好。", "my_offer", True),
    ("decline-policy", R48 + "您让朋友回来带身份证来就行，我留个电话给您，有问题随时打给我。", "my_offer", True),
    ("decline-policy", R48 + "方便的话，我现在就跟您朋友通个电话，把要准备的东西跟他说清楚。", "my_offer", True),
    ("decline-policy", R48 + "材料清单我手写一份，您拍照发给他。", "my_offer", True),
    ("decline-policy", R48 + "回头我把代办流程整理好，短信发到您手机上。", "my_offer", True),
    ("decline-policy", R48 + "您不妨跟朋友视频一下，我隔着屏幕教他写授权书，写好寄回来就行。", "my_offer", True),
    ("decline-policy", R48 + "Let me 帮您 check 一下他能不能在 APP 上自助补卡。", "my_offer", True),
    ("decline-policy", R48 + "我们可以先帮您朋友办理挂失。", "flat_no", False),
    # an offer taken back at once
    ("decline-policy", "补卡办不了。不过他要是急着用，我们这边能先帮他办停机保号……哦，这个也得本人打电话，您办不了，那就没辙了。", "my_offer", False),
    # the repair sworn to (a callback vowed and a stopgap backing "不耽误您开会" are no oath)
    ("follow-up-promise", F48 + "向您保证明天能修好，出发前会打电话。", "overpromise", True),
    ("follow-up-promise", F48 + "保证您明天能办公，出发前会打电话。", "overpromise", True),
    ("follow-up-promise", F48 + "可以保证明天修复，出发前会打电话。", "overpromise", True),
    ("follow-up-promise", "不好意思让您着急了～师傅明天上门，保准一次搞定，您明天照常办公就行，我们会打电话跟您约时间😊", "overpromise", True),
    ("follow-up-promise", "理解您着急，很抱歉。需要师傅上门，明天上午9-11点到，出发前打电话。師傅一到即刻搞掂，唔會阻到你返工。", "overpromise", True),
    ("follow-up-promise", "先生，这个要师傅上门，今天排满了。明天上午师傅一到，十分钟就给您弄好，明早8点前师傅电话联系您", "overpromise", True),
    ("follow-up-promise", "先生，这个要师傅上门，今天排满了。您放心，明天早上您开电脑之前网就通了，明早8点前师傅电话联系您", "overpromise", True),
    ("follow-up-promise", "先生，这个要师傅上门，今天排满了。明天的会您尽管开，网的事包在我身上，明早8点前师傅电话联系您", "overpromise", True),
    ("follow-up-promise", F48 + "出发前会打电话。不会有任何问题的，明天随便用。", "overpromise", True),
    ("follow-up-promise", F48 + "出发前会打电话。您就当明天已经修好了吧，没问题的！", "overpromise", True),
    ("follow-up-promise", "您放心，明天耽误不了您。师傅今天确实没空了，我给您预约明天上午最早那一档。", "overpromise", True),
    ("follow-up-promise", F48 + "我向您保证，今晚之前给您回电话。", "overpromise", False),
    ("follow-up-promise", F48 + "万一上午修不好，我给您开个临时流量包，手机热点先顶着，不耽误您开会。", "overpromise", False),
    ("follow-up-promise", F48 + "我们小区上次也这样，师傅一去十分钟就弄好了。", "overpromise", False),
    ("follow-up-promise", "为保证您明天能正常办公，我现在为您免费开通一个10GB的应急流量包，您可以通过手机热点临时上网。", "overpromise", False),
    # bad questions: his skill, pace, purpose, purse or family; his taste overruled; pushed back at
    ("needs-questions", N48 + "您是不是不太會用手機？", "bad_question", True),
    ("needs-questions", N48 + "您老人家眼神不好，要大屏的吧？", "bad_question", True),
    ("needs-questions", N48 + "那您自己有做过功课吗？没查过参数吧？", "bad_question", True),
    ("needs-questions", N48 + "这么简单的问题您还要考虑这么久？", "bad_question", True),
    ("needs-questions", N48 + "您看了半个钟头了，还没选好吗？", "bad_question", True),
    ("needs-questions", N48 + "转悠半天了，给个准话呗？", "bad_question", True),
    ("needs-questions", N48 + "您是真心想买，还是先了解了解回头去拼多多下单？", "bad_question", True),
    ("needs-questions", N48 + "您上周不是在隔壁店买过了吗？", "bad_question", True),
    ("needs-questions", N48 + "您一個人逛這麼久，是不是在等老公來買單呀？", "bad_question", True),
    ("needs-questions", N48 + "这款明明最好，对不对？", "bad_question", True),
    ("needs-questions", N48 + "您不会觉得这个贵吧？", "bad_question", True),
    ("needs-questions", N48 + "那您想要我怎么办？", "bad_question", True),
    ("needs-questions", N48 + "您一直不吭声是什么意思？", "bad_question", True),
    ("needs-questions", N48 + "别人都买这款，您还犹豫什么？", "bad_question", True),
    ("needs-questions", N48 + "您穿成这样是刚下班吗？做什么的？", "bad_question", True),
    ("needs-questions", N48 + "您上周不是在隔壁店买过了吗？", "closed_question", False),
    ("needs-questions", "您好，需要帮忙吗？想看什么类型的？预算大概多少？（对方不吭声）行吧，想好了再叫我，我那边还一堆事呢。", "bad_question", False),
    # judging after a restatement: suspicion, the shop's record, his words turned on him, his handling blamed
    ("listening-restate", L47 + "我理解得对吗？ 我怀疑您是想找借口退机。", "judgement", True),
    ("listening-restate", L47 + "说实话，我们这款卖了几千台，就您一个人说有问题。", "judgement", True),
    ("listening-restate", L47 + "对吗？我们的网络肯定没问题，您家里人用着都好嘛。", "judgement", True),
    ("listening-restate", L47 + "对吗？您是不是把卡装反了？", "judgement", True),
    ("listening-restate", L47 + "您可能没注意，说明书上写了不要用金属手机壳，我理解得对吗？", "judgement", True),
    # second pass: his first time mocked, his honesty doubted, his habits lectured, the job put off, a scoff
    ("complaint-billing", "王先生，抱歉多扣了您50元，理解您生气。您记性可真好，50块钱都记得这么清楚。我现在核查账单，多扣的退还给您。谢谢您。", "forbidden", True),
    ("complaint-billing", "王先生，抱歉让您着急了。多扣50元的事我帮您核查。您觉得我们会故意坑您吗？谢谢您。", "forbidden", True),
    ("complaint-billing", "王先生，抱歉让您着急了。多扣50元的事我帮您核查。您出门前就不能先打个电话问问？谢谢您。", "forbidden", True),
    ("complaint-billing", "王先生，抱歉，我理解您的心情。多扣50元我帮您查。说实话您这个问题挺初级的。谢谢。", "forbidden", True),
    ("complaint-billing", "王先生，抱歉多扣了您50元，理解您生气。这个是总部的事，我们营业厅也是受害者。我现在核查账单，多扣的退还给您。谢谢您。", "forbidden", True),
    ("decline-policy", "先生，我们又不是开后门的，" + D48, "forbidden", True),
    ("decline-policy", "通融？那出了事算谁的？实名制规定得本人来，您让他回来自己办吧。", "forbidden", True),
    ("greet-entry", "嘖，您好，请问办什么业务？这边请吧。", "forbidden", True),
    ("greet-entry", "您好，明天再说吧。", "forbidden", True),
    ("follow-up-promise", "行，我理解。这样，今天我先给您送一张临时流量包，明天上午九点到十一点师傅上门，十二点前我给您打电话问问修好没有。", "forbidden", False),
    ("needs-questions", N48 + "预算方面，您心里有个数吗？没有也没关系，我们先看看。", "bad_question", False),
    # kind lines no penalty: the blame taken off him or put on the staff, a brush-off spared him, a friendly check, oaths kept
    ("complaint-billing", "王先生，真的抱歉，多扣您50元，这完全不是您的问题，您没做错任何事，您生气很正常。我现在就核查账单，多扣的钱给您退还。谢谢您跑一趟。", "forbidden", False),
    ("complaint-billing", "王先生，这事本来就不应该发生，是我们做得不好，您骂我们都是应该的。我现在马上核查您的扣费记录，多扣的50元给您退还。", "forbidden", False),
    ("complaint-billing", "王先生，真是对不起，又多扣了您50元，您生气我理解。是我上次没跟您说清楚，我真笨。现在就帮您核查账单，多扣的钱退还给您。谢谢您。", "forbidden", False),
    ("complaint-billing", "王先生，真是对不起，又多扣了您50元。是我上次没跟您说清楚，我脑子进水了。现在就帮您核查账单，多扣的钱退还给您。谢谢您。", "forbidden", False),
    ("complaint-billing", "王先生，真的对不起，又多扣了您50元，您生气我理解。我不会让您重新排队取号，我现在就核查账单，多扣的钱退还给您。谢谢您。", "forbidden", False),
    ("complaint-billing", "王先生，真的对不起，又多扣了您50元，您生气我理解。不用您自己打10086了，我现在就核查账单，多扣的钱退还给您。谢谢您。", "forbidden", False),
    ("complaint-billing", "王先生，真对不起，让您受气了，我理解。多扣的50元我马上核查，后面还有人排队也没关系，您的事先办。谢谢您。", "forbidden", False),
    ("complaint-billing", "王先生，真对不起，让您受气了，我理解。多扣的50元我马上核查，至于后面怎么避免，我也会给您设好提醒。谢谢您。", "thanks", True),
    ("phone-answer", "您好，城东营业厅小王，不好意思久等了。您是不是还没吃饭？那我长话短说，尽快帮您办完，请问有什么事？", "forbidden", False),
    ("needs-questions", "您好，您是不是在比较这几款？您希望在什么价位？平时主要怎么用？", "bad_question", False),
    ("needs-questions", "您好，您转了这么久肯定累了吧，先坐下喝口水。您想看看什么样的手机？平时用手机主要做什么？", "bad_question", False),
    ("listening-restate", L47 + "上次要是有同事说您不会用，那是我们不对，我理解得对吗？", "judgement", False),
    ("listening-restate", L47 + "怎么就您碰上这种事了，真是太糟心了，我理解得对吗？", "judgement", False),
    ("follow-up-promise", "先生，这个故障要师傅上门，今天搞不定。我百分百会在今晚8点前打给您，明天上午师傅上门。", "overpromise", False),
    ("follow-up-promise", "先生，这个要师傅上门，今天排满了，明天上午师傅上门。我可以打包票，今晚7点前您一定会接到我的电话。", "overpromise", False),
    # what dev's trainers let pass
    ("decline-policy", "这个不行不行，真不行。您也别怪我，我要是今天给您办了，明天来个人说帮他老表补卡，我办不办？办了出事情谁负责？您说是吧。您让您朋友回来再说，或者把身份证给您带过来，再写个授权，写个授权书，格式我可以给您一张样子，您拿去照着写，签个字按个手印就行。", "forbidden", False),
    ("decline-policy", "这事儿真帮不了，不是不给您面子——号码是绑着他本人身份的。他人不在本地的话，就近任何一家营业厅都能补。", "forbidden", False),
    ("decline-policy", "这个真不行啊先生，您想想，要是我今天给您通融了，那明天别人也来说通融，后天又来一个，那这个规定就等于没有了，对吧，而且万一出了问题，号码被别人拿去干了什么事，那责任谁来负呢，我们也负不起，您朋友也不愿意，所以说还是按规定来比较好，您让他回来再办吧。", "forbidden", False),
    ("greet-entry", "欢迎光临！您是第一次来我们这个厅吧？我们这个厅刚装修过，以前那个门在那边的。您要办什么？我带您过去。", "forbidden", False),
    ("follow-up-promise", "嗯，明天，明天师傅会去的。您先用手机流量将就一下吧。", "forbidden", False),
    ("complaint-billing", "王先生，又是你啊，上个月你来我就记得的。你讲得对，老是这样就是我们的毛病。这回我不光把50块查清楚，还把你套餐里那些乱七八糟的东西一把清掉，顺带给你设个话费提醒，多扣一分钱短信就过来了，省得你再跑一趟。", "forbidden", False),
    ("needs-questions", "小姐你好，唔使急，慢慢睇。想問吓你而家部手機用咗幾耐？係咪有咩問題，例如電池唔夠用？", "bad_question", False),
    ("listening-restate", "知道了知道了，信号差嘛。", "judgement", False),
]  # fmt: skip


@pytest.mark.parametrize("scenario, text, item, expected", SESSION_48)
def test_10_session_48_the_red_teams_findings_third_pass(scenario, text, item, expected):
    assert (item in met(scenario, text)) is expected
