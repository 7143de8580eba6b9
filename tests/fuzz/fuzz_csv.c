/* fuzz_csv.c - the CSV reader, value parser and series reader on any bytes. */
#include <stdint.h>
#include <string.h>

#include "input/csv_table.h"
#include "input/series_read.h"
#include "input/value_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  jv_csv_table t;
  jv_error err;
  if (jv_csv_table_parse(&t, "fuzz.csv", (const char *)data, size, &err) == JV_OK)
    jv_csv_table_free(&t);
  char cell[64];
  size_t n = size < sizeof(cell) - 1 ? size : sizeof(cell) - 1;
  memcpy(cell, data, n);
  cell[n] = '\0';
  jv_value v;
  jv_value_parse(&v, cell, NULL, &err);
  jv_series_set set;
  jv_series_set_init(&set);
  jv_series_parse(&set, "fuzz.csv", (const char *)data, size, &err);
  jv_series_set_free(&set);
  return 0;
}
