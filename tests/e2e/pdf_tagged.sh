#!/usr/bin/env bash
# Tagged PDF/UA-1, the default report (the annex and a map: pdf_tagged_annex.sh): tagged;
# the structure tree (poppler's pdfinfo -struct-text) holds every heading, table header
# cell and figure text alternative of --outline-text in template order and the table rows
# their cells; the checker passes (and fails on a damaged copy); extracted text joins
# hyphenated words and keeps real hyphens.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
. "$here/lib/tagged.sh"
py=/usr/bin/python3

"$bin" report -o "$tmp/report.pdf" 2>/dev/null
"$bin" report --outline-text >"$tmp/report.txt" 2>/dev/null
tagged_checks report
$py "$here/lib/struct_order.py" "$tmp/report.txt" "$tmp/report.struct" \
  "Zuid-Holland Zuid=76.533" "Korendijk=0,6" "Dordrecht=17.117" || bad "report: structure order"
# the cover reads top-down: title, subtitle, year, region
# (sed, not head: the pipeline must read to its end under pipefail)
grep -A1 '^  [HP]' "$tmp/report.struct" | grep '^    "' | sed -n '1,4{s/^ *"//;s/"$//;p}' >"$tmp/cover.txt"
printf '%s\n' "Jaarverslag Leerplicht en Voortijdig Schoolverlaten" \
  "Terugblik op het schooljaar, in cijfers en verhalen" "2017-2018" "Zuid-Holland Zuid" |
  cmp -s - "$tmp/cover.txt" || { cat "$tmp/cover.txt"; bad "cover not in reading order"; }

# extracted text: hyphenated words whole, real hyphens kept, words with spaces
pdftotext "$tmp/report.pdf" "$tmp/report.pdftxt"
tr '\n' ' ' <"$tmp/report.pdftxt" >"$tmp/flat.txt"
grep -q "staat ingeschreven, komt" "$tmp/flat.txt" || bad "pdftotext: 'ingeschreven' not joined"
if grep -q "ingeschre-" "$tmp/flat.txt"; then bad "pdftotext: 'ingeschre-ven'"; fi
grep -q "een proces-verbaal opmaken" "$tmp/flat.txt" || bad "pdftotext: 'proces-verbaal' lost its hyphen"
if grep -q "procesverbaal" "$tmp/flat.txt"; then bad "pdftotext: 'procesverbaal'"; fi
grep -q "\"Voorwoord 2\"" "$tmp/report.struct" || bad "TOC entry and page number run together"

# the checker finds what it is there for: a Figure without Alt, an annotation
# outside the tree, untagged content
$py - "$tmp/report.pdf" "$tmp/broken.pdf" <<'PY'
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
def walk(e):
    k = e.get("/K")
    for c in (k if isinstance(k, pikepdf.Array) else [k] if k is not None else []):
        if isinstance(c, pikepdf.Dictionary) and "/S" in c:
            if c.S == pikepdf.Name.Figure and "/Alt" in c:
                del c["/Alt"]
                return True
            if walk(c):
                return True
walk(pdf.Root.StructTreeRoot)
del pdf.pages[2].obj.Annots[0]["/StructParent"]
pdf.pages[3].contents_add(pikepdf.Stream(pdf, b"0 0 m 10 10 l S"), prepend=False)
pdf.save(sys.argv[2])
PY
$py "$here/lib/pdfua_check.py" "$tmp/broken.pdf" >"$tmp/broken.txt" && bad "checker passes a damaged PDF"
grep -q "without /Alt" "$tmp/broken.txt" || bad "checker misses a Figure without Alt"
grep -q "annotation without a ParentTree entry" "$tmp/broken.txt" || bad "checker misses an annotation"
grep -q "neither tagged nor artifact" "$tmp/broken.txt" || bad "checker misses untagged content"
e2e_end
