/* template_read.c - template files: reading, UTF-8 checks, the line index,
 * includes kept inside the template directory, and the cmark parse that
 * template_walk.c turns into nodes (front matter: template_front.c). */
/* realpath() is an XSI function: not declared by _POSIX_C_SOURCE alone */
#define _XOPEN_SOURCE 700

#include "input/template_read.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input/template_internal.h"
#include "util/grow.h"
#include "util/utf8.h"

/* Smart punctuation: ' and " become ’ ‘ “ ”, -- an en dash, ... an
 * ellipsis, which is what Dutch typesetting wants ("regio’s", "’s-Gravenhage"). */
#define TPL_CMARK_OPTIONS (CMARK_OPT_DEFAULT | CMARK_OPT_SMART)

static jv_status oom(jv_error *err)
{
  return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
}

/* ---- lines -------------------------------------------------------------- */

/* Line ends as CommonMark counts them: \n, \r\n or a lone \r. */
static size_t line_end_len(const char *s, size_t i, size_t len)
{
  if (s[i] == '\n')
    return 1;
  if (s[i] == '\r')
    return i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
  return 0;
}

static jv_status index_lines(tpl_file *f, jv_error *err)
{
  size_t cap = 64, n = 0;
  size_t *lines = malloc(cap * sizeof(*lines));
  if (!lines)
    return oom(err);
  lines[n++] = 0;
  for (size_t i = 0; i < f->len;) {
    size_t e = line_end_len(f->text, i, f->len);
    if (!e) {
      i++;
      continue;
    }
    i += e;
    if (jv_grow((void **)&lines, &cap, n + 1, sizeof(*lines), 0) != 0) {
      free(lines);
      return oom(err);
    }
    lines[n++] = i;
  }
  f->lines = lines;
  f->n_lines = (int)n;
  return JV_OK;
}

const char *jv_template__line(const tpl_file *f, int n, size_t *len)
{
  if (n < 1 || n > f->n_lines) {
    *len = 0;
    return "";
  }
  size_t start = f->lines[n - 1], end = start;
  while (end < f->len && f->text[end] != '\n' && f->text[end] != '\r')
    end++;
  *len = end - start;
  return f->text + start;
}

int jv_template__column(const char *line, size_t off)
{
  int col = 1;
  for (size_t i = 0; i < off; i++)
    if (((unsigned char)line[i] & 0xC0) != 0x80)
      col++;
  return col;
}

/* line:column of byte offset off, for encoding errors found before indexing. */
static void locate(const char *s, size_t len, size_t off, int *line, int *col)
{
  size_t start = 0;
  *line = 1;
  for (size_t i = 0; i < off && i < len;) {
    size_t e = line_end_len(s, i, len);
    if (e) {
      i += e;
      (*line)++;
      start = i;
    } else {
      i++;
    }
  }
  *col = jv_template__column(s + start, off - start);
}

int jv_template__is_fence(const char *s, size_t len)
{
  while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
    len--;
  return len == 3 && memcmp(s, "---", 3) == 0;
}

/* ---- one file ----------------------------------------------------------- */

/* Parses buf (not NUL-terminated) as the file named name; is_main says whether
 * it is the main template (front matter) or an include. */
static jv_status parse_file(tpl_reader *r, const char *name, const char *real, const char *base,
                            const char *buf, size_t len, int is_main)
{
  jv_error *err = r->err;
  long bad = jv_utf8_invalid_at(buf, len);
  const char *nul = memchr(buf, '\0', len);
  if (bad >= 0 || nul) {
    size_t off = bad >= 0 ? (size_t)bad : (size_t)(nul - buf);
    if (nul && (size_t)(nul - buf) < off)
      off = (size_t)(nul - buf);
    int line, col;
    locate(buf, len, off, &line, &col);
    return jv_error_set(err, JV_EDATA, name, line, col, "%s: save the template as UTF-8 text",
                        buf[off] ? "invalid UTF-8" : "NUL byte");
  }
  if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
    /* a BOM sits on line 1 and holds no newline: dropping it keeps lines */
    buf += 3;
    len -= 3;
  }
  char *text = malloc(len + 1);
  if (!text)
    return oom(err);
  memcpy(text, buf, len);
  text[len] = '\0';
  tpl_file f = {.name = name, .text = text, .len = len, .base = base, .real = real};
  jv_status st = index_lines(&f, err);
  if (!st && is_main) {
    st = jv_template__front_matter(r, &f, text);
  } else if (!st) {
    size_t l0;
    const char *first = jv_template__line(&f, 1, &l0);
    if (jv_template__is_fence(first, l0))
      st = jv_error_set(err, JV_EDATA, name, 1, 1,
                        "an included file has no front matter and cannot start with '---'; "
                        "use ::pagina for a page break");
  }
  cmark_node *doc = NULL;
  size_t first = r->tpl->n_nodes;
  if (!st && !(doc = cmark_parse_document(text, len, TPL_CMARK_OPTIONS)))
    st = oom(err);
  if (!st)
    st = jv_template__walk(r, &f, doc);
  if (!st)
    st = jv_template__check_placeholders(r->tpl, first, &f, err);
  if (!st && r->cols_line && r->cols_depth == r->depth)
    st = jv_error_set(err, JV_EDATA, r->cols_file, r->cols_line, 0,
                      "::kolommen is not closed: add ::einde-kolommen in this file");
  if (doc)
    cmark_node_free(doc);
  free(f.lines);
  free(text);
  return st;
}

/* Reads a whole file into *out (NUL-terminated). */
static jv_status slurp(const char *path, const char *shown, int line, int column, char **out,
                       size_t *len, jv_error *err, jv_status missing)
{
  FILE *fp = fopen(path, "rb");
  if (!fp)
    return jv_error_set(err, missing, line ? shown : path, line, column, "cannot open %s: %s", path,
                        strerror(errno));
  struct stat st;
  if (fstat(fileno(fp), &st) != 0 || !S_ISREG(st.st_mode)) {
    fclose(fp);
    return jv_error_set(err, missing, line ? shown : path, line, column, "%s is not a regular file",
                        path);
  }
  if ((unsigned long long)st.st_size > JV_TPL_MAX_BYTES) {
    fclose(fp);
    return jv_error_set(err, JV_EDATA, line ? shown : path, line, column,
                        "%s is larger than %u bytes; is it really a template?", path,
                        JV_TPL_MAX_BYTES);
  }
  char *buf = malloc((size_t)st.st_size + 1);
  if (!buf) {
    fclose(fp);
    return oom(err);
  }
  size_t n = fread(buf, 1, (size_t)st.st_size, fp);
  int bad = ferror(fp);
  fclose(fp);
  if (bad) {
    free(buf);
    return jv_error_set(err, JV_EIO, line ? shown : path, line, column, "cannot read %s", path);
  }
  buf[n] = '\0';
  *out = buf;
  *len = n;
  return JV_OK;
}

/* ---- includes ----------------------------------------------------------- */

static int inside_dir(const char *dir, const char *path)
{
  size_t n = strlen(dir);
  if (n == 1 && dir[0] == '/')
    return path[0] == '/';
  return strncmp(path, dir, n) == 0 && path[n] == '/';
}

/* Removes "." and ".." components and doubled slashes from an absolute
 * path without looking at the file system. Returns -1 when ".." would climb
 * above the root or out does not fit. */
static int normalize(const char *path, char *out, size_t size)
{
  size_t n = 0;
  const char *p = path;
  if (size < 2)
    return -1;
  out[n++] = '/';
  while (*p) {
    while (*p == '/')
      p++;
    const char *e = strchr(p, '/');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    if (len == 0)
      break;
    if (len == 1 && p[0] == '.') {
      /* nothing */
    } else if (len == 2 && p[0] == '.' && p[1] == '.') {
      if (n == 1)
        return -1;
      n--; /* drop the trailing slash, then the component */
      while (n > 1 && out[n - 1] != '/')
        n--;
    } else {
      if (n + len + 1 >= size)
        return -1;
      memcpy(out + n, p, len);
      n += len;
      out[n++] = '/';
    }
    p += len;
  }
  if (n > 1)
    n--; /* no trailing slash */
  out[n] = '\0';
  return 0;
}

jv_status jv_template__resolve(tpl_reader *r, const char *base, const char *rel, const char *file,
                               int line, int column, const char *what, char **out)
{
  if (rel[0] == '/')
    return jv_error_set(r->err, JV_EDATA, file, line, column,
                        "%s '%s': use a path relative to the template, not an absolute one", what,
                        rel);
  char joined[PATH_MAX];
  if (snprintf(joined, sizeof(joined), "%s/%s", base, rel) >= (int)sizeof(joined))
    return jv_error_set(r->err, JV_EDATA, file, line, column, "%s '%s': path too long", what, rel);
  /* '..' is refused before touching the file system, so a path that climbs
   * out is reported as such even when its target does not exist */
  char lexical[PATH_MAX];
  if (normalize(joined, lexical, sizeof(lexical)) || !inside_dir(r->tpl->dir, lexical))
    return jv_error_set(r->err, JV_EDATA, file, line, column,
                        "%s '%s' lies outside the template directory %s", what, rel, r->tpl->dir);
  char *real = realpath(joined, NULL);
  if (!real)
    return jv_error_set(r->err, JV_EDATA, file, line, column, "%s '%s': %s", what, rel,
                        errno == ENOENT ? "no such file in the template directory"
                                        : strerror(errno));
  struct stat st;
  if (!inside_dir(r->tpl->dir, real)) {
    free(real);
    return jv_error_set(r->err, JV_EDATA, file, line, column,
                        "%s '%s' lies outside the template directory %s", what, rel, r->tpl->dir);
  }
  if (stat(real, &st) != 0 || !S_ISREG(st.st_mode)) {
    free(real);
    return jv_error_set(r->err, JV_EDATA, file, line, column, "%s '%s' is not a regular file", what,
                        rel);
  }
  *out = real;
  return JV_OK;
}

/* "a/b/x.md" + "y.md" -> "a/b/y.md": names in messages follow what the
 * user wrote, not the resolved path. */
static jv_status shown_name(const char *from, const char *rel, char *buf, size_t size)
{
  const char *slash = strrchr(from, '/');
  int dir_len = slash ? (int)(slash - from + 1) : 0;
  return snprintf(buf, size, "%.*s%s", dir_len, from, rel) < (int)size ? JV_OK : JV_EDATA;
}

jv_status jv_template__include(tpl_reader *r, const tpl_file *f, int line, int column,
                               const char *bestand)
{
  size_t n = strlen(bestand);
  if (n < 4 || strcmp(bestand + n - 3, ".md") != 0)
    return jv_error_set(r->err, JV_EDATA, f->name, line, column,
                        "voeg-in bestand '%s': only Markdown files (.md) can be included", bestand);
  char *real = NULL;
  jv_status st = jv_template__resolve(r, f->base, bestand, f->name, line, column, "voeg-in", &real);
  if (st)
    return st;
  for (int i = 0; i <= r->depth; i++)
    if (r->stack[i] && strcmp(r->stack[i], real) == 0) {
      free(real);
      return jv_error_set(r->err, JV_EDATA, f->name, line, column,
                          "voeg-in '%s' includes a file that is already being read (an "
                          "include cycle)",
                          bestand);
    }
  if (r->depth >= JV_TPL_MAX_INCLUDE_DEPTH) {
    free(real);
    return jv_error_set(r->err, JV_EDATA, f->name, line, column,
                        "voeg-in nested deeper than %d files", JV_TPL_MAX_INCLUDE_DEPTH);
  }
  char shown[PATH_MAX];
  const char *name;
  if (shown_name(f->name, bestand, shown, sizeof(shown)) || jv_tpl_add_file(r->tpl, shown, &name)) {
    free(real);
    return oom(r->err);
  }
  char *buf = NULL;
  size_t len = 0;
  st = slurp(real, f->name, line, column, &buf, &len, r->err, JV_EDATA);
  char *base = NULL;
  if (!st) {
    char *slash = strrchr(real, '/');
    base = strndup(real, (size_t)(slash - real));
    if (!base)
      st = oom(r->err);
  }
  if (!st) {
    r->stack[++r->depth] = real;
    st = parse_file(r, name, real, base[0] ? base : "/", buf, len, 0);
    r->stack[r->depth--] = NULL;
  }
  free(base);
  free(buf);
  free(real);
  return st;
}

/* ---- entry points ------------------------------------------------------- */

static jv_status run(jv_tpl *out, const char *name, const char *real, const char *buf, size_t len,
                     jv_error *err)
{
  tpl_reader r;
  memset(&r, 0, sizeof(r));
  r.tpl = out;
  r.err = err;
  r.stack[0] = real;
  const char *shown;
  if (jv_tpl_add_file(out, name, &shown))
    return oom(err);
  jv_status st = parse_file(&r, shown, real, out->dir, buf, len, 1);
  if (st)
    jv_tpl_free(out);
  return st;
}

jv_status jv_template_parse(jv_tpl *out, const char *name, const char *buf, size_t len,
                            const char *dir, jv_error *err)
{
  jv_tpl_init(out);
  out->dir = realpath(dir, NULL);
  if (!out->dir)
    return jv_error_set(err, JV_ENOINPUT, dir, 0, 0, "template directory: %s", strerror(errno));
  return run(out, name, NULL, buf, len, err);
}

jv_status jv_template_read(jv_tpl *out, const char *path, jv_error *err)
{
  jv_tpl_init(out);
  char *buf = NULL;
  size_t len = 0;
  jv_status st = slurp(path, NULL, 0, 0, &buf, &len, err, JV_ENOINPUT);
  if (st)
    return st;
  char dir[PATH_MAX];
  const char *slash = strrchr(path, '/');
  if (!slash)
    snprintf(dir, sizeof(dir), ".");
  else if (slash == path)
    snprintf(dir, sizeof(dir), "/");
  else
    snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
  char *real = realpath(path, NULL);
  out->dir = realpath(dir, NULL);
  if (!out->dir || !real) {
    free(real);
    free(buf);
    jv_tpl_free(out);
    return jv_error_set(err, JV_ENOINPUT, path, 0, 0, "cannot resolve %s: %s", path,
                        strerror(errno));
  }
  st = run(out, path, real, buf, len, err);
  free(real);
  free(buf);
  return st;
}
