/* region_read.h - which municipalities make up a region in a boundary year
 * (assets/geo/regios.csv: regio,indeling,cbs_code,gemeente), so a regional
 * map can tell a member without data from a neighbour. Owns jv_regions. */
#ifndef JV_INPUT_REGION_READ_H
#define JV_INPUT_REGION_READ_H

#include <stddef.h>

#include "util/error.h"

typedef struct {
  char *regio;    /* owned */
  int indeling;   /* CBS boundary year */
  char code[8];   /* "GM0505" */
  char *gemeente; /* owned */
  int line;       /* in the file, for messages */
} jv_region_member;

typedef struct {
  jv_region_member *items; /* owned */
  size_t n;
  char *file; /* owned path, for messages */
} jv_regions;

/* Reads the file. JV_ENOINPUT when missing, JV_EDATA (located) when a row
 * lacks a field, has a year that is not a number or a code that is not
 * GMdddd. On success the caller frees *out with jv_regions_free. */
jv_status jv_regions_read(jv_regions *out, const char *path, jv_error *err);
void jv_regions_free(jv_regions *r);

#endif
