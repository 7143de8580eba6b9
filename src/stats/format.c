/* format.c - Dutch number notation. */
#include "stats/format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Writes digits of an unsigned magnitude with '.' every three digits. */
static void group_digits(unsigned long long n, char *out, size_t size)
{
  char digits[32];
  int len = snprintf(digits, sizeof(digits), "%llu", n);
  size_t o = 0;
  for (int i = 0; i < len && o + 1 < size; i++) {
    if (i > 0 && (len - i) % 3 == 0 && o + 2 < size)
      out[o++] = '.';
    out[o++] = digits[i];
  }
  out[o] = '\0';
}

char *jv_format_count(long long n, char *buf, size_t size)
{
  unsigned long long mag = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
  char grouped[40];
  group_digits(mag, grouped, sizeof(grouped));
  snprintf(buf, size, "%s%s", n < 0 ? "-" : "", grouped);
  return buf;
}

char *jv_format_decimal(double v, int decimals, char *buf, size_t size)
{
  if (decimals < 0)
    decimals = 0;
  if (decimals > 6)
    decimals = 6;
  double scale = pow(10.0, decimals);
  /* round half away from zero on the scaled value; the 1e-9 guards against
   * 0,05 stored as 0,04999... */
  double scaled = floor(fabs(v) * scale + 0.5 + 1e-9);
  unsigned long long s = (unsigned long long)scaled;
  unsigned long long ip = s / (unsigned long long)scale;
  unsigned long long fp = s % (unsigned long long)scale;
  char grouped[40];
  group_digits(ip, grouped, sizeof(grouped));
  const char *sign = (v < 0 && s != 0) ? "-" : "";
  if (decimals == 0)
    snprintf(buf, size, "%s%s", sign, grouped);
  else
    snprintf(buf, size, "%s%s,%0*llu", sign, grouped, decimals, fp);
  return buf;
}

char *jv_format_tenths(long long tenths, char *buf, size_t size)
{
  unsigned long long mag =
      tenths < 0 ? 0ULL - (unsigned long long)tenths : (unsigned long long)tenths;
  char grouped[40];
  group_digits(mag / 10, grouped, sizeof(grouped));
  snprintf(buf, size, "%s%s,%llu", tenths < 0 ? "-" : "", grouped, mag % 10);
  return buf;
}

const char *jv_format_kind_label(jv_value_kind kind)
{
  switch (kind) {
  case JV_VAL_UNKNOWN:
    return "n.b.";
  case JV_VAL_NVT:
    return "nvt";
  case JV_VAL_NONRESPONSE:
    return "non-respons";
  case JV_VAL_MISSING:
  case JV_VAL_COUNT:
    break;
  }
  return "\xE2\x80\x93"; /* en dash: geen gegevens */
}

char *jv_format_value(jv_value v, char *buf, size_t size)
{
  if (v.kind == JV_VAL_COUNT)
    return jv_format_count(v.count, buf, size);
  snprintf(buf, size, "%s", jv_format_kind_label(v.kind));
  return buf;
}

char *jv_format_rate(const jv_rate *r, char *buf, size_t size)
{
  if (r->kind == JV_VAL_COUNT)
    return jv_format_tenths(r->tenths, buf, size);
  snprintf(buf, size, "%s", jv_format_kind_label(r->kind));
  return buf;
}
