/* Unit tests for atomic output: a target is replaced only by commit, and an
 * abort leaves the old file and no temporary behind. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "render/atomic_file.h"

static char dir[64];

static int setup(void **state)
{
  (void)state;
  snprintf(dir, sizeof(dir), "/tmp/jv-atomic-XXXXXX");
  return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
  (void)state;
  char cmd[128];
  snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
  return system(cmd) == 0 ? 0 : -1;
}

static size_t entries(void)
{
  DIR *d = opendir(dir);
  size_t n = 0;
  struct dirent *e;
  while ((e = readdir(d)))
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
      n++;
  closedir(d);
  return n;
}

static void read_file(const char *path, char *buf, size_t size)
{
  FILE *fp = fopen(path, "rb");
  assert_non_null(fp);
  size_t n = fread(buf, 1, size - 1, fp);
  buf[n] = '\0';
  fclose(fp);
}

static void test_commit_replaces(void **state)
{
  (void)state;
  char target[128], buf[64];
  snprintf(target, sizeof(target), "%s/out.pdf", dir);
  FILE *fp = fopen(target, "wb");
  fputs("old", fp);
  fclose(fp);
  jv_atomic_file af;
  jv_error err;
  assert_int_equal(jv_atomic_open(&af, target, &err), JV_OK);
  fputs("new", af.fp);
  assert_int_equal(entries(), 2); /* target + temporary beside it */
  read_file(target, buf, sizeof(buf));
  assert_string_equal(buf, "old"); /* untouched until commit */
  assert_int_equal(jv_atomic_commit(&af, &err), JV_OK);
  read_file(target, buf, sizeof(buf));
  assert_string_equal(buf, "new");
  assert_int_equal(entries(), 1);
}

static void test_abort_keeps_old(void **state)
{
  (void)state;
  char target[128], buf[64];
  snprintf(target, sizeof(target), "%s/keep.pdf", dir);
  FILE *fp = fopen(target, "wb");
  fputs("previous", fp);
  fclose(fp);
  size_t before = entries();
  jv_atomic_file af;
  jv_error err;
  assert_int_equal(jv_atomic_open(&af, target, &err), JV_OK);
  fputs("half", af.fp);
  jv_atomic_abort(&af);
  jv_atomic_abort(&af); /* twice is harmless */
  read_file(target, buf, sizeof(buf));
  assert_string_equal(buf, "previous");
  assert_int_equal(entries(), before);
}

static void test_cannot_create(void **state)
{
  (void)state;
  char target[128];
  snprintf(target, sizeof(target), "%s/missing/dir/x.pdf", dir);
  jv_atomic_file af;
  jv_error err;
  jv_error_clear(&err);
  assert_int_equal(jv_atomic_open(&af, target, &err), JV_ECANTCREAT);
  assert_string_equal(err.loc.file, target);
  assert_non_null(strstr(err.msg, "cannot create"));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_commit_replaces),
      cmocka_unit_test(test_abort_keeps_old),
      cmocka_unit_test(test_cannot_create),
  };
  return cmocka_run_group_tests_name("atomic_file", tests, setup, teardown);
}
