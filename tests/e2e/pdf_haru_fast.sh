#!/usr/bin/env bash
# libharu's calls to HPDF_MemSet, HPDF_MemCpy, HPDF_StrLen, HPDF_StrCpy and
# HPDF_TTFontDef_GetGlyphid bind to the program's faster definitions
# (render/pdf_haru_fast.c): the dynamic linker's own record of a report run
# (LD_DEBUG=bindings) shows each symbol bound from libhpdf to the program.
# This fails if the executable stops exporting them or libharu starts
# calling its own copies directly.
set -u
. "$(dirname "$0")/lib/e2e.sh"
export JAARVERSLAG_HOME=$src
LD_DEBUG=bindings LD_DEBUG_OUTPUT="$tmp/ld" "$bin" report -o "$tmp/r.pdf" 2>/dev/null ||
  { echo "FAIL: report"; exit 1; }
qpdf --check "$tmp/r.pdf" >/dev/null || { echo "FAIL: qpdf --check"; exit 1; }
exe=$(basename "$bin")
for sym in HPDF_MemSet HPDF_MemCpy HPDF_StrLen HPDF_StrCpy HPDF_TTFontDef_GetGlyphid; do
  if cat "$tmp"/ld.* | grep -E "binding file [^ ]*libhpdf[^ ]* \[0\] to [^ ]*$exe \[0\]: normal symbol \`$sym'" >/dev/null; then
    echo "ok: $sym bound to $exe"
  else
    echo "FAIL: libharu's $sym is not bound to $exe:"
    cat "$tmp"/ld.* | grep "$sym" | head -3
    fail=$((fail + 1))
  fi
done
# the text is the text: every word of the first page comes out
pdftotext -f 1 -l 1 "$tmp/r.pdf" - | grep -q "Jaarverslag" || bad "page 1 text"
e2e_end
