/* template_internal.h - shared state of the template reader's files.
 * Owns nothing public: the reader context passed between template_read.c
 * (files, includes), template_front.c (front matter), template_walk.c
 * (Markdown) and template_directive.c (directives). */
#ifndef JV_INPUT_TEMPLATE_INTERNAL_H
#define JV_INPUT_TEMPLATE_INTERNAL_H

#include <cmark.h>
#include <stdbool.h>
#include <stddef.h>

#include "input/template_read.h"

/* One file being read. */
typedef struct {
  const char *name; /* as shown in messages; owned by the jv_tpl */
  const char *text; /* file text, front matter blanked; not NUL-terminated */
  size_t len;
  size_t *lines; /* lines[i] = offset where line i+1 starts */
  int n_lines;
  const char *base; /* absolute directory includes of this file resolve in */
  const char *real; /* absolute, symlink-free path (NULL for memory input) */
} tpl_file;

typedef struct {
  jv_tpl *tpl;
  jv_error *err;
  const char *stack[JV_TPL_MAX_INCLUDE_DEPTH + 1]; /* real paths of open files */
  int depth;                                       /* index of the current file */
  int cols_line;                                   /* line of the open ::kolommen, 0 when none */
  const char *cols_file;
  int cols_depth; /* file depth that opened it */
  bool seen_cover, seen_toc;
} tpl_reader;

/* Line n (1-based) of f without its line end; *len receives its length. */
const char *jv_template__line(const tpl_file *f, int n, size_t *len);
/* 1-based column (in code points) of byte offset off within line. */
int jv_template__column(const char *line, size_t off);

/* True for a "---" line (trailing blanks allowed). */
int jv_template__is_fence(const char *s, size_t len);

/* Reads the front matter of the main template into r->tpl->meta and blanks
 * its lines in text (f->text), so cmark's line numbers stay the file's. */
jv_status jv_template__front_matter(tpl_reader *r, tpl_file *f, char *text);

/* Resolves rel against base to an absolute, symlink-free path inside the
 * template directory; refuses absolute paths and anything that ends up
 * outside (via .. or a symlink), located at file:line:column and naming
 * what ("logo", "voeg-in"). *out is malloc'ed. */
jv_status jv_template__resolve(tpl_reader *r, const char *base, const char *rel, const char *file,
                               int line, int column, const char *what, char **out);

/* Walks a parsed document and appends its nodes to r->tpl. */
jv_status jv_template__walk(tpl_reader *r, const tpl_file *f, cmark_node *doc);

/* Appends the inline content of block (text, emphasis, links, breaks) to n
 * as runs. Errors (images, raw HTML) are located at f:line. */
jv_status jv_template__inlines(tpl_reader *r, const tpl_file *f, int line, cmark_node *block,
                               jv_tpl_node *n);

/* Gives a directive's text value the same typography as body text (smart
 * quotes, dashes, emphasis) by parsing it as one line of Markdown; the runs
 * go to n. */
jv_status jv_template__text_runs(tpl_reader *r, const tpl_file *f, int line, const char *value,
                                 jv_tpl_node *n);

/* Handles the directive on line `line` of f (one source line, starting with
 * "::" after at most three spaces). */
jv_status jv_template__directive(tpl_reader *r, const tpl_file *f, int line);

/* Reads bestand (relative to f->base, inside the template directory) and
 * appends its nodes; line/column locate the ::voeg-in for errors. */
jv_status jv_template__include(tpl_reader *r, const tpl_file *f, int line, int column,
                               const char *bestand);

/* True when the directive at f:line must be refused inside ::kolommen; sets
 * the error. */
bool jv_template__refuse_in_columns(tpl_reader *r, const tpl_file *f, int line, const char *what);

/* A located error when text holds a {name} that is not a placeholder
 * (model/placeholder.h); what names the field in the message. */
jv_status jv_template__check_text(const char *text, const char *file, int line, int column,
                                  const char *what, jv_error *err);
/* The same for every text, bron and argument of the nodes of t from first
 * on that come from f (not from files it included), located by line and
 * column in f. */
jv_status jv_template__check_placeholders(const jv_tpl *t, size_t first, const tpl_file *f,
                                          jv_error *err);

#endif
