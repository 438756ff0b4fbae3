"""pytest fixtures for the integration suites: servers to test against, logs on failure.

Fixtures
  relaydb        the server under test (session-wide process, checked alive around each test)
  mariadb        the reference MariaDB 10.11 (session-wide process, same checks)
  server_factory starts extra servers for one test (replication topologies, restarts);
                 all are stopped by PID when the test ends
A failing test gets the log tails of every server it used attached to its report.

Environment
  RELAYDB_BIN                   relaydb binary (default build/src/server/relaydb); a missing
                                binary is an error, never a skip
  RELAYDB_DIFF_AGAINST_MARIADB  =1: the "relaydb" side is a second MariaDB (self-check)
  RELAYDB_TEST_CACHE            where the MariaDB template datadir is cached
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from servers import (MariadbServer, Server, ServerError, against_mariadb,  # noqa: E402
                     subject_server)


def _or_fail(make):
    """Runs make(); a ServerError fails the test with just its message (and server logs)."""
    try:
        return make()
    except ServerError as e:
        message = str(e)
    pytest.fail(message, pytrace=False)


def _start(server: Server) -> Server:
    return _or_fail(server.start)


@pytest.fixture(scope="session")
def relaydb_session(tmp_path_factory):
    server = _or_fail(lambda: subject_server(tmp_path_factory.mktemp("relaydb"), server_id=1))
    _start(server)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def mariadb_session(tmp_path_factory):
    server = MariadbServer(tmp_path_factory.mktemp("mariadb"), server_id=2, name="mariadb")
    _start(server)
    yield server
    server.stop()


def _checked(server: Server):
    """Yields a session server to one test. A server that died, or stopped answering, during
    the test fails it and is restarted (killed first if hung) for the tests that follow."""
    if not server.alive():
        died = server.logs()
        _start(server)
        pytest.fail(f"{server.name} had died before this test (restarted)\n{died}", pytrace=False)
    yield server
    if not server.alive():
        rc, logs = server.proc.returncode, server.logs()
        _start(server)
        pytest.fail(f"{server.name} died during this test (rc={rc}; restarted)\n{logs}",
                    pytrace=False)
    if not server.responsive():
        logs = server.logs()
        server.kill()
        _start(server)
        pytest.fail(f"{server.name} stopped answering during this test (killed, restarted)\n{logs}",
                    pytrace=False)


@pytest.fixture
def relaydb(relaydb_session):
    yield from _checked(relaydb_session)


@pytest.fixture
def mariadb(mariadb_session):
    yield from _checked(mariadb_session)


class ServerFactory:
    """Starts servers for one test under its tmp_path; stop_all() stops them by PID."""

    def __init__(self, root: Path):
        self.root = root
        self.servers: list[Server] = []

    def _add(self, server: Server, start: bool) -> Server:
        self.servers.append(server)
        return _start(server) if start else server

    def relaydb(self, name: str = "relaydb", server_id: int = 1, extra_args=(), start=True,
                port=None) -> Server:
        name = f"{name}{len(self.servers)}"
        return self._add(_or_fail(lambda: subject_server(self.root / name, port, server_id,
                                                          extra_args, name=name)), start)

    def mariadb(self, name: str = "mariadb", server_id: int = 2, extra_args=(), start=True,
                port=None, log_bin=True) -> Server:
        name = f"{name}{len(self.servers)}"
        return self._add(MariadbServer(self.root / name, port, server_id, extra_args, name=name,
                                       log_bin=log_bin), start)

    def stop_all(self) -> None:
        errors = []
        for server in reversed(self.servers):
            try:
                server.stop()
            except ServerError as e:
                errors.append(str(e))
            finally:
                server.kill()
        if errors:
            pytest.fail("\n".join(errors), pytrace=False)


@pytest.fixture
def server_factory(tmp_path):
    factory = ServerFactory(tmp_path)
    yield factory
    factory.stop_all()


def _servers_of(item) -> list[Server]:
    found: list[Server] = []
    for value in getattr(item, "funcargs", {}).values():
        if isinstance(value, Server):
            found.append(value)
        elif isinstance(value, ServerFactory):
            found.extend(value.servers)
    return list(dict.fromkeys(found))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.failed:
        for server in _servers_of(item):
            report.sections.append((f"server log: {server.name} (port {server.port})",
                                    server.logs()))


def pytest_report_header(config):
    if against_mariadb():
        return "relaydb side: a second MariaDB (RELAYDB_DIFF_AGAINST_MARIADB=1)"
    return f"relaydb side: {os.environ.get('RELAYDB_BIN', '(default build/src/server/relaydb)')}"
