/* png_size.c - PNG signature and IHDR. */
#include "input/png_size.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

jv_status jv_png_size(const char *path, unsigned *width, unsigned *height, jv_error *err)
{
  static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  unsigned char h[24];
  FILE *fp = fopen(path, "rb");
  if (!fp)
    return jv_error_set(err, JV_ENOINPUT, path, 0, 0, "cannot open image: %s", strerror(errno));
  size_t n = fread(h, 1, sizeof(h), fp);
  fclose(fp);
  /* signature, then the IHDR chunk: length 13, "IHDR", width, height */
  if (n < sizeof(h) || memcmp(h, sig, 8) != 0 || memcmp(h + 12, "IHDR", 4) != 0)
    return jv_error_set(err, JV_EDATA, path, 0, 0, "not a PNG image (the logo must be a PNG)");
  *width = (unsigned)h[16] << 24 | (unsigned)h[17] << 16 | (unsigned)h[18] << 8 | h[19];
  *height = (unsigned)h[20] << 24 | (unsigned)h[21] << 16 | (unsigned)h[22] << 8 | h[23];
  if (*width == 0 || *height == 0)
    return jv_error_set(err, JV_EDATA, path, 0, 0, "PNG image of size 0");
  return JV_OK;
}
