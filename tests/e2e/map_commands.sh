#!/usr/bin/env bash
# Consistent map commands and the letter's wording: `map` of a region that
# regios.csv does not define zooms to the data's municipalities (as `report`
# does); --explain has a header row and lists the data's municipalities
# (--all: every focus one); for Strijen 2017-2018 (2 absoluut verzuimers of
# 1.157) it gives the 95 % interval 0,2 - 6,2 and flags the class; --labels
# letter reproduces the seven legend lines of the 2014-2015 letter, with the
# edge rule in the footnote, and the default keeps "5 of meer".
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
die() { echo "FAIL: $*"; exit 1; } # the first failure ends the test

# Strijen
"$bin" map --indicator absoluut_verzuim --data "$src/data/zuid-holland-zuid/2017-2018" --explain \
  >"$tmp/zhz.txt" 2>/dev/null
head -1 "$tmp/zhz.txt" | grep -qP '^cbs_code\tgemeente\tabsoluut_verzuim\tleerplichtigen_5_17\tper_1000\tklasse\tinterval_95\tklasse_onzeker$' ||
  die "header row: $(head -1 "$tmp/zhz.txt")"
grep -qP '^GM0617\tStrijen\t2\t1.157\t1,7\t1 tot 2 per 1.000\t0,2 - 6,2\tja$' "$tmp/zhz.txt" ||
  die "Strijen: $(grep Strijen "$tmp/zhz.txt")"
# a threshold of 0 and a large municipality: Dordrecht (9 of 17.117) stays certain
grep -qP '^GM0505\tDordrecht\t9\t17.117\t0,5\ttot 1 per 1.000\t0,2 - 1,0\tnee$' "$tmp/zhz.txt" ||
  die "Dordrecht: $(grep Dordrecht "$tmp/zhz.txt")"
"$bin" map --indicator absoluut_verzuim --data "$src/data/zuid-holland-zuid/2017-2018" --explain \
  --small-numbers off >"$tmp/off.txt" 2>/dev/null
[ "$(cut -f8 "$tmp/off.txt" | grep -c '^ja$' || true)" = 0 ] || die "--small-numbers off still flags"

# the map marks them: the legend row counts the flagged municipalities, the
# footnote states the rule; --small-numbers off drops both
flagged=$(tail -n +2 "$tmp/zhz.txt" | cut -f8 | grep -c '^ja$')
"$bin" map --indicator absoluut_verzuim --data "$src/data/zuid-holland-zuid/2017-2018" \
  -o "$tmp/zhz.pdf" 2>/dev/null
pdftotext -raw "$tmp/zhz.pdf" "$tmp/zhzpdf.txt" 2>/dev/null
grep -qx "kleine aantallen: klasse onzeker $flagged" "$tmp/zhzpdf.txt" ||
  die "legend row for $flagged flagged municipalities missing"
grep -q "Kleine aantallen: minder dan 5 gevallen" "$tmp/zhzpdf.txt" || die "no footnote on the rule"
"$bin" map --indicator absoluut_verzuim --data "$src/data/zuid-holland-zuid/2017-2018" \
  --small-numbers off -o "$tmp/off.pdf" 2>/dev/null
pdftotext -raw "$tmp/off.pdf" - 2>/dev/null | grep -qi "kleine aantallen" && die "marks with off"
# the report's text alternative of that map names them (Strijen among them)
(cd "$tmp" && "$bin" report --outline-text 2>/dev/null >"$tmp/outline.txt")
grep -q "Kleine aantallen, klasse onzeker ($flagged gemeenten): .*Strijen" "$tmp/outline.txt" ||
  die "text alternative does not name the flagged municipalities"

# a region regios.csv does not know: the map is of its data, not the country
python3 "$src/scripts/synthetic_project.py" --regions 39 --take 1 --home "$src" "$tmp/syn" >/dev/null
data=$tmp/syn/synthetische-regio-01/2017-2018
rows=$(python3 -c "import csv,sys; print(len(list(csv.DictReader(open(sys.argv[1], encoding='utf-8')))))" \
  "$data/leerplichtigen.csv")
"$bin" map --indicator vrijstelling_5a --data "$data" --explain --all >"$tmp/syn.txt" 2>/dev/null
n=$(($(wc -l <"$tmp/syn.txt") - 1))
[ "$n" -lt 30 ] && [ "$n" -ge "$rows" ] || die "synthetic region map has $n municipalities, data $rows"
"$bin" map --indicator vrijstelling_5a --data "$data" --national --explain --all >"$tmp/nl.txt" \
  2>/dev/null
[ "$(($(wc -l <"$tmp/nl.txt") - 1))" = 380 ] || die "--national is not the country"
# without --all only the data's rows
"$bin" map --indicator vrijstelling_5a --data "$data" --national --explain >"$tmp/nl2.txt" 2>/dev/null
[ "$(($(wc -l <"$tmp/nl2.txt") - 1))" = "$rows" ] || die "--explain lists more than the data"

# the letter's legend, in order, and the footnote
"$bin" map --indicator vrijstelling_5a --year 2014-2015 --national --labels letter \
  -o "$tmp/letter.pdf" 2>/dev/null
pdftotext -raw "$tmp/letter.pdf" "$tmp/letter.txt" 2>/dev/null
python3 - "$tmp/letter.txt" <<'PY'
import sys
lines = [l.strip() for l in open(sys.argv[1], encoding="utf-8")]
want = ["geen", "tot 1 per 1.000", "1 tot 2 per 1.000", "2 tot 3 per 1.000", "3 tot 5 per 1.000",
        "meer dan 5 per 1.000", "non-respons"]
# each legend line is its label, then the count of municipalities
labels = [l.rsplit(" ", 1)[0] for l in lines if l.rsplit(" ", 1)[0] in want]
assert labels == want, labels
text = " ".join(lines)
assert "5 of meer" not in text, "exact wording in a letter map"
assert "5,0 per 1.000 valt in meer dan 5 per 1.000" in text, "edge rule not in the footnote"
PY
"$bin" map --indicator vrijstelling_5a --year 2014-2015 --national -o "$tmp/exact.pdf" 2>/dev/null
pdftotext -raw "$tmp/exact.pdf" - 2>/dev/null | grep -q "^5 of meer per 1.000" ||
  die "default wording is not '5 of meer'"
pdftotext -raw "$tmp/exact.pdf" - 2>/dev/null | grep -q "meer dan 5" && die "letter wording by default"
# templates: the ministry annex uses the letter's wording, the regional report
# keeps "5 of meer"; kleine-aantallen=uit in a ::kaart drops the marks
"$bin" report --template "$src/templates/ministerie-bijlage/bijlage.md" \
  --data "$src/data/g4-g32/2014-2015" -o "$tmp/annex.pdf" 2>/dev/null >/dev/null
pdftotext -raw "$tmp/annex.pdf" "$tmp/annex.txt" 2>/dev/null
[ "$(grep -c '^meer dan 5 per 1.000' "$tmp/annex.txt")" = 3 ] || die "annex maps lack the letter's wording"
grep -q "5 of meer" "$tmp/annex.txt" && die "annex uses the exact wording"
cp -r "$src/templates/zuid-holland-zuid" "$tmp/tpl"
sed -i 's/^::kaart{indicator=absoluut_verzuim /::kaart{indicator=absoluut_verzuim kleine-aantallen=uit /' \
  "$tmp/tpl/jaarverslag.md"
grep -q "kleine-aantallen=uit" "$tmp/tpl/jaarverslag.md" || die "template not changed"
"$bin" report --template "$tmp/tpl/jaarverslag.md" -o "$tmp/tpl.pdf" 2>/dev/null >/dev/null
pdftotext -raw "$tmp/tpl.pdf" "$tmp/tpl.txt" 2>/dev/null
grep -q "^5 of meer per 1.000" "$tmp/tpl.txt" || die "report lost '5 of meer'"
# three maps in the report; with the marks off in one, two legend rows remain
[ "$(grep -c '^kleine aantallen: klasse onzeker' "$tmp/tpl.txt")" = 2 ] ||
  die "kleine-aantallen=uit did not drop that map's marks"
echo "PASS"
