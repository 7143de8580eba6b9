/* invoer_job.c - the region's municipalities into the fill-in workbook. */
#include "pipeline/invoer_job.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline/region_members.h"
#include "render/invoer_xlsx.h"

jv_status jv_invoer_write_members(const jv_region_members *rm, const char *regio,
                                  jv_schoolyear year, const char *path, jv_error *err)
{
  jv_invoer in = {.regio = regio, .year = year, .indeling = year.start + 1};
  long long date = -1;
  jv_status st = jv_job_source_date(&date, err);
  if (st)
    return st;
  in.date = date;
  const jv_gemeente **sorted;
  size_t n;
  st = jv_region_members_sorted(rm, &sorted, &n, err);
  jv_invoer_muni *m = st ? NULL : calloc(n + 1, sizeof(*m));
  if (!st && !m)
    st = jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  for (size_t i = 0; !st && i < n; i++)
    m[i] = (jv_invoer_muni){sorted[i]->code, sorted[i]->name};
  free(sorted);
  if (st)
    return st;
  in.munis = m;
  in.n_munis = n;
  st = jv_invoer_xlsx_write(&in, path, err);
  free(m);
  return st;
}

jv_status jv_job_invoer(const jv_env *env, const jv_invoer_opts *o, jv_error *err)
{
  jv_schoolyear year;
  if (!o->schooljaar || jv_schoolyear_parse(o->schooljaar, &year) != 0)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                        "--schooljaar '%s': expected a school year such as 2017-2018",
                        o->schooljaar ? o->schooljaar : "");
  char what[64];
  snprintf(what, sizeof(what), "--schooljaar %s", o->schooljaar);
  jv_region_members rm;
  jv_status st =
      jv_region_members_resolve(&rm, env, o->regio, o->gemeenten, NULL, year.start + 1, what, err);
  if (st)
    return st;
  st = jv_invoer_write_members(&rm, o->regio, year, o->output, err);
  jv_region_members_free(&rm);
  return st;
}
