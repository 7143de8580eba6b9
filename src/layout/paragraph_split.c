/* paragraph_split.c - widows, orphans and headings kept with their text. */
#include "layout/paragraph_split.h"

size_t jv_para_min_lines(size_t n_lines)
{
  /* a split of 3 lines leaves 1 line on one side */
  return n_lines <= 2 * JV_PARA_MIN_LINES - 1 ? n_lines : JV_PARA_MIN_LINES;
}

size_t jv_para_split(size_t n_lines, size_t avail, bool at_page_top)
{
  if (n_lines <= avail)
    return n_lines;
  size_t k = 0;
  if (n_lines >= 2 * JV_PARA_MIN_LINES && avail >= JV_PARA_MIN_LINES) {
    /* keep the head of the paragraph here and at least 2 lines for later */
    k = n_lines - JV_PARA_MIN_LINES;
    if (k > avail)
      k = avail;
  }
  if (k == 0 && at_page_top)
    k = avail;
  return k;
}

bool jv_heading_keep_fits(double heading_height, double line_height, size_t next_lines,
                          double space_left, bool at_page_top)
{
  if (at_page_top)
    return true;
  double need = heading_height + (double)jv_para_min_lines(next_lines) * line_height;
  /* a hair of tolerance: heights are sums of floating-point leadings */
  return need <= space_left + 1e-6;
}
