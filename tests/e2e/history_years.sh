#!/usr/bin/env bash
# A project of four school years, one of them malformed, and a template of
# three regional trends and key-figure cards of several earlier years: the
# malformed year is read once, so its located warning (file:line:col, what
# was expected) is given once however many charts and cards use the project,
# and it is a gap in each trend, its card left out with a warning at its
# template line; the cards of the other years show their region totals on
# the report year's indeling (computed here from the CSV files), the same
# figures the trends give for those years.
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
p=$tmp/zhz
. "$src/tests/e2e/lib/zhz_project.sh"
zhz_project "$p"
# 2015-2016 and 2016-2017 on their own indeling (zhz_earlier_years):
# 2015-2016 with two more relatief verzuimers per municipality, 2016-2017
# with a word where a count belongs (line 3, column 3)
zhz_earlier_years "$p" 2015 2016
awk -F, -v OFS=, 'NR > 1 && $1 ~ /^GM/ { $4 += 2 } { print }' "$p/2015-2016/verzuim.csv" >"$tmp/v.csv"
mv "$tmp/v.csv" "$p/2015-2016/verzuim.csv"
sed -i '3s/^\([^,]*,[^,]*\),[0-9]*/\1,veel/' "$p/2016-2017/verzuim.csv"
mkdir -p "$p/sjabloon"
cat >"$p/sjabloon/jaarverslag.md" <<'MD'
---
titel: Verslag {schooljaar}
---

# Door de jaren

::grafiek{soort=trend indicator=relatief_verzuim eenheid=aantal titel="Relatief verzuim"}

::grafiek{soort=trend indicator=relatief_verzuim eenheid=per_1000 titel="Relatief verzuim per 1.000"}

::grafiek{soort=trend indicator=absoluut_verzuim eenheid=aantal titel="Absoluut verzuim"}

::kerncijfer{indicator=relatief_verzuim jaar=-1}
::kerncijfer{indicator=relatief_verzuim jaar=2015-2016}
::kerncijfer{indicator=relatief_verzuim jaar=2016-2017}
::kerncijfer{indicator=absoluut_verzuim jaar=-1}
::kerncijfer{indicator=absoluut_verzuim jaar=-2}
MD
"$bin" report --data "$p/2019-2020" -o "$tmp/r.pdf" >/dev/null 2>"$tmp/err.txt" ||
  { cat "$tmp/err.txt"; echo "FAIL: report"; exit 1; }
[ -s "$tmp/r.pdf" ] || bad "no PDF"
want="$p/2016-2017/verzuim.csv:3:3: warning: earlier school year left out of the comparisons: 'veel' is not a count"
count() { awk -v w="$1" 'index($0, w) { n++ } END { print n + 0 }' "$tmp/err.txt"; }
n=$(count "$want")
[ "$n" = 1 ] || bad "the malformed year's warning $n times, not once: $(cat "$tmp/err.txt")"
n=$(count "earlier school year left out")
[ "$n" = 1 ] || bad "$n 'left out' warnings, not 1: $(cat "$tmp/err.txt")"
grep -qF "sjabloon/jaarverslag.md:15: warning: ::kerncijfer left out: the project holds no data of school year 2016-2017" "$tmp/err.txt" ||
  bad "no located warning for the card of the malformed year: $(cat "$tmp/err.txt")"
"$bin" report --data "$p/2019-2020" --outline-text >"$tmp/outline.txt" 2>/dev/null
python3 - "$p" "$tmp/outline.txt" <<'PY' || bad "key figures and trends"
import csv, sys
proj, outline = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
def load(year, name):
    with open(f"{proj}/{year}/{name}", encoding="utf-8") as f:
        return {r["cbs_code"]: r for r in csv.DictReader(f) if r["cbs_code"].startswith("GM")}
dutch = lambda n: f"{n:,}".replace(",", ".")
# on the indeling 2020 without Vijfheerenlanden: Leerdam and Zederik left out
def total(year, k):
    rows = load(year, "verzuim.csv")
    return sum(int(r[k]) for c, r in rows.items() if c not in ("GM0545", "GM0707"))
rel17, rel15 = total("2017-2018", "relatief_verzuim"), total("2015-2016", "relatief_verzuim")
abs17, abs15 = total("2017-2018", "absoluut_verzuim"), total("2015-2016", "absoluut_verzuim")
now = load("2019-2020", "verzuim.csv")
rel19 = sum(int(r["relatief_verzuim"]) for r in now.values())
bad = []
if rel15 == rel17:
    bad.append("test data: 2015-2016 equals 2017-2018")
cards = (f"Kerncijfers: {dutch(rel17)} Relatief verzuimers in 2017-2018; {dutch(rel15)} Relatief "
         f"verzuimers in 2015-2016; {dutch(abs17)} Absoluut verzuimers in 2017-2018; {dutch(abs15)} "
         f"Absoluut verzuimers in 2015-2016.")
if cards not in outline:
    bad.append(f"outline lacks '{cards}'")
trend = (f"Relatief verzuimers, Zuid-Holland Zuid: van {dutch(rel15)} in 2015-2016 naar {dutch(rel19)} "
         f"in 2019-2020; hoogst {dutch(max(rel15, rel17, rel19))} ")
if trend not in outline:
    bad.append(f"outline lacks '{trend}'")
gaps = [l for l in outline.splitlines() if "alt: " in l and "Zuid-Holland Zuid: van" in l]
if len(gaps) != 3 or any("geen cijfer voor 2016-2017, 2018-2019." not in l for l in gaps):
    bad.append(f"the three trends should each have a gap for 2016-2017 and 2018-2019: {gaps}")
if bad:
    print("FAIL:\n" + "\n".join(bad))
    sys.exit(1)
PY
e2e_end
