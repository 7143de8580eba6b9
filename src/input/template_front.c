/* template_front.c - the front matter of a template: the "---" block of
 * key: value lines (titel, regio, schooljaar, auteur, kleur, logo,
 * uitlijning) at the top of the main template. Not YAML, on purpose. */
#include <stdlib.h>
#include <string.h>

#include "input/image_read.h"
#include "input/template_internal.h"
#include "util/suggest.h"

static jv_status oom(jv_error *err)
{
  return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
}

/* The logo is decoded here, so a damaged or unsupported image is an error at
 * the `logo:` line instead of a crash inside libharu at render time. */
static jv_status logo(tpl_reader *r, const tpl_file *f, int line, int col, const char *v,
                      jv_tpl_meta *m)
{
  free(m->logo);
  m->logo = NULL;
  jv_image_free(m->logo_image);
  m->logo_image = NULL;
  jv_status st = jv_template__resolve(r, r->tpl->dir, v, f->name, line, col, "logo", &m->logo);
  if (st)
    return st;
  char why[512];
  st = jv_image_read(m->logo, &m->logo_image, why, sizeof(why));
  if (st == JV_EINTERNAL)
    return oom(r->err);
  if (st)
    return jv_error_set(r->err, JV_EDATA, f->name, line, col, "logo '%s': %s", v, why);
  return JV_OK;
}

static const char *const fm_keys[] = {"titel", "regio", "schooljaar", "auteur",
                                      "kleur", "logo",  "uitlijning"};
#define N_FM_KEYS (sizeof(fm_keys) / sizeof(fm_keys[0]))

static jv_status fm_value(tpl_reader *r, const tpl_file *f, int line, int col, int key,
                          const char *v)
{
  jv_tpl_meta *m = &r->tpl->meta;
  jv_error *err = r->err;
  char **slot = NULL;
  if (key == 0 || key == 1 || key == 3) { /* text fields take placeholders */
    jv_status st = jv_template__check_text(v, f->name, line, col, fm_keys[key], err);
    if (st)
      return st;
  }
  switch (key) {
  case 0:
    slot = &m->titel;
    break;
  case 1:
    slot = &m->regio;
    break;
  case 2: {
    char buf[16];
    if (jv_schoolyear_parse(v, &m->year))
      return jv_error_set(err, JV_EDATA, f->name, line, col,
                          "schooljaar '%s': expected two consecutive years such as 2017-2018", v);
    m->has_schooljaar = true;
    jv_schoolyear_format(m->year, buf, sizeof(buf));
    return (m->schooljaar = strdup(buf)) ? JV_OK : oom(err);
  }
  case 3:
    slot = &m->auteur;
    break;
  case 4: {
    unsigned hex = 0;
    int ok = v[0] == '#' && strlen(v) == 7;
    for (int i = 1; ok && i < 7; i++) {
      char c = v[i];
      int d = c >= '0' && c <= '9'   ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                     : -1;
      ok = d >= 0;
      hex = hex * 16 + (unsigned)(d < 0 ? 0 : d);
    }
    if (!ok)
      return jv_error_set(err, JV_EDATA, f->name, line, col,
                          "kleur '%s': expected a colour as #RRGGBB, such as #0B5F73", v);
    m->has_kleur = true;
    m->kleur = hex;
    return JV_OK;
  }
  case 5:
    return logo(r, f, line, col, v, m);
  default:
    if (strcmp(v, "uitgevuld") == 0)
      m->uitlijning = JV_TPL_JUSTIFY;
    else if (strcmp(v, "links") == 0)
      m->uitlijning = JV_TPL_LEFT;
    else
      return jv_error_set(err, JV_EDATA, f->name, line, col,
                          "uitlijning '%s': expected uitgevuld or links", v);
    return JV_OK;
  }
  *slot = strdup(v);
  return *slot ? JV_OK : oom(err);
}

static jv_status fm_line(tpl_reader *r, const tpl_file *f, int line, unsigned *seen)
{
  size_t len;
  const char *s = jv_template__line(f, line, &len);
  char buf[1024];
  if (len >= sizeof(buf))
    return jv_error_set(r->err, JV_EDATA, f->name, line, 1, "front matter line too long");
  memcpy(buf, s, len);
  buf[len] = '\0';
  char *p = buf;
  while (*p == ' ' || *p == '\t')
    p++;
  if (!*p || *p == '#') /* blank lines and comments */
    return JV_OK;
  char *colon = strchr(p, ':');
  if (!colon)
    return jv_error_set(r->err, JV_EDATA, f->name, line, 1,
                        "expected 'key: value' in the front matter, such as "
                        "'titel: Jaarverslag Leerplicht'");
  char *k_end = colon;
  while (k_end > p && (k_end[-1] == ' ' || k_end[-1] == '\t'))
    k_end--;
  *k_end = '\0';
  int key = -1;
  for (size_t i = 0; i < N_FM_KEYS; i++)
    if (strcmp(p, fm_keys[i]) == 0)
      key = (int)i;
  int col = jv_template__column(buf, (size_t)(p - buf));
  if (key < 0) {
    const char *best = jv_suggest_closest(p, fm_keys, N_FM_KEYS);
    return jv_error_set(r->err, JV_EDATA, f->name, line, col,
                        "unknown front matter key '%s'%s%s%s; known: titel, regio, "
                        "schooljaar, auteur, kleur, logo, uitlijning",
                        p, best ? " (did you mean " : "", best ? best : "", best ? "?)" : "");
  }
  if (*seen & (1u << key))
    return jv_error_set(r->err, JV_EDATA, f->name, line, col, "%s given twice", p);
  *seen |= 1u << key;
  char *v = colon + 1;
  while (*v == ' ' || *v == '\t')
    v++;
  size_t vlen = strlen(v);
  while (vlen > 0 && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t'))
    v[--vlen] = '\0';
  if (vlen >= 2 && (v[0] == '"' || v[0] == '\'') && v[vlen - 1] == v[0]) {
    v[vlen - 1] = '\0';
    v++;
  }
  int vcol = jv_template__column(buf, (size_t)(v - buf));
  if (!*v)
    return jv_error_set(r->err, JV_EDATA, f->name, line, vcol, "empty value for %s", p);
  return fm_value(r, f, line, vcol, key, v);
}

jv_status jv_template__front_matter(tpl_reader *r, tpl_file *f, char *text)
{
  size_t len;
  const char *first = jv_template__line(f, 1, &len);
  if (!jv_template__is_fence(first, len))
    return jv_error_set(r->err, JV_EDATA, f->name, 1, 1,
                        "a template starts with front matter: a line '---', lines such as "
                        "'titel: Jaarverslag Leerplicht', and a closing '---'");
  int close = 0;
  for (int l = 2; l <= f->n_lines && !close; l++) {
    const char *s = jv_template__line(f, l, &len);
    if (jv_template__is_fence(s, len))
      close = l;
  }
  if (!close)
    return jv_error_set(r->err, JV_EDATA, f->name, 1, 1,
                        "front matter is not closed: add a line '---' after its last key");
  unsigned seen = 0;
  for (int l = 2; l < close; l++) {
    jv_status st = fm_line(r, f, l, &seen);
    if (st)
      return st;
  }
  if (!r->tpl->meta.titel)
    return jv_error_set(r->err, JV_EDATA, f->name, 1, 1, "the front matter needs titel:");
  size_t end = close < f->n_lines ? f->lines[close] : f->len;
  for (size_t i = 0; i < end; i++)
    if (text[i] != '\n' && text[i] != '\r')
      text[i] = ' ';
  return JV_OK;
}
