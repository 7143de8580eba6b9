#!/usr/bin/env bash
# A report over five school years (the ZHZ test project plus three earlier
# years on their own indeling), the bundled template plus four regional
# trends and a panel of key-figure cards of earlier years:
# - a trend of an indicator no year has is left out with a warning at its
#   template line, and the report is still made (exit 0);
# - each trend's source line says the recompute note once, naming the
#   years it applies to, and is wrapped whole (no "…");
# - the note under the key-figure panel is on the panel's page.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
p=$tmp/zhz
. "$src/tests/e2e/lib/zhz_project.sh"
zhz_project "$p"
zhz_earlier_years "$p" 2014 2015 2016
mkdir -p "$p/sjabloon"
cp -r "$src/templates/zuid-holland-zuid/." "$p/sjabloon/"
tpl=$p/sjabloon/jaarverslag.md
cat >>"$tpl" <<'MD'

# Meer trends

::grafiek{soort=trend indicator=absoluut_verzuim eenheid=per_1000 titel="Absoluut verzuim per 1.000 in {regio}"}

::grafiek{soort=trend indicator=absoluut_verzuim eenheid=aantal titel="Absoluut verzuim in {regio}"}

::grafiek{soort=trend indicator=relatief_verzuim eenheid=aantal titel="Relatief verzuim in {regio}"}

::grafiek{soort=trend indicator=thuiszitters_actueel eenheid=aantal titel="Thuiszitters in {regio}"}

::kerncijfer{indicator=relatief_verzuim jaar=-1 label="Relatief verzuimers"}
::kerncijfer{indicator=relatief_verzuim jaar=-2 label="Relatief verzuimers"}
::kerncijfer{indicator=relatief_verzuim jaar=-3 label="Relatief verzuimers"}

::kerncijfer{indicator=absoluut_verzuim jaar=-1 label="Absoluut verzuimers"}
::kerncijfer{indicator=absoluut_verzuim jaar=-2 label="Absoluut verzuimers"}
::kerncijfer{indicator=absoluut_verzuim jaar=-4 label="Absoluut verzuimers"}

::kerncijfer{indicator=relatief_verzuim jaar=-1 eenheid=per_1000 label="Relatief verzuimers"}
::kerncijfer{indicator=relatief_verzuim jaar=-2 eenheid=per_1000 label="Relatief verzuimers"}
::kerncijfer{indicator=relatief_verzuim jaar=2014-2015 eenheid=per_1000 label="Relatief verzuimers"}
MD
export SOURCE_DATE_EPOCH=1700000000
"$bin" report --data "$p/2019-2020" -o "$tmp/r.pdf" >/dev/null 2>"$tmp/err.txt" ||
  { cat "$tmp/err.txt"; echo "FAIL: report"; exit 1; }

# 2. the source lines of the trends over the earlier years
pdftotext "$tmp/r.pdf" "$tmp/r.txt"
python3 - "$tmp/r.txt" <<'PY' && ok || bad "trend source lines"
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
bad = []
if "\u2026" in text:
    bad.append("an ellipsis: something was cut off")
flat = re.sub(r"\s+", " ", text.replace("-\n", "-"))
# a trend's source line runs from "Bron: registratie Leerplicht ...;" to the
# closing bracket of what its figures leave out
srcs = re.findall(r"Bron: registratie Leerplicht Zuid-Holland Zuid;.*?\)\)?", flat)
years = "2014-2015, 2015-2016, 2016-2017 en 2017-2018"
want = (f"Bron: registratie Leerplicht Zuid-Holland Zuid; {years} omgerekend naar de gemeentelijke "
        "indeling 2020, zonder Vijfheerenlanden (Vianen hoorde toen niet bij Zuid-Holland Zuid)")
if len(srcs) < 4:
    bad.append(f"{len(srcs)} trend source lines over the earlier years, not 4 or more")
for s in srcs:
    if s.count("omgerekend") != 1:
        bad.append(f"the note {s.count('omgerekend')} times: {s}")
    elif s != want:
        bad.append(f"source line '{s}', not '{want}'")
if bad:
    print("\n".join(bad))
    sys.exit(1)
PY

# 3. the note under the panel on the panel's page
pages=$(pdfinfo "$tmp/r.pdf" | awk '/^Pages:/ { print $2 }')
panel=0 note=0
for ((i = 1; i <= pages; i++)); do
  t=$(pdftotext -f "$i" -l "$i" "$tmp/r.pdf" - | tr '\n' ' ')
  case $t in *"Kerncijfers: 1.948 Relatief verzuimers in 2017-2018"*) panel=$i ;; esac
  # the note, however it words its years: "Kerncijfers 2014-2015 ..."
  if grep -qE 'Kerncijfers [0-9]{4}-[0-9]{4}' <<<"$t"; then note=$i; fi
done
[ "$panel" -gt 0 ] && ok || bad "no key-figure panel found"
[ "$note" = "$panel" ] && ok || bad "the panel's note on page $note, the panel on page $panel"

# 1. a trend of an indicator that no year of the project has
printf '\n::grafiek{soort=trend indicator=luxe_verzuim titel="Luxe verzuim"}\n' >>"$tpl"
line=$(grep -n 'indicator=luxe_verzuim' "$tpl" | cut -d: -f1)
rc=0
"$bin" report --data "$p/2019-2020" -o "$tmp/lux.pdf" >/dev/null 2>"$tmp/lux.txt" || rc=$?
[ "$rc" = 0 ] && ok || bad "exit $rc for a trend without data: $(cat "$tmp/lux.txt")"
[ -s "$tmp/lux.pdf" ] && ok || bad "no report made"
grep -qF "$tpl:$line: warning: ::grafiek left out: no school year of the project has figures of 'luxe_verzuim'" \
  "$tmp/lux.txt" && ok || bad "no warning at $tpl:$line: $(cat "$tmp/lux.txt")"
! grep -q "error" "$tmp/lux.txt" && ok || bad "an error: $(cat "$tmp/lux.txt")"
# the left-out trend adds nothing, its title neither: the text is that of the
# report without its line (the template has "Luxe verzuim" of its own, in a
# national chart and the glossary; piped into grep -q, pdftotext's SIGPIPE
# hid those)
if [ -s "$tmp/lux.pdf" ]; then
  pdftotext "$tmp/lux.pdf" "$tmp/lux.pdf.txt"
  cmp -s "$tmp/r.txt" "$tmp/lux.pdf.txt" && ok ||
    bad "the left-out trend is in the report: $(diff "$tmp/r.txt" "$tmp/lux.pdf.txt" | head -5)"
fi
e2e_end
