"""The trainer's workflow: run a cohort through an assignment with nbgrader.

Behind ``carecourse course …`` (``cli/course.py``); needs the ``[course]`` extra (nbgrader).
Its modules, in the order a trainer meets them:

- ``workspace``: the course folder (nbgrader's layout and carecourse's own state), the
  roster, the per-assignment lock and atomic writes.
- ``gradebook``: nbgrader's gradebook behind one adapter (one session per command), in SQL
  on nbgrader's own tables (``gradebook_sql``) without importing nbgrader.
- ``workflow``: ``init`` a course folder with its assignments and roster.
- ``release``: nbgrader source notebooks and the learner version to hand out
  (``nbgrader_run`` runs nbgrader's own commands).
- ``collect``: returned notebooks (a folder or a zip) into ``submitted/``, each problem noted.
- ``grading``: ``grade`` the cohort, record the scores, keep every learner's details.
- ``feedback_pages``: one feedback page per learner.
- ``report`` (with ``report_charts``): the cohort report and ``criteria.csv``.
- ``export`` (with ``spreadsheet``): ``grades.csv`` from the gradebook.
- ``demo``: a sample cohort run through all of the above.
"""
