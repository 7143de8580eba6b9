/* file_hash.c - SHA-256 through nettle. */
#include "input/file_hash.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void jv_hasher_init(jv_hasher *h)
{
  sha256_init(&h->ctx);
}

void jv_hasher_add(jv_hasher *h, const void *data, size_t len)
{
  sha256_update(&h->ctx, len, data);
}

void jv_hasher_add_str(jv_hasher *h, const char *s)
{
  jv_hasher_add(h, s, strlen(s) + 1);
}

void jv_hasher_finish(jv_hasher *h, jv_digest *out)
{
  sha256_digest(&h->ctx, JV_DIGEST_SIZE, out->bytes);
}

jv_status jv_hash_file(const char *path, jv_digest *out, jv_error *err)
{
  /* O_NONBLOCK: opening a FIFO must not wait for a writer (a batch output
   * that is a FIFO hung the batch, holding its lock) */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    return jv_error_set(err, JV_ENOINPUT, path, 0, 0, "cannot open: %s", strerror(errno));
  struct stat sb;
  if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
    close(fd);
    return jv_error_set(err, JV_ENOINPUT, path, 0, 0, "not a regular file");
  }
  FILE *f = fdopen(fd, "rb");
  if (!f) {
    close(fd);
    return jv_error_set(err, JV_EINTERNAL, path, 0, 0, "out of memory");
  }
  jv_hasher h;
  jv_hasher_init(&h);
  unsigned char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
    jv_hasher_add(&h, buf, n);
  int bad = ferror(f);
  int saved = errno;
  fclose(f);
  if (bad)
    return jv_error_set(err, JV_EIO, path, 0, 0, "read error: %s", strerror(saved));
  jv_hasher_finish(&h, out);
  return JV_OK;
}

void jv_digest_hex(const jv_digest *d, char hex[JV_DIGEST_HEX])
{
  static const char digits[] = "0123456789abcdef";
  for (size_t i = 0; i < JV_DIGEST_SIZE; i++) {
    hex[2 * i] = digits[d->bytes[i] >> 4];
    hex[2 * i + 1] = digits[d->bytes[i] & 15];
  }
  hex[2 * JV_DIGEST_SIZE] = '\0';
}

static int nibble(char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

int jv_digest_from_hex(const char *s, size_t len, jv_digest *out)
{
  if (len != 2 * JV_DIGEST_SIZE)
    return -1;
  for (size_t i = 0; i < JV_DIGEST_SIZE; i++) {
    int hi = nibble(s[2 * i]), lo = nibble(s[2 * i + 1]);
    if (hi < 0 || lo < 0)
      return -1;
    out->bytes[i] = (unsigned char)(hi << 4 | lo);
  }
  return 0;
}

bool jv_digest_equal(const jv_digest *a, const jv_digest *b)
{
  return memcmp(a->bytes, b->bytes, JV_DIGEST_SIZE) == 0;
}
