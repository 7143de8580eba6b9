#!/usr/bin/env bash
# Runs `jaarverslag check` and `jaarverslag report` on every case of the
# malformed-data corpus (tests/malformed/<case>/{defect,expect}).
# check: exit status as expected and stderr contains the expected fragment.
# report: the same exit status; when it fails, an existing output file is left
# byte-identical and no temporary file is left beside it; when it succeeds,
# the output is a PDF.
# Usage: malformed.sh /path/to/jaarverslag   (env JV_SRC = repository root)
set -u
bin=$1
src=${JV_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
corpus=$src/tests/malformed
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pass=0
fail=0
failed() {
  echo "FAIL $1: $2" >&2
  fail=$((fail + 1))
}

if ! bash "$corpus/make_cases.sh" "$src/data/zuid-holland-zuid/2017-2018" "$tmp/cases"; then
  echo "malformed.sh: building the corpus failed" >&2
  exit 1
fi

printf 'an existing report, not to be touched\n' > "$tmp/known.pdf"
# the region's own series sit beside its year directories, as in data/
cp "$src/data/zuid-holland-zuid/reeksen.csv" "$tmp/cases/reeksen.csv"
for dir in "$tmp"/cases/*/; do
  c=$(basename "$dir")
  want_rc=$(sed -n 1p "$corpus/$c/expect")
  want_msg=$(sed -n 2p "$corpus/$c/expect")
  ok=1

  "$bin" check --data "$dir" >"$tmp/out.txt" 2>"$tmp/err.txt"
  rc=$?
  if [ "$rc" != "$want_rc" ]; then
    failed "$c" "check exited $rc, expected $want_rc: $(head -c 300 "$tmp/err.txt")"
    ok=0
  else
    # every fragment (lines 2...), each on a later stderr line than the one before
    prev=0
    while IFS= read -r frag; do
      at=$(grep -nF -- "$frag" "$tmp/err.txt" | head -1 | cut -d: -f1)
      if [ -z "$at" ]; then
        failed "$c" "check stderr lacks '$frag': $(head -c 600 "$tmp/err.txt")"
        ok=0
        break
      elif [ "$at" -le "$prev" ]; then
        failed "$c" "'$frag' is not after the fragment before it (sorted by file and line)"
        ok=0
        break
      fi
      prev=$at
    done < <(sed -n '2,$p' "$corpus/$c/expect")
  fi

  rm -rf "$tmp/rep"
  mkdir "$tmp/rep"
  cp "$tmp/known.pdf" "$tmp/rep/out.pdf"
  "$bin" report --data "$dir" -o "$tmp/rep/out.pdf" >/dev/null 2>"$tmp/err.txt"
  rc=$?
  stray=$(cd "$tmp/rep" && ls -A | grep -vx 'out.pdf')
  if [ "$rc" != "$want_rc" ]; then
    failed "$c" "report exited $rc, expected $want_rc: $(head -c 300 "$tmp/err.txt")"
    ok=0
  elif [ "$want_rc" != 0 ] && ! cmp -s "$tmp/known.pdf" "$tmp/rep/out.pdf"; then
    failed "$c" "report changed the existing output file"
    ok=0
  elif [ "$want_rc" != 0 ] && ! grep -qF -- "$want_msg" "$tmp/err.txt"; then
    failed "$c" "report stderr lacks '$want_msg': $(head -c 300 "$tmp/err.txt")"
    ok=0
  elif [ "$want_rc" = 0 ] && [ "$(head -c 5 "$tmp/rep/out.pdf")" != "%PDF-" ]; then
    failed "$c" "report succeeded but out.pdf is not a PDF"
    ok=0
  fi
  if [ -n "$stray" ]; then
    failed "$c" "report left files beside its output: $stray"
    ok=0
  fi
  [ $ok = 1 ] && pass=$((pass + 1))
done

echo "$pass passed, $fail failed"
[ "$fail" = 0 ] && [ "$pass" -gt 0 ]
