"""The package's design, checked: the pipeline flows one way and nothing inside the package
leans on the top-level ``carecourse`` module."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import carecourse
from carecourse.detect import detect
from carecourse.feedback import write_feedback
from carecourse.normalize import normalize
from carecourse.rubrics import builtin
from carecourse.score import apply_rubric

PACKAGE = Path(carecourse.__file__).parent
# each step may import the ones before it, never the ones after
STEPS = ["results", "normalize", "detect", "score", "feedback", "pipeline"]


def _imports(path: Path) -> list[str]:
    """Every carecourse module a file imports (``from carecourse import x`` counts as carecourse.x)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] == "carecourse"]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "carecourse":
            if node.module == "carecourse":
                found += [f"carecourse.{a.name}" for a in node.names]
            else:
                found.append(node.module)
    return found


def _step_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STEPS else None


def _files_of(step: str) -> list[Path]:
    folder = PACKAGE / step
    return sorted(folder.rglob("*.py")) if folder.is_dir() else [PACKAGE / f"{step}.py"]


def test_no_module_inside_the_package_imports_the_top_level_package():
    public = set(carecourse.__all__)
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path == PACKAGE / "__init__.py":
            continue
        bad = [m for m in _imports(path) if m == "carecourse" or m.split(".", 1)[-1] in public]
        offenders += [f"{path.relative_to(PACKAGE)}: {m}" for m in bad]
    assert offenders == []


def test_each_pipeline_step_imports_only_the_steps_before_it():
    backwards = []
    for k, step in enumerate(STEPS):
        later = set(STEPS[k + 1 :])
        for path in _files_of(step):
            backwards += [f"{path.relative_to(PACKAGE)} imports {m}" for m in _imports(path) if _step_of(m) in later]
    assert backwards == []


def test_the_steps_chain_each_taking_the_previous_output():
    text = "王先生，非常抱歉给您添麻烦了，我马上为您核查账单，今天下午五点前给您回电话。"
    rubric = builtin("complaint-billing")
    normalised = normalize(text)
    analysis = detect(normalised)
    scored = apply_rubric(rubric, analysis)
    result = write_feedback(scored)
    assert result.to_dict() == carecourse.grade("complaint-billing", text).to_dict()
    # scoring says nothing to the learner yet; feedback adds the words without changing the facts
    assert [c.criterion.id for c in scored.criteria] == [c.id for c in result.criteria]
    assert [(c.met, c.points) for c in scored.criteria] == [(c.met, c.points) for c in result.criteria]
    assert all(c.feedback for c in result.criteria)
    assert result.score == scored.score > 0


def _unit(path: Path) -> str:
    """The subpackage (or top-level module) a file belongs to."""
    first = path.relative_to(PACKAGE).with_suffix("").parts[0]
    return "carecourse" if first == "__init__" else first


def test_the_subpackages_import_each_other_one_way_only():
    """No two parts of the package import each other, directly or round a loop (lazy imports
    inside functions count too): a reader following an import never comes back."""
    edges: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        here = _unit(path)
        for module in _imports(path):
            parts = module.split(".")
            there = parts[1] if len(parts) > 1 else "carecourse"
            if there != here:
                edges.setdefault(here, set()).add(there)

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        return any(n == goal or (n not in seen and reaches(n, goal, seen | {n})) for n in edges.get(start, ()))

    loops = sorted(f"{a} -> {b}" for a, targets in edges.items() for b in targets if reaches(b, a, {b}))
    assert loops == []


# -- the browser engine (web/static/engine/): the same steps, the same one-way flow ------------

ENGINE = PACKAGE / "web" / "static" / "engine"
# each module of engine/ by the pipeline step it belongs to (text: Python's re and bisect)
ENGINE_STEPS = {
    "text": "text", "normalize": "normalize",
    "structure": "detect", "matcher": "detect", "questions": "detect", "linear": "detect", "tone": "detect", "detect": "detect",
    "score": "score", "spans": "score", "quotes": "score", "learned": "score", "gaming": "score", "rebukes": "score",
    "feedback": "feedback", "core": "pipeline",
}  # fmt: skip


def _engine_imports(path: Path) -> set[str]:
    """The engine modules a module of engine/ imports (by name, without .mjs)."""
    source = path.read_text(encoding="utf-8")
    return {name for name in re.findall(r'from "\./([\w-]+)\.mjs"', source)}


def test_every_module_of_the_browser_engine_belongs_to_a_step_and_is_named_after_its_python_module():
    modules = {p.stem for p in ENGINE.glob("*.mjs")}
    assert modules == set(ENGINE_STEPS)
    for name in modules - {"text", "core"}:  # (core: the compiled data; text: re and bisect)
        header = " ".join((ENGINE / f"{name}.mjs").read_text(encoding="utf-8").split("\n")[:2])
        followed = [PACKAGE / b if a == "carecourse" else PACKAGE / a / b
                    for a, b in re.findall(r"([a-z_]+)/([a-z_]+)", header) if b == name]  # fmt: skip
        assert any(p.is_dir() or p.with_suffix(".py").is_file() for p in followed), (name, header)


def test_the_browser_engine_steps_import_only_the_steps_before_them_and_never_round_a_loop():
    order = ["text", *STEPS[1:]]  # (text before normalize, as results is before it in Python)
    edges = {p.stem: _engine_imports(p) for p in ENGINE.glob("*.mjs")}
    backwards = [f"{a} imports {b}" for a, bs in edges.items() for b in bs
                 if order.index(ENGINE_STEPS[b]) > order.index(ENGINE_STEPS[a])]  # fmt: skip
    assert backwards == []

    def reaches(start: str, goal: str, seen: frozenset[str]) -> bool:
        return any(n == goal or (n not in seen and reaches(n, goal, seen | {n})) for n in edges.get(start, ()))

    assert [m for m in edges if reaches(m, m, frozenset())] == []
