#!/usr/bin/env bash
# `jaarverslag batch` on a reduced synthetic project (6 of the 39 regions of
# scripts/synthetic_project.py): first run builds all, a second builds
# nothing, a correction to one municipality rebuilds exactly its region and
# the national annex and shows in the report's Correcties list, the same
# correction twice gives an identical PDF, a failing region does not stop
# the others, and an interrupted run (SIGINT, `ulimit -f`) leaves every old
# output byte-identical and the manifest consistent.
# Usage: batch.sh /path/to/jaarverslag   (env JV_SRC = repository root)
set -u
. "$(dirname "$0")/lib/e2e.sh"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1546300800}
proj=$tmp/proj
out=$proj/out
ok() { # name, condition status
  if [ "$2" = 0 ]; then pass=$((pass + 1)); else echo "FAIL $1" >&2; fail=$((fail + 1)); fi
}
run() { # runs the batch; stdout in $tmp/out, stderr in $tmp/err, status in $rc
  "$bin" batch "$proj" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
}
built() { sed -n 's|^\[[0-9]*/[0-9]*\] gebouwd \([^ ]*\) .*|\1|p' "$tmp/out" | sort | tr '\n' ' '; }
n_built() { grep -c '^\[[0-9]*/[0-9]*\] gebouwd ' "$tmp/out"; }
summary() { tail -n 1 "$tmp/out"; }
snapshot() { rm -rf "$tmp/snap" && mkdir "$tmp/snap" && cp "$out"/*.pdf "$out/manifest.tsv" "$tmp/snap/"; }
same_as_snapshot() { # every PDF and the manifest byte-identical to the snapshot
  for f in "$tmp/snap"/*; do cmp -s "$f" "$out/$(basename "$f")" || return 1; done
}
pdfs_same_as_snapshot() {
  for f in "$tmp/snap"/*.pdf; do cmp -s "$f" "$out/$(basename "$f")" || return 1; done
}
manifest_consistent() { # every entry's output hash is the file's; no temporaries
  local id file in sum
  while IFS=$'\t' read -r id file in sum; do
    case $id in '#'*) continue ;; esac
    [ "$(sha256sum "$out/$file" | cut -d' ' -f1)" = "$sum" ] || return 1
  done <"$out/manifest.tsv"
  ! ls -A "$out" | grep -Eq '^\..*\.[A-Za-z0-9]{6}$'
}

python3 "$src/scripts/synthetic_project.py" "$proj" --regions 39 --take 6 >/dev/null
ok "generator" $?
r3=$proj/synthetische-regio-03/2017-2018
# the first municipality of region 03 and its absoluut verzuim
IFS=, read -r code name _ < <(sed -n 2p "$r3/leerplichtigen.csv")
absoluut=$(awk -F, -v c="$code" '$1 == c { print $3 }' "$r3/verzuim.csv")

# 1. first run: 6 reports and the annex
run -j 2
ok "first run status ($rc)" $rc
grep -Eq '^klaar: 7 gebouwd, 0 actueel, 0 mislukt \([0-9]+,[0-9]{2} s\)$' "$tmp/out"
st=$?; ok "first run summary: $(summary)" $st
grep -Eq '^\[[1-7]/7\] gebouwd synthetische-regio-03/2017-2018 \([0-9]+,[0-9]{2} s\)$' "$tmp/out"
ok "progress line format" $?
[ "$(grep -vc '^#' "$out/manifest.tsv")" = 7 ] && manifest_consistent
ok "manifest lists 7 outputs" $?
pdftotext "$out/bijlage-kaarten-2017-2018.pdf" - 2>/dev/null | grep -q "synthetische cijfers"
ok "annex says synthetic" $?
pdftotext "$out/bijlage-kaarten-2017-2018.pdf" - 2>/dev/null | grep -q "nagestuurd"
[ $? != 0 ]
ok "annex mentions no corrections when there are none" $?
qpdf --check "$out/jaarverslag-synthetische-regio-01-2017-2018.pdf" >/dev/null 2>&1
ok "report PDF valid" $?
snapshot

# 2. nothing changed: nothing built; timestamps alone change nothing
touch "$r3"/*.csv
run -j 2
[ $rc = 0 ] && [ -z "$(built)" ] && grep -q '^klaar: 0 gebouwd, 7 actueel, 0 mislukt' "$tmp/out" &&
  [ "$(grep -c '^\[[0-9]/7\] actueel ' "$tmp/out")" = 7 ]
st=$?; ok "second run builds nothing: $(summary)" $st
same_as_snapshot
ok "second run leaves every file as it was" $?

# 3. a corrected return of one municipality: its region and the annex
mkdir -p "$r3/correcties"
new=$((absoluut + 7))
printf 'cbs_code,gemeente,absoluut_verzuim,datum,reden\n%s,"%s",%s,2018-10-01,dubbeltelling hersteld\n' \
  "$code" "$name" "$new" >"$r3/correcties/2018-10-01.csv"
"$bin" check --data "$r3" >"$tmp/out" 2>"$tmp/err" &&
  grep -qx '10 gemeenten, 34 indicatoren, 0 waarschuwingen, 1 correctie' "$tmp/out"
st=$?; ok "check applies the correction: $(cat "$tmp/out")" $st
run -j 2
[ $rc = 0 ] && [ "$(built)" = "bijlage/2017-2018 synthetische-regio-03/2017-2018 " ] &&
  grep -q '^klaar: 2 gebouwd, 5 actueel, 0 mislukt' "$tmp/out"
st=$?; ok "correction rebuilds exactly region 03 and the annex: $(built)" $st
diff <(grep -v -e '^synthetische-regio-03/' -e '^bijlage/' "$tmp/snap/manifest.tsv") \
  <(grep -v -e '^synthetische-regio-03/' -e '^bijlage/' "$out/manifest.tsv") >/dev/null &&
  ! cmp -s "$tmp/snap/manifest.tsv" "$out/manifest.tsv" && manifest_consistent
ok "manifest: only the two rebuilt entries changed" $?
changed=0
for f in "$tmp/snap"/jaarverslag-*.pdf; do
  case $f in *regio-03*) continue ;; esac
  cmp -s "$f" "$out/$(basename "$f")" || changed=1
done
[ $changed = 0 ]
ok "other reports byte-identical" $?
pdftotext -layout "$out/jaarverslag-synthetische-regio-03-2017-2018.pdf" "$tmp/r3.txt" 2>/dev/null
grep -q '^ *Correcties' "$tmp/r3.txt" && grep -F "$name" "$tmp/r3.txt" | grep -q "$absoluut → $new" &&
  grep -q "1-10-2018" "$tmp/r3.txt" && grep -q "dubbeltelling hersteld" "$tmp/r3.txt"
ok "Correcties list in the PDF: $name, $absoluut → $new" $?
pdftotext -layout "$out/jaarverslag-synthetische-regio-01-2017-2018.pdf" - 2>/dev/null |
  grep -q '^ *Correcties'
[ $? != 0 ]
ok "no Correcties list without corrections" $?
pdftotext "$out/bijlage-kaarten-2017-2018.pdf" - 2>/dev/null | tr "\n" " " | grep -q "gemeenten hebben nagestuurd"
ok "annex mentions the corrections once there are some" $?
snapshot

# 4. the same correction applied twice: identical PDF
cp "$r3/correcties/2018-10-01.csv" "$r3/correcties/2018-10-01-nogmaals.csv"
run -j 2
[ $rc = 0 ] && [ "$(built)" = "bijlage/2017-2018 synthetische-regio-03/2017-2018 " ]
ok "a second correction file rebuilds region 03 and the annex" $?
cmp -s "$tmp/snap/jaarverslag-synthetische-regio-03-2017-2018.pdf" \
  "$out/jaarverslag-synthetische-regio-03-2017-2018.pdf" &&
  cmp -s "$tmp/snap/bijlage-kaarten-2017-2018.pdf" "$out/bijlage-kaarten-2017-2018.pdf"
ok "the correction applied twice gives identical PDFs" $?
rm "$r3/correcties/2018-10-01-nogmaals.csv"
run
[ $rc = 0 ] && [ "$(built)" = "bijlage/2017-2018 synthetische-regio-03/2017-2018 " ]
ok "removing the copy rebuilds them once more" $?
snapshot

# 5. a broken correction: that region (and the annex, which reads it) fail,
# the others are untouched; exit status 65; fixing it restores the old state
r5=$proj/synthetische-regio-05/2017-2018
mkdir -p "$r5/correcties"
IFS=, read -r code5 name5 _ < <(sed -n 2p "$r5/leerplichtigen.csv")
printf 'cbs_code,gemeente,absoluut_verzuim,datum,reden\n%s,"%s",3,2018-02-30,x\n' "$code5" \
  "$name5" >"$r5/correcties/fout.csv"
run -j 2
grep -q "synthetische-regio-05/2017-2018: .*correcties/fout.csv:2:4: error: '2018-02-30' is not a date" "$tmp/err"
ok "located error of the broken correction" $?
[ $rc = 65 ] && grep -q '^klaar: 0 gebouwd, 5 actueel, 2 mislukt' "$tmp/out" &&
  grep -Eq '^\[[0-9]/7\] mislukt synthetische-regio-05/2017-2018 \([0-9]+,[0-9]{2} s, status 65\)$' "$tmp/out"
st=$?; ok "status 65, region 05 and annex failed, others current ($rc): $(summary)" $st
same_as_snapshot && manifest_consistent
ok "failed outputs keep their previous files" $?
rm "$r5/correcties/fout.csv"
run
[ $rc = 0 ] && [ -z "$(built)" ]
ok "fixed: back to the recorded inputs, nothing to build" $?

# 6. SIGINT in the middle of a run: finished outputs stay, others stay old,
# no temporaries, manifest consistent; the next run finishes the work.
# A trailing blank line changes every fingerprint but not the PDFs.
for f in "$proj"/*/2017-2018/regio.csv; do echo >>"$f"; done
"$bin" batch "$proj" -j 1 >"$tmp/out" 2>"$tmp/err" &
pid=$!
for _ in $(seq 1 500); do grep -q ' gebouwd ' "$tmp/out" 2>/dev/null && break; sleep 0.01; done
kill -INT $pid
wait $pid
rc=$?
first=$(n_built)
[ $rc = 130 ] && grep -q '^onderbroken: ' "$tmp/out" && [ "$first" -lt 7 ]
st=$?; ok "SIGINT: exit 130 after $first of 7 ($rc): $(summary)" $st
pdfs_same_as_snapshot
ok "SIGINT: every PDF intact" $?
manifest_consistent
ok "SIGINT: manifest consistent, no temporaries" $?
run -j 2
[ $rc = 0 ] && [ "$(n_built)" = $((7 - first)) ]
st=$?; ok "the next run builds the remaining $((7 - first)): $(summary)" $st
run
[ $rc = 0 ] && [ -z "$(built)" ]
ok "and then nothing" $?
snapshot

# 7. a full disk (ulimit -f 40 KB: every PDF is larger): every build fails
# with a write error, old files and manifest stay, the next run does the work
for f in "$proj"/*/2017-2018/regio.csv; do echo >>"$f"; done
(ulimit -f 40 && exec "$bin" batch "$proj" -j 2) >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc = 74 ] && grep -q '^klaar: 0 gebouwd, 0 actueel, 7 mislukt' "$tmp/out" &&
  grep -q 'cannot write' "$tmp/err"
st=$?; ok "ulimit -f: status 74, 7 failed ($rc): $(summary); $(head -c 200 "$tmp/err")" $st
same_as_snapshot && manifest_consistent
ok "ulimit -f: old outputs and manifest byte-identical, no temporaries" $?
run -j 2
[ $rc = 0 ] && grep -q '^klaar: 7 gebouwd' "$tmp/out" && pdfs_same_as_snapshot
ok "after the full disk the next run rebuilds all 7 identically" $?

# 8. command line and project errors
"$bin" batch >"$tmp/out" 2>"$tmp/err"
[ $? = 64 ]
ok "no PROJECT: 64" $?
"$bin" batch "$proj" -j 0 >"$tmp/out" 2>"$tmp/err"
[ $? = 64 ]
ok "-j 0: 64" $?
"$bin" batch "$tmp/geen" >"$tmp/out" 2>"$tmp/err"
[ $? = 66 ] && grep -q "no such project directory" "$tmp/err"
ok "missing project: 66" $?
mkdir "$tmp/leeg"
"$bin" batch "$tmp/leeg" >"$tmp/out" 2>"$tmp/err"
[ $? = 66 ] && grep -q "no data directories" "$tmp/err"
ok "empty project: 66" $?
"$bin" batch "$proj" -o "$tmp/elders" -j 2 >"$tmp/out" 2>"$tmp/err"
[ $? = 0 ] && [ -f "$tmp/elders/manifest.tsv" ] && grep -q '^klaar: 7 gebouwd' "$tmp/out"
ok "-o OUTDIR" $?
SOURCE_DATE_EPOCH=1546300801 "$bin" batch "$proj" -o "$tmp/elders" -j 2 >"$tmp/out" 2>"$tmp/err"
[ $? = 0 ] && grep -q '^klaar: 7 gebouwd' "$tmp/out"
ok "another SOURCE_DATE_EPOCH rebuilds everything" $?

# 9. a second batch on the same OUTDIR is refused while the first holds the lock
python3 -c 'import fcntl, sys, time
f = open(sys.argv[1], "a"); fcntl.lockf(f, fcntl.LOCK_EX); print("locked", flush=True); time.sleep(20)' \
  "$out/.batch.lock" >"$tmp/lock" &
holder=$!
for _ in $(seq 1 300); do grep -q locked "$tmp/lock" 2>/dev/null && break; sleep 0.01; done
run
kill $holder 2>/dev/null
wait $holder 2>/dev/null
[ $rc = 73 ] && grep -q "another jaarverslag batch is writing here" "$tmp/err"
ok "locked OUTDIR: 73 ($rc)" $?

e2e_end
