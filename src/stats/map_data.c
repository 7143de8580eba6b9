/* map_data.c - rates and legend classes per shape. */
#include "stats/map_data.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

jv_status jv_map_data_build(jv_map_data *out, const jv_geo *geo, const jv_dataset *ds,
                            const jv_match *m, jv_indicator ind, jv_indicator base,
                            const jv_buckets *b, const bool *focus, jv_diags *warn, jv_error *err)
{
  memset(out, 0, sizeof(*out));
  out->items = calloc(geo->n_shapes + 1, sizeof(*out->items));
  if (!out->items)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  out->n = geo->n_shapes;
  out->ind = ind;
  out->base = base;
  out->buckets = *b;
  int nodata = jv_buckets_nodata_class(b);
  for (size_t s = 0; s < geo->n_shapes; s++) {
    jv_map_item *it = &out->items[s];
    it->focus = focus ? focus[s] : true;
    it->row = s < m->n_shapes ? m->row_of_shape[s] : -1;
    it->cls = nodata;
    it->rate.kind = JV_VAL_MISSING;
    it->lo = it->hi = NAN;
    if (it->row >= 0) {
      const jv_municipality *mu = &ds->munis[it->row];
      it->count = mu->values[ind];
      jv_rate_per_1000(mu->values[ind], mu->values[base], &it->rate);
      it->cls = jv_buckets_classify(b, &it->rate);
    } else if (it->focus && warn) {
      jv_diags_add(warn, geo->source, 0, 0,
                   "%s %s: in the region but not in the data; drawn as "
                   "geen gegevens",
                   geo->shapes[s].code, geo->shapes[s].name);
    }
    if (it->focus) {
      out->class_count[it->cls]++;
      out->n_focus++;
    }
  }
  return JV_OK;
}

void jv_map_data_flag(jv_map_data *d, const jv_small_numbers *o)
{
  jv_small_numbers def;
  jv_small_numbers_default(&def);
  d->small = o ? *o : def;
  d->n_uncertain = 0;
  for (size_t s = 0; s < d->n; s++) {
    jv_map_item *it = &d->items[s];
    it->uncertain = false;
    it->lo = it->hi = NAN;
    if (it->rate.kind != JV_VAL_COUNT || it->rate.base <= 0)
      continue;
    it->uncertain = jv_small_numbers_flag(&d->small, &d->buckets, it->rate.count, it->rate.base,
                                          &it->lo, &it->hi);
    if (it->uncertain && it->focus)
      d->n_uncertain++;
  }
}

void jv_map_data_free(jv_map_data *d)
{
  free(d->items);
  memset(d, 0, sizeof(*d));
}

typedef struct {
  char key[128];
  const char *code;
  size_t shape;
} order_item;

static int cmp_order(const void *a, const void *b)
{
  const order_item *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  return c ? c : strcmp(x->code, y->code);
}

jv_status jv_map_data_order(const jv_map_data *d, const jv_geo *geo, size_t **out, jv_error *err)
{
  order_item *tmp = malloc((d->n_focus + 1) * sizeof(*tmp));
  *out = malloc((d->n_focus + 1) * sizeof(**out));
  if (!tmp || !*out) {
    free(tmp);
    free(*out);
    *out = NULL;
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  size_t k = 0;
  for (size_t s = 0; s < d->n && k < d->n_focus; s++) {
    if (!d->items[s].focus)
      continue;
    /* the comparison key: "'s-Gravenhage" sorts as "Den Haag", as readers look it up */
    jv_match_name_key(geo->shapes[s].name, tmp[k].key, sizeof(tmp[k].key));
    tmp[k].code = geo->shapes[s].code;
    tmp[k].shape = s;
    k++;
  }
  qsort(tmp, k, sizeof(*tmp), cmp_order);
  for (size_t i = 0; i < k; i++)
    (*out)[i] = tmp[i].shape;
  free(tmp);
  return JV_OK;
}
