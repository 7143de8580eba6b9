#!/usr/bin/env bash
# --explain on the bundled G4/G32 data of 2014-2015 agrees, for every row of
# the CSV files and every indicator of the letter's maps, with rates and
# classes computed here independently (exact fractions, no floating point):
# count, leerplichtigen and rate in Dutch notation, the class label; and
# every other municipality is "geen gegevens".
set -euo pipefail
bin=$1
src=${JV_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for ind in vrijstelling_5a absoluut_verzuim langdurig_relatief_verzuim langdurig_relatief_verzuim_3m; do
  "$bin" map --indicator "$ind" --data "$src/data/g4-g32/2014-2015" --explain \
    >"$tmp/$ind.txt" 2>/dev/null
done
python3 - "$src/data/g4-g32/2014-2015" "$tmp" <<'PY'
import csv, os, sys
from fractions import Fraction
data, tmp = sys.argv[1], sys.argv[2]
rows = {}
for f in sorted(os.listdir(data)):
    if f == "regio.csv" or not f.endswith(".csv"):
        continue
    for r in csv.DictReader(open(os.path.join(data, f), encoding="utf-8")):
        rows.setdefault(r["cbs_code"], {}).update(r)
assert len(rows) == 36, len(rows)
def dutch_int(n):
    return f"{n:,}".replace(",", ".")
def dutch_tenths(fr):
    t = (fr * 10 * 2 + 1) // 2          # round half up (counts are >= 0)
    return f"{dutch_int(t // 10)},{t % 10}"
edges = [Fraction(e) for e in (0, 1, 2, 3, 5)]
def label(rate):
    if rate == 0:
        return "geen"
    if rate < 1:
        return "tot 1 per 1.000"
    for lo, hi in zip(edges[1:], edges[2:]):
        if lo <= rate < hi:
            return f"{lo} tot {hi} per 1.000"
    return "5 of meer per 1.000"
bad = checked = 0
for ind in ("vrijstelling_5a", "absoluut_verzuim", "langdurig_relatief_verzuim",
            "langdurig_relatief_verzuim_3m"):
    lines = [l.rstrip("\n").split("\t") for l in open(os.path.join(tmp, ind + ".txt"), encoding="utf-8")]
    assert len(lines) == 393, (ind, len(lines))
    seen = set()
    for code, name, count, base, rate, lab in lines:
        if code not in rows:
            if (count, base, rate, lab) != ("\u2013", "\u2013", "\u2013", "geen gegevens"):
                print(f"FAIL {ind}: {name} has no data but reads {count} {base} {rate} {lab}")
                bad += 1
            continue
        seen.add(code)
        r = rows[code]
        b = int(r["leerplichtigen_5_17"])
        if r[ind] == "n.b.":
            want = ("n.b.", dutch_int(b), "n.b.", "geen gegevens")
        else:
            c = int(r[ind])
            fr = Fraction(c * 1000, b)
            want = (dutch_int(c), dutch_int(b), dutch_tenths(fr), label(fr))
        checked += 1
        if (count, base, rate, lab) != want:
            print(f"FAIL {ind}: {name}: got {(count, base, rate, lab)}, want {want}")
            bad += 1
    if seen != set(rows):
        print(f"FAIL {ind}: rows missing from --explain: {set(rows) - seen}")
        bad += 1
print(f"{checked} rows checked")
sys.exit(1 if bad else 0)
PY
echo "PASS"
