import pytest
from click.testing import CliRunner

from carecourse.cli import main


@pytest.fixture
def cli():
    """Run the carecourse command in-process: cli("grade", ..., input="...")."""
    runner = CliRunner()

    def run(*args, input=None):
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return run
