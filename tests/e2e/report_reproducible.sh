#!/usr/bin/env bash
# Same inputs and SOURCE_DATE_EPOCH give byte-identical PDFs; the dates inside
# follow SOURCE_DATE_EPOCH; an existing output is replaced atomically.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
SOURCE_DATE_EPOCH=1546300800 "$bin" report -o "$tmp/a.pdf"
sleep 1
SOURCE_DATE_EPOCH=1546300800 "$bin" report -o "$tmp/b.pdf"
cmp "$tmp/a.pdf" "$tmp/b.pdf" || { echo "FAIL: two runs differ"; exit 1; }
pdfinfo "$tmp/a.pdf" | grep -q "CreationDate:.*2019" || { pdfinfo "$tmp/a.pdf"; echo "FAIL: date not from SOURCE_DATE_EPOCH"; exit 1; }
# metadata
pdfinfo "$tmp/a.pdf" | grep -q "^Title:.*Jaarverslag Leerplicht en Voortijdig Schoolverlaten 2017-2018" || { echo "FAIL: title"; exit 1; }
pdfinfo "$tmp/a.pdf" | grep -q "^Author:.*Zuid-Holland Zuid" || { echo "FAIL: author"; exit 1; }
pdfinfo "$tmp/a.pdf" | grep -q "^Subject:.*schooljaar 2017-2018" || { echo "FAIL: subject"; exit 1; }
# an output that cannot be created: exit 73, nothing left behind
set +e
"$bin" report -o "$tmp/no/such/dir/x.pdf" 2>"$tmp/err.txt"; rc=$?
set -e
[ "$rc" -eq 73 ] || { cat "$tmp/err.txt"; echo "FAIL: want exit 73, got $rc"; exit 1; }
grep -q "x.pdf" "$tmp/err.txt" || { echo "FAIL: error does not name the output"; exit 1; }
# usage errors: 64
set +e
"$bin" report --bogus 2>/dev/null; rc=$?
"$bin" report extra-arg 2>/dev/null; rc2=$?
"$bin" report --data "$tmp/missing" -o "$tmp/m.pdf" 2>/dev/null; rc3=$?
set -e
[ "$rc" -eq 64 ] && [ "$rc2" -eq 64 ] || { echo "FAIL: usage errors exit $rc/$rc2"; exit 1; }
[ "$rc3" -eq 66 ] || { echo "FAIL: missing data dir exit $rc3 (want 66)"; exit 1; }
[ ! -e "$tmp/m.pdf" ] || { echo "FAIL: output written on error"; exit 1; }
left=$(find "$tmp" -name '.*.pdf.*' | wc -l)
[ "$left" -eq 0 ] || { echo "FAIL: temporary files left behind"; exit 1; }
echo "1 passed, 0 failed"
