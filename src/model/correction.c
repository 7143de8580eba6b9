/* correction.c - dates, correction sets and applying them to a dataset. */
#include "model/correction.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/diag.h"
#include "util/grow.h"

static int days_in_month(int y, int m)
{
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : days[m - 1];
}

int jv_date_parse(const char *s, jv_date *out)
{
  /* exactly YYYY-MM-DD: a spreadsheet's 1-10-2018 or 2018-1-1 is refused
   * rather than guessed, since day and month are easily swapped */
  static const char shape[] = "dddd-dd-dd";
  if (strlen(s) != sizeof(shape) - 1)
    return -1;
  for (size_t i = 0; shape[i]; i++) {
    if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != '-')
      return -1;
  }
  int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
    return -1;
  out->year = y;
  out->month = m;
  out->day = d;
  return 0;
}

void jv_date_format(jv_date d, char *buf, size_t size)
{
  snprintf(buf, size, "%d-%d-%d", d.day, d.month, d.year);
}

int jv_date_cmp(jv_date a, jv_date b)
{
  if (a.year != b.year)
    return a.year < b.year ? -1 : 1;
  if (a.month != b.month)
    return a.month < b.month ? -1 : 1;
  if (a.day != b.day)
    return a.day < b.day ? -1 : 1;
  return 0;
}

void jv_correction_set_init(jv_correction_set *s)
{
  memset(s, 0, sizeof(*s));
}

void jv_correction_set_free(jv_correction_set *s)
{
  for (size_t i = 0; i < s->n; i++)
    free(s->items[i].reason);
  free(s->items);
  memset(s, 0, sizeof(*s));
}

jv_status jv_correction_set_add(jv_correction_set *s, const jv_correction *c)
{
  if (jv_grow((void **)&s->items, &s->cap, s->n + 1, sizeof(*s->items), 8) != 0)
    return JV_EINTERNAL;
  jv_correction *dst = &s->items[s->n];
  *dst = *c;
  dst->reason = strdup(c->reason ? c->reason : "");
  if (!dst->reason)
    return JV_EINTERNAL;
  s->n++;
  return JV_OK;
}

static int cmp_correction(const void *pa, const void *pb)
{
  const jv_correction *a = pa, *b = pb;
  int c = jv_date_cmp(a->date, b->date);
  if (c)
    return c;
  c = strcmp(a->where.file, b->where.file);
  if (c)
    return c;
  if (a->where.line != b->where.line)
    return a->where.line < b->where.line ? -1 : 1;
  return (a->where.column > b->where.column) - (a->where.column < b->where.column);
}

static int same_value(jv_value a, jv_value b)
{
  return a.kind == b.kind && (a.kind != JV_VAL_COUNT || a.count == b.count);
}

/* Two corrections of one figure on one day cannot be ordered: refuse. */
static jv_status check_conflict(const jv_correction_set *s, size_t i, jv_error *err)
{
  const jv_correction *c = &s->items[i];
  for (size_t j = 0; j < i; j++) {
    const jv_correction *o = &s->items[j];
    if (o->ind != c->ind || strcmp(o->code, c->code) != 0 || jv_date_cmp(o->date, c->date) ||
        same_value(o->value, c->value))
      continue;
    char day[16];
    jv_date_format(c->date, day, sizeof(day));
    return jv_error_set(err, JV_EDATA, c->where.file, c->where.line, c->where.column,
                        "%s %s is corrected twice on %s with different values (also at "
                        "%s:%d:%d): give one value per date, or a later date for the newer one",
                        c->code, jv_indicator_name(c->ind), day, o->where.file, o->where.line,
                        o->where.column);
  }
  return JV_OK;
}

/* The data's own total row only cross-checks: keep it in step. */
static void adjust_total(jv_dataset *ds, jv_indicator ind, jv_value old, jv_value now)
{
  jv_value *t = &ds->total.values[ind];
  if (!ds->has_total || !jv_value_is_count(*t) || !jv_value_is_count(old) ||
      !jv_value_is_count(now))
    return;
  t->count += now.count - old.count;
}

/* Records a correction's error: in errs when given (the others are still
 * applied), else in err (and the run stops). */
static jv_status refuse(jv_diags *errs, jv_error *err, const jv_error *e)
{
  if (!errs) {
    *err = *e;
    return JV_EDATA;
  }
  if (jv_diags_take(errs, JV_EDATA, e) != JV_OK)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  return JV_OK;
}

jv_status jv_correction_apply(jv_dataset *ds, jv_correction_set *s, jv_diags *errs, jv_error *err)
{
  if (s->n > 1)
    qsort(s->items, s->n, sizeof(*s->items), cmp_correction);
  bool *keep = calloc(s->n + 1, sizeof(*keep));
  if (!keep)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  jv_status st = JV_OK;
  jv_error first; /* the first refused (status JV_EDATA once there is one) */
  jv_error_clear(&first);
  for (size_t i = 0; i < s->n && st == JV_OK; i++) {
    jv_correction *c = &s->items[i];
    long idx = jv_dataset_find_code(ds, c->code);
    jv_error e;
    jv_error_clear(&e);
    if (idx < 0)
      jv_error_set(&e, JV_EDATA, c->where.file, c->where.line, c->where.column,
                   "%s is not in the data of %s: a correction can only change a municipality "
                   "the data files list",
                   c->code, ds->region_name ? ds->region_name : "this region");
    else if (!ds->has_indicator[c->ind])
      jv_error_set(&e, JV_EDATA, c->where.file, c->where.line, c->where.column,
                   "the data has no column %s to correct: add it to a data file, or leave this "
                   "cell empty",
                   jv_indicator_name(c->ind));
    else
      check_conflict(s, i, &e);
    if (e.status == JV_EDATA) {
      if (first.status != JV_EDATA)
        first = e;
      st = refuse(errs, err, &e);
      continue; /* the loop ends here unless errs took it */
    }
    jv_municipality *m = &ds->munis[idx];
    c->old_value = m->values[c->ind];
    if (same_value(c->old_value, c->value))
      continue; /* already so: applying it again changes nothing */
    adjust_total(ds, c->ind, c->old_value, c->value);
    m->values[c->ind] = c->value;
    m->where[c->ind] =
        (jv_srcpos){jv_dataset_file(ds, c->where.file), c->where.line, c->where.column};
    keep[i] = true;
  }
  if (st == JV_OK && first.status == JV_EDATA) {
    *err = first;
    st = JV_EDATA;
  }
  if (st == JV_OK) {
    size_t o = 0;
    for (size_t i = 0; i < s->n; i++) {
      if (keep[i])
        s->items[o++] = s->items[i];
      else
        free(s->items[i].reason);
    }
    s->n = o;
  }
  free(keep);
  return st;
}
