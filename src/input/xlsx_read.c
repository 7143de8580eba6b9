/* xlsx_read.c - the package of a workbook: which sheets, where their parts
 * are, the shared strings and which styles are dates. */
#include "input/xlsx_read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input/xlsx_internal.h"
#include "util/grow.h"

void jv_xlsx_text_add(jv_xlsx_text *t, const char *s, size_t n)
{
  if (t->oom)
    return;
  if (jv_grow((void **)&t->s, &t->cap, t->len + n + 1, 1, 64) != 0) {
    t->oom = true;
    return;
  }
  memcpy(t->s + t->len, s, n);
  t->len += n;
  t->s[t->len] = '\0';
}

void jv_xlsx_text_clear(jv_xlsx_text *t)
{
  t->len = 0;
  if (t->s)
    t->s[0] = '\0';
}

const char *jv_xlsx_local(const char *name)
{
  const char *colon = strrchr(name, ':');
  return colon ? colon + 1 : name;
}

const char *jv_xlsx_attr(const char **atts, const char *name)
{
  for (size_t i = 0; atts[i]; i += 2)
    if (strcmp(jv_xlsx_local(atts[i]), name) == 0)
      return atts[i + 1];
  return NULL;
}

jv_status jv_xlsx_parse_part(zip_t *za, const char *entry, XML_Parser p, const char *path,
                             jv_error *err)
{
  zip_file_t *zf = zip_fopen(za, entry, 0);
  if (!zf)
    return JV_ENOINPUT;
  char buf[16384];
  size_t total = 0;
  jv_status st = JV_OK;
  for (;;) {
    zip_int64_t n = zip_fread(zf, buf, sizeof(buf));
    if (n < 0) {
      st = jv_error_set(err, JV_EDATA, path, 0, 0,
                        "cannot read %s in the workbook (a damaged file?): save it again", entry);
      break;
    }
    total += (size_t)n;
    if (total > JV_XLSX_MAX_PART) {
      st = jv_error_set(err, JV_EDATA, path, 0, 0, "%s in the workbook is larger than %u bytes",
                        entry, JV_XLSX_MAX_PART);
      break;
    }
    if (XML_Parse(p, buf, (int)n, n == 0) == XML_STATUS_ERROR) {
      st = jv_error_set(err, JV_EDATA, path, 0, 0, "%s in the workbook, line %lu: %s", entry,
                        (unsigned long)XML_GetCurrentLineNumber(p),
                        XML_ErrorString(XML_GetErrorCode(p)));
      break;
    }
    if (n == 0)
      break;
  }
  zip_fclose(zf);
  return st;
}

/* ---- workbook.xml and its relationships ---- */

typedef struct {
  char **names, **rids, **rel_ids, **targets;
  size_t n_sheets, n_rels;
  char *shared_target;
  bool oom;
} book_ctx;

static bool push(char ***arr, size_t n, const char *s)
{
  char **na = realloc(*arr, (n + 1) * sizeof(*na));
  if (!na)
    return false;
  *arr = na;
  return (na[n] = strdup(s)) != NULL;
}

static void XMLCALL book_start(void *ud, const char *el, const char **atts)
{
  book_ctx *b = ud;
  const char *name = jv_xlsx_local(el);
  if (strcmp(name, "sheet") == 0) {
    const char *n = jv_xlsx_attr(atts, "name"), *id = jv_xlsx_attr(atts, "id");
    if (n && id) {
      if (!push(&b->names, b->n_sheets, n) || !push(&b->rids, b->n_sheets, id))
        b->oom = true;
      else
        b->n_sheets++;
    }
  } else if (strcmp(name, "Relationship") == 0) {
    const char *id = jv_xlsx_attr(atts, "Id"), *target = jv_xlsx_attr(atts, "Target");
    const char *type = jv_xlsx_attr(atts, "Type");
    if (id && target) {
      if (!push(&b->rel_ids, b->n_rels, id) || !push(&b->targets, b->n_rels, target))
        b->oom = true;
      else
        b->n_rels++;
    }
    size_t tl = type ? strlen(type) : 0;
    if (target && tl > 14 && strcmp(type + tl - 14, "/sharedStrings") == 0) {
      free(b->shared_target);
      b->shared_target = strdup(target);
    }
  }
}

static void free_list(char **a, size_t n)
{
  for (size_t i = 0; i < n; i++)
    free(a[i]);
  free(a);
}

static void book_free(book_ctx *b)
{
  free_list(b->names, b->n_sheets);
  free_list(b->rids, b->n_sheets);
  free_list(b->rel_ids, b->n_rels);
  free_list(b->targets, b->n_rels);
  free(b->shared_target);
}

/* "worksheets/sheet1.xml" (relative to xl/) or "/xl/worksheets/sheet1.xml". */
static void part_path(const char *target, char *buf, size_t size)
{
  if (target[0] == '/')
    snprintf(buf, size, "%s", target + 1);
  else
    snprintf(buf, size, "xl/%s", target);
}

/* ---- sharedStrings.xml: <si> holds <t> directly or in runs <r><t> ---- */

typedef struct {
  jv_xlsx_shared *sh;
  jv_xlsx_text text;
  int in_si, in_t, in_phonetic;
  bool oom;
} strings_ctx;

static void XMLCALL strings_start(void *ud, const char *el, const char **atts)
{
  strings_ctx *c = ud;
  const char *name = jv_xlsx_local(el);
  (void)atts;
  if (strcmp(name, "si") == 0) {
    c->in_si = 1;
    jv_xlsx_text_clear(&c->text);
  } else if (strcmp(name, "rPh") == 0)
    c->in_phonetic = 1;
  else if (strcmp(name, "t") == 0)
    c->in_t = 1;
}

static void XMLCALL strings_end(void *ud, const char *el)
{
  strings_ctx *c = ud;
  const char *name = jv_xlsx_local(el);
  if (strcmp(name, "t") == 0)
    c->in_t = 0;
  else if (strcmp(name, "rPh") == 0)
    c->in_phonetic = 0;
  else if (strcmp(name, "si") == 0 && c->in_si) {
    c->in_si = 0;
    if (!push(&c->sh->strings, c->sh->n_strings, c->text.s ? c->text.s : ""))
      c->oom = true;
    else
      c->sh->n_strings++;
  }
}

static void XMLCALL strings_text(void *ud, const char *s, int len)
{
  strings_ctx *c = ud;
  if (c->in_si && c->in_t && !c->in_phonetic)
    jv_xlsx_text_add(&c->text, s, (size_t)len);
}

/* ---- styles.xml: which cellXfs use a date or time number format ---- */

typedef struct {
  jv_xlsx_shared *sh;
  int in_xfs;
  int custom_ids[256];
  bool custom_date[256];
  size_t n_custom;
  bool oom;
} styles_ctx;

/* A format code that shows a date or time: d, m, y, h or s outside quotes
 * and brackets (which hold colours and conditions). */
static bool code_is_date(const char *code)
{
  int quoted = 0, bracket = 0;
  for (const char *p = code; *p; p++) {
    if (*p == '"')
      quoted = !quoted;
    else if (!quoted && *p == '[')
      bracket = 1;
    else if (!quoted && *p == ']')
      bracket = 0;
    else if (!quoted && !bracket && *p == '\\' && p[1])
      p++;
    else if (!quoted && !bracket && strchr("dmyhsDMYHS", *p))
      return true;
  }
  return false;
}

static bool builtin_date(int id)
{
  return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) ||
         (id >= 50 && id <= 58);
}

static void XMLCALL styles_start(void *ud, const char *el, const char **atts)
{
  styles_ctx *c = ud;
  const char *name = jv_xlsx_local(el);
  if (strcmp(name, "numFmt") == 0 && c->n_custom < 256) {
    const char *id = jv_xlsx_attr(atts, "numFmtId"), *code = jv_xlsx_attr(atts, "formatCode");
    if (id && code) {
      c->custom_ids[c->n_custom] = atoi(id);
      c->custom_date[c->n_custom++] = code_is_date(code);
    }
  } else if (strcmp(name, "cellXfs") == 0)
    c->in_xfs = 1;
  else if (strcmp(name, "xf") == 0 && c->in_xfs) {
    const char *id = jv_xlsx_attr(atts, "numFmtId");
    int fmt = id ? atoi(id) : 0;
    bool date = builtin_date(fmt);
    for (size_t i = 0; i < c->n_custom; i++)
      if (c->custom_ids[i] == fmt)
        date = c->custom_date[i];
    bool *nd = realloc(c->sh->date_style, (c->sh->n_styles + 1) * sizeof(*nd));
    if (!nd) {
      c->oom = true;
      return;
    }
    c->sh->date_style = nd;
    nd[c->sh->n_styles++] = date;
  }
}

static void XMLCALL styles_end(void *ud, const char *el)
{
  styles_ctx *c = ud;
  if (strcmp(jv_xlsx_local(el), "cellXfs") == 0)
    c->in_xfs = 0;
}

/* ---- the workbook ---- */

static jv_status parse_with(zip_t *za, const char *entry, void *ud, XML_StartElementHandler start,
                            XML_EndElementHandler end, XML_CharacterDataHandler text,
                            const char *path, jv_error *err)
{
  XML_Parser p = XML_ParserCreate(NULL);
  if (!p)
    return jv_error_set(err, JV_EINTERNAL, path, 0, 0, "out of memory");
  XML_SetUserData(p, ud);
  XML_SetElementHandler(p, start, end);
  if (text)
    XML_SetCharacterDataHandler(p, text);
  jv_status st = jv_xlsx_parse_part(za, entry, p, path, err);
  XML_ParserFree(p);
  return st;
}

static void XMLCALL no_end(void *ud, const char *el)
{
  (void)ud;
  (void)el;
}

static void shared_free(jv_xlsx_shared *sh)
{
  free_list(sh->strings, sh->n_strings);
  free(sh->date_style);
}

static jv_status read_shared(zip_t *za, const book_ctx *b, jv_xlsx_shared *sh, const char *path,
                             jv_error *err)
{
  char entry[512];
  part_path(b->shared_target ? b->shared_target : "sharedStrings.xml", entry, sizeof(entry));
  strings_ctx sc = {.sh = sh};
  jv_status st = parse_with(za, entry, &sc, strings_start, strings_end, strings_text, path, err);
  free(sc.text.s);
  if (st == JV_ENOINPUT) /* a workbook of numbers only has none */
    st = JV_OK;
  if (st == JV_OK && (sc.oom || sc.text.oom))
    st = jv_error_set(err, JV_EINTERNAL, path, 0, 0, "out of memory");
  styles_ctx yc = {.sh = sh};
  if (st == JV_OK)
    st = parse_with(za, "xl/styles.xml", &yc, styles_start, styles_end, NULL, path, err);
  if (st == JV_ENOINPUT)
    st = JV_OK;
  if (st == JV_OK && yc.oom)
    st = jv_error_set(err, JV_EINTERNAL, path, 0, 0, "out of memory");
  return st;
}

void jv_xlsx_book_free(jv_xlsx_book *b)
{
  for (size_t i = 0; i < b->n; i++) {
    free(b->sheets[i].sheet);
    jv_csv_table_free(&b->sheets[i].table);
  }
  free(b->sheets);
  memset(b, 0, sizeof(*b));
}

static jv_status read_sheets(zip_t *za, const book_ctx *b, const jv_xlsx_shared *sh,
                             jv_xlsx_book *out, const char *path, const char *only, jv_diags *errs,
                             jv_error *err)
{
  out->sheets = calloc(b->n_sheets + 1, sizeof(*out->sheets));
  if (!out->sheets)
    return jv_error_set(err, JV_EINTERNAL, path, 0, 0, "out of memory");
  for (size_t i = 0; i < b->n_sheets; i++) {
    if (only && strcasecmp(only, b->names[i]) != 0)
      continue;
    const char *target = NULL;
    for (size_t r = 0; r < b->n_rels; r++)
      if (strcmp(b->rel_ids[r], b->rids[i]) == 0)
        target = b->targets[r];
    if (!target)
      return jv_error_set(err, JV_EDATA, path, 0, 0,
                          "sheet '%s' has no part in the workbook (a damaged file?)", b->names[i]);
    char entry[512], name[1024];
    part_path(target, entry, sizeof(entry));
    snprintf(name, sizeof(name), "%s:%s!", path, b->names[i]);
    jv_xlsx_sheet *s = &out->sheets[out->n];
    jv_status st = jv_xlsx_read_sheet(za, entry, sh, name, &s->table, errs, err);
    if (st == JV_ENOINPUT)
      return jv_error_set(err, JV_EDATA, path, 0, 0, "sheet '%s': %s is missing in the workbook",
                          b->names[i], entry);
    if (st != JV_OK)
      return st;
    if (s->table.n_rows == 0) { /* an empty sheet ("Blad2") carries nothing */
      jv_csv_table_free(&s->table);
      continue;
    }
    if (!(s->sheet = strdup(b->names[i])))
      return jv_error_set(err, JV_EINTERNAL, path, 0, 0, "out of memory");
    out->n++;
  }
  return JV_OK;
}

jv_status jv_xlsx_read(jv_xlsx_book *out, const char *path, const char *only, jv_diags *errs,
                       jv_error *err)
{
  memset(out, 0, sizeof(*out));
  int zerr = 0;
  zip_t *za = zip_open(path, ZIP_RDONLY, &zerr);
  if (!za)
    return jv_error_set(err, JV_EDATA, path, 0, 0,
                        "not a readable .xlsx workbook (not a ZIP file): save it from Excel as "
                        "'Excel-werkmap (*.xlsx)'");
  book_ctx b = {0};
  jv_xlsx_shared sh = {0};
  jv_status st = parse_with(za, "xl/workbook.xml", &b, book_start, no_end, NULL, path, err);
  if (st == JV_OK)
    st = parse_with(za, "xl/_rels/workbook.xml.rels", &b, book_start, no_end, NULL, path, err);
  if (st == JV_ENOINPUT)
    st = jv_error_set(err, JV_EDATA, path, 0, 0,
                      "not an .xlsx workbook (no xl/workbook.xml): save it from Excel as "
                      "'Excel-werkmap (*.xlsx)'");
  if (st == JV_OK && b.oom)
    st = jv_error_set(err, JV_EINTERNAL, path, 0, 0, "out of memory");
  if (st == JV_OK)
    st = read_shared(za, &b, &sh, path, err);
  if (st == JV_OK)
    st = read_sheets(za, &b, &sh, out, path, only, errs, err);
  shared_free(&sh);
  book_free(&b);
  zip_discard(za);
  if (st != JV_OK)
    jv_xlsx_book_free(out);
  return st;
}
