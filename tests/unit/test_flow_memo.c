/* Unit tests for the memo of broken lines that pagination keeps between
 * its flows (layout/paginate_balance.c, paginate_text.c): a flow that takes
 * its lines from the memo places every item where a flow without it does,
 * on a document of paragraphs, list items, a pull quote, forced line
 * breaks and two columns, also after a forced break and with other
 * margins (the memo must not serve lines of another width); the memo
 * holds the lines of the text blocks; jv_textflow_copy gives an
 * independent copy. A fake fixed-width font keeps the numbers exact. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/doc.h"
#include "layout/paginate_int.h"
#include "test_measure.h"

static const test_widths widths = {0.5, 0.55, 1}; /* bold a little wider, per byte */
static const jv_measure fake = {test_fake_width, (void *)&widths};

static const char *LONG = "Een alinea lopende tekst die over een aantal regels loopt, zodat er "
                          "regels afgebroken moeten worden en de verdeling over de pagina's "
                          "ertoe doet; leerplichtige jongeren, verzuimmeldingen en thuiszitters.";

static void build(jv_doc *doc)
{
  jv_doc_init(doc);
  for (int c = 0; c < 3; c++) {
    char h[32];
    snprintf(h, sizeof(h), "Hoofdstuk %d", c + 1);
    assert_int_equal(jv_doc_heading(doc, 1, h), JV_OK);
    for (int i = 0; i < 6; i++) {
      assert_int_equal(jv_doc_paragraph(doc, LONG, JV_FONT_REGULAR), JV_OK);
      assert_int_equal(jv_doc_run(doc, " met nadruk", JV_FONT_BOLD), JV_OK);
    }
    assert_int_equal(jv_doc_list_item(doc, 1, 1, 1, 0), JV_OK);
    assert_int_equal(jv_doc_run(doc, LONG, JV_FONT_REGULAR), JV_OK);
    assert_int_equal(jv_doc_quote(doc, "Een leerplichtambtenaar"), JV_OK);
    assert_int_equal(jv_doc_run(doc, LONG, JV_FONT_REGULAR), JV_OK);
    assert_int_equal(
        jv_doc_paragraph(doc, "Eerste regel\ntweede regel na een harde breuk", JV_FONT_REGULAR),
        JV_OK);
    assert_int_equal(jv_doc_columns_begin(doc), JV_OK);
    for (int i = 0; i < 4; i++)
      assert_int_equal(jv_doc_paragraph(doc, LONG, JV_FONT_REGULAR), JV_OK);
    assert_int_equal(jv_doc_columns_end(doc), JV_OK);
  }
}

static void assert_pages_equal(const jv_pages *a, const jv_pages *b)
{
  assert_int_equal(a->n_pages, b->n_pages);
  size_t texts = 0;
  for (size_t p = 0; p < a->n_pages; p++) {
    const jv_page *x = &a->pages[p], *y = &b->pages[p];
    assert_int_equal(x->n, y->n);
    for (size_t i = 0; i < x->n; i++) {
      const jv_item *s = &x->items[i], *t = &y->items[i];
      assert_int_equal(s->kind, t->kind);
      if (s->x != t->x || s->y != t->y || s->w != t->w || s->h != t->h || s->size != t->size)
        fail_msg("page %zu item %zu: at %g,%g against %g,%g", p, i, s->x, s->y, t->x, t->y);
      assert_int_equal(!s->text, !t->text);
      if (s->text) {
        assert_string_equal(s->text, t->text);
        texts++;
      }
    }
  }
  assert_true(texts > 200);
}

static void test_memo_flow_is_the_flow(void **state)
{
  (void)state;
  jv_doc doc;
  build(&doc);
  jv_page_style s;
  jv_page_style_default(&s);
  jv_pages plain, cold, warm;
  jv_pages_init(&plain, s.width, s.height);
  jv_pages_init(&cold, s.width, s.height);
  jv_pages_init(&warm, s.width, s.height);
  jv_flow_memo memo = {calloc(doc.n_blocks, sizeof(*memo.e)), doc.n_blocks};
  assert_non_null(memo.e);
  assert_int_equal(jv_flow__run(&doc, &s, &fake, NULL, NULL, &plain, NULL), JV_OK);
  assert_int_equal(jv_flow__run(&doc, &s, &fake, NULL, &memo, &cold, NULL), JV_OK);
  size_t kept = 0;
  for (size_t i = 0; i < memo.n; i++)
    kept += memo.e[i].valid;
  assert_true(kept >= 3 * 12); /* paragraphs, list items, quotes, column text */
  /* from the memo, with a forced break moving the second chapter */
  unsigned char *force = calloc(doc.n_blocks, 1);
  assert_non_null(force);
  assert_int_equal(jv_flow__run(&doc, &s, &fake, force, &memo, &warm, NULL), JV_OK);
  assert_pages_equal(&plain, &cold);
  assert_pages_equal(&plain, &warm);
  jv_pages_free(&warm);
  jv_pages_init(&warm, s.width, s.height);
  jv_pages_free(&plain);
  jv_pages_init(&plain, s.width, s.height);
  for (size_t i = 1; i < doc.n_blocks; i++)
    force[i] = doc.blocks[i].kind == JV_BLK_HEADING;
  assert_int_equal(jv_flow__run(&doc, &s, &fake, force, NULL, &plain, NULL), JV_OK);
  assert_int_equal(jv_flow__run(&doc, &s, &fake, force, &memo, &warm, NULL), JV_OK);
  assert_pages_equal(&plain, &warm);
  /* narrower margins: every block's width changes, the memo must not serve */
  s.margin_left -= 30;
  jv_pages_free(&warm);
  jv_pages_init(&warm, s.width, s.height);
  jv_pages_free(&plain);
  jv_pages_init(&plain, s.width, s.height);
  assert_int_equal(jv_flow__run(&doc, &s, &fake, force, NULL, &plain, NULL), JV_OK);
  assert_int_equal(jv_flow__run(&doc, &s, &fake, force, &memo, &warm, NULL), JV_OK);
  assert_pages_equal(&plain, &warm);
  for (size_t i = 0; i < memo.n; i++)
    jv_textflow_free(&memo.e[i].tf);
  free(memo.e);
  free(force);
  jv_pages_free(&plain);
  jv_pages_free(&cold);
  jv_pages_free(&warm);
  jv_doc_free(&doc);
}

static void test_textflow_copy(void **state)
{
  (void)state;
  jv_textflow_run runs[2] = {{LONG, JV_FONT_REGULAR}, {" vet", JV_FONT_BOLD}};
  jv_textflow_opts o = {.size = 10, .width = 150, .align = JV_TEXTFLOW_JUSTIFY};
  jv_textflow a, b;
  jv_error err;
  assert_int_equal(jv_textflow_break(&a, runs, 2, &fake, &o, &err), JV_OK);
  assert_true(a.n_lines > 3);
  assert_int_equal(jv_textflow_copy(&b, &a, &err), JV_OK);
  assert_int_equal(b.n_lines, a.n_lines);
  assert_int_equal(b.n_pieces, a.n_pieces);
  assert_memory_equal(b.lines, a.lines, a.n_lines * sizeof(*a.lines));
  for (size_t i = 0; i < a.n_pieces; i++) {
    assert_ptr_not_equal(b.pieces[i].text, a.pieces[i].text);
    assert_string_equal(b.pieces[i].text, a.pieces[i].text);
    assert_true(b.pieces[i].x == a.pieces[i].x);
  }
  jv_textflow_free(&a); /* the copy stands alone */
  assert_string_equal(b.pieces[b.n_pieces - 1].text, "vet");
  jv_textflow_free(&b);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_memo_flow_is_the_flow),
      cmocka_unit_test(test_textflow_copy),
  };
  return cmocka_run_group_tests_name("flow_memo", tests, NULL, NULL);
}
