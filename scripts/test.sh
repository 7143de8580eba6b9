#!/usr/bin/env bash
# Installs dependencies, then builds and runs every test twice: under
# AddressSanitizer + UndefinedBehaviorSanitizer, then as a plain
# warnings-as-errors build. Ends with ctest's own summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build-asan -DJV_WERROR=ON -DJV_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-asan -j "$jobs"
echo "== tests under ASan+UBSan"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs" -E 'valgrind'

cmake -S . -B build -DJV_WERROR=ON >/dev/null
cmake --build build -j "$jobs"
echo "== tests (release build, with valgrind checks)"
ctest --test-dir build --output-on-failure -j "$jobs"
