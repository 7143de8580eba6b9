#!/usr/bin/env bash
# --explain on the bundled G4/G32 data of 2014-2015 agrees, for every row of
# the CSV files and every indicator of the letter's maps, with rates and
# classes computed here independently (exact fractions, no floating point):
# count, leerplichtigen and rate in Dutch notation, the class label; and
# every other municipality is "geen gegevens" (with --all; without it only the
# data's rows). The 95 % interval is checked against exact Poisson bounds
# found here by bisection on the Poisson sums, and the "klasse onzeker" flag
# against its rule (count below 5, or the interval over more than one class).
set -euo pipefail
. "$(dirname "$0")/lib/e2e.sh"
for ind in vrijstelling_5a absoluut_verzuim langdurig_relatief_verzuim langdurig_relatief_verzuim_3m; do
  "$bin" map --indicator "$ind" --data "$src/data/g4-g32/2014-2015" --national --explain --all \
    >"$tmp/$ind.txt" 2>/dev/null
  "$bin" map --indicator "$ind" --data "$src/data/g4-g32/2014-2015" --explain \
    >"$tmp/$ind.data.txt" 2>/dev/null
done
python3 - "$src/data/g4-g32/2014-2015" "$tmp" <<'PY'
import csv, math, os, sys
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
def cdf(k, mu):  # P(X <= k) for a Poisson mean mu
    if mu == 0:
        return 1.0
    return sum(math.exp(-mu + i * math.log(mu) - math.lgamma(i + 1)) for i in range(k + 1))
def root(f, lo, hi):  # f falls from >0 to <0 on [lo, hi]
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if f(mid) > 0 else (lo, mid)
    return (lo + hi) / 2
def interval(k):
    lo = 0.0 if k == 0 else root(lambda mu: 0.025 - (1 - cdf(k - 1, mu)), 0, 10 * k + 10)
    hi = root(lambda mu: cdf(k, mu) - 0.025, 0, 10 * k + 20)
    return lo, hi
def cls(rate):
    return sum(1 for e in edges if (rate > 0 if e == 0 else rate >= e))
def dutch1(x):
    t = math.floor(x * 10 + 0.5)
    return f"{dutch_int(t // 10)},{t % 10}"
bad = checked = 0
for ind in ("vrijstelling_5a", "absoluut_verzuim", "langdurig_relatief_verzuim",
            "langdurig_relatief_verzuim_3m"):
    lines = [l.rstrip("\n").split("\t") for l in open(os.path.join(tmp, ind + ".txt"), encoding="utf-8")]
    want_head = ["cbs_code", "gemeente", ind, "leerplichtigen_5_17", "per_1000", "klasse",
                 "interval_95", "klasse_onzeker"]
    if lines[0] != want_head:
        print(f"FAIL {ind}: header {lines[0]}")
        bad += 1
    lines = lines[1:]
    assert len(lines) == 393, (ind, len(lines))
    only = [l.rstrip("\n").split("\t") for l in open(os.path.join(tmp, ind + ".data.txt"), encoding="utf-8")]
    if only[0] != want_head or sorted(l[0] for l in only[1:]) != sorted(rows):
        print(f"FAIL {ind}: without --all, --explain lists {len(only) - 1} rows, not the data's {len(rows)}")
        bad += 1
    seen = set()
    for code, name, count, base, rate, lab, iv, flag in lines:
        if code not in rows:
            if (count, base, rate, lab, iv, flag) != ("\u2013", "\u2013", "\u2013", "geen gegevens", "\u2013", "nee"):
                print(f"FAIL {ind}: {name} has no data but reads {count} {base} {rate} {lab}")
                bad += 1
            continue
        seen.add(code)
        r = rows[code]
        b = int(r["leerplichtigen_5_17"])
        if r[ind] == "n.b.":
            want = ("n.b.", dutch_int(b), "n.b.", "geen gegevens", "\u2013", "nee")
        else:
            c = int(r[ind])
            fr = Fraction(c * 1000, b)
            lo, hi = interval(c)
            lo, hi = lo * 1000 / b, hi * 1000 / b
            unsure = c < 5 or cls(lo) != cls(hi)
            want = (dutch_int(c), dutch_int(b), dutch_tenths(fr), label(fr),
                    f"{dutch1(lo)} - {dutch1(hi)}", "ja" if unsure else "nee")
        checked += 1
        if (count, base, rate, lab, iv, flag) != want:
            print(f"FAIL {ind}: {name}: got {(count, base, rate, lab, iv, flag)}, want {want}")
            bad += 1
    if seen != set(rows):
        print(f"FAIL {ind}: rows missing from --explain: {set(rows) - seen}")
        bad += 1
print(f"{checked} rows checked")
sys.exit(1 if bad else 0)
PY
echo "PASS"
