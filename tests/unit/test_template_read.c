/* Unit tests for the template reader, part 1: front matter, Markdown to
 * nodes, directives and located errors. Files are written to a fresh
 * temporary directory (template_fixture.h). */
#define _XOPEN_SOURCE 700 /* mkdtemp, nftw, symlink */

#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* cmocka.h needs the headers above first */
#include <cmocka.h>
#include <png.h>

#include "input/template_read.h"
#include "model/template.h"

#include "template_fixture.h"

/* ---- front matter ------------------------------------------------------- */

static void test_front_matter(void **state)
{
  fixture *fx = *state;
  write_logo(fx->dir, "logo.png");
  jv_tpl t;
  jv_error e;
  jv_status st = parse(fx,
                       "---\n"
                       "# a comment\n"
                       "titel: Jaarverslag Leerplicht\n"
                       "regio: \"Zuid-Holland Zuid\"\n"
                       "schooljaar: 2017/2018\n"
                       "auteur: LVS\n"
                       "kleur: #0B5F73\n"
                       "\n"
                       "logo: logo.png\n"
                       "uitlijning: links\n"
                       "---\n"
                       "\n"
                       "Tekst.\n",
                       &t, &e);
  assert_int_equal(st, JV_OK);
  assert_string_equal(t.meta.titel, "Jaarverslag Leerplicht");
  assert_string_equal(t.meta.regio, "Zuid-Holland Zuid");
  assert_string_equal(t.meta.schooljaar, "2017-2018");
  assert_true(t.meta.has_schooljaar);
  assert_int_equal(t.meta.year.start, 2017);
  assert_string_equal(t.meta.auteur, "LVS");
  assert_true(t.meta.has_kleur);
  assert_int_equal(t.meta.kleur, 0x0B5F73);
  assert_int_equal(t.meta.uitlijning, JV_TPL_LEFT);
  assert_non_null(t.meta.logo);
  assert_true(t.meta.logo[0] == '/');
  assert_non_null(strstr(t.meta.logo, "/tpl/logo.png"));
  /* decoded while reading, so the layout never opens the file */
  assert_non_null(t.meta.logo_image);
  assert_int_equal(t.meta.logo_image->width, 3);
  assert_int_equal(t.meta.logo_image->height, 2);
  /* the body keeps the file's own line numbers */
  assert_int_equal(t.n_nodes, 1);
  assert_int_equal(node(&t, 0)->line, 13);
  jv_tpl_free(&t);

  st = parse(fx, FM "Tekst.\n", &t, &e);
  assert_int_equal(st, JV_OK);
  assert_int_equal(t.meta.uitlijning, JV_TPL_JUSTIFY); /* the default */
  assert_false(t.meta.has_kleur);
  assert_null(t.meta.logo);
  jv_tpl_free(&t);
}

static void test_front_matter_errors(void **state)
{
  fixture *fx = *state;
  expect_error(fx, "---\ntitel: T\ntitle: T\n---\n", 3, "did you mean titel");
  expect_error(fx, "---\ntitel: T\nkleur: #0B5F7\n---\n", 3, "#RRGGBB");
  expect_error(fx, "---\ntitel: T\nschooljaar: 2017-2019\n---\n", 3, "2017-2018");
  expect_error(fx, "---\ntitel: T\nuitlijning: rechts\n---\n", 3, "uitgevuld or links");
  expect_error(fx, "---\ntitel: T\ntitel: U\n---\n", 3, "twice");
  expect_error(fx, "---\ntitel T\n---\n", 2, "key: value");
  expect_error(fx, "---\ntitel: T\n\nTekst\n", 1, "not closed");
  expect_error(fx, "---\nregio: R\n---\n", 1, "needs titel");
  expect_error(fx, "# Kop\n", 1, "front matter");
  expect_error(fx, "---\ntitel: T\nlogo: /etc/hostname\n---\n", 3, "relative");
  expect_error(fx, "---\ntitel: T\nlogo: ../logo.png\n---\n", 3, "outside");
  /* a damaged logo is an error at its line, never a crash later on */
  put_s(fx->dir, "fake.png", "not really a png");
  expect_error(fx, "---\ntitel: T\n\nlogo: fake.png\n---\n", 4,
               "logo 'fake.png': not a PNG or JPEG");
  write_logo(fx->dir, "cut.png");
  char cut[160];
  snprintf(cut, sizeof(cut), "%s/cut.png", fx->dir);
  assert_int_equal(truncate(cut, 45), 0);
  expect_error(fx, "---\ntitel: T\nlogo: cut.png\n---\n", 3, "corrupt PNG image");
}

/* ---- Markdown ----------------------------------------------------------- */

static void test_headings_and_runs(void **state)
{
  fixture *fx = *state;
  jv_tpl t;
  jv_error e;
  jv_status st = parse(fx,
                       FM "\n"
                          "# Hoofdstuk **een**\n"
                          "\n"
                          "## Paragraaf\n"
                          "\n"
                          "### Sub\n"
                          "\n"
                          "Gewoon *schuin* en **vet**, ***beide*** en `code`,\n"
                          "een [link](https://example.nl/a) en regio's -- "
                          "'s-Hertogenbosch...\\\n"
                          "nieuwe regel <!-- weg -->  en    meer.\n",
                       &t, &e);
  assert_int_equal(st, JV_OK);
  assert_int_equal(t.n_nodes, 4);
  const jv_tpl_node *h = node(&t, 0);
  assert_int_equal(h->kind, JV_TPL_HEADING);
  assert_int_equal(h->level, 1);
  assert_int_equal(h->line, 5);
  assert_string_equal(t.files[0], "main.md");
  assert_string_equal(h->file, "main.md");
  assert_int_equal(h->n_runs, 2);
  assert_string_equal(h->runs[0].text, "Hoofdstuk ");
  assert_int_equal(h->runs[0].style, JV_TPL_REGULAR);
  assert_string_equal(h->runs[1].text, "een");
  assert_int_equal(h->runs[1].style, JV_TPL_BOLD);
  assert_int_equal(node(&t, 1)->level, 2);
  assert_int_equal(node(&t, 2)->level, 3);
  assert_int_equal(node(&t, 2)->line, 9);

  const jv_tpl_node *p = node(&t, 3);
  assert_int_equal(p->kind, JV_TPL_PARAGRAPH);
  assert_int_equal(p->line, 11);
  static const struct {
    const char *text;
    jv_tpl_style style;
  } want[] = {{"Gewoon ", JV_TPL_REGULAR},
              {"schuin", JV_TPL_ITALIC},
              {" en ", JV_TPL_REGULAR},
              {"vet", JV_TPL_BOLD},
              {", ", JV_TPL_REGULAR},
              {"beide", JV_TPL_BOLD_ITALIC},
              /* code is plain text; the soft break a space */
              {" en code, een ", JV_TPL_REGULAR},
              {"link", JV_TPL_REGULAR},
              /* smart punctuation; hard break "\n"; comment gone, spaces collapsed */
              {" en regio\xE2\x80\x99s \xE2\x80\x93 \xE2\x80\x99s-Hertogenbosch\xE2\x80\xA6\n"
               "nieuwe regel en meer.",
               JV_TPL_REGULAR}};
  assert_int_equal(p->n_runs, sizeof(want) / sizeof(want[0]));
  for (size_t i = 0; i < p->n_runs; i++) {
    assert_string_equal(p->runs[i].text, want[i].text);
    assert_int_equal(p->runs[i].style, want[i].style);
  }
  assert_string_equal(p->runs[7].url, "https://example.nl/a");
  assert_null(p->runs[6].url);
  char buf[64];
  assert_string_equal(jv_tpl_node_text(h, buf, sizeof(buf)), "Hoofdstuk een");
  jv_tpl_free(&t);
}

static void test_lists(void **state)
{
  fixture *fx = *state;
  jv_tpl t;
  jv_error e;
  jv_status st = parse(fx,
                       FM "- een\n"
                          "- twee\n"
                          "  - genest\n"
                          "\n"
                          "3. drie\n"
                          "\n"
                          "   tweede alinea\n"
                          "4. vier\n",
                       &t, &e);
  assert_int_equal(st, JV_OK);
  assert_int_equal(t.n_nodes, 6);
  const jv_tpl_node *n = node(&t, 0);
  assert_int_equal(n->kind, JV_TPL_LIST_ITEM);
  assert_false(n->item.ordered);
  assert_int_equal(n->item.depth, 1);
  assert_int_equal(n->line, 4);
  assert_string_equal(n->runs[0].text, "een");
  n = node(&t, 2);
  assert_int_equal(n->item.depth, 2);
  assert_string_equal(n->runs[0].text, "genest");
  n = node(&t, 3);
  assert_true(n->item.ordered);
  assert_int_equal(n->item.number, 3);
  assert_false(n->continued);
  n = node(&t, 4);
  assert_true(n->continued);
  assert_int_equal(n->item.number, 3);
  assert_string_equal(n->runs[0].text, "tweede alinea");
  assert_int_equal(n->line, 10);
  n = node(&t, 5);
  assert_int_equal(n->item.number, 4);
  jv_tpl_free(&t);

  expect_error(fx, FM "- a\n  - b\n    - c\n      - d\n", 7, "at most 3");
}

static void test_quotes_and_breaks(void **state)
{
  fixture *fx = *state;
  jv_tpl t;
  jv_error e;
  jv_status st = parse(fx,
                       FM "> Eerste *alinea*\n"
                          "> loopt door.\n"
                          ">\n"
                          "> Tweede.\n"
                          "\n"
                          "---\n"
                          "\n"
                          "::citaat{tekst=\"Het 'recht' op onderwijs\" bron=\"J. Jansen, LVS\"}\n"
                          "::pagina\n",
                       &t, &e);
  assert_int_equal(st, JV_OK);
  assert_int_equal(t.n_nodes, 5);
  const jv_tpl_node *q = node(&t, 0);
  assert_int_equal(q->kind, JV_TPL_QUOTE);
  assert_false(q->continued);
  assert_string_equal(q->runs[0].text, "Eerste ");
  assert_string_equal(q->runs[1].text, "alinea");
  assert_int_equal(q->runs[1].style, JV_TPL_ITALIC);
  assert_string_equal(q->runs[2].text, " loopt door.");
  assert_true(node(&t, 1)->continued);
  assert_int_equal(node(&t, 2)->kind, JV_TPL_PAGEBREAK);
  assert_int_equal(node(&t, 2)->line, 9);
  q = node(&t, 3);
  assert_int_equal(q->kind, JV_TPL_QUOTE);
  assert_int_equal(q->line, 11);
  assert_string_equal(q->runs[0].text, "Het \xE2\x80\x98recht\xE2\x80\x99 op onderwijs");
  assert_string_equal(q->attribution, "J. Jansen, LVS");
  assert_int_equal(node(&t, 4)->kind, JV_TPL_PAGEBREAK);
  assert_int_equal(node(&t, 4)->line, 12);
  jv_tpl_free(&t);
}

/* ---- directives --------------------------------------------------------- */

static void test_directive_args(void **state)
{
  fixture *fx = *state;
  jv_tpl t;
  jv_error e;
  jv_status st =
      parse(fx,
            FM "::tabel{soort=absoluut_per_1000 titel=\"Absoluut  verzuim -- per 1.000\"}\n"
               "::grafiek{ soort=trend   reeks='vsv, vsv_percentage' titel=\"Zeg \\\"ja\\\"\" }\n"
               "::kerncijfer{reeks=vsv jaar=-1 label=\"voortijdig schoolverlaters\"}\n"
               "   ::kaart{indicator=vrijstelling_5a regio=nederland}\n"
               "::inhoud\n",
            &t, &e);
  if (st)
    fail_msg("%s", printed(&e));
  assert_int_equal(t.n_nodes, 5);
  const jv_tpl_node *n = node(&t, 0);
  assert_int_equal(n->kind, JV_TPL_DIRECTIVE);
  assert_int_equal(n->directive, JV_DIR_TABEL);
  assert_string_equal(jv_tpl_directive_name(n->directive), "tabel");
  assert_int_equal(n->line, 4);
  assert_int_equal(n->n_args, 2);
  assert_string_equal(jv_tpl_value(n, "soort"), "absoluut_per_1000");
  /* text values: typography as body text, spaces collapsed */
  assert_string_equal(jv_tpl_value(n, "titel"), "Absoluut verzuim \xE2\x80\x93 per 1.000");
  assert_int_equal(jv_tpl_arg_find(n, "titel")->column, 33);
  assert_null(jv_tpl_value(n, "eenheid"));

  n = node(&t, 1);
  assert_int_equal(n->directive, JV_DIR_GRAFIEK);
  assert_int_equal(n->line, 5);
  assert_string_equal(jv_tpl_value(n, "reeks"), "vsv, vsv_percentage");
  assert_string_equal(jv_tpl_value(n, "titel"), "Zeg \xE2\x80\x9Cja\xE2\x80\x9D");
  const char *p = jv_tpl_value(n, "reeks");
  char item[32];
  assert_int_equal(jv_tpl_list_next(&p, item, sizeof(item)), 0);
  assert_string_equal(item, "vsv");
  assert_int_equal(jv_tpl_list_next(&p, item, sizeof(item)), 0);
  assert_string_equal(item, "vsv_percentage");
  assert_int_equal(jv_tpl_list_next(&p, item, sizeof(item)), -1);

  n = node(&t, 2);
  assert_int_equal(n->directive, JV_DIR_KERNCIJFER);
  jv_schoolyear base = {2017}, y;
  assert_int_equal(jv_tpl_year(jv_tpl_value(n, "jaar"), base, &y), 0);
  assert_int_equal(y.start, 2016);
  assert_string_equal(jv_tpl_value(n, "label"), "voortijdig schoolverlaters");
  assert_int_equal(node(&t, 3)->directive, JV_DIR_KAART);
  assert_int_equal(node(&t, 4)->directive, JV_DIR_INHOUD);
  assert_int_equal(node(&t, 4)->n_args, 0);
  jv_tpl_free(&t);
}

static void test_year_values(void **state)
{
  (void)state;
  jv_schoolyear base = {2017}, y;
  assert_int_equal(jv_tpl_year("0", base, &y), 0);
  assert_int_equal(y.start, 2017);
  assert_int_equal(jv_tpl_year("-3", base, &y), 0);
  assert_int_equal(y.start, 2014);
  assert_int_equal(jv_tpl_year("2014-2015", base, &y), 0);
  assert_int_equal(y.start, 2014);
  assert_int_equal(jv_tpl_year("+1", base, &y), -1);
  assert_int_equal(jv_tpl_year("1", base, &y), -1);
  assert_int_equal(jv_tpl_year("-1a", base, &y), -1);
  assert_int_equal(jv_tpl_year("2014", base, &y), -1);
}

static void test_columns(void **state)
{
  fixture *fx = *state;
  jv_tpl t;
  jv_error e;
  jv_status st = parse(fx,
                       FM "::kolommen{aantal=2}\n"
                          "\n"
                          "### Tussenkop\n"
                          "\n"
                          "Tekst in kolommen.\n"
                          "\n"
                          "::citaat{tekst=\"Kort\"}\n"
                          "::einde-kolommen\n"
                          "\n"
                          "Daarna.\n",
                       &t, &e);
  assert_int_equal(st, JV_OK);
  assert_int_equal(t.n_nodes, 6);
  assert_int_equal(node(&t, 0)->directive, JV_DIR_KOLOMMEN);
  assert_false(node(&t, 0)->in_columns);
  assert_string_equal(jv_tpl_value(node(&t, 0), "aantal"), "2");
  assert_true(node(&t, 1)->in_columns);
  assert_true(node(&t, 2)->in_columns);
  assert_true(node(&t, 3)->in_columns);
  assert_int_equal(node(&t, 4)->directive, JV_DIR_EINDE_KOLOMMEN);
  assert_false(node(&t, 5)->in_columns);
  jv_tpl_free(&t);

  expect_error(fx, FM "::kolommen\n\nTekst.\n", 4, "not closed");
  expect_error(fx, FM "::einde-kolommen\n", 4, "without ::kolommen");
  expect_error(fx, FM "::kolommen\n::kolommen\n", 5, "inside ::kolommen");
  expect_error(fx, FM "::kolommen\n::tabel{soort=thuiszitters}\n::einde-kolommen\n", 5,
               "cannot stand inside ::kolommen");
  expect_error(fx, FM "::kolommen\n\n## Kop\n\n::einde-kolommen\n", 6, "only ###");
  expect_error(fx, FM "::kolommen\n\n---\n\n::einde-kolommen\n", 6, "page break");
}

static void test_directive_errors(void **state)
{
  fixture *fx = *state;
  /* the error line is the file's own line, front matter included */
  const char *twelve = FM "\n"
                          "# Kop\n"
                          "\n"
                          "Tekst.\n"
                          "\n"
                          "::tabel{soort=thuiszitters}\n"
                          "\n"
                          "Meer tekst.\n"
                          "\n"
                          "::tabell{soort=thuiszitters}\n";
  jv_tpl t;
  jv_error e;
  assert_int_equal(parse(fx, twelve, &t, &e), JV_EDATA);
  assert_int_equal(e.loc.line, 13);
  assert_string_equal(e.loc.file, "main.md");
  assert_non_null(strstr(printed(&e), "main.md:13:1: error: unknown directive ::tabell"));
  assert_non_null(strstr(e.msg, "did you mean ::tabel?"));

  const char *at12 = FM "\n\n\n\n\n\n\n::grafiek{soort=trend reeks=vsv}\n::bestaatniet\n";
  assert_int_equal(parse(fx, at12, &t, &e), JV_EDATA);
  assert_int_equal(e.loc.line, 12);
  assert_non_null(strstr(printed(&e), "main.md:12:"));

  expect_error(fx, FM "::tabel{sort=thuiszitters}\n", 4, "did you mean soort");
  expect_error(fx, FM "::tabel{titel=x}\n", 4, "needs soort=");
  expect_error(fx, FM "::tabel{soort=thuiszitter}\n", 4, "did you mean thuiszitters");
  expect_error(fx, FM "::kaart{indicator=absoluut_verzium}\n", 4,
               "unknown indicator 'absoluut_verzium' (did you mean absoluut_verzuim?)");
  expect_error(fx, FM "::tabel{soort=overzicht indicatoren=\"absoluut_verzuim, lpl\"}\n", 4,
               "unknown indicator 'lpl'");
  expect_error(fx, FM "::kerncijfer{reeks=vsvv}\n", 4, "unknown series 'vsvv'");
  expect_error(fx, FM "::kerncijfer{reeks=vsv indicator=absoluut_verzuim}\n", 4,
               "either indicator= or reeks=");
  expect_error(fx, FM "::grafiek{soort=trend indicator=absoluut_verzuim reeks=vsv}\n", 4,
               "either series (reeks=) or the region's own figures");
  expect_error(fx, FM "::tabel{soort=overzicht}\n", 4, "needs indicatoren=");
  expect_error(fx, FM "::tabel{soort=thuiszitters eenheid=procent}\n", 4,
               "only with soort=overzicht");
  expect_error(fx, FM "::kerncijfer{reeks=vsv jaar=2016}\n", 4, "school year");
  expect_error(fx, FM "::inhoud{diepte=4}\n", 4, "from 1 to 3");
  expect_error(fx, FM "::tabel{soort=thuiszitters soort=vrijstellingen}\n", 4, "twice");
  expect_error(fx, FM "::tabel{soort=thuiszitters\n", 4, "missing '}'");
  expect_error(fx, FM "::tabel{soort=thuiszitters} rest\n", 4, "unexpected text");
  expect_error(fx, FM "::citaat{tekst=\"open}\n", 4, "unterminated");
  expect_error(fx, FM "::citaat{tekst=\xE2\x80\x9Cx\xE2\x80\x9D}\n", 4, "straight quotes");
  expect_error(fx, FM "::citaat{bron=x}\n", 4, "needs tekst=");
  expect_error(fx, FM "::pagina{x=1}\n", 4, "its keys: none");
  expect_error(fx, FM "::omslag\n::omslag\n", 5, "only once");
  expect_error(fx, FM "Tekst\n::pagina\n", 5, "blank line before");
  expect_error(fx, FM "::pagina\nTekst\n", 5, "blank line after");
  expect_error(fx, FM "- ::pagina\n", 4, "inside a list or quote");
  expect_error(fx, FM "::Tabel{soort=thuiszitters}\n", 4, "lower-case");
  expect_error(fx, FM "::tabel{Soort=thuiszitters}\n", 4, "key=value");

  /* the column points at the offending key */
  assert_int_equal(parse(fx, FM "::tabel{soort=thuiszitters  sort=x}\n", &t, &e), JV_EDATA);
  assert_int_equal(e.loc.column, 29);
}

static void test_refused_markdown(void **state)
{
  fixture *fx = *state;
  expect_error(fx, FM "\n#### Te diep\n", 5, "#, ## and ### only");
  expect_error(fx, FM "\nKop\n---\n", 5, "underlined");
  expect_error(fx, FM "\nKop\n===\n", 5, "underlined");
  expect_error(fx, FM "\n    ingesprongen\n", 5, "code block");
  expect_error(fx, FM "\n```\nx\n```\n", 5, "code block");
  expect_error(fx, FM "\n<div>x</div>\n", 5, "HTML");
  expect_error(fx, FM "\nTekst <b>vet</b>\n", 5, "HTML");
  expect_error(fx, FM "\nZie ![foto](a.png)\n", 5, "images");
  expect_error(fx, FM "\n- # Kop\n", 5, "heading cannot stand");
  expect_error(fx, FM "\n> - a\n", 5, "no lists");
  expect_error(fx, FM "\n#\n", 5, "empty heading");

  /* comments are allowed everywhere and leave nothing behind */
  jv_tpl t;
  jv_error e;
  assert_int_equal(parse(fx, FM "<!-- opmerking\nover regels -->\n\n<!-- x -->\n", &t, &e), JV_OK);
  assert_int_equal(t.n_nodes, 0);
  jv_tpl_free(&t);
}

static void test_encoding_errors(void **state)
{
  fixture *fx = *state;
  jv_tpl t;
  jv_error e;
  /* invalid byte on line 6, column 4 (after two code points "é" counted once) */
  const char bad[] = FM "\nAlinea.\nab\xC3\xA9\xFF rest\n";
  assert_int_equal(jv_template_parse(&t, "main.md", bad, sizeof(bad) - 1, fx->dir, &e), JV_EDATA);
  assert_int_equal(e.loc.line, 6);
  assert_int_equal(e.loc.column, 4);
  assert_non_null(strstr(e.msg, "invalid UTF-8"));

  const char nul[] = FM "Tekst\0meer\n";
  assert_int_equal(jv_template_parse(&t, "main.md", nul, sizeof(nul) - 1, fx->dir, &e), JV_EDATA);
  assert_int_equal(e.loc.line, 4);
  assert_non_null(strstr(e.msg, "NUL"));

  /* an invalid sequence in an included file names that file and its line */
  put_s(fx->dir, "main.md", FM "::voeg-in{bestand=\"inc.md\"}\n");
  put(fx->dir, "inc.md", "Goed.\n\nFout \xC0\xAF.\n", 17);
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_non_null(strstr(e.loc.file, "inc.md"));
  assert_int_equal(e.loc.line, 3);
  assert_int_equal(e.loc.column, 6);
}

static void test_crlf_and_bom(void **state)
{
  fixture *fx = *state;
  jv_tpl t;
  jv_error e;
  const char *text = "\xEF\xBB\xBF---\r\ntitel: T\r\n---\r\n\r\n# Kop\r\n\r\n::tabel{soort=x}\r\n";
  assert_int_equal(parse(fx, text, &t, &e), JV_EDATA);
  assert_int_equal(e.loc.line, 7);
  text = "\xEF\xBB\xBF---\r\ntitel: T\r\n---\r\n\r\n# Kop\r\n\r\nTekst\r\nloopt door.\r\n";
  assert_int_equal(parse(fx, text, &t, &e), JV_OK);
  assert_string_equal(t.meta.titel, "T");
  assert_int_equal(t.n_nodes, 2);
  assert_int_equal(node(&t, 1)->line, 7);
  assert_string_equal(node(&t, 1)->runs[0].text, "Tekst loopt door.");
  jv_tpl_free(&t);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_front_matter, setup, teardown),
      cmocka_unit_test_setup_teardown(test_front_matter_errors, setup, teardown),
      cmocka_unit_test_setup_teardown(test_headings_and_runs, setup, teardown),
      cmocka_unit_test_setup_teardown(test_lists, setup, teardown),
      cmocka_unit_test_setup_teardown(test_quotes_and_breaks, setup, teardown),
      cmocka_unit_test_setup_teardown(test_directive_args, setup, teardown),
      cmocka_unit_test(test_year_values),
      cmocka_unit_test_setup_teardown(test_columns, setup, teardown),
      cmocka_unit_test_setup_teardown(test_directive_errors, setup, teardown),
      cmocka_unit_test_setup_teardown(test_refused_markdown, setup, teardown),
      cmocka_unit_test_setup_teardown(test_encoding_errors, setup, teardown),
      cmocka_unit_test_setup_teardown(test_crlf_and_bom, setup, teardown),
  };
  return cmocka_run_group_tests_name("template_read", tests, NULL, NULL);
}
