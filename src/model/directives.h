/* directives.h - the one table of template directives: each ::name, what
 * the reader does with it, its keys and what each key accepts, and the line
 * templates/README.md documents it with (a test holds the two together).
 * Owns only this constant data; input/template_directive.c checks against it. */
#ifndef JV_MODEL_DIRECTIVES_H
#define JV_MODEL_DIRECTIVES_H

#include <stddef.h>

#include "model/template.h"

typedef enum {
  JV_ARG_TEXT,       /* free text; gets body-text typography */
  JV_ARG_CHOICE,     /* one of choices ("a|b|c") */
  JV_ARG_TABLE_KIND, /* a soort= of model/table_kinds.h */
  JV_ARG_INDICATOR,  /* a name from model/indicator.h */
  JV_ARG_INDICATORS, /* comma-separated indicator names */
  JV_ARG_SERIES,     /* a name from model/series_catalogue.h */
  JV_ARG_SERIES_LIST,
  JV_ARG_YEAR, /* "2016-2017" or an offset "-1" */
  JV_ARG_INT,  /* min..max */
  JV_ARG_PATH  /* a file inside the template directory */
} jv_dir_arg_type;

typedef struct {
  const char *key;
  jv_dir_arg_type type;
  int required;
  const char *choices;
  int min, max;
} jv_dir_arg;

typedef enum {
  JV_DIRACT_NODE,   /* becomes a template node of kind dir */
  JV_DIRACT_PAGE,   /* a page break */
  JV_DIRACT_QUOTE,  /* a quote node */
  JV_DIRACT_INCLUDE /* reads another file in its place */
} jv_dir_action;

#define JV_DIR_MAX_ARGS 8

typedef struct {
  const char *name; /* as written after :: */
  jv_dir_action act;
  jv_tpl_directive dir; /* JV_DIRACT_NODE */
  int in_columns;       /* allowed inside ::kolommen */
  jv_dir_arg args[JV_DIR_MAX_ARGS];
  const char *doc; /* what it does: the last column of templates/README.md */
} jv_dir_spec;

/* Every directive, in the order the documentation lists them. */
const jv_dir_spec *jv_dir_specs(size_t *n);
/* The directive called name, or NULL. */
const jv_dir_spec *jv_dir_spec_find(const char *name);

#endif
