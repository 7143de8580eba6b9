/* report_corrections.h - the report's list of corrected figures.
 * Owns the "Correcties" chapter: which corrections it shows, its table
 * (gemeente, gegeven, oud → nieuw, datum) and the reasons below it. */
#ifndef JV_LAYOUT_REPORT_CORRECTIONS_H
#define JV_LAYOUT_REPORT_CORRECTIONS_H

#include "layout/doc.h"
#include "model/model.h"

/* Appends, when ds->corrections holds any, a level-1 heading "Correcties",
 * a short explanation, a table with one row per corrected figure (in the
 * order they were applied) and one paragraph per reason given. Appends
 * nothing when there are none. JV_EINTERNAL only when out of memory. */
jv_status jv_report_corrections(const jv_dataset *ds, jv_doc *doc, jv_error *err);

#endif
