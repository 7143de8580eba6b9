# Sourced after lib/e2e.sh by the tagged-PDF tests (pdf_tagged.sh,
# pdf_tagged_annex.sh): tagged_checks NAME... checks $tmp/NAME.pdf for each
# NAME: pdfinfo says Tagged, the PDF/UA checker (lib/pdfua_check.py)
# passes, and pdfinfo -struct-text gives no poppler warning; the structure
# tree is left in $tmp/NAME.struct for the test's own checks.
tagged_checks() {
  local f
  for f in "$@"; do
    pdfinfo "$tmp/$f.pdf" >"$tmp/$f.info"
    grep -q "^Tagged: *yes" "$tmp/$f.info" || bad "$f: not tagged"
    /usr/bin/python3 "$here/lib/pdfua_check.py" "$tmp/$f.pdf" || bad "$f: checker"
    pdfinfo -struct-text "$tmp/$f.pdf" >"$tmp/$f.struct" 2>"$tmp/$f.err"
    [ ! -s "$tmp/$f.err" ] || { cat "$tmp/$f.err"; bad "$f: poppler warns"; }
  done
}
