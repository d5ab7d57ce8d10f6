"""`carecourse rubric check` and `rubric test`: what a trainer runs on a new scenario."""

import json
from pathlib import Path

import carecourse.rubrics

RUBRICS = Path(carecourse.rubrics.__file__).parent


def test_check_accepts_every_shipped_rubric(cli):
    files = sorted(str(p) for p in RUBRICS.glob("*.yaml"))
    out = cli("rubric", "check", *files)
    assert out.exit_code == 0, out.output
    assert out.output.count(": ok (") == len(files)


def test_check_reports_a_broken_rubric_and_exits_2(cli, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text((RUBRICS / "greet-entry.yaml").read_text(encoding="utf-8").replace("techniques: [greeting]", "techniques: [greetings]", 1), encoding="utf-8")
    out = cli("rubric", "check", str(broken))
    assert out.exit_code == 2
    assert out.output.startswith(f"carecourse: error: {broken}:")  # as every command says it
    assert "unknown technique greetings" in out.output


def test_test_prints_agreement_and_confusion(cli):
    out = cli("rubric", "test", str(RUBRICS / "complaint-billing.yaml"))
    assert out.exit_code == 0, out.output
    assert "agreement" in out.output and "TP" in out.output and "restate" in out.output


def test_test_fails_below_the_declared_threshold(cli, tmp_path):
    text = (RUBRICS / "greet-entry.yaml").read_text(encoding="utf-8")
    # Mark every sample as meeting nothing: agreement must collapse below 95%.
    import yaml

    data = yaml.safe_load(text)
    for s in data["samples"]:
        s["met"], s["penalties"] = [], []
    bad = tmp_path / "greet-entry.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = cli("rubric", "test", str(bad), "--json")
    assert out.exit_code == 1
    report = json.loads(out.output)[0]
    assert report["passed"] is False and report["agreement"] < 0.95


def test_grade_with_a_rubric_file(cli):
    out = cli("grade", "--rubric", str(RUBRICS / "greet-entry.yaml"), "-", "--json", input="您好，欢迎光临！")
    assert out.exit_code == 0
    assert json.loads(out.output)["scenario"] == "greet-entry"


def test_grade_with_a_broken_rubric_file_is_one_line(cli, tmp_path):
    bad = tmp_path / "x.yaml"
    bad.write_text("id: x\n", encoding="utf-8")
    out = cli("grade", "--rubric", str(bad), "-", input="您好")
    assert out.exit_code == 2
    assert len(out.output.strip().splitlines()) == 1 and "x.yaml" in out.output


def test_a_sample_file_giving_a_key_twice_is_refused_naming_the_line(cli, tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("scenario: greet-entry\nsamples:\n  - label: poor\n    text: 喂\n    penalties: []\n"
                     "    met: []\n    penalties: [rude]\n", encoding="utf-8")  # fmt: skip
    out = cli("rubric", "test", str(RUBRICS / "greet-entry.yaml"), "--samples", str(extra))
    assert out.exit_code == 2
    assert out.output.strip() == f"carecourse: error: {extra}:7: penalties is given twice (first on line 5); YAML keeps only the last, so say it once"


def test_samples_for_a_scenario_not_tested_are_an_error_not_dropped(cli, tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("# held out\nscenario: hotel-nosie\nsamples:\n  - label: poor\n    text: 喂\n", encoding="utf-8")
    out = cli("rubric", "test", str(RUBRICS / "greet-entry.yaml"), "--samples", str(extra))
    assert out.exit_code == 2
    assert out.output.startswith(f"carecourse: error: {extra}:2: scenario 'hotel-nosie' is none of the rubrics tested (greet-entry)")


def test_a_sample_file_mark_its_rubric_lacks_is_an_error(cli, tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("scenario: greet-entry\nsamples:\n  - label: poor\n    text: 喂\n    penalties: [ghost]\n", encoding="utf-8")
    out = cli("rubric", "test", str(RUBRICS / "greet-entry.yaml"), "--samples", str(extra))
    assert out.exit_code == 2
    assert f"{extra}:5: sample 1: greet-entry has no penalty ghost" in out.output


def test_a_sample_file_adds_its_samples_to_its_rubrics(cli, tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("scenario: greet-entry\nsamples:\n  - label: poor\n    text: 喂\n", encoding="utf-8")
    plain = json.loads(cli("rubric", "test", str(RUBRICS / "greet-entry.yaml"), "--json").output)[0]
    out = cli("rubric", "test", str(RUBRICS / "greet-entry.yaml"), "--samples", str(extra), "--json")
    assert json.loads(out.output)[0]["samples"] == plain["samples"] + 1
