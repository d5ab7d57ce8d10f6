# nbgrader configuration for a carecourse cohort (written by `carecourse course init`).
# carecourse reads this file too, so its direct grader writes to the same gradebook.
c = get_config()  # noqa: F821

c.CourseDirectory.course_id = "carecourse"

# Learners type between the quotes of  q1 = """…""" : nbgrader puts this line there
# instead of its default `raise NotImplementedError()`.
c.ClearSolutions.code_stub = {"python": "（请在此处写下你的回应）"}
c.ClearSolutions.text_stub = "（请在此处写下你的回答）"

# nbgrader copies every file beside a source notebook into the learner's release folder:
# never an assignment file (it holds the keys), whatever else is kept there.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "*.yaml", "*.yml"]

# Grading cells call carecourse and return a number; nothing in them should take long.
c.Execute.timeout = 60

# nbgrader's own feedback (`nbgrader generate_feedback`) shows every cell as it was graded,
# its hidden tests too, with their keys: take them out of the feedback, as the release does.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]

# Gradebook: gradebook.db (SQLite) in this folder, unless a db_url is set below. For many
# trainers at once (nbgrader on JupyterHub) use a PostgreSQL database instead, from the
# start: `carecourse course init DIR --db-url URL` writes the line below (needs psycopg 3,
# part of carecourse[course]; a password can stay out of this file, in ~/.pgpass):
# c.CourseDirectory.db_url = "postgresql://trainer:PASSWORD@db.example.org/carecourse"

# The repository's exercises are the source assignments.
c.CourseDirectory.source_directory = "../exercises"
