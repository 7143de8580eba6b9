/* textflow.h - breaking a paragraph of styled runs into lines.
 * Owns jv_textflow (lines of positioned pieces of text); a total-fit
 * (Knuth-Plass) breaker with Dutch hyphenation. Pure: widths come from a
 * jv_measure, the renderer only places the pieces. */
#ifndef JV_LAYOUT_TEXTFLOW_H
#define JV_LAYOUT_TEXTFLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "layout/hyphen.h"
#include "layout/measure.h"
#include "util/error.h"

/* One run of a paragraph: NUL-terminated UTF-8 in one style (from Markdown
 * emphasis). Borrowed; it must outlive the flow only while the caller uses
 * the byte ranges of the pieces (piece texts are copies). */
typedef struct {
  const char *text;
  jv_font_style style;
} jv_textflow_run;

typedef enum {
  JV_TEXTFLOW_JUSTIFY, /* flush left and right; the last line ragged */
  JV_TEXTFLOW_RAGGED   /* flush left, natural word spaces */
} jv_textflow_align;

typedef struct {
  double size;         /* font size, points */
  double width;        /* line width, points (> 0) */
  double first_indent; /* the first line starts this much to the right */
  jv_textflow_align align;
  const jv_hyphenator *hyph; /* NULL: break only at spaces, '-' and '/' */
} jv_textflow_opts;

/* How a line ends. */
typedef enum {
  JV_TEXTFLOW_END_SPACE,    /* at a space (dropped) */
  JV_TEXTFLOW_END_HYPHEN,   /* inside a word; a hyphen piece was added */
  JV_TEXTFLOW_END_EXPLICIT, /* after a '-' or '/' already in the text */
  JV_TEXTFLOW_END_FORCED,   /* inside a word too long for any line, no hyphen */
  JV_TEXTFLOW_END_PARAGRAPH /* the last line */
} jv_textflow_end;

/* A piece of one run placed on a line. Pieces of a line never overlap and
 * are in text order. */
typedef struct {
  const char *text;  /* NUL-terminated copy, owned by the flow */
  size_t run;        /* index of the input run */
  size_t start, end; /* its bytes in runs[run].text (empty for a hyphen) */
  jv_font_style style;
  double x;             /* from the left edge of the column, points */
  double width;         /* natural width, points */
  bool space_before;    /* a word space separates it from the piece before */
  bool inserted_hyphen; /* the hyphen of a JV_TEXTFLOW_END_HYPHEN line */
} jv_textflow_piece;

typedef struct {
  size_t first, count; /* pieces[first, first + count) */
  double indent;       /* x of the line's start (first_indent or 0) */
  double natural;      /* width with natural spaces, hyphen included */
  double width;        /* width as set (justified: indent + width = column) */
  size_t n_spaces;     /* word spaces on the line */
  double space_extra;  /* added to each word space (negative: shrunk) */
  jv_textflow_end end;
} jv_textflow_line;

typedef struct {
  jv_textflow_line *lines;
  size_t n_lines;
  jv_textflow_piece *pieces;
  size_t n_pieces;
  char *text; /* storage of the piece texts */
} jv_textflow;

/* Breaks runs[0, n_runs) into lines of opts->width. Whitespace (space, tab,
 * newline) separates words and collapses to one space; U+00A0 does not
 * break. A paragraph of only whitespace gives 0 lines. Words longer than a
 * line are hyphenated if they can be, else broken at the last character
 * that fits. out is overwritten; free it with jv_textflow_free, also after
 * a failure. JV_EDATA for invalid UTF-8 (location: run, byte), JV_EINTERNAL
 * for bad options or out of memory. */
jv_status jv_textflow_break(jv_textflow *out, const jv_textflow_run *runs, size_t n_runs,
                            const jv_measure *m, const jv_textflow_opts *opts, jv_error *err);
void jv_textflow_free(jv_textflow *f);
/* dst becomes a copy of src (its own lines, pieces and texts); JV_EINTERNAL
 * when out of memory, dst then empty. */
jv_status jv_textflow_copy(jv_textflow *dst, const jv_textflow *src, jv_error *err);

#endif
