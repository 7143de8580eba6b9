/* invoer_job.c - the region's municipalities into the fill-in workbook. */
#include "pipeline/invoer_job.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input/gemeenten.h"
#include "input/region_read.h"
#include "render/invoer_xlsx.h"

static int cmp_name(const void *a, const void *b)
{
  return strcasecmp(((const jv_invoer_muni *)a)->name, ((const jv_invoer_muni *)b)->name);
}

jv_status jv_job_invoer(const jv_env *env, const jv_invoer_opts *o, jv_error *err)
{
  jv_invoer in = {.regio = o->regio};
  if (!o->schooljaar || jv_schoolyear_parse(o->schooljaar, &in.year) != 0)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                        "--schooljaar '%s': expected a school year such as 2017-2018",
                        o->schooljaar ? o->schooljaar : "");
  in.indeling = in.year.start + 1;
  long long date = -1;
  jv_status st = jv_job_source_date(&date, err);
  if (st)
    return st;
  in.date = date;
  jv_gemeenten g = {0};
  st = jv_gemeenten_load(&g, env->gemeenten, in.indeling, err);
  if (st == JV_ENOINPUT)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                        "--schooljaar %s: the program has no municipality list for the "
                        "indeling %d",
                        o->schooljaar, in.indeling);
  if (st)
    return st;
  char path[PATH_MAX];
  snprintf(path, sizeof(path), "%s/assets/geo/regios.csv", env->home);
  jv_regions r = {0};
  st = jv_regions_read(&r, path, err);
  jv_invoer_muni *m = st ? NULL : calloc(r.n + 1, sizeof(*m));
  if (!st && !m)
    st = jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  size_t n = 0;
  for (size_t i = 0; !st && i < r.n; i++) {
    const jv_region_member *rm = &r.items[i];
    const jv_gemeente *gm = jv_gemeenten_find_code(&g, rm->code);
    if (strcasecmp(rm->regio, o->regio) == 0 && rm->indeling == in.indeling && gm)
      m[n++] = (jv_invoer_muni){gm->code, gm->name};
  }
  if (!st && n == 0)
    st = jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                      "no municipalities of '%s' in the indeling %d (assets/geo/regios.csv)",
                      o->regio, in.indeling);
  if (!st) {
    qsort(m, n, sizeof(*m), cmp_name);
    in.munis = m;
    in.n_munis = n;
    st = jv_invoer_xlsx_write(&in, o->output, err);
  }
  free(m);
  jv_regions_free(&r);
  jv_gemeenten_free(&g);
  return st;
}
