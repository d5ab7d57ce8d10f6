"""Commands that combine steps: ``init`` a course folder."""

from __future__ import annotations

from carecourse.course.release import add_sources
from carecourse.course.workspace import CourseError, Workspace, read_roster
from carecourse.exercises import assignment_ids

__all__ = ["init"]


def init(folder, *, roster=None, book_url: str = "") -> Workspace:
    """A new course folder holding every assignment; the roster is checked before anything is made."""
    try:
        import nbgrader  # noqa: F401
    except ImportError:
        raise CourseError("nbgrader is not installed: pip install 'carecourse[course]'") from None
    if roster:
        read_roster(roster)  # a bad roster stops here, before the folder exists
    ws = Workspace.create(folder, book_url=book_url)
    add_sources(ws, assignment_ids())
    with ws.gradebook():
        pass  # creates the gradebook database
    if roster:
        ws.import_roster(roster)
    return ws
