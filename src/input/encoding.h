/* encoding.h - the text encodings spreadsheets save CSV files in, made UTF-8.
 * Owns the detection (BOM, UTF-16 without BOM, Windows-1252 fallback) and iconv use. */
#ifndef JV_INPUT_ENCODING_H
#define JV_INPUT_ENCODING_H

#include <stddef.h>

#include "util/error.h"

typedef enum {
  JV_ENC_UTF8,     /* plain UTF-8 (or ASCII) */
  JV_ENC_UTF8_BOM, /* UTF-8 with byte-order mark ("CSV UTF-8") */
  JV_ENC_UTF16LE,  /* with BOM FF FE: Excel's "Unicode-tekst" */
  JV_ENC_UTF16BE,  /* with BOM FE FF */
  JV_ENC_CP1252    /* not valid UTF-8: assumed Windows-1252 (Excel's "CSV") */
} jv_encoding;

/* "UTF-8", "UTF-16LE", "Windows-1252", ... */
const char *jv_encoding_name(jv_encoding enc);

/* Converts buf[0..len) to UTF-8 without BOM in a new malloc'ed,
 * NUL-terminated buffer (*out, *out_len; the caller frees it) and says which
 * encoding it found. UTF-8 with or without BOM and UTF-16 with BOM are
 * taken as such; text that is not valid UTF-8 is read as Windows-1252 when
 * it is valid there, else left as it is (the CSV reader then locates the
 * first bad byte). UTF-16 without BOM (NUL bytes beside ASCII) and broken
 * UTF-16 are JV_EDATA errors located in name. */
jv_status jv_encoding_to_utf8(const char *name, const char *buf, size_t len, char **out,
                              size_t *out_len, jv_encoding *enc, jv_error *err);

#endif
