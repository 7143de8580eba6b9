#!/usr/bin/env bash
# Faults during a run (the malformed corpus covers hostile inputs): a report
# killed with SIGKILL while writing leaves the old file and no temporary; a
# file size limit (ulimit -f) gives exit 74 "file size limit" and no
# temporary; a 50 MB CSV of repeated rows is refused quickly, in memory a few
# times its size; a batch whose output is a FIFO stops with 73 instead of
# hanging; a batch parent killed with SIGKILL takes its workers along,
# leaves every output complete (the manifest's, or one a worker finished
# just before the kill) and the next batch makes the manifest match every
# file again; `batch -o` into a data
# directory does not count its own outputs as inputs.
# Every command runs under `timeout`, so a hang fails a check, not CI.
# Usage: hostile.sh /path/to/jaarverslag   (env JV_SRC = repository root)
set -u
. "$(dirname "$0")/lib/e2e.sh"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1546300800}
ok() { # name, condition status
  if [ "$2" = 0 ]; then pass=$((pass + 1)); else echo "FAIL $1" >&2; fail=$((fail + 1)); fi
}
asan=0
ldd "$bin" 2>/dev/null | grep -q libasan && asan=1
temporaries() { ls -A "$1" | grep -E '^\..*\.[A-Za-z0-9]{6}$'; }

# 1. SIGKILL while the report is being written, at several moments: the old
# file stays byte-identical and nothing is left beside it
mkdir "$tmp/kill"
printf 'the previous report\n' >"$tmp/kill/out.pdf"
cp "$tmp/kill/out.pdf" "$tmp/previous.pdf"
# how long a whole report takes here, to spread the kills over it
start=$(date +%s%N)
timeout 60 "$bin" report -o "$tmp/full.pdf" >/dev/null 2>&1
full_ms=$((($(date +%s%N) - start) / 1000000))
for pct in 50 70 80 90 95 98; do
  timeout 60 "$bin" report -o "$tmp/kill/out.pdf" >/dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v ms="$full_ms" -v p="$pct" 'BEGIN { printf "%.3f", ms * p / 100000 }')"
  kill -KILL $pid 2>/dev/null
  wait $pid 2>/dev/null
  if ! cmp -s "$tmp/kill/out.pdf" "$tmp/previous.pdf"; then
    # the run finished before the kill: a complete new report is fine too
    qpdf --check "$tmp/kill/out.pdf" >/dev/null 2>&1 || { ok "killed at $pct%: half a file" 1; continue; }
    cp "$tmp/previous.pdf" "$tmp/kill/out.pdf"
  fi
  left=$(temporaries "$tmp/kill")
  [ -z "$left" ]
  ok "killed at $pct% of ${full_ms} ms: no temporary left ($left)" $?
done

# 2. ulimit -f: the write fails with EFBIG (SIGXFSZ ignored), in words
mkdir "$tmp/fsize"
cp "$tmp/previous.pdf" "$tmp/fsize/out.pdf"
(ulimit -f 100 && exec timeout 60 "$bin" report -o "$tmp/fsize/out.pdf") >/dev/null 2>"$tmp/err"
rc=$?
msg=$(tail -n 1 "$tmp/err")
[ $rc = 74 ] && grep -q 'out.pdf: error: cannot write output: the file size limit was reached' "$tmp/err"
ok "ulimit -f 100: exit 74 with 'file size limit' ($rc: $msg)" $?
cmp -s "$tmp/fsize/out.pdf" "$tmp/previous.pdf" && [ -z "$(temporaries "$tmp/fsize")" ]
ok "ulimit -f 100: old report intact, no temporary" $?

# 3. a 50 MB CSV of repeated rows: refused at the row cap, quickly, and in
# memory a few times the file (it took 660 MB, 13x, and minutes)
cp -R "$src/data/zuid-holland-zuid/2017-2018" "$tmp/big"
python3 - "$tmp/big/verzuim.csv" <<'PY'
import sys
path = sys.argv[1]
lines = open(path).read().splitlines()
body = "\n".join(lines[1:]) + "\n"
with open(path, "w") as f:
    f.write(lines[0] + "\n")
    f.write(body * (50 * 1024 * 1024 // len(body)))
PY
size_kb=$(($(stat -c %s "$tmp/big/verzuim.csv") / 1024))
/usr/bin/time -f %M -o "$tmp/rss" timeout 20 "$bin" check --data "$tmp/big" >/dev/null 2>"$tmp/err"
rc=$?
msg=$(head -c 200 "$tmp/err")
[ $rc = 65 ] && grep -q 'verzuim.csv:20001:1: error: more than 20000 rows' "$tmp/err"
ok "50 MB CSV: exit 65 at the row cap ($rc: $msg)" $?
rss_kb=$(tail -n 1 "$tmp/rss")
if [ $asan = 0 ]; then # ASan's shadow memory and quarantine say nothing about ours
  [ "$rss_kb" -le $((4 * size_kb)) ]
  ok "50 MB CSV: $((rss_kb / 1024)) MB resident for $((size_kb / 1024)) MB of file (at most 4x)" $?
fi

proj=$tmp/proj
python3 "$src/scripts/synthetic_project.py" "$proj" --regions 39 --take 2 >/dev/null
timeout 120 "$bin" batch "$proj" -j 2 >/dev/null 2>&1
ok "batch builds the project" $?

# 4. batch parent killed with SIGKILL: its workers die with it
# (another SOURCE_DATE_EPOCH: every output is rebuilt, with other bytes)
SOURCE_DATE_EPOCH=1546300801 setsid timeout 120 "$bin" batch "$proj" -j 2 >"$tmp/out" 2>&1 &
parent=$!
batch_pid=
# (under ASan on a loaded machine planning may take seconds before the
# first fork: wait up to 60 s for a worker)
for _ in $(seq 1 6000); do
  batch_pid=$(pgrep -P $parent | head -n 1)
  [ -n "$batch_pid" ] && [ -n "$(pgrep -P "$batch_pid")" ] && break
  sleep 0.01
done
workers=$(pgrep -P "$batch_pid" | tr '\n' ' ')
kill -KILL "$batch_pid"
wait $parent 2>/dev/null
# the kernel delivers the workers' SIGKILL when their parent is gone; on a
# loaded machine that can take a moment: poll up to 10 s, not a fixed sleep
workers_alive() {
  for w in $workers; do # gone, or a zombie nobody has reaped yet
    state=$(awk '{ print $3 }' "/proc/$w/stat" 2>/dev/null)
    [ -n "$state" ] && [ "$state" != Z ] && return 0
  done
  return 1
}
alive=1
for _ in $(seq 1 1000); do
  workers_alive || { alive=0; break; }
  sleep 0.01
done
[ -n "$workers" ] && [ $alive = 0 ]
ok "batch parent SIGKILLed: workers ($workers) are gone" $?
sleep 3 # what a surviving worker would finish meanwhile
# A worker that finished just before the kill has put its complete output in
# place, which the killed parent never recorded: that file is newer than the
# manifest says (two files cannot be replaced at once; on a loaded machine
# this happens in most runs). So: every file complete, the manifest's or
# newer, nothing half-written or temporary beside them; and the next batch
# leaves the manifest matching every file again.
complete=0
newer=
while IFS=$'\t' read -r id file in sum; do
  case $id in '#'*) continue ;; esac
  [ "$(sha256sum "$proj/out/$file" | cut -d' ' -f1)" = "$sum" ] && continue
  newer="$newer $file"
  qpdf --check "$proj/out/$file" >/dev/null 2>&1 || complete=1
done <"$proj/out/manifest.tsv"
[ $complete = 0 ] && [ -z "$(temporaries "$proj/out")" ]
ok "batch parent SIGKILLed: every file complete, the manifest's or newer (${newer:- none newer}), no temporary" $?
SOURCE_DATE_EPOCH=1546300801 timeout 120 "$bin" batch "$proj" -j 2 >"$tmp/out" 2>&1
rc=$?
consistent=0
while IFS=$'\t' read -r id file in sum; do
  case $id in '#'*) continue ;; esac
  [ "$(sha256sum "$proj/out/$file" | cut -d' ' -f1)" = "$sum" ] || consistent=1
done <"$proj/out/manifest.tsv"
[ $rc = 0 ] && [ $consistent = 0 ] && [ -z "$(temporaries "$proj/out")" ]
ok "after the kill, the next batch ($rc) leaves the manifest matching every file on disk" $?

# 5. batch: an output that is a FIFO stops the batch before any work (it
# used to block hashing it, holding the lock)
# (with a manifest entry for it, so that the batch wants to hash it)
rm "$proj/out/jaarverslag-synthetische-regio-01-2017-2018.pdf"
mkfifo "$proj/out/jaarverslag-synthetische-regio-01-2017-2018.pdf"
timeout 20 "$bin" batch "$proj" -j 2 >"$tmp/out" 2>"$tmp/err"
rc=$?
msg=$(tail -n 1 "$tmp/err")
[ $rc = 73 ] && grep -q 'jaarverslag-synthetische-regio-01-2017-2018.pdf: error: the output is a FIFO' "$tmp/err" &&
  ! grep -q gebouwd "$tmp/out"
ok "batch with a FIFO output: 73 before any build ($rc: $msg)" $?
rm "$proj/out/jaarverslag-synthetische-regio-01-2017-2018.pdf"

# 6. batch -o into a data directory: its own outputs are not inputs, so a
# second run has nothing to do (it rebuilt everything on every run)
into=$(ls -d "$proj"/*/2017-2018 | head -n 1)
timeout 120 "$bin" batch "$proj" -o "$into" -j 2 >/dev/null 2>&1
timeout 120 "$bin" batch "$proj" -o "$into" -j 2 >"$tmp/out" 2>&1
rc=$?
last=$(tail -n 1 "$tmp/out")
[ $rc = 0 ] && grep -q '^klaar: 0 gebouwd, 3 actueel' "$tmp/out"
ok "batch -o into a data directory: the second run builds nothing ($rc: $last)" $?

echo "hostile: $pass passed, $fail failed"
[ $fail = 0 ] && [ $pass -gt 0 ]
