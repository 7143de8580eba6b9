/* report_compare.h - the per-1,000 table beside an earlier school year.
 * Owns that comparison's columns (the earlier rate, the change) and the note
 * under it (recomputed onto the current indeling, what is not comparable). */
#ifndef JV_LAYOUT_REPORT_COMPARE_H
#define JV_LAYOUT_REPORT_COMPARE_H

#include "layout/table.h"
#include "model/model.h"
#include "stats/recompute.h"

/* The table of jv_report_rate_table with two more columns before the
 * regional average: the rate of the earlier year (its school year in the
 * header; computed from prev's sums, "n.v." with a note mark where prev has
 * a note; in the region row the sum over prev's comparable municipalities,
 * the figure of the regional trend) and the change in the rates as
 * printed. The table's note is the small-numbers footnote of that table
 * followed by jv_report_compare_note's footnotes. Caller owns *out. */
jv_status jv_report_rate_table_compared(const jv_dataset *ds, const jv_recomputed *prev,
                                        const char *title, jv_indicator ind,
                                        const char *count_header, const char *rate_header,
                                        jv_table **out, jv_error *err);

/* The footnotes of such a table, '\n'-separated: "2017-2018 omgerekend
 * naar de gemeentelijke indeling 2020 ..." when some figure was summed, then
 * each numbered note of prev, then what the region row leaves out (prev's
 * region_note, the words of the trend's source line). A malloc'ed string,
 * NULL when there is nothing to say; *oom is set when out of memory. */
char *jv_report_compare_note(const jv_recomputed *prev, int *oom);

#endif
