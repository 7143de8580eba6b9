/* Unit tests for table layout and pagination decisions, with a fake
 * fixed-width font (every byte 0.5 em wide) so the numbers are exact. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/doc.h"
#include "layout/paginate.h"
#include "layout/table.h"
#include "test_measure.h"

static const test_widths half_em = {0.5, 0.5, 1};
static const jv_measure fake = {test_fake_width, (void *)&half_em};

static jv_table *make_table(size_t rows, const char *title)
{
  jv_table *t = malloc(sizeof(*t));
  assert_non_null(t);
  assert_int_equal(jv_table_init(t, 3, title, NULL), JV_OK);
  jv_table_set_header(t, 0, "Gemeente");
  jv_table_set_header(t, 1, "Totaal\n5 t/m 15 jaar");
  jv_table_set_header(t, 2, "Absoluut verzuimers per 1.000");
  for (size_t r = 0; r < rows; r++) {
    char name[32], n[16];
    snprintf(name, sizeof(name), "Gemeente %zu", r + 1);
    snprintf(n, sizeof(n), "%zu", r * 7);
    const char *cells[3] = {name, n, "0,6"};
    assert_int_equal(jv_table_add_row(t, r + 1 == rows ? JV_ROW_TOTAL : JV_ROW_BODY, cells), JV_OK);
  }
  return t;
}

static void free_table(jv_table *t)
{
  jv_table_free(t);
  free(t);
}

static void test_column_widths(void **state)
{
  (void)state;
  jv_table *t = make_table(5, "T");
  jv_table_style s;
  jv_table_style_default(&s);
  jv_table_geom g;
  assert_int_equal(jv_table_layout(t, &s, &fake, 400, &g, NULL), JV_OK);
  /* first column: widest cell "Gemeente 5" = 10 bytes * 0.5 * 8.5 + 2 pads */
  assert_true(g.col_w[0] > 10 * 0.5 * 8.5 + 9.99 && g.col_w[0] < 10 * 0.5 * 8.5 + 10.01);
  /* the other two share the rest equally and the table spans the width */
  assert_true(g.col_w[1] > g.col_w[2] - 0.01 && g.col_w[1] < g.col_w[2] + 0.01);
  assert_true(g.width > 399.99 && g.width < 400.01);
  /* forced break in header 1, and header 2 wraps at spaces: >= 2 lines */
  assert_true(g.header_lines >= 2);
  assert_string_equal(g.header_wrapped[1][0], "Totaal");
  assert_string_equal(g.header_wrapped[1][1], "5 t/m 15 jaar");
  jv_table_geom_free(&g, t->n_cols);
  free_table(t);
}

static void test_table_too_wide(void **state)
{
  (void)state;
  jv_table *t = make_table(3, "T");
  jv_table_style s;
  jv_table_style_default(&s);
  jv_table_geom g;
  jv_error err;
  jv_error_clear(&err);
  assert_int_equal(jv_table_layout(t, &s, &fake, 60, &g, &err), JV_EDATA);
  assert_non_null(strstr(err.msg, "needs"));
  free_table(t);
}

static void test_rows_fitting(void **state)
{
  (void)state;
  jv_table *t = make_table(20, "T");
  jv_table_style s;
  jv_table_style_default(&s);
  jv_table_geom g;
  assert_int_equal(jv_table_layout(t, &s, &fake, 400, &g, NULL), JV_OK);
  double fixed = g.title_h + g.header_h;
  /* everything fits */
  assert_int_equal(jv_table_rows_fitting(t, &s, &g, 0, fixed + 20 * s.row_height + g.source_h, 3),
                   20);
  /* room for 10 rows: 10 go here */
  assert_int_equal(jv_table_rows_fitting(t, &s, &g, 0, fixed + 10.5 * s.row_height, 3), 10);
  /* room for 2 rows only: nothing starts here (no orphaned header) */
  assert_int_equal(jv_table_rows_fitting(t, &s, &g, 0, fixed + 2.5 * s.row_height, 3), 0);
  /* room for 19 of 20: leave at least 3 for the next page -> 17 */
  assert_int_equal(jv_table_rows_fitting(t, &s, &g, 0, fixed + 19.5 * s.row_height, 3), 17);
  /* a continuation has no title */
  assert_int_equal(jv_table_rows_fitting(t, &s, &g, 10, g.header_h + 4.5 * s.row_height, 3), 4);
  jv_table_geom_free(&g, t->n_cols);
  free_table(t);
}

/* counts pages whose text items include s */
static int pages_with(const jv_pages *p, const char *s)
{
  int n = 0;
  for (size_t i = 0; i < p->n_pages; i++) {
    for (size_t j = 0; j < p->pages[i].n; j++) {
      const jv_item *it = &p->pages[i].items[j];
      if (it->kind == JV_ITEM_TEXT && strstr(it->text, s)) {
        n++;
        break;
      }
    }
  }
  return n;
}

static int page_of(const jv_pages *p, const char *s)
{
  for (size_t i = 0; i < p->n_pages; i++)
    for (size_t j = 0; j < p->pages[i].n; j++)
      if (p->pages[i].items[j].kind == JV_ITEM_TEXT && strcmp(p->pages[i].items[j].text, s) == 0)
        return (int)i;
  return -1;
}

static void test_long_table_repeats_header(void **state)
{
  (void)state;
  jv_doc doc;
  jv_doc_init(&doc);
  assert_int_equal(jv_doc_heading(&doc, 1, "Hoofdstuk"), JV_OK);
  assert_int_equal(jv_doc_table(&doc, make_table(120, "Tabel 1. Lang")), JV_OK);
  jv_page_style s;
  jv_page_style_default(&s);
  jv_pages pages;
  jv_pages_init(&pages, s.width, s.height);
  assert_int_equal(jv_paginate(&doc, &s, &fake, &pages, NULL), JV_OK);
  assert_true(pages.n_pages >= 3);
  /* every page holding rows holds the header too */
  int with_rows = 0;
  for (size_t i = 0; i < pages.n_pages; i++) {
    int rows = 0, header = 0;
    for (size_t j = 0; j < pages.pages[i].n; j++) {
      const jv_item *it = &pages.pages[i].items[j];
      if (it->kind != JV_ITEM_TEXT)
        continue;
      rows |= strncmp(it->text, "Gemeente ", 9) == 0;
      header |= strcmp(it->text, "Gemeente") == 0;
    }
    if (rows) {
      with_rows++;
      assert_true(header);
    }
  }
  assert_true(with_rows >= 2);
  assert_int_equal(pages_with(&pages, "(vervolg)"), with_rows - 1);
  /* every row placed exactly once */
  for (int r = 1; r <= 120; r++) {
    char name[32];
    snprintf(name, sizeof(name), "Gemeente %d", r);
    assert_true(page_of(&pages, name) >= 0);
  }
  /* "Pagina 2 van N" footer numbering */
  char foot[64];
  snprintf(foot, sizeof(foot), "Pagina 2 van %zu", pages.n_pages);
  assert_int_equal(pages_with(&pages, foot), 1);
  jv_pages_free(&pages);
  jv_doc_free(&doc);
}

static void test_heading_kept_with_table(void **state)
{
  (void)state;
  jv_doc doc;
  jv_doc_init(&doc);
  jv_doc_heading(&doc, 1, "Hoofdstuk");
  jv_doc_table(&doc, make_table(30, "Tabel 1. Eerste"));
  jv_doc_heading(&doc, 2, "Sectie");
  jv_doc_paragraph(&doc, "Een korte inleiding op de tweede tabel.", JV_FONT_REGULAR);
  jv_doc_table(&doc, make_table(18, "Tabel 2. Tweede"));
  jv_page_style s;
  jv_page_style_default(&s);
  jv_pages pages;
  jv_pages_init(&pages, s.width, s.height);
  assert_int_equal(jv_paginate(&doc, &s, &fake, &pages, NULL), JV_OK);
  /* the section heading lands on the page of its table, not alone above it */
  assert_int_equal(page_of(&pages, "Sectie"), page_of(&pages, "Tabel 2. Tweede"));
  /* an 18-row table that fits a page is not split */
  assert_int_equal(pages_with(&pages, "Tabel 2. Tweede (vervolg)"), 0);
  /* outline: chapter, table 1, section, table 2 */
  assert_int_equal(pages.n_outline, 4);
  assert_string_equal(pages.outline[2].title, "Sectie");
  assert_int_equal(pages.outline[2].level, 1);
  jv_pages_free(&pages);
  jv_doc_free(&doc);
}

#define LONG_NOTE                                                                                  \
  "2017-2018 omgerekend naar de gemeentelijke indeling 2020 (Hoeksche Waard en Molenlanden: "      \
  "opgeteld uit de gemeenten waaruit ze zijn ontstaan), met nog wat woorden zodat deze voetnoot "  \
  "over drie regels van de tabel loopt en niet over twee."

static void test_table_note_wrapped(void **state)
{
  (void)state;
  jv_table *t = make_table(5, "T");
  assert_int_equal(jv_table_set_note(t, "* Kort.\n" LONG_NOTE "\n¹ Derde."), JV_OK);
  jv_table_style s;
  jv_table_style_default(&s);
  jv_table_geom g;
  assert_int_equal(jv_table_layout(t, &s, &fake, 400, &g, NULL), JV_OK);
  /* 3.75 pt a character: about 106 on a line, the long footnote on three */
  assert_int_equal(g.note_n, 5);
  const bool starts[5] = {true, true, false, false, true};
  char joined[600] = "";
  for (size_t i = 0; i < g.note_n; i++) {
    assert_int_equal(g.note_starts[i], starts[i]);
    assert_true(fake.width(fake.ctx, JV_FONT_ITALIC, s.header_size, g.note_lines[i]) <= g.width);
    if (i >= 1 && i <= 3)
      snprintf(joined + strlen(joined), sizeof(joined) - strlen(joined), "%s%s", i > 1 ? " " : "",
               g.note_lines[i]);
  }
  assert_string_equal(joined, LONG_NOTE);
  assert_string_equal(g.note_lines[0], "* Kort.");
  /* the notes count in the table's height, one line each (no source line) */
  assert_true(fabs(g.source_h - 5 * s.header_size * 1.3) < 1e-9);
  jv_table_geom_free(&g, t->n_cols);
  free_table(t);
}

/* A page filled to a third, then a 30-row table with notes that does not
 * fit below: split for the fill unless kept (t->keep), then it moves whole
 * and its notes are on the page of all its rows. */
static void paginate_noted(int keep, jv_pages *pages)
{
  jv_doc doc;
  jv_doc_init(&doc);
  for (int i = 0; i < 5; i++)
    jv_doc_paragraph(&doc,
                     "Een alinea die de pagina voor een deel vult, lang genoeg om over "
                     "een aantal regels te lopen; de tabel hieronder past er dan niet meer onder "
                     "en de vraag is of hij gesplitst wordt of heel naar de volgende pagina gaat.",
                     JV_FONT_REGULAR);
  jv_table *t = make_table(30, "Tabel 1. Met noten");
  assert_int_equal(jv_table_set_note(t, "¹ Gemeente 4: niet vergelijkbaar.\n" LONG_NOTE), JV_OK);
  t->keep = keep;
  assert_int_equal(jv_doc_table(&doc, t), JV_OK);
  jv_page_style s;
  jv_page_style_default(&s);
  jv_pages_init(pages, s.width, s.height);
  assert_int_equal(jv_paginate(&doc, &s, &fake, pages, NULL), JV_OK);
  jv_doc_free(&doc);
}

static void test_table_kept_with_notes(void **state)
{
  (void)state;
  jv_pages pages;
  paginate_noted(0, &pages); /* the fill rule splits it: the notes go with the last part */
  assert_int_equal(pages_with(&pages, "Tabel 1. Met noten (vervolg)"), 1);
  assert_int_equal(page_of(&pages, "Gemeente 4"), 0);
  assert_int_equal(page_of(&pages, "¹ Gemeente 4: niet vergelijkbaar."), 1);
  jv_pages_free(&pages);
  paginate_noted(1, &pages); /* kept: whole on the next page, the notes under it */
  assert_int_equal(pages_with(&pages, "(vervolg)"), 0);
  int p = page_of(&pages, "Tabel 1. Met noten");
  assert_int_equal(p, 1);
  assert_int_equal(page_of(&pages, "Gemeente 4"), p);
  assert_int_equal(page_of(&pages, "Gemeente 30"), p);
  assert_int_equal(page_of(&pages, "¹ Gemeente 4: niet vergelijkbaar."), p);
  assert_int_equal(pages.n_pages, 2); /* so the long footnote's end is on p too */
  assert_int_equal(pages_with(&pages, "niet over twee."), 1);
  jv_pages_free(&pages);
}

/* lowest baseline of text items whose x lies in [x0, x1) */
static double lowest_in(const jv_page *pg, double x0, double x1)
{
  double low = 0;
  for (size_t j = 0; j < pg->n; j++) {
    const jv_item *it = &pg->items[j];
    if (it->kind == JV_ITEM_TEXT && it->x >= x0 && it->x < x1 && it->y > low && it->size == 10 &&
        strncmp(it->text, "Na de", 5) != 0)
      low = it->y;
  }
  return low;
}

static void test_columns_balanced(void **state)
{
  (void)state;
  jv_doc doc;
  jv_doc_init(&doc);
  jv_doc_heading(&doc, 1, "Interview");
  jv_doc_columns_begin(&doc);
  for (int i = 0; i < 8; i++)
    jv_doc_paragraph(&doc,
                     "Een alinea van een interview in twee kolommen, lang genoeg om over een "
                     "aantal regels te lopen zodat de kolommen iets te verdelen hebben.",
                     JV_FONT_REGULAR);
  jv_doc_columns_end(&doc);
  jv_doc_paragraph(&doc, "Na de kolommen.", JV_FONT_REGULAR);
  jv_page_style s;
  jv_page_style_default(&s);
  jv_pages pages;
  jv_pages_init(&pages, s.width, s.height);
  assert_int_equal(jv_paginate(&doc, &s, &fake, &pages, NULL), JV_OK);
  assert_int_equal(pages.n_pages, 1); /* fits one page: no spill */
  double mid = s.margin_left + (s.width - s.margin_left - s.margin_right) / 2;
  double left = lowest_in(&pages.pages[0], s.margin_left, mid);
  double right = lowest_in(&pages.pages[0], mid, s.width);
  assert_true(right > 0);
  /* both columns end within a few lines of each other */
  assert_true(left - right < 3 * s.body_leading && right - left < 3 * s.body_leading);
  /* text after the block starts below both columns, at the left margin */
  int found = 0;
  for (size_t j = 0; j < pages.pages[0].n; j++) {
    const jv_item *it = &pages.pages[0].items[j];
    if (it->kind == JV_ITEM_TEXT && strncmp(it->text, "Na de", 5) == 0) {
      found = 1;
      assert_true(it->y > left && it->y > right);
      assert_true(it->x < s.margin_left + 1);
    }
  }
  assert_true(found);
  jv_pages_free(&pages);
  jv_doc_free(&doc);
}

static void test_forced_break_and_list_marker(void **state)
{
  (void)state;
  jv_doc doc;
  jv_doc_init(&doc);
  jv_doc_paragraph(&doc, "Naam\nFunctie", JV_FONT_REGULAR);
  jv_doc_list_item(&doc, 1, 3, 1, 0);
  jv_doc_run(&doc, "Derde punt", JV_FONT_REGULAR);
  jv_page_style s;
  jv_page_style_default(&s);
  jv_pages pages;
  jv_pages_init(&pages, s.width, s.height);
  assert_int_equal(jv_paginate(&doc, &s, &fake, &pages, NULL), JV_OK);
  double y_naam = -1, y_functie = -1, y_marker = -1, y_item = -1, x_marker = 0, x_item = 0;
  for (size_t j = 0; j < pages.pages[0].n; j++) {
    const jv_item *it = &pages.pages[0].items[j];
    if (it->kind != JV_ITEM_TEXT)
      continue;
    if (!strcmp(it->text, "Naam"))
      y_naam = it->y;
    if (!strcmp(it->text, "Functie"))
      y_functie = it->y;
    if (!strcmp(it->text, "3."))
      y_marker = it->y, x_marker = it->x;
    if (!strncmp(it->text, "Derde", 5))
      y_item = it->y, x_item = it->x;
  }
  /* the forced break puts "Functie" on the next line, not beside "Naam" */
  assert_true(y_naam > 0 && y_functie > y_naam);
  assert_true(y_functie - y_naam < 2 * s.body_leading);
  /* the numbered item has its marker on its first line, left of its text */
  assert_true(y_marker > 0 && y_marker == y_item);
  assert_true(x_marker < x_item);
  jv_pages_free(&pages);
  jv_doc_free(&doc);
}

/* A figure that lays itself out as one box filling what it was given. */
static jv_status lay_out_box(void *ctx, const jv_measure *m, double w, double h, jv_scene *out,
                             jv_error *err)
{
  (void)ctx, (void)m;
  jv_scene_rect(out, 0, 0, w, h);
  jv_scene_fill(out, JV_FILL_WINDING);
  return jv_scene_status(out, err);
}

static void test_tall_figure_fits_page(void **state)
{
  (void)state;
  jv_doc doc;
  jv_doc_init(&doc);
  jv_doc_paragraph(&doc, "Eerst wat tekst.", JV_FONT_REGULAR);
  jv_figure *fig = calloc(1, sizeof(*fig));
  fig->width = 400;
  fig->height = 2000; /* a chart of very many municipalities */
  fig->lay_out = lay_out_box;
  jv_doc_figure(&doc, fig);
  jv_page_style s;
  jv_page_style_default(&s);
  jv_pages pages;
  jv_pages_init(&pages, s.width, s.height);
  assert_int_equal(jv_paginate(&doc, &s, &fake, &pages, NULL), JV_OK);
  int found = 0;
  for (size_t i = 0; i < pages.n_pages; i++)
    for (size_t j = 0; j < pages.pages[i].n; j++) {
      const jv_item *it = &pages.pages[i].items[j];
      if (it->kind != JV_ITEM_FIGURE)
        continue;
      found = 1;
      assert_true(it->y >= s.margin_top - 0.01);
      assert_true(it->y + it->h <= s.height - s.margin_bottom + 0.01);
      /* laid out in the box the page gave it, not the 2000 points asked */
      assert_non_null(it->scene);
      assert_int_equal(it->scene->n_op, 6);
      assert_true(fabs(jv_scene_num(it->scene, &it->scene->op[2], 1) - it->h) < 1e-9);
    }
  assert_true(found);
  jv_pages_free(&pages);
  jv_doc_free(&doc);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_column_widths),
      cmocka_unit_test(test_table_too_wide),
      cmocka_unit_test(test_rows_fitting),
      cmocka_unit_test(test_long_table_repeats_header),
      cmocka_unit_test(test_heading_kept_with_table),
      cmocka_unit_test(test_table_note_wrapped),
      cmocka_unit_test(test_table_kept_with_notes),
      cmocka_unit_test(test_columns_balanced),
      cmocka_unit_test(test_forced_break_and_list_marker),
      cmocka_unit_test(test_tall_figure_fits_page),
  };
  return cmocka_run_group_tests_name("layout", tests, NULL, NULL);
}
