"""A private PostgreSQL server for the tests (a pytest plugin: ``pytest_plugins`` in conftest).

``postgres`` (session scope) runs Debian's server binaries (``make pg-deps``): ``initdb`` into
a temporary folder, ``pg_ctl start`` on a free loopback port with its socket in that folder
and trust authentication, and stops it after the session. PostgreSQL refuses to run as
root, so as root the server runs as ``nobody``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

__all__ = ["PgServer", "pg_bindir", "postgres"]

SUPERUSER = "postgres"
UNPRIVILEGED = "nobody"  # who runs the server when the tests run as root


def pg_bindir() -> Path:
    """Where ``initdb`` and ``pg_ctl`` are: on PATH, or Debian's /usr/lib/postgresql/<ver>/bin."""
    on_path = shutil.which("pg_ctl")
    candidates = [Path(on_path).resolve().parent] if on_path else []
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=_version, reverse=True)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    pytest.fail("PostgreSQL's initdb and pg_ctl were not found: run `make pg-deps` (Debian's postgresql)", pytrace=False)


def _version(bindir: Path) -> tuple:
    return tuple(int(part) if part.isdigit() else 0 for part in bindir.parent.name.split("."))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class PgServer:
    port: int
    home: Path  # data folder, socket, log

    def url(self, database: str = "postgres") -> str:
        """The documented URL form (``postgresql://``, no driver named)."""
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str, *, template: str | None = None) -> str:
        """A new database (a copy of ``template`` if given); its URL."""
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.url(), autocommit=True) as db:
            if template:  # a template must have no other sessions open
                db.execute("select pg_terminate_backend(pid) from pg_stat_activity "
                           "where datname = %s and pid <> pg_backend_pid()", [template])  # fmt: skip
                db.execute(sql.SQL("create database {} template {}").format(sql.Identifier(name), sql.Identifier(template)))
            else:
                db.execute(sql.SQL("create database {}").format(sql.Identifier(name)))
        return self.url(name)


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", UNPRIVILEGED, "--", *command] if os.geteuid() == 0 else command


def _run(command: list[str], home: Path) -> None:
    done = subprocess.run(_as_server_user(command), cwd=home, capture_output=True, text=True)
    if done.returncode != 0:
        log = home / "server.log"
        tail = log.read_text(errors="replace")[-2000:] if log.is_file() else ""
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}{tail}")


@pytest.fixture(scope="session")
def postgres(request) -> PgServer:
    """A running private PostgreSQL server, stopped (and its folder removed) after the session."""
    bindir = pg_bindir()
    # Not pytest's tmp_path: that sits in a 0700 folder of the invoking user, which the
    # server's user (nobody, under root) cannot enter.
    home = Path(tempfile.mkdtemp(prefix="carecourse-pg-"))
    request.addfinalizer(lambda: shutil.rmtree(home, ignore_errors=True))
    if os.geteuid() == 0:
        shutil.chown(home, UNPRIVILEGED)
    data = home / "data"
    _run([str(bindir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--locale=C"], home)
    pg_ctl = [str(bindir / "pg_ctl"), "-D", str(data), "-w"]
    request.addfinalizer(lambda: subprocess.run(_as_server_user([*pg_ctl, "stop", "-m", "immediate"]),
                                                cwd=home, capture_output=True))  # fmt: skip
    for attempt in range(3):  # the free port may be taken before the server binds it
        server = PgServer(_free_port(), home)
        options = f"-c listen_addresses=127.0.0.1 -p {server.port} -k {home} -c fsync=off -c full_page_writes=off"
        try:
            _run([*pg_ctl, "start", "-t", "60", "-l", str(home / "server.log"), "-o", options], home)
            break
        except RuntimeError:
            if attempt == 2:
                raise
    return server
