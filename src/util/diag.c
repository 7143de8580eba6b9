/* diag.c - sorting and printing the error and warning lists of a run. */
#include "util/diag.h"

#include <stdlib.h>
#include <string.h>

/* "C" for 3, "AA" for 27: a spreadsheet's column letters. */
static void column_letters(int col, char *buf, size_t size)
{
  char tmp[16];
  size_t n = 0;
  while (col > 0 && n < sizeof(tmp)) {
    col--;
    tmp[n++] = (char)('A' + col % 26);
    col /= 26;
  }
  size_t o = 0;
  while (n > 0 && o + 1 < size)
    buf[o++] = tmp[--n];
  buf[o] = '\0';
}

void jv_loc_format(const jv_loc *loc, char *buf, size_t size)
{
  buf[0] = '\0';
  if (!loc->file[0])
    return;
  size_t flen = strlen(loc->file);
  if (loc->file[flen - 1] == '!' && loc->line > 0) {
    char letters[16];
    column_letters(loc->column, letters, sizeof(letters));
    if (loc->column > 0)
      snprintf(buf, size, "%s%s%d", loc->file, letters, loc->line);
    else
      snprintf(buf, size, "%s%d:%d", loc->file, loc->line, loc->line);
    return;
  }
  if (loc->file[flen - 1] == '!') /* the sheet as a whole */
    snprintf(buf, size, "%.*s", (int)(flen - 1), loc->file);
  else if (loc->line > 0 && loc->column > 0)
    snprintf(buf, size, "%s:%d:%d", loc->file, loc->line, loc->column);
  else if (loc->line > 0)
    snprintf(buf, size, "%s:%d", loc->file, loc->line);
  else
    snprintf(buf, size, "%s", loc->file);
}

jv_status jv_diags_take(jv_diags *errs, jv_status st, const jv_error *e)
{
  if (st != JV_EDATA)
    return st;
  return jv_diags_add(errs, e->loc.file[0] ? e->loc.file : NULL, e->loc.line, e->loc.column, "%s",
                      e->msg);
}

static int cmp_place(const void *pa, const void *pb)
{
  const jv_diag *a = *(const jv_diag *const *)pa, *b = *(const jv_diag *const *)pb;
  int c = strcmp(a->loc.file, b->loc.file);
  if (c)
    return c;
  if (a->loc.line != b->loc.line)
    return a->loc.line < b->loc.line ? -1 : 1;
  if (a->loc.column != b->loc.column)
    return a->loc.column < b->loc.column ? -1 : 1;
  return a < b ? -1 : a > b; /* the original order: pointers into the unsorted array */
}

jv_status jv_diags_sort(jv_diags *d)
{
  if (d->count < 2)
    return JV_OK;
  jv_diag **order = malloc(d->count * sizeof(*order));
  jv_diag *sorted = malloc(d->count * sizeof(*sorted));
  if (!order || !sorted) {
    free(order);
    free(sorted);
    return JV_EINTERNAL;
  }
  for (size_t i = 0; i < d->count; i++)
    order[i] = &d->items[i];
  qsort(order, d->count, sizeof(*order), cmp_place);
  for (size_t i = 0; i < d->count; i++)
    sorted[i] = *order[i];
  memcpy(d->items, sorted, d->count * sizeof(*sorted));
  free(sorted);
  free(order);
  return JV_OK;
}

void jv_diags_print_capped(const jv_diags *d, FILE *out, const char *kind, size_t max)
{
  for (size_t i = 0; i < d->count && i < max; i++) {
    char place[1100];
    jv_loc_format(&d->items[i].loc, place, sizeof(place));
    fprintf(out, "%s%s%s: %s\n", place, place[0] ? ": " : "", kind, d->items[i].msg);
  }
  if (d->count + d->dropped > max)
    fprintf(out, "and %zu more %ss\n", d->count + d->dropped - (d->count < max ? d->count : max),
            kind);
}

static jv_status set_from(const jv_diag *g, jv_error *err)
{
  return jv_error_set(err, JV_EDATA, g->loc.file[0] ? g->loc.file : NULL, g->loc.line,
                      g->loc.column, "%s", g->msg);
}

jv_status jv_diags_first_error(const jv_diags *d, jv_error *err)
{
  return set_from(&d->items[0], err);
}

jv_status jv_diags_first_since(const jv_diags *d, size_t from, jv_error *err)
{
  const jv_diag *first = &d->items[from];
  for (size_t i = from + 1; i < d->count; i++) {
    const jv_diag *o = &d->items[i];
    if (cmp_place(&o, &first) < 0)
      first = o;
  }
  return set_from(first, err);
}
