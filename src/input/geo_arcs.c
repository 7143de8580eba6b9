/* geo_arcs.c - the arcs of a quantized TopoJSON file read straight from the
 * text: most of the file is "arcs": [[[x, y], [dx, dy], ...], ...], and
 * building a jansson value for every number of it took most of the reading
 * time. Only the plain form is taken (every position two integers, every
 * arc two positions or more, the member once at the top level, no escapes
 * in the top-level keys); anything else is left to jansson, so what is
 * accepted, rejected and reported stays the same. */
#include <stdlib.h>
#include <string.h>

#include "input/geo_parse.h"
#include "util/grow.h"

static size_t skip_ws(const char *b, size_t i, size_t n)
{
  while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r'))
    i++;
  return i;
}

/* Past the string at b[*i] == '"'; -1 when it does not end. */
static int skip_string(const char *b, size_t *i, size_t n)
{
  for (size_t k = *i + 1; k < n; k++) {
    if (b[k] == '\\')
      k++;
    else if (b[k] == '"') {
      *i = k + 1;
      return 0;
    }
  }
  return -1;
}

/* Past one value at b[*i]: a string, a scalar up to its delimiter, or an
 * array or object by its brackets (the strings in it skipped whole). */
static int skip_value(const char *b, size_t *i, size_t n)
{
  size_t k = *i, depth = 0;
  if (k >= n)
    return -1;
  if (b[k] == '"')
    return skip_string(b, i, n);
  if (b[k] != '[' && b[k] != '{') {
    while (k < n && b[k] && !strchr(",]} \t\n\r", b[k]))
      k++;
    if (k == *i)
      return -1;
    *i = k;
    return 0;
  }
  for (; k < n; k++) {
    char ch = b[k];
    if (ch == '"') {
      if (skip_string(b, &k, n) != 0)
        return -1;
      k--; /* the loop steps past the closing quote */
    } else if (ch == '[' || ch == '{') {
      depth++;
    } else if (ch == ']' || ch == '}') {
      if (--depth == 0) {
        *i = k + 1;
        return 0;
      }
    }
  }
  return -1;
}

int jv_geo__find_arcs(const char *b, size_t n, size_t *start, size_t *end)
{
  size_t i = skip_ws(b, 0, n), found = 0;
  if (i >= n || b[i] != '{')
    return 0;
  i = skip_ws(b, i + 1, n);
  if (i < n && b[i] == '}')
    return 0;
  for (;;) {
    if (i >= n || b[i] != '"')
      return 0;
    size_t k0 = i + 1;
    if (skip_string(b, &i, n) != 0)
      return 0;
    size_t klen = i - 1 - k0;
    if (memchr(b + k0, '\\', klen))
      return 0; /* an escaped key might be "arcs" too */
    int is_arcs = klen == 4 && memcmp(b + k0, "arcs", 4) == 0;
    i = skip_ws(b, i, n);
    if (i >= n || b[i] != ':')
      return 0;
    i = skip_ws(b, i + 1, n);
    size_t vs = i;
    if (skip_value(b, &i, n) != 0)
      return 0;
    if (is_arcs) {
      if (found++ || b[vs] != '[')
        return 0; /* twice (jansson refuses that), or not an array */
      *start = vs;
      *end = i;
    }
    i = skip_ws(b, i, n);
    if (i < n && b[i] == ',') {
      i = skip_ws(b, i + 1, n);
      continue;
    }
    if (i < n && b[i] == '}')
      return found ? 1 : 0;
    return 0;
  }
}

/* A JSON integer as jansson reads one (at most 18 digits: no overflow). */
static int read_int(const char *b, size_t *i, size_t n, long long *out)
{
  size_t k = *i;
  int neg = k < n && b[k] == '-';
  k += (size_t)neg;
  if (k >= n || b[k] < '0' || b[k] > '9')
    return -1;
  size_t d0 = k;
  long long v = 0;
  for (; k < n && b[k] >= '0' && b[k] <= '9'; k++)
    if (k - d0 < 18) /* more digits are refused below */
      v = v * 10 + (b[k] - '0');
  if ((b[d0] == '0' && k - d0 > 1) || k - d0 > 18 ||
      (k < n && (b[k] == '.' || b[k] == 'e' || b[k] == 'E')))
    return -1;
  *out = neg ? -v : v;
  *i = k;
  return 0;
}

static int expect(const char *b, size_t *i, size_t n, char ch)
{
  *i = skip_ws(b, *i, n);
  if (*i >= n || b[*i] != ch)
    return -1;
  *i = skip_ws(b, *i + 1, n);
  return 0;
}

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
  return jv_grow(p, cap, need, elem, 1024);
}

/* After an element: 1 past a ',' (another follows), 0 past the closing
 * ']', -1 for anything else. */
static int more(const char *b, size_t *i, size_t n)
{
  if (*i < n && b[*i] == ',') {
    (*i)++;
    return 1;
  }
  return expect(b, i, n, ']') == 0 ? 0 : -1;
}

void jv_geo__qarcs_free(jv_geo_qarcs *q)
{
  free(q->xy);
  free(q->first);
  memset(q, 0, sizeof(*q));
}

int jv_geo__parse_arcs(const char *b, size_t n, jv_geo_qarcs *q)
{
  memset(q, 0, sizeof(*q));
  size_t i = 0, cap_xy = 0, cap_first = 0;
  if (expect(b, &i, n, '[') != 0)
    goto plain;
  if (i < n && b[i] == ']') {
    i++;
  } else {
    int m;
    do { /* one arc */
      if (grow((void **)&q->first, &cap_first, q->n_arcs + 2, sizeof(*q->first)) != 0 ||
          expect(b, &i, n, '[') != 0)
        goto plain;
      q->first[q->n_arcs] = q->n_pts;
      int p;
      do { /* one position */
        long long x, y;
        if (grow((void **)&q->xy, &cap_xy, 2 * (q->n_pts + 1), sizeof(*q->xy)) != 0 ||
            expect(b, &i, n, '[') != 0 || read_int(b, &i, n, &x) != 0 ||
            expect(b, &i, n, ',') != 0 || read_int(b, &i, n, &y) != 0 || expect(b, &i, n, ']') != 0)
          goto plain;
        q->xy[2 * q->n_pts] = x;
        q->xy[2 * q->n_pts + 1] = y;
        q->n_pts++;
        p = more(b, &i, n);
      } while (p == 1);
      /* too short: jansson's path says which arc */
      if (p < 0 || q->n_pts - q->first[q->n_arcs] < 2)
        goto plain;
      q->n_arcs++;
      m = more(b, &i, n);
    } while (m == 1);
    if (m < 0)
      goto plain;
  }
  if (skip_ws(b, i, n) != n)
    goto plain;
  if (grow((void **)&q->first, &cap_first, q->n_arcs + 1, sizeof(*q->first)) != 0)
    goto plain;
  q->first[q->n_arcs] = q->n_pts;
  return 0;
plain:
  jv_geo__qarcs_free(q);
  return -1;
}
