/* textflow_items.c - splitting runs into measured boxes, glue, penalties. */
#include "layout/textflow_items.h"

#include <stdlib.h>
#include <string.h>

#include "util/grow.h"

/* A word's share of one run; woff is where it starts in the word text. */
typedef struct {
  size_t run, start, end, woff;
} seg;

typedef struct {
  const jv_textflow_run *runs;
  const jv_measure *m;
  const jv_textflow_opts *o;
  jv_tf_items *out;
  double hyphen_w[JV_FONT_STYLE_COUNT], space_w[JV_FONT_STYLE_COUNT];
  double min_avail; /* the narrowest line: an interval wider than this is cut */
  seg *segs;        /* the current word */
  size_t nsegs, capsegs;
  char *wtext; /* the current word's text, NUL-terminated */
  size_t wlen, wcap;
  jv_hyph_point *pts;
  size_t ptscap;
  jv_tf_item *word; /* the current word's items, before the overlong check */
  size_t nword, capword;
  char *scratch; /* NUL-terminated copies for the measure callback */
  size_t scap;
  bool oom;
} builder;

static bool grow(void *pp, size_t *cap, size_t need, size_t elsize)
{
  return jv_grow(pp, cap, need, elsize, 16) == 0;
}

static bool is_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static double measure(builder *b, jv_font_style st, const char *s, size_t len)
{
  if (!grow(&b->scratch, &b->scap, len + 1, 1)) {
    b->oom = true;
    return 0;
  }
  memcpy(b->scratch, s, len);
  b->scratch[len] = '\0';
  return jv_measure_width(b->m, st, b->o->size, b->scratch);
}

static void push(builder *b, jv_tf_item **arr, size_t *n, size_t *cap, jv_tf_item it)
{
  if (!grow(arr, cap, *n + 1, sizeof(**arr))) {
    b->oom = true;
    return;
  }
  (*arr)[(*n)++] = it;
}

static void word_box(builder *b, const seg *s, size_t from, size_t to)
{
  if (from >= to)
    return;
  jv_font_style st = b->runs[s->run].style;
  size_t start = s->start + (from - s->woff), end = s->start + (to - s->woff);
  jv_tf_item it = {.kind = JV_TF_BOX, .style = st, .run = s->run, .start = start, .end = end};
  it.width = measure(b, st, b->runs[s->run].text + start, end - start);
  push(b, &b->word, &b->nword, &b->capword, it);
}

static void word_penalty(builder *b, const jv_hyph_point *pt)
{
  /* the hyphen takes the style of the letters before it */
  jv_font_style st = b->word[b->nword - 1].style;
  jv_tf_item it = {.kind = JV_TF_PENALTY, .style = st};
  it.brk = pt->add_hyphen ? JV_TEXTFLOW_END_HYPHEN : JV_TEXTFLOW_END_EXPLICIT;
  it.width = pt->add_hyphen ? b->hyphen_w[st] : 0;
  push(b, &b->word, &b->nword, &b->capword, it);
}

static void out_push(builder *b, jv_tf_item it)
{
  push(b, &b->out->items, &b->out->n, &b->out->cap, it);
}

/* Appends box word[i] cut at every character, with forced breaks between. */
static void out_chars(builder *b, const jv_tf_item *box, bool first)
{
  const char *text = b->runs[box->run].text;
  for (size_t p = box->start; p < box->end && !b->oom;) {
    size_t q = p + 1;
    while (q < box->end && ((unsigned char)text[q] & 0xC0) == 0x80)
      q++;
    if (!first || p > box->start) {
      jv_tf_item pen = {.kind = JV_TF_PENALTY, .brk = JV_TEXTFLOW_END_FORCED, .style = box->style};
      out_push(b, pen);
    }
    jv_tf_item it = *box;
    it.start = p, it.end = q;
    it.width = measure(b, box->style, text + p, q - p);
    out_push(b, it);
    p = q;
  }
}

/* Moves the word's items to the output; a stretch between two break
 * points that is wider than any line gets a forced break at every
 * character, so that every line can hold something. */
static void flush_word_items(builder *b)
{
  size_t i = 0;
  while (i < b->nword && !b->oom) {
    size_t j = i;
    double w = 0;
    while (j < b->nword && b->word[j].kind == JV_TF_BOX)
      w += b->word[j++].width;
    if (j < b->nword)
      w += b->word[j].width; /* a hyphen */
    bool cut = w > b->min_avail;
    for (size_t k = i; k < j; k++) {
      if (cut)
        out_chars(b, &b->word[k], k == i);
      else
        out_push(b, b->word[k]);
    }
    if (j < b->nword)
      out_push(b, b->word[j++]);
    i = j;
  }
  b->nword = 0;
}

static void end_word(builder *b)
{
  if (b->nsegs == 0)
    return;
  if (!grow(&b->pts, &b->ptscap, b->wlen, sizeof(*b->pts))) {
    b->oom = true;
    return;
  }
  size_t np = jv_hyphenate(b->o->hyph, b->wtext, b->wlen, b->pts, b->wlen);
  size_t pi = 0;
  for (size_t s = 0; s < b->nsegs && !b->oom; s++) {
    const seg *sg = &b->segs[s];
    size_t pos = sg->woff, wend = sg->woff + (sg->end - sg->start);
    /* a break point where one run ends and the next begins */
    while (pi < np && b->pts[pi].offset <= pos) {
      if (b->nword > 0)
        word_penalty(b, &b->pts[pi]);
      pi++;
    }
    while (pi < np && b->pts[pi].offset < wend && !b->oom) {
      word_box(b, sg, pos, b->pts[pi].offset);
      word_penalty(b, &b->pts[pi]);
      pos = b->pts[pi++].offset;
    }
    word_box(b, sg, pos, wend);
  }
  flush_word_items(b);
  b->nsegs = 0;
  b->wlen = 0;
}

static void add_char(builder *b, size_t run, size_t at)
{
  seg *last = b->nsegs ? &b->segs[b->nsegs - 1] : NULL;
  if (last && last->run == run && last->end == at) {
    last->end++;
  } else {
    if (!grow(&b->segs, &b->capsegs, b->nsegs + 1, sizeof(*b->segs))) {
      b->oom = true;
      return;
    }
    b->segs[b->nsegs++] = (seg){.run = run, .start = at, .end = at + 1, .woff = b->wlen};
  }
  if (!grow(&b->wtext, &b->wcap, b->wlen + 2, 1)) {
    b->oom = true;
    return;
  }
  b->wtext[b->wlen++] = b->runs[run].text[at];
  b->wtext[b->wlen] = '\0';
}

static void free_builder(builder *b)
{
  free(b->segs);
  free(b->wtext);
  free(b->pts);
  free(b->word);
  free(b->scratch);
}

jv_status jv_textflow__items(jv_tf_items *out, const jv_textflow_run *runs, size_t n_runs,
                             const jv_measure *m, const jv_textflow_opts *opts, jv_error *err)
{
  builder b = {.runs = runs, .m = m, .o = opts, .out = out};
  for (int st = 0; st < JV_FONT_STYLE_COUNT; st++) {
    b.hyphen_w[st] = jv_measure_width(m, (jv_font_style)st, opts->size, "-");
    b.space_w[st] = jv_measure_width(m, (jv_font_style)st, opts->size, " ");
  }
  out->space = b.space_w[JV_FONT_REGULAR];
  b.min_avail = opts->width - (opts->first_indent > 0 ? opts->first_indent : 0);

  /* whitespace seen since the last word: becomes glue before the next one */
  bool pending = false;
  jv_tf_item glue = {.kind = JV_TF_GLUE};
  size_t glue_bytes = 0;
  for (size_t r = 0; r < n_runs && !b.oom; r++) {
    const char *t = runs[r].text;
    for (size_t i = 0; t[i] && !b.oom; i++) {
      if (is_space(t[i])) {
        end_word(&b);
        if (!pending) {
          pending = true;
          glue.style = runs[r].style;
          glue.run = r, glue.start = i, glue.end = i + 1;
          glue.width = b.space_w[runs[r].style];
          glue.simple = t[i] == ' ';
          glue_bytes = 0;
        }
        glue_bytes++;
        continue;
      }
      if (pending && out->n > 0) {
        glue.simple = glue.simple && glue_bytes == 1;
        out_push(&b, glue);
      }
      pending = false;
      add_char(&b, r, i);
    }
  }
  end_word(&b);
  free_builder(&b);
  if (b.oom)
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  return JV_OK;
}

void jv_textflow__items_free(jv_tf_items *it)
{
  free(it->items);
  it->items = NULL;
  it->n = it->cap = 0;
}
