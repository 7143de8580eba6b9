/* template.h - a report template as plain data: front matter and a flat list
 * of nodes (headings, text, list items, quotes, directives, page breaks).
 * Owns jv_tpl and everything its nodes hold. No I/O: src/input/template_read.c
 * fills it from Markdown; pipeline/template_compose.c turns the nodes into
 * document blocks. */
#ifndef JV_MODEL_TEMPLATE_H
#define JV_MODEL_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "model/image.h"
#include "model/model.h"
#include "util/error.h"

/* Bit flags, so bold|italic is bold-italic; the values equal jv_font_style
 * (render/fonts.h) on purpose, so the layout may cast one to the other. */
typedef enum {
  JV_TPL_REGULAR = 0,
  JV_TPL_BOLD = 1,
  JV_TPL_ITALIC = 2,
  JV_TPL_BOLD_ITALIC = 3
} jv_tpl_style;

typedef struct {
  char *text; /* owned UTF-8, never empty; "\n" marks a hard line break */
  jv_tpl_style style;
  char *url; /* owned link target when the run came from a link, else NULL */
} jv_tpl_run;

typedef enum {
  JV_TPL_HEADING,   /* level 1..3 (#, ##, ###); runs */
  JV_TPL_PARAGRAPH, /* runs */
  JV_TPL_LIST_ITEM, /* runs + item */
  JV_TPL_QUOTE,     /* pull quote from '>' or ::citaat; runs, attribution */
  JV_TPL_DIRECTIVE, /* directive + args */
  JV_TPL_PAGEBREAK  /* '---' (thematic break) or ::pagina */
} jv_tpl_kind;

/* Directives that reach the model; ::pagina becomes JV_TPL_PAGEBREAK,
 * ::citaat a JV_TPL_QUOTE and ::voeg-in is replaced by the file's nodes.
 * Their names and keys are in the one table of model/directives.c. */
typedef enum {
  JV_DIR_OMSLAG,         /* cover */
  JV_DIR_INHOUD,         /* table of contents */
  JV_DIR_TABEL,          /* a table of model/table_kinds.h */
  JV_DIR_GRAFIEK,        /* a chart */
  JV_DIR_KAART,          /* a map (rates per 1.000) */
  JV_DIR_KERNCIJFER,     /* a key-figure card */
  JV_DIR_KOLOMMEN,       /* start of a column block */
  JV_DIR_EINDE_KOLOMMEN, /* its end */
  JV_DIR_BIJ_FIGUUR,     /* the next text block belongs to the figures (left out without them) */
  JV_DIR_COUNT
} jv_tpl_directive;

typedef struct {
  char *key;   /* owned, lower-case ASCII */
  char *value; /* owned UTF-8; text values have typographic quotes/dashes */
  int column;  /* 1-based column of the key in its source line */
} jv_tpl_arg;

typedef struct {
  jv_tpl_kind kind;
  int level; /* JV_TPL_HEADING: 1..3 */
  struct {
    bool ordered;   /* numbered list */
    int number;     /* ordered: the item's number (start + index) */
    int depth;      /* 1 = top-level list, 2 = nested once, ... */
  } item;           /* JV_TPL_LIST_ITEM */
  bool continued;   /* LIST_ITEM/QUOTE: a further paragraph of the same item or quote
                       (no bullet of its own) */
  bool in_columns;  /* inside a ::kolommen ... ::einde-kolommen block */
  jv_tpl_run *runs; /* owned; HEADING, PARAGRAPH, LIST_ITEM, QUOTE */
  size_t n_runs;
  char *attribution;          /* owned, QUOTE from ::citaat{bron=...}; else NULL */
  jv_tpl_directive directive; /* JV_TPL_DIRECTIVE */
  jv_tpl_arg *args;           /* owned; only the keys the template gave */
  size_t n_args;
  const char *file; /* source file as named in messages; points into jv_tpl.files */
  int line;         /* 1-based line in that file */
} jv_tpl_node;

typedef enum { JV_TPL_JUSTIFY = 0, JV_TPL_LEFT } jv_tpl_align;

/* Front matter; every string is owned and may be NULL when not given. */
typedef struct {
  char *titel;
  char *regio;
  char *schooljaar; /* as written, "2017-2018" */
  bool has_schooljaar;
  jv_schoolyear year; /* parsed schooljaar when has_schooljaar */
  char *auteur;
  bool has_kleur;
  unsigned kleur;          /* 0xRRGGBB; use jv_rgb_hex from util/color.h */
  char *logo;              /* absolute path of the logo file (inside the template dir) */
  jv_image *logo_image;    /* the logo decoded when the template was read, or NULL */
  jv_tpl_align uitlijning; /* uitgevuld (default) or links */
} jv_tpl_meta;

typedef struct {
  jv_tpl_meta meta;
  char *dir;    /* owned: absolute, symlink-free template directory */
  char **files; /* owned names of every file read, main template first */
  size_t n_files;
  jv_tpl_node *nodes; /* owned, in reading order with includes expanded */
  size_t n_nodes;
  size_t cap;
} jv_tpl;

/* jv_tpl_init empties t; jv_tpl_free releases all it owns and empties it. */
void jv_tpl_init(jv_tpl *t);
void jv_tpl_free(jv_tpl *t);

/* Appends a zeroed node of this kind at file:line (file must be one of
 * t->files) and returns it through *out, valid until the next append.
 * JV_EINTERNAL when out of memory. */
jv_status jv_tpl_append(jv_tpl *t, jv_tpl_kind kind, const char *file, int line, jv_tpl_node **out);
/* Releases what a node owns (runs, args, attribution) and zeroes it; for
 * nodes built outside a jv_tpl before jv_tpl_append. */
void jv_tpl_node_clear(jv_tpl_node *n);

/* Copies name into t->files (once per distinct name) and returns the copy
 * through *out. JV_EINTERNAL when out of memory. */
jv_status jv_tpl_add_file(jv_tpl *t, const char *name, const char **out);

/* Appends a run (text copied, url copied or NULL), merging it into the
 * previous run when style and url match. Empty text is ignored. */
jv_status jv_tpl_node_add_run(jv_tpl_node *n, const char *text, size_t len, jv_tpl_style style,
                              const char *url);
/* Normalises the runs' white space as a reader sees it: tabs become spaces,
 * runs of spaces one space, none at the start, the end or around a hard
 * break; runs left empty are removed. */
void jv_tpl_node_tidy(jv_tpl_node *n);
/* Appends key=value (both copied). */
jv_status jv_tpl_node_add_arg(jv_tpl_node *n, const char *key, const char *value, int column);

/* The value of key, or NULL when the directive does not give it. */
const char *jv_tpl_value(const jv_tpl_node *n, const char *key);
/* The argument itself (for its column in messages), or NULL. */
const jv_tpl_arg *jv_tpl_arg_find(const jv_tpl_node *n, const char *key);

/* Name of a directive as written in templates ("tabel", "einde-kolommen"). */
const char *jv_tpl_directive_name(jv_tpl_directive d);

/* The school year a jaar= value means: "2016-2017" as written, or an offset
 * such as "-1" from base (the report's year; "0" is base itself). Returns 0
 * and sets *out, or -1 when the value is neither. */
int jv_tpl_year(const char *value, jv_schoolyear base, jv_schoolyear *out);

/* Iterates a comma-separated value ("a, b,c"): copies the next item,
 * trimmed, into buf and advances *p. Returns 0, or -1 at the end or when an
 * item does not fit in size bytes. */
int jv_tpl_list_next(const char **p, char *buf, size_t size);

/* All runs of n concatenated into buf (truncated to size), e.g. a heading's
 * text for the table of contents. Returns buf. */
char *jv_tpl_node_text(const jv_tpl_node *n, char *buf, size_t size);

#endif
