/* fonts_fixture.h - the cmocka group fixture of the drawing tests: the
 * bundled fonts loaded once and a temporary directory removed afterwards. */
#ifndef JV_TEST_FONTS_FIXTURE_H
#define JV_TEST_FONTS_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

#include "input/paths.h"
#include "render/fonts.h"

typedef struct {
  jv_fonts *fonts;
  char dir[256];
} fixture;

static int setup(void **state)
{
  fixture *f = calloc(1, sizeof(*f));
  char home[4096], fontdir[4096];
  jv_error err;
  if (!f || jv_paths_home(home, sizeof(home), &err) ||
      jv_paths_join(fontdir, sizeof(fontdir), home, "assets/fonts", &err) ||
      jv_fonts_new(&f->fonts, fontdir, &err))
    return -1;
  snprintf(f->dir, sizeof(f->dir), "/tmp/jv_draw_test.XXXXXX");
  if (!mkdtemp(f->dir))
    return -1;
  *state = f;
  return 0;
}

static int teardown(void **state)
{
  fixture *f = *state;
  char cmd[512];
  snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
  if (system(cmd) != 0)
    return -1;
  jv_fonts_free(f->fonts);
  free(f);
  return 0;
}

#endif
