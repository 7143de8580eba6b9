/* text.c - string helpers. */
#include "util/text.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "util/utf8.h"

void jv_trim_copy(char *dst, size_t size, const char *src)
{
  while (isspace((unsigned char)*src))
    src++;
  size_t n = strlen(src);
  while (n > 0 && isspace((unsigned char)src[n - 1]))
    n--;
  if (n >= size)
    n = size - 1;
  memcpy(dst, src, n);
  dst[n] = '\0';
}

/* Latin letters with diacritics (U+00C0-U+017F) by their ASCII spelling. */
static const char *ascii_of(uint32_t cp)
{
  static const struct {
    uint16_t lo, hi;
    const char *ascii;
  } map[] = {{0xC0, 0xC5, "a"},   {0xC6, 0xC6, "ae"},   {0xC7, 0xC7, "c"},   {0xC8, 0xCB, "e"},
             {0xCC, 0xCF, "i"},   {0xD0, 0xD0, "d"},    {0xD1, 0xD1, "n"},   {0xD2, 0xD6, "o"},
             {0xD8, 0xD8, "o"},   {0xD9, 0xDC, "u"},    {0xDD, 0xDD, "y"},   {0xDE, 0xDE, "th"},
             {0xDF, 0xDF, "ss"},  {0xE0, 0xE5, "a"},    {0xE6, 0xE6, "ae"},  {0xE7, 0xE7, "c"},
             {0xE8, 0xEB, "e"},   {0xEC, 0xEF, "i"},    {0xF0, 0xF0, "d"},   {0xF1, 0xF1, "n"},
             {0xF2, 0xF6, "o"},   {0xF8, 0xF8, "o"},    {0xF9, 0xFC, "u"},   {0xFD, 0xFD, "y"},
             {0xFE, 0xFE, "th"},  {0xFF, 0xFF, "y"},    {0x100, 0x105, "a"}, {0x106, 0x10D, "c"},
             {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},  {0x11C, 0x123, "g"}, {0x124, 0x127, "h"},
             {0x128, 0x131, "i"}, {0x132, 0x133, "ij"}, {0x134, 0x135, "j"}, {0x136, 0x138, "k"},
             {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},  {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"},
             {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},  {0x162, 0x167, "t"}, {0x168, 0x173, "u"},
             {0x174, 0x175, "w"}, {0x176, 0x178, "y"},  {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"}};
  for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
    if (cp >= map[i].lo && cp <= map[i].hi)
      return map[i].ascii;
  return NULL;
}

void jv_ascii_slug(char *dst, size_t size, const char *src)
{
  size_t o = 0;
  int dash = 0;
  const char *p = src;
  while (*p && o + 3 < size) {
    uint32_t cp;
    jv_utf8_next(&p, &cp);
    char one[2] = {0, 0};
    const char *a =
        cp < 0x80 && isalnum((int)cp) ? (one[0] = (char)tolower((int)cp), one) : ascii_of(cp);
    if (a) {
      for (; *a && o + 1 < size; a++)
        dst[o++] = *a;
      dash = 0;
    } else if (!dash && o > 0) {
      dst[o++] = '-';
      dash = 1;
    }
  }
  while (o > 0 && dst[o - 1] == '-')
    o--;
  dst[o] = '\0';
}

char *jv_trim_inplace(char *s)
{
  size_t n = strlen(s), start = 0;
  while (start < n && isspace((unsigned char)s[start]))
    start++;
  while (n > start && isspace((unsigned char)s[n - 1]))
    n--;
  memmove(s, s + start, n - start);
  s[n - start] = '\0';
  return s;
}

const char *jv_text_list_sep(size_t k, size_t count)
{
  return k == 0 ? "" : k + 1 == count ? " en " : ", ";
}

void jv_text_list_add(char *buf, size_t size, size_t k, size_t count, const char *name)
{
  size_t len = strlen(buf);
  if (len < size)
    snprintf(buf + len, size - len, "%s%s", jv_text_list_sep(k, count), name);
}
