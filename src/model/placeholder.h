/* placeholder.h - the {name} placeholders of template text.
 * Owns their names and how text is scanned for them and filled in. */
#ifndef JV_MODEL_PLACEHOLDER_H
#define JV_MODEL_PLACEHOLDER_H

#include <stddef.h>

typedef enum {
  JV_PH_REGIO,            /* {regio}: the region's name */
  JV_PH_SCHOOLJAAR,       /* {schooljaar}: the report's school year */
  JV_PH_ORGANISATIE,      /* {organisatie}: the office (project.csv; default "LVS") */
  JV_PH_VORIG_SCHOOLJAAR, /* {vorig_schooljaar}: the most recent earlier year of the project */
  JV_PH_COUNT
} jv_placeholder;

/* "regio, schooljaar, organisatie, vorig_schooljaar", for messages. */
extern const char JV_PLACEHOLDER_LIST[];

/* Finds the next "{name}" (name: lower-case letters and '_') at or after
 * s. Returns a pointer to its '{' and sets *len (braces included) and *which
 * (-1 for a name that is not a placeholder); NULL when there is none. */
const char *jv_placeholder_next(const char *s, size_t *len, int *which);

#endif
