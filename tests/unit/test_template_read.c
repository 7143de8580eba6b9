/* Unit tests for the template reader: front matter, Markdown to nodes,
 * directives, located errors, includes and their containment, and the two
 * shipped templates. Files are written to a fresh temporary directory. */
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

#define FM "---\ntitel: Test\n---\n" /* three lines of front matter */

typedef struct {
  char root[64]; /* holds tpl/ (the template dir) and files outside it */
  char dir[96];  /* root/tpl */
} fixture;

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
  (void)sb;
  (void)flag;
  (void)ftw;
  return remove(path);
}

static int setup(void **state)
{
  fixture *fx = calloc(1, sizeof(*fx));
  if (!fx)
    return -1;
  snprintf(fx->root, sizeof(fx->root), "/tmp/jv_tpl_test.XXXXXX");
  if (!mkdtemp(fx->root))
    return -1;
  snprintf(fx->dir, sizeof(fx->dir), "%s/tpl", fx->root);
  if (mkdir(fx->dir, 0700) != 0)
    return -1;
  *state = fx;
  return 0;
}

static int teardown(void **state)
{
  fixture *fx = *state;
  nftw(fx->root, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
  free(fx);
  return 0;
}

/* Writes text to dir/rel (creating one level of subdirectory if needed). */
static void put(const char *dir, const char *rel, const char *text, size_t len)
{
  char path[256];
  snprintf(path, sizeof(path), "%s/%s", dir, rel);
  char *slash = strrchr(path, '/');
  if (slash && slash > path + strlen(dir)) {
    *slash = '\0';
    mkdir(path, 0700);
    *slash = '/';
  }
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(text, 1, len, f), len);
  fclose(f);
}

static void put_s(const char *dir, const char *rel, const char *text)
{
  put(dir, rel, text, strlen(text));
}

/* Parses text as the main template "main.md" of the fixture's directory. */
static jv_status parse(fixture *fx, const char *text, jv_tpl *t, jv_error *e)
{
  jv_error_clear(e);
  return jv_template_parse(t, "main.md", text, strlen(text), fx->dir, e);
}

/* Reads the file dir/rel from disk. */
static jv_status read_file(fixture *fx, const char *rel, jv_tpl *t, jv_error *e)
{
  char path[256];
  snprintf(path, sizeof(path), "%s/%s", fx->dir, rel);
  jv_error_clear(e);
  return jv_template_read(t, path, e);
}

/* The error as the CLI prints it. */
static const char *printed(const jv_error *e)
{
  static char buf[2048];
  FILE *f = fmemopen(buf, sizeof(buf), "w");
  assert_non_null(f);
  jv_error_print(e, f);
  fclose(f);
  return buf;
}

static void expect_error(fixture *fx, const char *text, int line, const char *needle)
{
  jv_tpl t;
  jv_error e;
  jv_status st = parse(fx, text, &t, &e);
  if (st != JV_EDATA || e.loc.line != line || !strstr(e.msg, needle))
    fail_msg("expected EDATA at line %d containing '%s', got %d: %s", line, needle, st,
             printed(&e));
  assert_int_equal(t.n_nodes, 0); /* emptied on failure */
}

static const jv_tpl_node *node(const jv_tpl *t, size_t i)
{
  assert_true(i < t->n_nodes);
  return &t->nodes[i];
}

/* A valid 3 x 2 RGB PNG, written with libpng's simplified API. */
static void write_logo(const char *dir, const char *name)
{
  char path[160];
  snprintf(path, sizeof(path), "%s/%s", dir, name);
  png_image pi;
  memset(&pi, 0, sizeof(pi));
  pi.version = PNG_IMAGE_VERSION;
  pi.width = 3, pi.height = 2;
  pi.format = PNG_FORMAT_RGB;
  static const unsigned char px[18] = {11,  95, 115, 11,  95, 115, 11,  95, 115,
                                       255, 0,  0,   255, 0,  0,   255, 0,  0};
  assert_true(png_image_write_to_file(&pi, path, 0, px, 0, NULL));
}

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

/* ---- includes ----------------------------------------------------------- */

static void test_include_inside(void **state)
{
  fixture *fx = *state;
  put_s(fx->dir, "main.md",
        FM "# Hoofdstuk\n"
           "\n"
           "::voeg-in{bestand=\"sub/a.md\"}\n"
           "\n"
           "Slot.\n");
  put_s(fx->dir, "sub/a.md",
        "Eerste regel van a.\n"
        "\n"
        "::voeg-in{bestand=\"b.md\"}\n"
        "::voeg-in{bestand=\"../gedeeld.md\"}\n");
  put_s(fx->dir, "sub/b.md", "\n\nUit **b**.\n");
  put_s(fx->dir, "gedeeld.md", "Gedeeld.\n");
  jv_tpl t;
  jv_error e;
  jv_status st = read_file(fx, "main.md", &t, &e);
  if (st)
    fail_msg("%s", printed(&e));
  assert_int_equal(t.n_nodes, 5);
  char main_name[256], a_name[256], b_name[256];
  snprintf(main_name, sizeof(main_name), "%s/main.md", fx->dir);
  snprintf(a_name, sizeof(a_name), "%s/sub/a.md", fx->dir);
  snprintf(b_name, sizeof(b_name), "%s/sub/b.md", fx->dir);
  assert_string_equal(node(&t, 0)->file, main_name);
  assert_string_equal(node(&t, 1)->file, a_name);
  assert_int_equal(node(&t, 1)->line, 1);
  assert_string_equal(node(&t, 2)->file, b_name);
  assert_int_equal(node(&t, 2)->line, 3);
  assert_string_equal(node(&t, 2)->runs[1].text, "b");
  assert_string_equal(node(&t, 3)->runs[0].text, "Gedeeld.");
  assert_string_equal(node(&t, 4)->file, main_name);
  assert_int_equal(node(&t, 4)->line, 8);
  assert_int_equal(t.n_files, 4);
  jv_tpl_free(&t);

  /* an error inside an include reports the include's own file:line */
  put_s(fx->dir, "sub/b.md", "Tekst.\n\n::grafiek{soort=taart}\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_string_equal(e.loc.file, b_name);
  assert_int_equal(e.loc.line, 3);
  char want[300];
  snprintf(want, sizeof(want), "%s:3:", b_name);
  assert_non_null(strstr(printed(&e), want));

  /* columns are opened and closed in the same file */
  put_s(fx->dir, "sub/b.md", "::einde-kolommen\n");
  put_s(fx->dir, "sub/a.md", "::kolommen\n::voeg-in{bestand=\"b.md\"}\n::einde-kolommen\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_string_equal(e.loc.file, b_name);
  assert_non_null(strstr(e.msg, "another file"));
}

static void test_include_escapes(void **state)
{
  fixture *fx = *state;
  jv_tpl t;
  jv_error e;
  put_s(fx->root, "buiten.md", "Geheim.\n");
  put_s(fx->dir, "ok.md", "Binnen.\n");

  put_s(fx->dir, "main.md", FM "::voeg-in{bestand=\"../buiten.md\"}\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_int_equal(e.loc.line, 4);
  assert_int_equal(e.loc.column, 11);
  assert_non_null(strstr(e.msg, "outside the template directory"));

  put_s(fx->dir, "main.md", FM "::voeg-in{bestand=\"sub/../../buiten.md\"}\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_non_null(strstr(e.msg, "outside"));

  char abs[256], text[512];
  snprintf(abs, sizeof(abs), "%s/ok.md", fx->dir);
  snprintf(text, sizeof(text), FM "::voeg-in{bestand=\"%s\"}\n", abs);
  put_s(fx->dir, "main.md", text);
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_non_null(strstr(e.msg, "not an absolute one"));

  /* a symlink inside the directory that points outside */
  char target[256], link[256];
  snprintf(target, sizeof(target), "%s/buiten.md", fx->root);
  snprintf(link, sizeof(link), "%s/link.md", fx->dir);
  assert_int_equal(symlink(target, link), 0);
  put_s(fx->dir, "main.md", FM "\n::voeg-in{bestand=\"link.md\"}\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_int_equal(e.loc.line, 5);
  assert_non_null(strstr(e.msg, "outside the template directory"));

  /* a symlinked directory that points outside */
  snprintf(link, sizeof(link), "%s/uit", fx->dir);
  assert_int_equal(symlink(fx->root, link), 0);
  put_s(fx->dir, "main.md", FM "::voeg-in{bestand=\"uit/buiten.md\"}\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_non_null(strstr(e.msg, "outside"));

  /* a symlink that stays inside is fine */
  snprintf(link, sizeof(link), "%s/alias.md", fx->dir);
  assert_int_equal(symlink("ok.md", link), 0);
  put_s(fx->dir, "main.md", FM "::voeg-in{bestand=\"alias.md\"}\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_OK);
  assert_int_equal(t.n_nodes, 1);
  assert_string_equal(node(&t, 0)->runs[0].text, "Binnen.");
  jv_tpl_free(&t);

  put_s(fx->dir, "main.md", FM "::voeg-in{bestand=\"bestaat-niet.md\"}\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_non_null(strstr(e.msg, "no such file"));

  put_s(fx->dir, "notes.txt", "x\n");
  put_s(fx->dir, "main.md", FM "::voeg-in{bestand=\"notes.txt\"}\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_non_null(strstr(e.msg, ".md"));

  put_s(fx->dir, "fm.md", "---\ntitel: x\n---\n");
  put_s(fx->dir, "main.md", FM "::voeg-in{bestand=\"fm.md\"}\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_non_null(strstr(e.loc.file, "fm.md"));
  assert_non_null(strstr(e.msg, "no front matter"));
}

static void test_include_cycle(void **state)
{
  fixture *fx = *state;
  jv_tpl t;
  jv_error e;
  put_s(fx->dir, "main.md", FM "::voeg-in{bestand=\"a.md\"}\n");
  put_s(fx->dir, "a.md", "A.\n\n::voeg-in{bestand=\"b.md\"}\n");
  put_s(fx->dir, "b.md", "B.\n\n\n::voeg-in{bestand=\"a.md\"}\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_non_null(strstr(e.loc.file, "b.md"));
  assert_int_equal(e.loc.line, 4);
  assert_non_null(strstr(e.msg, "cycle"));

  put_s(fx->dir, "main.md", FM "::voeg-in{bestand=\"main.md\"}\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_EDATA);
  assert_non_null(strstr(e.msg, "cycle"));

  /* the same file twice, one after the other, is not a cycle */
  put_s(fx->dir, "c.md", "C.\n");
  put_s(fx->dir, "main.md", FM "::voeg-in{bestand=\"c.md\"}\n::voeg-in{bestand=\"c.md\"}\n");
  assert_int_equal(read_file(fx, "main.md", &t, &e), JV_OK);
  assert_int_equal(t.n_nodes, 2);
  jv_tpl_free(&t);
}

static void test_missing_file(void **state)
{
  fixture *fx = *state;
  jv_tpl t;
  jv_error e;
  assert_int_equal(read_file(fx, "nergens.md", &t, &e), JV_ENOINPUT);
  assert_int_equal(t.n_nodes, 0);
}

/* ---- the shipped templates ---------------------------------------------- */

static void home_path(char *buf, size_t size, const char *rel)
{
  const char *home = getenv("JAARVERSLAG_HOME");
  if (home && *home)
    snprintf(buf, size, "%s/%s", home, rel);
  else
    snprintf(buf, size, "%s/../%s", JV_TEST_DATADIR, rel);
}

static size_t count(const jv_tpl *t, jv_tpl_kind kind, int level_or_dir)
{
  size_t n = 0;
  for (size_t i = 0; i < t->n_nodes; i++) {
    const jv_tpl_node *x = &t->nodes[i];
    if (x->kind != kind)
      continue;
    if (kind == JV_TPL_HEADING && x->level != level_or_dir)
      continue;
    if (kind == JV_TPL_DIRECTIVE && (int)x->directive != level_or_dir)
      continue;
    n++;
  }
  return n;
}

static void test_shipped_jaarverslag(void **state)
{
  (void)state;
  char path[1024];
  home_path(path, sizeof(path), "templates/zuid-holland-zuid/jaarverslag.md");
  jv_tpl t;
  jv_error e;
  jv_error_clear(&e);
  jv_status st = jv_template_read(&t, path, &e);
  if (st)
    fail_msg("%s", printed(&e));
  assert_string_equal(t.meta.regio, "Zuid-Holland Zuid");
  assert_false(t.meta.has_schooljaar); /* it serves every year of a project */
  assert_int_equal(t.meta.kleur, 0x0B5F73);
  /* voorwoord, four chapters, definities */
  assert_int_equal(count(&t, JV_TPL_HEADING, 1), 6);
  assert_int_equal(count(&t, JV_TPL_DIRECTIVE, JV_DIR_OMSLAG), 1);
  assert_int_equal(count(&t, JV_TPL_DIRECTIVE, JV_DIR_INHOUD), 1);
  assert_int_equal(count(&t, JV_TPL_DIRECTIVE, JV_DIR_TABEL), 7);
  assert_int_equal(count(&t, JV_TPL_DIRECTIVE, JV_DIR_KERNCIJFER), 12);
  /* four interviews, each in columns */
  assert_int_equal(count(&t, JV_TPL_DIRECTIVE, JV_DIR_KOLOMMEN), 4);
  assert_int_equal(count(&t, JV_TPL_DIRECTIVE, JV_DIR_EINDE_KOLOMMEN), 4);
  /* jaarverslag, voorwoord, 4 interviews, definities */
  assert_int_equal(t.n_files, 7);
  int seen_tables[3] = {0, 0, 0};
  static const char *const kinds[3] = {"absoluut_per_1000", "relatief_per_1000", "thuiszitters"};
  for (size_t i = 0; i < t.n_nodes; i++) {
    const jv_tpl_node *n = &t.nodes[i];
    if (n->kind == JV_TPL_DIRECTIVE && n->directive == JV_DIR_TABEL)
      for (int k = 0; k < 3; k++)
        seen_tables[k] |= strcmp(jv_tpl_value(n, "soort"), kinds[k]) == 0;
    if (n->kind == JV_TPL_HEADING && n->level == 1) {
      char buf[128];
      jv_tpl_node_text(n, buf, sizeof(buf));
      if (strstr(buf, "Definities"))
        assert_non_null(strstr(n->file, "definities.md"));
    }
  }
  for (int k = 0; k < 3; k++)
    assert_true(seen_tables[k]);
  jv_tpl_free(&t);
}

static void test_shipped_bijlage(void **state)
{
  (void)state;
  char path[1024];
  home_path(path, sizeof(path), "templates/ministerie-bijlage/bijlage.md");
  jv_tpl t;
  jv_error e;
  jv_error_clear(&e);
  jv_status st = jv_template_read(&t, path, &e);
  if (st)
    fail_msg("%s", printed(&e));
  assert_int_equal(t.meta.year.start, 2014);
  assert_int_equal(count(&t, JV_TPL_DIRECTIVE, JV_DIR_KAART), 3);
  assert_int_equal(count(&t, JV_TPL_DIRECTIVE, JV_DIR_TABEL), 3);
  static const char *const maps[3] = {"langdurig_relatief_verzuim", "absoluut_verzuim",
                                      "vrijstelling_5a"};
  size_t k = 0;
  for (size_t i = 0; i < t.n_nodes; i++) {
    const jv_tpl_node *n = &t.nodes[i];
    if (n->kind == JV_TPL_DIRECTIVE && n->directive == JV_DIR_KAART) {
      assert_string_equal(jv_tpl_value(n, "indicator"), maps[k++]);
      assert_string_equal(jv_tpl_value(n, "regio"), "nederland");
    }
  }
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
      cmocka_unit_test_setup_teardown(test_include_inside, setup, teardown),
      cmocka_unit_test_setup_teardown(test_include_escapes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_include_cycle, setup, teardown),
      cmocka_unit_test_setup_teardown(test_missing_file, setup, teardown),
      cmocka_unit_test(test_shipped_jaarverslag),
      cmocka_unit_test(test_shipped_bijlage),
  };
  return cmocka_run_group_tests_name("template_read", tests, NULL, NULL);
}
