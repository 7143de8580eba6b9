/* directives.c - the table of template directives. */
#include "model/directives.h"

#include <string.h>

#define UNITS "aantal|per_1000|procent"

#define TEXT(k)                                                                                    \
  {                                                                                                \
    .key = k, .type = JV_ARG_TEXT                                                                  \
  }
#define NEED(k, t)                                                                                 \
  {                                                                                                \
    .key = k, .type = t, .required = 1                                                             \
  }
#define OPT(k, t)                                                                                  \
  {                                                                                                \
    .key = k, .type = t                                                                            \
  }
#define CHOICE(k, req, c)                                                                          \
  {                                                                                                \
    .key = k, .type = JV_ARG_CHOICE, .required = req, .choices = c                                 \
  }
#define INT(k, lo, hi)                                                                             \
  {                                                                                                \
    .key = k, .type = JV_ARG_INT, .min = lo, .max = hi                                             \
  }
#define NONE                                                                                       \
  {                                                                                                \
    .key = NULL                                                                                    \
  }

static const jv_dir_spec specs[] = {
    {"omslag",
     JV_DIRACT_NODE,
     JV_DIR_OMSLAG,
     0,
     {TEXT("titel"), TEXT("ondertitel")},
     "omslag; zonder `titel` die uit de front matter"},
    {"inhoud",
     JV_DIRACT_NODE,
     JV_DIR_INHOUD,
     0,
     {TEXT("titel"), INT("diepte", 1, 3)},
     "inhoudsopgave uit de koppen"},
    {"pagina", JV_DIRACT_PAGE, 0, 0, {NONE}, "paginaovergang"},
    {"kolommen",
     JV_DIRACT_NODE,
     JV_DIR_KOLOMMEN,
     0,
     {INT("aantal", 2, 3)},
     "begin van tekst in kolommen"},
    {"einde-kolommen", JV_DIRACT_NODE, JV_DIR_EINDE_KOLOMMEN, 1, {NONE}, "einde daarvan"},
    {"citaat",
     JV_DIRACT_QUOTE,
     0,
     1,
     {NEED("tekst", JV_ARG_TEXT), TEXT("bron")},
     "opvallend citaat, eventueel met naam eronder"},
    {"voeg-in",
     JV_DIRACT_INCLUDE,
     0,
     1,
     {NEED("bestand", JV_ARG_PATH)},
     "voegt een ander `.md`-bestand uit de sjabloonmap in"},
    {"tabel",
     JV_DIRACT_NODE,
     JV_DIR_TABEL,
     0,
     {NEED("soort", JV_ARG_TABLE_KIND), TEXT("titel"), OPT("indicatoren", JV_ARG_INDICATORS),
      CHOICE("eenheid", 0, UNITS), TEXT("decimalen")},
     "tabel per gemeente"},
    {"grafiek",
     JV_DIRACT_NODE,
     JV_DIR_GRAFIEK,
     0,
     {CHOICE("soort", 1, "trend|vergelijking|gestapeld"), OPT("indicator", JV_ARG_INDICATOR),
      OPT("indicatoren", JV_ARG_INDICATORS), OPT("reeks", JV_ARG_SERIES_LIST),
      CHOICE("eenheid", 0, UNITS), TEXT("titel")},
     "grafiek"},
    /* a map shows rates per 1.000 leerplichtigen only: eenheid=aantal is
     * refused where it is written */
    {"kaart",
     JV_DIRACT_NODE,
     JV_DIR_KAART,
     0,
     {NEED("indicator", JV_ARG_INDICATOR), TEXT("regio"), CHOICE("eenheid", 0, "per_1000"),
      TEXT("titel"), TEXT("klassen"), CHOICE("labels", 0, "letter|exact"),
      CHOICE("kleine-aantallen", 0, "stip|rand|uit"), INT("kleine-aantallen-onder", 0, 100000)},
     "kaart van de gemeenten"},
    {"kerncijfer",
     JV_DIRACT_NODE,
     JV_DIR_KERNCIJFER,
     0,
     {OPT("indicator", JV_ARG_INDICATOR), OPT("reeks", JV_ARG_SERIES), OPT("jaar", JV_ARG_YEAR),
      CHOICE("eenheid", 0, UNITS), TEXT("label")},
     "één groot getal met een onderschrift"},
    {"bij-figuur",
     JV_DIRACT_NODE,
     JV_DIR_BIJ_FIGUUR,
     1,
     {NONE},
     "de alinea (of lijst) erna hoort bij de grafieken: zonder grafieken (`--no-charts`) valt ze "
     "weg"},
};

const jv_dir_spec *jv_dir_specs(size_t *n)
{
  *n = sizeof(specs) / sizeof(specs[0]);
  return specs;
}

const jv_dir_spec *jv_dir_spec_find(const char *name)
{
  for (size_t i = 0; name && i < sizeof(specs) / sizeof(specs[0]); i++)
    if (strcmp(specs[i].name, name) == 0)
      return &specs[i];
  return NULL;
}
