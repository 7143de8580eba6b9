/* image.h - a decoded raster image (the report's logo) as 8-bit RGB samples
 * plus an optional 8-bit alpha plane. Owns jv_image; src/input decodes files. */
#ifndef JV_MODEL_IMAGE_H
#define JV_MODEL_IMAGE_H

#include <stddef.h>

typedef struct {
  unsigned width, height;
  unsigned char *rgb;   /* width * height * 3 bytes, rows top to bottom */
  unsigned char *alpha; /* width * height bytes, or NULL when fully opaque */
} jv_image;

/* Releases the samples and frees the image itself; NULL is fine. */
void jv_image_free(jv_image *img);

#endif
