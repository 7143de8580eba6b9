/* error.h - the one error convention of jaarverslag.
 * Owns jv_error (status + message + input location) and jv_diags (a list of
 * located warnings). Functions return a jv_status; 0 is success. */
#ifndef JV_UTIL_ERROR_H
#define JV_UTIL_ERROR_H

#include <stddef.h>
#include <stdio.h>

/* Status values are the sysexits.h codes the CLI exits with. */
typedef enum {
  JV_OK = 0,
  JV_EUSAGE = 64,     /* wrong command-line use */
  JV_EDATA = 65,      /* input data is malformed */
  JV_ENOINPUT = 66,   /* an input file is missing or unreadable */
  JV_EINTERNAL = 70,  /* a bug or a library failure */
  JV_ECANTCREAT = 73, /* an output cannot be created */
  JV_EIO = 74         /* a read or write failed midway */
} jv_status;

/* Where in an input a problem is; line and column are 1-based, 0 = unknown. */
typedef struct {
  char file[512];
  int line;
  int column;
} jv_loc;

typedef struct {
  jv_status status;
  jv_loc loc;
  char msg[1024];
} jv_error;

void jv_error_clear(jv_error *err);

/* Records status, location (file may be NULL) and a printf-style message.
 * Returns status so callers can `return jv_error_set(...)`. */
jv_status jv_error_set(jv_error *err, jv_status status, const char *file, int line, int column,
                       const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Prefixes the message with context ("while reading X: "). */
void jv_error_prefix(jv_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Prints "file:line:column: error: message\n" (omitting unknown parts). */
void jv_error_print(const jv_error *err, FILE *out);

/* A growable list of located warnings; jv_diags_free releases it. */
typedef struct {
  jv_loc loc;
  char *msg;
} jv_diag;

/* A list keeps at most this many items (each over 500 bytes) and only counts
 * the rest, so a file with a million bad rows cannot take gigabytes. */
#define JV_DIAGS_KEEP 1000u

typedef struct {
  jv_diag *items;
  size_t count; /* items kept */
  size_t cap;
  size_t dropped; /* items added past JV_DIAGS_KEEP: counted, not kept */
} jv_diags;

void jv_diags_init(jv_diags *d);
void jv_diags_free(jv_diags *d);
/* Returns JV_EINTERNAL only when out of memory. */
jv_status jv_diags_add(jv_diags *d, const char *file, int line, int column, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Prints each as "file:line:column: warning: message\n". */
void jv_diags_print(const jv_diags *d, FILE *out);

#endif
