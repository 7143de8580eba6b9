/* series_catalogue.c - the table of series names. Names shared with the
 * per-municipality indicators (model/indicator.h) mean the same figure. */
#include "model/series_catalogue.h"

#include <string.h>

static const jv_series_info table[] = {
    /* national figures from the ministry letters */
    {"absoluut_verzuim", "Absoluut verzuimers", "Absoluut verzuim", "absoluut", JV_SERIES_COUNT},
    {"relatief_verzuim", "Relatief verzuimers", "Relatief verzuim", "relatief_luxe",
     JV_SERIES_COUNT},
    {"luxe_verzuim", "Luxe verzuimers", "Luxe verzuim", "relatief_luxe", JV_SERIES_COUNT},
    {"langdurig_relatief_verzuim", "Langdurig relatief verzuimers", "Langdurig relatief verzuim",
     "langdurig", JV_SERIES_COUNT},
    {"absoluut_verzuim_3m", "Absoluut verzuimers langer dan 3 maanden",
     "Absoluut verzuim > 3 maanden", "thuiszitters_3m", JV_SERIES_COUNT},
    {"langdurig_relatief_verzuim_3m", "Langdurig relatief verzuimers langer dan 3 maanden",
     "Langdurig relatief verzuim > 3 maanden", "thuiszitters_3m", JV_SERIES_COUNT},
    {"thuiszitters_3m", "Thuiszitters langer dan 3 maanden", "Thuiszitters > 3 maanden",
     "thuiszitters_totaal", JV_SERIES_COUNT},
    {"vrijstelling_5a", "Vrijstellingen artikel 5 onder a", "Artikel 5 onder a", "vrijstellingen",
     JV_SERIES_COUNT},
    {"vrijstelling_5b", "Vrijstellingen artikel 5 onder b", "Artikel 5 onder b", "vrijstellingen",
     JV_SERIES_COUNT},
    {"vrijstelling_5c", "Vrijstellingen artikel 5 onder c", "Artikel 5 onder c", "vrijstellingen",
     JV_SERIES_COUNT},
    {"processen_verbaal_absoluut", "Processen-verbaal absoluut verzuim", "Absoluut verzuim",
     "processen_verbaal", JV_SERIES_COUNT},
    {"processen_verbaal_luxe", "Processen-verbaal luxe verzuim", "Luxe verzuim",
     "processen_verbaal", JV_SERIES_COUNT},
    {"processen_verbaal_relatief", "Processen-verbaal relatief verzuim", "Relatief verzuim",
     "processen_verbaal", JV_SERIES_COUNT},
    {"absoluut_bo_sbo", "Absoluut verzuim, laatst genoten onderwijs BO en SBO", "BO en SBO",
     "absoluut_naar_onderwijs", JV_SERIES_COUNT},
    {"absoluut_vso", "Absoluut verzuim, laatst genoten onderwijs (V)SO", "(V)SO",
     "absoluut_naar_onderwijs", JV_SERIES_COUNT},
    {"absoluut_vo", "Absoluut verzuim, laatst genoten onderwijs VO", "VO",
     "absoluut_naar_onderwijs", JV_SERIES_COUNT},
    {"absoluut_beroeps", "Absoluut verzuim, laatst genoten onderwijs beroepsonderwijs",
     "Beroepsonderwijs", "absoluut_naar_onderwijs", JV_SERIES_COUNT},
    {"absoluut_geen_onbekend", "Absoluut verzuim, geen of onbekend onderwijs",
     "Geen onderwijs/onbekend", "absoluut_naar_onderwijs", JV_SERIES_COUNT},
    {"absoluut_onbekend", "Absoluut verzuim, laatst genoten onderwijs onbekend", "Onbekend",
     "absoluut_onbekend_geen", JV_SERIES_COUNT},
    {"absoluut_geen", "Absoluut verzuim, geen onderwijs genoten", "Geen onderwijs",
     "absoluut_onbekend_geen", JV_SERIES_COUNT},
    {"langdurig_bo_sbo", "Langdurig relatief verzuim, schoolsoort BO en SBO", "BO en SBO",
     "langdurig_naar_schoolsoort", JV_SERIES_COUNT},
    {"langdurig_vso", "Langdurig relatief verzuim, schoolsoort (V)SO", "(V)SO",
     "langdurig_naar_schoolsoort", JV_SERIES_COUNT},
    {"langdurig_vo", "Langdurig relatief verzuim, schoolsoort VO", "VO",
     "langdurig_naar_schoolsoort", JV_SERIES_COUNT},
    {"langdurig_beroeps", "Langdurig relatief verzuim, schoolsoort beroepsonderwijs",
     "Beroepsonderwijs", "langdurig_naar_schoolsoort", JV_SERIES_COUNT},
    /* regional figures (RMC region) from an annual report */
    {"vsv", "Voortijdig schoolverlaters", "Voortijdig schoolverlaters", "vsv", JV_SERIES_COUNT},
    {"vsv_percentage", "Voortijdig schoolverlaters (% van de deelnemers)", "Percentage vsv", "vsv",
     JV_SERIES_PERCENT},
    {"overstap_leerlingen", "Overgestapte leerlingen van vo naar mbo", "Overgestapte leerlingen",
     "overstap", JV_SERIES_COUNT},
    {"overstap_risicoleerlingen", "Begeleide risicoleerlingen bij de overstap vo-mbo",
     "Begeleide risicoleerlingen", "overstap", JV_SERIES_COUNT},
};

static const struct {
  const char *group, *label;
} groups[] = {
    {"absoluut", "Absoluut verzuimers"},
    {"relatief_luxe", "Relatief verzuim en luxe verzuim"},
    {"langdurig", "Langdurig relatief verzuimers"},
    {"thuiszitters_3m", "Thuiszitters langer dan 3 maanden naar soort verzuim"},
    {"thuiszitters_totaal", "Thuiszitters langer dan 3 maanden"},
    {"vrijstellingen", "Vrijstellingen naar grond"},
    {"processen_verbaal", "Processen-verbaal naar soort verzuim"},
    {"absoluut_naar_onderwijs", "Absoluut verzuim naar laatst genoten onderwijs"},
    {"absoluut_onbekend_geen", "Absoluut verzuim: onbekend en geen onderwijs"},
    {"langdurig_naar_schoolsoort", "Langdurig relatief verzuim naar schoolsoort"},
    {"vsv", "Voortijdig schoolverlaters"},
    {"overstap", "Overstap van vo naar mbo"},
};

const char *jv_series_group_label(const char *group)
{
  for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
    if (strcmp(groups[i].group, group) == 0)
      return groups[i].label;
  return NULL;
}

const jv_series_info *jv_series_info_find(const char *name)
{
  for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
    if (strcmp(table[i].name, name) == 0)
      return &table[i];
  return NULL;
}

size_t jv_series_info_count(void)
{
  return sizeof(table) / sizeof(table[0]);
}

const jv_series_info *jv_series_info_at(size_t i)
{
  return i < sizeof(table) / sizeof(table[0]) ? &table[i] : NULL;
}
