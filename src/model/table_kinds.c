/* table_kinds.c - the catalogue of table kinds. */
#include "model/table_kinds.h"

#include <string.h>

#define ONDERWIJS_HDR                                                                              \
  {                                                                                                \
    "BO en SBO", "VO", "(V)SO", "Beroeps-\nonderwijs", "Onderwijs\nonbekend", "Geen\nonderwijs"    \
  }
#define VRIJ_IND                                                                                   \
  {                                                                                                \
    JV_IND_VRIJ_5A, JV_IND_VRIJ_5B, JV_IND_VRIJ_5C, JV_IND_VRIJ_15, JV_IND_VERV_3A, JV_IND_VERV_3B \
  }
#define VRIJ_HDR                                                                                   \
  {                                                                                                \
    "Artikel 5\nonder a", "Artikel 5\nonder b", "Artikel 5\nonder c", "Artikel\n15",               \
        "Artikel\n3a", "Artikel\n3b"                                                               \
  }

static const jv_table_kind kinds[] = {
    {"absoluut_per_1000",
     "Absoluut verzuimers per 1.000 leerplichtigen",
     JV_TABLE_RATE,
     JV_UNIT_PER_1000,
     1,
     {JV_IND_ABSOLUUT},
     {"Absoluut\nverzuimers\n(totaal)", "Absoluut\nverzuimers\nper 1.000"}},
    {"relatief_per_1000",
     "Relatief verzuimers per 1.000 leerplichtigen",
     JV_TABLE_RATE,
     JV_UNIT_PER_1000,
     1,
     {JV_IND_RELATIEF},
     {"Relatief\nverzuimers\n(totaal)", "Relatief\nverzuimers\nper 1.000"}},
    {"relatief_naar_onderwijssoort",
     "Relatief verzuimers per gemeente naar onderwijssoort",
     JV_TABLE_COLUMNS,
     JV_UNIT_COUNT,
     6,
     {JV_IND_REL_BO_SBO, JV_IND_REL_VO, JV_IND_REL_VSO, JV_IND_REL_BEROEPS, JV_IND_REL_ONBEKEND,
      JV_IND_REL_GEEN},
     ONDERWIJS_HDR},
    {"processen_verbaal",
     "Processen-verbaal naar onderwijssoort per gemeente",
     JV_TABLE_COLUMNS,
     JV_UNIT_COUNT,
     6,
     {JV_IND_PV_BO_SBO, JV_IND_PV_VO, JV_IND_PV_VSO, JV_IND_PV_BEROEPS, JV_IND_PV_ONBEKEND,
      JV_IND_PV_GEEN},
     ONDERWIJS_HDR},
    {"vrijstellingen", "Vervangende leerplicht en vrijstellingen per gemeente", JV_TABLE_COLUMNS,
     JV_UNIT_COUNT, 6, VRIJ_IND, VRIJ_HDR},
    {"vrijstellingen_per_1000", "Vervangende leerplicht en vrijstellingen per 1.000 leerplichtigen",
     JV_TABLE_COLUMNS, JV_UNIT_PER_1000, 6, VRIJ_IND, VRIJ_HDR},
    {"thuiszitters",
     "Thuiszitters per gemeente",
     JV_TABLE_COLUMNS,
     JV_UNIT_COUNT,
     6,
     {JV_IND_TZ_AANVANG, JV_IND_TZ_NIEUW, JV_IND_TZ_OPGELOST, JV_IND_TZ_18JAAR, JV_IND_TZ_VERHUISD,
      JV_IND_TZ_ACTUEEL},
     {"Aanvang\nschooljaar", "Nieuwe\ngevallen", "Opgelost", "18 jaar\ngeworden",
      "Verhuisd/\noverleden", "Actueel\n(einde\nschooljaar)"}},
    {"overzicht", "Overzicht per gemeente", JV_TABLE_OVERVIEW, JV_UNIT_COUNT, 0, {0}, {0}},
};

const jv_table_kind *jv_table_kinds(size_t *n)
{
  *n = sizeof(kinds) / sizeof(kinds[0]);
  return kinds;
}

const jv_table_kind *jv_table_kind_find(const char *name)
{
  for (size_t i = 0; name && i < sizeof(kinds) / sizeof(kinds[0]); i++)
    if (strcmp(kinds[i].name, name) == 0)
      return &kinds[i];
  return NULL;
}

int jv_unit_from_name(const char *name, jv_unit *out)
{
  static const char *const names[] = {"aantal", "per_1000", "procent"};
  for (int i = 0; i < 3; i++)
    if (name && strcmp(names[i], name) == 0) {
      *out = (jv_unit)i;
      return 0;
    }
  return -1;
}
