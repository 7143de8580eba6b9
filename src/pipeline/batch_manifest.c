/* batch_manifest.c - the manifest's text form, reading and atomic writing. */
#include "pipeline/batch_manifest.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/atomic_file.h"
#include "util/grow.h"

/* Far above any real project (a few hundred lines). */
#define MANIFEST_MAX_BYTES (16u * 1024u * 1024u)

void jv_manifest_init(jv_manifest *m)
{
  memset(m, 0, sizeof(*m));
}

void jv_manifest_free(jv_manifest *m)
{
  for (size_t i = 0; i < m->n; i++) {
    free(m->items[i].id);
    free(m->items[i].file);
  }
  free(m->items);
  memset(m, 0, sizeof(*m));
}

/* Index of id, or where it would go (*found = 0): items stay sorted. */
static size_t locate(const jv_manifest *m, const char *id, int *found)
{
  size_t lo = 0, hi = m->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(m->items[mid].id, id);
    if (c == 0) {
      *found = 1;
      return mid;
    }
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  *found = 0;
  return lo;
}

const jv_manifest_entry *jv_manifest_find(const jv_manifest *m, const char *id)
{
  int found;
  size_t i = locate(m, id, &found);
  return found ? &m->items[i] : NULL;
}

jv_status jv_manifest_set(jv_manifest *m, const char *id, const char *file, const jv_digest *inputs,
                          const jv_digest *output)
{
  int found;
  size_t i = locate(m, id, &found);
  char *f = strdup(file);
  if (!f)
    return JV_EINTERNAL;
  if (found) {
    free(m->items[i].file);
    m->items[i].file = f;
  } else {
    char *d = strdup(id);
    if (!d) {
      free(f);
      return JV_EINTERNAL;
    }
    if (jv_grow((void **)&m->items, &m->cap, m->n + 1, sizeof(*m->items), 16) != 0) {
      free(f);
      free(d);
      return JV_EINTERNAL;
    }
    memmove(&m->items[i + 1], &m->items[i], (m->n - i) * sizeof(*m->items));
    m->items[i].id = d;
    m->items[i].file = f;
    m->n++;
  }
  m->items[i].inputs = *inputs;
  m->items[i].output = *output;
  return JV_OK;
}

static int valid_id(const char *s, size_t len)
{
  if (len == 0)
    return 0;
  for (size_t i = 0; i < len; i++)
    if ((unsigned char)s[i] < 0x20)
      return 0;
  return 1;
}

static int valid_file(const char *s, size_t len)
{
  return valid_id(s, len) && s[0] != '.' && !memchr(s, '/', len);
}

/* One entry line (without its line end). */
static jv_status parse_entry(jv_manifest *m, const char *name, int line, const char *s, size_t len,
                             jv_error *err)
{
  const char *field[4];
  size_t flen[4];
  size_t nf = 0;
  const char *p = s, *end = s + len;
  for (;;) {
    const char *tab = memchr(p, '\t', (size_t)(end - p));
    const char *stop = tab ? tab : end;
    if (nf < 4) {
      field[nf] = p;
      flen[nf] = (size_t)(stop - p);
    }
    nf++;
    if (!tab)
      break;
    p = tab + 1;
  }
  if (nf != 4)
    return jv_error_set(err, JV_EDATA, name, line, nf < 4 ? (int)nf + 1 : 5,
                        "expected 4 tab-separated fields (output, file, input sha256, output "
                        "sha256), found %zu",
                        nf);
  jv_digest in, out;
  if (!valid_id(field[0], flen[0]))
    return jv_error_set(err, JV_EDATA, name, line, 1, "empty or invalid output name");
  if (!valid_file(field[1], flen[1]))
    return jv_error_set(err, JV_EDATA, name, line, 2,
                        "expected a file name in the output directory (no '/', not hidden)");
  if (jv_digest_from_hex(field[2], flen[2], &in) != 0)
    return jv_error_set(err, JV_EDATA, name, line, 3, "expected 64 hex digits (SHA-256)");
  if (jv_digest_from_hex(field[3], flen[3], &out) != 0)
    return jv_error_set(err, JV_EDATA, name, line, 4, "expected 64 hex digits (SHA-256)");
  char *id = strndup(field[0], flen[0]), *file = strndup(field[1], flen[1]);
  jv_status st = JV_OK;
  if (!id || !file)
    st = jv_error_set(err, JV_EINTERNAL, name, line, 0, "out of memory");
  else if (jv_manifest_find(m, id))
    st = jv_error_set(err, JV_EDATA, name, line, 1, "output '%s' is listed twice", id);
  else if (jv_manifest_set(m, id, file, &in, &out) != JV_OK)
    st = jv_error_set(err, JV_EINTERNAL, name, line, 0, "out of memory");
  free(id);
  free(file);
  return st;
}

jv_status jv_manifest_parse(jv_manifest *out, const char *name, const char *buf, size_t len,
                            jv_error *err)
{
  jv_manifest_init(out);
  const char *p = buf, *end = buf + len;
  int line = 0;
  jv_status st = JV_OK;
  while (p < end && st == JV_OK) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *stop = nl ? nl : end;
    size_t l = (size_t)(stop - p);
    if (l > 0 && p[l - 1] == '\r')
      l--;
    line++;
    if (line == 1) {
      if (l != strlen(JV_MANIFEST_MAGIC) || memcmp(p, JV_MANIFEST_MAGIC, l) != 0)
        st = jv_error_set(err, JV_EDATA, name, 1, 1,
                          "not a jaarverslag batch manifest: expected '%s' on the first line",
                          JV_MANIFEST_MAGIC);
    } else if (l > 0 && p[0] != '#') {
      st = parse_entry(out, name, line, p, l, err);
    }
    p = nl ? nl + 1 : end;
  }
  if (st == JV_OK && line == 0)
    st = jv_error_set(err, JV_EDATA, name, 1, 1, "empty manifest: expected '%s' on the first line",
                      JV_MANIFEST_MAGIC);
  if (st != JV_OK)
    jv_manifest_free(out);
  return st;
}

jv_status jv_manifest_read(jv_manifest *out, const char *path, jv_error *err)
{
  jv_manifest_init(out);
  FILE *f = fopen(path, "rb");
  if (!f) {
    if (errno == ENOENT)
      return JV_OK;
    return jv_error_set(err, JV_ENOINPUT, path, 0, 0, "cannot open: %s", strerror(errno));
  }
  char *buf = NULL;
  size_t len = 0, cap = 0;
  jv_status st = JV_OK;
  for (;;) {
    if (len == cap) {
      cap = cap ? cap * 2 : 8192;
      char *nb = cap <= MANIFEST_MAX_BYTES ? realloc(buf, cap) : NULL;
      if (!nb) {
        st = jv_error_set(err, JV_EDATA, path, 0, 0, "too large for a manifest");
        break;
      }
      buf = nb;
    }
    size_t n = fread(buf + len, 1, cap - len, f);
    len += n;
    if (n == 0)
      break;
  }
  if (st == JV_OK && ferror(f))
    st = jv_error_set(err, JV_EIO, path, 0, 0, "read error");
  fclose(f);
  if (st == JV_OK)
    st = jv_manifest_parse(out, path, buf ? buf : "", len, err);
  free(buf);
  return st;
}

char *jv_manifest_format(const jv_manifest *m)
{
  static const char head[] =
      JV_MANIFEST_MAGIC "\n"
                        "# uitvoer\tbestand\tinvoer-sha256\tuitvoer-sha256\n";
  size_t cap = sizeof(head);
  for (size_t i = 0; i < m->n; i++)
    cap += strlen(m->items[i].id) + strlen(m->items[i].file) + 2 * JV_DIGEST_HEX + 4;
  char *s = malloc(cap);
  if (!s)
    return NULL;
  size_t o = (size_t)snprintf(s, cap, "%s", head);
  for (size_t i = 0; i < m->n; i++) {
    char in[JV_DIGEST_HEX], out[JV_DIGEST_HEX];
    jv_digest_hex(&m->items[i].inputs, in);
    jv_digest_hex(&m->items[i].output, out);
    o += (size_t)snprintf(s + o, cap - o, "%s\t%s\t%s\t%s\n", m->items[i].id, m->items[i].file, in,
                          out);
  }
  return s;
}

jv_status jv_manifest_write(const jv_manifest *m, const char *path, jv_error *err)
{
  char *text = jv_manifest_format(m);
  if (!text)
    return jv_error_set(err, JV_EINTERNAL, path, 0, 0, "out of memory");
  jv_atomic_file af;
  jv_status st = jv_atomic_open(&af, path, err);
  if (st == JV_OK) {
    size_t len = strlen(text);
    if (fwrite(text, 1, len, af.fp) != len) {
      int saved = errno;
      jv_atomic_abort(&af);
      st = jv_error_set(err, JV_EIO, path, 0, 0, "cannot write: %s", strerror(saved));
    } else {
      st = jv_atomic_commit(&af, err);
    }
  }
  free(text);
  return st;
}
