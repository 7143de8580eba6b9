/* Unit tests for the CSV reader (src/input/csv_table): dialects, located
 * fields and located refusals. */
/* cmocka.h needs these first */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input/csv_table.h"

static void parse_ok(jv_csv_table *t, const char *buf, size_t len)
{
  jv_error err;
  jv_error_clear(&err);
  if (jv_csv_table_parse(t, "t.csv", buf, len, &err) != JV_OK)
    fail_msg("refused: %d:%d %s", err.loc.line, err.loc.column, err.msg);
}

/* Asserts a refusal at line:column whose message contains fragment. */
static void parse_bad(const char *buf, size_t len, int line, int column, const char *fragment)
{
  jv_csv_table t;
  jv_error err;
  jv_error_clear(&err);
  assert_int_equal(jv_csv_table_parse(&t, "t.csv", buf, len, &err), JV_EDATA);
  assert_null(t.rows); /* left empty */
  assert_string_equal(err.loc.file, "t.csv");
  if (err.loc.line != line || err.loc.column != column || !strstr(err.msg, fragment))
    fail_msg("got %d:%d '%s', want %d:%d '%s'", err.loc.line, err.loc.column, err.msg, line, column,
             fragment);
}

#define S(lit) lit, sizeof(lit) - 1

static void assert_field(const jv_csv_table *t, size_t r, size_t f, const char *text, int line,
                         int column)
{
  assert_true(r < t->n_rows);
  assert_true(f < t->rows[r].n_fields);
  assert_string_equal(t->rows[r].fields[f].text, text);
  assert_int_equal(t->rows[r].fields[f].line, line);
  assert_int_equal(t->rows[r].fields[f].column, column);
}

static void test_plain_comma(void **state)
{
  (void)state;
  jv_csv_table t;
  parse_ok(&t, S("cbs_code,gemeente,absoluut_verzuim\nGM0482,Alblasserdam,6\n"
                 "GM0505, Dordrecht ,9\n"));
  assert_int_equal(t.delim, ',');
  assert_int_equal(t.n_rows, 3);
  assert_field(&t, 0, 2, "absoluut_verzuim", 1, 3);
  assert_field(&t, 1, 1, "Alblasserdam", 2, 2);
  assert_field(&t, 2, 1, "Dordrecht", 3, 2); /* unquoted fields come trimmed */
  assert_field(&t, 2, 2, "9", 3, 3);
  assert_int_equal(t.rows[2].line, 3);
  assert_string_equal(t.name, "t.csv");
  jv_csv_table_free(&t);
  jv_csv_table_free(&t); /* safe twice */
}

static void test_semicolon_bom_crlf(void **state)
{
  (void)state;
  jv_csv_table t;
  parse_ok(&t, S("\xEF\xBB\xBF"
                 "cbs_code;gemeente;relatief_verzuim\r\n"
                 "GM0482;Alblasserdam;79\r\nGM0505;Dordrecht;1,5\r\n\r\n\r\n"));
  assert_int_equal(t.delim, ';');
  assert_int_equal(t.n_rows, 3);
  assert_field(&t, 0, 0, "cbs_code", 1, 1); /* BOM gone */
  assert_field(&t, 2, 0, "GM0505", 3, 1);
  assert_field(&t, 2, 2, "1,5", 3, 3); /* ',' is data in a ';' file */
  jv_csv_table_free(&t);
}

static void test_sniff_ignores_quoted(void **state)
{
  (void)state;
  jv_csv_table t;
  parse_ok(&t, S("\"a;b;c\",d\n1,2\n"));
  assert_int_equal(t.delim, ',');
  assert_field(&t, 0, 0, "a;b;c", 1, 1);
  jv_csv_table_free(&t);
}

static void test_quoted_newlines_keep_lines(void **state)
{
  (void)state;
  jv_csv_table t;
  parse_ok(&t, S("cbs_code,gemeente,n\n"
                 "GM0482,\"Alblas\nser\ndam\",6\n"
                 "GM0505,\"Dord \"\"recht\"\"\",9\n"
                 "GM0531,Hendrik-Ido-Ambacht,\n"));
  assert_field(&t, 1, 1, "Alblas\nser\ndam", 2, 2);
  assert_field(&t, 1, 2, "6", 4, 3); /* starts on the line the quoted field ends */
  assert_field(&t, 2, 0, "GM0505", 5, 1);
  assert_field(&t, 2, 1, "Dord \"recht\"", 5, 2);
  assert_field(&t, 3, 2, "", 6, 3); /* empty last field still located */
  jv_csv_table_free(&t);
}

static void test_blank_and_empty_rows_skipped(void **state)
{
  (void)state;
  jv_csv_table t;
  parse_ok(&t, S("\n\na,b\n\n  \n,\n1,2\n;;\n,,\n\n3,4"));
  assert_int_equal(t.n_rows, 4); /* header, 1,2, ";;" (one field in a ',' file), 3,4 */
  assert_field(&t, 0, 0, "a", 3, 1);
  assert_field(&t, 1, 0, "1", 7, 1);
  assert_field(&t, 2, 0, ";;", 8, 1);
  assert_field(&t, 3, 1, "4", 11, 2); /* last row without a newline */
  jv_csv_table_free(&t);
}

static void test_cr_only_lines(void **state)
{
  (void)state;
  jv_csv_table t;
  parse_ok(&t, S("a,b\r1,2\r3,4\r"));
  assert_int_equal(t.n_rows, 3);
  assert_field(&t, 2, 1, "4", 3, 2);
  jv_csv_table_free(&t);
}

static void test_fewer_fields_allowed(void **state)
{
  (void)state;
  jv_csv_table t;
  parse_ok(&t, S("a,b,c\n1,2\n"));
  assert_int_equal(t.rows[1].n_fields, 2);
  jv_csv_table_free(&t);
}

static void test_empty_files(void **state)
{
  (void)state;
  parse_bad(S(""), 1, 1, "empty file");
  parse_bad(S("\xEF\xBB\xBF"), 1, 1, "empty file");
  parse_bad(S("\n\r\n  \n,,,\n"), 1, 1, "empty file");
}

static void test_invalid_utf8(void **state)
{
  (void)state;
  /* 0x81 is no character in Windows-1252 either, so nothing converts it */
  parse_bad(S("cbs_code,gemeente\nGM0505,Dordr\x81"
              "cht\n"),
            2, 2, "invalid UTF-8: byte 0x81 after \"Dordr\"");
  /* in the second line of a quoted field: the line of the byte */
  parse_bad(S("a,b\n1,\"x\ny\xFF\"\n2,\x81\n"), 3, 2, "byte 0xFF");
  parse_bad(S("a,b\n\xC3\n2,\x81\n"), 2, 1, "at the start of the field");
  /* overlong encoding of '/' */
  parse_bad(S("a,b\n1,\xC0\xAF\n2,\x81\n"), 2, 2, "invalid UTF-8");
  /* truncated sequence */
  parse_bad(S("a,b\n1,\xE2\x82\n2,\x81"), 2, 2, "invalid UTF-8");
  /* UTF-16 without a byte-order mark cannot be told for sure */
  parse_bad(S("a\0,\0b\0\n\0001\0,\0002\0\n\0"), 1, 1, "UTF-16LE without a byte-order mark");
  parse_bad("a,b\n1,x\0y\n", 10, 2, 2, "NUL byte");
}

/* What spreadsheets save: Windows-1252, UTF-16 with BOM and tabs, a ';' at
 * the end of every line and empty columns right of the table. */
static void test_spreadsheet_encodings(void **state)
{
  (void)state;
  jv_csv_table t;
  parse_ok(&t, S("cbs_code;gemeente;n;\r\nGM1900;S\xFA"
                 "dwest-Frysl\xE2n;5;\r\n"));
  assert_int_equal(t.encoding, JV_ENC_CP1252);
  assert_int_equal(t.delim, ';');
  assert_int_equal(t.rows[0].n_fields, 3); /* the trailing ';' column is dropped */
  assert_field(&t, 1, 1,
               "S\xC3\xBA"
               "dwest-Frysl\xC3\xA2n",
               2, 2);
  jv_csv_table_free(&t);
  /* UTF-16LE with BOM, tab-separated: "a\tb\r\n\u00eb\t2\r\n" */
  parse_ok(&t, S("\xFF\xFE"
                 "a\0\t\0b\0\r\0\n\0\xEB\0\t\0"
                 "2\0\r\0\n\0"));
  assert_int_equal(t.encoding, JV_ENC_UTF16LE);
  assert_int_equal(t.delim, '\t');
  assert_field(&t, 1, 0, "\xC3\xAB", 2, 1);
  assert_field(&t, 1, 1, "2", 2, 2);
  jv_csv_table_free(&t);
  /* the same big-endian */
  parse_ok(&t, S("\xFE\xFF\0a\0\t\0b\0\n\0x\0\t\0"
                 "2\0\n"));
  assert_int_equal(t.encoding, JV_ENC_UTF16BE);
  assert_field(&t, 1, 1, "2", 2, 2);
  jv_csv_table_free(&t);
  /* a title line without separators does not decide the separator */
  jv_error err;
  assert_int_equal(jv_csv_table_parse_flags(&t, "t.csv", S("Verzuim 2017\na;b;c\n1;2;3\n"),
                                            JV_CSV_ANY_WIDTH, &err),
                   JV_OK);
  assert_int_equal(t.delim, ';');
  assert_field(&t, 1, 2, "c", 2, 3);
  jv_csv_table_free(&t);
  /* empty header columns with a value below are kept (and refused later) */
  parse_ok(&t, S("a,b,\n1,2,3\n"));
  assert_int_equal(t.rows[0].n_fields, 3);
  jv_csv_table_free(&t);
  /* broken UTF-16: an unpaired surrogate */
  parse_bad(S("\xFF\xFE"
              "a\0\n\0\x00\xD8x\0"),
            2, 0, "broken UTF-16LE");
}

static void test_bad_quoting(void **state)
{
  (void)state;
  parse_bad(S("a,b\n1,Dor\"drecht\n"), 2, 2, "malformed quoting");
  parse_bad(S("a,b\n1,\"Dordrecht\"x\n"), 2, 2, "malformed quoting");
  parse_bad(S("a,b\n1,2\n3,\"open\nstill\nopen\n"), 3, 2, "unterminated quoted field");
  parse_bad(S("a,b\n\"x"), 2, 1, "unterminated");
}

static void test_too_many_fields(void **state)
{
  (void)state;
  parse_bad(S("a,b\n1,2\n3,1,5\n"), 3, 3, "row has 3 fields but the header has 2");
  parse_bad(S("a;b\n1;2;3\n"), 2, 3, "unquoted ';'");
}

static void test_read_files(void **state)
{
  (void)state;
  char dir[] = "/tmp/jv_csv_XXXXXX";
  assert_non_null(mkdtemp(dir));
  char path[256];
  jv_csv_table t;
  jv_error err;

  snprintf(path, sizeof(path), "%s/missing.csv", dir);
  assert_int_equal(jv_csv_table_read(&t, path, &err), JV_ENOINPUT);
  assert_string_equal(err.loc.file, path);
  assert_int_equal(jv_csv_table_read(&t, dir, &err), JV_ENOINPUT); /* a directory */

  snprintf(path, sizeof(path), "%s/ok.csv", dir);
  FILE *fp = fopen(path, "wb");
  assert_non_null(fp);
  fputs("x;y\r\n1;2\r\n", fp);
  fclose(fp);
  assert_int_equal(jv_csv_table_read(&t, path, &err), JV_OK);
  assert_string_equal(t.name, path);
  assert_int_equal(t.delim, ';');
  assert_field(&t, 1, 1, "2", 2, 2);
  jv_csv_table_free(&t);

  fp = fopen(path, "wb");
  fputs("x,y\n1,\"2\n", fp);
  fclose(fp);
  assert_int_equal(jv_csv_table_read(&t, path, &err), JV_EDATA);
  assert_string_equal(err.loc.file, path);
  assert_int_equal(err.loc.line, 2);
  unlink(path);
  rmdir(dir);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_plain_comma),
      cmocka_unit_test(test_semicolon_bom_crlf),
      cmocka_unit_test(test_sniff_ignores_quoted),
      cmocka_unit_test(test_quoted_newlines_keep_lines),
      cmocka_unit_test(test_blank_and_empty_rows_skipped),
      cmocka_unit_test(test_cr_only_lines),
      cmocka_unit_test(test_fewer_fields_allowed),
      cmocka_unit_test(test_empty_files),
      cmocka_unit_test(test_invalid_utf8),
      cmocka_unit_test(test_spreadsheet_encodings),
      cmocka_unit_test(test_bad_quoting),
      cmocka_unit_test(test_too_many_fields),
      cmocka_unit_test(test_read_files),
  };
  return cmocka_run_group_tests_name("csv_table", tests, NULL, NULL);
}
