"""Run an nbgrader command in a course folder and say clearly when it fails."""

from __future__ import annotations

import subprocess
import sys

from carecourse.trainer.workspace import CourseError, Workspace, with_scripts_on_path

__all__ = ["NbgraderFailed", "run_nbgrader"]


class NbgraderFailed(CourseError):
    """nbgrader ran and exited with an error; ``log`` is all it printed."""

    def __init__(self, message: str, log: str):
        super().__init__(message)
        self.log = log


def run_nbgrader(ws: Workspace, *args: str) -> str:
    """``nbgrader ARGS`` with the course folder as working directory; its log on success."""
    try:
        import nbgrader  # noqa: F401
    except ImportError:
        raise CourseError("nbgrader is not installed: pip install 'carecourse[course]'") from None
    with_scripts_on_path()
    done = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=ws.root, capture_output=True, text=True)
    log = done.stdout + done.stderr
    if done.returncode != 0:
        lines = [line for line in log.splitlines() if "ERROR" in line or "Error" in line] or log.splitlines()[-5:]
        raise NbgraderFailed(f"nbgrader {args[0]} failed:\n" + "\n".join(lines[-8:]), log)
    return log
