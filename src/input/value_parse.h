/* value_parse.h - one CSV cell as a jv_value.
 * Owns the value syntax of the data files: counts (1234, 12.689), the tokens
 * n.b./nvt/non-respons, and the reason a cell is refused. */
#ifndef JV_INPUT_VALUE_PARSE_H
#define JV_INPUT_VALUE_PARSE_H

#include "model/model.h"
#include "util/error.h"

/* The largest count accepted: far above any real count, and small enough
 * that summing every municipality of the country cannot overflow. */
#define JV_VALUE_MAX 999999999999999LL

/* Parses one cell; spaces (also no-break spaces) around it are ignored.
 *   1234, 12.689, 1.234.567      -> JV_VAL_COUNT ('.' groups of exactly 3 digits)
 *   n.b., nb, onbekend           -> JV_VAL_UNKNOWN      (case-insensitive)
 *   nvt, n.v.t.                  -> JV_VAL_NVT
 *   non-respons, nr              -> JV_VAL_NONRESPONSE
 * Anything else (empty, negative, a fraction, text, too large) returns
 * JV_EDATA with err located at *where (may be NULL) and a message that
 * quotes the cell and says what to write instead. *out is set only on success. */
jv_status jv_value_parse(jv_value *out, const char *text, const jv_loc *where, jv_error *err);

#endif
