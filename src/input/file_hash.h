/* file_hash.h - content fingerprints: SHA-256 (nettle) of files and of
 * descriptions built piece by piece. Owns jv_digest, its hex form, and the
 * one place that reads whole input files only to fingerprint them. */
#ifndef JV_INPUT_FILE_HASH_H
#define JV_INPUT_FILE_HASH_H

#include <nettle/sha2.h>
#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

#define JV_DIGEST_SIZE 32
#define JV_DIGEST_HEX (2 * JV_DIGEST_SIZE + 1) /* with the NUL */

typedef struct {
  unsigned char bytes[JV_DIGEST_SIZE];
} jv_digest;

/* Incremental hashing; no allocation, nothing to free. */
typedef struct {
  struct sha256_ctx ctx;
} jv_hasher;

void jv_hasher_init(jv_hasher *h);
void jv_hasher_add(jv_hasher *h, const void *data, size_t len);
/* Adds a NUL-terminated string including its NUL, so "ab"+"c" and "a"+"bc"
 * hash differently. */
void jv_hasher_add_str(jv_hasher *h, const char *s);
void jv_hasher_finish(jv_hasher *h, jv_digest *out);

/* SHA-256 of a file's bytes. JV_ENOINPUT when it cannot be opened or is not
 * a regular file, JV_EIO on a read error; err names the path. */
jv_status jv_hash_file(const char *path, jv_digest *out, jv_error *err);

/* 64 lower-case hex digits and a NUL into hex. */
void jv_digest_hex(const jv_digest *d, char hex[JV_DIGEST_HEX]);
/* Parses s[0..len): exactly 64 hex digits, either case. Returns 0 or -1. */
int jv_digest_from_hex(const char *s, size_t len, jv_digest *out);
bool jv_digest_equal(const jv_digest *a, const jv_digest *b);

#endif
