/* Unit tests for atomic output: a target is replaced only by commit, and an
 * abort leaves the old file and no temporary behind. */
#define _GNU_SOURCE /* mkdtemp, utimensat, symlink */
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

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>

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
  /* target + temporary beside it, unless the temporary has no name yet */
  assert_int_equal(entries(), af.unnamed ? 1 : 2);
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

/* FIFOs, devices, directories and sockets are refused before any work;
 * a symlink counts as what it points to. */
static void test_special_targets(void **state)
{
  (void)state;
  char path[128], link[128];
  jv_error err;
  jv_atomic_file af;
  snprintf(path, sizeof(path), "%s/fifo.pdf", dir);
  assert_int_equal(mkfifo(path, 0600), 0);
  assert_int_equal(jv_atomic_check_target(path, &err), JV_ECANTCREAT);
  assert_non_null(strstr(err.msg, "FIFO"));
  assert_int_equal(jv_atomic_open(&af, path, &err), JV_ECANTCREAT);
  unlink(path);
  assert_int_equal(jv_atomic_check_target(dir, &err), JV_ECANTCREAT);
  assert_non_null(strstr(err.msg, "directory"));
  snprintf(link, sizeof(link), "%s/null.pdf", dir);
  assert_int_equal(symlink("/dev/null", link), 0);
  assert_int_equal(jv_atomic_check_target(link, &err), JV_ECANTCREAT);
  assert_non_null(strstr(err.msg, "character device"));
  assert_int_equal(jv_atomic_open(&af, link, &err), JV_ECANTCREAT);
  unlink(link);
  snprintf(path, sizeof(path), "%s/sock.pdf", dir);
  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  struct sockaddr_un sa = {.sun_family = AF_UNIX};
  snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", path);
  assert_int_equal(bind(s, (struct sockaddr *)&sa, sizeof(sa)), 0);
  assert_int_equal(jv_atomic_check_target(path, &err), JV_ECANTCREAT);
  assert_non_null(strstr(err.msg, "socket"));
  close(s);
  unlink(path);
  snprintf(path, sizeof(path), "%s/new.pdf", dir);
  assert_int_equal(jv_atomic_check_target(path, &err), JV_OK); /* absent is fine */
}

/* A run killed mid-write leaves no temporary file (O_TMPFILE), and named
 * leftovers of earlier runs older than a minute are removed by the next. */
static void test_killed_run_leaves_nothing(void **state)
{
  (void)state;
  char target[128], stale[160], young[160];
  snprintf(target, sizeof(target), "%s/killed.pdf", dir);
  size_t before = entries();
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    jv_atomic_file af;
    jv_error err;
    if (jv_atomic_open(&af, target, &err) != JV_OK)
      _exit(1);
    for (int i = 0; i < 1000; i++)
      fputs("half a PDF ", af.fp);
    fflush(af.fp);
    raise(SIGKILL);
  }
  int ws;
  assert_int_equal(waitpid(pid, &ws, 0), pid);
  assert_true(WIFSIGNALED(ws));
  assert_int_equal(entries(), before);

  snprintf(stale, sizeof(stale), "%s/.killed.pdf.Ab3xYz", dir);
  snprintf(young, sizeof(young), "%s/.killed.pdf.Qw9rTy", dir);
  FILE *fp = fopen(stale, "w");
  fclose(fp);
  fp = fopen(young, "w");
  fclose(fp);
  struct timespec old[2] = {{.tv_sec = time(NULL) - 3600}, {.tv_sec = time(NULL) - 3600}};
  assert_int_equal(utimensat(AT_FDCWD, stale, old, 0), 0);
  jv_atomic_file af;
  jv_error err;
  assert_int_equal(jv_atomic_open(&af, target, &err), JV_OK);
  assert_int_equal(access(stale, F_OK), -1); /* removed */
  assert_int_equal(access(young, F_OK), 0);  /* may belong to a run still going */
  jv_atomic_abort(&af);
  unlink(young);
}

/* Writes past `ulimit -f` fail with EFBIG (SIGXFSZ ignored, as main does):
 * "file size limit", JV_EIO, the old file kept and no temporary left. */
static void test_file_size_limit(void **state)
{
  (void)state;
  char target[128], buf[64];
  snprintf(target, sizeof(target), "%s/limited.pdf", dir);
  FILE *fp = fopen(target, "wb");
  fputs("old", fp);
  fclose(fp);
  size_t before = entries();
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit rl = {4096, 4096};
    setrlimit(RLIMIT_FSIZE, &rl);
    jv_atomic_file af;
    jv_error err;
    if (jv_atomic_open(&af, target, &err) != JV_OK)
      _exit(1);
    static char big[65536];
    memset(big, 'x', sizeof(big));
    fwrite(big, 1, sizeof(big), af.fp);
    jv_status st = jv_atomic_commit(&af, &err);
    _exit(st == JV_EIO && strstr(err.msg, "file size limit") ? 0 : 2);
  }
  int ws;
  assert_int_equal(waitpid(pid, &ws, 0), pid);
  assert_true(WIFEXITED(ws));
  assert_int_equal(WEXITSTATUS(ws), 0);
  read_file(target, buf, sizeof(buf));
  assert_string_equal(buf, "old");
  assert_int_equal(entries(), before);
}

static void test_write_error_words(void **state)
{
  (void)state;
  jv_error err;
  assert_int_equal(jv_atomic_write_error("a.pdf", ENOSPC, &err), JV_EIO);
  assert_non_null(strstr(err.msg, "the disk is full"));
  assert_string_equal(err.loc.file, "a.pdf");
  assert_int_equal(jv_atomic_write_error("a.pdf", EDQUOT, &err), JV_EIO);
  assert_non_null(strstr(err.msg, "the disk is full"));
  assert_int_equal(jv_atomic_write_error("a.pdf", EFBIG, &err), JV_EIO);
  assert_non_null(strstr(err.msg, "file size limit"));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_commit_replaces),
      cmocka_unit_test(test_abort_keeps_old),
      cmocka_unit_test(test_cannot_create),
      cmocka_unit_test(test_special_targets),
      cmocka_unit_test(test_killed_run_leaves_nothing),
      cmocka_unit_test(test_file_size_limit),
      cmocka_unit_test(test_write_error_words),
  };
  return cmocka_run_group_tests_name("atomic_file", tests, setup, teardown);
}
