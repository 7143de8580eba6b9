/* fuzz_template.c - the Markdown template reader on any bytes. Includes
 * resolve against an empty directory made once, so a fuzzed ::voeg-in finds
 * nothing to read. */
#include <stdint.h>
#include <stdlib.h>

#include "input/template_read.h"
#include "model/template.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static char dir[] = "/tmp/jv-fuzz-tpl-XXXXXX";
  static int made;
  if (!made && mkdtemp(dir))
    made = 1;
  jv_tpl t;
  jv_error err;
  if (jv_template_parse(&t, "fuzz.md", (const char *)data, size, dir, &err) == JV_OK)
    jv_tpl_free(&t);
  return 0;
}
