/* hyphen.h - where a Dutch word may be broken at the end of a line.
 * Owns jv_hyphenator (a libhyphen pattern dictionary, e.g. hyphen-nl) and the
 * rules on top of the patterns: minimum fragments, capitals, digits, existing
 * hyphens, the Dutch "ij" and the trema. Pure apart from loading the file. */
#ifndef JV_LAYOUT_HYPHEN_H
#define JV_LAYOUT_HYPHEN_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

/* Where Debian's hyphen-nl installs its patterns; a hint for the caller,
 * which decides the path (this module bakes in no location). */
#define JV_HYPHEN_NL_DEBIAN_PATH "/usr/share/hyphen/hyph_nl_NL.dic"

/* Dutch typographic practice: at least 2 letters stay on the line, at least
 * 3 go to the next one. "ij" counts as one letter. */
#define JV_HYPHEN_LEFT_MIN 2
#define JV_HYPHEN_RIGHT_MIN 3

typedef struct jv_hyphenator jv_hyphenator;

/* One place where a line may end inside a word. */
typedef struct {
  size_t offset;   /* byte offset in the word: the line ends before it */
  bool add_hyphen; /* true: draw a hyphen at the line end; false: the word
                      already has one there ('-', U+2010, U+2013 or '/') */
} jv_hyph_point;

/* Loads a libhyphen .dic file (ISO8859-1 or UTF-8 patterns; the charset is
 * its first line). The caller frees *out with jv_hyphenator_free.
 * JV_ENOINPUT when the file cannot be read, JV_EDATA for another charset. */
jv_status jv_hyphenator_new(jv_hyphenator **out, const char *dic_path, jv_error *err);
void jv_hyphenator_free(jv_hyphenator *h);
/* Whether h uses the patterns the build compiled in (the file asked for was
 * the one they came from) rather than parsing the file. */
bool jv_hyphenator_precompiled(const jv_hyphenator *h);

/* Finds the break points of one word (UTF-8 text between spaces, len bytes,
 * possibly with punctuation, quotes or digits around or inside it). Writes
 * at most max points to out in increasing order and returns how many it
 * wrote; max >= len is always enough. h may be NULL: then only the existing
 * hyphens and slashes are break points.
 *
 * Rules (Dutch):
 * - Patterns apply to letter sequences ("parts"); apostrophes between
 *   letters belong to the part (regio's, auto's), never break next to one.
 * - A word with an existing hyphen or slash breaks only there, and only with
 *   at least 2 characters on each side (not e-mail).
 * - A word with a digit gets no pattern breaks; a part with a capital
 *   beyond the first letter (VSV, RMC) neither. "IJ" at the start of a part
 *   is one capital letter (IJsselstein).
 * - Never between i and j (one Dutch letter), never where fewer than
 *   JV_HYPHEN_LEFT_MIN / JV_HYPHEN_RIGHT_MIN letters would remain.
 * - Never right before a trema vowel (zee-en, po-ezie): Dutch drops the
 *   trema there, which would change the text; the break is skipped.
 * - Non-standard patterns (libhyphen rep/pos/cut, like German Schiff-fahrt)
 *   are skipped too; hyph_nl_NL from hyphen-nl has none.
 * Letters the dictionary cannot encode (beyond Latin-1 for ISO8859-1) leave
 * their part unbroken. Invalid UTF-8 gives no pattern breaks. */
size_t jv_hyphenate(const jv_hyphenator *h, const char *word, size_t len, jv_hyph_point *out,
                    size_t max);

#endif
