/* textflow.c - total-fit line breaking (Knuth & Plass, "Breaking
 * Paragraphs into Lines", 1981) over the items of textflow_items.c. */
#include "layout/textflow.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout/textflow_items.h"
#include "util/grow.h"
#include "util/utf8.h"

/* Word spaces stretch by at most one space in the first pass (2x, no
 * rivers) and shrink by at most a fifth. Ragged lines pretend to have a
 * sixth of the line (at least 3 em) of stretch at the right, so that their
 * raggedness is rated too without hyphenating every other line. */
#define STRETCH 1.0
#define SHRINK 0.2
#define TOLERANCE 1.0
#define RAGGED_EM 3.0
#define RAGGED_FRACTION (1.0 / 6)
#define RAGGED_TOLERANCE 2.0
#define MAX_RATIO 10.0 /* keeps badness finite so that pass 2 can compare */

#define LINE_PENALTY 10.0
#define HYPHEN_PENALTY 50.0
#define EXPLICIT_PENALTY 50.0
#define FORCED_PENALTY 1000.0
#define DOUBLE_HYPHEN_DEMERITS 10000.0 /* two hyphenated lines in a row */
#define FINAL_HYPHEN_DEMERITS 5000.0   /* hyphen in the next-to-last line */
#define FITNESS_DEMERITS 3000.0        /* a tight line next to a loose one */
#define OVERFULL_DEMERITS 1e12         /* only for a character wider than the line */

enum { FITS = 4 };

/* A place where a line may end: index of a glue or penalty item, or n for
 * the end of the paragraph. */
typedef struct {
  size_t item;
  jv_textflow_end kind;
} brk;

typedef struct {
  double d;    /* total demerits of the best way to get here */
  size_t prev; /* break index of the line's start */
  int prev_fit;
} node;

typedef struct {
  const jv_tf_items *it;
  const jv_textflow_opts *o;
  brk *brks; /* brks[0] is the start of the paragraph */
  size_t nb;
  double *cw; /* widths of items[0, i) */
  size_t *cg; /* glue count of items[0, i) */
  node *best; /* best[b * FITS + fitness] */
  bool *has_succ;
  size_t *active;
} breaker;

typedef struct {
  double natural, avail, ratio;
  size_t nglue;
} line_fit;

static size_t line_start(const breaker *k, size_t a)
{
  return a == 0 ? 0 : k->brks[a].item + 1;
}

/* Adjustment ratio of the line from break a to break b: 0 natural, 1 spaces
 * stretched by STRETCH, -1 fully shrunk, -INFINITY overfull. */
static line_fit fit_line(const breaker *k, size_t a, size_t b)
{
  line_fit f;
  size_t s = line_start(k, a), e = k->brks[b].item;
  const jv_tf_items *it = k->it;
  f.natural = k->cw[e] - k->cw[s];
  if (k->brks[b].kind == JV_TEXTFLOW_END_HYPHEN)
    f.natural += it->items[e].width;
  f.nglue = k->cg[e] - k->cg[s];
  f.avail = k->o->width - (a == 0 ? k->o->first_indent : 0);
  bool last = k->brks[b].kind == JV_TEXTFLOW_END_PARAGRAPH;
  bool justify = k->o->align == JV_TEXTFLOW_JUSTIFY;
  double slack = f.avail - f.natural;
  if (slack >= 0) {
    /* a line without spaces cannot stretch; rate it by its slack anyway,
     * so that a cut long word fills its lines */
    double st = !justify ? fmax(RAGGED_EM * k->o->size, RAGGED_FRACTION * k->o->width)
                         : (f.nglue ? f.nglue : 1) * STRETCH * it->space;
    f.ratio = last ? 0 : slack / st;
    if (f.ratio > MAX_RATIO)
      f.ratio = MAX_RATIO;
  } else {
    double sh = justify ? f.nglue * SHRINK * it->space : 0;
    f.ratio = sh > 0 ? slack / sh : -INFINITY;
    if (f.ratio < -1 - 1e-9)
      f.ratio = -INFINITY;
    else if (f.ratio < -1)
      f.ratio = -1;
  }
  return f;
}

static int fitness(double r)
{
  return r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
}

static bool hyphenish(jv_textflow_end e)
{
  return e == JV_TEXTFLOW_END_HYPHEN || e == JV_TEXTFLOW_END_EXPLICIT;
}

static double penalty_of(jv_textflow_end e)
{
  switch (e) {
  case JV_TEXTFLOW_END_HYPHEN:
    return HYPHEN_PENALTY;
  case JV_TEXTFLOW_END_EXPLICIT:
    return EXPLICIT_PENALTY;
  case JV_TEXTFLOW_END_FORCED:
    return FORCED_PENALTY;
  default:
    return 0;
  }
}

static void relax(breaker *k, size_t a, size_t b, double ratio, double extra)
{
  double bad = 100 * fabs(ratio) * ratio * ratio;
  double p = penalty_of(k->brks[b].kind);
  double base = (LINE_PENALTY + bad) * (LINE_PENALTY + bad) + p * p + extra;
  int fb = fitness(ratio);
  if (hyphenish(k->brks[b].kind) && a > 0 && hyphenish(k->brks[a].kind))
    base += DOUBLE_HYPHEN_DEMERITS;
  if (k->brks[b].kind == JV_TEXTFLOW_END_PARAGRAPH && a > 0 && hyphenish(k->brks[a].kind))
    base += FINAL_HYPHEN_DEMERITS;
  for (int fa = 0; fa < FITS; fa++) {
    const node *na = &k->best[a * FITS + fa];
    if (na->d == DBL_MAX)
      continue;
    double d = na->d + base + (abs(fa - fb) > 1 ? FITNESS_DEMERITS : 0);
    node *nb = &k->best[b * FITS + fb];
    if (d < nb->d)
      *nb = (node){.d = d, .prev = a, .prev_fit = fa};
  }
  k->has_succ[a] = true;
}

/* One pass over all breaks; final: accept any stretch, and a single
 * overfull line where nothing else is possible. Returns whether the end of
 * the paragraph was reached. */
static bool run_pass(breaker *k, bool final)
{
  double tol = k->o->align == JV_TEXTFLOW_JUSTIFY ? TOLERANCE : RAGGED_TOLERANCE;
  for (size_t i = 0; i < k->nb * FITS; i++)
    k->best[i] = (node){.d = DBL_MAX};
  memset(k->has_succ, 0, k->nb * sizeof(*k->has_succ));
  k->best[1] = (node){.d = 0}; /* the start, "decent" */
  size_t nact = 1;
  k->active[0] = 0;
  for (size_t b = 1; b < k->nb; b++) {
    size_t keep = 0;
    for (size_t i = 0; i < nact; i++) {
      size_t a = k->active[i];
      line_fit f = fit_line(k, a, b);
      if (f.ratio == -INFINITY) {
        /* overfull now, so overfull for every later break too */
        if (final && !k->has_succ[a])
          relax(k, a, b, -1, OVERFULL_DEMERITS);
        continue;
      }
      k->active[keep++] = a;
      if (final || f.ratio <= tol)
        relax(k, a, b, f.ratio, 0);
    }
    nact = keep;
    for (int fb = 0; fb < FITS; fb++) {
      if (k->best[b * FITS + fb].d != DBL_MAX) {
        k->active[nact++] = b;
        break;
      }
    }
    if (nact == 0)
      return false;
  }
  for (int fb = 0; fb < FITS; fb++)
    if (k->best[(k->nb - 1) * FITS + fb].d != DBL_MAX)
      return true;
  return false;
}

static bool alloc_breaker(breaker *k, const jv_tf_items *it, const jv_textflow_opts *o)
{
  memset(k, 0, sizeof(*k));
  k->it = it;
  k->o = o;
  size_t n = it->n;
  k->brks = malloc((n + 2) * sizeof(*k->brks));
  k->cw = malloc((n + 1) * sizeof(*k->cw));
  k->cg = malloc((n + 1) * sizeof(*k->cg));
  if (!k->brks || !k->cw || !k->cg)
    return false;
  k->brks[k->nb++] = (brk){0, JV_TEXTFLOW_END_SPACE}; /* the start */
  k->cw[0] = 0;
  k->cg[0] = 0;
  for (size_t i = 0; i < n; i++) {
    const jv_tf_item *t = &it->items[i];
    k->cw[i + 1] = k->cw[i] + (t->kind == JV_TF_PENALTY ? 0 : t->width);
    k->cg[i + 1] = k->cg[i] + (t->kind == JV_TF_GLUE);
    if (t->kind == JV_TF_GLUE)
      k->brks[k->nb++] = (brk){i, JV_TEXTFLOW_END_SPACE};
    else if (t->kind == JV_TF_PENALTY)
      k->brks[k->nb++] = (brk){i, t->brk};
  }
  k->brks[k->nb++] = (brk){n, JV_TEXTFLOW_END_PARAGRAPH};
  k->best = malloc(k->nb * FITS * sizeof(*k->best));
  k->has_succ = malloc(k->nb * sizeof(*k->has_succ));
  k->active = malloc(k->nb * sizeof(*k->active));
  return k->best && k->has_succ && k->active;
}

static void free_breaker(breaker *k)
{
  free(k->brks);
  free(k->cw);
  free(k->cg);
  free(k->best);
  free(k->has_succ);
  free(k->active);
}

/* Output assembly: pieces first refer to text by run and byte range; the
 * copies are made once all pieces are known. */
typedef struct {
  jv_textflow *f;
  size_t cap_lines, cap_pieces;
  const jv_textflow_run *runs;
} emitter;

static jv_textflow_piece *new_piece(emitter *e)
{
  jv_textflow *f = e->f;
  if (jv_grow((void **)&f->pieces, &e->cap_pieces, f->n_pieces + 1, sizeof(*f->pieces), 64) != 0)
    return NULL;
  jv_textflow_piece *p = &f->pieces[f->n_pieces++];
  memset(p, 0, sizeof(*p));
  return p;
}

static bool emit_line(emitter *e, const breaker *k, size_t a, size_t b)
{
  jv_textflow *f = e->f;
  line_fit fit = fit_line(k, a, b);
  jv_textflow_line ln = {
      .first = f->n_pieces, .natural = fit.natural, .n_spaces = fit.nglue, .end = k->brks[b].kind};
  ln.indent = a == 0 ? k->o->first_indent : 0;
  bool justify = k->o->align == JV_TEXTFLOW_JUSTIFY;
  double slack = fit.avail - fit.natural;
  bool last = ln.end == JV_TEXTFLOW_END_PARAGRAPH;
  /* spaces take all the slack, however loose: pass 1 has avoided loose
   * lines where it could; only a forced overfull line stays overfull */
  if (justify && fit.nglue > 0 && !(last && slack >= 0)) {
    ln.space_extra = slack / (double)fit.nglue;
    if (ln.space_extra < -SHRINK * k->it->space)
      ln.space_extra = -SHRINK * k->it->space;
  }
  ln.width = ln.natural + (double)ln.n_spaces * ln.space_extra;

  double x = ln.indent;
  const jv_tf_item *glue = NULL; /* the glue since the last box */
  jv_textflow_piece *cur = NULL;
  const jv_tf_item *last_box = NULL;
  for (size_t i = line_start(k, a); i < k->brks[b].item; i++) {
    const jv_tf_item *t = &k->it->items[i];
    if (t->kind == JV_TF_PENALTY)
      continue;
    if (t->kind == JV_TF_GLUE) {
      x += t->width + ln.space_extra;
      glue = t;
      continue;
    }
    /* one piece for a stretch of one run, as long as no space in it moves */
    bool merge = cur && cur->run == t->run &&
                 (glue ? glue->simple && ln.space_extra == 0 && glue->run == t->run &&
                             glue->start == cur->end && t->start == cur->end + 1
                       : t->start == cur->end);
    if (merge) {
      cur->end = t->end;
      cur->width = x + t->width - cur->x;
    } else {
      cur = new_piece(e);
      if (!cur)
        return false;
      *cur = (jv_textflow_piece){.run = t->run,
                                 .start = t->start,
                                 .end = t->end,
                                 .style = t->style,
                                 .x = x,
                                 .width = t->width,
                                 .space_before = glue != NULL};
    }
    x += t->width;
    glue = NULL;
    last_box = t;
  }
  if (ln.end == JV_TEXTFLOW_END_HYPHEN && last_box) {
    const jv_tf_item *pen = &k->it->items[k->brks[b].item];
    jv_textflow_piece *h = new_piece(e);
    if (!h)
      return false;
    *h = (jv_textflow_piece){.run = last_box->run,
                             .start = last_box->end,
                             .end = last_box->end,
                             .style = pen->style,
                             .x = x,
                             .width = pen->width,
                             .inserted_hyphen = true};
  }
  ln.count = f->n_pieces - ln.first;
  if (jv_grow((void **)&f->lines, &e->cap_lines, f->n_lines + 1, sizeof(*f->lines), 16) != 0)
    return false;
  f->lines[f->n_lines++] = ln;
  return true;
}

static bool copy_texts(emitter *e)
{
  jv_textflow *f = e->f;
  size_t total = 1;
  for (size_t i = 0; i < f->n_pieces; i++)
    total += f->pieces[i].end - f->pieces[i].start + 1 + f->pieces[i].inserted_hyphen;
  f->text = malloc(total);
  if (!f->text)
    return false;
  char *p = f->text;
  for (size_t i = 0; i < f->n_pieces; i++) {
    jv_textflow_piece *pc = &f->pieces[i];
    const char *src = pc->inserted_hyphen ? "-" : e->runs[pc->run].text + pc->start;
    size_t len = pc->inserted_hyphen ? 1 : pc->end - pc->start;
    memcpy(p, src, len);
    p[len] = '\0';
    pc->text = p;
    p += len + 1;
  }
  return true;
}

static jv_status check_input(const jv_textflow_run *runs, size_t n_runs, const jv_measure *m,
                             const jv_textflow_opts *o, jv_error *err)
{
  if (!m || !m->width || !o || !(o->size > 0) || !(o->width > 0) ||
      !(o->width - o->first_indent > 0) || (n_runs > 0 && !runs))
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0,
                        "text flow: invalid options (size, width or indent)");
  for (size_t r = 0; r < n_runs; r++) {
    if (!runs[r].text)
      return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "text flow: run %zu has no text", r);
    long bad = jv_utf8_invalid_at(runs[r].text, strlen(runs[r].text));
    if (bad >= 0)
      return jv_error_set(err, JV_EDATA, NULL, 0, 0,
                          "text flow: invalid UTF-8 in run %zu at byte %ld", r, bad);
  }
  return JV_OK;
}

jv_status jv_textflow_break(jv_textflow *out, const jv_textflow_run *runs, size_t n_runs,
                            const jv_measure *m, const jv_textflow_opts *opts, jv_error *err)
{
  memset(out, 0, sizeof(*out));
  jv_status st = check_input(runs, n_runs, m, opts, err);
  if (st != JV_OK)
    return st;
  jv_tf_items it = {0};
  st = jv_textflow__items(&it, runs, n_runs, m, opts, err);
  if (st != JV_OK || it.n == 0) {
    jv_textflow__items_free(&it);
    return st;
  }
  breaker k;
  emitter e = {.f = out, .runs = runs};
  bool ok = alloc_breaker(&k, &it, opts);
  if (ok && !run_pass(&k, false))
    ok = run_pass(&k, true);
  if (ok) {
    /* follow the best path back from the end, then emit it forwards */
    size_t nb = k.nb, b = nb - 1, nlines = 0;
    int fit = 0;
    for (int f = 1; f < FITS; f++)
      if (k.best[b * FITS + f].d < k.best[b * FITS + fit].d)
        fit = f;
    size_t *path = k.active; /* free to reuse now */
    while (b != 0) {
      const node *n = &k.best[b * FITS + fit];
      path[nlines++] = b;
      b = n->prev;
      fit = n->prev_fit;
    }
    size_t a = 0;
    for (size_t i = nlines; i-- > 0 && ok;) {
      ok = emit_line(&e, &k, a, path[i]);
      a = path[i];
    }
    ok = ok && copy_texts(&e);
  }
  free_breaker(&k);
  jv_textflow__items_free(&it);
  if (!ok)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  return JV_OK;
}

jv_status jv_textflow_copy(jv_textflow *dst, const jv_textflow *src, jv_error *err)
{
  memset(dst, 0, sizeof(*dst));
  size_t total = 1; /* as copy_texts counts */
  for (size_t i = 0; i < src->n_pieces; i++)
    total += src->pieces[i].end - src->pieces[i].start + 1 + src->pieces[i].inserted_hyphen;
  dst->lines = malloc((src->n_lines + 1) * sizeof(*dst->lines));
  dst->pieces = malloc((src->n_pieces + 1) * sizeof(*dst->pieces));
  dst->text = malloc(total);
  if (!dst->lines || !dst->pieces || !dst->text) {
    jv_textflow_free(dst);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  if (src->n_lines)
    memcpy(dst->lines, src->lines, src->n_lines * sizeof(*dst->lines));
  if (src->n_pieces)
    memcpy(dst->pieces, src->pieces, src->n_pieces * sizeof(*dst->pieces));
  if (src->text)
    memcpy(dst->text, src->text, total);
  for (size_t i = 0; i < src->n_pieces; i++)
    dst->pieces[i].text = dst->text + (src->pieces[i].text - src->text);
  dst->n_lines = src->n_lines;
  dst->n_pieces = src->n_pieces;
  return JV_OK;
}

void jv_textflow_free(jv_textflow *f)
{
  if (!f)
    return;
  free(f->lines);
  free(f->pieces);
  free(f->text);
  memset(f, 0, sizeof(*f));
}
