#!/usr/bin/env bash
# Runs `jaarverslag check` and `jaarverslag report` on every case of the
# malformed-data corpus (tests/malformed/<case>/{defect,expect}).
# check: exit status as expected and stderr contains the expected fragment.
# report: the same exit status; when it fails, an existing output file is left
# byte-identical and no temporary file is left beside it; when it succeeds,
# the output is a PDF.
# A case whose `expect` has a third line `run: ARGS` runs that one command
# instead (@DATA@ = the case's data copy, @OUT@ = the existing output file,
# @SRC@ = the repository), with the same checks.
# Every run is limited to JV_CASE_SECONDS (10) seconds and 500 MB resident
# (ASan's hard_rss_limit_mb under the sanitizers, where a virtual-memory limit
# cannot work; ulimit -v otherwise; the peak is also measured), so a hang or a
# blow-up fails its case instead of the whole CI job.
# Usage: malformed.sh /path/to/jaarverslag   (env JV_SRC = repository root)
set -u
. "$(dirname "$0")/lib/e2e.sh"
corpus=$src/tests/malformed

limit_s=${JV_CASE_SECONDS:-10}
limit_mb=500
asan=0
ldd "$bin" 2>/dev/null | grep -q libasan && asan=1
if [ $asan = 1 ]; then
  export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}hard_rss_limit_mb=$limit_mb"
fi
timer=
[ -x /usr/bin/time ] && timer=/usr/bin/time
# limited OUT ERR ARGS...: runs the binary with ARGS under the limits; sets rc
# and fails the case (via limit_msg) when a limit was hit.
limited() {
  local out=$1 err=$2
  shift 2
  limit_msg=
  rm -f "$tmp/rss"
  (
    [ $asan = 1 ] || ulimit -v $((limit_mb * 1024 * 2))
    if [ -n "$timer" ]; then
      exec $timer -q -f %M -o "$tmp/rss" timeout -k 2 "$limit_s" "$bin" "$@"
    else
      exec timeout -k 2 "$limit_s" "$bin" "$@"
    fi
  ) >"$out" 2>"$err" </dev/null
  rc=$?
  if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
    limit_msg="took more than $limit_s s"
  elif [ -s "$tmp/rss" ] && [ "$(tail -n 1 "$tmp/rss")" -gt $((limit_mb * 1024)) ]; then
    limit_msg="used $(($(tail -n 1 "$tmp/rss") / 1024)) MB resident (limit $limit_mb MB)"
  fi
}

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
  run=$(sed -n 's/^run: //p' "$corpus/$c/expect")
  ok=1

  if [ -n "$run" ]; then
    rm -rf "$tmp/rep"
    mkdir "$tmp/rep"
    cp "$tmp/known.pdf" "$tmp/rep/out.pdf"
    args=${run//@DATA@/${dir%/}}
    args=${args//@OUT@/$tmp/rep/out.pdf}
    args=${args//@SRC@/$src}
    eval "set -- $args"
    limited /dev/null "$tmp/err.txt" "$@"
    stray=$(cd "$tmp/rep" && ls -A | grep -vx 'out.pdf')
    if [ -n "$limit_msg" ]; then
      failed "$c" "$limit_msg"
    elif [ "$rc" != "$want_rc" ]; then
      failed "$c" "exited $rc, expected $want_rc: $(head -c 300 "$tmp/err.txt")"
    elif ! grep -qF -- "$want_msg" "$tmp/err.txt"; then
      failed "$c" "stderr lacks '$want_msg': $(head -c 300 "$tmp/err.txt")"
    elif [ "$want_rc" != 0 ] && ! cmp -s "$tmp/known.pdf" "$tmp/rep/out.pdf"; then
      failed "$c" "changed the existing output file"
    elif [ -n "$stray" ]; then
      failed "$c" "left files beside its output: $stray"
    elif [ -n "$(cd "$dir" && ls -A | grep -E '^\..*\.[A-Za-z0-9]{6}$')" ]; then
      failed "$c" "left a temporary file in the data directory"
    else
      pass=$((pass + 1))
    fi
    continue
  fi

  limited "$tmp/out.txt" "$tmp/err.txt" check --data "$dir"
  if [ -n "$limit_msg" ]; then
    failed "$c" "check $limit_msg"
    ok=0
  elif [ "$rc" != "$want_rc" ]; then
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
  limited /dev/null "$tmp/err.txt" report --data "$dir" -o "$tmp/rep/out.pdf"
  stray=$(cd "$tmp/rep" && ls -A | grep -vx 'out.pdf')
  if [ -n "$limit_msg" ]; then
    failed "$c" "report $limit_msg"
    ok=0
  elif [ "$rc" != "$want_rc" ]; then
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
