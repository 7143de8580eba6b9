#!/usr/bin/env bash
# Tagged PDF/UA-1, the ministry annex and a standalone map PDF: tagged, the checker
# passes, no poppler warning, and the structure tree (pdfinfo -struct-text) holds every
# heading, table header cell and map text alternative of --outline-text in order.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
. "$here/lib/tagged.sh"
py=/usr/bin/python3

annex=(--template "$src/templates/ministerie-bijlage/bijlage.md" --data "$src/data/g4-g32/2014-2015")
"$bin" report "${annex[@]}" -o "$tmp/annex.pdf" 2>/dev/null
"$bin" report "${annex[@]}" --outline-text >"$tmp/annex.txt" 2>/dev/null
"$bin" map -i vrijstelling_5a --national -y 2014-2015 -o "$tmp/map.pdf" 2>/dev/null
tagged_checks annex map
$py "$here/lib/struct_order.py" "$tmp/annex.txt" "$tmp/annex.struct" "Amsterdam=98.243" ||
  bad "annex: structure order"
# the map: one Figure whose text is the generated alternative
grep -q '^  Figure:' "$tmp/map.struct" || bad "map: no Figure"
grep -q '"Kaart: .*Alkmaar 0,8' "$tmp/map.struct" || bad "map: Figure text is not its alternative"
e2e_end
