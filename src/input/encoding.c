/* encoding.c - BOM sniffing and conversion to UTF-8 with iconv(3). */
#include "input/encoding.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

const char *jv_encoding_name(jv_encoding enc)
{
  switch (enc) {
  case JV_ENC_UTF8_BOM:
    return "UTF-8 with BOM";
  case JV_ENC_UTF16LE:
    return "UTF-16LE";
  case JV_ENC_UTF16BE:
    return "UTF-16BE";
  case JV_ENC_CP1252:
    return "Windows-1252";
  default:
    return "UTF-8";
  }
}

static int lines_before(const char *s, size_t n)
{
  int line = 1;
  for (size_t i = 0; i < n; i++)
    if (s[i] == '\n')
      line++;
  return line;
}

/* Runs iconv over all of in; on EILSEQ/EINVAL *bad is the input offset. */
static jv_status convert(const char *from, const char *in, size_t len, char **out, size_t *out_len,
                         size_t *bad)
{
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == (iconv_t)-1)
    return JV_EINTERNAL;
  size_t cap = len * 3 + 1;
  char *buf = malloc(cap);
  if (!buf) {
    iconv_close(cd);
    return JV_EINTERNAL;
  }
  char *ip = (char *)in, *op = buf;
  size_t il = len, ol = cap - 1;
  jv_status st = JV_OK;
  if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
    st = errno == E2BIG ? JV_EINTERNAL : JV_EDATA;
    *bad = (size_t)(ip - in);
  }
  iconv_close(cd);
  if (st != JV_OK) {
    *out = NULL;
    free(buf);
    return st;
  }
  *op = '\0';
  *out = buf;
  *out_len = (size_t)(op - buf);
  return JV_OK;
}

static jv_status copy_utf8(const char *buf, size_t len, char **out, size_t *out_len)
{
  char *c = malloc(len + 1);
  if (!c)
    return JV_EINTERNAL;
  memcpy(c, buf, len);
  c[len] = '\0';
  *out = c;
  *out_len = len;
  return JV_OK;
}

/* UTF-16 without a BOM: ASCII text has a NUL in every other byte. */
static int looks_utf16(const char *buf, size_t len, int *little)
{
  size_t n = len < 512 ? len : 512, even = 0, odd = 0;
  for (size_t i = 0; i < n; i++)
    if (buf[i] == '\0' && i % 2)
      odd++;
    else if (buf[i] == '\0')
      even++;
  if (n < 4 || (odd + even) * 4 < n)
    return 0;
  *little = odd > even;
  return 1;
}

jv_status jv_encoding_to_utf8(const char *name, const char *buf, size_t len, char **out,
                              size_t *out_len, jv_encoding *enc, jv_error *err)
{
  const unsigned char *u = (const unsigned char *)buf;
  *out = NULL;
  *out_len = 0;
  *enc = JV_ENC_UTF8;
  if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
    *enc = u[0] == 0xFF ? JV_ENC_UTF16LE : JV_ENC_UTF16BE;
    size_t bad = 0;
    jv_status st = convert(*enc == JV_ENC_UTF16LE ? "UTF-16LE" : "UTF-16BE", buf + 2, len - 2, out,
                           out_len, &bad);
    if (st == JV_EDATA) {
      /* locate by the lines of what did convert */
      char *part = NULL;
      size_t plen = 0, bad2 = 0;
      int line = 1;
      if (convert(*enc == JV_ENC_UTF16LE ? "UTF-16LE" : "UTF-16BE", buf + 2, bad & ~(size_t)1,
                  &part, &plen, &bad2) == JV_OK)
        line = lines_before(part, plen);
      free(part);
      return jv_error_set(err, JV_EDATA, name, line, 0,
                          "broken %s text at byte %zu (an unpaired surrogate or an odd "
                          "number of bytes): save the file again as Unicode text or CSV UTF-8",
                          jv_encoding_name(*enc), bad + 2);
    }
    if (st != JV_OK)
      return jv_error_set(err, JV_EINTERNAL, name, 0, 0, "cannot convert from UTF-16");
    return JV_OK;
  }
  if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
    *enc = JV_ENC_UTF8_BOM;
    buf += 3;
    len -= 3;
  }
  int little = 0;
  if (*enc == JV_ENC_UTF8 && looks_utf16(buf, len, &little))
    return jv_error_set(err, JV_EDATA, name, 1, 1,
                        "the file looks like UTF-16%s without a byte-order mark, so its "
                        "encoding cannot be told for sure: save it as 'Unicode-tekst' "
                        "(UTF-16 with BOM) or as CSV UTF-8",
                        little ? "LE" : "BE");
  if (jv_utf8_invalid_at(buf, len) < 0 || *enc == JV_ENC_UTF8_BOM || memchr(buf, '\0', len) != NULL)
    return copy_utf8(buf, len, out, out_len)
               ? jv_error_set(err, JV_EINTERNAL, name, 0, 0, "out of memory")
               : JV_OK;
  size_t bad = 0;
  jv_status st = convert("WINDOWS-1252", buf, len, out, out_len, &bad);
  if (st == JV_OK) {
    *enc = JV_ENC_CP1252;
    return JV_OK;
  }
  if (st == JV_EDATA) /* neither: the CSV reader points at the first bad byte */
    return copy_utf8(buf, len, out, out_len)
               ? jv_error_set(err, JV_EINTERNAL, name, 0, 0, "out of memory")
               : JV_OK;
  return jv_error_set(err, JV_EINTERNAL, name, 0, 0, "cannot convert from Windows-1252");
}
