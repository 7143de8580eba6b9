/* format.h - Dutch number notation for everything a reader sees.
 * Pure formatting: "76.533", "0,6", "n.b.", "nvt", "non-respons". */
#ifndef JV_STATS_FORMAT_H
#define JV_STATS_FORMAT_H

#include <stddef.h>

#include "model/model.h"
#include "stats/rates.h"

/* 76533 -> "76.533"; -1234 -> "-1.234". Returns buf. */
char *jv_format_count(long long n, char *buf, size_t size);
/* 0.64 with 1 decimal -> "0,6"; rounds half away from zero; 1234.5 -> "1.234,5". */
char *jv_format_decimal(double v, int decimals, char *buf, size_t size);
/* 273 tenths -> "27,3". */
char *jv_format_tenths(long long tenths, char *buf, size_t size);
/* The label of a non-count kind: "n.b.", "nvt", "non-respons", "–" (missing). */
const char *jv_format_kind_label(jv_value_kind kind);
/* A value as a table cell: count in Dutch notation or its kind's label. */
char *jv_format_value(jv_value v, char *buf, size_t size);
/* A rate per 1,000 with one decimal, or its kind's label. */
char *jv_format_rate(const jv_rate *r, char *buf, size_t size);

#endif
