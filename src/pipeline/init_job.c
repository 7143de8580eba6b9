/* init_job.c - writing a project folder, never over an existing file. */
#include "pipeline/init_job.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "input/gemeenten.h"
#include "input/herindeling_read.h"
#include "input/region_read.h"
#include "render/atomic_file.h"
#include "util/strbuf.h"

#define MAX_MEMBERS 512
#define MAX_YEARS 64

typedef struct {
  char code[8];
  int year; /* indeling */
} member;

typedef struct {
  const jv_env *env;
  const jv_init_opts *o;
  jv_herindelingen changes;
  int years[MAX_YEARS]; /* indeling years with a municipality list */
  size_t n_years;
  member *known; /* the region's municipalities in some indeling years */
  size_t n_known;
  jv_error *err;
} init_ctx;

static jv_status oom(init_ctx *c)
{
  return jv_error_set(c->err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
}

static jv_status add_member(init_ctx *c, const char *code, int year)
{
  for (size_t i = 0; i < c->n_known; i++)
    if (c->known[i].year == year && strcmp(c->known[i].code, code) == 0)
      return JV_OK;
  member *n = realloc(c->known, (c->n_known + 1) * sizeof(*n));
  if (!n)
    return oom(c);
  c->known = n;
  snprintf(n[c->n_known].code, sizeof(n[0].code), "%s", code);
  n[c->n_known++].year = year;
  return JV_OK;
}

static int known_in(const init_ctx *c, const char *code, int year)
{
  for (size_t i = 0; i < c->n_known; i++)
    if (c->known[i].year == year && strcmp(c->known[i].code, code) == 0)
      return 1;
  return 0;
}

static int has_year(const init_ctx *c, int year)
{
  for (size_t i = 0; i < c->n_known; i++)
    if (c->known[i].year == year)
      return 1;
  return 0;
}

/* The region in indeling `to` from its members in `from`: every
 * municipality of `to` that holds one of them (forward), or every one of
 * `to` that is part of one of them (backward). */
static jv_status map_year(init_ctx *c, int from, int to)
{
  jv_gemeenten g;
  jv_status st = jv_gemeenten_load(&g, c->env->gemeenten, to, c->err);
  if (st)
    return st;
  size_t n0 = c->n_known;
  for (size_t i = 0; i < g.n && !st; i++) {
    int in = 0;
    if (from < to) {
      jv_herindeling_part *p;
      size_t np;
      if (jv_herindelingen_parts(&c->changes, g.items[i].code, g.items[i].name, from, to, &p,
                                 &np)) {
        st = oom(c);
        break;
      }
      for (size_t k = 0; k < np && !in; k++)
        in = known_in(c, p[k].code, from);
      free(p);
    } else {
      for (size_t m = 0; m < n0 && !in; m++) {
        if (c->known[m].year != from)
          continue;
        jv_herindeling_part *p;
        size_t np;
        if (jv_herindelingen_parts(&c->changes, c->known[m].code, "", to, from, &p, &np)) {
          st = oom(c);
          break;
        }
        for (size_t k = 0; k < np && !in; k++)
          in = strcmp(p[k].code, g.items[i].code) == 0;
        free(p);
      }
    }
    if (in && !st)
      st = add_member(c, g.items[i].code, to);
  }
  jv_gemeenten_free(&g);
  return st;
}

/* Fills every indeling year from the nearest known one (later years from
 * the latest earlier one, earlier years from the first later one). */
static jv_status fill_years(init_ctx *c)
{
  jv_status st = JV_OK;
  for (size_t i = 0; i < c->n_years && !st; i++) {
    int y = c->years[i], from = 0;
    if (has_year(c, y))
      continue;
    for (size_t k = 0; k < c->n_years; k++)
      if (c->years[k] < y && has_year(c, c->years[k]))
        from = c->years[k];
    for (size_t k = c->n_years; !from && k-- > 0;)
      if (c->years[k] > y && has_year(c, c->years[k]))
        from = c->years[k];
    if (from)
      st = map_year(c, from, y);
  }
  return st;
}

/* Reads the members from a regio,indeling,cbs_code,gemeente file. */
static jv_status members_from_file(init_ctx *c, const char *path, const char *regio, int *found)
{
  jv_regions r;
  jv_status st = jv_regions_read(&r, path, c->err);
  *found = 0;
  if (st == JV_ENOINPUT) {
    jv_error_clear(c->err);
    return JV_OK;
  }
  for (size_t i = 0; i < r.n && !st; i++)
    if (strcasecmp(r.items[i].regio, regio) == 0) {
      *found = 1;
      st = add_member(c, r.items[i].code, r.items[i].indeling);
    }
  jv_regions_free(&r);
  return st;
}

static jv_status members_from_option(init_ctx *c, const jv_gemeenten *g, int year)
{
  const char *p = c->o->gemeenten;
  while (*p) {
    char code[16];
    size_t len = strcspn(p, ", ");
    snprintf(code, sizeof(code), "%.*s", (int)(len < 15 ? len : 15), p);
    p += len;
    p += strspn(p, ", ");
    if (!code[0])
      continue;
    if (!jv_gemeenten_find_code(g, code)) {
      char hint[800];
      jv_gemeenten_code_hint(g, code, hint, sizeof(hint));
      return jv_error_set(c->err, JV_EDATA, NULL, 0, 0,
                          "--gemeenten: %s is not a municipality in the CBS indeling %d%s", code,
                          year, hint);
    }
    jv_status st = add_member(c, code, year);
    if (st)
      return st;
  }
  return JV_OK;
}

/* Writes text to path unless it exists; says which on o->report. */
static jv_status put_file(init_ctx *c, const char *path, const char *text)
{
  struct stat sb;
  if (stat(path, &sb) == 0) {
    if (c->o->report)
      fprintf(c->o->report, "bestaat al, ongewijzigd: %s\n", path);
    return JV_OK;
  }
  jv_atomic_file af;
  jv_status st = jv_atomic_open(&af, path, c->err);
  if (st)
    return st;
  if (fputs(text, af.fp) == EOF) {
    jv_atomic_abort(&af);
    return jv_error_set(c->err, JV_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
  }
  st = jv_atomic_commit(&af, c->err);
  if (!st && c->o->report)
    fprintf(c->o->report, "geschreven: %s\n", path);
  return st;
}

static jv_status make_dir(init_ctx *c, const char *path)
{
  if (mkdir(path, 0777) == 0 || errno == EEXIST)
    return JV_OK;
  return jv_error_set(c->err, JV_ECANTCREAT, path, 0, 0, "cannot create the folder: %s",
                      strerror(errno));
}

/* A CSV field, quoted when it holds a separator or a quote. */
static void csv_field(jv_strbuf *b, const char *s)
{
  if (!strpbrk(s, ",;\"\n")) {
    jv_strbuf_addf(b, "%s", s);
    return;
  }
  jv_strbuf_addf(b, "\"");
  for (; *s; s++)
    if (*s == '"')
      jv_strbuf_addf(b, "\"\"");
    else
      jv_strbuf_addf(b, "%c", *s);
  jv_strbuf_addf(b, "\"");
}

/* The whole of a small file, or NULL. */
static char *slurp(const char *path)
{
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  jv_strbuf b = {0};
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
    jv_strbuf_addf(&b, "%.*s", (int)n, buf);
  fclose(f);
  char *s = jv_strbuf_detach(&b);
  return s ? s : strdup("");
}

static int cmp_name(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The non-hidden entries of dir, sorted; *n of them. */
static char **list_dir(const char *dir, size_t *n)
{
  *n = 0;
  DIR *d = opendir(dir);
  if (!d)
    return NULL;
  char **v = NULL;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.')
      continue;
    char **nv = realloc(v, (*n + 1) * sizeof(*nv));
    if (!nv || !(nv[*n] = strdup(e->d_name))) {
      v = nv ? nv : v;
      break;
    }
    v = nv;
    (*n)++;
  }
  closedir(d);
  if (v)
    qsort(v, *n, sizeof(*v), cmp_name);
  return v;
}

static void free_list(char **v, size_t n)
{
  for (size_t i = 0; i < n; i++)
    free(v[i]);
  free(v);
}

/* Copies the bundled template folder; the copy's front matter names the
 * project's region. */
static jv_status copy_tree(init_ctx *c, const char *from, const char *to)
{
  jv_status st = make_dir(c, to);
  size_t n;
  char **names = list_dir(from, &n);
  for (size_t i = 0; i < n && !st; i++) {
    char src[PATH_MAX], dst[PATH_MAX];
    snprintf(src, sizeof(src), "%s/%s", from, names[i]);
    snprintf(dst, sizeof(dst), "%s/%s", to, names[i]);
    struct stat sb;
    if (stat(src, &sb) != 0)
      continue;
    if (S_ISDIR(sb.st_mode)) {
      st = copy_tree(c, src, dst);
      continue;
    }
    char *text = slurp(src);
    if (!text) {
      st = oom(c);
      break;
    }
    char *line = strstr(text, "\nregio: ");
    if (line) { /* "regio: Zuid-Holland Zuid" -> the project's region */
      char *end = strchr(line + 1, '\n');
      jv_strbuf b = {0};
      jv_strbuf_addf(&b, "%.*s\nregio: %s%s", (int)(line - text), text, c->o->regio,
                     end ? end : "\n");
      free(text);
      text = jv_strbuf_detach(&b);
    }
    st = text ? put_file(c, dst, text) : oom(c);
    free(text);
  }
  free_list(names, n);
  return st;
}

/* regio,indeling,cbs_code,gemeente for every indeling year known. */
static jv_status write_members(init_ctx *c, const char *path)
{
  jv_strbuf b = {0};
  jv_strbuf_addf(&b, "regio,indeling,cbs_code,gemeente\n");
  jv_status st = JV_OK;
  for (size_t y = 0; y < c->n_years && !st; y++) {
    if (!has_year(c, c->years[y]))
      continue;
    jv_gemeenten g;
    if ((st = jv_gemeenten_load(&g, c->env->gemeenten, c->years[y], c->err)))
      break;
    for (size_t i = 0; i < g.n; i++)
      if (known_in(c, g.items[i].code, c->years[y])) {
        csv_field(&b, c->o->regio);
        jv_strbuf_addf(&b, ",%d,%s,", c->years[y], g.items[i].code);
        csv_field(&b, g.items[i].name);
        jv_strbuf_addf(&b, "\n");
      }
    jv_gemeenten_free(&g);
  }
  char *text = jv_strbuf_detach(&b);
  if (!st)
    st = text ? put_file(c, path, text) : oom(c);
  free(text);
  return st;
}

/* One data file per file of the bundled data, with its header, a row per
 * municipality and empty count cells. */
static jv_status write_data_files(init_ctx *c, const jv_gemeenten *g, const char *ydir, int year)
{
  size_t n;
  char **names = list_dir(c->env->default_data, &n);
  jv_status st = JV_OK;
  for (size_t i = 0; i < n && !st; i++) {
    size_t len = strlen(names[i]);
    if (len < 5 || strcmp(names[i] + len - 4, ".csv") || !strcmp(names[i], "regio.csv"))
      continue;
    char path[PATH_MAX];
    snprintf(path, sizeof(path), "%s/%s", c->env->default_data, names[i]);
    char *text = slurp(path);
    if (!text) {
      st = oom(c);
      break;
    }
    size_t hl = strcspn(text, "\r\n");
    size_t cols = 1;
    for (size_t k = 0; k < hl; k++)
      cols += text[k] == ',';
    jv_strbuf b = {0};
    jv_strbuf_addf(&b, "%.*s\n", (int)hl, text);
    for (size_t m = 0; m < g->n; m++) {
      if (!known_in(c, g->items[m].code, year))
        continue;
      jv_strbuf_addf(&b, "%s,", g->items[m].code);
      csv_field(&b, g->items[m].name);
      for (size_t k = 2; k < cols; k++)
        jv_strbuf_addf(&b, ",");
      jv_strbuf_addf(&b, "\n");
    }
    free(text);
    text = jv_strbuf_detach(&b);
    snprintf(path, sizeof(path), "%s/%s", ydir, names[i]);
    st = text ? put_file(c, path, text) : oom(c);
    free(text);
  }
  free_list(names, n);
  return st;
}

static const char LEESMIJ[] =
    "# Project %s\n\n"
    "Deze map is een project van `jaarverslag`: alles wat uw bureau zelf beheert.\n\n"
    "- `project.csv`: de regio, een korte regiocode, de naam van de organisatie (in de\n"
    "  teksten als `{organisatie}`), een logo (PNG-bestand, pad vanaf deze map) en de kleur.\n"
    "- `gemeenten.csv`: de gemeenten van de regio per gemeentelijke indeling.\n"
    "- `sjabloon/`: het sjabloon van het verslag en zijn delen; pas de teksten hier aan.\n"
    "- `JJJJ-JJJJ/`: per schooljaar de cijfers. Vul in elk bestand de lege cellen in met\n"
    "  aantallen, of met `n.b.`, `nvt` of `non-respons`; een lege cel is een fout.\n\n"
    "Controleren en maken:\n\n"
    "    jaarverslag check --data %s/%s\n"
    "    jaarverslag report --data %s/%s\n\n"
    "Een nieuw schooljaar: `jaarverslag init %s --regio \"%s\" --schooljaar JJJJ-JJJJ`;\n"
    "bestaande bestanden blijven ongewijzigd. Het verslag vergelijkt elk jaar met het\n"
    "vorige jaar in deze map, omgerekend naar de gemeentelijke indeling van het jaar zelf.\n";

static jv_status jv_init_write(init_ctx *c, const jv_gemeenten *g, jv_schoolyear sy, int year)
{
  const jv_init_opts *o = c->o;
  char path[PATH_MAX], ys[16];
  jv_schoolyear_format(sy, ys, sizeof(ys));
  jv_status st = make_dir(c, o->dir);
  jv_strbuf b = {0};
  char *text = NULL;
  if (!st) {
    jv_strbuf_addf(&b, "veld,waarde\nregio,");
    csv_field(&b, o->regio);
    jv_strbuf_addf(&b, "\nregiocode,\norganisatie,");
    csv_field(&b, o->organisatie ? o->organisatie : "LVS");
    jv_strbuf_addf(&b, "\nlogo,\nkleur,#0B5F73\n");
    text = jv_strbuf_detach(&b);
    snprintf(path, sizeof(path), "%s/project.csv", o->dir);
    st = text ? put_file(c, path, text) : oom(c);
    free(text);
  }
  if (!st) {
    snprintf(path, sizeof(path), "%s/gemeenten.csv", o->dir);
    st = write_members(c, path);
  }
  if (!st) {
    char from[PATH_MAX];
    snprintf(from, sizeof(from), "%s/templates/zuid-holland-zuid", c->env->home);
    snprintf(path, sizeof(path), "%s/sjabloon", o->dir);
    st = copy_tree(c, from, path);
  }
  char ydir[PATH_MAX];
  snprintf(ydir, sizeof(ydir), "%s/%s", o->dir, ys);
  if (!st)
    st = make_dir(c, ydir);
  if (!st) {
    jv_strbuf r = {0};
    jv_strbuf_addf(&r, "veld,waarde\nregio,");
    csv_field(&r, o->regio);
    jv_strbuf_addf(&r, "\nschooljaar,%s\nindeling,%d\n", ys, year);
    text = jv_strbuf_detach(&r);
    snprintf(path, sizeof(path), "%s/regio.csv", ydir);
    st = text ? put_file(c, path, text) : oom(c);
    free(text);
  }
  if (!st)
    st = write_data_files(c, g, ydir, year);
  if (!st) {
    jv_strbuf l = {0};
    jv_strbuf_addf(&l, LEESMIJ, o->regio, o->dir, ys, o->dir, ys, o->dir, o->regio);
    text = jv_strbuf_detach(&l);
    snprintf(path, sizeof(path), "%s/LEESMIJ.md", o->dir);
    st = text ? put_file(c, path, text) : oom(c);
    free(text);
  }
  if (!st && o->report) {
    size_t n = 0;
    for (size_t i = 0; i < g->n; i++)
      n += (size_t)known_in(c, g->items[i].code, year);
    fprintf(o->report, "%s, schooljaar %s (gemeentelijke indeling %d): %zu gemeenten\n", o->regio,
            ys, year, n);
    for (size_t i = 0; i < g->n; i++)
      if (known_in(c, g->items[i].code, year))
        fprintf(o->report, "  %s %s\n", g->items[i].code, g->items[i].name);
  }
  return st;
}

jv_status jv_job_init(const jv_env *env, const jv_init_opts *o, jv_error *err)
{
  jv_schoolyear sy;
  if (!o->schooljaar || jv_schoolyear_parse(o->schooljaar, &sy) != 0)
    return jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                        "--schooljaar '%s': expected a school year such as 2019-2020",
                        o->schooljaar ? o->schooljaar : "");
  init_ctx c = {.env = env, .o = o, .err = err};
  jv_herindelingen_init(&c.changes);
  int indeling = sy.start + 1;
  c.n_years = jv_gemeenten_years(env->gemeenten, c.years, MAX_YEARS);
  char path[PATH_MAX];
  snprintf(path, sizeof(path), "%s/herindelingen.csv", env->gemeenten);
  jv_gemeenten g = {0};
  jv_status st = jv_herindelingen_read(&c.changes, path, err);
  if (!st)
    st = jv_gemeenten_load(&g, env->gemeenten, indeling, err);
  if (st == JV_ENOINPUT)
    st = jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                      "--schooljaar %s: the program has no municipality list for the indeling %d",
                      o->schooljaar, indeling);
  int found = 0;
  if (!st && o->gemeenten) {
    st = members_from_option(&c, &g, indeling);
    found = 1;
  }
  if (!st && !found) {
    snprintf(path, sizeof(path), "%s/gemeenten.csv", o->dir);
    st = members_from_file(&c, path, o->regio, &found);
  }
  if (!st && !found) {
    snprintf(path, sizeof(path), "%s/assets/geo/regios.csv", env->home);
    st = members_from_file(&c, path, o->regio, &found);
    if (!st && !found)
      st = jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                        "region '%s' is not known to the program (assets/geo/regios.csv): "
                        "give its municipalities with --gemeenten GM0482,GM0505,...",
                        o->regio);
  }
  if (!st)
    st = fill_years(&c);
  if (!st && !has_year(&c, indeling))
    st = jv_error_set(err, JV_EUSAGE, NULL, 0, 0,
                      "no municipalities of '%s' in the indeling %d: give them with --gemeenten",
                      o->regio, indeling);
  if (!st)
    st = jv_init_write(&c, &g, sy, indeling);
  jv_gemeenten_free(&g);
  jv_herindelingen_free(&c.changes);
  free(c.known);
  return st;
}
