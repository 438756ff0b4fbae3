"""Accounts and privileges, relaydb against MariaDB statement by statement.

* CREATE USER ... IDENTIFIED BY / IDENTIFIED BY PASSWORD '*hash', login with the right and
  wrong password (1045 with MariaDB's exact message), unknown users, empty passwords;
  the caching_sha2_password client plugin (PyMySQL asked to use it: relaydb takes the fast
  path for accounts with a plain password, MariaDB switches the client to native);
* privileges: GRANT SELECT ON db.* then INSERT/UPDATE/DELETE/CREATE denied (1142), other
  databases (1044), SET GLOBAL without SUPER (1227), SHOW GRANTS text equal to MariaDB's
  for the same GRANT/REVOKE statements, REVOKE, DROP USER, errors 1396 / 1372;
* persistence: accounts, passwords and grants after a restart; --root-password on a fresh
  datadir (relaydb's own option).
"""

from __future__ import annotations

import time

import pymysql
import pymysql.connections
import pytest

from servers import against_mariadb


def relaydb_bug(reason: str):
    """A known relaydb bug: the test must fail on relaydb (strict), and pass in self-check."""
    return pytest.mark.xfail(not against_mariadb(), strict=True, raises=AssertionError,
                             reason=f"relaydb bug: {reason}")

DB = "db_acct"
OTHER_DB = "db_acct_other"
USERS = ["acc_ro", "acc_rw", "acc_hash", "acc_sha", "acc_nopw", "acc_tbl", "acc_drop", "acc_glob",
         "acc_all"]


# --- helpers ------------------------------------------------------------------------------

def run(conn, sql, args=None):
    with conn.cursor() as cur:
        cur.execute(sql, args)
        return cur.fetchall()


def root(server):
    return server.connect(autocommit=True)


def error_of(fn):
    """(errno, message) of the MySQL error fn() raises, or None (fn's result discarded)."""
    try:
        fn()
    except pymysql.err.MySQLError as e:
        return tuple(e.args[:2])
    return None


def login(server, user, password, **kwargs):
    return server.connect(user=user, password=password, autocommit=True, **kwargs)


def login_error(server, user, password, **kwargs):
    def attempt():
        login(server, user, password, **kwargs).close()
    return error_of(attempt)


def as_user(server, user, password, sql, **kwargs):
    """Runs sql as user; returns ("ok", rows) or ("error", errno, message)."""
    try:
        conn = login(server, user, password, **kwargs)
    except pymysql.err.MySQLError as e:
        return ("login failed",) + tuple(e.args[:2])
    try:
        return ("ok", run(conn, sql))
    except pymysql.err.MySQLError as e:
        return ("error",) + tuple(e.args[:2])
    finally:
        conn.close()


def drop_users(server):
    conn = root(server)
    try:
        for u in USERS:
            run(conn, f"DROP USER IF EXISTS '{u}'@'%'")
            run(conn, f"DROP USER IF EXISTS '{u}'@'localhost'")
        for db in (DB, OTHER_DB):
            run(conn, f"DROP DATABASE IF EXISTS {db}")
    finally:
        conn.close()


@pytest.fixture
def sides(relaydb, mariadb):
    pairs = [("relaydb", relaydb), ("mariadb", mariadb)]
    for _, server in pairs:
        drop_users(server)
        conn = root(server)
        run(conn, f"CREATE DATABASE {DB}")
        run(conn, f"CREATE DATABASE {OTHER_DB}")
        run(conn, f"CREATE TABLE {DB}.t (id INT PRIMARY KEY, v VARCHAR(10))")
        run(conn, f"INSERT INTO {DB}.t VALUES (1, 'a')")
        run(conn, f"CREATE TABLE {OTHER_DB}.o (id INT)")
        conn.close()
    yield pairs
    for _, server in pairs:
        if server.alive():
            drop_users(server)


def on_both(sides, scenario):
    results = {name: scenario(server) for name, server in sides}
    assert results["relaydb"] == results["mariadb"], (
        f"relaydb and MariaDB differ:\n relaydb: {results['relaydb']!r}\n"
        f" mariadb: {results['mariadb']!r}")
    return results["mariadb"]


def setup_on_both(sides, *statements):
    """Runs the statements as root on both sides; their outcomes (error or rows) must match."""
    def scenario(server):
        conn = root(server)
        try:
            out = []
            for sql in statements:
                try:
                    out.append(run(conn, sql))
                except pymysql.err.MySQLError as e:
                    out.append(tuple(e.args[:2]))
            return out
        finally:
            conn.close()
    return on_both(sides, scenario)


# --- passwords and logins ------------------------------------------------------------------

def test_login_with_right_and_wrong_password(sides):
    setup_on_both(sides, "CREATE USER 'acc_ro'@'%' IDENTIFIED BY 'pw1'",
                  "CREATE USER 'acc_nopw'@'%'")

    def scenario(server):
        ok = as_user(server, "acc_ro", "pw1", "SELECT CURRENT_USER(), USER() LIKE 'acc_ro@%'")
        return (ok,
                login_error(server, "acc_ro", "wrong"),
                login_error(server, "acc_ro", ""),
                login_error(server, "no_such_user", "x"),
                login_error(server, "no_such_user", ""),
                as_user(server, "acc_nopw", "", "SELECT CURRENT_USER()"),
                login_error(server, "acc_nopw", "something"))

    ok, wrong, empty, unknown, unknown_empty, nopw, nopw_wrong = on_both(sides, scenario)
    assert ok == ("ok", (("acc_ro@%", 1),))
    assert wrong == (1045, "Access denied for user 'acc_ro'@'localhost' (using password: YES)")
    assert empty == (1045, "Access denied for user 'acc_ro'@'localhost' (using password: NO)")
    assert unknown == (1045, "Access denied for user 'no_such_user'@'localhost' (using password: YES)")
    assert unknown_empty[0] == 1045 and nopw == ("ok", (("acc_nopw@%",),))
    assert nopw_wrong[0] == 1045


def test_identified_by_password_hash(sides):
    setup_on_both(sides, "CREATE USER 'acc_hash'@'%' IDENTIFIED BY PASSWORD "
                         "'*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19'")  # PASSWORD('password')

    def scenario(server):
        return (as_user(server, "acc_hash", "password", "SELECT CURRENT_USER()"),
                login_error(server, "acc_hash", "Password"),
                run(root(server), "SHOW GRANTS FOR 'acc_hash'@'%'"),
                error_of(lambda: run(root(server), "CREATE USER 'acc_drop'@'%' IDENTIFIED BY PASSWORD 'nothex'")))

    ok, wrong, grants, bad = on_both(sides, scenario)
    assert ok == ("ok", (("acc_hash@%",),)) and wrong[0] == 1045
    assert grants == (("GRANT USAGE ON *.* TO `acc_hash`@`%` IDENTIFIED BY PASSWORD "
                       "'*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19'",),)
    assert bad == (1372, "Password hash should be a 41-digit hexadecimal number")


def test_password_function(sides):
    def scenario(server):
        try:
            return run(root(server), "SELECT PASSWORD('password'), PASSWORD('')")
        except pymysql.err.MySQLError as e:
            return tuple(e.args[:2])

    assert on_both(sides, scenario) == (("*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19", ""),)


def test_change_password(sides):
    setup_on_both(sides, "CREATE USER 'acc_rw'@'%' IDENTIFIED BY 'old'",
                  "ALTER USER 'acc_rw'@'%' IDENTIFIED BY 'new'")

    def scenario(server):
        steps = [login_error(server, "acc_rw", "old"),
                 as_user(server, "acc_rw", "new", "SELECT 1")]
        conn = login(server, "acc_rw", "new")
        steps.append(error_of(lambda: run(conn, "SET PASSWORD = PASSWORD('newer')")))
        conn.close()
        steps += [login_error(server, "acc_rw", "new"), as_user(server, "acc_rw", "newer", "SELECT 2")]
        run(root(server), "SET PASSWORD FOR 'acc_rw'@'%' = PASSWORD('x')")
        steps.append(as_user(server, "acc_rw", "x", "SELECT 3"))
        return steps

    steps = on_both(sides, scenario)
    assert steps[0][0] == 1045 and steps[1] == ("ok", ((1,),)) and steps[2] is None
    assert steps[3][0] == 1045 and steps[4] == ("ok", ((2,),)) and steps[5] == ("ok", ((3,),))


class Sha2Connection(pymysql.connections.Connection):
    """PyMySQL asking for caching_sha2_password whatever the server's greeting proposes;
    records the plugins the server switches it to."""

    def __init__(self, *args, **kwargs):
        self.switched_to: list[bytes] = []
        super().__init__(*args, **kwargs)

    def _get_server_information(self):
        super()._get_server_information()
        self._auth_plugin_name = "caching_sha2_password"

    def _process_auth(self, plugin_name, auth_packet):
        self.switched_to.append(plugin_name)
        return super()._process_auth(plugin_name, auth_packet)


def sha2_login(server, user, password):
    """(result, plugins switched to) or ((errno, message), plugins)."""
    conn = None
    try:
        conn = Sha2Connection(host=server.host, port=server.port, user=user, password=password,
                              autocommit=True, connect_timeout=10)
        return run(conn, "SELECT CURRENT_USER()"), conn.switched_to
    except pymysql.err.MySQLError as e:
        return tuple(e.args[:2]), None
    finally:
        if conn is not None:
            conn.close()


def test_caching_sha2_password_client(sides):
    setup_on_both(sides, "CREATE USER 'acc_sha'@'%' IDENTIFIED BY 'sha-secret'",
                  "CREATE USER 'acc_hash'@'%' IDENTIFIED BY PASSWORD "
                  "'*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19'",
                  "CREATE USER 'acc_nopw'@'%'")
    results = {}
    for name, server in sides:
        results[name] = (sha2_login(server, "acc_sha", "sha-secret"),
                         sha2_login(server, "acc_hash", "password"),
                         sha2_login(server, "acc_sha", "wrong"))
    rel, mdb = results["relaydb"], results["mariadb"]
    # Same outcome for every login on both servers.
    assert [r[0] for r in rel] == [m[0] for m in mdb], results
    assert rel[0][0] == (("acc_sha@%",),) and rel[1][0] == (("acc_hash@%",),)
    assert rel[2][0] == (1045, "Access denied for user 'acc_sha'@'localhost' (using password: YES)")
    if not against_mariadb():
        # relaydb knows SHA256(SHA256(pw)) for accounts given a plain password: fast auth,
        # no switch; a hash-only account is switched to mysql_native_password.
        assert rel[0][1] == [], rel
        assert rel[1][1] == [b"mysql_native_password"], rel
    assert mdb[0][1] == [b"mysql_native_password"], mdb


def test_caching_sha2_password_client_empty_password(sides):
    setup_on_both(sides, "CREATE USER 'acc_nopw'@'%'")
    results = {name: sha2_login(server, "acc_nopw", "")[0] for name, server in sides}
    assert results["relaydb"] == results["mariadb"] == (("acc_nopw@%",),), results


# --- privileges ----------------------------------------------------------------------------

def test_select_only_grant_denies_writes(sides):
    setup_on_both(sides, "CREATE USER 'acc_ro'@'%' IDENTIFIED BY 'pw'",
                  f"GRANT SELECT ON {DB}.* TO 'acc_ro'@'%'")

    def scenario(server):
        q = lambda sql, **kw: as_user(server, "acc_ro", "pw", sql, **kw)  # noqa: E731
        return [q(f"SELECT * FROM {DB}.t"),
                q("SELECT * FROM t", database=DB),
                q(f"INSERT INTO {DB}.t VALUES (2, 'b')"),
                q("INSERT INTO t VALUES (2, 'b')", database=DB),
                q(f"UPDATE {DB}.t SET v = 'x'"),
                q(f"DELETE FROM {DB}.t"),
                q(f"CREATE TABLE {DB}.n (a INT)"),
                q(f"DROP TABLE {DB}.t"),
                q(f"USE {OTHER_DB}"),
                q("SELECT 1", database=OTHER_DB),
                q(f"SHOW TABLES FROM {DB}"),
                q("SHOW GRANTS"),
                q("SHOW DATABASES LIKE 'db_acct%'"),
                run(root(server), f"SELECT * FROM {DB}.t")]

    out = on_both(sides, scenario)
    assert out[0] == ("ok", ((1, "a"),))
    assert out[2] == ("error", 1142, "INSERT command denied to user 'acc_ro'@'localhost' for table `db_acct`.`t`")
    assert out[4] == ("error", 1142, "UPDATE command denied to user 'acc_ro'@'localhost' for table `db_acct`.`t`")
    assert out[5] == ("error", 1142, "DELETE command denied to user 'acc_ro'@'localhost' for table `db_acct`.`t`")
    assert out[6] == ("error", 1142, "CREATE command denied to user 'acc_ro'@'localhost' for table `db_acct`.`n`")
    assert out[8] == ("error", 1044, "Access denied for user 'acc_ro'@'%' to database 'db_acct_other'")
    assert out[9][:2] == ("login failed", 1044)
    assert out[-2] == ("ok", (("db_acct",),))
    assert out[-1] == ((1, "a"),)


def test_information_schema_shows_only_accessible_objects(sides):
    setup_on_both(sides, "CREATE USER 'acc_ro'@'%' IDENTIFIED BY 'pw'",
                  f"GRANT SELECT ON {DB}.* TO 'acc_ro'@'%'")

    def scenario(server):
        q = lambda sql: as_user(server, "acc_ro", "pw", sql)  # noqa: E731
        return [q("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA ORDER BY 1"),
                q("SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES "
                  "WHERE TABLE_SCHEMA LIKE 'db_acct%' ORDER BY 1, 2"),
                q("SELECT TABLE_SCHEMA, COLUMN_NAME FROM information_schema.COLUMNS "
                  "WHERE TABLE_SCHEMA LIKE 'db_acct%' ORDER BY 1, 2")]

    out = on_both(sides, scenario)
    assert out[0] == ("ok", (("db_acct",), ("information_schema",)))


def test_table_level_grant(sides):
    setup_on_both(sides, "CREATE USER 'acc_tbl'@'%' IDENTIFIED BY 'pw'",
                  f"GRANT SELECT, INSERT ON {DB}.t TO 'acc_tbl'@'%'")

    def scenario(server):
        q = lambda sql: as_user(server, "acc_tbl", "pw", sql)  # noqa: E731
        return [q(f"INSERT INTO {DB}.t VALUES (3, 'c')"),
                q(f"SELECT id FROM {DB}.t ORDER BY id"),
                q(f"UPDATE {DB}.t SET v = 'z'"),
                q(f"SHOW GRANTS FOR CURRENT_USER")]

    out = on_both(sides, scenario)
    assert out[1] == ("ok", ((1,), (3,)))
    assert out[2][1] == 1142, out


def test_select_needs_a_privilege(sides):
    setup_on_both(sides, "CREATE USER 'acc_ro'@'%' IDENTIFIED BY 'pw'",
                  f"GRANT SELECT ON {DB}.* TO 'acc_ro'@'%'",
                  "CREATE USER 'acc_tbl'@'%' IDENTIFIED BY 'pw'",
                  f"GRANT SELECT ON {DB}.t TO 'acc_tbl'@'%'",
                  f"CREATE TABLE {DB}.t2 (a INT)",
                  "CREATE USER 'acc_rw'@'%' IDENTIFIED BY 'pw'",
                  f"GRANT SELECT ON {DB}.* TO 'acc_rw'@'%'",
                  f"REVOKE SELECT ON {DB}.* FROM 'acc_rw'@'%'")

    def scenario(server):
        return [as_user(server, "acc_ro", "pw", f"SELECT * FROM {OTHER_DB}.o"),
                as_user(server, "acc_ro", "pw", f"SELECT * FROM {DB}.t JOIN {OTHER_DB}.o"),
                as_user(server, "acc_tbl", "pw", f"SELECT * FROM {DB}.t2"),
                as_user(server, "acc_rw", "pw", f"SELECT * FROM {DB}.t")]

    out = on_both(sides, scenario)
    assert out[0] == ("error", 1142, "SELECT command denied to user 'acc_ro'@'localhost' "
                                     "for table `db_acct_other`.`o`")
    assert all(o[:2] == ("error", 1142) for o in out), out


SET_GLOBALS = ["SET GLOBAL max_connections = 100", "SET GLOBAL sql_mode = ''",
               "SET @@global.wait_timeout = 100", "SET GLOBAL read_only = 1",
               "SET GLOBAL innodb_lock_wait_timeout = 5"]


def test_set_global_needs_super(sides):
    setup_on_both(sides, "CREATE USER 'acc_glob'@'%' IDENTIFIED BY 'pw'",
                  f"GRANT ALL ON {DB}.* TO 'acc_glob'@'%'")

    def scenario(server):
        out = [as_user(server, "acc_glob", "pw", sql) for sql in SET_GLOBALS]
        out.append(as_user(server, "acc_glob", "pw", "SET SESSION sql_mode = ''"))
        out.append(as_user(server, "acc_glob", "pw", "SELECT @@global.max_connections"))
        return out

    out = on_both(sides, scenario)
    assert out[0] == ("error", 1227, "Access denied; you need (at least one of) the SUPER, "
                                     "CONNECTION ADMIN privilege(s) for this operation")
    assert all(o[:2] == ("error", 1227) for o in out[:len(SET_GLOBALS)]), out
    assert out[-2] == ("ok", ()) and out[-1] == ("ok", ((151,),))


GRANT_SCRIPTS = [
    ["CREATE USER 'acc_all'@'%' IDENTIFIED BY 'pw'",
     f"GRANT ALL PRIVILEGES ON {DB}.* TO 'acc_all'@'%' WITH GRANT OPTION",
     "GRANT PROCESS, RELOAD ON *.* TO 'acc_all'@'%'",
     f"GRANT SELECT, UPDATE ON {OTHER_DB}.o TO 'acc_all'@'%'"],
    ["CREATE USER 'acc_rw'@'localhost' IDENTIFIED BY 'pw'",
     f"GRANT SELECT, INSERT, UPDATE, DELETE ON {DB}.* TO 'acc_rw'@'localhost'",
     f"REVOKE INSERT, DELETE ON {DB}.* FROM 'acc_rw'@'localhost'",
     "GRANT SELECT ON *.* TO 'acc_rw'@'localhost'"],
    ["CREATE USER 'acc_glob'@'%'",
     "GRANT SUPER, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'acc_glob'@'%'",
     f"GRANT CREATE, DROP, ALTER, INDEX ON {DB}.* TO 'acc_glob'@'%'"],
    ["CREATE USER 'acc_tbl'@'%' IDENTIFIED BY 'pw'",
     f"GRANT SELECT ON {DB}.t TO 'acc_tbl'@'%'",
     f"GRANT INSERT ON {DB}.t TO 'acc_tbl'@'%'",
     f"REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'acc_tbl'@'%'",
     f"GRANT USAGE ON *.* TO 'acc_tbl'@'%'"],
    ["CREATE USER 'acc_ro'@'%' IDENTIFIED BY 'pw'",
     "GRANT ALL ON *.* TO 'acc_ro'@'%'",
     "REVOKE SUPER ON *.* FROM 'acc_ro'@'%'"],
]


@pytest.mark.parametrize("script", GRANT_SCRIPTS, ids=lambda s: s[0].split("'")[1])
def test_show_grants_matches_mariadb(sides, script):
    user = script[0].split()[2]
    outcomes = setup_on_both(sides, *script)
    assert all(o == () for o in outcomes), outcomes

    def scenario(server):
        return run(root(server), f"SHOW GRANTS FOR {user}")

    grants = on_both(sides, scenario)
    assert grants and grants[0][0].startswith("GRANT ")


def test_revoke_takes_effect_for_new_connections(sides):
    setup_on_both(sides, "CREATE USER 'acc_rw'@'%' IDENTIFIED BY 'pw'",
                  f"GRANT SELECT, INSERT ON {DB}.* TO 'acc_rw'@'%'")

    def scenario(server):
        out = [as_user(server, "acc_rw", "pw", f"INSERT INTO {DB}.t VALUES (5, 'e')")]
        run(root(server), f"REVOKE INSERT ON {DB}.* FROM 'acc_rw'@'%'")
        out.append(as_user(server, "acc_rw", "pw", f"INSERT INTO {DB}.t VALUES (6, 'f')"))
        out.append(as_user(server, "acc_rw", "pw", f"SELECT COUNT(*) FROM {DB}.t"))
        run(root(server), f"REVOKE SELECT ON {DB}.* FROM 'acc_rw'@'%'")
        out.append(as_user(server, "acc_rw", "pw", f"INSERT INTO {DB}.t VALUES (7, 'g')"))
        out.append(run(root(server), "SHOW GRANTS FOR 'acc_rw'@'%'"))
        out.append(error_of(lambda: run(root(server), f"REVOKE UPDATE ON {DB}.* FROM 'acc_rw'@'%'")))
        return out

    out = on_both(sides, scenario)
    assert out[0] == ("ok", ()) and out[1][:2] == ("error", 1142) and out[2] == ("ok", ((2,),))
    assert out[3] == ("error", 1142, "INSERT command denied to user 'acc_rw'@'localhost' for table `db_acct`.`t`")
    assert out[5] == (1141, "There is no such grant defined for user 'acc_rw' on host '%'")


def test_drop_user(sides):
    setup_on_both(sides, "CREATE USER 'acc_drop'@'%' IDENTIFIED BY 'pw'")

    def scenario(server):
        conn = root(server)
        try:
            out = [as_user(server, "acc_drop", "pw", "SELECT 1"),
                   error_of(lambda: run(conn, "CREATE USER 'acc_drop'@'%'")),
                   run(conn, "DROP USER 'acc_drop'@'%'"),
                   login_error(server, "acc_drop", "pw"),
                   error_of(lambda: run(conn, "DROP USER 'acc_drop'@'%'")),
                   error_of(lambda: run(conn, "SHOW GRANTS FOR 'acc_drop'@'%'")),
                   run(conn, "DROP USER IF EXISTS 'acc_drop'@'%'"),
                   run(conn, "SHOW WARNINGS"),
                   run(conn, "CREATE USER IF NOT EXISTS 'acc_drop'@'%'"),
                   run(conn, "CREATE USER IF NOT EXISTS 'acc_drop'@'%'"),
                   run(conn, "SHOW WARNINGS")]
            return out
        finally:
            conn.close()

    out = on_both(sides, scenario)
    assert out[0] == ("ok", ((1,),))
    assert out[1] == (1396, "Operation CREATE USER failed for 'acc_drop'@'%'")
    assert out[3][0] == 1045
    assert out[4] == (1396, "Operation DROP USER failed for 'acc_drop'@'%'")
    assert out[5] == (1141, "There is no such grant defined for user 'acc_drop' on host '%'")


def test_user_without_grant_option_cannot_grant(sides):
    setup_on_both(sides, "CREATE USER 'acc_rw'@'%' IDENTIFIED BY 'pw'",
                  f"GRANT SELECT ON {DB}.* TO 'acc_rw'@'%'",
                  "CREATE USER 'acc_ro'@'%'")

    def scenario(server):
        return [as_user(server, "acc_rw", "pw", f"GRANT SELECT ON {DB}.* TO 'acc_ro'@'%'"),
                as_user(server, "acc_rw", "pw", "CREATE USER 'acc_nopw'@'%'"),
                as_user(server, "acc_rw", "pw", "DROP USER 'acc_ro'@'%'")]

    out = on_both(sides, scenario)
    assert all(o[0] == "error" for o in out), out


# --- persistence and --root-password -------------------------------------------------------

def test_accounts_persist_across_restart(server_factory):
    server = server_factory.relaydb()
    conn = root(server)
    for sql in ["CREATE DATABASE db_p", "CREATE TABLE db_p.t (a INT)",
                "CREATE USER 'keep'@'%' IDENTIFIED BY 'kpw'",
                "GRANT SELECT ON db_p.* TO 'keep'@'%'",
                "CREATE USER 'gone'@'%' IDENTIFIED BY 'gpw'",
                "CREATE USER 'changed'@'%' IDENTIFIED BY 'first'"]:
        run(conn, sql)
    run(conn, "DROP USER 'gone'@'%'")
    run(conn, "ALTER USER 'changed'@'%' IDENTIFIED BY 'second'")
    grants = run(conn, "SHOW GRANTS FOR 'keep'@'%'")
    conn.close()

    for restart in (server.restart, lambda: (server.kill(), server.start())):
        restart()
        assert run(root(server), "SHOW GRANTS FOR 'keep'@'%'") == grants
        assert as_user(server, "keep", "kpw", "SELECT COUNT(*) FROM db_p.t") == ("ok", ((0,),))
        assert as_user(server, "keep", "kpw", "INSERT INTO db_p.t VALUES (1)")[:2] == ("error", 1142)
        assert login_error(server, "gone", "gpw")[0] == 1045
        assert login_error(server, "changed", "first")[0] == 1045
        assert as_user(server, "changed", "second", "SELECT 1") == ("ok", ((1,),))


def _wait_login(server, password, timeout=30.0):
    deadline = time.monotonic() + timeout
    while True:
        assert server.alive(), server.logs()
        try:
            return server.connect(password=password, autocommit=True, connect_timeout=2)
        except (OSError, pymysql.err.MySQLError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def test_root_password_on_fresh_datadir(server_factory):
    if against_mariadb():
        pytest.skip("--root-password is relaydb's own option")
    server = server_factory.relaydb(extra_args=["--root-password=r00t pw"], start=False)
    server.prepare()
    server._spawn()  # start() would log in with an empty password
    conn = _wait_login(server, "r00t pw")
    assert run(conn, "SELECT CURRENT_USER()") == (("root@localhost",),)
    conn.close()
    assert login_error(server, "root", "") == \
        (1045, "Access denied for user 'root'@'localhost' (using password: NO)")
    assert "given --root-password" in server.error_log.read_text()

    # On an existing datadir the option changes nothing, and the password is kept.
    assert server.stop() == 0
    server.extra_args = ["--root-password=other"]
    server._spawn()
    _wait_login(server, "r00t pw").close()
    assert login_error(server, "root", "other")[0] == 1045
    assert server.stop() == 0
