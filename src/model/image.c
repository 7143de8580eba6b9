/* image.c - freeing a decoded image. */
#include "model/image.h"

#include <stdlib.h>

void jv_image_free(jv_image *img)
{
  if (!img)
    return;
  free(img->rgb);
  free(img->alpha);
  free(img);
}
