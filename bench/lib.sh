# Sourced by the bench scripts: sets bin to $JV_BIN, or builds ./build-bench
# in Release mode and uses that binary; a temporary directory tmp removed at
# exit; SOURCE_DATE_EPOCH fixed so every run writes the same bytes.
cd "$(dirname "$0")/.."
if [ -n "${JV_BIN:-}" ]; then
  bin=$JV_BIN
else
  cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DJV_TESTS=OFF >/dev/null
  cmake --build build-bench -j 2 >/dev/null
  bin=$PWD/build-bench/jaarverslag
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1546300800
