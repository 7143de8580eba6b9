/* indicator.h - the catalogue of Leerplicht indicators.
 * Owns the stable snake_case names used in CSV headers, templates and
 * options, and their Dutch labels. Pure data, no I/O. */
#ifndef JV_MODEL_INDICATOR_H
#define JV_MODEL_INDICATOR_H

#include <stddef.h>

/* X(enum, name, label, group) */
#define JV_INDICATORS(X)                                                                           \
  X(LPL_5_15, "leerplichtigen_5_15", "Leerplichtigen 5 t/m 15 jaar", "leerplichtigen")             \
  X(LPL_16_17, "leerplichtigen_16_17", "Leerplichtigen 16 en 17 jaar", "leerplichtigen")           \
  X(LPL_5_17, "leerplichtigen_5_17", "Leerplichtigen 5 t/m 17 jaar", "leerplichtigen")             \
  X(ABSOLUUT, "absoluut_verzuim", "Absoluut verzuimers", "verzuim")                                \
  X(ABSOLUUT_3M, "absoluut_verzuim_3m", "Absoluut verzuimers langer dan 3 maanden", "verzuim")     \
  X(RELATIEF, "relatief_verzuim", "Relatief verzuimers", "verzuim")                                \
  X(LANGDURIG, "langdurig_relatief_verzuim", "Langdurig relatief verzuimers", "verzuim")           \
  X(LANGDURIG_3M, "langdurig_relatief_verzuim_3m",                                                 \
    "Langdurig relatief verzuimers langer dan 3 maanden", "verzuim")                               \
  X(LUXE, "luxe_verzuim", "Luxe verzuimers", "verzuim")                                            \
  X(REL_BO_SBO, "relatief_bo_sbo", "Relatief verzuim BO en SBO", "relatief")                       \
  X(REL_VO, "relatief_vo", "Relatief verzuim VO", "relatief")                                      \
  X(REL_VSO, "relatief_vso", "Relatief verzuim (V)SO", "relatief")                                 \
  X(REL_BEROEPS, "relatief_beroeps", "Relatief verzuim beroepsonderwijs", "relatief")              \
  X(REL_ONBEKEND, "relatief_onbekend", "Relatief verzuim onderwijs onbekend", "relatief")          \
  X(REL_GEEN, "relatief_geen", "Relatief verzuim geen onderwijs", "relatief")                      \
  X(PV_BO_SBO, "pv_bo_sbo", "Processen-verbaal BO en SBO", "processen_verbaal")                    \
  X(PV_VO, "pv_vo", "Processen-verbaal VO", "processen_verbaal")                                   \
  X(PV_VSO, "pv_vso", "Processen-verbaal (V)SO", "processen_verbaal")                              \
  X(PV_BEROEPS, "pv_beroeps", "Processen-verbaal beroepsonderwijs", "processen_verbaal")           \
  X(PV_ONBEKEND, "pv_onbekend", "Processen-verbaal onderwijs onbekend", "processen_verbaal")       \
  X(PV_GEEN, "pv_geen", "Processen-verbaal geen onderwijs", "processen_verbaal")                   \
  X(VRIJ_5A, "vrijstelling_5a", "Vrijstelling artikel 5 onder a", "vrijstellingen")                \
  X(VRIJ_5B, "vrijstelling_5b", "Vrijstelling artikel 5 onder b", "vrijstellingen")                \
  X(VRIJ_5C, "vrijstelling_5c", "Vrijstelling artikel 5 onder c", "vrijstellingen")                \
  X(VRIJ_15, "vrijstelling_15", "Vrijstelling artikel 15", "vrijstellingen")                       \
  X(VERV_3A, "vervangende_leerplicht_3a", "Vervangende leerplicht artikel 3a", "vrijstellingen")   \
  X(VERV_3B, "vervangende_leerplicht_3b", "Vervangende leerplicht artikel 3b", "vrijstellingen")   \
  X(TZ_AANVANG, "thuiszitters_aanvang", "Thuiszitters bij aanvang schooljaar", "thuiszitters")     \
  X(TZ_NIEUW, "thuiszitters_nieuw", "Nieuwe thuiszitters daarna", "thuiszitters")                  \
  X(TZ_OPGELOST, "thuiszitters_opgelost", "Thuiszitters opgelost", "thuiszitters")                 \
  X(TZ_18JAAR, "thuiszitters_18_jaar", "Thuiszitters 18 jaar geworden", "thuiszitters")            \
  X(TZ_VERHUISD, "thuiszitters_verhuisd", "Thuiszitters verhuisd of overleden", "thuiszitters")    \
  X(TZ_ACTUEEL, "thuiszitters_actueel", "Thuiszitters actueel (einde schooljaar)", "thuiszitters") \
  X(TZ_3M, "thuiszitters_3m", "Thuiszitters langer dan 3 maanden", "thuiszitters")

typedef enum {
#define JV_X_ENUM(e, n, l, g) JV_IND_##e,
  JV_INDICATORS(JV_X_ENUM)
#undef JV_X_ENUM
      JV_IND_COUNT
} jv_indicator;

/* Stable snake_case name, e.g. "absoluut_verzuim". */
const char *jv_indicator_name(jv_indicator ind);
/* Dutch label, e.g. "Absoluut verzuimers". */
const char *jv_indicator_label(jv_indicator ind);
/* Group name (one CSV file per group in the bundled data). */
const char *jv_indicator_group(jv_indicator ind);
/* Looks a name up; returns 0 and sets *out, or -1 when unknown. */
int jv_indicator_from_name(const char *name, jv_indicator *out);

#endif
