/* geo_read.c - loading boundary files and picking the boundary year. */
#include "input/geo_read.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input/geo_parse.h"
#include "input/paths.h"

/* The document without the arcs jv_geo__parse_arcs could read (they
 * become []), parsed by jansson; NULL (q emptied) when the fast path does
 * not apply or the rest does not parse, so errors name their own place. */
static json_t *load_without_arcs(const char *buf, size_t len, jv_geo_qarcs *q)
{
  size_t vs, ve;
  if (jv_geo__find_arcs(buf, len, &vs, &ve) != 1 || jv_geo__parse_arcs(buf + vs, ve - vs, q) != 0)
    return NULL;
  char *rest = malloc(len - (ve - vs) + 2);
  json_t *root = NULL;
  if (rest) {
    memcpy(rest, buf, vs);
    memcpy(rest + vs, "[]", 2);
    memcpy(rest + vs + 2, buf + ve, len - ve);
    json_error_t jerr;
    root = json_loadb(rest, len - (ve - vs) + 2, JSON_REJECT_DUPLICATES, &jerr);
    free(rest);
  }
  if (!root)
    jv_geo__qarcs_free(q);
  return root;
}

jv_status jv_geo_read_buffer(jv_geo *out, const char *buf, size_t len, const char *name,
                             jv_diags *warn, jv_error *err)
{
  json_error_t jerr;
  jv_geo_qarcs q;
  /* duplicate keys would make "which properties?" ambiguous */
  json_t *root = load_without_arcs(buf, len, &q);
  int fast = root != NULL;
  if (!root)
    root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &jerr);
  if (!root)
    return jv_error_set(err, JV_EDATA, name, jerr.line, jerr.column, "invalid JSON: %s", jerr.text);
  jv_geo_ctx c = {name, warn, err, jv_geo__point_cap(len), len, fast ? &q : NULL};
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
  if (fast)
    jv_geo__qarcs_free(&q);
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
  /* O_NONBLOCK: a FIFO must not block the open; it is refused below */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    return jv_error_set(err, JV_ENOINPUT, path, 0, 0, "cannot open boundary file: %s",
                        strerror(errno));
  struct stat sb;
  if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
    close(fd);
    return jv_error_set(err, JV_ENOINPUT, path, 0, 0,
                        "not a regular file (a directory, FIFO or device); give a TopoJSON or "
                        "GeoJSON file");
  }
  if ((unsigned long long)sb.st_size > JV_GEO_MAX_BYTES) {
    close(fd);
    return jv_error_set(err, JV_EDATA, path, 0, 0,
                        "%lld bytes; a boundary file may have at most %u bytes (%u MB)",
                        (long long)sb.st_size, JV_GEO_MAX_BYTES, JV_GEO_MAX_BYTES >> 20);
  }
  size_t want = (size_t)sb.st_size, len = 0;
  char *buf = malloc(want ? want : 1);
  if (!buf) {
    close(fd);
    return jv_error_set(err, JV_EINTERNAL, path, 0, 0, "out of memory");
  }
  while (len < want) {
    ssize_t got = read(fd, buf + len, want - len);
    if (got < 0 && errno == EINTR)
      continue;
    if (got < 0) {
      int saved = errno;
      free(buf);
      close(fd);
      return jv_error_set(err, JV_EIO, path, 0, 0, "read error: %s", strerror(saved));
    }
    if (got == 0)
      break; /* shrank while reading: parse what is there */
    len += (size_t)got;
  }
  close(fd);
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
