#!/usr/bin/env bash
# Finished details of a report (issue 15): a table without titel gets its
# kind's Dutch title; a key-figure card of a year without data is left out
# with a located warning (no big "n.b."); a trend chart whose series end
# before the report year says up to which year; --no-charts also leaves out
# text marked ::bij-figuur; the default file name spells Súdwest-Fryslân in
# ASCII (sudwest-fryslan).
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"

mkdir "$tmp/tpl"
cat >"$tmp/tpl/t.md" <<'MD'
---
titel: Detailproef
---

# Cijfers

Inleiding bij de tabel.

::tabel{soort=absoluut_per_1000}

::bij-figuur

Zie de kerncijfers hieronder: FIGUURTEKST.

::kerncijfer{reeks=vsv jaar=0 label="schoolverlaters"}
::kerncijfer{reeks=vsv jaar=-1 label="schoolverlaters"}

::grafiek{soort=trend reeks=vsv titel="Schoolverlaters"}

Gewone tekst blijft: GEWONETEKST.
MD
"$bin" report --template "$tmp/tpl/t.md" -o "$tmp/a.pdf" 2>"$tmp/err.txt"
pdftotext "$tmp/a.pdf" "$tmp/a.txt" 2>/dev/null
tr '\n' ' ' <"$tmp/a.txt" >"$tmp/a1.txt"
grep -q "Tabel 1. Absoluut verzuimers per 1.000 leerplichtigen, 2017-2018" "$tmp/a1.txt" && ok ||
  bad "table without titel has no Dutch title: $(grep -o 'Tabel 1[^,]*' "$tmp/a1.txt")"
grep -q "absoluut_per_1000" "$tmp/a1.txt" && bad "the kind's key name is printed" || ok
# vsv has no figure for 2017-2018: that card is left out, warned at t.md:15
grep -q "t.md:15:.*warning: ::kerncijfer: series 'vsv' has no figure for 2017-2018" "$tmp/err.txt" && ok ||
  bad "no located warning for the empty key figure: $(cat "$tmp/err.txt")"
grep -q "n\.b\." "$tmp/a1.txt" && bad "an n.b. card is drawn" || ok
grep -q "665" "$tmp/a1.txt" && ok || bad "the card with data (665, 2016-2017) is missing"
grep -q "Cijfers tot en met 2016-2017" "$tmp/a1.txt" && ok ||
  bad "the trend chart does not say its series ends in 2016-2017"
grep -q "FIGUURTEKST" "$tmp/a1.txt" && ok || bad "text marked ::bij-figuur missing with charts"

"$bin" report --no-charts --template "$tmp/tpl/t.md" -o "$tmp/b.pdf" 2>/dev/null
pdftotext "$tmp/b.pdf" - 2>/dev/null | tr '\n' ' ' >"$tmp/b.txt"
grep -q "FIGUURTEKST" "$tmp/b.txt" && bad "--no-charts keeps the text about the figures" || ok
grep -q "GEWONETEKST" "$tmp/b.txt" && ok || bad "--no-charts dropped unmarked text"
grep -q "Tabel 1. Absoluut verzuimers" "$tmp/b.txt" && ok || bad "--no-charts dropped the table"

# the default template's sentence on the key figures goes with them
"$bin" report --no-charts -o "$tmp/c.pdf" 2>/dev/null
pdftotext "$tmp/c.pdf" - 2>/dev/null | tr '\n' ' ' >"$tmp/c.txt"
grep -q "later beschikbaar dan de verzuimcijfers" "$tmp/c.txt" && bad "default --no-charts keeps the key-figure sentence" || ok

# file name: letters with diacritics transliterated, not dropped
cp -r "$src/data/zuid-holland-zuid" "$tmp/data"
sed -i 's/Zuid-Holland Zuid/Súdwest-Fryslân/' "$tmp/data/2017-2018/"*.csv
(cd "$tmp" && "$bin" report --no-charts --data "$tmp/data/2017-2018" 2>/dev/null)
[ -s "$tmp/jaarverslag-sudwest-fryslan-2017-2018.pdf" ] && ok ||
  bad "default name not transliterated: $(ls "$tmp" | grep '^jaarverslag' | tr '\n' ' ')"

e2e_end
