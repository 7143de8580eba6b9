/* hyphen.c - libhyphen patterns plus the Dutch rules around them. The
 * patterns the build compiled (hyphen_compiled.h) are used when the file
 * asked for is byte for byte the one they were made from; any other file is
 * parsed by libhyphen as it stands. */
#include "layout/hyphen.h"

#include <errno.h>
#include <hyphen.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "layout/hyphen_compiled.h"
#include "util/utf8.h"

struct jv_hyphenator {
  HyphenDict *dict;
  bool utf8;  /* patterns in UTF-8; otherwise ISO8859-1 */
  bool owned; /* loaded from the file (else the compiled table) */
};

/* Words up to this many code points use stack buffers; longer ones (rare:
 * URLs, pasted garbage) fall back to the heap. */
enum { SMALL_WORD = 64 };

typedef enum { C_OTHER, C_LETTER, C_APOS, C_BREAKER, C_DIGIT } cclass;

static bool read_charset(FILE *f, char *cset, size_t cap)
{
  if (!fgets(cset, (int)cap, f))
    return false;
  size_t n = strlen(cset);
  while (n > 0 && (cset[n - 1] == '\n' || cset[n - 1] == '\r' || cset[n - 1] == ' '))
    cset[--n] = '\0';
  return true;
}

/* Whether the open file f holds exactly the bytes the compiled table was
 * made from (same size, same 64-bit FNV-1a hash). */
static bool is_compiled(FILE *f)
{
  const jv_hyph_compiled *c = &jv_hyph_compiled_nl;
  struct stat st;
  if (!c->dict || fstat(fileno(f), &st) != 0 || st.st_size < 0 || (size_t)st.st_size != c->size)
    return false;
  rewind(f);
  uint64_t hash = 1469598103934665603ull;
  unsigned char buf[16384];
  size_t n, total = 0;
  while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
    for (size_t i = 0; i < n; i++)
      hash = (hash ^ buf[i]) * 1099511628211ull;
    total += n;
  }
  return !ferror(f) && total == c->size && hash == c->fnv1a;
}

jv_status jv_hyphenator_new(jv_hyphenator **out, const char *dic_path, jv_error *err)
{
  FILE *f = fopen(dic_path, "r");
  if (!f)
    return jv_error_set(err, JV_ENOINPUT, dic_path, 0, 0, "cannot read hyphenation patterns: %s",
                        strerror(errno));
  /* libhyphen accepts any first line as a charset and then misreads the
   * patterns; check it ourselves before handing the file over. */
  char cset[64];
  if (!read_charset(f, cset, sizeof(cset))) {
    fclose(f);
    return jv_error_set(err, JV_EDATA, dic_path, 1, 0,
                        "empty hyphenation file (expected a charset on the first line)");
  }
  bool utf8 = strcmp(cset, "UTF-8") == 0;
  if (!utf8 && strcmp(cset, "ISO8859-1") != 0 && strcmp(cset, "ISO-8859-1") != 0) {
    fclose(f);
    return jv_error_set(err, JV_EDATA, dic_path, 1, 1,
                        "unsupported hyphenation charset '%s' (expected UTF-8 or ISO8859-1)", cset);
  }
  jv_hyphenator *h = malloc(sizeof(*h));
  if (!h) {
    fclose(f);
    return jv_error_set(err, JV_EINTERNAL, NULL, 0, 0, "out of memory");
  }
  h->utf8 = utf8;
  h->owned = !is_compiled(f);
  h->dict = jv_hyph_compiled_nl.dict;
  if (h->owned) {
    rewind(f);
    h->dict = hnj_hyphen_load_file(f);
  }
  fclose(f);
  if (!h->dict) {
    free(h);
    return jv_error_set(err, JV_EDATA, dic_path, 0, 0, "cannot load hyphenation patterns");
  }
  *out = h;
  return JV_OK;
}

bool jv_hyphenator_precompiled(const jv_hyphenator *h)
{
  return !h->owned;
}

void jv_hyphenator_free(jv_hyphenator *h)
{
  if (!h)
    return;
  if (h->owned)
    hnj_hyphen_free(h->dict);
  free(h);
}

/* Letters as far as Dutch text needs them: Latin-1 letters, the ij
 * ligatures, and anything beyond Latin-1 that is not punctuation or a
 * symbol (foreign names), which simply stays unbroken. */
static bool is_letter(uint32_t c)
{
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
    return true;
  if (c < 0xC0)
    return false;
  if (c <= 0xFF)
    return c != 0xD7 && c != 0xF7;
  if (c >= 0x2000 && c <= 0x2BFF) /* punctuation, symbols, arrows */
    return false;
  if (c >= 0x3000 && c <= 0x303F)
    return false;
  return c != 0xFEFF && c != 0xFFFD;
}

static cclass classify(uint32_t c)
{
  if (c == '\'' || c == 0x2019)
    return C_APOS;
  if (c == '-' || c == 0x2010 || c == 0x2013 || c == '/')
    return C_BREAKER;
  if (c >= '0' && c <= '9')
    return C_DIGIT;
  return is_letter(c) ? C_LETTER : C_OTHER;
}

static bool is_upper(uint32_t c)
{
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || c == 0x132;
}

static uint32_t to_lower(uint32_t c)
{
  if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
    return c + 32;
  return c;
}

static bool is_trema(uint32_t c)
{
  return c == 0xE4 || c == 0xEB || c == 0xEF || c == 0xF6 || c == 0xFC || c == 0xFF;
}

/* Working buffers for one word; n code points. */
typedef struct {
  uint32_t *cp;   /* code points */
  size_t *off;    /* byte offset of each code point, off[n] = len */
  uint32_t *low;  /* a part in lower case, one entry per dictionary char */
  size_t *low_cp; /* code point index each dictionary char comes from */
  char *enc;      /* the part encoded for the dictionary */
  char *hyph;     /* libhyphen's result */
  uint32_t s_cp[SMALL_WORD], s_low[2 * SMALL_WORD];
  size_t s_off[SMALL_WORD + 1], s_low_cp[2 * SMALL_WORD];
  char s_enc[8 * SMALL_WORD + 8], s_hyph[8 * SMALL_WORD + 8];
  void *heap;
} wordbuf;

static bool wordbuf_init(wordbuf *w, size_t n)
{
  w->heap = NULL;
  if (n <= SMALL_WORD) {
    w->cp = w->s_cp, w->off = w->s_off, w->low = w->s_low, w->low_cp = w->s_low_cp;
    w->enc = w->s_enc, w->hyph = w->s_hyph;
    return true;
  }
  /* one block; sizes in the same order as the pointers below */
  size_t sz = n * sizeof(uint32_t) + (n + 1) * sizeof(size_t) + 2 * n * sizeof(uint32_t) +
              2 * n * sizeof(size_t) + 2 * (8 * n + 8);
  char *p = malloc(sz);
  if (!p)
    return false;
  w->heap = p;
  w->low_cp = (size_t *)p, p += 2 * n * sizeof(size_t);
  w->off = (size_t *)p, p += (n + 1) * sizeof(size_t);
  w->cp = (uint32_t *)p, p += n * sizeof(uint32_t);
  w->low = (uint32_t *)p, p += 2 * n * sizeof(uint32_t);
  w->enc = p, p += 8 * n + 8;
  w->hyph = p;
  return true;
}

static size_t put_utf8(char *dst, uint32_t c)
{
  if (c < 0x80) {
    dst[0] = (char)c;
    return 1;
  }
  if (c < 0x800) {
    dst[0] = (char)(0xC0 | (c >> 6));
    dst[1] = (char)(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    dst[0] = (char)(0xE0 | (c >> 12));
    dst[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    dst[2] = (char)(0x80 | (c & 0x3F));
    return 3;
  }
  dst[0] = (char)(0xF0 | (c >> 18));
  dst[1] = (char)(0x80 | ((c >> 12) & 0x3F));
  dst[2] = (char)(0x80 | ((c >> 6) & 0x3F));
  dst[3] = (char)(0x80 | (c & 0x3F));
  return 4;
}

/* Letters in low[from, to), counting "ij" once and apostrophes not at all. */
static size_t count_letters(const uint32_t *low, size_t from, size_t to)
{
  size_t n = 0;
  for (size_t i = from; i < to; i++) {
    if (low[i] == '\'')
      continue;
    if (low[i] == 'j' && i > from && low[i - 1] == 'i')
      continue;
    n++;
  }
  return n;
}

/* Lower-cases part [s, e) into w->low/enc; false when the part must stay
 * unbroken (inner capitals, letters the dictionary cannot encode). */
static bool encode_part(const jv_hyphenator *h, wordbuf *w, size_t s, size_t e, size_t *nlow,
                        size_t *nenc)
{
  size_t nl = 0, ne = 0;
  bool ij_cap = e - s >= 2 && w->cp[s] == 'I' && w->cp[s + 1] == 'J';
  for (size_t i = s; i < e; i++) {
    uint32_t c = w->cp[i];
    bool leading_cap = i == s || (ij_cap && i == s + 1);
    if (is_upper(c) && !leading_cap)
      return false;
    if (classify(c) == C_APOS)
      c = '\'';
    if (c == 0x132 || c == 0x133) { /* the ij ligature is two dictionary chars */
      w->low[nl] = 'i', w->low_cp[nl++] = i;
      w->low[nl] = 'j', w->low_cp[nl++] = i;
      w->enc[ne++] = 'i', w->enc[ne++] = 'j';
      continue;
    }
    c = to_lower(c);
    if (!h->utf8 && c > 0xFF)
      return false;
    w->low[nl] = c, w->low_cp[nl++] = i;
    if (h->utf8)
      ne += put_utf8(w->enc + ne, c);
    else
      w->enc[ne++] = (char)c;
  }
  w->enc[ne] = '\0';
  *nlow = nl;
  *nenc = ne;
  return true;
}

static void free_nonstandard(char **rep, int *pos, int *cut, size_t n)
{
  if (rep) {
    for (size_t i = 0; i < n; i++)
      free(rep[i]);
    free(rep);
  }
  free(pos);
  free(cut);
}

/* Pattern breaks inside part [s, e), appended to out. */
static size_t part_breaks(const jv_hyphenator *h, wordbuf *w, size_t s, size_t e,
                          jv_hyph_point *out, size_t k, size_t max)
{
  size_t nl, ne;
  if (!encode_part(h, w, s, e, &nl, &ne) || nl < JV_HYPHEN_LEFT_MIN + JV_HYPHEN_RIGHT_MIN)
    return k;
  char **rep = NULL;
  int *pos = NULL, *cut = NULL;
  memset(w->hyph, 0, ne + 5);
  if (hnj_hyphen_hyphenate2(h->dict, w->enc, (int)ne, w->hyph, NULL, &rep, &pos, &cut) != 0) {
    free_nonstandard(rep, pos, cut, ne);
    return k;
  }
  /* hyph[] is indexed by dictionary character (not byte) in both charsets */
  for (size_t c = 0; c + 1 < nl && k < max; c++) {
    if (!(w->hyph[c] & 1))
      continue;
    if (rep && rep[c]) /* non-standard break: would change letters */
      continue;
    if (w->low_cp[c + 1] == w->low_cp[c]) /* inside the ij ligature */
      continue;
    if (w->low[c] == 'i' && w->low[c + 1] == 'j')
      continue;
    if (w->low[c] == '\'' || w->low[c + 1] == '\'')
      continue;
    if (is_trema(w->low[c + 1]))
      continue;
    if (count_letters(w->low, 0, c + 1) < JV_HYPHEN_LEFT_MIN ||
        count_letters(w->low, c + 1, nl) < JV_HYPHEN_RIGHT_MIN)
      continue;
    out[k].offset = w->off[w->low_cp[c + 1]];
    out[k].add_hyphen = true;
    k++;
  }
  free_nonstandard(rep, pos, cut, ne);
  return k;
}

static bool is_alnum(uint32_t c)
{
  cclass k = classify(c);
  return k == C_LETTER || k == C_DIGIT;
}

/* Letters or digits directly before (cp[0, i)) and after (cp[i + 1, n))
 * position i, up to 2: enough to decide the 2-character minimum. */
static bool two_each_side(const wordbuf *w, size_t n, size_t i)
{
  return i >= 2 && is_alnum(w->cp[i - 1]) && is_alnum(w->cp[i - 2]) && i + 2 < n &&
         is_alnum(w->cp[i + 1]) && is_alnum(w->cp[i + 2]);
}

size_t jv_hyphenate(const jv_hyphenator *h, const char *word, size_t len, jv_hyph_point *out,
                    size_t max)
{
  if (len == 0 || max == 0)
    return 0;
  if (jv_utf8_invalid_at(word, len) >= 0)
    return 0;
  size_t n = 0;
  for (size_t i = 0; i < len; i++)
    n += ((unsigned char)word[i] & 0xC0) != 0x80;
  wordbuf w;
  if (!wordbuf_init(&w, n))
    return 0;
  const char *p = word;
  bool digit = false, breaker = false;
  for (size_t i = 0; i < n; i++) {
    w.off[i] = (size_t)(p - word);
    jv_utf8_next(&p, &w.cp[i]);
    digit = digit || classify(w.cp[i]) == C_DIGIT;
  }
  w.off[n] = len;

  size_t k = 0;
  /* existing hyphens and slashes between at least 2 letters or digits */
  for (size_t i = 1; i + 1 < n && k < max; i++) {
    if (classify(w.cp[i]) != C_BREAKER)
      continue;
    if (!two_each_side(&w, n, i))
      continue;
    breaker = true;
    out[k].offset = w.off[i + 1];
    out[k].add_hyphen = false;
    k++;
  }
  if (h && !digit && !breaker) {
    for (size_t i = 0; i < n;) {
      if (classify(w.cp[i]) != C_LETTER) {
        i++;
        continue;
      }
      size_t e = i + 1;
      while (e < n && (classify(w.cp[e]) == C_LETTER || (classify(w.cp[e]) == C_APOS && e + 1 < n &&
                                                         classify(w.cp[e + 1]) == C_LETTER)))
        e++;
      k = part_breaks(h, &w, i, e, out, k, max);
      i = e;
    }
  }
  free(w.heap);
  return k;
}
