/* csv_table.h - a whole CSV file as rows of located text fields.
 * Owns jv_csv_table: strict libcsv parsing, delimiter sniffing, BOM/CRLF handling,
 * UTF-8 validation and the physical line of every field, for located errors. */
#ifndef JV_INPUT_CSV_TABLE_H
#define JV_INPUT_CSV_TABLE_H

#include <stddef.h>

#include "input/encoding.h"
#include "util/error.h"

/* Largest file jv_csv_table_read accepts; the real inputs are a few KB. */
#define JV_CSV_MAX_BYTES (64u * 1024u * 1024u)
/* At most this many rows and fields per row: a data file has a row per
 * municipality (under 400 in the country) and a column per indicator, and
 * these caps keep a hostile file's memory to a few times its size (each
 * field costs a struct and a string). */
#define JV_CSV_MAX_ROWS 20000u
#define JV_CSV_MAX_FIELDS 500u

typedef struct {
  char *text;  /* owned, NUL-terminated, valid UTF-8; unquoted fields come trimmed */
  int line;    /* physical line (1-based) where the field starts */
  int column;  /* field number within its row, 1-based */
  int refused; /* an error was already recorded for it (a worksheet's date,
                  formula, ...): its text is empty and means nothing */
} jv_csv_field;

typedef struct {
  jv_csv_field *fields; /* owned */
  size_t n_fields;      /* never more than the header's */
  int line;             /* line of the row's first field */
} jv_csv_row;

typedef struct {
  char *name;           /* owned: the file name used in messages */
  char delim;           /* ',', ';' or '\t' as sniffed from the first lines */
  jv_encoding encoding; /* what the file was in (now all UTF-8) */
  jv_csv_row *rows;     /* owned; rows[0] is the header (n_rows >= 1) */
  size_t n_rows;
} jv_csv_table;

/* Parses buf[0..len) as CSV. Accepts ',', ';' or a tab (whichever occurs
 * most often outside quotes in the first five lines), the encodings of
 * input/encoding.h (table->encoding says which), LF/CRLF/CR line ends,
 * quoted fields (also spanning lines), blank lines and rows whose fields are
 * all empty (both skipped). Rejects, with name:line:column in err (JV_EDATA):
 * an empty file, invalid UTF-8 or NUL bytes, malformed or unterminated
 * quoting, and rows with more non-empty fields than the header. Rows may
 * have fewer; empty fields past the header's end, and header columns that
 * are empty down the whole file, are dropped.
 * On success *out belongs to the caller (jv_csv_table_free); on failure *out
 * is left empty. */
jv_status jv_csv_table_parse(jv_csv_table *out, const char *name, const char *buf, size_t len,
                             jv_error *err);

/* Flags of the _flags variants. JV_CSV_ANY_WIDTH: rows may have more fields
 * than the first row (for files whose header is found later, below title
 * rows); the caller checks the width. Empty trailing header columns are then
 * kept too. */
#define JV_CSV_ANY_WIDTH 1u
jv_status jv_csv_table_parse_flags(jv_csv_table *out, const char *name, const char *buf, size_t len,
                                   unsigned flags, jv_error *err);
jv_status jv_csv_table_read_flags(jv_csv_table *out, const char *path, unsigned flags,
                                  jv_error *err);

/* Drops the header columns (of rows[header]) that are empty down the whole
 * file, and empty fields past the header's end in the rows below it: what a
 * spreadsheet exports right of its table (";;;"). */
void jv_csv_table_drop_empty_columns(jv_csv_table *t, size_t header);

/* Reads and parses a file; its path is the name in messages. JV_ENOINPUT
 * when it does not exist or is not a regular file, JV_EIO on a read error. */
jv_status jv_csv_table_read(jv_csv_table *out, const char *path, jv_error *err);

/* Releases everything the table owns and empties it; safe on an empty table. */
void jv_csv_table_free(jv_csv_table *t);

#endif
