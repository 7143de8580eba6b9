/* png_size.h - the pixel size of a PNG file, read from its header, so the
 * layout can size an image without decoding it (libharu decodes it later). */
#ifndef JV_INPUT_PNG_SIZE_H
#define JV_INPUT_PNG_SIZE_H

#include "util/error.h"

/* JV_ENOINPUT when the file cannot be read, JV_EDATA when it is not a PNG. */
jv_status jv_png_size(const char *path, unsigned *width, unsigned *height, jv_error *err);

#endif
