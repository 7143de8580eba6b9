/* buckets.c - legend classes for per-1,000 rates. */
#include "stats/buckets.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "stats/format.h"

void jv_buckets_default(jv_buckets *out)
{
  static const long long letter[] = {0, 1000, 2000, 3000, 5000};
  memset(out, 0, sizeof(*out));
  out->n = sizeof(letter) / sizeof(letter[0]);
  memcpy(out->milli, letter, sizeof(letter));
}

/* One edge: digits, optionally '.' and up to 3 decimals. */
static int parse_edge(const char **pp, long long *milli)
{
  const char *p = *pp;
  long long ip = 0, frac = 0;
  int digits = 0, decimals = 0;
  while (isdigit((unsigned char)*p)) {
    if (ip > 1000000)
      return -1;
    ip = ip * 10 + (*p++ - '0');
    digits++;
  }
  if (*p == '.') {
    p++;
    while (isdigit((unsigned char)*p)) {
      if (++decimals > 3)
        return -1;
      frac = frac * 10 + (*p++ - '0');
      digits++;
    }
    if (decimals == 0)
      return -1;
  }
  if (digits == 0)
    return -1;
  for (int d = decimals; d < 3; d++)
    frac *= 10;
  *milli = ip * 1000 + frac;
  *pp = p;
  return 0;
}

/* How an edge was written, for messages: its text up to the next separator. */
static int edge_len(const char *p)
{
  int n = 0;
  while (p[n] && p[n] != ',' && p[n] != ';' && p[n] != ' ')
    n++;
  return n;
}

/* A comma between digits where ';' also separates edges: a decimal comma. */
static const char *comma_hint(const char *spec)
{
  if (!strchr(spec, ';') || !strchr(spec, ','))
    return "";
  return "; ',' separates edges here: write a decimal point as '.' (1.5, not 1,5)";
}

jv_status jv_buckets_parse(jv_buckets *out, const char *spec, jv_error *err)
{
  jv_buckets b;
  memset(&b, 0, sizeof(b));
  const char *p = spec, *prev_at = NULL;
  for (;;) {
    while (*p == ' ')
      p++;
    if (!*p)
      break;
    long long m;
    const char *at = p;
    if (*p == '-')
      return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                          "--buckets \"%s\": edge %zu (%.*s) is negative; a rate per 1.000 "
                          "is never below 0",
                          spec, b.n + 1, edge_len(at), at);
    if (parse_edge(&p, &m) != 0)
      return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                          "--buckets \"%s\": edge %zu at position %d: expected a number like 2 "
                          "or 2.5 (at most 3 decimals, '.' as decimal point)",
                          spec, b.n + 1, (int)(p - spec) + 1);
    if (b.n == JV_BUCKETS_MAX_EDGES)
      return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                          "--buckets \"%s\": edge %zu (%.*s) is one too many: at most %d edges",
                          spec, b.n + 1, edge_len(at), at, JV_BUCKETS_MAX_EDGES);
    if (b.n > 0 && m <= b.milli[b.n - 1])
      return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                          "--buckets \"%s\": edge %zu (%.*s) is %s edge %zu (%.*s): each edge "
                          "must be above the one before it%s",
                          spec, b.n + 1, edge_len(at), at,
                          m == b.milli[b.n - 1] ? "equal to" : "below", b.n, edge_len(prev_at),
                          prev_at, comma_hint(spec));
    b.milli[b.n++] = m;
    prev_at = at;
    while (*p == ' ')
      p++;
    if (*p == ',' || *p == ';')
      p++;
    else if (*p)
      return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                          "--buckets \"%s\": after edge %zu at position %d: expected ',' "
                          "between edges",
                          spec, b.n, (int)(p - spec) + 1);
  }
  if (b.n == 0)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0, "--buckets: no edges given");
  *out = b;
  return JV_OK;
}

int jv_buckets_wording(jv_buckets *b, const char *name)
{
  if (!strcmp(name, "letter"))
    b->letter = true;
  else if (!strcmp(name, "exact"))
    b->letter = false;
  else
    return -1;
  return 0;
}

size_t jv_buckets_rate_classes(const jv_buckets *b)
{
  return b->n + 1;
}
size_t jv_buckets_class_count(const jv_buckets *b)
{
  return b->n + 3;
}
int jv_buckets_nonresponse_class(const jv_buckets *b)
{
  return (int)b->n + 1;
}
int jv_buckets_nodata_class(const jv_buckets *b)
{
  return (int)b->n + 2;
}

int jv_buckets_classify_counts(const jv_buckets *b, long long count, long long base)
{
  /* rate >= e  <=>  count * 1000 / base >= milli / 1000
   *            <=>  count * 1000 * 1000 >= milli * base   (base > 0) */
  long long lhs = count * 1000000LL;
  int cls = 0;
  for (size_t i = 0; i < b->n; i++) {
    if (b->milli[i] == 0) {
      /* the zero edge separates "geen" from "tot e1": strictly positive */
      if (count > 0)
        cls = (int)i + 1;
    } else if (lhs >= b->milli[i] * base) {
      cls = (int)i + 1;
    }
  }
  return cls;
}

int jv_buckets_classify_value(const jv_buckets *b, double rate)
{
  int cls = 0;
  for (size_t i = 0; i < b->n; i++)
    if (b->milli[i] == 0 ? rate > 0 : rate * 1000 >= (double)b->milli[i])
      cls = (int)i + 1;
  return cls;
}

int jv_buckets_classify(const jv_buckets *b, const jv_rate *r)
{
  if (r->kind == JV_VAL_COUNT && r->base > 0 && r->count >= 0)
    return jv_buckets_classify_counts(b, r->count, r->base);
  if (r->kind == JV_VAL_NONRESPONSE)
    return jv_buckets_nonresponse_class(b);
  return jv_buckets_nodata_class(b);
}

/* 1000 -> "1", 2500 -> "2,5", 1000000 -> "1.000" */
static char *edge_text(long long milli, char *buf, size_t size)
{
  int decimals = milli % 1000 == 0 ? 0 : milli % 100 == 0 ? 1 : milli % 10 == 0 ? 2 : 3;
  long long ip = milli / 1000, frac = milli % 1000;
  char ibuf[40];
  jv_format_count(ip, ibuf, sizeof(ibuf));
  if (decimals == 0)
    snprintf(buf, size, "%s", ibuf);
  else if (decimals == 1)
    snprintf(buf, size, "%s,%lld", ibuf, frac / 100);
  else if (decimals == 2)
    snprintf(buf, size, "%s,%02lld", ibuf, frac / 10);
  else
    snprintf(buf, size, "%s,%03lld", ibuf, frac);
  return buf;
}

char *jv_buckets_label(const jv_buckets *b, int cls, char *buf, size_t size)
{
  char lo[48], hi[48];
  int n = (int)b->n;
  if (cls == n + 1) {
    snprintf(buf, size, "non-respons");
  } else if (cls < 0 || cls > n + 1) {
    snprintf(buf, size, "geen gegevens");
  } else if (cls == 0) {
    if (b->milli[0] == 0)
      snprintf(buf, size, "geen");
    else
      snprintf(buf, size, "tot %s per 1.000", edge_text(b->milli[0], hi, sizeof(hi)));
  } else if (cls == n) {
    if (b->milli[n - 1] == 0)
      snprintf(buf, size, "meer dan 0 per 1.000");
    else if (b->letter)
      snprintf(buf, size, "meer dan %s per 1.000", edge_text(b->milli[n - 1], lo, sizeof(lo)));
    else
      snprintf(buf, size, "%s of meer per 1.000", edge_text(b->milli[n - 1], lo, sizeof(lo)));
  } else if (b->milli[cls - 1] == 0) {
    snprintf(buf, size, "tot %s per 1.000", edge_text(b->milli[cls], hi, sizeof(hi)));
  } else {
    snprintf(buf, size, "%s tot %s per 1.000", edge_text(b->milli[cls - 1], lo, sizeof(lo)),
             edge_text(b->milli[cls], hi, sizeof(hi)));
  }
  return buf;
}

char *jv_buckets_edge_note(const jv_buckets *b, char *buf, size_t size)
{
  char top[48], e[48], label[64];
  edge_text(b->milli[b->n - 1], e, sizeof(e));
  jv_buckets_label(b, (int)b->n, label, sizeof(label));
  /* "5,0": the edge as a rate is printed with one decimal */
  if (!strchr(e, ','))
    snprintf(top, sizeof(top), "%s,0", e);
  else
    snprintf(top, sizeof(top), "%s", e);
  snprintf(buf, size,
           "Een aantal precies op een klassengrens hoort bij de hogere klasse: %s per 1.000 "
           "valt in %s.",
           top, label);
  return buf;
}
