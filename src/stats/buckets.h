/* buckets.h - the map legend classes of the ministry letter: a rate per 1,000
 * falls in a class by fixed edges (default 0,1,2,3,5). Owns the edges, the
 * classification on the exact rate and the Dutch class labels. Pure. */
#ifndef JV_STATS_BUCKETS_H
#define JV_STATS_BUCKETS_H

#include <stdbool.h>
#include <stddef.h>

#include "stats/rates.h"
#include "util/error.h"

#define JV_BUCKETS_MAX_EDGES 8
/* rate classes + non-respons + geen gegevens */
#define JV_BUCKETS_MAX_CLASSES (JV_BUCKETS_MAX_EDGES + 3)

/* Edges are kept in thousandths of a unit (1 = 1000) so classification is
 * integer arithmetic on count and base: a rate exactly on an edge never
 * lands on the wrong side through floating point. */
typedef struct {
  long long milli[JV_BUCKETS_MAX_EDGES]; /* strictly increasing, >= 0 */
  size_t n;                              /* 1..JV_BUCKETS_MAX_EDGES */
  bool letter;                           /* the letter's wording of the top class: "meer dan 5" */
} jv_buckets;

/* The classes, in legend order, for edges e0 < e1 < ... < ek:
 *   e0 == 0: "geen" (r == 0), "tot e1" (0 < r < e1),
 *   e0 > 0:  "tot e0" (0 <= r < e0),
 *   then "ei tot ej" (ei <= r < ej) and "ek of meer" (r >= ek),
 * so there are always n + 1 rate classes (class 0 .. n), followed by
 * non-respons (index n + 1) and geen gegevens (index n + 2). Upper edges are
 * exclusive: a rate of exactly 5 per 1.000 is "5 of meer". */

/* The letter's edges: 0, 1, 2, 3, 5. */
void jv_buckets_default(jv_buckets *out);

/* Parses "0,1,2,3,5" (also ';' or spaces between edges; '.' is the decimal
 * point, at most 3 decimals). JV_EUSAGE with a message when malformed, not
 * increasing, negative or more than JV_BUCKETS_MAX_EDGES edges; the message
 * names the edge that is wrong (by number and text) and why, and suggests
 * '.' when a decimal comma is the likely cause. The wording stays exact. */
jv_status jv_buckets_parse(jv_buckets *out, const char *spec, jv_error *err);

size_t jv_buckets_rate_classes(const jv_buckets *b);   /* n + 1 */
size_t jv_buckets_class_count(const jv_buckets *b);    /* n + 3 */
int jv_buckets_nonresponse_class(const jv_buckets *b); /* n + 1 */
int jv_buckets_nodata_class(const jv_buckets *b);      /* n + 2 */

/* Class of count per base (per 1,000), exactly; base must be > 0 and count >= 0. */
int jv_buckets_classify_counts(const jv_buckets *b, long long count, long long base);

/* Class of a rate per 1,000 given as a number (an interval bound, where no
 * exact fraction exists): the same edges, compared in floating point. */
int jv_buckets_classify_value(const jv_buckets *b, double rate);

/* Class of a rate: its counts when the rate is defined, non-respons for a
 * non-response, geen gegevens for anything else (missing, n.b., nvt, no base). */
int jv_buckets_classify(const jv_buckets *b, const jv_rate *r);

/* Dutch legend label of a class, e.g. "1 tot 2 per 1.000", "geen",
 * "5 of meer per 1.000" ("meer dan 5 per 1.000" with b->letter: the
 * letter's wording, which needs jv_buckets_edge_note), "non-respons",
 * "geen gegevens". Returns buf. */
char *jv_buckets_label(const jv_buckets *b, int cls, char *buf, size_t size);

/* The sentence that says where a rate exactly on an edge goes, for the
 * footnote of a map whose legend uses the letter's wording ("Een aantal
 * precies op een klassengrens hoort bij de hogere klasse: 5,0 per 1.000 valt
 * in meer dan 5 per 1.000."). Returns buf. */
char *jv_buckets_edge_note(const jv_buckets *b, char *buf, size_t size);

/* Parses a legend wording, "letter" or "exact" (the default), into b. 0 when
 * known, -1 otherwise. */
int jv_buckets_wording(jv_buckets *b, const char *name);

#endif
