/* Unit tests for the page-breaking rule that weighs white space (issue 15):
 * tables split rather than leave a page under 60 %, figures float past the
 * text after them (with their notes, which stay on their page), the page map says why a page stays
 * under 60 %, and every page but the cover has its running header and footer. A fake fixed-width
 * font (every byte 0.5 em wide) keeps the numbers exact. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/doc.h"
#include "layout/page_map.h"
#include "layout/paginate.h"
#include "layout/table.h"
#include "test_measure.h"

static const test_widths half_em = {0.5, 0.5, 1};
static const jv_measure fake = {test_fake_width, (void *)&half_em};

/* A figure that lays itself out as one box filling what it was given. */
static jv_status lay_out_box(void *ctx, const jv_measure *m, double w, double h, jv_scene *out,
                             jv_error *err)
{
  (void)ctx, (void)m;
  jv_scene_rect(out, 0, 0, w, h);
  jv_scene_fill(out, JV_FILL_WINDING);
  return jv_scene_status(out, err);
}

static void add_figure(jv_doc *doc, double h, const char *alt)
{
  jv_figure *fig = calloc(1, sizeof(*fig));
  assert_non_null(fig);
  fig->width = 400;
  fig->height = h;
  fig->lay_out = lay_out_box;
  fig->alt = strdup(alt);
  assert_int_equal(jv_doc_figure(doc, fig), JV_OK);
}

static void add_table(jv_doc *doc, size_t rows, const char *title)
{
  jv_table *t = malloc(sizeof(*t));
  assert_non_null(t);
  assert_int_equal(jv_table_init(t, 2, title, NULL), JV_OK);
  jv_table_set_header(t, 0, "Gemeente");
  jv_table_set_header(t, 1, "Aantal");
  for (size_t r = 0; r < rows; r++) {
    char name[32];
    snprintf(name, sizeof(name), "Gemeente %zu", r + 1);
    const char *cells[2] = {name, "7"};
    assert_int_equal(jv_table_add_row(t, JV_ROW_BODY, cells), JV_OK);
  }
  assert_int_equal(jv_doc_table(doc, t), JV_OK);
}

static const char *LONG = "Een alinea lopende tekst die over een aantal regels loopt, zodat er "
                          "iets is om een gat op de pagina mee te vullen. Nog een zin erbij, en "
                          "nog een, zodat de alinea zeker vier of vijf regels lang wordt.";

/* Page index of the first text item starting with prefix, -1 if none. */
static int page_of(const jv_pages *p, const char *prefix)
{
  for (size_t i = 0; i < p->n_pages; i++)
    for (size_t j = 0; j < p->pages[i].n; j++) {
      const jv_item *it = &p->pages[i].items[j];
      if (it->kind == JV_ITEM_TEXT && !strncmp(it->text, prefix, strlen(prefix)))
        return (int)i;
    }
  return -1;
}

/* Page index and top of the figure with height h. */
static int figure_page(const jv_pages *p, double h, double *top)
{
  for (size_t i = 0; i < p->n_pages; i++)
    for (size_t j = 0; j < p->pages[i].n; j++) {
      const jv_item *it = &p->pages[i].items[j];
      if (it->kind == JV_ITEM_FIGURE && it->figure->height == h) {
        *top = it->y;
        return (int)i;
      }
    }
  return -1;
}

static void layout(const jv_doc *doc, jv_page_style *s, jv_pages *pages)
{
  jv_page_style_default(s);
  s->running_title = "Lopende kop";
  jv_pages_init(pages, s->width, s->height);
  assert_int_equal(jv_paginate(doc, s, &fake, pages, NULL), JV_OK);
}

/* A table that fits a page, but not under a figure that fills a third of
 * the page: split there rather than leave the page two-thirds empty. */
static void test_table_split_rather_than_white(void **state)
{
  (void)state;
  jv_doc doc;
  jv_doc_init(&doc);
  jv_doc_heading(&doc, 1, "Hoofdstuk");
  add_figure(&doc, 200, "Figuur A");
  add_table(&doc, 36, "Tabel 1. Lang");
  jv_page_style s;
  jv_pages pages;
  layout(&doc, &s, &pages);
  assert_int_equal(page_of(&pages, "Tabel 1. Lang,"), -1);
  assert_int_equal(page_of(&pages, "Tabel 1. Lang"), 0);
  assert_int_equal(page_of(&pages, "Tabel 1. Lang (vervolg)"), 1);
  assert_true(pages.pages[0].fill >= JV_PAGE_MIN_FILL);
  assert_null(pages.pages[0].why);
  jv_pages_free(&pages);
  jv_doc_free(&doc);
}

/* On a page full enough already, a table that fits a page of its own is
 * kept whole and moves on. */
static void test_table_whole_on_full_page(void **state)
{
  (void)state;
  jv_doc doc;
  jv_doc_init(&doc);
  add_figure(&doc, 460, "Figuur A");
  add_table(&doc, 20, "Tabel 1. Kort");
  jv_page_style s;
  jv_pages pages;
  layout(&doc, &s, &pages);
  assert_int_equal(page_of(&pages, "Tabel 1. Kort"), 1);
  assert_int_equal(page_of(&pages, "Tabel 1. Kort (vervolg)"), -1);
  assert_true(pages.pages[0].fill >= JV_PAGE_MIN_FILL);
  jv_pages_free(&pages);
  jv_doc_free(&doc);
}

/* A figure that does not fit under the one before it floats past the text
 * after it: the text fills the gap, the figure opens the next page. */
static void test_figure_floats_past_text(void **state)
{
  (void)state;
  jv_doc doc;
  jv_doc_init(&doc);
  add_figure(&doc, 380, "Figuur A");
  add_figure(&doc, 350, "Figuur B");
  jv_doc_paragraph(&doc, "Eerste alinea na de figuur.", JV_FONT_REGULAR);
  for (int i = 0; i < 12; i++)
    jv_doc_paragraph(&doc, LONG, JV_FONT_REGULAR);
  jv_doc_heading(&doc, 2, "Volgende sectie");
  jv_page_style s;
  jv_pages pages;
  layout(&doc, &s, &pages);
  double top_b = 0;
  assert_int_equal(page_of(&pages, "Eerste"), 0); /* the text moved up */
  assert_int_equal(figure_page(&pages, 350, &top_b), 1);
  assert_true(top_b < s.margin_top + 1); /* at the top of the next page */
  assert_true(pages.pages[0].fill >= JV_PAGE_MIN_FILL);
  /* the page map notes B on page 2, and text after it there */
  char *map = jv_page_map_text(&pages, &doc);
  assert_non_null(map);
  const char *p2 = strstr(map, "page 2 of");
  assert_non_null(p2);
  assert_non_null(strstr(p2, "  - figure 'Figuur B'"));
  assert_non_null(strstr(p2, "  - paragraph 'Een alinea"));
  free(map);
  jv_pages_free(&pages);
  jv_doc_free(&doc);
}

/* With no text to float past, a figure that does not fit leaves the page
 * under 60 %, and the page map says which block could not be split. */
static void test_page_map_says_why(void **state)
{
  (void)state;
  jv_doc doc;
  jv_doc_init(&doc);
  add_figure(&doc, 300, "Figuur A");
  add_figure(&doc, 500, "Figuur B"); /* too tall to be drawn smaller under A */
  jv_doc_heading(&doc, 2, "Sectie");
  jv_doc_paragraph(&doc, LONG, JV_FONT_REGULAR);
  jv_page_style s;
  jv_pages pages;
  layout(&doc, &s, &pages);
  assert_int_equal(pages.n_pages, 2);
  assert_true(pages.pages[0].fill < JV_PAGE_MIN_FILL);
  assert_non_null(pages.pages[0].why);
  assert_non_null(
      strstr(pages.pages[0].why, "cannot be split and does not fit: figure 'Figuur B'"));
  assert_false(jv_page_map_chapter_end(&pages, &doc, 0));
  assert_true(jv_page_map_chapter_end(&pages, &doc, 1));
  char *map = jv_page_map_text(&pages, &doc);
  assert_non_null(strstr(map, "page 1 of 2: 4"));
  assert_non_null(strstr(map, "; under 60%: the next block cannot be split"));
  free(map);
  jv_pages_free(&pages);
  jv_doc_free(&doc);
}

/* With no text to float past, a figure that nearly fits (80 % of its
 * height) is drawn smaller below the one before it instead of leaving the
 * page under 60 %. */
static void test_figure_drawn_smaller_to_fit(void **state)
{
  (void)state;
  jv_doc doc;
  jv_doc_init(&doc);
  add_figure(&doc, 300, "Figuur A");
  add_figure(&doc, 420, "Figuur B");
  jv_doc_heading(&doc, 2, "Sectie");
  jv_doc_paragraph(&doc, LONG, JV_FONT_REGULAR);
  jv_page_style s;
  jv_pages pages;
  layout(&doc, &s, &pages);
  double top = 0;
  assert_int_equal(figure_page(&pages, 420, &top), 0);
  for (size_t j = 0; j < pages.pages[0].n; j++) {
    const jv_item *it = &pages.pages[0].items[j];
    if (it->kind == JV_ITEM_FIGURE && it->figure->height == 420) {
      assert_true(it->h < 420 && it->h >= 0.8 * 420);
      assert_true(it->y + it->h <= s.height - s.margin_bottom + 0.01);
    }
  }
  assert_true(pages.pages[0].fill >= JV_PAGE_MIN_FILL);
  jv_pages_free(&pages);
  jv_doc_free(&doc);
}

static const char *NOTE =
    "Noot bij figuur B: de cijfers van eerdere jaren zijn omgerekend naar de "
    "gemeentelijke indeling van het rapportjaar, zonder de gemeenten die toen "
    "niet bij de regio hoorden.";

/* A figure's note (jv_doc_figure_note) on the figure's page: a figure that
 * fits but leaves no room for its note moves on with it. */
static void test_figure_note_moves_with_figure(void **state)
{
  (void)state;
  jv_doc doc;
  jv_doc_init(&doc);
  add_figure(&doc, 460, "Figuur A"); /* the page is over 60 %: B is not drawn smaller */
  add_figure(&doc, 200, "Figuur B"); /* fits under A, its two-line note does not */
  assert_int_equal(jv_doc_figure_note(&doc, NOTE), JV_OK);
  jv_page_style s;
  jv_pages pages;
  layout(&doc, &s, &pages);
  double top = 0;
  int fig = figure_page(&pages, 200, &top);
  assert_int_equal(fig, 1);
  assert_int_equal(page_of(&pages, "Noot"), fig);
  jv_pages_free(&pages);
  jv_doc_free(&doc);
}

/* A figure with a note floats past the text after it with its note: the
 * text fills the gap, figure and note open the next page, in that order. */
static void test_figure_floats_with_its_note(void **state)
{
  (void)state;
  jv_doc doc;
  jv_doc_init(&doc);
  add_figure(&doc, 380, "Figuur A");
  add_figure(&doc, 350, "Figuur B");
  assert_int_equal(jv_doc_figure_note(&doc, NOTE), JV_OK);
  jv_doc_paragraph(&doc, "Eerste alinea na de figuur.", JV_FONT_REGULAR);
  for (int i = 0; i < 6; i++)
    jv_doc_paragraph(&doc, LONG, JV_FONT_REGULAR);
  jv_page_style s;
  jv_pages pages;
  layout(&doc, &s, &pages);
  double top = 0;
  int fig = figure_page(&pages, 350, &top);
  assert_int_equal(fig, 1);
  assert_true(top < s.margin_top + 1);
  assert_int_equal(page_of(&pages, "Noot"), fig);
  assert_int_equal(page_of(&pages, "Eerste"), 0); /* the text moved up */
  assert_true(pages.pages[0].fill >= JV_PAGE_MIN_FILL);
  /* the note right under the figure; in the structure after the figure */
  const jv_page *pg = &pages.pages[1];
  double note_y = 0;
  int fig_elem = -1, note_elem = -1;
  for (size_t j = 0; j < pg->n; j++) {
    const jv_item *it = &pg->items[j];
    if (it->kind == JV_ITEM_FIGURE)
      fig_elem = it->elem;
    if (it->kind == JV_ITEM_TEXT && !strcmp(it->text, "Noot") && note_y == 0) {
      note_y = it->y;
      note_elem = it->elem;
    }
  }
  assert_true(note_y > top + 350 && note_y < top + 350 + 40);
  assert_true(fig_elem >= 0 && note_elem == fig_elem + 1);
  jv_pages_free(&pages);
  jv_doc_free(&doc);
}

/* A chapter whose last page would hold only the tail of its last section
 * (an interview in two columns) starts that section on its last page, as
 * long as the page before stays at least 60 % full. */
static void test_last_section_balanced(void **state)
{
  (void)state;
  jv_doc doc;
  jv_doc_init(&doc);
  jv_doc_heading(&doc, 1, "Hoofdstuk");
  add_figure(&doc, 420, "Figuur A");
  jv_doc_heading(&doc, 2, "Interview");
  jv_doc_paragraph(&doc, "Inleiding van het interview.", JV_FONT_REGULAR);
  jv_doc_columns_begin(&doc);
  for (int i = 0; i < 9; i++)
    jv_doc_paragraph(&doc, LONG, JV_FONT_REGULAR);
  jv_doc_columns_end(&doc);
  jv_doc_heading(&doc, 1, "Volgend hoofdstuk");
  jv_page_style s;
  jv_pages pages;
  layout(&doc, &s, &pages);
  /* greedily the interview would start under the figure and spill a few
   * lines onto page 2; balanced, it starts on page 2 */
  assert_int_equal(page_of(&pages, "Interview"), 1);
  assert_int_equal(page_of(&pages, "Volgend hoofdstuk"), 2);
  assert_true(pages.pages[0].fill >= JV_PAGE_MIN_FILL);
  assert_true(pages.pages[1].fill >= 0.4);
  jv_pages_free(&pages);
  jv_doc_free(&doc);
}

/* Without a cover, page 1 has its running header and footer too; with a
 * cover, the cover has neither and page 2 has both. */
static void test_header_footer_without_cover(void **state)
{
  (void)state;
  for (int cover = 0; cover <= 1; cover++) {
    jv_doc doc;
    jv_doc_init(&doc);
    if (cover)
      jv_doc_cover(&doc, "Titel", NULL, "Regio", "2017-2018");
    jv_doc_heading(&doc, 1, "Hoofdstuk");
    jv_doc_paragraph(&doc, LONG, JV_FONT_REGULAR);
    jv_page_style s;
    jv_pages pages;
    layout(&doc, &s, &pages);
    int footer = -1, header = -1;
    for (size_t i = pages.n_pages; i-- > 0;)
      for (size_t j = 0; j < pages.pages[i].n; j++) {
        const jv_item *it = &pages.pages[i].items[j];
        if (it->kind == JV_ITEM_TEXT && !strncmp(it->text, "Pagina 1 van", 12))
          footer = (int)i;
        if (it->kind == JV_ITEM_TEXT && !strcmp(it->text, "Lopende kop"))
          header = (int)i;
      }
    if (cover) {
      assert_int_equal(footer, -1); /* the cover has no number */
      assert_int_equal(header, 1);
      assert_true(pages.pages[0].cover);
    } else {
      assert_int_equal(footer, 0);
      assert_int_equal(header, 0);
    }
    jv_pages_free(&pages);
    jv_doc_free(&doc);
  }
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_table_split_rather_than_white),
      cmocka_unit_test(test_table_whole_on_full_page),
      cmocka_unit_test(test_figure_floats_past_text),
      cmocka_unit_test(test_page_map_says_why),
      cmocka_unit_test(test_figure_drawn_smaller_to_fit),
      cmocka_unit_test(test_figure_note_moves_with_figure),
      cmocka_unit_test(test_figure_floats_with_its_note),
      cmocka_unit_test(test_last_section_balanced),
      cmocka_unit_test(test_header_footer_without_cover),
  };
  return cmocka_run_group_tests_name("paginate_fill", tests, NULL, NULL);
}
