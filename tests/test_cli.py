"""The command-line contract of docs/contract.md: JSON shape, offsets, exit codes."""

import json
import subprocess
import sys

import pytest

REPLY = "王先生，非常抱歉！这个月多扣了您50元，换作是我也会很生气。我马上为您核查账单，多扣的费用会退还给您。谢谢您告诉我们。"


def test_grade_json_follows_the_contract(cli, tmp_path):
    answer = tmp_path / "answer.txt"
    answer.write_text(REPLY, encoding="utf-8")
    out = cli("grade", "--scenario", "complaint-billing", str(answer), "--json")
    assert out.exit_code == 0
    data = json.loads(out.output)
    assert data["scenario"] == "complaint-billing"
    assert isinstance(data["score"], float) and isinstance(data["max_score"], float)
    assert 0 <= data["score"] <= data["max_score"]
    ids = [c["id"] for c in data["criteria"]]
    assert ids == ["restate", "apology", "empathy", "action", "thanks", "order"]
    for c in data["criteria"]:
        assert {"id", "met", "points", "max_points", "evidence", "feedback"} <= set(c)
        assert c["feedback"]
        for e in c["evidence"]:
            assert REPLY[e["start"] : e["end"]] == e["text"]
    assert data["penalties"] == []
    assert all(c["met"] for c in data["criteria"]), data


def test_grade_reads_stdin(cli):
    out = cli("grade", "--scenario", "greet-entry", "-", "--json", input="您好，欢迎光临！请问您办理什么业务？这边请。")
    data = json.loads(out.output)
    assert data["score"] == data["max_score"]


def test_penalty_evidence_slices_back(cli):
    text = "你错了，我们从来不会多扣钱。"
    data = json.loads(cli("grade", "-s", "complaint-billing", "-", "--json", input=text).output)
    forbidden = [p for p in data["penalties"] if p["id"] == "forbidden"]
    assert forbidden and forbidden[0]["points"] < 0
    spans = [(e["start"], e["end"]) for e in forbidden[0]["evidence"]]
    assert len(spans) == len(set(spans)), "one span is evidence once"
    for e in forbidden[0]["evidence"]:
        assert text[e["start"] : e["end"]] == e["text"]


def test_analyze_json_offsets_slice_back(cli):
    text = "您好！非常抱歉让您久等了，請問有什麼可以幫您？"
    data = json.loads(cli("analyze", "-", "--json", input=text).output)
    ids = {t["id"] for t in data["techniques"]}
    assert {"greeting", "apology", "open_question"} <= ids
    for t in data["techniques"]:
        assert text[t["start"] : t["end"]] == t["text"]


def test_readable_output_without_json(cli):
    out = cli("grade", "--scenario", "complaint-billing", "-", input=REPLY)
    assert out.exit_code == 0
    assert "complaint-billing" in out.output and "✓" in out.output


def test_scenarios_lists_the_seven_core_scenarios(cli):
    data = json.loads(cli("scenarios", "--json").output)
    ids = {s["id"] for s in data}
    assert {"complaint-billing", "decline-policy", "needs-questions", "listening-restate",
            "follow-up-promise", "greet-entry", "phone-answer"} <= ids  # fmt: skip


@pytest.mark.parametrize(
    "args, message",
    [
        (["grade", "--scenario", "no-such-thing", "-"], "unknown scenario 'no-such-thing'"),
        (["grade", "--scenario", "greet-entry", "missing.txt"], "missing.txt: no such file"),
        (["analyze", "missing.txt"], "missing.txt: no such file"),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_2(cli, args, message):
    out = cli(*args, input="")
    assert out.exit_code == 2
    lines = out.output.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]


def test_undecodable_file_is_rejected(cli, tmp_path):
    bad = tmp_path / "gbk.txt"
    bad.write_bytes("您好，请问".encode("gbk"))
    out = cli("grade", "-s", "greet-entry", str(bad))
    assert out.exit_code == 2
    assert "not UTF-8" in out.output and len(out.output.strip().splitlines()) == 1


def test_a_folder_is_rejected(cli, tmp_path):
    out = cli("analyze", str(tmp_path))
    assert out.exit_code == 2 and "is a folder" in out.output


def test_utf8_bom_is_accepted(cli, tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes("\ufeff您好，欢迎光临！".encode("utf-8"))
    data = json.loads(cli("analyze", str(f), "--json").output)
    assert data["techniques"][0]["start"] == 0


def test_installed_entry_point_runs():
    proc = subprocess.run(
        [sys.executable, "-m", "carecourse", "grade", "--scenario", "phone-answer", "-", "--json"],
        input="您好，让您久等了！这里是中国移动东风营业厅，我是3号客服小李，请问有什么可以帮您？".encode(),
        capture_output=True,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["scenario"] == "phone-answer"
    assert proc.stderr == b""
