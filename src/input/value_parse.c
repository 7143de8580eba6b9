/* value_parse.c - the value syntax of a data cell. */
#include "input/value_parse.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

typedef struct {
  const char *token;
  jv_value_kind kind;
} token_kind;

static const token_kind tokens[] = {
    {"n.b.", JV_VAL_UNKNOWN},   {"nb", JV_VAL_UNKNOWN}, {"onbekend", JV_VAL_UNKNOWN},
    {"nvt", JV_VAL_NVT},        {"n.v.t.", JV_VAL_NVT}, {"non-respons", JV_VAL_NONRESPONSE},
    {"nr", JV_VAL_NONRESPONSE},
};

#define WHAT_TO_WRITE                                                                              \
  "write a whole number (12 or 12.689), or n.b. (not known), nvt (not applicable) or "             \
  "non-respons (not reported)"

/* Length of the space at p: ASCII blanks, U+00A0 and U+202F (spreadsheets
 * use the last two as thousands separators and leave them at the edges). */
static size_t space_len(const char *p, const char *end)
{
  if (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    return 1;
  if (end - p >= 2 && memcmp(p, "\xC2\xA0", 2) == 0)
    return 2;
  if (end - p >= 3 && memcmp(p, "\xE2\x80\xAF", 3) == 0)
    return 3;
  return 0;
}

static void trim(const char *text, const char **start, size_t *len)
{
  const char *p = text, *end = text + strlen(text);
  size_t n;
  while ((n = space_len(p, end)) > 0)
    p += n;
  for (;;) {
    /* the same three forms, seen from the end */
    if (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '\n'))
      end--;
    else if (end - p >= 2 && memcmp(end - 2, "\xC2\xA0", 2) == 0)
      end -= 2;
    else if (end - p >= 3 && memcmp(end - 3, "\xE2\x80\xAF", 3) == 0)
      end -= 3;
    else
      break;
  }
  *start = p;
  *len = (size_t)(end - p);
}

static jv_status refuse(const jv_loc *where, jv_error *err, const char *cell, size_t len,
                        const char *why)
{
  /* quote at most 40 bytes, cut on a character boundary */
  size_t shown = len;
  if (shown > 40) {
    shown = 40;
    while (shown > 0 && ((unsigned char)cell[shown] & 0xC0) == 0x80)
      shown--;
  }
  return jv_error_set(err, JV_EDATA, where ? where->file : NULL, where ? where->line : 0,
                      where ? where->column : 0, "'%.*s%s' %s", (int)shown, cell,
                      shown < len ? "..." : "", why);
}

static int is_digit(char c)
{
  return c >= '0' && c <= '9';
}

/* Checks the '.' grouping of a string of digits and dots. 0 when valid. */
static int bad_grouping(const char *s, size_t len)
{
  size_t group = 0, groups = 0;
  for (size_t i = 0; i <= len; i++) {
    if (i == len || s[i] == '.') {
      if (group == 0 || (groups == 0 && group > 3 && i < len) || (groups > 0 && group != 3))
        return 1;
      groups++;
      group = 0;
    } else {
      group++;
    }
  }
  return 0;
}

static jv_status parse_number(jv_value *out, const char *s, size_t len, const jv_loc *where,
                              jv_error *err)
{
  size_t dots = 0, commas = 0;
  for (size_t i = 0; i < len; i++) {
    dots += s[i] == '.';
    commas += s[i] == ',';
  }
  if (commas > 0)
    return refuse(where, err, s, len,
                  "is not a whole number: counts have no decimal comma (write thousands as "
                  "12.689 or 12689)");
  if (dots > 0 && bad_grouping(s, len)) {
    const char *last = memchr(s, '.', len);
    if (dots == 1 && (size_t)(s + len - last) == 2)
      return refuse(where, err, s, len,
                    "is not a whole number: counts have no fractions (a '.' only separates "
                    "thousands, as in 12.689)");
    return refuse(where, err, s, len,
                  "has a thousands separator in the wrong place: a '.' must be followed by "
                  "exactly 3 digits (12.689); counts have no fractions");
  }
  long long n = 0;
  for (size_t i = 0; i < len; i++) {
    if (s[i] == '.')
      continue;
    int d = s[i] - '0';
    if (n > (JV_VALUE_MAX - d) / 10)
      return refuse(where, err, s, len,
                    "is too large for a count (at most 999.999.999.999.999); is a cell "
                    "pasted into the wrong column?");
    n = n * 10 + d;
  }
  *out = jv_value_count(n);
  return JV_OK;
}

jv_status jv_value_parse(jv_value *out, const char *text, const jv_loc *where, jv_error *err)
{
  const char *s;
  size_t len;
  trim(text ? text : "", &s, &len);
  if (len == 0)
    return jv_error_set(err, JV_EDATA, where ? where->file : NULL, where ? where->line : 0,
                        where ? where->column : 0,
                        "empty cell: %s; a cell is never left empty, write 0 when there were none",
                        WHAT_TO_WRITE);
  for (size_t i = 0; i < sizeof(tokens) / sizeof(tokens[0]); i++) {
    if (strlen(tokens[i].token) == len && strncasecmp(s, tokens[i].token, len) == 0) {
      out->kind = tokens[i].kind;
      out->count = 0;
      return JV_OK;
    }
  }
  /* '-' or U+2212 MINUS SIGN before a digit */
  size_t minus = s[0] == '-' ? 1 : (len >= 3 && memcmp(s, "\xE2\x88\x92", 3) == 0) ? 3 : 0;
  if (minus && len > minus && is_digit(s[minus]))
    return refuse(where, err, s, len, "is negative: a count is never below zero");
  int numeric = is_digit(s[0]);
  for (size_t i = 0; i < len && numeric; i++)
    numeric = is_digit(s[i]) || s[i] == '.' || s[i] == ',';
  if (!numeric)
    return refuse(where, err, s, len, "is not a count: " WHAT_TO_WRITE);
  return parse_number(out, s, len, where, err);
}
