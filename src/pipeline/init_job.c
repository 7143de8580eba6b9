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
#include "pipeline/invoer_job.h"
#include "pipeline/region_members.h"
#include "render/atomic_file.h"
#include "util/strbuf.h"

typedef struct {
  const jv_env *env;
  const jv_init_opts *o;
  const jv_region_members *members;
  jv_error *err;
} init_ctx;

static jv_status oom(init_ctx *c)
{
  return jv_error_set(c->err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
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
  const jv_region_members *m = c->members;
  for (size_t y = 0; y < m->n_years && !st; y++) {
    if (!jv_region_members_has_year(m, m->years[y]))
      continue;
    jv_gemeenten g;
    if ((st = jv_gemeenten_load(&g, c->env->gemeenten, m->years[y], c->err)))
      break;
    for (size_t i = 0; i < g.n; i++)
      if (jv_region_members_has(m, g.items[i].code, m->years[y])) {
        csv_field(&b, c->o->regio);
        jv_strbuf_addf(&b, ",%d,%s,", m->years[y], g.items[i].code);
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
static jv_status write_data_files(init_ctx *c, const jv_gemeente *const *g, size_t n_g,
                                  const char *ydir)
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
    for (size_t m = 0; m < n_g; m++) {
      jv_strbuf_addf(&b, "%s,", g[m]->code);
      csv_field(&b, g[m]->name);
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

/* Whether dir holds a file ending in suffix (".csv", ".xlsx"); Excel's
 * lock files (~$...) do not count. */
static int holds(const char *dir, const char *suffix)
{
  size_t n, sl = strlen(suffix);
  char **names = list_dir(dir, &n);
  int found = 0;
  for (size_t i = 0; i < n && !found; i++) {
    size_t len = strlen(names[i]);
    found =
        len > sl && strcasecmp(names[i] + len - sl, suffix) == 0 && strncmp(names[i], "~$", 2) != 0;
  }
  free_list(names, n);
  return found;
}

/* The year's figures as one workbook, unless the folder holds figures
 * already (a workbook, or CSV files): then nothing is written. */
static jv_status write_workbook(init_ctx *c, jv_schoolyear sy, const char *ydir)
{
  if (holds(ydir, ".xlsx") || holds(ydir, ".csv")) {
    if (c->o->report)
      fprintf(c->o->report, "bestaat al, ongewijzigd: %s (heeft al cijferbestanden)\n", ydir);
    return JV_OK;
  }
  char path[PATH_MAX];
  snprintf(path, sizeof(path), "%s/gegevens.xlsx", ydir);
  jv_status st = jv_invoer_write_members(c->members, c->o->regio, sy, path, c->err);
  if (!st && c->o->report)
    fprintf(c->o->report, "geschreven: %s\n", path);
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

/* sorted: the year's n_sorted municipalities, in the order the files list them. */
static jv_status jv_init_write(init_ctx *c, const jv_gemeente *const *sorted, size_t n_sorted,
                               jv_schoolyear sy, int year)
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
  /* the figures as CSV files, unless asked for a workbook or one is there */
  int csv = !o->werkmap && !holds(ydir, ".xlsx");
  if (!st && !csv)
    st = write_workbook(c, sy, ydir);
  if (!st && csv) {
    jv_strbuf r = {0};
    jv_strbuf_addf(&r, "veld,waarde\nregio,");
    csv_field(&r, o->regio);
    jv_strbuf_addf(&r, "\nschooljaar,%s\nindeling,%d\n", ys, year);
    text = jv_strbuf_detach(&r);
    snprintf(path, sizeof(path), "%s/regio.csv", ydir);
    st = text ? put_file(c, path, text) : oom(c);
    free(text);
  }
  if (!st && csv)
    st = write_data_files(c, sorted, n_sorted, ydir);
  if (!st) {
    jv_strbuf l = {0};
    jv_strbuf_addf(&l, LEESMIJ, o->regio, o->dir, ys, o->dir, ys, o->dir, o->regio);
    text = jv_strbuf_detach(&l);
    snprintf(path, sizeof(path), "%s/LEESMIJ.md", o->dir);
    st = text ? put_file(c, path, text) : oom(c);
    free(text);
  }
  if (!st && o->report) {
    fprintf(o->report, "%s, schooljaar %s (gemeentelijke indeling %d): %zu gemeenten\n", o->regio,
            ys, year, n_sorted);
    for (size_t i = 0; i < n_sorted; i++)
      fprintf(o->report, "  %s %s\n", sorted[i]->code, sorted[i]->name);
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
  int indeling = sy.start + 1;
  char what[64];
  snprintf(what, sizeof(what), "--schooljaar %s", o->schooljaar);
  jv_region_members members;
  jv_status st =
      jv_region_members_resolve(&members, env, o->regio, o->gemeenten, o->dir, indeling, what, err);
  if (st)
    return st;
  init_ctx c = {.env = env, .o = o, .members = &members, .err = err};
  const jv_gemeente **sorted;
  size_t n;
  st = jv_region_members_sorted(&members, &sorted, &n, err);
  if (!st)
    st = jv_init_write(&c, sorted, n, sy, indeling);
  free(sorted);
  jv_region_members_free(&members);
  return st;
}
