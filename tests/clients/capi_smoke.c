/* capi_smoke: exercises a server through the MariaDB C connector (libmariadb) and prints
 * everything it sees in a stable text form. tests/integration/test_clients.py runs it
 * against relaydb and against MariaDB and requires the two outputs to be identical.
 *
 * Covers: connect, text-protocol queries with result metadata (mysql_store_result),
 * affected rows / insert id / warnings, and server-side prepared statements
 * (mysql_stmt_prepare / bind_param / execute / bind_result / fetch) with INT, DOUBLE,
 * string, BLOB and DATETIME parameters and results, NULLs, re-execution, and errors.
 *
 * usage: capi_smoke HOST PORT DATABASE      (user root, empty password)
 * exit status: 0 when every call behaved, 1 otherwise (the reason is printed).
 */
#include <mysql.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static MYSQL *conn;

static void die(const char *what) {
  printf("FAILED %s: %u %s %s\n", what, mysql_errno(conn), mysql_sqlstate(conn), mysql_error(conn));
  exit(1);
}

static void stmt_die(MYSQL_STMT *stmt, const char *what) {
  printf("FAILED %s: %u %s %s\n", what, mysql_stmt_errno(stmt), mysql_stmt_sqlstate(stmt),
         mysql_stmt_error(stmt));
  exit(1);
}

static void query(const char *sql) {
  if (mysql_query(conn, sql)) die(sql);
}

/* Runs a text-protocol query and prints metadata and rows. */
static void print_query(const char *sql) {
  MYSQL_RES *res;
  MYSQL_FIELD *fields;
  MYSQL_ROW row;
  unsigned int i, n;

  printf("query: %s\n", sql);
  query(sql);
  res = mysql_store_result(conn);
  if (!res) {
    if (mysql_field_count(conn) != 0) die("store_result");
    printf("  ok: affected=%llu insert_id=%llu warnings=%u info=%s\n",
           (unsigned long long)mysql_affected_rows(conn), (unsigned long long)mysql_insert_id(conn),
           mysql_warning_count(conn), mysql_info(conn) ? mysql_info(conn) : "-");
    return;
  }
  n = mysql_num_fields(res);
  fields = mysql_fetch_fields(res);
  for (i = 0; i < n; i++) {
    printf("  field %u: name=%s org_name=%s table=%s type=%d length=%lu flags=0x%x decimals=%u charset=%u\n",
           i, fields[i].name, fields[i].org_name, fields[i].table, (int)fields[i].type,
           fields[i].length, fields[i].flags, fields[i].decimals, fields[i].charsetnr);
  }
  while ((row = mysql_fetch_row(res)) != NULL) {
    unsigned long *lengths = mysql_fetch_lengths(res);
    printf("  row:");
    for (i = 0; i < n; i++) {
      if (row[i] == NULL)
        printf(" NULL");
      else
        printf(" [%.*s]", (int)lengths[i], row[i]);
    }
    printf("\n");
  }
  printf("  rows=%llu\n", (unsigned long long)mysql_num_rows(res));
  mysql_free_result(res);
}

/* One row of the prepared INSERT: id, i, d, s, blob, dt; NULL for everything but id when
 * is_null is set. */
struct Row {
  int id;
  int i;
  double d;
  const char *s;
  const unsigned char *blob;
  unsigned long blob_len;
  MYSQL_TIME dt;
  my_bool is_null;
};

static struct Row make_row(int id, int i, double d, const char *s, const unsigned char *blob,
                           unsigned long blob_len, unsigned year, unsigned month, unsigned day,
                           unsigned hour, unsigned minute, unsigned second) {
  struct Row r;
  memset(&r, 0, sizeof(r));
  r.id = id;
  r.i = i;
  r.d = d;
  r.s = s;
  r.blob = blob;
  r.blob_len = blob_len;
  r.dt.year = year;
  r.dt.month = month;
  r.dt.day = day;
  r.dt.hour = hour;
  r.dt.minute = minute;
  r.dt.second = second;
  r.dt.time_type = MYSQL_TIMESTAMP_DATETIME;
  return r;
}

static void prepared_insert(MYSQL_STMT *stmt, struct Row *r) {
  MYSQL_BIND b[6];
  unsigned long s_len = r->s ? (unsigned long)strlen(r->s) : 0;
  unsigned long blob_len = r->blob_len;

  memset(b, 0, sizeof(b));
  b[0].buffer_type = MYSQL_TYPE_LONG;
  b[0].buffer = &r->id;
  b[1].buffer_type = MYSQL_TYPE_LONG;
  b[1].buffer = &r->i;
  b[1].is_null = &r->is_null;
  b[2].buffer_type = MYSQL_TYPE_DOUBLE;
  b[2].buffer = &r->d;
  b[2].is_null = &r->is_null;
  b[3].buffer_type = MYSQL_TYPE_STRING;
  b[3].buffer = (void *)r->s;
  b[3].buffer_length = s_len;
  b[3].length = &s_len;
  b[3].is_null = &r->is_null;
  b[4].buffer_type = MYSQL_TYPE_BLOB;
  b[4].buffer = (void *)r->blob;
  b[4].buffer_length = blob_len;
  b[4].length = &blob_len;
  b[4].is_null = &r->is_null;
  b[5].buffer_type = MYSQL_TYPE_DATETIME;
  b[5].buffer = &r->dt;
  b[5].is_null = &r->is_null;
  if (mysql_stmt_bind_param(stmt, b)) stmt_die(stmt, "bind_param");
  if (mysql_stmt_execute(stmt)) stmt_die(stmt, "execute insert");
  printf("prepared insert: param_count=%lu affected=%llu\n", mysql_stmt_param_count(stmt),
         (unsigned long long)mysql_stmt_affected_rows(stmt));
}

static void prepared_select(MYSQL *c, int id, const char *label) {
  MYSQL_STMT *stmt = mysql_stmt_init(c);
  const char *sql = "SELECT id, i, d, s, b, dt FROM capi WHERE id = ?";
  MYSQL_BIND param, res[6];
  MYSQL_RES *meta;
  MYSQL_FIELD *f;
  int out_id = 0, out_i = 0, rc;
  double out_d = 0;
  char out_s[128];
  unsigned char out_b[64];
  MYSQL_TIME out_dt;
  unsigned long len[6];
  my_bool nul[6];
  unsigned int k;

  if (mysql_stmt_prepare(stmt, sql, strlen(sql))) stmt_die(stmt, "prepare select");
  memset(&param, 0, sizeof(param));
  param.buffer_type = MYSQL_TYPE_LONG;
  param.buffer = &id;
  if (mysql_stmt_bind_param(stmt, &param)) stmt_die(stmt, "bind select param");
  if (mysql_stmt_execute(stmt)) stmt_die(stmt, "execute select");

  meta = mysql_stmt_result_metadata(stmt);
  if (!meta) stmt_die(stmt, "result_metadata");
  f = mysql_fetch_fields(meta);
  printf("stmt fields:");
  for (k = 0; k < mysql_num_fields(meta); k++) printf(" %s/%d/0x%x/%u", f[k].name, (int)f[k].type, f[k].flags, f[k].decimals);
  printf("\n");
  mysql_free_result(meta);

  memset(res, 0, sizeof(res));
  memset(&out_dt, 0, sizeof(out_dt));
  res[0].buffer_type = MYSQL_TYPE_LONG;
  res[0].buffer = &out_id;
  res[1].buffer_type = MYSQL_TYPE_LONG;
  res[1].buffer = &out_i;
  res[2].buffer_type = MYSQL_TYPE_DOUBLE;
  res[2].buffer = &out_d;
  res[3].buffer_type = MYSQL_TYPE_STRING;
  res[3].buffer = out_s;
  res[3].buffer_length = sizeof(out_s);
  res[4].buffer_type = MYSQL_TYPE_BLOB;
  res[4].buffer = out_b;
  res[4].buffer_length = sizeof(out_b);
  res[5].buffer_type = MYSQL_TYPE_DATETIME;
  res[5].buffer = &out_dt;
  for (k = 0; k < 6; k++) {
    res[k].length = &len[k];
    res[k].is_null = &nul[k];
  }
  if (mysql_stmt_bind_result(stmt, res)) stmt_die(stmt, "bind_result");
  if (mysql_stmt_store_result(stmt)) stmt_die(stmt, "store_result");
  printf("stmt %s rows=%llu\n", label, (unsigned long long)mysql_stmt_num_rows(stmt));
  while ((rc = mysql_stmt_fetch(stmt)) == 0 || rc == MYSQL_DATA_TRUNCATED) {
    printf("stmt %s: id=%d", label, out_id);
    if (nul[1]) printf(" i=NULL"); else printf(" i=%d", out_i);
    if (nul[2]) printf(" d=NULL"); else printf(" d=%g", out_d);
    if (nul[3]) printf(" s=NULL"); else printf(" s='%.*s'", (int)len[3], out_s);
    if (nul[4]) printf(" blob=NULL"); else printf(" blob=%lu bytes", len[4]);
    if (nul[5])
      printf(" dt=NULL");
    else
      printf(" dt=%04u-%02u-%02u %02u:%02u:%02u", out_dt.year, out_dt.month, out_dt.day,
             out_dt.hour, out_dt.minute, out_dt.second);
    printf("%s\n", rc == MYSQL_DATA_TRUNCATED ? " (truncated)" : "");
  }
  if (rc != MYSQL_NO_DATA) stmt_die(stmt, "fetch");
  mysql_stmt_close(stmt);
}

int main(int argc, char **argv) {
  const char *host, *db;
  unsigned int port;
  char sql[256];
  MYSQL_STMT *stmt;
  static const unsigned char blob1[] = {0x00, 0xff, 0x27, 0x5c};
  static const unsigned char blob2[] = {'b', 'l', 'o', 'b', 0x00, 0x01};
  struct Row rows[3];
  const char *ins = "INSERT INTO capi (id, i, d, s, b, dt) VALUES (?, ?, ?, ?, ?, ?)";
  const char *bad = "SELEKT nothing";

  if (argc != 4) {
    fprintf(stderr, "usage: %s HOST PORT DATABASE\n", argv[0]);
    return 2;
  }
  host = argv[1];
  port = (unsigned int)atoi(argv[2]);
  db = argv[3];

  conn = mysql_init(NULL);
  if (!conn) return 1;
  if (!mysql_real_connect(conn, host, "root", "", NULL, port, NULL, 0)) die("connect");
  if (mysql_set_character_set(conn, "utf8mb4")) die("set charset");
  printf("connected: protocol=%u charset=%s\n", mysql_get_proto_info(conn), mysql_character_set_name(conn));
  if (mysql_select_db(conn, db)) die("select_db");

  print_query("CREATE TABLE capi (id INT PRIMARY KEY, i INT, d DOUBLE, s VARCHAR(64), b BLOB, dt DATETIME)");
  print_query("INSERT INTO capi (id, i, d, s) VALUES (1, 42, 0.5, 'text row')");
  print_query("SELECT id, i, d, s, b, dt FROM capi");
  print_query("SELECT 1 AS one, 'two' AS two, 3.25 AS three, NULL AS nothing, CAST('2024-01-02' AS DATE) AS day");
  print_query("UPDATE capi SET i = i + 1 WHERE id = 1");
  print_query("SELECT DATABASE(), @@autocommit");

  rows[0] = make_row(2, -7, 2.5, "two", blob1, sizeof(blob1), 2024, 2, 29, 13, 14, 15);
  memset(&rows[1], 0, sizeof(rows[1]));
  rows[1].id = 3;
  rows[1].is_null = 1;
  rows[2] = make_row(4, 2147483647, -1e-3, "Zo\xc3\xab \xe6\x97\xa5\xe6\x9c\xac", blob2, sizeof(blob2),
                     1999, 12, 31, 23, 59, 58);

  stmt = mysql_stmt_init(conn);
  if (!stmt) die("stmt_init");
  if (mysql_stmt_prepare(stmt, ins, strlen(ins))) stmt_die(stmt, "prepare insert");
  prepared_insert(stmt, &rows[0]);
  prepared_insert(stmt, &rows[1]);
  prepared_insert(stmt, &rows[2]);
  /* Re-executing with a duplicate key: the error comes back on the statement. */
  if (mysql_stmt_execute(stmt) == 0) {
    printf("FAILED duplicate insert succeeded\n");
    return 1;
  }
  printf("stmt error: %u %s %s\n", mysql_stmt_errno(stmt), mysql_stmt_sqlstate(stmt), mysql_stmt_error(stmt));
  mysql_stmt_close(stmt);

  prepared_select(conn, 2, "row");
  prepared_select(conn, 3, "null row");
  prepared_select(conn, 4, "utf8 row");
  prepared_select(conn, 99, "no row");

  stmt = mysql_stmt_init(conn);
  if (mysql_stmt_prepare(stmt, bad, strlen(bad)) == 0) {
    printf("FAILED bad statement prepared\n");
    return 1;
  }
  printf("prepare error: %u %s %s\n", mysql_stmt_errno(stmt), mysql_stmt_sqlstate(stmt), mysql_stmt_error(stmt));
  mysql_stmt_close(stmt);

  snprintf(sql, sizeof(sql), "SELECT id, i, d, s, HEX(b), dt FROM capi ORDER BY id");
  print_query(sql);
  if (mysql_query(conn, "SELECT * FROM no_such_table") == 0) {
    printf("FAILED query on a missing table succeeded\n");
    return 1;
  }
  printf("query error: %u %s %s\n", mysql_errno(conn), mysql_sqlstate(conn), mysql_error(conn));
  print_query("DROP TABLE capi");
  mysql_close(conn);
  printf("done\n");
  return 0;
}
