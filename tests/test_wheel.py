"""carecourse works installed from its built wheel: data files ship inside the package."""

import json
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_in_a_fresh_venv_and_grades(tmp_path):
    dist = tmp_path / "dist"
    tree = tmp_path / "src-tree"  # a clean copy: a stale build/ in the checkout never reaches the wheel
    shutil.copytree(ROOT, tree, ignore=shutil.ignore_patterns(".git", ".venv", "_build", "build", "dist", "*.egg-info", "__pycache__"))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist), str(tree)],
        check=True, capture_output=True,
    )  # fmt: skip
    wheel = next(dist.glob("carecourse-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("carecourse/rubrics/complaint-billing.yaml", "carecourse/detect/lexicon/apology.yaml",
                   "carecourse/normalize/typos.yaml", "carecourse/score/gaming/gaming.yaml",
                   "carecourse/feedback/messages.yaml", "carecourse/detect/learned.json"):  # fmt: skip
        assert needed in names

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / "bin"
    subprocess.run([bin_dir / "pip", "install", "--quiet", str(wheel)], check=True, capture_output=True)
    proc = subprocess.run(
        [bin_dir / "carecourse", "grade", "--scenario", "complaint-billing", "-", "--json"],
        input="王先生，非常抱歉！这个月多扣了您50元，换作是我也会生气。我马上为您核查，多扣的钱会退还给您。谢谢您！".encode(),
        capture_output=True, cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr.decode()
    result = json.loads(proc.stdout)
    assert result["score"] == result["max_score"]
    where = subprocess.run([bin_dir / "python", "-c", "import carecourse; print(carecourse.__file__)"],
                           capture_output=True, text=True, cwd=tmp_path, check=True).stdout  # fmt: skip
    assert str(env_dir) in where
    analysed = subprocess.run([bin_dir / "carecourse", "analyze", "-", "--json"], input="仓库那边今天盘点，发不了货。".encode(),
                              capture_output=True, cwd=tmp_path, check=True)  # fmt: skip
    assert {"id": "reason", "text": "仓库那边今天盘点", "start": 0, "end": 8, "kind": "learned"} in json.loads(analysed.stdout)["techniques"]
    assert_browser_grader_ships(bin_dir, tmp_path, result)
    names = zipfile.ZipFile(wheel).namelist()
    assert "carecourse/trainer/nbgrader_config.py.txt" in names
    assert_no_answer_key_in(wheel)
    # without the [course] extra (nbgrader), a trainer command says what to install
    proc = subprocess.run([bin_dir / "carecourse", "course", "init", tmp_path / "c"], capture_output=True, text=True)
    assert proc.returncode == 2 and "carecourse[course]" in proc.stderr and not (tmp_path / "c").exists()


def assert_browser_grader_ships(bin_dir: Path, tmp_path: Path, python_result: dict) -> None:
    """``carecourse web`` from the wheel writes a grader Node runs with the same result."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed: `make node-deps` installs it (make test runs it)")
    subprocess.run([bin_dir / "carecourse", "web", tmp_path / "web"], check=True, capture_output=True)
    proc = subprocess.run(
        [node, tmp_path / "web" / "cli.mjs", "grade", "--scenario", "complaint-billing", "-"],
        input="王先生，非常抱歉！这个月多扣了您50元，换作是我也会生气。我马上为您核查，多扣的钱会退还给您。谢谢您！".encode(),
        capture_output=True, check=True,
    )  # fmt: skip
    assert json.loads(proc.stdout) == python_result


def assert_no_answer_key_in(wheel: Path) -> None:
    """The package learners install holds no assignment file and no trace of any key."""
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        assert not [n for n in names if n.startswith("carecourse/assignments/") and n.endswith(".yaml")]
        text = "\n".join(zf.read(n).decode("utf-8", "replace") for n in names)
    assert_no_key_in(text)


def assert_no_key_in(text: str) -> None:
    from carecourse.assignments import assignment_files, load
    from conftest import key_traces, leaked_keys

    assignments = [load(path) for path in assignment_files(ROOT / "exercises").values()]
    assert sum(len(key_traces(item)) for a in assignments for item in a.items) > 100
    assert not [(a.id, leak) for a in assignments for leak in leaked_keys(a, text)]


@pytest.mark.slow
def test_the_learner_kit_holds_the_labs_and_the_package_and_no_key(tmp_path):
    """`make learner-kit`: what learners get instead of this checkout (keys, solutions, corpus)."""
    kit = tmp_path / "carecourse-lab"
    subprocess.run(["make", "-s", "learner-kit", f"KIT={kit}"], cwd=ROOT, check=True, capture_output=True)
    files = sorted(str(p.relative_to(kit)) for p in kit.rglob("*") if p.is_file())
    labs = sorted(f"book/{p.name}" for p in (ROOT / "book").glob("m*-lab.ipynb"))
    (wheel,) = kit.glob("carecourse-*.whl")
    assert files == sorted(["Makefile", "README.md", wheel.name, *labs])
    assert (tmp_path / "carecourse-lab.zip").is_file()
    assert_no_answer_key_in(wheel)
    notebooks = "\n".join((kit / lab).read_text(encoding="utf-8") for lab in labs)
    assert "BEGIN SOLUTION" not in notebooks and "HIDDEN TESTS" not in notebooks
    assert_no_key_in(notebooks)
    assert "carecourse-*.whl" in (kit / "Makefile").read_text(encoding="utf-8")


def test_the_package_source_holds_no_key():
    """What the wheel is built from (every file in src/carecourse/), without building it."""
    package = ROOT / "src" / "carecourse"
    files = [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert not [p for p in files if p.suffix in (".yaml", ".yml") and is_assignment(p)]
    assert_no_key_in("\n".join(p.read_bytes().decode("utf-8", "replace") for p in files))


def is_assignment(path: Path) -> bool:
    from carecourse.assignments import AssignmentError, parse

    try:
        parse(path.read_text(encoding="utf-8"), str(path))
    except AssignmentError:
        return False
    return True
