/* geo_read.c - loading boundary files and picking the boundary year. */
#include "input/geo_read.h"

#include <dirent.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/geo_parse.h"
#include "input/paths.h"

jv_status jv_geo_read_buffer(jv_geo *out, const char *buf, size_t len, const char *name,
                             jv_diags *warn, jv_error *err)
{
  json_error_t jerr;
  /* duplicate keys would make "which properties?" ambiguous */
  json_t *root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &jerr);
  if (!root)
    return jv_error_set(err, JV_EDATA, name, jerr.line, jerr.column, "invalid JSON: %s", jerr.text);
  jv_geo_ctx c = {name, warn, err};
  jv_status st;
  const char *type = json_string_value(json_object_get(root, "type"));
  if (!json_is_object(root) || !type) {
    st = jv_error_set(err, JV_EDATA, name, 0, 0, "not TopoJSON or GeoJSON: no top-level \"type\"");
  } else if (strcmp(type, "Topology") == 0) {
    st = jv_geo__from_topojson(out, root, &c);
  } else if (strcmp(type, "FeatureCollection") == 0 || strcmp(type, "Feature") == 0) {
    st = jv_geo__from_geojson(out, root, &c);
  } else {
    st = jv_error_set(err, JV_EDATA, name, 0, 0,
                      "top-level type \"%s\": expected Topology (TopoJSON) or "
                      "FeatureCollection (GeoJSON)",
                      type);
  }
  json_decref(root);
  if (st == JV_OK && out->n_shapes == 0)
    st = jv_error_set(err, JV_EDATA, name, 0, 0, "no Polygon or MultiPolygon shapes");
  if (st != JV_OK) {
    jv_geo_free(out);
    return st;
  }
  snprintf(out->source, sizeof(out->source), "%s", name);
  jv_geo_update_bboxes(out);
  return JV_OK;
}

jv_status jv_geo_read_file(jv_geo *out, const char *path, jv_diags *warn, jv_error *err)
{
  FILE *fp = fopen(path, "rb");
  if (!fp)
    return jv_error_set(err, JV_ENOINPUT, path, 0, 0, "cannot open boundary file");
  char *buf = NULL;
  size_t len = 0, cap = 0;
  for (;;) {
    if (len == cap) {
      cap = cap ? cap * 2 : 1 << 16;
      char *nb = realloc(buf, cap);
      if (!nb) {
        free(buf);
        fclose(fp);
        return jv_error_set(err, JV_EINTERNAL, path, 0, 0, "out of memory");
      }
      buf = nb;
    }
    size_t got = fread(buf + len, 1, cap - len, fp);
    len += got;
    if (got == 0)
      break;
  }
  int bad = ferror(fp);
  fclose(fp);
  if (bad) {
    free(buf);
    return jv_error_set(err, JV_EIO, path, 0, 0, "read error");
  }
  jv_status st = jv_geo_read_buffer(out, buf, len, path, warn, err);
  free(buf);
  return st;
}

static int cmp_int(const void *a, const void *b)
{
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

jv_status jv_geo_bundled_years(int *years, size_t max, size_t *n, jv_error *err)
{
  char home[PATH_MAX], dir[PATH_MAX];
  *n = 0;
  jv_status st = jv_paths_home(home, sizeof(home), err);
  if (st == JV_OK)
    st = jv_paths_join(dir, sizeof(dir), home, "assets/geo", err);
  if (st != JV_OK)
    return st;
  DIR *d = opendir(dir);
  if (!d)
    return jv_error_set(err, JV_ENOINPUT, dir, 0, 0, "cannot open the bundled boundaries");
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    int y;
    char tail[16];
    /* exactly gemeente_YYYY.topojson */
    if (sscanf(e->d_name, "gemeente_%4d.%15s", &y, tail) == 2 && strcmp(tail, "topojson") == 0 &&
        strlen(e->d_name) == strlen("gemeente_0000.topojson") && *n < max)
      years[(*n)++] = y;
  }
  closedir(d);
  qsort(years, *n, sizeof(*years), cmp_int);
  return JV_OK;
}

int jv_geo_pick_year(jv_schoolyear sy, const int *years, size_t n)
{
  int end = sy.start + 1, best = -1;
  for (size_t i = 0; i < n; i++)
    if (years[i] <= end && years[i] > best)
      best = years[i];
  return best;
}

jv_status jv_geo_read_bundled(jv_geo *out, int year, jv_diags *warn, jv_error *err)
{
  char home[PATH_MAX], rel[64], path[PATH_MAX];
  jv_status st = jv_paths_home(home, sizeof(home), err);
  if (st != JV_OK)
    return st;
  snprintf(rel, sizeof(rel), "assets/geo/gemeente_%d.topojson", year);
  st = jv_paths_join(path, sizeof(path), home, rel, err);
  if (st != JV_OK)
    return st;
  st = jv_geo_read_file(out, path, warn, err);
  if (st == JV_ENOINPUT)
    jv_error_set(err, JV_ENOINPUT, path, 0, 0,
                 "no bundled boundaries for %d (see assets/geo/README.md; use --geometry)", year);
  if (st == JV_OK && out->year == 0)
    out->year = year;
  return st;
}
