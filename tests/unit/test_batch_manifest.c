/* Unit tests for the batch's bookkeeping: SHA-256 fingerprints
 * (input/file_hash, against the FIPS 180-2 test vectors), the manifest's
 * text form (pipeline/batch_manifest: parsing with located errors, sorted
 * set, atomic write and read back) and the project layout
 * (input/project_scan). */
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

#include "input/file_hash.h"
#include "input/project_scan.h"
#include "pipeline/batch_manifest.h"

#define ABC_SHA256 "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#define EMPTY_SHA256 "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
#define TWO_BLOCK "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
#define TWO_BLOCK_SHA256 "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"

static char *temp_dir(void)
{
  char *d = strdup("/tmp/jv_batch_XXXXXX");
  assert_non_null(d);
  assert_non_null(mkdtemp(d));
  return d;
}

static void remove_dir(const char *dir)
{
  char cmd[256];
  snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
  if (system(cmd) != 0)
    fprintf(stderr, "could not remove %s\n", dir);
}

static void write_file(const char *dir, const char *rel, const char *text)
{
  char path[512];
  snprintf(path, sizeof(path), "%s/%s", dir, rel);
  /* make the parents */
  for (char *s = path + strlen(dir) + 1; *s; s++)
    if (*s == '/') {
      *s = '\0';
      mkdir(path, 0777);
      *s = '/';
    }
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

/* ---- hashing ---------------------------------------------------------- */

static void test_sha256_vectors(void **state)
{
  (void)state;
  jv_hasher h;
  jv_digest d;
  char hex[JV_DIGEST_HEX];
  jv_hasher_init(&h);
  jv_hasher_add(&h, "abc", 3);
  jv_hasher_finish(&h, &d);
  jv_digest_hex(&d, hex);
  assert_string_equal(hex, ABC_SHA256);
  jv_hasher_init(&h);
  jv_hasher_add(&h, "ab", 2); /* in pieces: same digest */
  jv_hasher_add(&h, "c", 1);
  jv_hasher_finish(&h, &d);
  jv_digest_hex(&d, hex);
  assert_string_equal(hex, ABC_SHA256);
  jv_hasher_init(&h);
  jv_hasher_finish(&h, &d);
  jv_digest_hex(&d, hex);
  assert_string_equal(hex, EMPTY_SHA256);

  char *dir = temp_dir();
  write_file(dir, "two.txt", TWO_BLOCK);
  char path[256];
  snprintf(path, sizeof(path), "%s/two.txt", dir);
  jv_error err;
  assert_int_equal(jv_hash_file(path, &d, &err), JV_OK);
  jv_digest_hex(&d, hex);
  assert_string_equal(hex, TWO_BLOCK_SHA256);
  snprintf(path, sizeof(path), "%s/none.txt", dir);
  assert_int_equal(jv_hash_file(path, &d, &err), JV_ENOINPUT);
  assert_int_equal(jv_hash_file(dir, &d, &err), JV_ENOINPUT); /* a directory */
  remove_dir(dir);
  free(dir);

  /* strings hash with their terminator: "ab"+"c" differs from "a"+"bc" */
  jv_digest d1, d2;
  jv_hasher_init(&h);
  jv_hasher_add_str(&h, "ab");
  jv_hasher_add_str(&h, "c");
  jv_hasher_finish(&h, &d1);
  jv_hasher_init(&h);
  jv_hasher_add_str(&h, "a");
  jv_hasher_add_str(&h, "bc");
  jv_hasher_finish(&h, &d2);
  assert_false(jv_digest_equal(&d1, &d2));
}

static void test_hex(void **state)
{
  (void)state;
  jv_digest d;
  char hex[JV_DIGEST_HEX];
  assert_int_equal(jv_digest_from_hex(ABC_SHA256, 64, &d), 0);
  assert_int_equal(d.bytes[0], 0xba);
  assert_int_equal(d.bytes[31], 0xad);
  jv_digest_hex(&d, hex);
  assert_string_equal(hex, ABC_SHA256);
  assert_int_equal(jv_digest_from_hex(
                       "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", 64, &d),
                   0);
  jv_digest_hex(&d, hex);
  assert_string_equal(hex, ABC_SHA256);
  assert_int_equal(jv_digest_from_hex(ABC_SHA256, 63, &d), -1);
  assert_int_equal(jv_digest_from_hex("g" ABC_SHA256, 64, &d), -1);
}

/* ---- manifest --------------------------------------------------------- */

#define H1 "1111111111111111111111111111111111111111111111111111111111111111"
#define H2 "2222222222222222222222222222222222222222222222222222222222222222"

static jv_status parse(jv_manifest *m, const char *text, jv_error *err)
{
  jv_error_clear(err);
  return jv_manifest_parse(m, "manifest.tsv", text, strlen(text), err);
}

static void test_manifest_parse(void **state)
{
  (void)state;
  jv_manifest m;
  jv_error err;
  const char *text = JV_MANIFEST_MAGIC
      "\r\n"
      "# a comment\n"
      "\n"
      "zhz/2017-2018\tjaarverslag-zhz-2017-2018.pdf\t" H1 "\t" ABC_SHA256 "\r\n"
      "bijlage/2017-2018\tbijlage-kaarten-2017-2018.pdf\t" H2 "\t" H1; /* no final newline */
  assert_int_equal(parse(&m, text, &err), JV_OK);
  assert_int_equal(m.n, 2);
  assert_string_equal(m.items[0].id, "bijlage/2017-2018"); /* kept sorted */
  const jv_manifest_entry *e = jv_manifest_find(&m, "zhz/2017-2018");
  assert_non_null(e);
  assert_string_equal(e->file, "jaarverslag-zhz-2017-2018.pdf");
  assert_int_equal(e->inputs.bytes[0], 0x11);
  assert_int_equal(e->output.bytes[0], 0xba);
  assert_null(jv_manifest_find(&m, "zhz/2016-2017"));

  /* format and parse again: the same entries */
  char *out = jv_manifest_format(&m);
  assert_non_null(out);
  assert_non_null(strstr(out, "bijlage/2017-2018\tbijlage-kaarten-2017-2018.pdf\t" H2 "\t" H1
                              "\nzhz/2017-2018\t"));
  jv_manifest m2;
  assert_int_equal(parse(&m2, out, &err), JV_OK);
  assert_int_equal(m2.n, 2);
  char *out2 = jv_manifest_format(&m2);
  assert_string_equal(out, out2);
  free(out);
  free(out2);
  jv_manifest_free(&m2);
  jv_manifest_free(&m);
}

static void expect_bad(const char *text, int line, int column, const char *want)
{
  jv_manifest m;
  jv_error err;
  jv_status st = parse(&m, text, &err);
  if (st != JV_EDATA || err.loc.line != line || err.loc.column != column || !strstr(err.msg, want))
    fail_msg("status %d at %d:%d '%s'; want 65 at %d:%d '%s'", st, err.loc.line, err.loc.column,
             err.msg, line, column, want);
  assert_int_equal(m.n, 0); /* left empty */
  assert_string_equal(err.loc.file, "manifest.tsv");
}

static void test_manifest_errors(void **state)
{
  (void)state;
  expect_bad("", 1, 1, "empty manifest");
  expect_bad("uitvoer\tbestand\n", 1, 1, "not a jaarverslag batch manifest");
  expect_bad(JV_MANIFEST_MAGIC "\na\tb.pdf\t" H1 "\n", 2, 4, "found 3");
  expect_bad(JV_MANIFEST_MAGIC "\na\tb.pdf\t" H1 "\t" H2 "\textra\n", 2, 5, "found 5");
  expect_bad(JV_MANIFEST_MAGIC "\na\tb.pdf\t" H1 "x\t" H2 "\n", 2, 3, "64 hex digits");
  expect_bad(JV_MANIFEST_MAGIC "\na\tb.pdf\t" H1 "\tzz\n", 2, 4, "64 hex digits");
  expect_bad(JV_MANIFEST_MAGIC "\na\t../b.pdf\t" H1 "\t" H2 "\n", 2, 2, "no '/'");
  expect_bad(JV_MANIFEST_MAGIC "\na\t.b.pdf.XXXXXX\t" H1 "\t" H2 "\n", 2, 2, "not hidden");
  expect_bad(JV_MANIFEST_MAGIC "\n\tb.pdf\t" H1 "\t" H2 "\n", 2, 1, "output name");
  expect_bad(JV_MANIFEST_MAGIC "\na\tb.pdf\t" H1 "\t" H2 "\n# x\na\tc.pdf\t" H2 "\t" H1 "\n", 4, 1,
             "listed twice");
}

static void test_manifest_set_write_read(void **state)
{
  (void)state;
  jv_manifest m;
  jv_manifest_init(&m);
  jv_digest a, b;
  jv_digest_from_hex(H1, 64, &a);
  jv_digest_from_hex(H2, 64, &b);
  assert_int_equal(jv_manifest_set(&m, "c/2017-2018", "c.pdf", &a, &b), JV_OK);
  assert_int_equal(jv_manifest_set(&m, "a/2017-2018", "a.pdf", &a, &a), JV_OK);
  assert_int_equal(jv_manifest_set(&m, "b/2017-2018", "b.pdf", &b, &b), JV_OK);
  assert_int_equal(m.n, 3);
  assert_string_equal(m.items[0].id, "a/2017-2018");
  assert_string_equal(m.items[1].id, "b/2017-2018");
  assert_string_equal(m.items[2].id, "c/2017-2018");
  /* replacing keeps one entry */
  assert_int_equal(jv_manifest_set(&m, "b/2017-2018", "b2.pdf", &a, &b), JV_OK);
  assert_int_equal(m.n, 3);
  assert_string_equal(jv_manifest_find(&m, "b/2017-2018")->file, "b2.pdf");
  assert_true(jv_digest_equal(&jv_manifest_find(&m, "b/2017-2018")->inputs, &a));
  for (int i = 0; i < 40; i++) { /* growth past the first allocation */
    char id[32];
    snprintf(id, sizeof(id), "r%02d/2017-2018", 39 - i);
    assert_int_equal(jv_manifest_set(&m, id, "x.pdf", &a, &b), JV_OK);
  }
  assert_int_equal(m.n, 43);
  for (size_t i = 1; i < m.n; i++)
    assert_true(strcmp(m.items[i - 1].id, m.items[i].id) < 0);

  char *dir = temp_dir();
  char path[256];
  snprintf(path, sizeof(path), "%s/" JV_MANIFEST_NAME, dir);
  jv_manifest back;
  jv_error err;
  assert_int_equal(jv_manifest_read(&back, path, &err), JV_OK); /* missing: empty */
  assert_int_equal(back.n, 0);
  assert_int_equal(jv_manifest_write(&m, path, &err), JV_OK);
  assert_int_equal(jv_manifest_read(&back, path, &err), JV_OK);
  assert_int_equal(back.n, 43);
  char *t1 = jv_manifest_format(&m), *t2 = jv_manifest_format(&back);
  assert_string_equal(t1, t2);
  free(t1);
  free(t2);
  jv_manifest_free(&back);
  /* nothing but the manifest is left in the directory (no temporary) */
  char cmd[512];
  snprintf(cmd, sizeof(cmd), "test \"$(ls -A '%s')\" = " JV_MANIFEST_NAME, dir);
  assert_int_equal(system(cmd), 0);
  /* a damaged manifest is reported with its location */
  write_file(dir, JV_MANIFEST_NAME, JV_MANIFEST_MAGIC "\nbroken line\n");
  assert_int_equal(jv_manifest_read(&back, path, &err), JV_EDATA);
  assert_int_equal(err.loc.line, 2);
  assert_string_equal(err.loc.file, path);
  remove_dir(dir);
  free(dir);
  jv_manifest_free(&m);
}

/* ---- project layout --------------------------------------------------- */

static void test_project_scan(void **state)
{
  (void)state;
  char *dir = temp_dir();
  write_file(dir, "west/2017-2018/regio.csv", "x");
  write_file(dir, "west/2017-2018/verzuim.csv", "x");
  write_file(dir, "west/2017-2018/.verborgen.csv", "x");
  write_file(dir, "west/2017-2018/correcties/2018-10.csv", "x");
  write_file(dir, "west/2017-2018/correcties/.swp", "x");
  write_file(dir, "west/2017-2018/oud/verzuim.csv", "x"); /* other subdirectories: not read */
  write_file(dir, "west/2016-2017/regio.csv", "x");
  write_file(dir, "west/reeksen.csv", "x");
  write_file(dir, "oost/2017-2018/regio.csv", "x");
  write_file(dir, "nationaal/series.csv", "x"); /* no school years: not a region */
  write_file(dir, "out/manifest.tsv", "x");
  write_file(dir, "out/2017-2018/regio.csv", "x"); /* the output directory is skipped */
  write_file(dir, ".git/2017-2018/regio.csv", "x");
  char out[256];
  snprintf(out, sizeof(out), "%s/out", dir);
  jv_project p;
  jv_error err;
  assert_int_equal(jv_project_scan(&p, dir, out, &err), JV_OK);
  assert_int_equal(p.n, 3);
  assert_string_equal(p.units[0].region, "oost");
  assert_string_equal(p.units[1].region, "west");
  assert_string_equal(p.units[1].year_name, "2016-2017");
  assert_int_equal(p.units[1].year.start, 2016);
  assert_string_equal(p.units[2].year_name, "2017-2018");
  char want[256];
  snprintf(want, sizeof(want), "%s/west/2017-2018", dir);
  assert_string_equal(p.units[2].dir, want);

  char **files;
  size_t n;
  assert_int_equal(jv_project_data_inputs(p.units[2].dir, &files, &n, &err), JV_OK);
  assert_int_equal(n, 3);
  assert_string_equal(files[0], "correcties/2018-10.csv");
  assert_string_equal(files[1], "regio.csv");
  assert_string_equal(files[2], "verzuim.csv");
  jv_project_strv_free(files, n);
  snprintf(want, sizeof(want), "%s/west", dir);
  assert_int_equal(jv_project_files_under(want, &files, &n, &err), JV_OK);
  assert_int_equal(n, 6);
  assert_string_equal(files[0], "2016-2017/regio.csv");
  assert_string_equal(files[1], "2017-2018/correcties/2018-10.csv");
  assert_string_equal(files[5], "reeksen.csv");
  jv_project_strv_free(files, n);
  jv_project_free(&p);

  /* a school-year directory must be named like one */
  write_file(dir, "zuid/1718/regio.csv", "x");
  assert_int_equal(jv_project_scan(&p, dir, out, &err), JV_EDATA);
  assert_non_null(strstr(err.loc.file, "zuid/1718"));
  assert_int_equal(p.n, 0);
  remove_dir(dir);

  assert_int_equal(jv_project_scan(&p, dir, NULL, &err), JV_ENOINPUT); /* gone */
  free(dir);
}

/* several roots: a project folder and a folder of regions, in one sorted
 * plan; a name twice is refused naming both folders */
static void test_project_scan_many(void **state)
{
  (void)state;
  char *dir = temp_dir();
  write_file(dir, "a/zhz/project.csv", "x");
  write_file(dir, "a/zhz/2019-2020/regio.csv", "x");
  write_file(dir, "a/zhz/2017-2018/regio.csv", "x");
  write_file(dir, "regios/west/2017-2018/regio.csv", "x");
  write_file(dir, "regios/oost/2017-2018/regio.csv", "x");
  write_file(dir, "b/zhz/project.csv", "x");
  write_file(dir, "b/zhz/2019-2020/regio.csv", "x");
  char a[256], b[256], regios[256], want[300];
  snprintf(a, sizeof(a), "%s/a/zhz", dir);
  snprintf(b, sizeof(b), "%s/b/zhz", dir);
  snprintf(regios, sizeof(regios), "%s/regios", dir);
  jv_project p;
  jv_error err;
  const char *roots[] = {regios, a};
  assert_int_equal(jv_project_scan_many(&p, roots, 2, NULL, &err), JV_OK);
  assert_int_equal(p.n, 4);
  assert_string_equal(p.root, regios);
  assert_string_equal(p.units[0].region, "oost");
  assert_string_equal(p.units[1].region, "west");
  assert_string_equal(p.units[2].region, "zhz");
  assert_string_equal(p.units[2].year_name, "2017-2018");
  assert_string_equal(p.units[3].year_name, "2019-2020");
  snprintf(want, sizeof(want), "%s/2019-2020", a);
  assert_string_equal(p.units[3].dir, want);
  jv_project_free(&p);

  const char *twice[] = {a, b};
  assert_int_equal(jv_project_scan_many(&p, twice, 2, NULL, &err), JV_EUSAGE);
  assert_non_null(strstr(err.msg, "two projects named 'zhz'"));
  assert_non_null(strstr(err.msg, a));
  assert_non_null(strstr(err.msg, b));
  assert_int_equal(p.n, 0);
  const char *same[] = {a, a};
  assert_int_equal(jv_project_scan_many(&p, same, 2, NULL, &err), JV_EUSAGE);
  assert_non_null(strstr(err.msg, "given more than once"));

  /* one root that cannot be scanned: its error, no units of the others */
  snprintf(want, sizeof(want), "%s/weg", dir);
  const char *gone[] = {a, want};
  assert_int_equal(jv_project_scan_many(&p, gone, 2, NULL, &err), JV_ENOINPUT);
  assert_string_equal(err.loc.file, want);
  assert_int_equal(p.n, 0);
  remove_dir(dir);
  free(dir);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_sha256_vectors),          cmocka_unit_test(test_hex),
      cmocka_unit_test(test_manifest_parse),          cmocka_unit_test(test_manifest_errors),
      cmocka_unit_test(test_manifest_set_write_read), cmocka_unit_test(test_project_scan),
      cmocka_unit_test(test_project_scan_many),
  };
  return cmocka_run_group_tests_name("batch_manifest", tests, NULL, NULL);
}
