/* strbuf.c - growable printf strings. */
#include "util/strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/grow.h"
#include "util/text.h"

void jv_strbuf_addf(jv_strbuf *b, const char *fmt, ...)
{
  if (b->failed)
    return;
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) {
    b->failed = 1;
    return;
  }
  if (jv_grow((void **)&b->s, &b->cap, b->len + (size_t)n + 1, 1, 128) != 0) {
    b->failed = 1;
    return;
  }
  va_start(ap, fmt);
  vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

void jv_strbuf_list_add(jv_strbuf *b, size_t k, size_t count, const char *name)
{
  jv_strbuf_addf(b, "%s%s", jv_text_list_sep(k, count), name);
}

char *jv_strbuf_detach(jv_strbuf *b)
{
  if (b->failed || !b->s) {
    free(b->s);
    b->s = NULL;
    return b->failed ? NULL : strdup("");
  }
  char *s = b->s;
  b->s = NULL;
  return s;
}

char *jv_strbuf_take(jv_strbuf *b)
{
  if (b->failed || !b->s) {
    free(b->s);
    b->s = NULL;
    return NULL;
  }
  char *s = b->s;
  b->s = NULL;
  return s;
}
