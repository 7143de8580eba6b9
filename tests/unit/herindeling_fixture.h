/* herindeling_fixture.h - a 1 January 2019 change (indeling 2018 -> 2019)
 * added to a list of herindelingen, for the recompute tests. Shared by
 * test_recompute.c and test_history_trend.c; include after cmocka.h. */
#ifndef JV_TEST_HERINDELING_FIXTURE_H
#define JV_TEST_HERINDELING_FIXTURE_H

#include <stdio.h>

#include "model/herindeling.h"

static void add_change(jv_herindelingen *h, jv_herindeling_kind k, const char *oc, const char *on,
                       const char *nc, const char *nn)
{
  jv_herindeling r = {.kind = k, .old_year = 2018, .new_year = 2019, .share = 1};
  snprintf(r.date, sizeof(r.date), "2019-01-01");
  snprintf(r.old_code, sizeof(r.old_code), "%s", oc);
  snprintf(r.new_code, sizeof(r.new_code), "%s", nc);
  r.old_name = (char *)on;
  r.new_name = (char *)nn;
  assert_int_equal(jv_herindelingen_add(h, &r), JV_OK);
}

#endif
