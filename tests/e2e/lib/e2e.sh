# Sourced first by an e2e test, which CTest runs as `bash TEST.sh BIN` with
# JV_SRC set (tests/CMakeLists.txt): `. "$(dirname "$0")/lib/e2e.sh"`.
# Sets bin (the program, as an absolute path), here (the test's folder),
# src (the source tree: $JV_SRC, else the folder two above here) and tmp (a
# new folder, removed when the test exits). ok counts a pass; bad MESSAGE
# prints FAIL: MESSAGE and counts a failure; e2e_end prints the counts and
# exits 1 if anything failed. The shell options (set -e or not) stay the
# test's own.
if [ $# -lt 1 ] || [ ! -e "$1" ]; then
  echo "usage: bash $0 BIN (the jaarverslag program)" >&2
  exit 64
fi
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
src=${JV_SRC:-$(cd "$here/../.." && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() {
  echo "FAIL: $*"
  fail=$((fail + 1))
}
e2e_end() {
  echo "$pass passed, $fail failed"
  [ "$fail" = 0 ] || exit 1
}
