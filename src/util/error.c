/* error.c - jv_error and jv_diags. */
#include "util/error.h"

#include "util/diag.h"
#include "util/grow.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void jv_error_clear(jv_error *err)
{
  memset(err, 0, sizeof(*err));
}

static void set_loc(jv_loc *loc, const char *file, int line, int column)
{
  loc->file[0] = '\0';
  if (file)
    snprintf(loc->file, sizeof(loc->file), "%s", file);
  loc->line = line;
  loc->column = column;
}

jv_status jv_error_set(jv_error *err, jv_status status, const char *file, int line, int column,
                       const char *fmt, ...)
{
  if (!err)
    return status;
  va_list ap;
  err->status = status;
  set_loc(&err->loc, file, line, column);
  va_start(ap, fmt);
  vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
  va_end(ap);
  return status;
}

void jv_error_prefix(jv_error *err, const char *fmt, ...)
{
  char head[512], old[sizeof(err->msg)];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(head, sizeof(head), fmt, ap);
  va_end(ap);
  memcpy(old, err->msg, sizeof(old));
  snprintf(err->msg, sizeof(err->msg), "%s%s", head, old);
}

static void print_loc(const jv_loc *loc, FILE *out)
{
  char place[1100];
  jv_loc_format(loc, place, sizeof(place)); /* util/diag.h: also sheet!cell */
  if (place[0])
    fprintf(out, "%s: ", place);
}

void jv_error_print(const jv_error *err, FILE *out)
{
  print_loc(&err->loc, out);
  fprintf(out, "error: %s\n", err->msg);
}

void jv_diags_init(jv_diags *d)
{
  memset(d, 0, sizeof(*d));
}

void jv_diags_free(jv_diags *d)
{
  for (size_t i = 0; i < d->count; i++)
    free(d->items[i].msg);
  free(d->items);
  memset(d, 0, sizeof(*d));
}

jv_status jv_diags_add(jv_diags *d, const char *file, int line, int column, const char *fmt, ...)
{
  if (d->count >= JV_DIAGS_KEEP) {
    d->dropped++;
    return JV_OK;
  }
  if (jv_grow((void **)&d->items, &d->cap, d->count + 1, sizeof(*d->items), 16) != 0)
    return JV_EINTERNAL;
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof(buf), fmt, ap);
  va_end(ap);
  jv_diag *g = &d->items[d->count];
  set_loc(&g->loc, file, line, column);
  g->msg = strdup(buf);
  if (!g->msg)
    return JV_EINTERNAL;
  d->count++;
  return JV_OK;
}

void jv_diags_print(const jv_diags *d, FILE *out)
{
  for (size_t i = 0; i < d->count; i++) {
    print_loc(&d->items[i].loc, out);
    fprintf(out, "warning: %s\n", d->items[i].msg);
  }
}
