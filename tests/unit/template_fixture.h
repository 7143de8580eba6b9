/* template_fixture.h - the fixture and helpers of the template reader
 * tests: a temporary template directory, files written into it, parsing and
 * the error as the CLI prints it. Shared by test_template_read.c and
 * test_template_files.c. */
#ifndef JV_TEST_TEMPLATE_FIXTURE_H
#define JV_TEST_TEMPLATE_FIXTURE_H

#define FM "---\ntitel: Test\n---\n" /* three lines of front matter */

typedef struct {
  char root[64]; /* holds tpl/ (the template dir) and files outside it */
  char dir[96];  /* root/tpl */
} fixture;

static inline int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
  (void)sb;
  (void)flag;
  (void)ftw;
  return remove(path);
}

static inline int setup(void **state)
{
  fixture *fx = calloc(1, sizeof(*fx));
  if (!fx)
    return -1;
  snprintf(fx->root, sizeof(fx->root), "/tmp/jv_tpl_test.XXXXXX");
  if (!mkdtemp(fx->root))
    return -1;
  snprintf(fx->dir, sizeof(fx->dir), "%s/tpl", fx->root);
  if (mkdir(fx->dir, 0700) != 0)
    return -1;
  *state = fx;
  return 0;
}

static inline int teardown(void **state)
{
  fixture *fx = *state;
  nftw(fx->root, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
  free(fx);
  return 0;
}

/* Writes text to dir/rel (creating one level of subdirectory if needed). */
static inline void put(const char *dir, const char *rel, const char *text, size_t len)
{
  char path[256];
  snprintf(path, sizeof(path), "%s/%s", dir, rel);
  char *slash = strrchr(path, '/');
  if (slash && slash > path + strlen(dir)) {
    *slash = '\0';
    mkdir(path, 0700);
    *slash = '/';
  }
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(text, 1, len, f), len);
  fclose(f);
}

static inline void put_s(const char *dir, const char *rel, const char *text)
{
  put(dir, rel, text, strlen(text));
}

/* Parses text as the main template "main.md" of the fixture's directory. */
static inline jv_status parse(fixture *fx, const char *text, jv_tpl *t, jv_error *e)
{
  jv_error_clear(e);
  return jv_template_parse(t, "main.md", text, strlen(text), fx->dir, e);
}

/* Reads the file dir/rel from disk. */
static inline jv_status read_file(fixture *fx, const char *rel, jv_tpl *t, jv_error *e)
{
  char path[256];
  snprintf(path, sizeof(path), "%s/%s", fx->dir, rel);
  jv_error_clear(e);
  return jv_template_read(t, path, e);
}

/* The error as the CLI prints it. */
static inline const char *printed(const jv_error *e)
{
  static char buf[2048];
  FILE *f = fmemopen(buf, sizeof(buf), "w");
  assert_non_null(f);
  jv_error_print(e, f);
  fclose(f);
  return buf;
}

static inline void expect_error(fixture *fx, const char *text, int line, const char *needle)
{
  jv_tpl t;
  jv_error e;
  jv_status st = parse(fx, text, &t, &e);
  if (st != JV_EDATA || e.loc.line != line || !strstr(e.msg, needle))
    fail_msg("expected EDATA at line %d containing '%s', got %d: %s", line, needle, st,
             printed(&e));
  assert_int_equal(t.n_nodes, 0); /* emptied on failure */
}

static inline const jv_tpl_node *node(const jv_tpl *t, size_t i)
{
  assert_true(i < t->n_nodes);
  return &t->nodes[i];
}

/* A valid 3 x 2 RGB PNG, written with libpng's simplified API. */
static inline void write_logo(const char *dir, const char *name)
{
  char path[160];
  snprintf(path, sizeof(path), "%s/%s", dir, name);
  png_image pi;
  memset(&pi, 0, sizeof(pi));
  pi.version = PNG_IMAGE_VERSION;
  pi.width = 3, pi.height = 2;
  pi.format = PNG_FORMAT_RGB;
  static const unsigned char px[18] = {11,  95, 115, 11,  95, 115, 11,  95, 115,
                                       255, 0,  0,   255, 0,  0,   255, 0,  0};
  assert_true(png_image_write_to_file(&pi, path, 0, px, 0, NULL));
}

#endif
