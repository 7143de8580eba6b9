/* table.h - a table as layout sees it: header, rows of text cells, totals.
 * Owns the cell strings (jv_table_free releases them) and the decisions that
 * depend on sizes: column widths, header line wrapping, row heights. */
#ifndef JV_LAYOUT_TABLE_H
#define JV_LAYOUT_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "layout/measure.h"
#include "util/error.h"

typedef enum { JV_ROW_BODY = 0, JV_ROW_TOTAL } jv_row_kind;
typedef enum { JV_CELL_LEFT = 0, JV_CELL_RIGHT, JV_CELL_CENTER } jv_cell_align;

typedef struct {
  char *title;  /* caption above, e.g. "Tabel 1. Absoluut verzuim ..." (owned) */
  char *source; /* source line below, may be NULL (owned) */
  char *note;   /* footnotes under the source, may be NULL; '\n' starts the next one (owned) */
  bool keep;    /* the note explains particular rows (n.v.¹): split only when taller than a page */
  size_t n_cols;
  char **headers;       /* n_cols header texts; '\n' forces a line break (owned) */
  jv_cell_align *align; /* per column */
  bool *emphasis;       /* per column: shaded (e.g. the per-1,000 column) */
  size_t n_rows;
  char **cells; /* n_rows * n_cols, row-major (owned) */
  jv_row_kind *row_kind;
} jv_table;

/* Makes an empty table with n_cols columns; first column left-aligned, the
 * others right-aligned. Free with jv_table_free. */
jv_status jv_table_init(jv_table *t, size_t n_cols, const char *title, jv_error *err);
void jv_table_free(jv_table *t);
jv_status jv_table_set_header(jv_table *t, size_t col, const char *text);
jv_status jv_table_set_source(jv_table *t, const char *text);
jv_status jv_table_set_note(jv_table *t, const char *text);
/* Appends a row; cells are copied. Returns JV_EINTERNAL when out of memory. */
jv_status jv_table_add_row(jv_table *t, jv_row_kind kind, const char *const *cells);
static inline const char *jv_table_cell(const jv_table *t, size_t row, size_t col)
{
  return t->cells[row * t->n_cols + col];
}

/* Typographic settings of tables (points). */
typedef struct {
  double font_size;
  double header_size;
  double title_size;
  double row_height;
  double header_line_height;
  double pad; /* horizontal cell padding */
} jv_table_style;

void jv_table_style_default(jv_table_style *s);

/* Sizes decided for a table at a given width. */
typedef struct {
  double *col_x;          /* n_cols left edges relative to the table (owned) */
  double *col_w;          /* n_cols widths (owned) */
  size_t header_lines;    /* lines the tallest header needs */
  char ***header_wrapped; /* per column: header_lines strings or NULL (owned) */
  double header_h;
  double title_h;
  double source_h;   /* the source line and the note lines under the table */
  char **note_lines; /* the note wrapped to the table's width, note_n lines (owned) */
  bool *note_starts; /* per note line: it begins a footnote (owned) */
  size_t note_n;
  double width;
} jv_table_geom;

/* Computes column widths for total width: the first column takes its widest
 * cell, the others share the rest, each at least its widest cell; headers
 * wrap at spaces to fit, and so does the note (italic, at the header size,
 * each footnote on a line of its own). JV_EDATA when the content cannot fit. */
jv_status jv_table_layout(const jv_table *t, const jv_table_style *s, const jv_measure *m,
                          double width, jv_table_geom *out, jv_error *err);
void jv_table_geom_free(jv_table_geom *g, size_t n_cols);

/* How many body rows (from `first`) fit in `avail` points when a part of the
 * table starts there: the title (only when first == 0), the header and, when
 * the part ends the table, the source line and the note (they never go to a
 * page of their own). Returns 0 when not even
 * min_rows rows fit (then the part moves to the next page), except that a
 * table with fewer rows left than min_rows must fit whole. */
size_t jv_table_rows_fitting(const jv_table *t, const jv_table_style *s, const jv_table_geom *g,
                             size_t first, double avail, size_t min_rows);

#endif
