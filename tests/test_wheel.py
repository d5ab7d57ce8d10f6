"""carecourse works installed from its built wheel: data files ship inside the package."""

import json
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
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    wheel = next(dist.glob("carecourse-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("carecourse/rubrics/complaint-billing.yaml", "carecourse/detect/lexicon/apology.yaml",
                   "carecourse/normalize/typos.yaml", "carecourse/score/gaming.yaml",
                   "carecourse/feedback/messages.yaml"):  # fmt: skip
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
    names = zipfile.ZipFile(wheel).namelist()
    assert "carecourse/course/nbgrader_config.py.txt" in names
    assert len([n for n in names if n.startswith("carecourse/exercises/assignments/")]) >= 6
    # without the [course] extra (nbgrader), a trainer command says what to install
    proc = subprocess.run([bin_dir / "carecourse", "course", "init", tmp_path / "c"], capture_output=True, text=True)
    assert proc.returncode == 2 and "carecourse[course]" in proc.stderr and not (tmp_path / "c").exists()
