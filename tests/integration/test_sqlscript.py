"""The differential runner's own logic: script parsing and outcome comparison (no servers)."""

import pytest

from sqlscript import Outcome, ScriptError, Statement, compare, parse_script


def test_statements_end_at_semicolon_at_end_of_line():
    stmts = parse_script("-- a comment\nSELECT 1;\n\nSELECT 'a;b',\n  2;\n")
    assert [s.sql for s in stmts] == ["SELECT 1", "SELECT 'a;b',\n  2"]
    assert [s.line for s in stmts] == [2, 4]


def test_directives_apply_to_the_next_statement_only():
    stmts = parse_script("-- sorted\n-- meta\nSELECT 1;\n-- error 1062\nINSERT x;\nSELECT 2;\n"
                         "-- skip relaydb: not yet\n-- error_message_differs: wording\nSELECT 3;\n")
    assert (stmts[0].sorted, stmts[0].meta, stmts[0].error) == (True, True, None)
    assert stmts[1].error == 1062 and not stmts[1].sorted
    assert stmts[2] == Statement("SELECT 2", 6)
    assert stmts[3].skip_relaydb == "not yet" and stmts[3].error_message_differs == "wording"


@pytest.mark.parametrize("text", [
    "-- sortd\nSELECT 1;\n",             # typo of a directive
    "-- error\nSELECT 1;\n",             # missing errno
    "-- skip relaydb:\nSELECT 1;\n",     # missing reason
    "-- error_message_differs\nSELECT 1;\n",
    "SELECT 1;\n-- sorted\n",            # dangling directive
    "SELECT 1\n",                        # unterminated
])
def test_malformed_scripts_are_rejected(text):
    with pytest.raises(ScriptError):
        parse_script(text)


def rows(*r):
    return Outcome(columns=["a"], meta=[("a", 3, 0, 0, 63)], rows=list(r))


def test_equal_results_pass_and_value_text_matters():
    s = Statement("SELECT a", 1)
    assert compare(s, rows((b"1.0",)), rows((b"1.0",))) == []
    assert compare(s, rows((b"1",)), rows((b"1.0",))) == ["rows differ"]


def test_sorted_ignores_order_only_when_asked():
    a, b = rows((b"1",), (b"2",)), rows((b"2",), (b"1",))
    assert compare(Statement("x", 1), a, b) == ["rows differ"]
    assert compare(Statement("x", 1, sorted=True), a, b) == []


def test_errors_compare_errno_sqlstate_and_message():
    e = lambda n, st="23000", m="Duplicate entry '1' for key 'PRIMARY'": Outcome(error=(n, st, m))
    s = Statement("x", 1, error=1062)
    assert compare(s, e(1062), e(1062)) == []
    assert compare(s, e(1062, m="other"), e(1062)) == ["error message differs"]
    assert compare(Statement("x", 1, error=1062, error_message_differs="why"),
                   e(1062, m="other"), e(1062)) == []
    assert compare(s, e(1062, st="HY000"), e(1062)) == ["SQLSTATE differs"]
    assert "relaydb: expected error 1062" in compare(s, rows(), e(1062))
    # An error the script did not announce fails even when both servers agree.
    assert compare(Statement("x", 1), e(1062), e(1062))


def test_ok_packet_fields_and_metadata():
    ok = lambda **kw: Outcome(affected=kw.get("a", 1), insert_id=0, info=kw.get("i"))
    assert compare(Statement("x", 1), ok(a=2), ok()) == ["affected differs"]
    assert compare(Statement("x", 1, ignore_result=True), ok(a=2), ok()) == []
    m = rows((b"1",))
    m2 = Outcome(columns=["a"], meta=[("a", 8, 0, 0, 63)], rows=[(b"1",)])
    assert compare(Statement("x", 1), m, m2) == []
    assert compare(Statement("x", 1, meta=True), m, m2) == ["column metadata differs"]
