/* paragraph_split.h - where a paragraph may continue on the next page.
 * Owns the widow/orphan rule (at least 2 lines at the foot of a page and at
 * least 2 at the head of the next) and keeping a heading with its text. */
#ifndef JV_LAYOUT_PARAGRAPH_SPLIT_H
#define JV_LAYOUT_PARAGRAPH_SPLIT_H

#include <stdbool.h>
#include <stddef.h>

/* Fewest lines of a paragraph on either side of a page break. */
#define JV_PARA_MIN_LINES 2

/* How many of a paragraph's n_lines go on the current page, which has room
 * for avail more lines: all when they fit, 0 when the paragraph must move
 * to the next page (a split would leave a single first line at the foot or
 * a single last line at the head; paragraphs of 2 or 3 lines never split).
 * At the top of a page (at_page_top) moving cannot help, so the page is
 * filled even if that breaks the rule; the result is then > 0 whenever
 * avail > 0 and n_lines > 0, so a caller that starts each new page with
 * at_page_top always makes progress. */
size_t jv_para_split(size_t n_lines, size_t avail, bool at_page_top);

/* The fewest lines of an n_lines paragraph that can start a page's last
 * part: n_lines when it may not split (<= 3 lines), else JV_PARA_MIN_LINES. */
size_t jv_para_min_lines(size_t n_lines);

/* Whether a heading of heading_height (points, including its spacing)
 * stays on this page with space_left points: it needs room for itself plus
 * the first lines of the paragraph after it (next_lines lines of
 * line_height; at least JV_PARA_MIN_LINES of them, or the whole paragraph
 * when it is not split; 0 = nothing follows, which needs no room; pass
 * JV_PARA_MIN_LINES when a table or figure follows). At the top of a page
 * it always stays. */
bool jv_heading_keep_fits(double heading_height, double line_height, size_t next_lines,
                          double space_left, bool at_page_top);

#endif
