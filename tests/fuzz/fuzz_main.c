/* fuzz_main.c - replays files through a fuzz target without libFuzzer, so
 * every build (and CI, under the sanitizers) runs the targets on their seed
 * corpus. With clang and -DJV_FUZZ=ON the same targets link with libFuzzer. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
  int n = 0;
  for (int i = 1; i < argc; i++) {
    FILE *fp = fopen(argv[i], "rb");
    if (!fp) {
      perror(argv[i]);
      return 1;
    }
    fseek(fp, 0, SEEK_END);
    long len = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    uint8_t *buf = malloc(len > 0 ? (size_t)len : 1);
    if (!buf || fread(buf, 1, (size_t)len, fp) != (size_t)len) {
      fprintf(stderr, "%s: cannot read\n", argv[i]);
      return 1;
    }
    fclose(fp);
    LLVMFuzzerTestOneInput(buf, (size_t)len);
    /* truncated copies reach the error paths of every prefix length */
    for (long cut = len / 2; cut > 0; cut /= 3)
      LLVMFuzzerTestOneInput(buf, (size_t)cut);
    free(buf);
    n++;
  }
  printf("%d passed, 0 failed\n", n);
  return 0;
}
