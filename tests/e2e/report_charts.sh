#!/usr/bin/env bash
# Charts in the report are vectors with real text: pdfimages lists no raster
# image, and pdftotext finds each chart's title, axis labels and school years.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
"$bin" report -o "$tmp/r.pdf"
"$bin" report --no-charts -o "$tmp/n.pdf"
images=$(pdfimages -list "$tmp/r.pdf" 2>/dev/null | tail -n +3 | wc -l)
[ "$images" -eq 0 ] || { pdfimages -list "$tmp/r.pdf"; echo "FAIL: $images raster images in the report"; exit 1; }
pdftotext "$tmp/r.pdf" "$tmp/r.txt" 2>/dev/null
expect() {
  if grep -qF -- "$1" "$tmp/r.txt"; then ok; else bad "'$1' not in the report text"; fi
}
# comparison charts: titles, the reference line labels, axis label and ticks
expect "Absoluut verzuimers per 1.000 leerplichtigen"
expect "Regio 0,6"
expect "Regio 27,3"
expect "per 1.000 leerplichtigen"
# stacked bars by onderwijssoort
expect "Relatief verzuimers naar onderwijssoort"
# national trend charts: every school year of the series, values in Dutch notation
for y in 2010-2011 2011-2012 2012-2013 2013-2014 2014-2015 2015-2016 2016-2017; do expect "$y"; done
expect "6.762"      # absoluut verzuim 2012-2013
expect "4.565"      # absoluut verzuim 2016-2017
expect "Vrijstellingen"
# key figures of chapter 4
expect "665"
expect "1,5%"
expect "3.822"
expect "risicoleerlingen"
pages_full=$(pdfinfo "$tmp/r.pdf" | awk '/^Pages/{print $2}')
pages_plain=$(pdfinfo "$tmp/n.pdf" | awk '/^Pages/{print $2}')
if [ "$pages_full" -gt "$pages_plain" ]; then ok; else bad "--no-charts not shorter ($pages_plain vs $pages_full)"; fi
# (from a file: piped into grep -q, pdftotext's SIGPIPE would hide a match)
pdftotext "$tmp/n.pdf" "$tmp/n.txt" 2>/dev/null
if grep -q "Regio 0,6" "$tmp/n.txt"; then bad "chart text in --no-charts report"; else ok; fi
e2e_end
