/* fuzz_geo.c - the TopoJSON/GeoJSON reader on any bytes. */
#include <stdint.h>

#include "input/geo_read.h"
#include "model/geo.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  jv_geo g;
  jv_error err;
  jv_diags warn;
  jv_geo_init(&g);
  jv_diags_init(&warn);
  if (jv_geo_read_buffer(&g, (const char *)data, size, "fuzz.json", &warn, &err) == JV_OK)
    jv_geo_free(&g);
  jv_diags_free(&warn);
  return 0;
}
