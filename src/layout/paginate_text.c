/* paginate_text.c - running text in the flow: paragraphs, list items and
 * pull quotes set with the line breaker, split without widows or orphans,
 * and two-column blocks balanced on their last page. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/paginate_int.h"
#include "layout/paragraph_split.h"
#include "layout/textflow.h"

/* ---- paragraphs, list items, pull quotes -------------------------------- */

/* How one text block is set: where its lines start, how wide and large. */
typedef struct {
  double indent; /* from the frame's left edge */
  double width;
  double size, leading;
  jv_rgb color;
  int italic; /* set every run in italics (pull quotes) */
  int justify;
  double after; /* space below the block */
} text_fmt;

static text_fmt fmt_for(const flow *f, const jv_block *b)
{
  const jv_page_style *s = f->s;
  text_fmt t = {0, f->content_w, s->body_size,         s->body_leading, s->text,
                0, s->justify,   s->body_leading * 0.6};
  if (b->kind == JV_BLK_LIST_ITEM) {
    t.indent = 16.0 * b->level;
    t.width = f->content_w - t.indent;
    t.justify = 0;
    t.after = b->continued ? s->body_leading * 0.4 : s->body_leading * 0.25;
  } else if (b->kind == JV_BLK_QUOTE) {
    t.indent = 14;
    t.width = f->content_w - 14;
    t.size = s->body_size * 1.35;
    t.leading = t.size * 1.3;
    t.color = s->accent;
    t.italic = 1;
    t.justify = 0;
    t.after = b->text ? 4 : s->body_leading;
  }
  return t;
}

/* The memo entry of b when it is one of the document's blocks (not a
 * segment copied from one), else NULL. */
static jv_flow_memo_entry *memo_of(const flow *f, const jv_block *b)
{
  uintptr_t at = (uintptr_t)b, first = (uintptr_t)f->first, last = (uintptr_t)f->last;
  if (!f->memo || at < first || at >= last)
    return NULL;
  size_t i = (size_t)(b - f->first);
  return i < f->memo->n ? &f->memo->e[i] : NULL;
}

static int same_opts(const jv_textflow_opts *a, const jv_textflow_opts *b)
{
  return a->size == b->size && a->width == b->width && a->first_indent == b->first_indent &&
         a->align == b->align && a->hyph == b->hyph;
}

/* Breaks a block's runs into lines (caller frees tf); a copy of the last
 * flow's lines when the block was broken with the same options (the runs,
 * the measure and the style are the same in every flow of a document). */
static jv_status break_text(flow *f, const jv_block *b, const text_fmt *t, jv_textflow *tf)
{
  jv_textflow_run runs[64];
  size_t n = b->n_runs < 64 ? b->n_runs : 64;
  for (size_t i = 0; i < n; i++) {
    runs[i].text = b->runs[i].text;
    runs[i].style =
        t->italic ? (jv_font_style)(b->runs[i].style | JV_FONT_ITALIC) : b->runs[i].style;
  }
  jv_textflow_opts o = {.size = t->size,
                        .width = t->width,
                        .first_indent = 0,
                        .align = t->justify ? JV_TEXTFLOW_JUSTIFY : JV_TEXTFLOW_RAGGED,
                        .hyph = f->s->hyph};
  jv_flow_memo_entry *e = memo_of(f, b);
  if (e && e->valid && e->italic == t->italic && same_opts(&e->opts, &o))
    return jv_textflow_copy(tf, &e->tf, f->err);
  jv_status st = jv_textflow_break(tf, runs, n, f->m, &o, f->err);
  if (st == JV_OK && e) { /* a memo that cannot be made is no error */
    jv_textflow_free(&e->tf);
    e->valid = jv_textflow_copy(&e->tf, tf, NULL) == JV_OK;
    e->opts = o;
    e->italic = t->italic;
  }
  return st;
}

/* The marker of a list item ("•" or "3.") left of its first line. */
static jv_status list_marker(flow *f, const jv_block *b, const text_fmt *t, double base)
{
  char mark[16];
  if (b->ordered)
    snprintf(mark, sizeof(mark), "%d.", b->number);
  else
    snprintf(mark, sizeof(mark), "%s", b->level == 1 ? "\xE2\x80\xA2" : "\xE2\x80\x93");
  f->page->elem = f->elem_lbl < 0 ? JV_ELEM_ARTIFACT : f->elem_lbl;
  return jv_page_text(f->page, f->x0 + t->indent - 5, base, mark, JV_FONT_REGULAR, t->size,
                      f->s->accent, JV_TEXT_RIGHT)
             ? jv_flow__oom(f)
             : JV_OK;
}

/* The first and last word pieces of a line (the added hyphen not counted). */
static size_t last_word(const jv_textflow *tf, const jv_textflow_line *ln)
{
  size_t k = ln->first + ln->count - 1;
  return tf->pieces[k].inserted_hyphen && k > ln->first ? k - 1 : k;
}

/* Whether line ln ends inside a word: an added hyphen, or a hyphen of the
 * text ("proces-" "verbaal"; a line ending after '/' reads back as it is). */
static int broken_word(const jv_textflow *tf, const jv_textflow_line *ln)
{
  if (ln->end == JV_TEXTFLOW_END_HYPHEN)
    return 1;
  if (ln->end != JV_TEXTFLOW_END_EXPLICIT || ln->count == 0)
    return 0;
  const char *t = tf->pieces[ln->first + ln->count - 1].text;
  size_t n = strlen(t);
  return n > 0 && t[n - 1] == '-';
}

/* How piece k of line l reads back: a word space after it (also at a line end
 * that was a space), and for a word broken over two lines the whole word on
 * its first part and nothing on the hyphen and the rest, so a reader joins
 * "ingeschre-" "ven" but keeps the hyphen of "proces-" "verbaal". more: a
 * forced line break and more text follow the last line. */
static int mark_piece(jv_item *it, const jv_textflow *tf, size_t l, size_t k, int more)
{
  const jv_textflow_line *ln = &tf->lines[l];
  size_t end = ln->first + ln->count;
  it->space_after = k + 1 < end
                        ? tf->pieces[k + 1].space_before
                        : ln->end == JV_TEXTFLOW_END_SPACE || (more && l + 1 == tf->n_lines);
  const jv_textflow_line *prev = l > 0 ? &tf->lines[l - 1] : NULL;
  int joined = l + 1 < tf->n_lines && tf->lines[l + 1].count > 0 && broken_word(tf, ln);
  if (tf->pieces[k].inserted_hyphen) {
    it->actual = strdup("");
  } else if (prev && k == ln->first && broken_word(tf, prev)) {
    it->actual = strdup(it->space_after ? " " : "");
  } else if (joined && k == last_word(tf, ln)) {
    const char *rest = tf->pieces[tf->lines[l + 1].first].text;
    size_t a = strlen(tf->pieces[k].text), b = strlen(rest);
    it->actual = malloc(a + b + 1);
    if (it->actual) {
      memcpy(it->actual, tf->pieces[k].text, a);
      memcpy(it->actual + a, rest, b + 1);
    }
  } else {
    return 0;
  }
  return it->actual ? 0 : -1;
}

/* Places a text block's lines, splitting it over frames without widows or
 * orphans; with emit == 0 only counts its lines. last == 0: a forced line
 * break follows, so no space below. */
static jv_status flow_lines(flow *f, const jv_block *b, int emit, int last, size_t *n_lines)
{
  text_fmt t = fmt_for(f, b);
  if (!last)
    t.after = 0;
  jv_textflow tf;
  jv_status st = break_text(f, b, &t, &tf);
  if (st)
    return st;
  *n_lines = tf.n_lines;
  size_t done = 0;
  double bar_top = f->y;
  while (emit && done < tf.n_lines) {
    size_t room = avail(f) > 0 ? (size_t)(avail(f) / t.leading) : 0;
    size_t here = jv_para_split(tf.n_lines - done, room, at_top(f));
    if (done > 0 && here < 2 && tf.n_lines - done > here)
      here = 0; /* never one line of a split paragraph alone */
    if (here == 0) {
      if ((st = jv_flow__next_frame(f)))
        break;
      bar_top = f->y;
      continue;
    }
    for (size_t l = done; l < done + here && !st; l++) {
      const jv_textflow_line *ln = &tf.lines[l];
      double base = f->y + t.size;
      if (l == 0 && b->kind == JV_BLK_LIST_ITEM && !b->continued)
        st = list_marker(f, b, &t, base);
      f->page->elem = f->elem_text < 0 ? JV_ELEM_ARTIFACT : f->elem_text;
      for (size_t k = ln->first; !st && k < ln->first + ln->count; k++) {
        const jv_textflow_piece *pc = &tf.pieces[k];
        if (!pc->text[0])
          continue;
        if (jv_page_text(f->page, f->x0 + t.indent + pc->x, base, pc->text, pc->style, t.size,
                         t.color, JV_TEXT_LEFT)) {
          st = jv_flow__oom(f);
          break;
        }
        jv_item *it = jv_page_last(f->page);
        if (mark_piece(it, &tf, l, k, !last))
          st = jv_flow__oom(f);
      }
      f->y += t.leading;
    }
    if (!st && b->kind == JV_BLK_QUOTE &&
        jv_page_rect(f->page, f->x0, bar_top + 2, 3, f->y - bar_top - 2, f->s->accent))
      st = jv_flow__oom(f);
    done += here;
    if (!st && done < tf.n_lines) {
      st = jv_flow__next_frame(f);
      bar_top = f->y;
    }
  }
  jv_textflow_free(&tf);
  if (emit && !st && last && b->kind == JV_BLK_QUOTE && b->text) {
    if (jv_flow__elem(f, JV_SE_P, f->elem_quote) < 0 ||
        jv_page_text(f->page, f->x0 + t.indent, f->y + f->s->body_size, b->text, JV_FONT_BOLD,
                     f->s->body_size - 1, f->s->muted, JV_TEXT_LEFT))
      st = jv_flow__oom(f);
    f->y += f->s->body_leading + f->s->body_leading * 0.6;
  }
  if (emit && !st)
    f->y += t.after;
  return st;
}

/* A text block whose runs hold forced line breaks ('\n', from Markdown hard
 * breaks) is set as consecutive segments, each starting a new line. */
jv_status jv_flow__paragraph(flow *f, const jv_block *b, int emit, size_t *n_lines)
{
  int has_break = 0;
  for (size_t i = 0; i < b->n_runs && !has_break; i++)
    has_break = strchr(b->runs[i].text, '\n') != NULL;
  if (!has_break)
    return flow_lines(f, b, emit, 1, n_lines);
  jv_block seg = *b;
  jv_run runs[64];
  char *copies[64];
  size_t nr = 0, ncopies = 0, total = 0;
  jv_status st = JV_OK;
  seg.runs = runs;
  for (size_t i = 0; i < b->n_runs && !st; i++) {
    const char *p = b->runs[i].text;
    for (;;) {
      size_t len = strcspn(p, "\n");
      if (len > 0 && nr < 64 && ncopies < 64) {
        char *c = strndup(p, len);
        if (!c) {
          st = jv_flow__oom(f);
          break;
        }
        copies[ncopies++] = c;
        runs[nr].text = c;
        runs[nr++].style = b->runs[i].style;
      }
      if (p[len] != '\n')
        break;
      /* a break: set what came before it */
      int last = 0;
      size_t n = 0;
      seg.n_runs = nr;
      if (nr > 0)
        st = flow_lines(f, &seg, emit, last, &n);
      total += n;
      seg.continued = 1; /* later segments carry no list marker */
      nr = 0;
      p += len + 1;
      if (st)
        break;
    }
  }
  if (!st && nr > 0) {
    size_t n = 0;
    seg.n_runs = nr;
    st = flow_lines(f, &seg, emit, 1, &n);
    total += n;
  }
  for (size_t i = 0; i < ncopies; i++)
    free(copies[i]);
  *n_lines = total;
  return st;
}

double jv_flow__notes_height(flow *f, const jv_block *b)
{
  double h = 0;
  for (const jv_block *n = b + 1; n < f->last && n->keep_with_prev; n++) {
    text_fmt t = fmt_for(f, n);
    size_t lines = 0;
    if (jv_flow__paragraph(f, n, 0, &lines))
      return 1e9;
    /* the space after the last one need not fit on the page */
    h += (double)lines * t.leading + (n + 1 < f->last && n[1].keep_with_prev ? t.after : 0);
  }
  return h > 0 ? h + FIGURE_GAP : 0; /* and the space between figure and notes */
}

jv_status jv_flow__put_paragraph(flow *f, const jv_block *b)
{
  size_t n;
  return jv_flow__paragraph(f, b, 1, &n);
}

/* ---- two columns -------------------------------------------------------- */

/* Height the blocks from f->cur up to the end of the column block take in
 * one column (an estimate: a block already half placed counts whole). */
static double columns_height(flow *f)
{
  double h = 0;
  for (const jv_block *b = f->cur; b && b < f->last && b->kind != JV_BLK_COLUMNS_END; b++) {
    if (b->kind == JV_BLK_HEADING) {
      h += jv_flow__heading_height(f, b->level);
    } else if (b->kind == JV_BLK_PARAGRAPH || b->kind == JV_BLK_LIST_ITEM ||
               b->kind == JV_BLK_QUOTE) {
      text_fmt t = fmt_for(f, b);
      size_t n = 0;
      if (jv_flow__paragraph(f, b, 0, &n))
        return 1e9;
      h += (double)n * t.leading + t.after;
      if (b->kind == JV_BLK_QUOTE && b->text)
        h += f->s->body_leading * 1.6;
    } else if (b->kind == JV_BLK_FIGURE) {
      /* an estimate: the figure and the gap below it, not its caption line */
      h += jv_flow__figure_height(f, b->figure) + FIGURE_GAP;
    }
  }
  return h;
}

/* When what is left of a column block fits in the two columns of this page,
 * end the left column about halfway so both columns come out even. */
void jv_flow__balance_columns(flow *f)
{
  double room = f->page_bottom - f->y;
  double h = columns_height(f);
  if (h < 2 * room - 2 * f->s->body_leading) {
    double half = h / 2 + 1.5 * f->s->body_leading;
    f->bottom = f->y + half < f->page_bottom ? f->y + half : f->page_bottom;
  }
}

jv_status jv_flow__columns_begin(flow *f)
{
  f->full_w = f->content_w;
  f->content_w = (f->full_w - COL_GAP) / 2;
  f->columns = 1;
  f->col = 0;
  f->col_top = f->y;
  f->x0 = f->s->margin_left;
  f->cur++; /* the blocks after this marker */
  jv_flow__balance_columns(f);
  f->cur--;
  return JV_OK;
}

jv_status jv_flow__columns_end(flow *f)
{
  if (!f->columns)
    return JV_OK;
  if (f->col == 1 && f->col_low > f->y)
    f->y = f->col_low;
  f->columns = 0;
  f->col = 0;
  f->bottom = f->page_bottom;
  f->content_w = f->full_w;
  f->x0 = f->s->margin_left;
  f->y += 6;
  return JV_OK;
}
