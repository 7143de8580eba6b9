/* image_read.h - decoding a PNG (libpng) or JPEG (libjpeg) file into a
 * jv_image of 8-bit RGB + alpha, so libharu never sees a file it could choke on. */
#ifndef JV_INPUT_IMAGE_READ_H
#define JV_INPUT_IMAGE_READ_H

#include <stddef.h>

#include "model/image.h"
#include "util/error.h"

/* Files larger than this are refused before they are read. */
#define JV_IMAGE_MAX_BYTES (32u << 20)
/* Images with more pixels than this are refused before they are decoded. */
#define JV_IMAGE_MAX_PIXELS (6000u * 6000u)

/* Decodes the file at path (any PNG bit depth, palette, grey, alpha or
 * interlace; a baseline or progressive grey/RGB JPEG). On success *out is a
 * new image for jv_image_free. On failure *out is NULL, the status is
 * JV_ENOINPUT (cannot read, not a regular file), JV_EDATA (corrupt or
 * unsupported) or JV_EINTERNAL (out of memory), and why holds the reason. */
jv_status jv_image_read(const char *path, jv_image **out, char *why, size_t why_size);

#endif
