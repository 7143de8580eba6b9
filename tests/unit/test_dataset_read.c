/* Unit tests for reading a data directory (src/input/dataset_read and the
 * files it uses): the bundled Zuid-Holland Zuid data, and one defect at a
 * time in small fixture directories written under a mkdtemp directory. */
/* cmocka.h needs these first */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input/dataset_read.h"

#define GEMEENTEN JV_TEST_DATADIR "/../assets/gemeenten"
#define BUNDLED JV_TEST_DATADIR "/../data/zuid-holland-zuid/2017-2018"

static const char REGIO[] = "veld,waarde\nregio,Zuid-Holland Zuid\nschooljaar,2017-2018\n"
                            "indeling,2018\n";
static const char LPL[] = "cbs_code,gemeente,leerplichtigen_5_15,leerplichtigen_16_17,"
                          "leerplichtigen_5_17\n"
                          "GM0482,Alblasserdam,2910,521,3431\n"
                          "GM0505,Dordrecht,14.246,2.871,17.117\n"
                          "totaal,Zuid-Holland Zuid,17156,3392,20548\n";
static const char VERZUIM[] = "cbs_code,gemeente,absoluut_verzuim,relatief_verzuim\n"
                              "GM0482,Alblasserdam,6,79\n"
                              "GM0505,Dordrecht,9,678\n";

typedef struct {
  char dir[64];
} fixture;

static void put(const fixture *fx, const char *name, const char *text, size_t len)
{
  char path[256];
  snprintf(path, sizeof(path), "%s/%s", fx->dir, name);
  FILE *fp = fopen(path, "wb");
  assert_non_null(fp);
  assert_int_equal(fwrite(text, 1, len, fp), len);
  fclose(fp);
}
#define PUT(fx, name, lit) put(fx, name, lit, sizeof(lit) - 1)
#define PUTS(fx, name, str) put(fx, name, str, strlen(str))

static int setup(void **state)
{
  fixture *fx = calloc(1, sizeof(*fx));
  snprintf(fx->dir, sizeof(fx->dir), "/tmp/jv_ds_XXXXXX");
  if (!fx || !mkdtemp(fx->dir))
    return -1;
  PUT(fx, "regio.csv", REGIO);
  PUT(fx, "leerplichtigen.csv", LPL);
  PUT(fx, "verzuim.csv", VERZUIM);
  *state = fx;
  return 0;
}

static int teardown(void **state)
{
  fixture *fx = *state;
  DIR *d = opendir(fx->dir);
  struct dirent *e;
  while (d && (e = readdir(d)) != NULL) {
    char path[512];
    if (e->d_name[0] == '.' && (!e->d_name[1] || (e->d_name[1] == '.' && !e->d_name[2])))
      continue;
    snprintf(path, sizeof(path), "%s/%s", fx->dir, e->d_name);
    unlink(path);
  }
  if (d)
    closedir(d);
  rmdir(fx->dir);
  free(fx);
  return 0;
}

static void read_ok(const char *dir, jv_dataset *ds)
{
  jv_error err;
  jv_error_clear(&err);
  if (jv_dataset_read_dir(ds, dir, GEMEENTEN, &err) != JV_OK)
    fail_msg("%s:%d:%d: %s", err.loc.file, err.loc.line, err.loc.column, err.msg);
}

/* Asserts a refusal in file (a name relative to the directory; "" for the
 * directory itself) at line:column, with fragment in the message. */
static void read_bad(const fixture *fx, jv_status want, const char *file, int line, int column,
                     const char *fragment)
{
  jv_dataset ds;
  jv_error err;
  jv_error_clear(&err);
  jv_status st = jv_dataset_read_dir(&ds, fx->dir, GEMEENTEN, &err);
  char want_file[256];
  snprintf(want_file, sizeof(want_file), "%s%s%s", fx->dir, file[0] ? "/" : "", file);
  if (st != want || strcmp(err.loc.file, want_file) != 0 || err.loc.line != line ||
      err.loc.column != column || !strstr(err.msg, fragment))
    fail_msg("got %d %s:%d:%d '%s'\nwant %d %s:%d:%d '%s'", st, err.loc.file, err.loc.line,
             err.loc.column, err.msg, want, want_file, line, column, fragment);
  /* left empty */
  assert_int_equal(ds.n_munis, 0);
  assert_null(ds.munis);
  assert_null(ds.region_name);
}

static const jv_municipality *muni(const jv_dataset *ds, const char *code)
{
  long i = jv_dataset_find_code(ds, code);
  assert_true(i >= 0);
  return &ds->munis[i];
}

static void test_bundled_data(void **state)
{
  (void)state;
  jv_dataset ds;
  read_ok(BUNDLED, &ds);
  assert_string_equal(ds.region_name, "Zuid-Holland Zuid");
  assert_int_equal(ds.year.start, 2017);
  assert_int_equal(ds.boundary_year, 2018);
  assert_int_equal(ds.n_munis, 17);
  /* the order of the first file (leerplichtigen.csv), names as written */
  assert_string_equal(ds.munis[0].code, "GM0482");
  assert_string_equal(ds.munis[0].name, "Alblasserdam");
  assert_string_equal(ds.munis[16].name, "Zwijndrecht");
  const jv_municipality *d = muni(&ds, "GM0505");
  assert_string_equal(d->name, "Dordrecht");
  assert_int_equal(d->values[JV_IND_LPL_5_15].count, 14246);
  assert_int_equal(d->values[JV_IND_LPL_5_17].count, 17117);
  assert_int_equal(d->values[JV_IND_ABSOLUUT].count, 9);
  assert_int_equal(d->values[JV_IND_RELATIEF].count, 678);
  assert_int_equal(d->values[JV_IND_REL_BO_SBO].count, 108);
  assert_int_equal(d->values[JV_IND_REL_ONBEKEND].kind, JV_VAL_NVT);
  assert_int_equal(d->values[JV_IND_PV_BO_SBO].count, 12);
  assert_int_equal(d->values[JV_IND_VRIJ_5A].count, 57);
  assert_int_equal(d->values[JV_IND_TZ_AANVANG].count, 19);
  assert_int_equal(d->values[JV_IND_TZ_ACTUEEL].count, 17);
  assert_int_equal(d->values[JV_IND_ABSOLUUT_3M].kind, JV_VAL_MISSING);
  /* where each value came from: Dordrecht is on line 5 of every file */
  assert_non_null(strstr(d->where[JV_IND_ABSOLUUT].file, "/verzuim.csv"));
  assert_int_equal(d->where[JV_IND_ABSOLUUT].line, 5);
  assert_int_equal(d->where[JV_IND_ABSOLUUT].column, 3);
  assert_non_null(strstr(d->where[JV_IND_TZ_ACTUEEL].file, "/thuiszitters.csv"));
  assert_int_equal(d->where[JV_IND_TZ_ACTUEEL].column, 8);
  assert_string_equal(muni(&ds, "GM1927")->name, "Molenwaard");
  assert_int_equal(muni(&ds, "GM0617")->values[JV_IND_LPL_5_17].count, 1157);
  /* the printed region total row */
  assert_true(ds.has_total);
  assert_string_equal(ds.total.name, "Zuid-Holland Zuid");
  assert_int_equal(ds.total.values[JV_IND_LPL_16_17].count, 12689);
  assert_int_equal(ds.total.values[JV_IND_LPL_5_17].count, 76533);
  assert_int_equal(ds.total.values[JV_IND_RELATIEF].count, 2086);
  assert_int_equal(ds.total.values[JV_IND_REL_GEEN].count, 0);
  int n = 0;
  for (int i = 0; i < JV_IND_COUNT; i++)
    n += ds.has_indicator[i];
  assert_int_equal(n, 29);
  assert_false(ds.has_indicator[JV_IND_TZ_3M]);
  jv_dataset_free(&ds);
}

static void test_fixture_ok_and_dialects(void **state)
{
  fixture *fx = *state;
  /* ';', BOM, CRLF, quoted names with spaces, an alias, thousands dots */
  PUT(fx, "verzuim.csv",
      "\xEF\xBB\xBF"
      "CBS_Code ; Gemeente ;absoluut_verzuim;relatief_verzuim\r\n"
      "GM0482;\" ALBLASSERDAM \";6;1.079\r\n"
      "GM0505;Dordrecht;n.b.;678\r\n\r\n;;;\r\n");
  PUT(fx, "notes.txt", "not a data file");
  PUT(fx, ".~lock.verzuim.csv#", "office lock file");
  PUT(fx, ".hidden.csv", "garbage,\"");
  jv_dataset ds;
  char dir[80];
  snprintf(dir, sizeof(dir), "%s///", fx->dir); /* trailing slashes */
  read_ok(dir, &ds);
  assert_int_equal(ds.n_munis, 2);
  assert_string_equal(ds.munis[0].name, "Alblasserdam"); /* from leerplichtigen.csv */
  assert_int_equal(ds.munis[0].values[JV_IND_RELATIEF].count, 1079);
  assert_int_equal(ds.munis[1].values[JV_IND_ABSOLUUT].kind, JV_VAL_UNKNOWN);
  assert_int_equal(ds.munis[1].values[JV_IND_LPL_5_17].count, 17117);
  char want[128];
  snprintf(want, sizeof(want), "%s/verzuim.csv", fx->dir);
  assert_string_equal(ds.munis[1].where[JV_IND_RELATIEF].file, want);
  assert_int_equal(ds.munis[1].where[JV_IND_RELATIEF].line, 3);
  assert_int_equal(ds.munis[1].where[JV_IND_RELATIEF].column, 4);
  assert_true(ds.has_total);
  assert_int_equal(ds.total.values[JV_IND_LPL_5_17].count, 20548);
  assert_int_equal(ds.total.values[JV_IND_ABSOLUUT].kind, JV_VAL_MISSING);
  jv_dataset_free(&ds);

  /* an alias of the official name, in another indeling */
  PUT(fx, "regio.csv", "veld,waarde\nregio,Haaglanden\nschooljaar,2019/2020\nindeling,2020\n");
  PUT(fx, "leerplichtigen.csv",
      "cbs_code,gemeente,leerplichtigen_5_17\n"
      "GM0518,Den Haag,80000\nGM0603,Rijswijk,7000\n"
      ",Haaglanden,87000\n");
  PUT(fx, "verzuim.csv",
      "cbs_code,gemeente,absoluut_verzuim\n"
      "GM0603,rijswijk,1\nGM0518,'s-gravenhage,2\n");
  read_ok(fx->dir, &ds);
  assert_int_equal(ds.year.start, 2019);
  assert_int_equal(ds.boundary_year, 2020);
  assert_string_equal(ds.munis[0].name, "Den Haag");
  assert_int_equal(ds.munis[0].values[JV_IND_ABSOLUUT].count, 2);
  assert_int_equal(ds.total.values[JV_IND_LPL_5_17].count, 87000);
  jv_dataset_free(&ds);
}

static void test_header_errors(void **state)
{
  fixture *fx = *state;
  PUT(fx, "verzuim.csv", "cbs_code,gemeente,absoluut_verzuimm,relatief_verzuim\n");
  read_bad(fx, JV_EDATA, "verzuim.csv", 1, 3,
           "unknown column 'absoluut_verzuimm': expected cbs_code, gemeente or an indicator "
           "name; did you mean 'absoluut_verzuim'?");
  PUT(fx, "verzuim.csv", "cbscode,gemeente,absoluut_verzuim\n");
  read_bad(fx, JV_EDATA, "verzuim.csv", 1, 1, "did you mean 'cbs_code'?");
  /* by name only: accepted, so the missing municipality is what is wrong */
  PUT(fx, "verzuim.csv", "gemeente,absoluut_verzuim\nDordrecht,1\n");
  read_bad(fx, JV_EDATA, "verzuim.csv", 1, 1, "no row for GM0482 (Alblasserdam)");
  PUT(fx, "verzuim.csv", "absoluut_verzuim\n1\n");
  read_bad(fx, JV_EDATA, "verzuim.csv", 1, 1, "no column gemeente (nor cbs_code)");
  PUT(fx, "verzuim.csv", "cbs_code,absoluut_verzuim\nGM0505,1\n");
  read_bad(fx, JV_EDATA, "verzuim.csv", 1, 1, "no column gemeente");
  PUT(fx, "verzuim.csv", "cbs_code,gemeente\nGM0505,Dordrecht\n");
  read_bad(fx, JV_EDATA, "verzuim.csv", 1, 3, "no indicator columns");
  PUT(fx, "verzuim.csv", "cbs_code,gemeente,absoluut_verzuim,,relatief_verzuim\n");
  read_bad(fx, JV_EDATA, "verzuim.csv", 1, 4, "empty column name");
  PUT(fx, "verzuim.csv", "cbs_code,gemeente,absoluut_verzuim,Absoluut_Verzuim\n");
  read_bad(fx, JV_EDATA, "verzuim.csv", 1, 4,
           "column 'absoluut_verzuim' appears twice in the header (also column 3)");
  /* the same indicator in two files names the first one */
  PUT(fx, "verzuim.csv", "cbs_code,gemeente,absoluut_verzuim,leerplichtigen_5_17\n");
  read_bad(fx, JV_EDATA, "verzuim.csv", 1, 4,
           "indicator 'leerplichtigen_5_17' is also in leerplichtigen.csv (line 1, column 5)");
}

static void test_row_errors(void **state)
{
  fixture *fx = *state;
  PUT(fx, "verzuim.csv",
      "cbs_code,gemeente,absoluut_verzuim,relatief_verzuim\n"
      "GM0482,Alblasserdam,6,79\nGM9999,Dordrecht,9,678\n");
  read_bad(fx, JV_EDATA, "verzuim.csv", 3, 1,
           "GM9999 is not a municipality in the CBS indeling 2018 (regio.csv); 'Dordrecht' is "
           "GM0505 there");
  PUT(fx, "verzuim.csv",
      "cbs_code,gemeente,absoluut_verzuim,relatief_verzuim\n"
      "GM0482,Alblasserdam,6,79\n505,Dordrecht,9,678\n");
  read_bad(fx, JV_EDATA, "verzuim.csv", 3, 1,
           "'505' is not a CBS municipality code: expected GM and 4 digits");
  PUT(fx, "verzuim.csv",
      "cbs_code,gemeente,absoluut_verzuim,relatief_verzuim\n"
      "GM0482,Alblasserdam,6,79\nGM0505,Dordrect,9,678\n");
  read_bad(fx, JV_EDATA, "verzuim.csv", 3, 2,
           "gemeente 'Dordrect' does not match GM0505, which is 'Dordrecht' in the CBS "
           "indeling 2018");
  PUT(fx, "verzuim.csv",
      "cbs_code,gemeente,absoluut_verzuim,relatief_verzuim\n"
      "GM0482,Alblasserdam,6,79\nGM0505,Zwijndrecht,9,678\n");
  read_bad(fx, JV_EDATA, "verzuim.csv", 3, 2, "('Zwijndrecht' is GM0642)");
  PUT(fx, "verzuim.csv",
      "cbs_code,gemeente,absoluut_verzuim,relatief_verzuim\n"
      "GM0482,Alblasserdam,6,79\nGM0505,,9,678\n");
  read_bad(fx, JV_EDATA, "verzuim.csv", 3, 2, "empty gemeente: expected 'Dordrecht' for GM0505");
  PUT(fx, "verzuim.csv",
      "cbs_code,gemeente,absoluut_verzuim,relatief_verzuim\n"
      "GM0505,Dordrecht,9,678\nGM0482,Alblasserdam,6,79\n"
      "GM0505,Dordrecht,9,678\n");
  read_bad(fx, JV_EDATA, "verzuim.csv", 4, 1,
           "GM0505 (Dordrecht) appears twice in this file (first on line 2)");
  PUT(fx, "verzuim.csv",
      "cbs_code,gemeente,absoluut_verzuim,relatief_verzuim\n"
      "GM0482,Alblasserdam,6,79\nGM0505,Dordrecht,9\n");
  read_bad(fx, JV_EDATA, "verzuim.csv", 3, 4,
           "the row ends after 3 fields but the header has 4: no value for 'relatief_verzuim'");
  PUT(fx, "verzuim.csv",
      "cbs_code,gemeente,absoluut_verzuim,relatief_verzuim\n"
      "GM0482,Alblasserdam,6,79\nGM0505,Dordrecht,twaalf,678\n");
  read_bad(fx, JV_EDATA, "verzuim.csv", 3, 3, "'twaalf' is not a count");
  PUT(fx, "verzuim.csv",
      "cbs_code,gemeente,absoluut_verzuim,relatief_verzuim\n"
      "GM0482,Alblasserdam,6,79\nGM0505,Dordrecht,9,\n");
  read_bad(fx, JV_EDATA, "verzuim.csv", 3, 4, "empty cell");
  /* the total row */
  PUT(fx, "verzuim.csv",
      "cbs_code,gemeente,absoluut_verzuim,relatief_verzuim\n"
      "GM0482,Alblasserdam,6,79\nGM0505,Dordrecht,9,678\n"
      "totaal,Zuid Holland,15,757\n");
  read_bad(fx, JV_EDATA, "verzuim.csv", 4, 2,
           "the region-total row names 'Zuid Holland': expected the region name "
           "'Zuid-Holland Zuid'");
  PUT(fx, "verzuim.csv",
      "cbs_code,gemeente,absoluut_verzuim,relatief_verzuim\n"
      "GM0482,Alblasserdam,6,79\n,Dordrecht,9,678\n");
  read_bad(fx, JV_EDATA, "verzuim.csv", 3, 1, "empty cbs_code for 'Dordrecht': expected GM0505");
  PUT(fx, "verzuim.csv",
      "cbs_code,gemeente,absoluut_verzuim,relatief_verzuim\n"
      "GM0482,Alblasserdam,6,79\nGM0505,Dordrecht,9,678\n"
      "totaal,totaal,15,757\n,Zuid-Holland Zuid,15,757\n");
  read_bad(fx, JV_EDATA, "verzuim.csv", 5, 1, "a second region-total row (the first is on line 4)");
}

/* Reads fx's directory, which must succeed, into *ds with its warnings. */
static void read_ok_warn(const fixture *fx, jv_dataset *ds, jv_diags *warns)
{
  jv_error err;
  jv_diags errs;
  jv_diags_init(&errs);
  jv_diags_init(warns);
  if (jv_dataset_read_dir_all(ds, fx->dir, GEMEENTEN, &errs, warns, &err) != JV_OK)
    fail_msg("%s:%d:%d: %s (%zu errors)", err.loc.file, err.loc.line, err.loc.column, err.msg,
             errs.count);
  jv_diags_free(&errs);
}

static const char BIG4[] = "gemeente,leerplichtigen_5_17,absoluut_verzuim\n"
                           "Amsterdam,100000,10\n"
                           "s-Gravenhage,80000,8\n"
                           "Sudwest Fryslan,12000,1\n"
                           "Bergen NH,4000,0\n"
                           "Hengelo O,11000,2\n"
                           "Totaal Vier,207000,21\n";

static void test_names_and_codes(void **state)
{
  fixture *fx = *state;
  char path[256];
  snprintf(path, sizeof(path), "%s/verzuim.csv", fx->dir);
  unlink(path);
  PUT(fx, "regio.csv", "veld,waarde\nregio,Vier\nschooljaar,2017-2018\nindeling,2018\n");
  /* by name only, spreadsheet spellings: accepted, each with a warning */
  PUT(fx, "leerplichtigen.csv", BIG4);
  jv_dataset ds;
  jv_diags warns;
  read_ok_warn(fx, &ds, &warns);
  assert_int_equal(ds.n_munis, 5);
  assert_string_equal(ds.munis[0].code, "GM0363");
  assert_string_equal(ds.munis[1].code, "GM0518");
  assert_string_equal(ds.munis[2].code, "GM1900");
  assert_string_equal(ds.munis[3].code, "GM0373");
  assert_string_equal(ds.munis[4].code, "GM0164");
  assert_true(ds.has_total);
  assert_int_equal(warns.count, 4); /* all but Amsterdam */
  assert_int_equal(warns.items[0].loc.line, 3);
  assert_non_null(strstr(warns.items[0].msg, "'s-Gravenhage' read as '\'s-Gravenhage' (GM0518)"));
  assert_non_null(strstr(warns.items[2].msg, "read as 'Bergen (NH.)' (GM0373)"));
  jv_diags_free(&warns);
  jv_dataset_free(&ds);
  /* with codes (any case) and those names: warnings too */
  PUT(fx, "leerplichtigen.csv",
      "cbs_code,gemeente,leerplichtigen_5_17\n"
      "gm0363,Amsterdam,100000\nGM0518,s-Gravenhage,80000\n");
  read_ok_warn(fx, &ds, &warns);
  assert_int_equal(warns.count, 1);
  assert_string_equal(ds.munis[0].code, "GM0363");
  jv_diags_free(&warns);
  jv_dataset_free(&ds);
  /* a code that lost its zero */
  PUT(fx, "leerplichtigen.csv",
      "cbs_code,gemeente,leerplichtigen_5_17\n"
      "GM363,Amsterdam,100000\n");
  read_bad(fx, JV_EDATA, "leerplichtigen.csv", 2, 1, "did you mean GM0363 (Amsterdam)?");
  PUT(fx, "leerplichtigen.csv", "cbs_code,gemeente,leerplichtigen_5_17\n363,,100000\n");
  read_bad(fx, JV_EDATA, "leerplichtigen.csv", 2, 1, "did you mean GM0363 (Amsterdam)?");
  /* the name of another municipality beside a valid code */
  PUT(fx, "leerplichtigen.csv",
      "cbs_code,gemeente,leerplichtigen_5_17\n"
      "GM0363,s-Gravenhage,100000\n");
  read_bad(fx, JV_EDATA, "leerplichtigen.csv", 2, 2, "does not match GM0363");
  /* ambiguous and unknown names, with the candidates */
  PUT(fx, "leerplichtigen.csv", "gemeente,leerplichtigen_5_17\nBergen,4000\n");
  read_bad(fx, JV_EDATA, "leerplichtigen.csv", 2, 1,
           "'Bergen' could be 'Bergen (NH.)' (GM0373) or 'Bergen (L.)' (GM0893)");
  PUT(fx, "leerplichtigen.csv", "gemeente,leerplichtigen_5_17\nAmsterdm,4000\n");
  read_bad(fx, JV_EDATA, "leerplichtigen.csv", 2, 1, "did you mean 'Amsterdam' (GM0363)?");
}

static void test_files_disagree(void **state)
{
  fixture *fx = *state;
  PUT(fx, "verzuim.csv",
      "cbs_code,gemeente,absoluut_verzuim,relatief_verzuim\n"
      "GM0482,Alblasserdam,6,79\n");
  read_bad(fx, JV_EDATA, "verzuim.csv", 1, 1,
           "no row for GM0505 (Dordrecht), which leerplichtigen.csv lists on line 3");
  PUT(fx, "verzuim.csv",
      "cbs_code,gemeente,absoluut_verzuim,relatief_verzuim\n"
      "GM0482,Alblasserdam,6,79\nGM0505,Dordrecht,9,678\n"
      "GM0642,Zwijndrecht,7,192\n");
  read_bad(fx, JV_EDATA, "verzuim.csv", 4, 1, "GM0642 (Zwijndrecht) is not in leerplichtigen.csv");
  /* the file sorted first sets the list, whatever its name */
  PUT(fx, "verzuim.csv", VERZUIM);
  PUT(fx, "aaa.csv", "cbs_code,gemeente,luxe_verzuim\nGM0505,Dordrecht,3\n");
  read_bad(fx, JV_EDATA, "leerplichtigen.csv", 2, 1, "GM0482 (Alblasserdam) is not in aaa.csv");
}

static void test_directory_errors(void **state)
{
  fixture *fx = *state;
  PUT(fx, "regio.csv",
      "veld,waarde\nregio,Zuid-Holland Zuid\nschooljaar,2017-2019\n"
      "indeling,2018\n");
  read_bad(fx, JV_EDATA, "regio.csv", 3, 2,
           "school year '2017-2019': expected two consecutive years such as 2017-2018");
  PUT(fx, "regio.csv",
      "veld,waarde\nregio,Zuid-Holland Zuid\nschooljaar,2017-2018\n"
      "indeling,2014\n");
  read_bad(fx, JV_EDATA, "regio.csv", 4, 2,
           "no municipality list for the CBS indeling 2014: expected one of 2015, 2016, 2017, "
           "2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025");
  PUT(fx, "regio.csv", "veld,waarde\nregio,Zuid-Holland Zuid\nschooljar,2017-2018\n");
  read_bad(fx, JV_EDATA, "regio.csv", 3, 1,
           "unknown veld 'schooljar' (did you mean 'schooljaar'?)");
  PUT(fx, "regio.csv", "veld,waarde\nregio,Zuid-Holland Zuid\nschooljaar,2017-2018\n");
  read_bad(fx, JV_EDATA, "regio.csv", 4, 1, "missing row 'indeling': add a line indeling,2018");
  PUT(fx, "regio.csv", "veld;waarde\nregio;Zuid-Holland Zuid\nregio;ZHZ\n");
  read_bad(fx, JV_EDATA, "regio.csv", 3, 1, "veld 'regio' is given twice (first on line 2)");
  PUT(fx, "regio.csv", "regio,Zuid-Holland Zuid\n");
  read_bad(fx, JV_EDATA, "regio.csv", 1, 1, "expected the header veld,waarde");
  PUT(fx, "regio.csv", REGIO);
  /* leerplichtigen_5_17 is required: located at the file of its group */
  PUT(fx, "leerplichtigen.csv",
      "cbs_code,gemeente,leerplichtigen_5_15\n"
      "GM0482,Alblasserdam,2910\nGM0505,Dordrecht,14246\n");
  read_bad(fx, JV_EDATA, "leerplichtigen.csv", 1, 4, "no column leerplichtigen_5_17");
  char path[128];
  snprintf(path, sizeof(path), "%s/leerplichtigen.csv", fx->dir);
  unlink(path);
  read_bad(fx, JV_EDATA, "", 0, 0, "no column leerplichtigen_5_17");
  snprintf(path, sizeof(path), "%s/verzuim.csv", fx->dir);
  unlink(path);
  read_bad(fx, JV_ENOINPUT, "", 0, 0, "no data files");
  snprintf(path, sizeof(path), "%s/regio.csv", fx->dir);
  unlink(path);
  read_bad(fx, JV_ENOINPUT, "regio.csv", 0, 0, "every data directory needs regio.csv");

  jv_dataset ds;
  jv_error err;
  assert_int_equal(jv_dataset_read_dir(&ds, "/nonexistent/jv", GEMEENTEN, &err), JV_ENOINPUT);
  assert_non_null(strstr(err.msg, "no such data directory"));
  assert_int_equal(jv_dataset_read_dir(&ds, BUNDLED, "/nonexistent/jv", &err), JV_ENOINPUT);
}

/* A code that a herindeling took away: the message says where it went, and
 * a code that did not exist yet in the data's indeling says since when. */
static void test_herindeling_codes(void **state)
{
  fixture *fx = *state;
  PUT(fx, "regio.csv",
      "veld,waarde\nregio,Zuid-Holland Zuid\nschooljaar,2019-2020\nindeling,2020\n");
  PUT(fx, "leerplichtigen.csv",
      "cbs_code,gemeente,leerplichtigen_5_17\nGM0482,Alblasserdam,3431\nGM0585,Binnenmaas,4322\n");
  read_bad(fx, JV_EDATA, "leerplichtigen.csv", 3, 1,
           "GM0585 is not a municipality in the CBS indeling 2020 (regio.csv); GM0585 Binnenmaas "
           "is per 1 januari 2019 opgegaan in GM1963 Hoeksche Waard");
  PUT(fx, "regio.csv",
      "veld,waarde\nregio,Zuid-Holland Zuid\nschooljaar,2017-2018\nindeling,2018\n");
  PUT(fx, "leerplichtigen.csv",
      "cbs_code,gemeente,leerplichtigen_5_17\nGM1963,Hoeksche Waard,13009\n");
  read_bad(fx, JV_EDATA, "leerplichtigen.csv", 2, 1,
           "GM1963 Hoeksche Waard bestaat pas sinds 1 januari 2019 (indeling 2019)");
  PUT(fx, "regio.csv",
      "veld,waarde\nregio,Zuid-Holland Zuid\nschooljaar,2019-2020\nindeling,2018\n");
  read_bad(fx, JV_EDATA, "regio.csv", 4, 2,
           "indeling 2018 does not fit the school year 2019-2020: expected 2020");
}

/* Only regular files count as a data directory's figures: a directory named
 * regio.csv or gegevens.xlsx does not make a year folder. */
static void test_dir_probe_regular_files(void **state)
{
  (void)state;
  char dir[] = "/tmp/jv_probe_XXXXXX", path[512];
  assert_non_null(mkdtemp(dir));
  assert_false(jv_dataset_dir_probe(dir));
  snprintf(path, sizeof(path), "%s/regio.csv", dir);
  assert_int_equal(mkdir(path, 0700), 0);
  assert_false(jv_dataset_dir_probe(dir));
  assert_int_equal(rmdir(path), 0);
  FILE *fp = fopen(path, "w");
  assert_non_null(fp);
  fclose(fp);
  assert_true(jv_dataset_dir_probe(dir));
  assert_int_equal(unlink(path), 0);
  snprintf(path, sizeof(path), "%s/gegevens.xlsx", dir);
  assert_int_equal(mkdir(path, 0700), 0);
  assert_false(jv_dataset_dir_probe(dir));
  assert_int_equal(rmdir(path), 0);
  fp = fopen(path, "w");
  assert_non_null(fp);
  fclose(fp);
  assert_true(jv_dataset_dir_probe(dir));
  assert_int_equal(unlink(path), 0);
  assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_bundled_data),
      cmocka_unit_test(test_dir_probe_regular_files),
      cmocka_unit_test_setup_teardown(test_fixture_ok_and_dialects, setup, teardown),
      cmocka_unit_test_setup_teardown(test_header_errors, setup, teardown),
      cmocka_unit_test_setup_teardown(test_row_errors, setup, teardown),
      cmocka_unit_test_setup_teardown(test_names_and_codes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_files_disagree, setup, teardown),
      cmocka_unit_test_setup_teardown(test_directory_errors, setup, teardown),
      cmocka_unit_test_setup_teardown(test_herindeling_codes, setup, teardown),
  };
  return cmocka_run_group_tests_name("dataset_read", tests, NULL, NULL);
}
