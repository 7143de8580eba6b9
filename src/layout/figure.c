/* figure.c - figure ownership. */
#include "layout/figure.h"

#include <stdlib.h>

void jv_figure_free(jv_figure *f)
{
  if (!f)
    return;
  if (f->free_ctx)
    f->free_ctx(f->ctx);
  free(f->caption);
  free(f->alt);
  free(f);
}
