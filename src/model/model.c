/* model.c - school years and the dataset container. */
#include "model/model.h"

#include "model/correction.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void jv_schoolyear_format(jv_schoolyear y, char *buf, size_t size)
{
  snprintf(buf, size, "%d-%d", y.start, y.start + 1);
}

int jv_schoolyear_parse(const char *s, jv_schoolyear *out)
{
  int a, b;
  char sep, extra;
  if (sscanf(s, "%4d%c%4d%c", &a, &sep, &b, &extra) != 3)
    return -1;
  if ((sep != '-' && sep != '/') || b != a + 1 || a < 1900 || a > 2200)
    return -1;
  out->start = a;
  return 0;
}

void jv_dataset_init(jv_dataset *ds)
{
  memset(ds, 0, sizeof(*ds));
}

void jv_dataset_free(jv_dataset *ds)
{
  for (size_t i = 0; i < ds->n_munis; i++)
    free(ds->munis[i].name);
  free(ds->munis);
  free(ds->total.name);
  for (size_t i = 0; i < ds->n_files; i++)
    free(ds->files[i]);
  free(ds->files);
  free(ds->region_name);
  free(ds->region_code);
  if (ds->corrections) {
    jv_correction_set_free(ds->corrections);
    free(ds->corrections);
  }
  memset(ds, 0, sizeof(*ds));
}

jv_status jv_dataset_add(jv_dataset *ds, const char *code, const char *name, size_t *out_index)
{
  jv_municipality *m = realloc(ds->munis, (ds->n_munis + 1) * sizeof(*m));
  if (!m)
    return JV_EINTERNAL;
  ds->munis = m;
  jv_municipality *nm = &m[ds->n_munis];
  memset(nm, 0, sizeof(*nm));
  snprintf(nm->code, sizeof(nm->code), "%s", code);
  nm->name = strdup(name);
  if (!nm->name)
    return JV_EINTERNAL;
  if (out_index)
    *out_index = ds->n_munis;
  ds->n_munis++;
  return JV_OK;
}

long jv_dataset_find_code(const jv_dataset *ds, const char *code)
{
  for (size_t i = 0; i < ds->n_munis; i++)
    if (strcmp(ds->munis[i].code, code) == 0)
      return (long)i;
  return -1;
}

const char *jv_dataset_file(jv_dataset *ds, const char *name)
{
  for (size_t i = 0; i < ds->n_files; i++)
    if (strcmp(ds->files[i], name) == 0)
      return ds->files[i];
  char **nf = realloc(ds->files, (ds->n_files + 1) * sizeof(*nf));
  if (!nf)
    return NULL;
  ds->files = nf;
  nf[ds->n_files] = strdup(name);
  return nf[ds->n_files] ? nf[ds->n_files++] : NULL;
}

bool jv_cbs_code_valid(const char *s)
{
  if (strlen(s) != 6 || s[0] != 'G' || s[1] != 'M')
    return false;
  for (int i = 2; i < 6; i++)
    if (s[i] < '0' || s[i] > '9')
      return false;
  return true;
}
