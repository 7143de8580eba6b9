/* poisson.h - exact (Garwood) confidence intervals for a Poisson count and
 * the small-numbers rule of the maps (jv_small_numbers). Pure. */
#ifndef JV_STATS_POISSON_H
#define JV_STATS_POISSON_H

#include <stdbool.h>

#include "stats/buckets.h"

/* The exact two-sided interval for the mean of a Poisson count k >= 0 at
 * confidence level (0.95 for 95 %): the means for which k is just inside the
 * upper and the lower tail of alpha / 2 each. k = 0 gives lo = 0. Both in
 * counts; divide by the base for a rate. */
void jv_poisson_interval(long long k, double level, double *lo, double *hi);

/* The regularised lower incomplete gamma function P(a, x), a > 0, x >= 0:
 * the chance that a Poisson count of mean x is at least a (integer a). */
double jv_gamma_p(double a, double x);

/* When a municipality's class is uncertain (the letter's warning that one
 * case can colour a small municipality): its count is below min_count, or the
 * interval of its rate at level spans more than one legend class. */
typedef enum {
  JV_SMALL_DOT,     /* a dot at the name (default) */
  JV_SMALL_OUTLINE, /* a dashed line inside the border */
  JV_SMALL_OFF      /* flag nothing */
} jv_small_mark;

typedef struct {
  long long min_count; /* default 5; 0: the count alone flags nothing */
  double level;        /* default 0.95 */
  jv_small_mark mark;
} jv_small_numbers;

void jv_small_numbers_default(jv_small_numbers *o);

/* Whether count of base (leerplichtigen, > 0) is uncertain by o's rule
 * against the classes of b; *lo and *hi (may be NULL) get the interval of
 * the rate per 1,000. A mark of JV_SMALL_OFF flags nothing. */
bool jv_small_numbers_flag(const jv_small_numbers *o, const jv_buckets *b, long long count,
                           long long base, double *lo, double *hi);

/* The footnote sign of an uncertain rate in the per-1,000 tables. */
#define JV_SMALL_SIGN "*"

/* "stip", "rand", "uit" (or dot, outline, off) into o->mark: 0, else -1. */
int jv_small_numbers_mark(jv_small_numbers *o, const char *name);

#endif
